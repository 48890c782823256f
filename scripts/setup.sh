#!/usr/bin/env bash
# Installs and builds what Vigil needs beyond the .NET SDK. Idempotent: each step checks before it works.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
dotnet restore Vigil.slnx --nologo -v quiet
bash "$root/scripts/postgres.sh"
bash "$root/scripts/build-dashboard.sh"
bash "$root/scripts/chromium.sh"
