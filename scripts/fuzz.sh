#!/usr/bin/env bash
# Fuzzes every decoder a user's text reaches — the JSON parser, the scenario
# decoder, the sweep decoder and --set parsing — with libFuzzer and the
# address sanitizer (Sources/SmesimFuzz; built only here, SMESIM_FUZZ=1).
#
#   scripts/fuzz.sh [SECONDS] [JOBS]     (default 60 s, 1 job)
#
# The seed corpus is the project's own files (scenarios, sweeps, policies),
# each prefixed with the byte that picks its decoder. Inputs that crash are
# written to .build-fuzz/crashes/ and the script exits non-zero; keep each as
# a regression test. Prints libFuzzer's count of executions. Leak detection is off:
# the Swift runtime's one-time caches (type metadata) look like leaks to it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${2:-1}
build=.build-fuzz
SMESIM_FUZZ=1 swift build -c release --build-path "$build" --product smesim-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld >/dev/null
bin=$(SMESIM_FUZZ=1 swift build -c release --build-path "$build" --show-bin-path)/smesim-fuzz  # linked with lld: gold stops on the sanitizers' debug info
corpus=$build/corpus
mkdir -p "$corpus" "$build/crashes"
n=0
for file in Simulations/*.json Simulations/policies/*.json Simulations/sweeps/*.json; do
  for selector in 0 1 2; do
    [ "$selector" = 2 ] && [[ "$file" != Simulations/sweeps/* ]] && continue
    { printf "\\x0$selector"; cat "$file"; } > "$corpus/seed-$n"
    n=$((n + 1))
  done
done
for assignment in 'platform.commission=0.1' 'policy.digital_voucher.budget=1e6' 'firms.sectors={"a": 1}' 'name=x'; do
  { printf '\x03'; printf '%s' "$assignment"; } > "$corpus/seed-$n"
  n=$((n + 1))
done
log=$build/fuzz.log
set +e
# Several jobs run as child processes, each logging to fuzz-N.log in the
# working folder: run from the build folder so the logs stay there.
parallel=()
[ "$jobs" -gt 1 ] && parallel=(-jobs="$jobs" -workers="$jobs")
(cd "$build" && ASAN_OPTIONS=detect_leaks=0 "$bin" corpus -max_total_time="$seconds" "${parallel[@]}" -timeout=20 \
  -rss_limit_mb=4096 -detect_leaks=0 -max_len=65536 -close_fd_mask=3 -artifact_prefix=crashes/ -print_final_stats=1) > "$log" 2>&1
status=$?
set -e
grep -h "stat::number_of_executed_units\|stat::average_exec_per_sec\|stat::peak_rss_mb" "$log" "$build"/fuzz-*.log 2>/dev/null || tail -5 "$log"
rm -f "$build"/fuzz-*.log
crashes=$(find "$build/crashes" -name 'crash-*' -o -name 'leak-*' | wc -l)
echo "fuzz: ${seconds} s, $jobs job(s), exit $status, $crashes crash file(s) in $build/crashes"
[ "$status" -eq 0 ] && [ "$crashes" -eq 0 ]
