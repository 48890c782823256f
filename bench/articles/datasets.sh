#!/usr/bin/env bash
# Accuracy on every development set, per dataset and per half: the scrapinghub pages and the five WCEB datasets
# (CleanEval, CleanPortalEval, Dragnet, L3S-GN1, Readability's test pages), Vigil and each peer on every page, scored
# by the same shingle scorer. Each dataset is split in two halves by a hash of the page's name (PageHalf.cs): rules
# are chosen on half A, and half B is reported beside it.
#
# Vigil reads the original bytes and detects each page's charset itself. The peers get every page already decoded by
# Vigil's loader and written as UTF-8 (the decode step), so a peer's score measures its extraction, not its charset
# handling.
#
#   bench/articles/datasets.sh                      every tool
#   TOOLS="vigil boilerpipe" bench/articles/datasets.sh   some of them
#   DATASETS="dragnet l3s-gn1" bench/articles/datasets.sh some datasets
# Prints one Markdown row per dataset and tool: F1 on half A, on half B and on all pages, and P/R on all pages; then the
# same three F1 figures with the tool's own title joined before its text (score --with-title), for the datasets whose
# truth keeps the headline (L3S-GN1, Dragnet). Boilerpipe reports no title apart from its text.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="$root/../shared/data"
tools="${TOOLS:-vigil readability-js readability-lxml smartreader boilerpipe postlight}"
datasets="${DATASETS:-scrapinghub cleaneval cleanportaleval dragnet l3s-gn1 readability}"

[ "$tools" = vigil ] || "$here/install-peers.sh"
dotnet publish "$root/bench/Vigil.Bench.Articles" -c Release -o "$root/.build/bench-articles" --nologo -v q >/dev/null
bench=(dotnet "$root/.build/bench-articles/Vigil.Bench.Articles.dll")
export DOTNET_GCgen0size=0x8000000
peers="$here/peers"

tool_command() { # tool, folder of pages -> the command that writes the tool's JSON lines
  case "$1" in
    vigil) echo "${bench[*]} extract $2" ;;
    readability-js) echo "node $peers/readability-js.mjs $2" ;;
    readability-lxml) echo "/usr/bin/python3 $peers/readability_lxml.py $2" ;;
    smartreader) echo "dotnet $peers/smartreader/SmartReaderPeer.dll $2" ;;
    boilerpipe) echo "java -cp $peers/boilerpipe:/usr/share/java/boilerpipe.jar:/usr/share/java/nekohtml.jar:/usr/share/java/xercesImpl.jar BoilerpipePeer $2" ;;
    postlight) echo "node $peers/postlight.mjs $2" ;;
    *) echo "datasets: unknown tool $1" >&2; return 1 ;;
  esac
}

echo "| dataset | tool | F1 half A | F1 half B | F1 all | P all | R all | pages | title joined: F1 A | F1 B | F1 all |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for dataset in $datasets; do
  if [ "$dataset" = scrapinghub ]; then
    pages="$shared/article-extraction/html"; truth="$shared/article-extraction/ground-truth.json"
  else
    pages="$shared/article-extraction-wceb/$dataset"; truth="$pages/ground-truth.jsonl"
  fi
  [ -d "$pages" ] || { echo "datasets: $pages is absent; skipping $dataset" >&2; continue; }
  out="$here/out/datasets/$dataset"
  mkdir -p "$out"
  if [ "$tools" != vigil ] && [ ! -d "$out/utf8" ]; then
    "${bench[@]}" decode "$pages" "$out/utf8"
  fi
  for tool in $tools; do
    input="$out/utf8"; [ "$tool" = vigil ] && input="$pages"
    # shellcheck disable=SC2046
    $(tool_command "$tool" "$input") >"$out/$tool.jsonl" 2>"$out/$tool.stderr" || echo "datasets: $tool failed on $dataset (see $out/$tool.stderr)" >&2
    a=$("${bench[@]}" score "$truth" "$out/$tool.jsonl" --half A 2>/dev/null)
    b=$("${bench[@]}" score "$truth" "$out/$tool.jsonl" --half B 2>/dev/null)
    all=$("${bench[@]}" score "$truth" "$out/$tool.jsonl" 2>/dev/null)
    ta=$("${bench[@]}" score "$truth" "$out/$tool.jsonl" --half A --with-title 2>/dev/null)
    tb=$("${bench[@]}" score "$truth" "$out/$tool.jsonl" --half B --with-title 2>/dev/null)
    tall=$("${bench[@]}" score "$truth" "$out/$tool.jsonl" --with-title 2>/dev/null)
    awk -v d="$dataset" -v t="$tool" -v a="$a" -v b="$b" -v all="$all" -v ta="$ta" -v tb="$tb" -v tall="$tall" 'function get(s, k,   n, f, i, kv) {
        n = split(s, f, " "); for (i = 1; i <= n; i++) { split(f[i], kv, "="); if (kv[1] == k) return kv[2] } }
      BEGIN { printf "| %s | %s | %.4f | %.4f | %.4f | %.4f | %.4f | %d | %.4f | %.4f | %.4f |\n", d, t, get(a, "F1"), get(b, "F1"), get(all, "F1"),
        get(all, "precision"), get(all, "recall"), get(all, "pages"), get(ta, "F1"), get(tb, "F1"), get(tall, "F1") }'
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
