#!/usr/bin/env bash
# Fault soak for sweeps: kills a sweep with SIGKILL at random moments (seeded,
# so the moments are the same every time), resumes it after each kill, and
# checks that the finished folder is byte-identical to an uninterrupted sweep
# (timeseries.csv, points.csv, runs.csv but its wall-time column) and that no
# staging or temporary file is left anywhere.
#
#   scripts/fault-soak.sh [KILLS] [REPLICATES] [path/to/smesim]
#   (default 20 kills of a 200-run sweep: 8 points x 25 replicates)
set -euo pipefail
cd "$(dirname "$0")/.."
kills=${1:-20}
replicates=${2:-25}
bin=${3:-.build/release/smesim}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sweep=Simulations/sweeps/commission-logistics.json
args=(--set firms.count=1000 --set horizon=36 --set replicates="$replicates" --quiet --threads 2)
runs=$((8 * replicates))

start=$(date +%s%N)
"$bin" sweep "$sweep" "${args[@]}" --out "$work/whole"
whole_ms=$(( ($(date +%s%N) - start) / 1000000 ))
# Kill moments spread so the kills fall all along the sweep: each attempt
# gets a random 0 to 4x its share of the uninterrupted time (a restart costs
# a start-up of its own; at least 40 ms),
# so some land in the start, some in the runs, some in the join.
span=$(( whole_ms * 4 / kills + 40 ))

RANDOM=2026
for k in $(seq 1 "$kills"); do
  "$bin" sweep "$sweep" "${args[@]}" --out "$work/soak" 2>/dev/null &
  pid=$!
  moment=$(( RANDOM % span ))
  sleep "$((moment / 1000)).$(printf '%03d' $((moment % 1000)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  done_runs=$( { wc -l < "$work/soak/.sweep/journal.jsonl"; } 2>/dev/null || echo 0)
  echo "kill $k: $done_runs of $runs runs recorded"
done
"$bin" sweep "$sweep" "${args[@]}" --out "$work/soak"

cmp "$work/whole/timeseries.csv" "$work/soak/timeseries.csv"
cmp "$work/whole/points.csv" "$work/soak/points.csv"
wall=$(head -1 "$work/whole/runs.csv" | tr ',' '\n' | grep -n '^wall_seconds$' | cut -d: -f1)
cmp <(cut -d, -f"1-$((wall - 1)),$((wall + 1))-" "$work/whole/runs.csv") <(cut -d, -f"1-$((wall - 1)),$((wall + 1))-" "$work/soak/runs.csv")
[ "$(wc -l < "$work/soak/.sweep/journal.jsonl")" -eq "$runs" ] || { echo "runs were redone or lost"; exit 1; }
left=$(find "$work" -name '*partial*' -o -name '*.tmp' -o -name '.*.aside*' | grep -v '/whole/' || true)
[ -z "$left" ] || { echo "left behind:"; echo "$left"; exit 1; }
echo "fault soak: $kills kills of a $runs-run sweep, resumed each time: byte-identical to the uninterrupted sweep, nothing left behind"
