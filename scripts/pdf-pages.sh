#!/usr/bin/env bash
# Renders the sample plan's PDF and saves four of its pages as images under docs/screenshots/:
# the cover, a narrative page, the chart page and an appendix page.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo run --quiet --release -- pdf assets/samples/riverside.mutualplan -o "$tmp/plan.pdf"
pages=$(pdfinfo "$tmp/plan.pdf" | awk '/^Pages:/ {print $2}')
page_with() {
  # From page 3: the contents page names every section too.
  for n in $(seq 3 "$pages"); do
    if pdftotext -f "$n" -l "$n" "$tmp/plan.pdf" - | grep -q "$1"; then echo "$n"; return; fi
  done
}
shoot() {
  pdftoppm -r 80 -png -f "$2" -l "$2" -singlefile "$tmp/plan.pdf" "$out/pdf-$1"
  echo "$out/pdf-$1.png (page $2 of $pages)"
}
shoot cover 1
shoot narrative "$(page_with '^1. Executive summary')"
shoot chart "$(page_with 'Monthly closing cash')"
shoot appendix "$(page_with 'Appendix A. Monthly cash flow')"
