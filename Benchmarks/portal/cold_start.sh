#!/bin/sh
# Cold start to the first sign-in frame (median of runs): the portal with the embedded server, with
# --frontend-api to a running `clerk-tui serve`, and `dialog --msgbox` started the same way, as ratios.
#   CLERK_TUI_BIN=.build/release/clerk-tui Benchmarks/portal/cold_start.sh [--runs 15]
set -eu
command -v dialog >/dev/null || { echo "cold_start.sh: needs dialog (apt-get install dialog)" >&2; exit 1; }
exec python3 "$(dirname "$0")/cold_start.py" "$@"
