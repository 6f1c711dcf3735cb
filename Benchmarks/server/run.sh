#!/usr/bin/env bash
# Benchmark of the local Frontend API server on loopback (not a test; prints a report):
#   (a) session-token mint req/s beside `openssl speed rsa2048` sign/s,
#   (b) req/s and p99 of GET /v1/client and GET /v1/environment at 64 connections beside a Hummingbird
#       hello-world route (Benchmarks/server/hello, built here with its own .build),
#   (c) scale-out (scale.py): password sign-in plus token mint per second and p99 for one node on SQLite, one on
#       PostgreSQL and two on PostgreSQL (the suites' own server, Tests/Support/postgres.sh), as ratios to the first.
# Usage: bash Benchmarks/server/run.sh [--seconds N] [--rounds N]   (CLERK_TUI_BIN overrides the release binary)
# The release build has its own scratch directory (.build-release), so it never waits on the debug build's lock.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

for tool in wrk openssl; do
  command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool"; }
done
python3 -c 'import requests, yaml, openapi_schema_validator, pyotp, jwt' 2>/dev/null \
  || python3 -m pip install -q --disable-pip-version-check -r Tests/requirements.txt

if [ -z "${CLERK_TUI_BIN:-}" ]; then
  echo "building clerk-tui (release)…" >&2
  swift build -c release --product clerk-tui --scratch-path "$repo/.build-release" >&2
  export CLERK_TUI_BIN="$repo/.build-release/release/clerk-tui"
fi
echo "building the hello-world reference (release)…" >&2
swift build -c release --package-path "$here/hello" >&2

python3 "$here/bench.py" --hello "$here/hello/.build/release/hello" "$@"
CLERK_TUI_TEST_DATABASE="$("$repo/Tests/Support/postgres.sh" start)"
export CLERK_TUI_TEST_DATABASE
trap '"$repo/Tests/Support/postgres.sh" stop' EXIT
python3 "$here/scale.py" "$@"
