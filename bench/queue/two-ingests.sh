#!/usr/bin/env bash
# Two `vigil ingest` processes into one PostgreSQL at once, over disjoint halves of N pages: first on a fresh schema
# (the migrations race), then on a migrated one (the writers race). Prints each run's exit code and summary, and the
# stored counts. Usage: bench/queue/two-ingests.sh [N] [CLI_DLL]   (default 120 pages, this worktree's build; pass
# another build's Vigil.Cli.dll to see how it behaves, e.g. one from before issue 17)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
n="${1:-120}"
if [ -n "${2:-}" ]; then
  cli=(dotnet "$2")
  # Another build finds its models and gazetteer here, not beside its own folder.
  export VIGIL_MODELS="${VIGIL_MODELS:-$root/models}" VIGIL_GAZETTEER="${VIGIL_GAZETTEER:-$root/.build/gazetteer}"
fi
pages="$(make_pages "$n")"
head -n $((n / 2)) "$pages" >"$out/half1.jsonl"
tail -n +$((n / 2 + 1)) "$pages" >"$out/half2.jsonl"
for state in fresh migrated; do
  conn="$(fresh_schema bench_two)"
  [ "$state" = migrated ] && "${cli[@]}" search --postgres "$conn" nothing >/dev/null 2>&1 || true
  for i in 1 2; do
    ( rc=0; "${cli[@]}" ingest "$out/half$i.jsonl" --postgres "$conn" --jobs 1 >"$out/two-$i.out" 2>"$out/two-$i.err" || rc=$?; echo "$rc" >"$out/two-$i.rc" ) &
  done
  wait
  echo "== $state database"
  for i in 1 2; do
    echo "ingest $i: exit $(cat "$out/two-$i.rc"); $(cat "$out/two-$i.out") $(grep '^vigil: ' "$out/two-$i.err" | grep -v '^vigil: loading' | tail -1)"
  done
  sql "SELECT 'stored: ' || (SELECT COUNT(*) FROM bench_two.articles) || ' articles of $n pages, ' || (SELECT COUNT(*) FROM bench_two.events) || ' events'" 2>/dev/null || echo "stored: no tables"
done
