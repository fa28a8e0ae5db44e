#!/usr/bin/env bash
# Writes a throw-away preferences folder whose window fills the display, for the screenshot
# scripts (docs/shoot.sh, docs/tour.sh):  docs/window-prefs.sh DISPLAY PREFS_DIR
# (java.util.prefs keeps a user root's nodes in PREFS_DIR/.java/.userPrefs/<node>/prefs.xml).
# With a third argument "pointer" it only moves the pointer to the display's bottom-right corner
# (the status bar), so no tile or row under the middle of the screen is drawn hovered: call it while
# the app is running (Xvfb puts the pointer back in the middle when its last client disconnects).
set -euo pipefail
display="$1" dir="$2"
read -r w h <<<"$(DISPLAY="$display" xdpyinfo | sed -n 's/^ *dimensions: *\([0-9]*\)x\([0-9]*\) pixels.*/\1 \2/p')"
if [ "${3:-}" = pointer ]; then
python3 - "$display" "$w" "$h" <<'PY' || true
import ctypes, sys
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XOpenDisplay.restype = ctypes.c_void_p
x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x.XDefaultRootWindow.restype = ctypes.c_ulong
x.XWarpPointer.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                           ctypes.c_uint, ctypes.c_uint, ctypes.c_int, ctypes.c_int]
x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
x.XCloseDisplay.argtypes = [ctypes.c_void_p]
d = x.XOpenDisplay(sys.argv[1].encode())
if d:
    x.XWarpPointer(d, 0, x.XDefaultRootWindow(d), 0, 0, 0, 0, int(sys.argv[2]) - 1, int(sys.argv[3]) - 1)
    x.XSync(d, 0)
    x.XCloseDisplay(d)
PY
    exit 0
fi
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
