#!/usr/bin/env bash
# Screenshots of several screens in both themes from one start of the real app under Xvfb:
#   docs/tour.sh DISPLAY DB USER|- LANG ROLE OUTDIR SCREEN...
# e.g. docs/tour.sh :63 /tmp/demo-db u-fjordlys-coord-02 nb coordinator docs/screenshots home team mentor
# For each SCREEN (home, sync, team, mentor, wrapped, funder, achievements, settings, alerts; with
# USER "-": signin) it opens the screen, waits until the window is idle (no background work), and
# takes OUTDIR/<screen>-<lang>-light-<W>x<H>-<ROLE>.png, then the same in the dark theme
# (-<ROLE> is left out when ROLE is "-"). The window fills the display (docs/window-prefs.sh), so
# run it on a 1600x1000 and on a 1024x700 Xvfb. SHOOT_OPTS="-D..." adds JVM options as in shoot.sh;
# a screen the user may not see is reported and skipped (the window stays where it was).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
display="$1" db="$2" user="$3" lang="$4" role="$5" out="$6"
shift 6
tmp="$(mktemp -d)"
as=(); [ "$user" != "-" ] && as=(--as "$user")
size="$("$root/docs/window-prefs.sh" "$display" "$tmp/prefs")"
suffix="-$size"; [ "$role" != "-" ] && suffix="$suffix-$role"
steps=""
for s in "$@"; do steps="$steps${steps:+,}$s:light,$s:dark"; done
first="$1"; [ "$first" = signin ] && first=home
DISPLAY="$display" IMPACT_DESK_JAVA_OPTS="-Djava.util.prefs.userRoot=$tmp/prefs -Dimpactdesk.theme=light \
    -Dimpactdesk.screen=$first -Dimpactdesk.readyFile=$tmp/ready -Dimpactdesk.tour=$steps ${SHOOT_OPTS:-}" \
    "$root/docs/screenshot-app.sh" --db "$db" --lang "$lang" "${as[@]}" >"$tmp/out.log" 2>&1 &
pid=$!
left=$(( $# * 2 ))
waited=0
while [ "$left" -gt 0 ]; do
    if [ -f "$tmp/ready" ] && [ -s "$tmp/ready" ]; then
        step="$(cat "$tmp/ready")"
        [ "$step" = done ] && break
        file="$out/${step%%:*}-$lang-${step##*:}$suffix.png"
        "$root/docs/window-prefs.sh" "$display" "$tmp/prefs" pointer; sleep 1
        DISPLAY="$display" import -window root "$file"
        echo "shot $file"
        rm -f "$tmp/ready"
        left=$(( left - 1 )) waited=0
    elif ! kill -0 "$pid" 2>/dev/null || [ "$waited" -gt 1200 ]; then
        echo "no ready signal ($left shots left); log:" >&2; tail -20 "$tmp/out.log" >&2
        break
    else
        sleep 0.5; waited=$(( waited + 1 ))
    fi
done
grep -i "not available\|exception" "$tmp/out.log" >&2 || true
kill "$pid" 2>/dev/null || true
for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
rm -rf "$tmp"
