#!/usr/bin/env bash
# N concurrent scripted SSH sessions against `clerk-tui ssh` on loopback: keystroke-echo p50/p99, RSS per session,
# server and children CPU, against a local-pty reference measured in the same run.
#   Benchmarks/ssh/run.sh [SESSION_LEVELS]      e.g. Benchmarks/ssh/run.sh 1,50,200,500
# Binary: $CLERK_TUI_BIN (default .build/debug/clerk-tui; a release build gives the shipped figures).
set -euo pipefail
cd "$(dirname "$0")/../.."
LEVELS="${1:-1,50,200}"
CHILD="${CHILD:-portal}"   # portal: type into the sign-in form; gallery: the widget gallery form
BIN="$(realpath "${CLERK_TUI_BIN:-.build/debug/clerk-tui}")"
python3 -c "import asyncssh" 2>/dev/null || pip install -q -r Benchmarks/ssh/requirements.txt
WORK="$(mktemp -d)"
trap 'kill -TERM "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
ulimit -n 65536 2>/dev/null || true
MAX="$(tr ',' '\n' <<<"$LEVELS" | sort -n | tail -1)"
XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" TMPDIR="$WORK" \
  "$BIN" ssh --port 0 --max-sessions "$((MAX + 10))" --connections-per-minute 100000 \
  $([ "$CHILD" = gallery ] && echo --child-argument ui-gallery) \
  >"$WORK/out" 2>"$WORK/log" &
SERVER=$!
for _ in $(seq 100); do grep -q "listening" "$WORK/out" && break; sleep 0.2; done
PORT="$(grep -o 'listening on [0-9.]*:[0-9]*' "$WORK/out" | cut -d: -f2)"
echo "binary: $BIN  port: $PORT  cores: $(nproc)"
# The reference children use the server's embedded instance, as the SSH children do.
# (the server's other listening port).
FAPI_PORT="$(ss -ltnpH 2>/dev/null | grep "pid=$SERVER," | grep -o '127.0.0.1:[0-9]*' | cut -d: -f2 | grep -vx "$PORT" | head -1)"
API="${FAPI_PORT:+http://127.0.0.1:$FAPI_PORT}"
python3 Benchmarks/ssh/bench.py --binary "$BIN" --port "$PORT" --server-pid "$SERVER" --sessions "$LEVELS" \
  --child "$CHILD" ${API:+--frontend-api "$API"}
