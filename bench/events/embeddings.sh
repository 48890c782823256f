#!/usr/bin/env bash
# The encoder comparison of BENCHMARKS.md: sparse model, MiniLM embeddings with a linear head, both combined, by
# cross-validation on the written corpus and on the real-news gold's sentences. Builds its own project (not in the
# solution: the MiniLM package weighs 167 MB). Takes about 10 minutes on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dotnet run -c Release --project "$root/bench/Vigil.Bench.Events/Vigil.Bench.Events.csproj" -- "$root"
