#!/usr/bin/env bash
# Times each shard of a sweep, one after the other, each with every core of
# this machine (as a cluster task with --cpus-per-task = these cores would
# run), then the merge; and projects a sweep of RUNS such runs onto 100 and
# 1,000 cores from the runs per second per core measured: runs per
# CPU-second (user + system), which waiting for a shared machine's cores
# does not lower.
#
#   scripts/bench-shards.sh [SWEEP.json] [SHARDS] [RUNS]
#   (defaults: scripts/bench-sweep.json, 4 shards, 225,280 runs)
#   REPEAT=5 scripts/bench-shards.sh      (best of 5; default best of 3)
#
# Prints a Markdown table per shard (runs, wall time, runs/s, CPU time, runs
# per CPU-second, peak memory: /usr/bin/time, the whole process, best of
# REPEAT by wall time: the machine may be shared), the merge (wall time,
# size of the tables, MB/s) and the projection. Writes under a temporary
# folder, deleted at the end. The projection assumes runs that cost what the
# measured ones cost, cores as fast as these, perfect scaling over shards
# (shards are independent; the deal balances their cost) and a merge as fast
# as here (it copies the tables once: its time grows with their size).
set -euo pipefail
cd "$(dirname "$0")/.."
sweep=${1:-scripts/bench-sweep.json}
shards=${2:-4}
runs_projected=${3:-225280}
smesim=${SMESIM:-.build/release/smesim}
cores=$(nproc)
repeat=${REPEAT:-3}
[ -x "$smesim" ] || swift build -c release --product smesim >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

timed() { # timed LOG command...: wall seconds, peak KiB and CPU seconds in LOG
  /usr/bin/time -f "%e %M %U %S" -o "$1" "${@:2}"
}

echo "| shard | runs | wall (s) | runs/s | CPU (s) | runs per CPU-second | peak memory (MiB) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
total_runs=0 total_wall=0 total_cpu=0
for shard in $(seq 1 "$shards"); do
  wall=
  for _ in $(seq 1 "$repeat"); do
    rm -rf "$work/shard-$shard"
    timed "$work/time-$shard" "$smesim" sweep "$sweep" --shard "$shard/$shards" --out "$work/shard-$shard" --threads "$cores" --quiet
    read -r this this_kib user system < "$work/time-$shard"
    if [ -z "$wall" ] || awk -v a="$this" -v b="$wall" 'BEGIN { exit !(a < b) }'; then
      wall=$this kib=$this_kib cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')
    fi
  done
  runs=$(($(wc -l < "$work/shard-$shard/runs.csv") - 1))
  total_runs=$((total_runs + runs))
  total_wall=$(awk -v a="$total_wall" -v b="$wall" 'BEGIN { print a + b }')
  total_cpu=$(awk -v a="$total_cpu" -v b="$cpu" 'BEGIN { print a + b }')
  awk -v s="$shard/$shards" -v r="$runs" -v w="$wall" -v c="$cpu" -v k="$kib" \
    'BEGIN { printf "| %s | %d | %.2f | %.1f | %.2f | %.2f | %.0f |\n", s, r, w, r / w, c, r / c, k / 1024 }'
done
per_core=$(awk -v r="$total_runs" -v c="$total_cpu" 'BEGIN { print r / c }')
awk -v r="$total_runs" -v w="$total_wall" -v c="$total_cpu" \
  'BEGIN { printf "| all | %d | %.2f | %.1f | %.2f | %.2f | |\n", r, w, r / w, c, r / c }'

folders=()
for shard in $(seq 1 "$shards"); do folders+=("$work/shard-$shard"); done
timed "$work/time-merge" "$smesim" merge "$work/merged" "${folders[@]}" --quiet
read -r merge_wall merge_kib < "$work/time-merge"
bytes=$(du -sb "$work/merged" | cut -f1)
echo
awk -v w="$merge_wall" -v b="$bytes" -v k="$merge_kib" -v r="$total_runs" \
  'BEGIN { printf "merge: %d runs, %.0f MB of tables in %.2f s (%.0f MB/s), peak memory %.0f MiB; %.0f bytes a run\n", r, b / 1e6, w, b / 1e6 / w, k / 1024, b / r }'

echo
echo "projection of $runs_projected such runs (from $(awk -v p="$per_core" 'BEGIN { printf "%.2f", p }') runs per CPU-second, a run a core):"
echo "| cores | runs (core-hours) | runs' wall time | merge | total |"
echo "| ---: | ---: | ---: | ---: | ---: |"
for target in 100 1000; do
  awk -v n="$runs_projected" -v p="$per_core" -v c="$target" -v mw="$merge_wall" -v r="$total_runs" '
    function span(s) { return s < 120 ? sprintf("%.0f s", s) : s < 7200 ? sprintf("%.1f min", s / 60) : sprintf("%.1f h", s / 3600) }
    BEGIN {
      run = n / p / c; merge = mw * n / r
      printf "| %d | %.1f | %s | %s | %s |\n", c, n / p / 3600, span(run), span(merge), span(run + merge)
    }'
done
