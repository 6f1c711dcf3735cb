#!/usr/bin/env bash
# Schemathesis against a fresh `clerk-tui serve`: the implemented operations (issue 2, organizations), checks not_a_server_error and
# response_schema_conformance, bounded examples (SCHEMATHESIS_MAX_EXAMPLES, default 20), at most 25 minutes. Exit status is
# schemathesis's. CLERK_TUI_BIN selects the binary (default .build/debug/clerk-tui).
set -euo pipefail
cd "$(dirname "$0")"
exec timeout --signal=TERM 1500 python3 run_schemathesis.py "$@"
