#!/usr/bin/env bash
# The test suites' own PostgreSQL server, never the system service: a cluster under .build/postgres (created on first
# use, owned by the `postgres` user when run as root, since initdb refuses root), listening on 127.0.0.1 only (its
# Unix socket in /tmp, whose paths stay short).
#   Tests/Support/postgres.sh start   starts it (creating it first) and prints its admin URL
#   Tests/Support/postgres.sh stop    stops it (fast shutdown)
#   Tests/Support/postgres.sh kill    stops it abruptly (immediate shutdown: crash recovery at the next start)
# CLERK_TUI_PG_PORT picks the port (default 55432). The binaries come from Debian's `postgresql` package.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$repo/.build/postgres"
# As root the cluster belongs to `postgres`, which must reach it: a checkout under a private home gets a folder in
# /tmp instead, named after the checkout.
if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$repo/.build" 2>/dev/null; then
  dir="/tmp/clerk-tui-postgres-$(printf %s "$repo" | md5sum | cut -c1-8)"
fi
port="${CLERK_TUI_PG_PORT:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found: apt-get install postgresql" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres: "$dir"
      chmod 700 "$dir"
      as_owner "$bin/initdb" -D "$dir" -U clerk --auth=trust --locale=C --encoding=UTF8 >/dev/null
    fi
    if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
        -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300" >/dev/null
    fi
    echo "postgres://clerk@127.0.0.1:$port/postgres"
    ;;
  stop) as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null ;;
  kill) as_owner "$bin/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null ;;
  *) echo "usage: $0 start|stop|kill" >&2; exit 2 ;;
esac
