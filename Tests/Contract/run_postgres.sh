#!/usr/bin/env bash
# The contract suite on PostgreSQL: starts the suite's own server (Tests/Support/postgres.sh), then runs pytest with
# every module's server as two nodes on one database, clients alternating between them. Schemathesis runs in the
# SQLite pass only (it checks the same answers, and CI's time is bounded). Stops the server at the end.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
support="$here/../Support/postgres.sh"
CLERK_TUI_TEST_DATABASE="$("$support" start)" || exit 1
export CLERK_TUI_TEST_DATABASE
export CLERK_TUI_TEST_NODES="${CLERK_TUI_TEST_NODES:-2}"
export CLERK_TUI_SKIP_SCHEMATHESIS=1
trap '"$support" stop' EXIT
bash "$here/run.sh" "$@"
