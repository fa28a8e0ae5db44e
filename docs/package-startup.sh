#!/usr/bin/env bash
# Start-up of the package against bin/impact-desk (issue 17): the window to a drawn, filled sign-in
# list, `show annual ... --json` and `--version`, RUNS times each, taking turns, then the medians.
#   docs/package-startup.sh DISPLAY DB [RUNS] [IMAGE]
# e.g. docs/package-startup.sh :88 /tmp/demo-db 3
# DB: an existing database (e.g. the demo: bin/impact-desk --db DB import data/demo; ... generate
# --year 2025 --period all). IMAGE: the app image (default target/package/image/impact-desk, made by
# bin/impact-desk package). "before" is bin/impact-desk of this folder, or of BEFORE=FOLDER (e.g. a
# clone of the code before the package), from a plain build (its class-sharing caches in target/cds/
# written by earlier runs: run this twice and quote the second); "after" is the image's launchers. Each line: wall milliseconds from the command to its answer, the CPU seconds
# (user+sys) of the whole run, and the 1-minute load average before it. The window runs use
# -Dimpactdesk.startupTrace=exit (the window prints when the list was drawn, and closes) and a
# throw-away preferences folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before="${BEFORE:-$root}"
display="$1" db="$2" runs="${3:-3}" image="${4:-$root/target/package/image/impact-desk}"
[ -x "$image/bin/impact-desk-cli" ] || { echo "no app image at $image (bin/impact-desk package)" >&2; exit 2; }
mentor="${MENTOR:-pm-0001}" year="${YEAR:-2025}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# one timed run: NAME KIND COMMAND...; appends "KIND NAME ms cpu load" to $out/rows
timed() {
    local name="$1" kind="$2"; shift 2
    local tmp load t0 t1 ms cpu shown
    tmp="$(mktemp -d)"
    load="$(cut -d' ' -f1 /proc/loadavg)"
    t0="$(date +%s%3N)"
    /usr/bin/time -f "%U %S" -o "$tmp/cpu" "$@" >"$tmp/out" 2>"$tmp/err" || true
    t1="$(date +%s%3N)"
    if [ "$kind" = window ]; then
        shown="$(sed -n 's/^impact-desk startup: sign-in list shown at \([0-9]*\) .*/\1/p' "$tmp/out" "$tmp/err" | head -1)"
        [ -n "$shown" ] || { echo "$name window: no start-up trace:" >&2; tail -5 "$tmp/err" >&2; rm -rf "$tmp"; return; }
        ms=$((shown - t0))
    else
        ms=$((t1 - t0))
        [ -s "$tmp/out" ] || { echo "$name $kind printed nothing:" >&2; tail -5 "$tmp/err" >&2; }
    fi
    cpu="$(awk 'END {printf "%.2f", $1 + $2}' "$tmp/cpu")"
    echo "$kind $name $ms $cpu $load" | tee -a "$out/rows"
    rm -rf "$tmp"
}

for i in $(seq 1 "$runs"); do
    prefs="$(mktemp -d)"
    timed before window env DISPLAY="$display" \
        IMPACT_DESK_JAVA_OPTS="-Djava.util.prefs.userRoot=$prefs -Dimpactdesk.startupTrace=exit" "$before/bin/impact-desk" --db "$db"
    timed after window env DISPLAY="$display" \
        JAVA_TOOL_OPTIONS="-Djava.util.prefs.userRoot=$prefs -Dimpactdesk.startupTrace=exit" "$image/bin/impact-desk" --db "$db"
    timed before show "$before/bin/impact-desk" --db "$db" show annual --mentor "$mentor" --year "$year" --json
    timed after show "$image/bin/impact-desk-cli" --db "$db" show annual --mentor "$mentor" --year "$year" --json
    timed before version "$before/bin/impact-desk" --version
    timed after version "$image/bin/impact-desk-cli" --version
    rm -rf "$prefs"
done

echo
echo "| what | before: bin/impact-desk | after: the package | load (1 min) during the runs |"
echo "|---|---:|---:|---|"
for kind in window show version; do
    med() { awk -v k="$kind" -v n="$1" -v c="$2" '$1 == k && $2 == n {print $c}' "$out/rows" | sort -n | awk '{a[NR] = $1} END {if (NR) print a[int((NR + 1) / 2)]}'; }
    loads="$(awk -v k="$kind" '$1 == k {print $5}' "$out/rows" | sort -n | sed -n '1p;$p' | paste -sd- -)"
    echo "| $kind | $(med before 3) ms ($(med before 4) s CPU) | $(med after 3) ms ($(med after 4) s CPU) | $loads |"
done
