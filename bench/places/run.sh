#!/usr/bin/env bash
# Places benchmark: resolves the location of each of the 1,000 human-coded ACLED events given its country (and its
# admin1 as context), and prints the share within 25 km of ACLED's point, the gazetteer's load time and memory.
# Usage: bench/places/run.sh [--show-failures]   (misses go to stderr)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
acled="$root/../shared/data/acled-notes/acled.csv"
if [ ! -f "$acled" ]; then
  echo "bench/places: $acled is absent (the shared ACLED sample is needed; nothing measured)" >&2
  exit 1
fi
bash "$root/scripts/setup.sh" >&2
exec "$root/vigil" place --bench-acled "$acled" "$@"
