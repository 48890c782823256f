#!/usr/bin/env bash
# Pages per second with 1 and with 2 worker processes on one PostgreSQL, alternated (1, 2, 1, 2, ...) so that both see
# the same machine load. Each run starts from a fresh schema holding N queued pages.
# Usage: bench/queue/throughput.sh [N] [ROUNDS]   (default 200 pages, 2 rounds)
# Rate: jobs / wall time of the whole run (process start and model loading included), and jobs / time from the first
# job finished to the last (steady state, loading excluded).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
n="${1:-200}"
rounds="${2:-2}"
pages="$(make_pages "$n")"
echo "| round | workers | jobs | wall s | pages/s (wall) | pages/s (first to last job) |"
echo "|---|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  for workers in 1 2; do
    read -r jobs wall steady < <(timed_run bench_rate "$workers" "$pages" "${cli[@]}")
    awk -v r="$round" -v w="$workers" -v j="$jobs" -v t="$wall" -v s="$steady" \
      'BEGIN { printf "| %d | %d | %d | %.1f | %.2f | %s |\n", r, w, j, t, j / t, s }'
  done
done
