# Shared by the queue benchmarks: the CLI, a fresh PostgreSQL schema, the count query, the page set.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
data="$root/../shared/data/open-news"
out="$root/bench/out/queue"
mkdir -p "$out"
[ -f "$root/.build/pg/connection" ] || { echo "bench: no .build/pg/connection (run scripts/setup.sh to start PostgreSQL)" >&2; exit 1; }
[ -d "$data" ] || { echo "bench: $data is absent (the shared data folder must sit beside the repository)" >&2; exit 1; }
pg_base="$(cat "$root/.build/pg/connection")"
pg_port="$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$pg_base")"
./vigil --help >/dev/null # builds the command line once, outside the timings
cli=(dotnet "$root/.build/cli/Vigil.Cli.dll")

sql() { PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=vigil psql -h 127.0.0.1 -p "$pg_port" -U vigil -d vigil_test -qAt -v ON_ERROR_STOP=1 -c "$1"; }

# A fresh schema; prints the connection string that uses it.
fresh_schema() {
  sql "DROP SCHEMA IF EXISTS $1 CASCADE; CREATE SCHEMA $1;" >/dev/null
  echo "$pg_base;Search Path=$1"
}

# N pages as JSON lines: the Wikinews articles (CC BY 2.5), then Wikipedia Current Events items (CC BY-SA 4.0). The
# items share one URL per day (the portal page), so their URL is dropped: each is a page of its own.
make_pages() {
  python3 - "$1" "$data" >"$out/pages-$1.jsonl" <<'PY'
import json, sys
n, data = int(sys.argv[1]), sys.argv[2]
written = 0
for path, drop_url in ((f"{data}/wikinews/articles.jsonl", False), (f"{data}/wikipedia-current-events/items.jsonl", True)):
    for line in open(path, encoding="utf-8"):
        if written >= n:
            break
        item = json.loads(line)
        page = {k: item.get(k) for k in ("id", "text", "title", "published", "licence", "attribution") if item.get(k)}
        if not drop_url and item.get("url"):
            page["url"] = item["url"]
        print(json.dumps(page))
        written += 1
PY
  echo "$out/pages-$1.jsonl"
}

# The count query: every job ended done, failed or dead (none waiting or running, each failure with a reason), and
# every page that was stored is stored once however often it was processed.
count_query() {
  local schema="$1"
  sql "SELECT 'jobs ' || SUM(n) || ': ' || string_agg(state || ' ' || n, ', ') FROM (SELECT state, COUNT(*) AS n FROM $schema.work_jobs GROUP BY state ORDER BY state) s;"
  sql "SELECT 'failed or dead without a reason: ' || COUNT(*) FROM $schema.work_jobs WHERE state IN ('failed', 'dead') AND error IS NULL;"
  sql "SELECT 'jobs tried more than once: ' || COUNT(*) || COALESCE(' (' || string_agg(label || ' -> ' || result, '; ') || ')', '') FROM $schema.work_jobs WHERE attempts > 1;"
  sql "SELECT 'articles ' || (SELECT COUNT(*) FROM $schema.articles) || ', jobs that stored one ' || (SELECT COUNT(*) FROM $schema.work_jobs WHERE result LIKE 'stored article%') || ', jobs that found theirs stored ' || (SELECT COUNT(*) FROM $schema.work_jobs WHERE result LIKE 'already stored%');"
  sql "SELECT 'claims ' || COUNT(*) || ', events ' || (SELECT COUNT(*) FROM $schema.events) || ', claims of an article stored twice ' || (SELECT COUNT(*) FROM (SELECT article_id, event_index FROM $schema.claims GROUP BY 1, 2 HAVING COUNT(*) > 1) d) FROM $schema.claims;"
}

# One timed run: a fresh schema holding the pages, WORKERS workers of the CLI given after them draining it. Prints
# "JOBS WALL_SECONDS STEADY_RATE": the jobs done, the wall time (process start and model loading included), and the
# jobs per second from the first job finished to the last.
# Usage: timed_run SCHEMA WORKERS PAGES CLI...
timed_run() {
  local schema="$1" workers="$2" pages="$3"
  shift 3
  local conn start end w
  local pids=()
  conn="$(fresh_schema "$schema")"
  "$@" enqueue "$pages" --postgres "$conn" >/dev/null
  start=$(date +%s.%N)
  for w in $(seq "$workers"); do
    "$@" worker --postgres "$conn" --until-empty --name "w$w" >/dev/null 2>&1 &
    pids+=($!)
  done
  wait "${pids[@]}"
  end=$(date +%s.%N)
  echo "$(sql "SELECT COUNT(*) FROM $schema.work_jobs WHERE state = 'done'")" "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')" \
    "$(sql "SELECT ROUND((COUNT(*) - 1) / EXTRACT(EPOCH FROM MAX(finished_at::timestamptz) - MIN(finished_at::timestamptz)), 2) FROM $schema.work_jobs WHERE state = 'done'")"
}
