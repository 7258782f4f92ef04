#!/usr/bin/env bash
# report.html in a real headless browser (Debian's Chromium): the page loads offline without console errors and every
# embedded figure renders (the page's own load check writes data-rendered = the number of figures that decoded).
# A screenshot of the whole page is kept in target/report-screenshots/ for a person to look at.
# Usage: .ci/report-test.sh RESULTS/report.html
set -euo pipefail
report=$(realpath "$1")
cd "$(dirname "$0")/.."
if ! command -v chromium > /dev/null; then
	(apt-get install -y -q chromium > /dev/null 2>&1) || (apt-get update -q > /dev/null 2>&1 && apt-get install -y -q chromium > /dev/null)
fi
shots=$PWD/target/report-screenshots
mkdir -p "$shots"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update
	--disable-sync --user-data-dir="$profile" --virtual-time-budget=10000)
timeout 120 chromium "${flags[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$report" > "$profile/dom.html" 2> "$profile/console.log" || true
figures=$(grep -o 'data-figures="[0-9]*"' "$profile/dom.html" | grep -o '[0-9]*' || true)
rendered=$(grep -o 'data-rendered="[0-9]*"' "$profile/dom.html" | grep -o '[0-9]*' || true)
if [ -z "$figures" ] || [ "$figures" = 0 ] || [ "$rendered" != "$figures" ]; then
	echo "report test: $report: ${rendered:-no} of ${figures:-?} figures rendered in Chromium"; exit 1
fi
if grep -E 'CONSOLE|Uncaught' "$profile/console.log" > /dev/null; then
	echo "report test: $report: console errors in Chromium:"; grep -E 'CONSOLE|Uncaught' "$profile/console.log" | head; exit 1
fi
timeout 120 chromium "${flags[@]}" --window-size=1280,4000 --screenshot="$shots/report.png" "file://$report" > /dev/null 2>&1 || true
test -s "$shots/report.png" || { echo "report test: no screenshot of $report"; exit 1; }
echo "report test: $report: $rendered of $figures figures rendered, no console errors; screenshot $shots/report.png"
