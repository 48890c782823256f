#!/usr/bin/env bash
# Whole-process speed: `./vigil article` against readability-lxml, each as one single-threaded process from start-up to
# the last JSON line, on the same pages (the scrapinghub pages, each given COPIES times under its own name, 5 by
# default), alternating tool by tool within each round so that both see the same machine load. Then Vigil with
# --jobs 2. Prints wall and CPU (user+sys) seconds per run, and the median of each with the ratio of medians.
#   bench/articles/process-speed.sh [ROUNDS]      (3 rounds by default; COPIES=N changes the page count)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-3}"
name=process-speed
"$here/install-peers.sh" >/dev/null
# shellcheck source=process-common.sh
source "$here/process-common.sh"
count=$(find "$pages" -name '*.html.gz' | wc -l)

declare -A wall cpu
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
run() { # name, command...
  local name="$1"; shift
  local timing="$root/.build/process-speed-time"
  /usr/bin/time -o "$timing" -f "%e %U %S" "$@" >/dev/null 2>&1 || echo "process-speed: $name exited non-zero" >&2
  read -r w u s < <(tail -1 "$timing")
  wall[$name]+="$w "; cpu[$name]+="$(echo "$u + $s" | bc) "
  printf '%-18s wall %6.2f s  cpu %6.2f s\n' "$name" "$w" "$(echo "$u + $s" | bc)"
}
for round in $(seq 1 "$rounds"); do
  echo "round $round/$rounds ($count pages)"
  run vigil "$root/vigil" article "$pages"
  run readability-lxml /usr/bin/python3 "$here/peers/readability_lxml.py" "$pages" 1
  run vigil-jobs2 "$root/vigil" article --jobs 2 "$pages"
done
echo "| tool | pages | median wall s | median CPU s | pages/s (wall) | readability-lxml wall ÷ this wall | readability-lxml CPU ÷ this CPU |"
echo "|---|---|---|---|---|---|---|"
lxml_wall=$(echo "${wall[readability-lxml]}" | median); lxml_cpu=$(echo "${cpu[readability-lxml]}" | median)
for name in vigil vigil-jobs2 readability-lxml; do
  w=$(echo "${wall[$name]}" | median); c=$(echo "${cpu[$name]}" | median)
  awk -v n="$name" -v p="$count" -v w="$w" -v c="$c" -v l="$lxml_wall" -v lc="$lxml_cpu" 'BEGIN { printf "| %s | %d | %.2f | %.2f | %.1f | %.2f | %.2f |\n", n, p, w, c, p / w, l / w, lc / c }'
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
