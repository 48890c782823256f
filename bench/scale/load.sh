#!/usr/bin/env bash
# The API at SIZE events (issue 17): READERS concurrent readers against `vigil serve`, on SQLite and PostgreSQL, without
# the read indexes ("before": the schema of the previous migrations, with the new query code) and with them ("after").
# Per kind of request: requests, p50 and p99 latency, errors (any answer but 200). Then an ACLED CSV export of one
# year (about a tenth of the events) on a freshly started server: seconds, rows, and the server's memory before and at
# its peak (VmHWM). The stores come from bench/scale/fill.sh SIZE.
# KINDS (default "list bbox search stats") chooses the kinds of request; SKIP_EXPORT=1 measures those alone;
# SERIAL_RUNS (default 1) asks each URL of the one-at-a-time table that many times in a row (the first is often cold).
# Phases: "before" (read indexes dropped), "after" (this checkout's server, the store migrated to its schema), and
# "base": the server built from BASE_REF (default: where this branch left main) against the same store, unchanged,
# so a branch's reads are measured beside the code it started from, in one run. The base server never migrates a store
# that is newer than it (it only reads here), so alternating "base after base after" is fair.
# Usage: bench/scale/load.sh [SIZE] [READERS] [REQUESTS_PER_READER] [phases: "before after"|"base after"] [stores: "sqlite postgres"]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
size="${1:-1000000}"
readers="${2:-20}"
per_reader="${3:-10}"
phases="${4:-before after}"
stores="${5:-sqlite postgres}"
./vigil --help >/dev/null
dotnet build bench/Vigil.Bench.Storage -c Release -o bench/out/storage/bin --nologo -v quiet >/dev/null
cli=(dotnet "$root/.build/cli/Vigil.Cli.dll")
base_cli=(dotnet "$root/.build/cli-base/Vigil.Cli.dll")
if [[ " $phases " == *" base "* ]]; then
  base_commit="$(git rev-parse "${BASE_REF:-$(git merge-base HEAD main)}")"
  if [ "$(cat .build/cli-base/COMMIT 2>/dev/null)" != "$base_commit" ]; then
    echo "load: building the base server ($base_commit) into .build/cli-base..." >&2
    rm -rf .build/base-src .build/cli-base && mkdir -p .build/base-src
    git archive "$base_commit" | tar -x -C .build/base-src
    dotnet publish .build/base-src/src/Vigil.Cli/Vigil.Cli.csproj -c Release --nologo -v quiet -o .build/cli-base -p:RunAnalyzers=false \
      -p:EnforceCodeStyleInBuild=false --use-current-runtime --self-contained false -p:PublishReadyToRun=true >.build/cli-base.log 2>&1 \
      || { cat .build/cli-base.log >&2; exit 1; }
    echo "$base_commit" >.build/cli-base/COMMIT
  fi
fi
bench=(dotnet bench/out/storage/bin/Vigil.Bench.Storage.dll)
out="$root/bench/out/scale"
rm -rf "$out"; mkdir -p "$out"
sqlite_db=".build/scale/sqlite-$size.db"
pg="$(cat .build/pg/connection 2>/dev/null || true)"
pg_store="$pg;Search Path=bench_scale_$size"
if [[ " $stores " == *" sqlite "* || -z "$pg" ]] && [ ! -f "$sqlite_db" ]; then
  echo "load: $sqlite_db is missing; run bench/scale/fill.sh $size" >&2; exit 1
fi
pgport="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' .build/pg/connection 2>/dev/null || true)"
ask() { # SQLite's SQL, PostgreSQL's: one value from the SQLite store when it is measured, else from the PostgreSQL one (same seed, same rows)
  if [ -f "$sqlite_db" ] && [[ " $stores " == *" sqlite "* || -z "$pg" ]]; then sqlite3 "$sqlite_db" "$1"
  else PGPASSWORD=vigil psql -h 127.0.0.1 -p "$pgport" -U vigil -d vigil_test -qAt -c "SET search_path = bench_scale_$size" -c "$2"; fi
}
port=$((20000 + RANDOM % 20000))

