#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1:54329 for the services tests and prints the
#   export AVATAR_TEST_POSTGRES=...
# line they read (each test server creates its own database in it). Installs PostgreSQL from Debian when
# missing (needs root). Usage: eval "$(.ci/start-postgres.sh)"; stop with: .ci/start-postgres.sh stop
set -euo pipefail
port=${AVATAR_TEST_POSTGRES_PORT:-54329}
root=/tmp/avatars-ci-postgres
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)

if [ "${1:-}" = "stop" ]; then
  [ -n "$pgbin" ] && [ -d "$root/data" ] && su postgres -c "$pgbin/pg_ctl -D $root/data stop -m fast" >&2 || true
  exit 0
fi

if [ -z "$pgbin" ]; then
  echo "installing postgresql" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

if ! su postgres -c "$pgbin/pg_ctl -D $root/data status" >/dev/null 2>&1; then
  rm -rf "$root"
  mkdir -p "$root"
  chown postgres "$root"
  su postgres -c "$pgbin/initdb -D $root/data -A trust -U postgres --no-sync" >/dev/null
  su postgres -c "$pgbin/pg_ctl -D $root/data -l $root/log -w -o \"-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start" >&2
fi
echo "export AVATAR_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres'"
