#!/usr/bin/env bash
# Crash test: 3 worker processes on one PostgreSQL share N pages; one is killed with SIGKILL mid-run and started again.
# The count query then shows every page processed or failed with a reason, and none stored twice.
# Usage: bench/queue/crash.sh [N] [LEASE]   (default 1000 pages, lease 20s: the killed worker's job waits that long)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
n="${1:-1000}"
lease="${2:-20s}"
conn="$(fresh_schema bench_crash)"
pages="$(make_pages "$n")"
"${cli[@]}" enqueue "$pages" --postgres "$conn"
start=$(date +%s.%N)
pids=()
for w in 1 2 3; do
  "${cli[@]}" worker --postgres "$conn" --until-empty --lease "$lease" --name "w$w" >"$out/crash-w$w.out" 2>"$out/crash-w$w.err" &
  pids+=($!)
done
# Kill worker 2 once a third of the jobs are done, while it holds a job.
until [ "$(sql "SELECT COUNT(*) FROM bench_crash.work_jobs WHERE state <> 'pending' AND state <> 'running'")" -ge $((n / 3)) ]; do sleep 0.5; done
until [ "$(sql "SELECT COUNT(*) FROM bench_crash.work_jobs WHERE state = 'running' AND worker = 'w2'")" -ge 1 ]; do sleep 0.05; done
held="$(sql "SELECT label FROM bench_crash.work_jobs WHERE state = 'running' AND worker = 'w2' LIMIT 1")"
kill -9 "${pids[1]}"
echo "killed worker w2 (pid ${pids[1]}) with SIGKILL while it held $held, at $(sql "SELECT COUNT(*) FROM bench_crash.work_jobs WHERE state IN ('done', 'failed', 'dead')") of $n jobs"
"${cli[@]}" worker --postgres "$conn" --until-empty --lease "$lease" --name "w2-restarted" >"$out/crash-w2r.out" 2>"$out/crash-w2r.err" &
pids[1]=$!
wait "${pids[0]}" "${pids[2]}" "${pids[1]}" || true
end=$(date +%s.%N)
cat "$out"/crash-w1.out "$out"/crash-w2r.out "$out"/crash-w3.out
echo "wall $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }') s"
count_query bench_crash
