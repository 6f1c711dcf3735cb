#!/usr/bin/env bash
# Every benchmark, one after the other (`make bench`). Each prints its figures beside a reference measured in
# the same run (openssl, a Hummingbird hello-world, the curl CLI, dialog, local ptys). Not a test.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
# One release build for every benchmark (its own scratch directory, as server/run.sh uses).
if [ -z "${CLERK_TUI_BIN:-}" ]; then
  echo "building clerk-tui (release)…" >&2
  swift build -c release --product clerk-tui --scratch-path "$PWD/.build-release" >&2 || exit 1
  export CLERK_TUI_BIN="$PWD/.build-release/release/clerk-tui"
fi
# The SSH benchmark at 1 and 500 sessions, beside OpenSSH's sshd at the same levels.
for script in server/run.sh client/run.sh terminal/frame.sh portal/cold_start.sh "ssh/run.sh 1,500"; do
  echo "== Benchmarks/$script"
  bash Benchmarks/$script || status=1
done
exit $status
