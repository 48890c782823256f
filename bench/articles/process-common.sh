# Sourced by process-speed.sh and process-settings.sh: the pages both time (the scrapinghub pages, each given COPIES
# times under its own name, 5 by default) in $pages, the CLI built once, untimed, and `median` (of numbers on stdin).
# Expects $root and $name.
data="$root/../shared/data/article-extraction/html"
[ -d "$data" ] || { echo "$name: $data is absent" >&2; exit 1; }
copies="${COPIES:-5}"
pages="$root/.build/process-speed-pages"
rm -rf "$pages"; mkdir -p "$pages"
for copy in $(seq 1 "$copies"); do
  for file in "$data"/*.html.gz; do ln -s "$file" "$pages/$copy-$(basename "$file")"; done
done
# The vigil script rebuilds only when the sources changed.
"$root/vigil" article "$data/$(ls "$data" | head -1)" >/dev/null

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
