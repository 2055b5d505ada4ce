#!/usr/bin/env bash
# Speed and memory of smesim: the adoption core in `bass` mode against the
# same rule in Mesa, then the full model (with alliances, and without them
# for reference), then a sweep of 1,000 baseline runs (scripts/bench-sweep.json)
# against one large run, and the resume of the finished sweep.
#
#   scripts/bench.sh            # bass: 10^4, 10^5, 10^6 firms; full model: 10^5, 10^6; 120 ticks
#   BENCH_SIZES="10000 100000" BENCH_FULL_SIZES="100000" scripts/bench.sh
#   BENCH_SWEEP=" " scripts/bench.sh       # without the sweep
#
# Builds smesim in release twice: portable (.build, what `swift build -c
# release` gives everyone) and tuned for this processor (SMESIM_NATIVE=1,
# .build-native). Installs Mesa 3.3.1 into .venv-bench (git-ignored) on first
# use. Prints agent-steps per second (firms x ticks / run wall time, the
# initial state included), peak resident memory, and the ratio to Mesa.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== building smesim (release, portable and native) ==" >&2
swift build -c release --product smesim >&2
SMESIM_NATIVE=1 swift build -c release --product smesim --scratch-path .build-native >&2

if [ ! -x .venv-bench/bin/python ] || ! .venv-bench/bin/python -c "import mesa" 2>/dev/null; then
  echo "== installing Mesa into .venv-bench ==" >&2
  python3 -m venv .venv-bench
  .venv-bench/bin/pip install --quiet -r scripts/requirements-bench.txt
fi

exec .venv-bench/bin/python scripts/bench.py \
  --portable .build/release/smesim --native .build-native/release/smesim \
  --bass-scenario scripts/bench-bass.json --no-alliances-scenario scripts/bench-no-alliances.json \
  --sizes ${BENCH_SIZES:-10000 100000 1000000} --full-sizes ${BENCH_FULL_SIZES:-100000 1000000} \
  --ticks "${BENCH_TICKS:-120}" --repeat "${BENCH_REPEAT:-3}" \
  ${BENCH_SWEEP:---sweep scripts/bench-sweep.json}
