#!/usr/bin/env bash
# Writes the generated key tables into the documentation: the text between
#   <!-- generated: smesim help keys --markdown -->
# and
#   <!-- end of generated table -->
# in Simulations/README.md and the model documentation is replaced by
# `smesim help keys --markdown` (the scenario schema). A test fails when the
# committed tables differ from the schema, so run this after changing a key.
#
#   scripts/update-docs.sh [path/to/smesim]     (default: builds and uses .build/release/smesim)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
  swift build -c release --product smesim >/dev/null
  bin=.build/release/smesim
fi
table=$(mktemp)
trap 'rm -f "$table"' EXIT
"$bin" help keys --markdown > "$table"
for file in Simulations/README.md Sources/SMEModel/SMEModel.docc/SMEModel.md; do
  grep -q '^<!-- generated: smesim help keys --markdown -->$' "$file" || { echo "$file: no generated table marker" >&2; exit 1; }
  awk -v table="$table" '
    /^<!-- generated: smesim help keys --markdown -->$/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
    /^<!-- end of generated table -->$/ { skip = 0 }
    !skip { print }
  ' "$file" > "$file.new"
  mv "$file.new" "$file"
  echo "updated $file"
done
