#!/usr/bin/env bash
# `make bench`: every benchmark script, release build, given the gsl binary as $1. Each prints its own
# timings and the ratio against the reference tool run on the same instance in the same run.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
GSL=${1:-$HERE/../.build/release/gsl}
cd "$HERE/.."
status=0
for script in store.sh solvers.sh index.sh casework.sh events.sh matching.sh pairing.sh tui.sh year.sh surveys.sh policy.sh; do
  if [ -f "$HERE/$script" ]; then
    echo "== $script"
    bash "$HERE/$script" "$GSL" || status=1
  fi
done
exit $status
