#!/usr/bin/env bash
# Renders the sample plan's PDF and a new plan's draft, and saves pages of them as images under
# docs/screenshots/: the cover, a narrative page, the financial summary, the stress table, the
# headroom and break-even tables, the monthly appendix, the draft cover of a new plan, and the mentors' comments printed on request.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo build --quiet --bin mutual-plan
cli=target/debug/mutual-plan
"$cli" pdf assets/samples/riverside.mutualplan -o "$tmp/plan.pdf"
"$cli" pdf assets/samples/riverside.mutualplan --with-review -o "$tmp/review.pdf"
"$cli" new --name "Riverside Therapies" -o "$tmp/new.mutualplan" >/dev/null
"$cli" pdf "$tmp/new.mutualplan" -o "$tmp/new.pdf"
pages=$(pdfinfo "$tmp/plan.pdf" | awk '/^Pages:/ {print $2}')
page_with() {
  # From page 3: the contents page names every section too.
  for n in $(seq 3 "$pages"); do
    if pdftotext -f "$n" -l "$n" "$tmp/plan.pdf" - | grep -q "$1"; then echo "$n"; return; fi
  done
}
shoot() {
  pdftoppm -r 80 -png -f "$3" -l "$3" -singlefile "$2" "$out/pdf-$1"
  echo "$out/pdf-$1.png (page $3)"
}
shoot cover "$tmp/plan.pdf" 1
shoot narrative "$tmp/plan.pdf" "$(page_with '^1. Executive summary')"
shoot finance "$tmp/plan.pdf" "$(page_with '^Financial summary')"
shoot balance-sheet "$tmp/plan.pdf" "$(page_with '^Balance sheet at each year end')"
shoot stress "$tmp/plan.pdf" "$(page_with '^Stress scenarios')"
shoot headroom "$tmp/plan.pdf" "$(page_with '^Headroom: how far')"
shoot appendix "$tmp/plan.pdf" "$(page_with 'Appendix A. Monthly cash flow')"
shoot draft-cover "$tmp/new.pdf" 1
# The mentors' comments, printed only on request: the last page holding the Review heading.
review_page=$(for n in $(seq 3 "$(pdfinfo "$tmp/review.pdf" | awk '/^Pages:/ {print $2}')"); do
  pdftotext -f "$n" -l "$n" "$tmp/review.pdf" - | grep -q '^Mentor comments' && echo "$n" || true; done | tail -1)
shoot review "$tmp/review.pdf" "$review_page"
rm -f "$out/pdf-chart.png"
