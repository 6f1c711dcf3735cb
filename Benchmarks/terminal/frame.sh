#!/bin/sh
# Frame benchmark: bytes and latency per keystroke in a text field, clerk-tui ui-gallery against
# `dialog --inputbox` in the same run, plus clerk-tui's time per frame. Needs dialog (Debian package).
#   CLERK_TUI_BIN=.build/release/clerk-tui Benchmarks/terminal/frame.sh [--keystrokes 60]
set -eu
command -v dialog >/dev/null || { echo "frame.sh: needs dialog (apt-get install dialog)" >&2; exit 1; }
exec python3 "$(dirname "$0")/frame.py" "$@"
