#!/usr/bin/env bash
# The design-review page in a real browser (ctest "report_browser"): `flowcost report` writes the page for a
# shipped scenario with a sweep, headless Chromium (Debian's `chromium`) renders it, and the test checks
# from the DOM Chromium built that every chart is there with its SVG content and that nothing is loaded from
# anywhere else, then saves a screenshot. Fails (never skips) when Chromium is missing.
# Usage: report_in_chromium.sh FLOWCOST_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
flowcost=$1
source_dir=$2
work=$3
fail() { echo "report_browser: FAIL: $*" >&2; exit 1; }

browser=""
for candidate in chromium chromium-browser; do
  if command -v "$candidate" >/dev/null 2>&1; then browser=$(command -v "$candidate"); break; fi
done
[ -n "$browser" ] || fail "no chromium on PATH (bash bootstrap.sh test installs Debian's chromium)"

rm -rf "$work"
mkdir -p "$work/profile"
page="$work/review.html"
"$flowcost" report "$source_dir/scenarios/iot-telemetry.yaml" --draws 12 --executions 400 --threads 2 \
  --vary "messages_per_device_per_day=100..600:4" -o "$page" 2>"$work/flowcost.err" ||
  fail "flowcost report exited $? ($(cat "$work/flowcost.err"))"
[ -s "$page" ] || fail "no page written"

# As root (CI) Chromium needs --no-sandbox; a private profile and no GPU keep it quiet; timeout keeps a hung
# browser from hanging the suite.
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars --no-first-run
       --user-data-dir="$work/profile" --disable-extensions --mute-audio)
HOME="$work" timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$page" >"$work/dom.html" 2>"$work/chromium-dom.err" ||
  fail "chromium --dump-dom failed ($(tail -5 "$work/chromium-dom.err"))"
HOME="$work" timeout 120 "$browser" "${flags[@]}" --window-size=1000,6000 --screenshot="$work/review.png" \
  "file://$page" >/dev/null 2>"$work/chromium-shot.err" ||
  fail "chromium --screenshot failed ($(tail -5 "$work/chromium-shot.err"))"

dom="$work/dom.html"
[ -s "$dom" ] || fail "chromium dumped an empty DOM"
grep -q '<section id="answer">' "$dom" || fail "the answer section is not in the DOM"
grep -q '<p class="verdict" id="verdict">' "$dom" || fail "the verdict is not in the DOM"

# Every chart: an <svg> with its id, a <title>, a <desc>, and shapes (rect or polyline) inside it.
for id in chart-bill chart-lines chart-saving chart-tornado-1 chart-tornado-2 chart-sweep chart-latency; do
  element=$(awk -v id="$id" '
    index($0, "<svg id=\"" id "\"") { inside = 1 }
    inside { print }
    inside && index($0, "</svg>") { exit }' "$dom")
  [ -n "$element" ] || fail "chart $id is not in the DOM"
  grep -q 'role="img"' <<<"$element" || fail "chart $id has no role=img"
  grep -q "aria-label=\"" <<<"$element" || fail "chart $id has no aria-label"
  grep -q "<title>" <<<"$element" || fail "chart $id has no <title>"
  grep -q "<desc id=\"$id-desc\">" <<<"$element" || fail "chart $id has no <desc>"
  shapes=$(grep -c -E '<(rect|polyline)' <<<"$element" || true)
  [ "$shapes" -ge 3 ] || fail "chart $id has $shapes shapes"
  echo "report_browser: $id present with $shapes shapes"
done

# Nothing from anywhere else: no script, no stylesheet link, no src, no url(), no @import, links only inside.
if grep -q -i -E '<script|<link|<img|<iframe|<object|src=|url\(|@import' "$dom"; then
  fail "the page refers to an external resource: $(grep -o -i -E '<script|<link|<img|<iframe|<object|src=|url\(|@import' "$dom" | head -3)"
fi
if grep -o -E 'href="[^"]*"' "$dom" | grep -v -q -E '^href="#'; then
  fail "a link leaves the page: $(grep -o -E 'href="[^"]*"' "$dom" | grep -v -E '^href="#' | head -3)"
fi

# The screenshot: a PNG of real size (a blank page is a few kB).
png="$work/review.png"
[ -f "$png" ] || fail "no screenshot"
[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "the screenshot is not a PNG"
size=$(stat -c %s "$png")
[ "$size" -gt 50000 ] || fail "the screenshot is only $size bytes"
echo "report_browser: screenshot $png ($size bytes)"
echo "report_browser: 1 passed, 0 failed"
