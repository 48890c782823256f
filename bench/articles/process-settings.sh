#!/usr/bin/env bash
# What each runtime setting is worth to a whole `vigil article` process: the CLI as ./vigil builds it (ReadyToRun,
# tiering off, 2 MB large-object threshold), run over the same pages as process-speed.sh under one setting changed at a
# time (DOTNET_ variables override the runtimeconfig), alternating settings within each round. Prints the median wall
# and CPU (user+sys) seconds of each, and the load average at the start and the end.
#   bench/articles/process-settings.sh [ROUNDS]      (3 by default; COPIES=N as in process-speed.sh;
#                                                     JIT_CLI=path/Vigil.Cli.dll adds a plain, not precompiled, build)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-3}"
name=process-settings
# shellcheck source=process-common.sh
source "$here/process-common.sh"
cli="$root/.build/cli/Vigil.Cli.dll"
# label|dll|environment (X=1 changes nothing)
settings=(
  "as built|$cli|X=1"
  "tiering on|$cli|DOTNET_TieredCompilation=1"
  "tiering on, no PGO|$cli|DOTNET_TieredCompilation=1 DOTNET_TieredPGO=0"
  "85 KB large-object threshold|$cli|DOTNET_GCLOHThreshold=0x14C08"
  "64 MB gen-0 budget|$cli|DOTNET_GCgen0size=0x4000000"
  "non-concurrent GC|$cli|DOTNET_gcConcurrent=0"
)
[ -n "${JIT_CLI:-}" ] && settings+=("not precompiled, tiering on|$JIT_CLI|X=1" "not precompiled, tiering off|$JIT_CLI|DOTNET_TieredCompilation=0")
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
declare -A wall cpu
timing="$root/.build/process-settings-time"
for round in $(seq 1 "$rounds"); do
  for setting in "${settings[@]}"; do
    IFS='|' read -r label dll environment <<<"$setting"
    # shellcheck disable=SC2086 # the environment is a list of NAME=VALUE words
    env $environment /usr/bin/time -o "$timing" -f "%e %U %S" dotnet "$dll" article "$pages" >/dev/null 2>&1 || echo "process-settings: $label exited non-zero" >&2
    read -r w u s < <(tail -1 "$timing")
    wall[$label]+="$w "; cpu[$label]+="$(echo "$u + $s" | bc) "
  done
done
echo "| setting | median wall s | median CPU s | CPU ÷ as built's CPU |"
echo "|---|---:|---:|---:|"
base=$(echo "${cpu[as built]}" | median)
for setting in "${settings[@]}"; do
  label="${setting%%|*}"
  awk -v n="$label" -v w="$(echo "${wall[$label]}" | median)" -v c="$(echo "${cpu[$label]}" | median)" -v b="$base" \
    'BEGIN { printf "| %s | %.2f | %.2f | %.2f |\n", n, w, c, c / b }'
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
