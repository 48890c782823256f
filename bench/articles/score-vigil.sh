#!/usr/bin/env bash
# Quick loop for working on the extractor: Vigil only, scored, with the worst pages.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="$root/../shared/data/article-extraction"
[ -d "$data/html" ] || { echo "score-vigil: $data is absent (the benchmark pages are not on this machine)" >&2; exit 1; }
mkdir -p "$root/bench/articles/out"
dotnet build "$root/bench/Vigil.Bench.Articles" -c Release -o "$root/.build/bench-articles" --nologo -v q >/dev/null
dotnet "$root/.build/bench-articles/Vigil.Bench.Articles.dll" extract "$data/html" "$@" > "$root/bench/articles/out/vigil.jsonl"
dotnet "$root/.build/bench-articles/Vigil.Bench.Articles.dll" score "$data/ground-truth.json" "$root/bench/articles/out/vigil.jsonl" --worst 15
