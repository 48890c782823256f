#!/usr/bin/env bash
# Alerts end to end, on SQLite and PostgreSQL side by side, with a webhook receiver on loopback (receiver.py):
#  1. live: an alert (--min-fatalities 1, so any event with a reported death) while `vigil ingest` and, apart,
#     `vigil enqueue` + `vigil worker` store N pages of the bundled Wikinews sample; each notice's latency is the time
#     from its change being stored (changedAt in the payload) to its arrival at the receiver (target < 5 s);
#  2. down, then up: the receiver is down while the pages are ingested; it comes up DOWN seconds later and
#     `vigil alerts dispatch --follow` delivers the waiting notices: each must arrive once (repeats 0).
# Usage: bench/alerts/run.sh [N] [DOWN]   (default 40 pages, receiver down for 20 s)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
n="${1:-40}"
down="${2:-20}"
out="$root/bench/out/alerts"
rm -rf "$out"
mkdir -p "$out"
[ -f "$root/.build/pg/connection" ] || { echo "bench: no .build/pg/connection (run scripts/setup.sh to start PostgreSQL)" >&2; exit 1; }
pg_base="$(cat "$root/.build/pg/connection")"
pg_port="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$pg_base")"
./vigil --help >/dev/null # builds the command line once, outside the timings
cli=(dotnet "$root/.build/cli/Vigil.Cli.dll")
head -n "$n" samples/wikinews-2019-2020.jsonl >"$out/pages.jsonl"

sql() { PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=vigil psql -h 127.0.0.1 -p "$pg_port" -U vigil -d vigil_test -qAt -v ON_ERROR_STOP=1 -c "$1"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

receiver_pid=""
start_receiver() { python3 bench/alerts/receiver.py "$1" "$2" & receiver_pid=$!; sleep 0.5; }
stop_receiver() { [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null && wait "$receiver_pid" 2>/dev/null || true; receiver_pid=""; }
trap stop_receiver EXIT

# Sets store to the options of a fresh database for the named engine and run.
fresh_store() {
  if [ "$1" = sqlite ]; then
    store=(--db "$out/$2.db")
  else
    sql "DROP SCHEMA IF EXISTS bench_alerts_$2 CASCADE; CREATE SCHEMA bench_alerts_$2;" >/dev/null
    store=(--postgres "$pg_base;Search Path=bench_alerts_$2")
  fi
}

deliveries() { # STORE_OPTIONS...: the count of deliveries in each state
  "${cli[@]}" alerts deliveries --limit 100000 "$@" | cut -f2 | sort | uniq -c | awk '{printf "%s %s, ", $1, $2}' | sed 's/, $//'
}

for engine in sqlite postgres; do
  for mode in ingest worker; do
    run="${engine}_live_${mode}"
    fresh_store "$engine" "$run"
    port="$(free_port)"
    start_receiver "$port" "$out/$run.log"
    "${cli[@]}" alerts add --name deaths --webhook "http://127.0.0.1:$port/hook" --min-fatalities 1 "${store[@]}" >/dev/null
    start=$(date +%s.%N)
    if [ "$mode" = ingest ]; then
      "${cli[@]}" ingest "$out/pages.jsonl" "${store[@]}" >"$out/$run.out" 2>"$out/$run.err"
    else
      "${cli[@]}" enqueue "$out/pages.jsonl" "${store[@]}" >/dev/null
      "${cli[@]}" worker --until-empty "${store[@]}" >"$out/$run.out" 2>"$out/$run.err"
    fi
    took=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
    stop_receiver
    echo "$engine $mode live ($n pages, ${took}s): $(python3 bench/alerts/analyze.py "$out/$run.log"); table: $(deliveries "${store[@]}")"
  done

  run="${engine}_down_up"
  fresh_store "$engine" "$run"
  port="$(free_port)"
  : >"$out/$run.log"
  "${cli[@]}" alerts add --name deaths --webhook "http://127.0.0.1:$port/hook" --min-fatalities 1 "${store[@]}" >/dev/null
  "${cli[@]}" ingest "$out/pages.jsonl" "${store[@]}" >"$out/$run.out" 2>"$out/$run.err"
  waiting="$(deliveries "${store[@]}")"
  sleep "$down"
  start_receiver "$port" "$out/$run.log"
  up=$(date +%s.%N)
  "${cli[@]}" alerts dispatch --follow "${store[@]}" >"$out/$run.dispatch.out" 2>"$out/$run.dispatch.err" &
  dispatch_pid=$!
  for _ in $(seq 1 240); do
    pending="$("${cli[@]}" alerts deliveries --status pending --limit 100000 "${store[@]}" | wc -l)"
    sending="$("${cli[@]}" alerts deliveries --status sending --limit 100000 "${store[@]}" | wc -l)"
    [ "$((pending + sending))" = 0 ] && break
    sleep 1
  done
  sleep 2 # a repeat, if there were one, would arrive now
  kill -TERM "$dispatch_pid"; wait "$dispatch_pid" || true
  stop_receiver
  echo "$engine down ${down}s then up: after ingest: $waiting; then $(python3 bench/alerts/analyze.py "$out/$run.log" "$up"); table: $(deliveries "${store[@]}")"
done
