#!/usr/bin/env bash
# Merge recall and false merges on re-published, syndicated and rewritten reports (issue 16): the written reports in
# bench/storage/republished/reports.jsonl, six pages each (original and five copies under other URLs) made with a fixed
# seed, coded by the full pipeline, stored into fresh SQLite and PostgreSQL stores with the near-duplicate comparison
# off and at several thresholds. Usage: bench/storage/republished.sh [SEED]   (default 16). The pages are also written
# to bench/out/storage/republished.jsonl, so `./vigil ingest` can be run over them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
dotnet build bench/Vigil.Bench.Storage -c Release -o bench/out/storage/bin --nologo -v quiet >/dev/null
dotnet bench/out/storage/bin/Vigil.Bench.Storage.dll "$root" "${1:-16}"
