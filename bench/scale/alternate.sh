#!/usr/bin/env bash
# One index with and without, alternately, against one running server of this checkout (issue 17): each round drops
# the index (WITHOUT_SQL), asks every URL REPEATS times in a row, makes it again (WITH_SQL) and asks them again, so
# the ratio is measured under the same load. Prints a row per round, state and URL: the times (ms) and the load average.
# RESTART=1 starts the server again after each change (SQLite's open connections keep the planner statistics they
# read, so a change of statistics needs it). The store comes from bench/scale/fill.sh SIZE. Usage:
#   WITHOUT_SQL="DROP INDEX ..." WITH_SQL="CREATE INDEX ..." bench/scale/alternate.sh SIZE sqlite|postgres ROUNDS REPEATS URL...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
size="$1" store="$2" rounds="$3" repeats="$4"
shift 4
./vigil --help >/dev/null
port=$((20000 + RANDOM % 20000))
out="$root/bench/out/scale-alternate"
mkdir -p "$out"
if [ "$store" = sqlite ]; then
  db=".build/scale/sqlite-$size.db"
  target=(--db "$db")
  sql() { sqlite3 "$db" "$1"; }
else
  pg="$(cat .build/pg/connection)"
  pgport="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' .build/pg/connection)"
  target=(--postgres "$pg;Search Path=bench_scale_$size")
  sql() { PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=vigil psql -h 127.0.0.1 -p "$pgport" -U vigil -d vigil_test -qAt \
    -c "SET search_path = bench_scale_$size" -c "$1" -c "ANALYZE events" >/dev/null; }
fi
server=""
start() {
  dotnet .build/cli/Vigil.Cli.dll serve "${target[@]}" --urls "http://127.0.0.1:$port" --token bench >"$out/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 600); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return; sleep 0.2; done
  echo "alternate: the server did not start" >&2; cat "$out/serve.log" >&2; exit 1
}
stop() { if [ -n "$server" ]; then kill "$server"; wait "$server" 2>/dev/null || true; server=""; fi; }
trap stop EXIT
start
echo "| round | index | request | ms ($repeats in a row) | load average |"
echo "|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  for state in without with; do
    if [ "$state" = without ]; then sql "$WITHOUT_SQL"; else sql "$WITH_SQL"; fi
    if [ -n "${RESTART:-}" ]; then stop; start; fi
    for url in "$@"; do
      times=""
      for _ in $(seq "$repeats"); do
        answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$port$url")
        [ "${answer%% *}" = 200 ] || { echo "alternate: HTTP ${answer%% *} for $url" >&2; exit 1; }
        times="$times${times:+ / }$(awk -v t="${answer#* }" 'BEGIN { printf "%.0f", t * 1000 }')"
      done
      echo "| $round | $state | \`$url\` | $times | $(awk '{ print $1 }' /proc/loadavg) |"
    done
  done
done
