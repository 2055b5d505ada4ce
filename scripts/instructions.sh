#!/usr/bin/env bash
# Instructions per firm-month, by part of the tick, counted with Valgrind's
# cachegrind (exact counts, not samples; independent of the machine's speed,
# so two builds or two sessions compare directly). One thread, one
# replicate; the same run with --ticks 0 is counted too and taken off, so
# start-up and the initial state do not count.
#
#   scripts/instructions.sh                       # .build/release/smesim, 20,000 firms x 24 months
#   FIRMS=5000 TICKS=12 scripts/instructions.sh /tmp/old/.build/release/smesim
#
# Needs valgrind (Debian: apt-get install valgrind). Takes about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-.build/release/smesim}
firms=${FIRMS:-20000}
ticks=${TICKS:-24}
command -v valgrind > /dev/null || { echo "instructions.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
[ -x "$binary" ] || { echo "instructions.sh: no executable at $binary (swift build -c release)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

count() { # ticks -> per-function instruction counts in $work/counts-<ticks>
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$work/cg-$1" \
    "$binary" run --firms "$firms" --ticks "$1" --replicates 1 --threads 1 --out "$work/out-$1" --quiet 2> "$work/valgrind-$1.log"
  cg_annotate --threshold=0 --show-percs=no --auto=no "$work/cg-$1" > "$work/counts-$1"
}
count 0
count "$ticks"

# Sum each function's count into a part of the tick, by its (mangled) name;
# the per-firm pieces inlined into a pass count as that pass.
python3 - "$work/counts-0" "$work/counts-$ticks" "$firms" "$ticks" <<'EOF'
import re, sys
parts = [
    ("pass A (entry, demand weight, adoption)", r"EconomyV5passA"),
    ("pass B (the firm's month)", r"EconomyV5passB"),
    ("tool choice in pass B (pass A inlines the gain)", r"ToolsV6choose|ToolsV4gain"),
    ("innovation attempts", r"InnovationO7attempt"),
    ("alliances (advance, match, events)", r"AllianceSystem|Alliance"),
    ("exp, pow, log (libm)", r"__ieee754_|w_exp|w_pow|w_log|exp@@|pow@@|log@@|log10"),
    ("CSV formatting and writing", r"CSVRecord|ColumnTable|ColumnReader|Float64ToASCII|BufferedFileWriter|description"),
]
def read(path):
    sums = {name: 0 for name, _ in parts}
    sums["everything else"] = 0
    for line in open(path):
        m = re.match(r"\s*([\d,]+)\s+(?:\(\s*[\d.]+%\)\s+)?(\S.*)$", line)
        if not m or ":" not in m.group(2):
            continue
        n = int(m.group(1).replace(",", ""))
        name = m.group(2)
        for part, pattern in parts:
            if re.search(pattern, name):
                sums[part] += n
                break
        else:
            sums["everything else"] += n
    return sums
before, after = read(sys.argv[1]), read(sys.argv[2])
steps = int(sys.argv[3]) * int(sys.argv[4])
print(f"instructions per firm-month ({sys.argv[3]} firms x {sys.argv[4]} months, 1 thread, start-up taken off)")
total = 0
for name in after:
    per = (after[name] - before[name]) / steps
    total += per
    print(f"  {name:<48} {per:8.0f}")
print(f"  {'total':<48} {total:8.0f}")
EOF
