#!/usr/bin/env bash
# Index uncertainty benchmark: Swift (release) against NumPy on the same seeded synthetic data.
# NumPy comes from a venv under .build-bench/ when pip is reachable, else from the system python3;
# without NumPy the Swift timings still run and NumPy is reported as skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product gsl-bench-index >/dev/null
BIN="$(swift build -c release --static-swift-stdlib --show-bin-path)/gsl-bench-index"
PY=""
VENV=.build-bench/venv
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import numpy' 2>/dev/null; then
  PY="$VENV/bin/python"
elif python3 -m venv "$VENV" >/dev/null 2>&1 && "$VENV/bin/pip" install -q numpy >/dev/null 2>&1; then
  PY="$VENV/bin/python"
elif python3 -c 'import numpy' 2>/dev/null; then
  PY="$(command -v python3)"
fi
ARGS=()
if [ -n "$PY" ]; then ARGS=(--python "$PY"); else echo "numpy not available: NumPy comparison skipped"; fi
"$BIN" --units 2844 --indicators 60 --groups 6 --runs 10000 --seed 1 "${ARGS[@]}"
echo
"$BIN" --units 10 --indicators 30 --groups 5 --runs 10000 --seed 1 "${ARGS[@]}"
