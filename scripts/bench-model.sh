#!/usr/bin/env bash
# Speed and memory of the full model, whole process, with /usr/bin/time:
# one replicate of N firms over 120 months on every core, each size run
# REPEAT times, and beside it the same runs of a reference binary (another
# build, e.g. an earlier commit's) taken in turn, so both see the same
# machine. Prints the median wall time, agent-steps per second (firms x
# ticks / median wall) and the largest peak resident memory.
#
#   scripts/bench-model.sh                               # .build/release/smesim, 10^5 and 10^6 firms
#   scripts/bench-model.sh -r /tmp/old/.build/release/smesim
#   SIZES="1000000" REPEAT=5 SCENARIO=scripts/bench-no-alliances.json scripts/bench-model.sh
#
# A reference built from an earlier commit: git worktree add /tmp/old <commit>
# && (cd /tmp/old && swift build -c release).
set -euo pipefail
cd "$(dirname "$0")/.."

binary=.build/release/smesim
reference=""
while getopts "b:r:" option; do
  case $option in
    b) binary=$OPTARG ;;
    r) reference=$OPTARG ;;
    *) echo "usage: $0 [-b BINARY] [-r REFERENCE_BINARY]" >&2; exit 2 ;;
  esac
done
sizes=${SIZES:-100000 1000000}
repeat=${REPEAT:-3}
ticks=120
scenario=${SCENARIO:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # binary firms -> "wall_seconds peak_kib"
  /usr/bin/time -f "%e %M" -o "$work/time" "$1" run $scenario --firms "$2" --ticks "$ticks" --replicates 1 \
    --out "$work/out" --force --quiet
  cat "$work/time"
}

summarise() { # label firms file-of-"wall peak" lines
  sort -n "$3" | awk -v label="$1" -v firms="$2" -v ticks="$ticks" '
    { wall[NR] = $1; if ($2 > peak) peak = $2 }
    END {
      median = (NR % 2) ? wall[(NR + 1) / 2] : (wall[NR / 2] + wall[NR / 2 + 1]) / 2
      printf "%-10s %9d firms  median wall %7.3f s  %.2e agent-steps/s  peak %6.1f MiB (%.2f KiB a firm)\n",
        label, firms, median, firms * ticks / median, peak / 1024, peak / firms
    }'
}

echo "scenario: ${scenario:-the embedded default}; $ticks months; 1 replicate; $repeat runs each; $(nproc) cores"
for firms in $sizes; do
  : > "$work/a"; : > "$work/b"
  for _ in $(seq 1 "$repeat"); do
    measure "$binary" "$firms" >> "$work/a"
    if [ -n "$reference" ]; then measure "$reference" "$firms" >> "$work/b"; fi
  done
  summarise "smesim" "$firms" "$work/a"
  if [ -n "$reference" ]; then summarise "reference" "$firms" "$work/b"; fi
done
