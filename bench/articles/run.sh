#!/usr/bin/env bash
# The article-extraction benchmark in one run: Vigil and its peers (Readability.js, readability-lxml, SmartReader) over
# the same 91 pages, each in one single-threaded process, scored by the same scorer. Prints one table row per tool:
# F1, precision, recall, pages/s of extraction (pages already in memory, timed after one untimed page that ends
# start-up; fastest of BENCH_PASSES passes, 3 by default; by wall clock and by process CPU time) and the process's total
# wall time including start-up and every pass. Outputs are kept in bench/articles/out/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="$root/../shared/data/article-extraction"
if [ ! -d "$data/html" ] || [ ! -f "$data/ground-truth.json" ]; then
  echo "run: $data is absent; the benchmark pages are not on this machine" >&2
  exit 1
fi

"$here/install-peers.sh"
dotnet publish "$root/bench/Vigil.Bench.Articles" -c Release -o "$root/.build/bench-articles" --nologo -v q >/dev/null
bench=(dotnet "$root/.build/bench-articles/Vigil.Bench.Articles.dll")
# Both .NET tools (Vigil and SmartReader) run with a 128 MB gen-0 budget: parsing a page allocates a few MB of
# short-lived DOM, and the default budget collects several times per page. The GC reads this knob from the environment
# only.
export DOTNET_GCgen0size=0x8000000
out="$here/out"
mkdir -p "$out"

run_tool() { # name, command... (the command writes JSON lines on stdout and a "timing" line on stderr)
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$@" >"$out/$name.jsonl" 2>"$out/$name.stderr"
  end=$(date +%s.%N)
  local timing score
  timing=$(grep '^timing ' "$out/$name.stderr" | tail -1)
  score=$("${bench[@]}" score "$data/ground-truth.json" "$out/$name.jsonl")
  awk -v name="$name" -v timing="$timing" -v score="$score" -v start="$start" -v end="$end" 'BEGIN {
    n = split(timing " " score, fields, " ")
    for (i = 1; i <= n; i++) { split(fields[i], kv, "="); value[kv[1]] = kv[2] }
    printf "| %-16s | %.4f | %.4f | %.4f | %8.1f | %8.1f | %7.2f |\n", name, value["F1"], value["precision"], value["recall"],
      value["pages"] / value["seconds"], value["pages"] / value["cpu"], end - start
  }'
}

echo "| tool             | F1     | P      | R      | pages/s  | pages/s  | total s |"
echo "|                  |        |        |        | (wall)   | (CPU)    | (wall)  |"
echo "|------------------|--------|--------|--------|----------|----------|---------|"
# Each tool times the same number of passes over all pages and reports its fastest (the machine is shared).
passes="${BENCH_PASSES:-3}"
run_tool vigil "${bench[@]}" extract "$data/html" --passes "$passes"
run_tool readability-js node "$here/peers/readability-js.mjs" "$data/html" "$passes"
run_tool readability-lxml /usr/bin/python3 "$here/peers/readability_lxml.py" "$data/html" "$passes"
run_tool smartreader dotnet "$here/peers/smartreader/SmartReaderPeer.dll" "$data/html" "$passes"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
