#!/usr/bin/env bash
# Client overhead benchmark: the same GET /v1/environment against the local Frontend API, made
#   1. with the curl command-line tool (one process, one kept-alive connection, N requests),
#   2. with FrontendAPI's CurlTransport alone, and with FrontendClient (decode + state),
#   3. with 32 concurrent FrontendClient calls from one process (requests/s).
# Every figure comes from this run on this machine; compare them with each other, not across machines.
#
#   Benchmarks/client/run.sh [iterations]      (CONFIG=debug to skip the release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
ITERATIONS="${1:-2000}"
CONCURRENCY=32
CONFIG="${CONFIG:-release}"

swift build -c "$CONFIG" --product client-bench >/dev/null
swift build --product clerk-tui >/dev/null
BENCH="$(swift build -c "$CONFIG" --show-bin-path)/client-bench"
TUI="$(swift build --show-bin-path)/clerk-tui"

DATA="$(mktemp -d)"
LOG="$DATA/serve.log"
"$TUI" serve --port 0 --data-dir "$DATA/fapi" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 200); do
    URL="$(sed -n 's/^Frontend API listening on //p' "$LOG")"
    [ -n "$URL" ] && break
    sleep 0.05
done
[ -n "$URL" ] || { echo "server did not start:"; cat "$LOG"; exit 1; }

REQUEST="$URL/v1/environment?_is_native=true"
CONFIG_FILE="$DATA/curl.cfg"
for _ in $(seq 1 "$ITERATIONS"); do
    printf 'url = "%s"\noutput = "/dev/null"\n' "$REQUEST"
done >"$CONFIG_FILE"
curl -s -o /dev/null -H 'Accept: application/json' -H 'clerk-api-version: 2026-05-12' "$REQUEST"
START=$(date +%s%N)
curl -s -H 'Accept: application/json' -H 'clerk-api-version: 2026-05-12' -K "$CONFIG_FILE"
END=$(date +%s%N)
CURL_US=$(awk -v ns=$((END - START)) -v n="$ITERATIONS" 'BEGIN { printf "%.1f", ns / n / 1000 }')

eval "$("$BENCH" "$URL" "$ITERATIONS" "$CONCURRENCY")"

echo "requests per figure:              $ITERATIONS (GET /v1/environment, build: $CONFIG)"
echo "curl CLI, sequential:             $CURL_US µs/request"
echo "CurlTransport, sequential:        $transport_us µs/request"
echo "FrontendClient, sequential:       $client_us µs/request"
awk -v c="$client_us" -v t="$transport_us" -v k="$CURL_US" 'BEGIN {
    printf "client overhead vs curl CLI:      %+.1f µs/request (%.2fx)\n", c - k, c / k
    printf "client overhead vs transport:     %+.1f µs/request (decode + state)\n", c - t
}'
echo "FrontendClient, $CONCURRENCY concurrent:    $concurrent_rps requests/s"
