#!/usr/bin/env bash
# Starts a private PostgreSQL server for the tests and benchmarks, installing the Debian package first if missing.
# Idempotent: reuses a running server, an existing cluster, role and database. The server runs as the postgres OS user
# (we run as root) on 127.0.0.1:${VIGIL_PG_PORT:-55432} (the next free port if another checkout's server holds it), its
# data in .build/pg/data, and the connection string for the tests is written to .build/pg/connection (the PostgreSQL
# tests skip only when that file is absent).
# `scripts/postgres.sh stop` stops the server.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pgdir="$root/.build/pg"
data="$pgdir/data"
port="${VIGIL_PG_PORT:-55432}"
connection_file="$pgdir/connection"

as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

bin="$(find_bin || true)"
if [ "${1:-}" = stop ]; then
  for dir in "$data" "/var/lib/postgresql/vigil-$(printf '%s' "$root" | cksum | cut -d' ' -f1)/data"; do
    if [ -n "$bin" ] && [ -f "$dir/postmaster.pid" ]; then
      as_postgres "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    fi
  done
  rm -f "$connection_file" # no server, no connection: the PostgreSQL tests skip rather than fail
  exit 0
fi

if [ -z "$bin" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres: PostgreSQL is not installed and installing it needs root; the PostgreSQL tests will be skipped" >&2
    rm -f "$connection_file"
    exit 0
  fi
  echo "postgres: installing the Debian package..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  # The package starts a default cluster on 5432; ours is separate, so leave that one alone.
  bin="$(find_bin)"
fi

mkdir -p "$pgdir"
if ! id postgres >/dev/null 2>&1; then
  echo "postgres: no postgres OS user; the PostgreSQL tests will be skipped" >&2
  rm -f "$connection_file"
  exit 0
fi
chown postgres: "$pgdir"
sockets="$pgdir"
if ! as_postgres test -w "$pgdir"; then
  # The checkout is not reachable by the postgres user (a private home folder): keep the cluster in its home instead,
  # one per checkout.
  sockets="/var/lib/postgresql/vigil-$(printf '%s' "$root" | cksum | cut -d' ' -f1)"
  mkdir -p "$sockets"
  chown postgres: "$sockets"
  data="$sockets/data"
fi

if [ ! -f "$data/PG_VERSION" ]; then
  rm -rf "$data"
  as_postgres "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi

if as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  port="$(sed -n 4p "$data/postmaster.pid")" # our server is already up: use its port
else
  rm -f "$data/postmaster.pid"
  # Another checkout's server may hold the port: take the next free one.
  while "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; [ $? -ne 2 ]; do port=$((port + 1)); done
  # Small memory settings: the machine is shared and the test data are tiny.
  as_postgres "$bin/pg_ctl" -D "$data" -l "$sockets/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$sockets -c shared_buffers=64MB -c max_connections=100" >/dev/null
fi

psql_admin() { as_postgres psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_admin -c "select 1 from pg_roles where rolname='vigil'")" != 1 ]; then
  psql_admin -c "create role vigil login password 'vigil'"
fi
if [ "$(psql_admin -c "select 1 from pg_database where datname='vigil_test'")" != 1 ]; then
  psql_admin -c "create database vigil_test owner vigil"
fi

echo "Host=127.0.0.1;Port=$port;Username=vigil;Password=vigil;Database=vigil_test" >"$connection_file"
echo "postgres: running on 127.0.0.1:$port (connection string in ${connection_file#"$root"/})" >&2
