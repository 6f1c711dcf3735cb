#!/usr/bin/env bash
# N concurrent scripted SSH sessions against `clerk-tui ssh` on loopback: keystroke-echo p50/p99, RSS per session,
# server and children CPU, against two references measured in the same run: the same children on local ptys (no
# SSH), and the same client and children served by OpenSSH's sshd (skipped, with a note, when sshd is missing).
#   Benchmarks/ssh/run.sh [SESSION_LEVELS [bench.py options]]   e.g. Benchmarks/ssh/run.sh 1,50,200,500 --workers 4
# Binary: $CLERK_TUI_BIN (default .build/debug/clerk-tui; a release build gives the shipped figures).
set -euo pipefail
cd "$(dirname "$0")/../.."
LEVELS="${1:-1,50,200}"
shift || true
CHILD="${CHILD:-portal}"   # portal: type into the sign-in form; gallery: the widget gallery form
BIN="$(realpath "${CLERK_TUI_BIN:-.build/debug/clerk-tui}")"
python3 -c "import asyncssh" 2>/dev/null || pip install -q -r Benchmarks/ssh/requirements.txt
if [ ! -x /usr/sbin/sshd ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get install -y -q openssh-server >/dev/null 2>&1 || true
fi
WORK="$(mktemp -d)"
SERVER="" SSHD=""
trap 'kill -TERM $SERVER $SSHD 2>/dev/null; wait $SERVER $SSHD 2>/dev/null; rm -rf "$WORK"' EXIT
ulimit -n 65536 2>/dev/null || true
MAX="$(tr ',' '\n' <<<"$LEVELS" | sort -n | tail -1)"
CHILD_ARGUMENTS="$([ "$CHILD" = gallery ] && echo ui-gallery || true)"
XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" TMPDIR="$WORK" \
  "$BIN" ssh --port 0 --max-sessions "$((MAX + 10))" --connections-per-minute 100000 \
  ${CHILD_ARGUMENTS:+--child-argument $CHILD_ARGUMENTS} \
  >"$WORK/out" 2>"$WORK/log" &
SERVER=$!
for _ in $(seq 100); do grep -qs "listening" "$WORK/out" && break; sleep 0.2; done
PORT="$(grep -o 'listening on [0-9.]*:[0-9]*' "$WORK/out" | cut -d: -f2)"
echo "binary: $BIN  port: $PORT  cores: $(nproc)"
# The reference children use the server's embedded instance, as the SSH children do
# (the server's other listening port).
FAPI_PORT="$(ss -ltnpH 2>/dev/null | grep "pid=$SERVER," | grep -o '127.0.0.1:[0-9]*' | cut -d: -f2 | grep -vx "$PORT" | head -1)"
API="http://127.0.0.1:$FAPI_PORT"
ssh-keygen -q -t ed25519 -N "" -C bench -f "$WORK/client_key"
mkdir -p "$WORK/reference-state"

# OpenSSH's sshd on another loopback port, serving the same child with the same environment as ours.
OPENSSH=()
if [ "${OPENSSH_REFERENCE:-1}" = 1 ] && [ -x /usr/sbin/sshd ] && [ "$(id -u)" = 0 ]; then
  mkdir -p /run/sshd "$WORK/sshd-state"
  ssh-keygen -q -t ed25519 -N "" -f "$WORK/sshd_host_key"
  cp "$WORK/client_key.pub" "$WORK/authorized_keys"
  cat >"$WORK/openssh-child" <<CHILD_SCRIPT
#!/bin/sh
exec env -i PATH="$PATH" HOME="$WORK" TERM="\$TERM" LANG=C.UTF-8 XDG_STATE_HOME="$WORK/sshd-state" \
  CLERK_FRONTEND_API="$API" CLERK_TUI_REMOTE=1 "$BIN" $CHILD_ARGUMENTS
CHILD_SCRIPT
  chmod 755 "$WORK/openssh-child"
  SSHD_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  cat >"$WORK/sshd_config" <<CONFIG
ListenAddress 127.0.0.1:$SSHD_PORT
HostKey $WORK/sshd_host_key
PidFile none
AuthorizedKeysFile $WORK/authorized_keys
StrictModes no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
UseDNS no
PrintMotd no
PrintLastLog no
MaxStartups 1000
ForceCommand $WORK/openssh-child
LogLevel ERROR
CONFIG
  /usr/sbin/sshd -D -e -f "$WORK/sshd_config" 2>"$WORK/sshd.log" &
  SSHD=$!
  for _ in $(seq 50); do ss -ltnH "sport = :$SSHD_PORT" | grep -q . && break; sleep 0.1; done
  OPENSSH=(--openssh-port "$SSHD_PORT" --openssh-pid "$SSHD")
else
  echo "OpenSSH reference skipped (OPENSSH_REFERENCE=0, or no /usr/sbin/sshd, or not root)"
fi
python3 Benchmarks/ssh/bench.py --binary "$BIN" --port "$PORT" --server-pid "$SERVER" --sessions "$LEVELS" \
  --child "$CHILD" --frontend-api "$API" --state-dir "$WORK/reference-state" --client-key "$WORK/client_key" \
  "${OPENSSH[@]}" "$@"
