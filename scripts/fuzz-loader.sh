#!/usr/bin/env bash
# The long run of the loader's hostile-input test: 200,000 mutated and truncated plans in release.
set -euo pipefail
cd "$(dirname "$0")/.."
MUTUAL_PLAN_FUZZ_CASES=${MUTUAL_PLAN_FUZZ_CASES:-200000} \
  cargo test --release --test it loader_fuzz:: -- --nocapture
