#!/usr/bin/env bash
# Installs and builds what Vigil needs beyond the .NET SDK. Idempotent: each step checks before it works.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
dotnet restore Vigil.slnx --nologo -v quiet

# The offline gazetteer for the Places stage (.build/gazetteer).
bash "$root/scripts/gazetteer.sh"

# PostgreSQL for the storage tests; without it those tests skip (and say why) rather than fail.
bash "$root/scripts/postgres.sh" || { rm -f "$root/.build/pg/connection"; echo "setup: PostgreSQL could not be started; its tests will be skipped" >&2; }
# The dashboard's front-end assets (npm + esbuild) and Debian's Chromium for its browser tests.
bash "$root/scripts/build-dashboard.sh"
bash "$root/scripts/chromium.sh"
