#!/usr/bin/env bash
# The contract suite's single entry point (`make test` calls it): installs Tests/requirements.txt if a tool is
# missing, runs pytest against `clerk-tui serve`, then schemathesis. Exit status is non-zero if either fails.
# CLERK_TUI_BIN selects the binary (default .build/debug/clerk-tui, relative to the repository root).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
export CLERK_TUI_BIN="${CLERK_TUI_BIN:-.build/debug/clerk-tui}"
case "$CLERK_TUI_BIN" in /*) ;; *) CLERK_TUI_BIN="$repo/$CLERK_TUI_BIN" ;; esac

if ! python3 -c 'import pytest, pytest_timeout, schemathesis, requests, yaml, openapi_schema_validator, pyotp, jwt, cryptography' 2>/dev/null; then
  echo "installing Python test tools from Tests/requirements.txt" >&2
  python3 -m pip install -q --disable-pip-version-check -r "$repo/Tests/requirements.txt" || exit 1
fi
if [ ! -x "$CLERK_TUI_BIN" ]; then
  echo "clerk-tui binary not found at $CLERK_TUI_BIN (build it: swift build --product clerk-tui)" >&2
  exit 1
fi

cd "$here"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
python3 -m pytest "$@" 2>&1 | tee "$log"
pytest_status=${PIPESTATUS[0]}
schemathesis_status=0
if [ -n "${CLERK_TUI_SKIP_SCHEMATHESIS:-}" ]; then
  echo "== schemathesis: skipped (CLERK_TUI_SKIP_SCHEMATHESIS) =="
else
  echo "== schemathesis =="
  bash "$here/run_schemathesis.sh"
  schemathesis_status=$?
fi
echo "contract suite: pytest exit $pytest_status, schemathesis exit $schemathesis_status"
# pytest's summary line last, so that it closes the output.
grep -E '^(=+ )?([0-9]+ (passed|failed|errors?|skipped|xfailed|xpassed|deselected|warnings?),? ?)+ in [0-9.]+s|no tests ran' "$log" | tail -1
[ "$pytest_status" -eq 0 ] && [ "$schemathesis_status" -eq 0 ]
