#!/usr/bin/env bash
# Renders smesim's HTML reports in a real browser and checks them: a small run
# (with two policy levers), a small sweep and, when this build has 'smesim
# compare', a small comparison. Each report must reference nothing outside
# its file (no script, no http, no src=, no url(, no @import, every href an
# anchor in the page), and Chromium's screenshot of it must not be blank (at
# least 1 % non-white pixels and 3 colours; decoded by scripts/png_check.py with
# Python's standard library).
#
#   scripts/report-test.sh                      the checks
#   scripts/report-test.sh --screenshot FILE    also writes the top of the run's
#                                               report, 1200 x 1800, to FILE (the
#                                               README's screenshot)
#
# Installs Debian's chromium with apt-get when it is missing (needs root).
# Exits non-zero, with the reason, on the first failure.
set -euo pipefail

screenshot=""
while [ $# -gt 0 ]; do
  case "$1" in
    --screenshot) [ $# -ge 2 ] || { echo "report-test: --screenshot needs a file" >&2; exit 2; }; screenshot=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "report-test: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "report-test: FAILED: $*" >&2; exit 1; }

if [ -n "$screenshot" ]; then
  case $screenshot in /*) ;; *) screenshot=$PWD/$screenshot ;; esac
  [ -d "$(dirname "$screenshot")" ] || fail "--screenshot $screenshot: its folder does not exist"
fi
cd "$(dirname "$0")/.."

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "report-test: installing chromium (apt-get)"
  command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ] || fail "chromium is not installed, and apt-get as root is not available to install it"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 \
    || fail "apt-get install chromium failed"
  browser=$(command -v chromium) || fail "chromium is still missing after apt-get"
fi

bin=${SMESIM:-.build/release/smesim}   # SMESIM=path: another build of smesim
[ -x "$bin" ] || [ -n "${SMESIM:-}" ] || swift build -c release
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scripts=$PWD/scripts
# The folders are made from inside $work, so the commands their manifests
# record (and the reports show) name no temporary path.
cd "$work"

# Renders $1 (an HTML file) to the PNG $2 in a window $3 (WIDTH,HEIGHT).
render() {
  timeout 180 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
    --user-data-dir="$work/profile" --screenshot="$2" --window-size="$3" "file://$1" >"$work/browser.log" 2>&1 \
    || { cat "$work/browser.log" >&2; fail "chromium could not render $1"; }
  [ -s "$2" ] || { cat "$work/browser.log" >&2; fail "chromium wrote no screenshot of $1"; }
}

# Checks that the page $1 references nothing outside itself and has charts.
self_contained() {
  local html=$1 found
  [ -s "$html" ] || fail "$html: missing or empty"
  found=$(grep -o -i -E '.{0,40}(<script|http|src=|url\(|@import).{0,40}' "$html" | head -n 1 || true)
  [ -z "$found" ] || fail "$html references something outside the page: $found"
  found=$(grep -o -E 'href="[^"]*"' "$html" | grep -v '^href="#' | head -n 1 || true)
  [ -z "$found" ] || fail "$html: a link outside the page: $found"
  [ "$(grep -o '<svg' "$html" | wc -l)" -ge 3 ] || fail "$html: fewer than 3 charts"
}

small=(--firms 2000 --ticks 36 --replicates 4 --quiet)
"$bin" run "${small[@]}" --set name=voucher-and-training --set policy.digital_voucher.budget=400000 \
  --set policy.training_programme.budget=200000 --out run
folders=(run)

cat > "$work/sweep.json" <<'JSON'
{"set": {"firms.count": 1000, "horizon": 24}, "replicates": 2,
 "parameters": {"platform.commission": {"values": [0.06, 0.12, 0.18]}, "platform.services.shared_logistics": {"values": [true, false]}}}
JSON
"$bin" sweep sweep.json --quiet --out sweep
folders+=(sweep)

if "$bin" help compare >/dev/null 2>&1; then
  echo '{"name": "reference"}' > "$work/reference.json"
  echo '{"name": "voucher", "policy": {"digital_voucher": {"budget": 400000}}}' > "$work/voucher.json"
  "$bin" compare reference.json voucher.json "${small[@]}" --out compare
  folders+=(compare)
else
  echo "report-test: this smesim has no 'compare' command (smesim help compare failed); skipping the comparison's report"
fi

for folder in "${folders[@]}"; do
  "$bin" report "$work/$folder" || fail "smesim report $folder exited with $?"
  html="$work/$folder/report.html"
  self_contained "$html"
  render "$html" "$work/$folder.png" 1200,4000
  python3 "$scripts/png_check.py" check "$work/$folder.png" --min-ink 0.01 --min-colours 3 || fail "the $folder report's screenshot looks blank"
  echo "ok: the $folder report ($(wc -c < "$html") bytes) references nothing outside itself and renders in Chromium"
done

if [ -n "$screenshot" ]; then
  render "$work/run/report.html" "$screenshot" 1200,1800
  python3 "$scripts/png_check.py" check "$screenshot" >/dev/null || fail "the screenshot looks blank"
  echo "wrote $screenshot ($(wc -c < "$screenshot") bytes)"
fi
