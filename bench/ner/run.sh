#!/usr/bin/env bash
# Entity recognition: Vigil's shipped model beside compromise on the same CoNLL-2003 test sentences, same scorer.
# Usage: bench/ner/run.sh [CONLL_FILE]   (default ../shared/data/conll2003/test.txt, relative to the repository root)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${1:-$root/../shared/data/conll2003/test.txt}"
[ -f "$data" ] || { echo "bench/ner: $data is absent (CoNLL-2003 is expected in ../shared/data/conll2003/)" >&2; exit 1; }
out="$root/bench/out/ner"
mkdir -p "$out"

[ -d "$here/node_modules/compromise" ] || (cd "$here" && npm install --no-audit --no-fund --silent)
dotnet build "$here/NerBench.csproj" -c Release --nologo -v quiet -o "$out/bin" >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 2; }

echo "== Vigil (models/ner.bin)"
dotnet "$out/bin/NerBench.dll" vigil "$data"
echo "== compromise $(node -p 'require("'"$here"'/node_modules/compromise/package.json").version') (people/places/organizations as PER/LOC/ORG; no MISC)"
node "$here/compromise.mjs" "$data" "$out/compromise.conll" 2>&1
dotnet "$out/bin/NerBench.dll" score "$out/compromise.conll"
