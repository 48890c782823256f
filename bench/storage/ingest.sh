#!/usr/bin/env bash
# Ingest throughput (pages per second, wall clock including process start) into a fresh SQLite file and a fresh
# PostgreSQL schema, with --jobs 1 and --jobs 2, on the article-extraction HTML pages and the ACLED notes.
# Usage: bench/storage/ingest.sh [REPEATS]   (median of REPEATS runs, default 3). Needs ../shared/data and, for
# PostgreSQL, the server scripts/postgres.sh starts; prints one Markdown table row per measurement.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
repeats="${1:-3}"
data="$root/../shared/data"
html="$data/article-extraction/html"
notes="$data/acled-notes/input.jsonl"
for input in "$html" "$notes"; do
  [ -e "$input" ] || { echo "bench: $input is absent (the shared data folder must sit beside the repository)" >&2; exit 1; }
done

./vigil --help >/dev/null # builds the command line once, outside the timings
cli=(dotnet "$root/.build/cli/Vigil.Cli.dll")
out="$root/bench/out/storage"
mkdir -p "$out"

pg_base=""
if [ -f "$root/.build/pg/connection" ]; then
  pg_base="$(cat "$root/.build/pg/connection")"
else
  echo "bench: no .build/pg/connection; PostgreSQL rows skipped (run scripts/postgres.sh)" >&2
fi

pg_reset() {
  local port; port="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$pg_base")"
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=vigil psql -h 127.0.0.1 -p "$port" -U vigil -d vigil_test -qAt -v ON_ERROR_STOP=1 \
    -c "DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench;" >/dev/null
}

# One timed run; prints "seconds pages".
run_once() {
  local store="$1" jobs="$2" input="$3" target start end summary
  if [ "$store" = sqlite ]; then
    rm -f "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm"
    target=(--db "$out/bench.db")
  else
    pg_reset
    target=(--postgres "$pg_base;Search Path=bench")
  fi
  start=$(date +%s.%N)
  summary=$("${cli[@]}" ingest "$input" "${target[@]}" --jobs "$jobs" 2>/dev/null || true)
  end=$(date +%s.%N)
  local pages; pages=$(sed -n 's/.*ingest: \([0-9]*\) pages read.*/\1/p' <<<"$summary")
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }') ${pages:-0}"
}

echo "| store | input | jobs | pages | median seconds | pages/s |"
echo "|---|---|---|---|---|---|"
for store in sqlite postgres; do
  [ "$store" = postgres ] && [ -z "$pg_base" ] && continue
  for input in "$html" "$notes"; do
    for jobs in 1 2; do
      times=()
      pages=0
      for _ in $(seq "$repeats"); do
        read -r seconds pages < <(run_once "$store" "$jobs" "$input")
        times+=("$seconds")
      done
      median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
      rate=$(awk -v p="$pages" -v s="$median" 'BEGIN { printf "%.1f", p / s }')
      echo "| $store | ${input#"$data"/} | $jobs | $pages | $median | $rate |"
    done
  done
done
