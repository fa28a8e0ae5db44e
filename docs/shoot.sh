#!/usr/bin/env bash
# A screenshot of the real app under Xvfb (docs/screenshot-app.sh: the window with its screenshot
# hooks, test scope), taken once the window is idle (no background work):
#   docs/shoot.sh DISPLAY DB USER|- LANG THEME SCREEN OUT.png
# e.g. docs/shoot.sh :91 /tmp/demo-db u-fjordlys-coord-02 en light home docs/screenshots/home-en-light.png
# USER "-" stays on the sign-in screen. Uses a throw-away preferences folder.
# SHOOT_OPTS="-D..." adds JVM options (e.g. -Dimpactdesk.previewBundle=PATH for the Sync preview).
# SHOOT_DELAY=SECONDS waits that much longer after the ready signal (e.g. to let the Wrapped
# player's count-up finish, so the big figure matches its title).
# The window fills the display (its size remembered in the throw-away preferences), so a
# 1600x1000 Xvfb gives a 1600x1000 window and a 1024x700 one the smallest window the app supports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
display="$1" db="$2" user="$3" lang="$4" theme="$5" screen="$6" out="$7"
tmp="$(mktemp -d)"
as=(); [ "$user" != "-" ] && as=(--as "$user")
"$root/docs/window-prefs.sh" "$display" "$tmp/prefs" >/dev/null
DISPLAY="$display" IMPACT_DESK_JAVA_OPTS="-Djava.util.prefs.userRoot=$tmp/prefs -Dimpactdesk.theme=$theme \
    -Dimpactdesk.screen=$screen -Dimpactdesk.readyFile=$tmp/ready ${SHOOT_OPTS:-}" \
    "$root/docs/screenshot-app.sh" --db "$db" --lang "$lang" "${as[@]}" >"$tmp/out.log" 2>&1 &
pid=$!
for _ in $(seq 1 360); do [ -f "$tmp/ready" ] && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
if [ -f "$tmp/ready" ]; then
    sleep "${SHOOT_DELAY:-0}"
    "$root/docs/window-prefs.sh" "$display" "$tmp/prefs" pointer; sleep 1
    DISPLAY="$display" import -window root "$out"
    echo "shot $out"
else
    echo "no ready signal for $out; log:" >&2; tail -20 "$tmp/out.log" >&2
fi
kill "$pid" 2>/dev/null || true
for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
rm -rf "$tmp"
