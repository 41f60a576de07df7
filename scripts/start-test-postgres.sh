#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suite (Debian's postgresql package) and prints
# the DATABASE_URL to use. Usage: eval "$(scripts/start-test-postgres.sh)"
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL no está instalado: apt-get install -y postgresql" >&2
  exit 1
fi
port=${VINCULA_TEST_PG_PORT:-54329}
dir=$(mktemp -d /tmp/vincula-pg-XXXXXX)
chown postgres:postgres "$dir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
as_pg "$bin/initdb -D $dir/data -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8" >&2
as_pg "$bin/pg_ctl -D $dir/data -l $dir/log -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off' -w start" >&2
echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
echo "export VINCULA_TEST_PG_DIR=$dir"