# Words to search for, from the store itself: a village (rare: a few dozen reports) and an armed group (a few
# thousand) among the concurrent readers; a word most reports use ("killed": over half) alone, three times in a row,
# after them (it takes far longer: see BENCHMARKS.md), COMMON_WORD_RUNS times (default 3).
village=$(ask "SELECT location_name FROM events WHERE seq = 4242" "SELECT location_name FROM events WHERE seq = 4242")
group=$(ask "SELECT json_extract(event_json, '\$.perpetrators[0].name') FROM claims WHERE seq = 4242" \
  "SELECT event_json::json -> 'perpetrators' -> 0 ->> 'name' FROM claims WHERE seq = 4242" | cut -d' ' -f1)
by_size="SELECT country FROM events GROUP BY country ORDER BY COUNT(*) DESC, country"
country=$(ask "$by_size LIMIT 1 OFFSET 9" "$by_size LIMIT 1 OFFSET 9")
big=$(ask "$by_size LIMIT 1" "$by_size LIMIT 1")
declare -A kinds
kinds[list]="country=$country|type=Battles|from=2020-05-01&to=2020-05-31|sort=-date|country=$big&type=Protests|minConfidence=0.5&page=3|sort=-killed&pageSize=100|type=Riots&from=2019-01-01&to=2019-12-31"
kinds[bbox]="bbox=30,0,45,15|bbox=-10,35,30,60|bbox=100,-10,120,10&type=Battles|bbox=-80,-40,-60,0"
kinds[search]="q=$village|q=$group|q=$village&type=Battles|q=$group&country=$big|q=$group&from=2022-01-01&to=2022-12-31"
kinds[stats]="stats:|stats:country=$country|stats:type=Battles|stats:from=2024-01-01&to=2024-12-31|stats:country=$big"
echo "search words: village '$village', group '$group'; countries $country (10th) and $big (largest)" >&2

serve() { # store args...; starts the server (the base build's in the base phase), sets server_pid
  local server=("${cli[@]}")
  [ "${phase:-}" = base ] && server=("${base_cli[@]}")
  "${server[@]}" serve "$@" --urls "http://127.0.0.1:$port" --token bench >"$out/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 300); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return; sleep 0.2; done
  echo "bench: the server did not start" >&2; cat "$out/serve.log" >&2; exit 1
}
stop() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; }
memory() { awk '/VmRSS|VmHWM/ { printf "%s %d MB ", $1, $2 / 1024 }' "/proc/$server_pid/status"; }
load() { awk '{ print $1 }' /proc/loadavg; }

reader() { # index, kind; REQUESTS_PER_READER requests cycling through the kind's URLs
  local i f url
  IFS='|' read -r -a urls <<<"${kinds[$2]}"
  for i in $(seq "$per_reader"); do
    f="${urls[$(( (i + $1) % ${#urls[@]} ))]}"
    if [[ "$f" == stats:* ]]; then url="/api/stats?${f#stats:}"; else url="/api/events?$f"; fi
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port$url" >>"$out/$2-$1.txt" || echo "000 0" >>"$out/$2-$1.txt"
  done
}

percentiles() { # name...; the table row of the readers' files
  cat "$out"/"$3"-*.txt | sort -k2,2g | awk -v store="$1" -v phase="$2" -v kind="$3" -v load="$4" '
    { n++; if ($1 != "200") errors++; t[n] = $2 * 1000 }
    END { printf "| %s | %s | %s | %d | %.0f | %.0f | %.0f | %d | %s |\n", store, phase, kind, n, t[int(n * 0.5) + 1], t[int(n * 0.99) + 1], t[n], errors + 0, load }'
}

