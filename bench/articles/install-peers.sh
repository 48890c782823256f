#!/usr/bin/env bash
# Installs the peer extractors the article benchmark compares Vigil with, into bench/articles/peers/ (git-ignored).
# Idempotent: each step checks before it works.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
peers="$here/peers"
mkdir -p "$peers"

# Readability.js (Mozilla) on jsdom, run by node.
if [ ! -d "$peers/node_modules/@mozilla/readability" ] || [ ! -d "$peers/node_modules/jsdom" ]; then
  command -v npm >/dev/null || { echo "install-peers: npm is required for Readability.js" >&2; exit 1; }
  (cd "$peers" && [ -f package.json ] || echo '{"name":"vigil-article-peers","private":true}' > "$peers/package.json")
  (cd "$peers" && npm install --no-audit --no-fund --silent @mozilla/readability@0.6.0 jsdom@26.1.0)
fi

# readability-lxml, from Debian, run by the system python.
if ! /usr/bin/python3 -c 'import readability' 2>/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq python3-readability >/dev/null
fi

# SmartReader (NuGet), in a small console project.
smart="$peers/SmartReaderPeer"
if [ ! -f "$peers/smartreader/SmartReaderPeer.dll" ] || [ "$smart/Program.cs" -nt "$peers/smartreader/SmartReaderPeer.dll" ] || [ "$smart/SmartReaderPeer.csproj" -nt "$peers/smartreader/SmartReaderPeer.dll" ]; then
  dotnet publish "$smart/SmartReaderPeer.csproj" -c Release -o "$peers/smartreader" --nologo -v quiet
fi
echo "install-peers: Readability.js, readability-lxml and SmartReader are installed in $peers" >&2
