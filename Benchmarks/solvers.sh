#!/usr/bin/env bash
# Solver benchmarks: gsl-bench-solvers (release) against scipy, OR-Tools, the `matching` package
# and a plain Python deferred-acceptance loop, on the same seeded instances in the same run.
# Usage: Benchmarks/solvers.sh [path/to/release/gsl]
# Environment: BENCH_REPEAT (best of N, default 3), BENCH_SKIP_MATCHING=1 skips the slow
# `matching` package (about 5 minutes), BENCH_QUICK=1 runs only the small cases.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
GSL=${1:-$ROOT/.build/release/gsl}
BIN="$(dirname "$GSL")/gsl-bench-solvers"
WORK="$ROOT/.build-bench"
DATA="$WORK/data"
VENV="$WORK/venv"
REF="$ROOT/Benchmarks/solvers_reference.py"
REPEAT=${BENCH_REPEAT:-3}
mkdir -p "$DATA"

if [ ! -x "$BIN" ]; then
    echo "solvers: $BIN not found; run 'make bench' (or swift build -c release --static-swift-stdlib) first" >&2
    exit 1
fi

# Python references in a virtual environment, installed when pip can reach the index.
PY=""
if [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" >/dev/null 2>&1; then
    if ! "$VENV/bin/python" -c "import numpy, scipy, ortools, matching" >/dev/null 2>&1; then
        echo "solvers: installing numpy scipy ortools matching into $VENV ..."
        "$VENV/bin/pip" install -q numpy scipy ortools matching >"$WORK/pip.log" 2>&1 \
            || echo "solvers: pip install failed (see $WORK/pip.log); missing references are skipped"
    fi
    PY="$VENV/bin/python"
else
    echo "solvers: cannot create a virtual environment; Python references are skipped"
fi
has() { [ -n "$PY" ] && "$PY" -c "import $1" >/dev/null 2>&1; }

failures=0
printf '%-34s %10s %10s %8s  %s\n' "case" "gsl (s)" "ref (s)" "gsl/ref" "objective"

# best_of N CMD...: runs CMD N times, prints "<least seconds> <objective>" (objective of the last run).
best_of() {
    local n=$1; shift
    local best="" objective="" line seconds
    for _ in $(seq "$n"); do
        line=$("$@") || return 1
        seconds=${line%% *}; objective=${line#* }
        if [ -z "$best" ] || awk -v a="$seconds" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$seconds; fi
    done
    echo "$best $objective"
}

# compare LABEL REFERENCE-MODULE REPEATS "GSL ARGS" "REF ARGS"
compare() {
    local label=$1 module=$2 n=$3 mine=$4 theirs=$5
    local ours ref
    ours=$(best_of "$n" "$BIN" $mine) || { echo "$label: gsl-bench-solvers failed"; failures=$((failures + 1)); return; }
    if ! has "$module"; then
        printf '%-34s %10s %10s %8s  %s\n' "$label" "${ours%% *}" "skipped" "-" "${ours#* } ($module not available)"
        return
    fi
    ref=$(best_of "$n" "$PY" "$REF" $theirs) || { echo "$label: reference failed"; failures=$((failures + 1)); return; }
    local a=${ours#* } b=${ref#* } verdict
    if [ "$a" = "$b" ] || awk -v a="$a" -v b="$b" 'BEGIN { d = a - b; if (d < 0) d = -d; m = (a < 0 ? -a : a); if (m < 1) m = 1; exit !(d <= 1e-9 * m) }' 2>/dev/null; then
        verdict="equal ($a)"
    else
        verdict="MISMATCH gsl $a ref $b"; failures=$((failures + 1))
    fi
    printf '%-34s %10s %10s %8s  %s\n' "$label" "${ours%% *}" "${ref%% *}" \
        "$(awk -v a="${ours%% *}" -v b="${ref%% *}" 'BEGIN { r = a / b; if (r >= 0.01) printf "%.2f", r; else printf "%.1e", r }')" "$verdict"
}

sizes="500 1000 2000 4000"
[ -n "${BENCH_QUICK:-}" ] && sizes="500 1000"
for family in uniform euclidean; do
    for n in $sizes; do
        reps=$REPEAT; [ "$n" -ge 4000 ] && reps=$(( REPEAT < 2 ? REPEAT : 2 ))
        compare "assignment $family n=$n (scipy)" scipy "$reps" \
            "assignment $family $n $DATA" "assignment $family $n $DATA"
    done
done

for name in pairing pairing-full transport; do
    [ -n "${BENCH_QUICK:-}" ] && [ "$name" = transport ] && continue
    compare "flow $name (OR-Tools)" ortools "$REPEAT" "flow $name $DATA" "flow $name $DATA"
done

compare "stable 3000x700 (Python DA loop)" numpy "$REPEAT" "stable 3000 700 $DATA" "stable-loop 3000 700 $DATA"
if [ -n "${BENCH_SKIP_MATCHING:-}" ] || [ -n "${BENCH_QUICK:-}" ]; then
    echo "stable 3000x700 (matching): skipped (BENCH_SKIP_MATCHING or BENCH_QUICK set)"
else
    compare "stable 3000x700 (matching pkg)" matching 1 "stable 3000 700 $DATA" "stable-matching 3000 700 $DATA"
fi

# End to end: the whole `gsl solve assignment` process (reading the file, solving, printing JSON)
# against a whole Python process that loads the same file and calls scipy, best of REPEAT.
# wall N OUT CMD...: least wall-clock seconds of N runs of CMD, its stdout left in OUT.
wall() {
    local n=$1 out=$2; shift 2
    local best="" start end t
    for _ in $(seq "$n"); do
        start=$(date +%s.%N)
        "$@" >"$out" 2>>"$WORK/e2e.err" || return 1
        end=$(date +%s.%N)
        t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
    done
    echo "$best"
}
E2E_N=${BENCH_E2E_N:-2000}
[ -n "${BENCH_QUICK:-}" ] && E2E_N=500
if ! has scipy; then
    echo "end-to-end: skipped (scipy not available)"
elif [ ! -f "$DATA/assignment-uniform-$E2E_N.f64" ] || ! "$PY" "$REF" write-matrix uniform "$E2E_N" "$DATA"; then
    echo "end-to-end: cannot write the instance files"; failures=$((failures + 1))
else
    LOADERS='import json, sys, numpy as np; from scipy.optimize import linear_sum_assignment as lsa
f = sys.argv[1]
c = np.load(f) if f.endswith(".npy") else np.loadtxt(f, delimiter=",") if f.endswith(".csv") else np.array(json.load(open(f))["costs"], dtype=float)
r, k = lsa(c); print(repr(float(c[r, k].sum())))'
    for kind in json csv npy; do
        file="$DATA/e2e-uniform-$E2E_N.$kind"
        if [ "$kind" = json ]; then args=("$file"); label="json.load + scipy"; else args=(--costs "$file"); label="np.load$( [ $kind = csv ] && echo txt ) + scipy"; fi
        ours=$(wall "$REPEAT" "$WORK/e2e-gsl.out" "$GSL" solve assignment "${args[@]}") || { echo "end-to-end $kind: gsl failed"; failures=$((failures + 1)); continue; }
        theirs=$(wall "$REPEAT" "$WORK/e2e-py.out" "$PY" -c "$LOADERS" "$file") || { echo "end-to-end $kind: Python failed"; failures=$((failures + 1)); continue; }
        a=$(grep -o '"objective":[^,}]*' "$WORK/e2e-gsl.out" | cut -d: -f2); b=$(cat "$WORK/e2e-py.out")
        if awk -v a="$a" -v b="$b" 'BEGIN { d = a - b; if (d < 0) d = -d; m = (a < 0 ? -a : a); if (m < 1) m = 1; exit !(d <= 1e-9 * m) }'; then
            verdict="equal ($a)"
        else
            verdict="MISMATCH gsl $a ref $b"; failures=$((failures + 1))
        fi
        printf '%-34s %10s %10s %8s  %s\n' "e2e solve $kind n=$E2E_N ($label)" "$ours" "$theirs" \
            "$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')" "$verdict"
    done
fi

if [ "$failures" -gt 0 ]; then
    echo "solvers: $failures case(s) failed or disagreed" >&2
    exit 1
fi
