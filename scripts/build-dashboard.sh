#!/usr/bin/env bash
# Builds the dashboard's front-end assets (npm + esbuild) into src/Vigil.Server/wwwroot, when sources changed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
front="$root/src/Vigil.Server/frontend"
out="$root/src/Vigil.Server/wwwroot/app.js"
command -v npm >/dev/null || { echo "build-dashboard: npm is required (Node.js 20+)" >&2; exit 1; }
if [ ! -d "$front/node_modules" ] || [ "$front/package.json" -nt "$front/node_modules" ]; then
  (cd "$front" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) && touch "$front/node_modules"
fi
if [ ! -f "$out" ] || [ -n "$(find "$front/src" "$front/build.mjs" -newer "$out" -print -quit)" ]; then
  (cd "$front" && node build.mjs >/dev/null)
fi
