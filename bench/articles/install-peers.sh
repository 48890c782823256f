#!/usr/bin/env bash
# Installs the peer extractors the article benchmark compares Vigil with, into bench/articles/peers/ (git-ignored).
# Idempotent: each step checks before it works.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
peers="$here/peers"
mkdir -p "$peers"

# Readability.js (Mozilla) on jsdom, and Postlight Parser, run by node. Postlight names two dependencies by git URL
# (difflib.js, browser-request); the registry's own releases of both stand in for them, since only the registry is
# reachable (browser-request is used in browser builds only).
if [ ! -d "$peers/node_modules/@mozilla/readability" ] || [ ! -d "$peers/node_modules/jsdom" ] || [ ! -d "$peers/node_modules/@postlight/parser" ]; then
  command -v npm >/dev/null || { echo "install-peers: npm is required for Readability.js and Postlight Parser" >&2; exit 1; }
  echo '{"name":"vigil-article-peers","private":true,"overrides":{"difflib":"0.2.4","browser-request":"0.3.3"}}' > "$peers/package.json"
  (cd "$peers" && npm install --no-audit --no-fund --silent @mozilla/readability@0.6.0 jsdom@26.1.0 @postlight/parser@2.2.3)
fi

# readability-lxml, from Debian, run by the system python.
if ! /usr/bin/python3 -c 'import readability' 2>/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq python3-readability >/dev/null
fi

# boilerpipe (Kohlschütter et al.), Debian's libboilerpipe-java, run through a small Java runner.
if [ ! -f /usr/share/java/boilerpipe.jar ]; then
  if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq libboilerpipe-java >/dev/null
fi
if [ ! -f "$peers/boilerpipe/BoilerpipePeer.class" ] || [ "$peers/BoilerpipePeer.java" -nt "$peers/boilerpipe/BoilerpipePeer.class" ]; then
  command -v javac >/dev/null || { echo "install-peers: javac (a JDK) is required for boilerpipe" >&2; exit 1; }
  javac -d "$peers/boilerpipe" -cp /usr/share/java/boilerpipe.jar "$peers/BoilerpipePeer.java"
fi

# SmartReader (NuGet), in a small console project.
smart="$peers/SmartReaderPeer"
if [ ! -f "$peers/smartreader/SmartReaderPeer.dll" ] || [ "$smart/Program.cs" -nt "$peers/smartreader/SmartReaderPeer.dll" ] || [ "$smart/SmartReaderPeer.csproj" -nt "$peers/smartreader/SmartReaderPeer.dll" ]; then
  dotnet publish "$smart/SmartReaderPeer.csproj" -c Release -o "$peers/smartreader" --nologo -v quiet
fi
echo "install-peers: Readability.js, readability-lxml, SmartReader, boilerpipe and Postlight Parser are installed in $peers" >&2
