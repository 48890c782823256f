#!/usr/bin/env bash
# Resuming (issue 16): a rerun of `vigil ingest` over pages already stored, with the stored pages' keys (each page is
# recognized before any parsing, and the pipeline is never loaded) and, beside it in the same run, without them (the
# same database with its page_keys table emptied: every page is parsed again and found a duplicate, as before keys were
# kept). Runs alternate; wall clock includes process start. Usage: bench/storage/resume.sh [REPEATS] [INPUT]
# (default 3 and samples/). Prints one Markdown table row per run, then the medians.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
repeats="${1:-3}"
input="${2:-samples}"
./vigil --help >/dev/null # builds the command line once, outside the timings
cli=(dotnet "$root/.build/cli/Vigil.Cli.dll")
out="$root/bench/out/storage"
mkdir -p "$out"
db="$out/resume.db"
rm -f "$db" "$db-wal" "$db-shm"
"${cli[@]}" ingest "$input" --db "$db" >/dev/null 2>&1 || true

timed() { # prints "seconds summary"
  local start end summary
  start=$(date +%s.%N)
  summary=$("${cli[@]}" ingest "$input" --db "$1" 2>/dev/null | tail -1 || true)
  end=$(date +%s.%N)
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }') ${summary#vigil: ingest: }"
}

echo "| run | rerun with page keys (s) | rerun without them, as before (s) | ratio |"
echo "|---|---:|---:|---:|"
with=(); without=()
for run in $(seq "$repeats"); do
  read -r a summary_a < <(timed "$db")
  cp "$db" "$out/resume-nokeys.db"
  sqlite3 "$out/resume-nokeys.db" "DELETE FROM page_keys;"
  read -r b summary_b < <(timed "$out/resume-nokeys.db")
  rm -f "$out/resume-nokeys.db"*
  with+=("$a"); without+=("$b")
  echo "| $run | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f×", b / a }') |"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "| median | $(median "${with[@]}") | $(median "${without[@]}") | |"
echo "with keys: $summary_a"
echo "without:   $summary_b"
