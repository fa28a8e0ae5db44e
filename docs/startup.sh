#!/usr/bin/env bash
# Start-up time of the window: from the command to a drawn, filled sign-in list, RUNS times.
#   docs/startup.sh DISPLAY DB [RUNS]
# e.g. docs/startup.sh :91 /tmp/big/db 3   (an X display, e.g. Xvfb :91 -screen 0 1600x1000x24)
# Each run starts bin/impact-desk with -Dimpactdesk.startupTrace=exit (the window prints when the
# list was drawn and closes) and a throw-away preferences folder; prints the milliseconds from the
# command to that frame, the CPU time the run used (independent of other work on the machine),
# and the load average beside it. The first run after a build also writes
# the class-data sharing archive (target/cds/window.jsa) as it exits; the runs after it use it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
display="$1" db="$2" runs="${3:-3}"
for i in $(seq 1 "$runs"); do
    tmp="$(mktemp -d)"
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    t0="$(date +%s%3N)"
    DISPLAY="$display" IMPACT_DESK_JAVA_OPTS="-Djava.util.prefs.userRoot=$tmp/prefs -Dimpactdesk.startupTrace=exit ${STARTUP_OPTS:-}" \
        /usr/bin/time -f "cpu %U %S" -o "$tmp/cpu" "$root/bin/impact-desk" --db "$db" >"$tmp/out.log" 2>&1 || true
    shown="$(sed -n 's/^impact-desk startup: sign-in list shown at \([0-9]*\) .*/\1/p' "$tmp/out.log" | head -1)"
    cpu="$(awk '/^cpu/ {printf "%.1f", $2 + $3}' "$tmp/cpu")"
    if [ -n "$shown" ]; then
        echo "run $i: $((shown - t0)) ms to the sign-in list; whole run ${cpu} s CPU (user+sys, to the window's close); load average before: $load"
    else
        echo "run $i: no start-up trace; log:" >&2; tail -20 "$tmp/out.log" >&2
    fi
    rm -rf "$tmp"
done
