#!/usr/bin/env bash
# Every benchmark, one after the other (`make bench`). Each prints its figures beside a reference measured in
# the same run (openssl, a Hummingbird hello-world, the curl CLI, dialog, local ptys). Not a test.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
for script in server/run.sh client/run.sh terminal/frame.sh portal/cold_start.sh ssh/run.sh; do
  echo "== Benchmarks/$script"
  bash "Benchmarks/$script" || status=1
done
exit $status
