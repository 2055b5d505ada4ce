#!/usr/bin/env bash
# Validates every kind of folder smesim writes — a run (with the panel and a
# policy lever), a sweep, a sweep merged from shards and a comparison — with the Frictionless framework's
# own validator (`frictionless validate manifest.json`): the manifest is a
# tabular data package and every table must match its schema.
#
#   scripts/check-frictionless.sh [path/to/smesim]   (default: .build/release/smesim)
#
# The validator is installed from PyPI into .venv-frictionless (pinned in
# scripts/requirements-frictionless.txt). Exits non-zero on any error.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/smesim}
venv=${SMESIM_FRICTIONLESS_VENV:-.venv-frictionless}
if [ ! -x "$venv/bin/frictionless" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet -r scripts/requirements-frictionless.txt
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
small=(--set firms.count=1000 --set horizon=24 --quiet)
"$bin" run "${small[@]}" --replicates 2 --panel-every 12 --panel-sample 100 \
  --set policy.digital_voucher.budget=100000 --out "$work/run"
"$bin" sweep Simulations/sweeps/commission-logistics.json "${small[@]}" --out "$work/sweep"
for shard in 1 2; do
  "$bin" sweep Simulations/sweeps/commission-logistics.json "${small[@]}" --shard "$shard/2" --out "$work/shard-$shard"
done
"$bin" merge "$work/merged" "$work/shard-1" "$work/shard-2" --quiet
"$bin" compare Simulations/baseline.json Simulations/no-platform.json "${small[@]}" --replicates 2 --out "$work/compare"
failed=0
for folder in run sweep merged compare compare/scenarios/baseline; do
  report=$("$venv/bin/frictionless" validate --json "$work/$folder/manifest.json" || true)
  if python3 -c 'import json, sys; r = json.loads(sys.stdin.read()); sys.exit(0 if r["valid"] else 1)' <<< "$report"; then
    tables=$(python3 -c 'import json, sys; print(len(json.loads(sys.stdin.read())["tasks"]))' <<< "$report")
    echo "ok: $folder: a valid Frictionless data package ($tables tables)"
  else
    echo "FAILED: $folder/manifest.json:"
    "$venv/bin/frictionless" validate "$work/$folder/manifest.json" || true
    failed=1
  fi
done
exit $failed
