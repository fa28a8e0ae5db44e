#!/usr/bin/env bash
# Writes a throw-away preferences folder whose window fills the display, for the screenshot
# scripts (docs/shoot.sh, docs/tour.sh):  docs/window-prefs.sh DISPLAY PREFS_DIR
# (java.util.prefs keeps a user root's nodes in PREFS_DIR/.java/.userPrefs/<node>/prefs.xml).
set -euo pipefail
display="$1" dir="$2"
read -r w h <<<"$(DISPLAY="$display" xdpyinfo | sed -n 's/^ *dimensions: *\([0-9]*\)x\([0-9]*\) pixels.*/\1 \2/p')"
node="$dir/.java/.userPrefs/org/impactdesk/window"
mkdir -p "$node"
cat >"$node/prefs.xml" <<XML
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
<map MAP_XML_VERSION="1.0">
  <entry key="x" value="0.0"/>
  <entry key="y" value="0.0"/>
  <entry key="width" value="$w.0"/>
  <entry key="height" value="$h.0"/>
</map>
XML
echo "${w}x${h}"
