#!/usr/bin/env bash
# `make bench`: every benchmark, release build. Each prints its own results and ratios.
set -euo pipefail
GSL=${1:-.build/release/gsl}
cd "$(dirname "$0")/.."
for script in Benchmarks/store.sh Benchmarks/solvers.sh Benchmarks/index.sh; do
  if [ -x "$script" ]; then
    echo "### $script"
    "$script" "$GSL"
  fi
done
