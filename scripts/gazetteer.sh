#!/usr/bin/env bash
# Builds the offline gazetteer for the Places stage (.build/gazetteer) from the gazetteer data the repository carries
# (data/gazetteer/*.gz: GeoNames and Who's On First; sources and licences in data/README.md). No network and no
# ../shared: it only unpacks the files, and the library keys and caches them (index.bin) on its first load.
# Rebuilt only when the committed data changes. Called by scripts/setup.sh and by ./vigil when the gazetteer is missing.
# scripts/gazetteer-data.sh regenerates data/gazetteer itself from its sources.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
data="$root/data/gazetteer"
gazetteer="$root/.build/gazetteer"
files=(places.tsv admin1.tsv admin2.tsv common-words.txt)
for file in "${files[@]}"; do
  [ -f "$data/$file.gz" ] || { echo "gazetteer: $data/$file.gz is missing (the repository's gazetteer data)" >&2; exit 1; }
done
stamp="data-3 $(cd "$data" && sha256sum "${files[@]/%/.gz}" | sha256sum | cut -c1-16)"
if [ "$(cat "$gazetteer/STAMP" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$gazetteer" && mkdir -p "$gazetteer"
  for file in "${files[@]}"; do
    gzip -dc "$data/$file.gz" > "$gazetteer/$file.tmp" && mv "$gazetteer/$file.tmp" "$gazetteer/$file"
  done
  echo "$stamp" > "$gazetteer/STAMP"
else
  # Same data under newer file times (a checkout): the gazetteer is current, and ./vigil need not ask again.
  touch "$gazetteer/STAMP"
fi
