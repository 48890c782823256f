#!/usr/bin/env bash
# Load on loopback (issue 16): 20 concurrent readers of /api/events with filters while `vigil ingest` writes 500 pages
# (the first 500 ACLED notes, full pipeline) into the same database, on SQLite and on PostgreSQL: requests, p50 and p99
# latency, errors (any answer but 200). Then the server's memory (VmRSS after the readers, VmHWM peak) over a store of
# 3 events and one of 10,000. Usage: bench/storage/load.sh [READERS] [PAGES]   (default 20 and 500)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
readers="${1:-20}"
pages="${2:-500}"
./vigil --help >/dev/null
cli=(dotnet "$root/.build/cli/Vigil.Cli.dll")
out="$root/bench/out/storage/load"
rm -rf "$out"; mkdir -p "$out"
head -n "$pages" ../shared/data/acled-notes/input.jsonl >"$out/pages.jsonl"
dotnet build bench/Vigil.Bench.Storage -c Release -o bench/out/storage/bin --nologo -v quiet >/dev/null
port=$((20000 + RANDOM % 20000))
filters=("" "country=NG" "type=Battles" "from=2020-05-01&to=2020-05-31" "q=killed" "sort=-killed&pageSize=100" "bbox=-20,-40,60,40" "minConfidence=0.5")

serve() { # store args...; starts the server, sets server_pid
  "${cli[@]}" serve "$@" --urls "http://127.0.0.1:$port" --token bench >"$out/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return; sleep 0.2; done
  echo "bench: the server did not start" >&2; cat "$out/serve.log" >&2; exit 1
}
memory() { awk '/VmRSS|VmHWM/ { printf "%s %d MB  ", $1, $2 / 1024 }' "/proc/$server_pid/status"; }

reader() { # index; reads until the ingest is over
  local i=0 f
  while [ ! -f "$out/done" ]; do
    f="${filters[$(( (i + $1) % ${#filters[@]} ))]}"
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port/api/events?$f" >>"$out/reader-$1.txt" || echo "000 0" >>"$out/reader-$1.txt"
    i=$((i + 1))
  done
}

run() { # name, store args for serve and ingest
  local name="$1"; shift
  rm -f "$out/done" "$out"/reader-*.txt
  serve "$@"
  for r in $(seq "$readers"); do reader "$r" & done
  local start; start=$(date +%s.%N)
  summary=$("${cli[@]}" ingest "$out/pages.jsonl" "$@" --jobs 1 2>/dev/null | tail -1 || true)
  local seconds; seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  touch "$out/done"; wait $(jobs -p | grep -v "^$server_pid$") 2>/dev/null || true
  local mem; mem=$(memory)
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  # Sorted by latency, so the percentiles are lines of the file (mawk has no sort of its own).
  cat "$out"/reader-*.txt | sort -k2,2g | awk -v name="$name" -v seconds="$seconds" -v mem="$mem" '
    { n++; if ($1 != "200") errors++; t[n] = $2 * 1000 }
    END { printf "| %s | %d | %s | %d | %.1f | %.1f | %d | %s |\n", name, n, seconds, n / seconds, t[int(n * 0.5) + 1], t[int(n * 0.99) + 1], errors + 0, mem }'
  echo "  ingest: $summary" >&2
}

echo "| store | requests | ingest seconds | requests/s | p50 ms | p99 ms | errors | server memory after |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
run sqlite --db "$out/load.db"
if [ -f .build/pg/connection ]; then
  pgport="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' .build/pg/connection)"
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=vigil psql -h 127.0.0.1 -p "$pgport" -U vigil -d vigil_test -qAt \
    -c "DROP SCHEMA IF EXISTS bench_load CASCADE; CREATE SCHEMA bench_load;" >/dev/null
  run postgres --postgres "$(cat .build/pg/connection);Search Path=bench_load"
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=vigil psql -h 127.0.0.1 -p "$pgport" -U vigil -d vigil_test -qAt -c "DROP SCHEMA bench_load CASCADE;" >/dev/null
fi

echo
echo "| events in the store | server memory after 200 reads of /api/events and /api/stats |"
echo "|---:|---|"
for count in 3 10000; do
  dotnet bench/out/storage/bin/Vigil.Bench.Storage.dll fill "$out/mem-$count.db" "$count"
  serve --db "$out/mem-$count.db"
  for i in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/api/events?page=$(( i % 5 + 1 ))"; curl -s -o /dev/null "http://127.0.0.1:$port/api/stats"; done
  echo "| $count | $(memory) |"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
done
