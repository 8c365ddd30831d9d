#!/usr/bin/env bash
# `make bench`: every benchmark script, given the release gsl binary as $1.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
GSL=${1:-$HERE/../.build/release/gsl}
status=0

echo "== Solvers (Benchmarks/solvers.sh)"
bash "$HERE/solvers.sh" "$GSL" || status=1

exit $status
