#!/usr/bin/env bash
# Pages per second of two builds of the CLI, 1 and 2 workers each, alternated in one run (before 1, before 2, after 1,
# after 2, ...) so that both see the same machine. "After" is this checkout's CLI; "before" is another build's folder,
# made for example with:
#   git worktree add /tmp/before REV && dotnet publish /tmp/before/src/Vigil.Cli/Vigil.Cli.csproj -c Release \
#     --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o /tmp/cli-before
# Both read this checkout's models, lexicon and gazetteer. Each run starts from a fresh schema holding N queued pages.
# Usage: bench/queue/compare.sh BEFORE_CLI_FOLDER [N] [ROUNDS]   (default 1000 pages, 3 rounds)
set -euo pipefail
before_dir="${1:?usage: bench/queue/compare.sh BEFORE_CLI_FOLDER [N] [ROUNDS]}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
n="${2:-1000}"
rounds="${3:-3}"
[ -f "$before_dir/Vigil.Cli.dll" ] || { echo "bench: no Vigil.Cli.dll in $before_dir" >&2; exit 1; }
pages="$(make_pages "$n")"
before=(env VIGIL_MODELS="$root/models" VIGIL_LEXICON="$root/data/lexicon/en" VIGIL_GAZETTEER="$root/.build/gazetteer" dotnet "$before_dir/Vigil.Cli.dll")
echo "| round | build | workers | wall s | pages/s (wall) | pages/s (first to last job) |"
echo "|---|---|---|---|---|---|"
for round in $(seq "$rounds"); do
  for build in before after; do
    if [ "$build" = before ]; then run=("${before[@]}"); else run=("${cli[@]}"); fi
    for workers in 1 2; do
      read -r jobs wall steady < <(timed_run bench_compare "$workers" "$pages" "${run[@]}")
      awk -v r="$round" -v b="$build" -v w="$workers" -v j="$jobs" -v t="$wall" -v s="$steady" \
        'BEGIN { printf "| %d | %s | %d | %.1f | %.2f | %s |\n", r, b, w, t, j / t, s }'
    done
  done
done
