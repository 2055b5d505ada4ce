#!/usr/bin/env bash
# Runs the baseline and every ablation behind the pattern table of the model
# documentation (Sources/SMEModel/SMEModel.docc/SMEModel.md, §1), then prints
# the table with 95 % intervals over replicates (scripts/patterns.py,
# standard library only).
#
#   scripts/patterns.sh [BINARY]              # 20,000 firms x 10 replicates x 120 months
#   PATTERN_FIRMS=5000 PATTERN_REPLICATES=4 scripts/patterns.sh
#
# Results go to Results/patterns/<variant>/ (replaced on each call).
set -euo pipefail
cd "$(dirname "$0")/.."

smesim=${1:-.build/release/smesim}
firms=${PATTERN_FIRMS:-20000}
replicates=${PATTERN_REPLICATES:-10}
root=Results/patterns
mkdir -p "$root"

variant() {
  local name=$1; shift
  echo "== $name" >&2
  "$smesim" run --firms "$firms" --replicates "$replicates" --panel-every 12 --panel-sample "$firms" \
    --out "$root/$name" --force --quiet "$@"
}

variant baseline
variant no_platform --set platform.enabled=false
variant no_market_access --set platform.services.market_access=false
variant no_analytics_training --set platform.services.analytics=false --set platform.services.training=false
variant no_analytics --set platform.services.analytics=false
variant no_training --set platform.services.training=false
variant no_shared_logistics --set platform.services.shared_logistics=false
variant no_inventory --set platform.services.inventory_management=false
variant no_alliances --set alliances.enabled=false
variant random_partners --set alliances.partner_choice=false
variant no_partner_tilt --set innovation.partner_tilt=0
variant no_learning --set learning.rate=0
variant declining --set market.local_growth=-0.03
variant declining_no_platform --set market.local_growth=-0.03 --set platform.enabled=false

python3 scripts/patterns.py "$root"
