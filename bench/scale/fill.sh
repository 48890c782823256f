#!/usr/bin/env bash
# Fills a SQLite store (.build/scale/sqlite-SIZE.db) and a PostgreSQL schema (bench_scale_SIZE in the test server of
# scripts/postgres.sh) with SIZE synthetic events over ten years and the hundred largest countries, each with its
# reports and articles (issue 17, "Store at a million events"). Bulk inserts through the store's own schema, not the
# pipeline. Usage: bench/scale/fill.sh [SIZE] [sqlite|postgres|both]   (default 1000000, both)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
size="${1:-1000000}"
which="${2:-both}"
dotnet build bench/Vigil.Bench.Storage -c Release -o bench/out/storage/bin --nologo -v quiet >/dev/null
bench=(dotnet bench/out/storage/bin/Vigil.Bench.Storage.dll)
mkdir -p .build/scale
if [ "$which" != postgres ]; then
  /usr/bin/time -f "sqlite: %e s, peak %M KB" "${bench[@]}" scale sqlite ".build/scale/sqlite-$size.db" "$size"
  ls -la ".build/scale/sqlite-$size.db"
fi
if [ "$which" != sqlite ]; then
  if [ ! -f .build/pg/connection ]; then echo "fill: no .build/pg/connection (run scripts/postgres.sh); PostgreSQL skipped" >&2; exit 0; fi
  pgport="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' .build/pg/connection)"
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=vigil psql -h 127.0.0.1 -p "$pgport" -U vigil -d vigil_test -qAt \
    -c "DROP SCHEMA IF EXISTS bench_scale_$size CASCADE; CREATE SCHEMA bench_scale_$size;" >/dev/null
  /usr/bin/time -f "postgres: %e s, peak %M KB" "${bench[@]}" scale postgres "$(cat .build/pg/connection);Search Path=bench_scale_$size;Command Timeout=0" "$size"
  PGPASSWORD=vigil psql -h 127.0.0.1 -p "$pgport" -U vigil -d vigil_test -qAt -c "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'bench_scale_$size' AND c.relkind = 'r'"
fi