serial() { # store name, phase; each URL once (SERIAL_RUNS times in a row), one at a time: the service time of a request without queueing
  local kind f url status times run answer
  for kind in ${KINDS:-list bbox search stats}; do
    IFS='|' read -r -a urls <<<"${kinds[$kind]}"
    for f in "${urls[@]}"; do
      if [[ "$f" == stats:* ]]; then url="/api/stats?${f#stats:}"; else url="/api/events?$f"; fi
      times=""
      for run in $(seq "${SERIAL_RUNS:-1}"); do
        answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$port$url")
        status=${answer%% *}
        times="$times${times:+ / }$(awk -v t="${answer#* }" 'BEGIN { printf "%.0f", t * 1000 }')"
      done
      echo "| $1 | $2 | \`$url\` | $status | $times | $(load) |" >>"$out/serial.md"
    done
  done
}

run() { # store name, phase, serve args...
  local name="$1" phase="$2"; shift 2
  serve "$@"
  serial "$name" "$phase"
  for kind in ${KINDS:-list bbox search stats}; do
    rm -f "$out/$kind"-*.txt
    local before; before=$(load)
    for r in $(seq "$readers"); do reader "$r" "$kind" & done
    wait $(jobs -p | grep -v "^$server_pid$") 2>/dev/null || true
    percentiles "$name" "$phase" "$kind" "$before→$(load)"
  done
  [ -n "${SKIP_EXPORT:-}" ] && { stop; return; }
  local common=""
  for _ in $(seq "${COMMON_WORD_RUNS:-3}"); do
    common="$common $(curl -s -o /dev/null --max-time 600 -w '%{http_code}:%{time_total}s' "http://127.0.0.1:$port/api/events?q=killed" || echo timeout)"
  done
  echo "| $name | $phase | search 'killed' alone, ${COMMON_WORD_RUNS:-3} in a row |$common | | | | | $(load) |"
  stop
  # The export on a fresh server, so its peak memory is the export's.
  serve "$@"
  local rss; rss=$(memory)
  local start; start=$(date +%s.%N)
  curl -s -o "$out/export.csv" -w '%{http_code}' "http://127.0.0.1:$port/api/export?format=acled-csv&from=2024-01-01&to=2024-12-31" >"$out/export.status"
  local seconds; seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  local rows; rows=$(($(wc -l <"$out/export.csv") - 1))
  echo "| $name | $phase | export acled-csv 2024 | $rows rows, HTTP $(cat "$out/export.status") | $seconds s | | | | $(load) | before: $rss; after: $(memory)|" >>"$out/exports.md"
  stop
}

indexes() { # drop|create, engine, target
  local start; start=$(date +%s.%N)
  "${bench[@]}" indexes "$1" "$2" "$3"
  echo "  ($1 read indexes on $2: $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }') s)" >&2
}

echo "| store | indexes | requests | n | p50 ms | p99 ms | max ms | errors | load average (1 min, start→end) |"
echo "|---|---|---|---:|---:|---:|---:|---:|---|"
# The read indexes are rebuilt for "after" only when a "before" in this run dropped them.
rebuild=no; [[ " $phases " == *" before "* ]] && rebuild=yes
for phase in $phases; do
  for store in $stores; do
    if [ "$store" = sqlite ]; then
      case "$phase" in before) indexes drop sqlite "$sqlite_db" ;; after) if [ "$rebuild" = yes ]; then indexes create sqlite "$sqlite_db"; fi ;; esac
      run sqlite "$phase" --db "$sqlite_db"
    elif [ -n "$pg" ]; then
      case "$phase" in before) indexes drop postgres "$pg_store" ;; after) if [ "$rebuild" = yes ]; then indexes create postgres "$pg_store"; fi ;; esac
      run postgres "$phase" --postgres "$pg_store"
    fi
  done
done
echo
echo "| store | indexes | request, alone | HTTP | ms | load average |"
echo "|---|---|---|---|---:|---|"
cat "$out/serial.md"
echo
echo "| store | indexes | export | rows | seconds | | | | load average | server memory (VmRSS; VmHWM = peak) |"
echo "|---|---|---|---|---:|---|---|---|---|---|"
cat "$out/exports.md" 2>/dev/null || true
