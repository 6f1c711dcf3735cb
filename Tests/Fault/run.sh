#!/usr/bin/env bash
# The fault test (`make fault-test`): starts the suites' own PostgreSQL server, runs Tests/Fault/fault.py against it
# (two nodes, 10 node kills, one database restart), stops the server. CLERK_TUI_BIN selects the binary.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export CLERK_TUI_BIN="${CLERK_TUI_BIN:-$repo/.build/debug/clerk-tui}"
support="$repo/Tests/Support/postgres.sh"
CLERK_TUI_TEST_DATABASE="$("$support" start)" || exit 1
export CLERK_TUI_TEST_DATABASE
trap '"$support" stop' EXIT
python3 "$here/fault.py" "$@"
