#!/usr/bin/env bash
# Screenshot of the real app under Xvfb: docs/shoot.sh DISPLAY DB USER LANG THEME SCREEN OUT.png [WAIT]
# e.g. docs/shoot.sh :91 /tmp/demo-db u-fjordlys-coord-02 en light home docs/screenshots/home-en-light.png
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
display="$1" db="$2" user="$3" lang="$4" theme="$5" screen="$6" out="$7" wait="${8:-14}"
prefs="$(mktemp -d)"
as=(); [ "$user" != "-" ] && as=(--as "$user")
DISPLAY="$display" IMPACT_DESK_JAVA_OPTS="-Djava.util.prefs.userRoot=$prefs -Dimpactdesk.theme=$theme -Dimpactdesk.screen=$screen" \
    "$root/bin/impact-desk" --db "$db" --lang "$lang" "${as[@]}" >"$prefs/out.log" 2>&1 &
pid=$!
sleep "$wait"
DISPLAY="$display" import -window root "$out"
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
rm -rf "$prefs"
