#!/usr/bin/env bash
# Policy-evaluation benchmarks (issue 19, item 7), same run, same data:
#  1. TWFE difference-in-differences with firm-clustered SEs on 100,000 firms × 10 years: the whole
#     `gsl policy estimate --method twfe` process (reads the store, demeans, fits) against pyfixest's
#     feols on the same panel; goal ≤ 1.0× pyfixest.
#  2. Callaway–Sant'Anna ATT(g,t) with analytic SEs and the four aggregations on 20,000 firms × 10
#     years with 5 cohorts (never-treated controls): `gsl policy estimate --method cs` against the
#     `differences` package; goal ≤ 1.0×.
# Data: `gsl policy sample --standalone` (seeded), its R&D column only, imported into stores under
# .build-bench/policy. Each side is timed as a whole process (median of 3); the reference's warm
# estimation time alone is printed too. The estimates of both sides are printed for comparison.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GSL=$(realpath "${1:-$ROOT/.build/release/gsl}")
WORK="$ROOT/.build-bench/policy"
VENV="$ROOT/.build-bench/policy-venv"
REF="$ROOT/Benchmarks/policy_bench.py"
TWFE_FIRMS=${BENCH_TWFE_FIRMS:-100000}
CS_FIRMS=${BENCH_CS_FIRMS:-20000}
mkdir -p "$WORK"
export GSL_ACTOR=bench GSL_LANG=en
now() { date +%s%N; }

PY=""
if [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" >/dev/null 2>&1; then
    if ! "$VENV/bin/python" -c "import pyfixest, differences" >/dev/null 2>&1; then
        echo "policy: installing pyfixest differences statsmodels linearmodels into $VENV ..."
        "$VENV/bin/pip" install -q pyfixest differences statsmodels linearmodels >"$WORK/pip.log" 2>&1 \
            || echo "policy: pip install failed (see $WORK/pip.log); missing references are skipped"
    fi
    PY="$VENV/bin/python"
else
    echo "policy: cannot create a virtual environment; Python references are skipped"
fi
has() { [ -n "$PY" ] && "$PY" -c "import $1" >/dev/null 2>&1; }

build() {  # name firms cohorts
    local db="$WORK/$1.sqlite" dir="$WORK/$1"
    if [ -f "$db" ] && [ "$(sqlite3 "$db" 'select count(distinct org_id) from policy_observations' 2>/dev/null)" = "$2" ]; then
        return
    fi
    rm -rf "$db"* "$dir"
    local t0; t0=$(now)
    "$GSL" init --db "$db" >/dev/null 2>&1
    "$GSL" ref load --db "$db" >/dev/null 2>&1
    "$GSL" policy sample --standalone --firms "$2" --years 10 --cohorts "$3" --seed 19 --out "$dir" --db "$db" 2>/dev/null
    cut -d, -f1,2,4 "$dir/企业面板.csv" >"$dir/panel.csv"
    "$GSL" org import "$dir/企业.csv" --db "$db" >/dev/null 2>&1
    "$GSL" policy panel import "$dir/panel.csv" --db "$db" >/dev/null 2>&1
    "$GSL" policy treat import "$dir/受惠企业.csv" --db "$db" >/dev/null 2>&1
    echo "policy: built $db ($2 firms × 10 years, $3 cohorts) in $(( ($(now) - t0) / 1000000 )) ms"
}

median3() {  # median wall time in microseconds of 3 runs of "$@"
    local times=()
    for _ in 1 2 3; do
        local t0; t0=$(now)
        "$@" >/dev/null 2>&1
        times+=($(( ($(now) - t0) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

compare() {  # label method name
    local label=$1 method=$2 name=$3 db="$WORK/$3.sqlite" dir="$WORK/$3"
    local gsl_us; gsl_us=$(median3 "$GSL" policy estimate --method "$method" --outcome rd_spending --dry-run --format json --db "$db")
    local est; est=$("$GSL" policy estimate --method "$method" --outcome rd_spending --dry-run --format json --db "$db" 2>/dev/null \
        | python3 -c "import json,sys; e=json.load(sys.stdin)['result']['effect']; print(repr(e['estimate']), repr(e['se']))")
    echo "$label: gsl whole process median $(( gsl_us / 1000 )) ms of 3; ATT, SE = $est"
    local module=$4
    if has "$module"; then
        local times=() line=""
        for _ in 1 2 3; do line=$("$PY" "$REF" "$method" "$dir/panel.csv" "$dir/受惠企业.csv"); times+=("$line"); done
        local med; med=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
        python3 -c "
import sys
g = int(sys.argv[1]) / 1e6
whole, fit, est, se = sys.argv[2].split()
print(f'$label: $module whole process median {float(whole)*1000:.0f} ms of 3 (warm estimation alone {float(fit)*1000:.0f} ms); ATT, SE = {est} {se}')
print(f'$label: gsl/ref = {g/float(whole):.2f} (whole processes); gsl/ref-estimation-alone = {g/float(fit):.2f}')
" "$gsl_us" "$med"
    else
        echo "$label: $module not installed (pip unreachable?); reference skipped"
    fi
}

# 0. The reference values of the committed fixtures, recomputed with the packages installed now and
#    compared with Tests/Fixtures/policy/expected.json (what the Swift tests hold gsl to).
if has pyfixest && has differences; then
    rm -rf "$WORK/ref" && mkdir -p "$WORK/ref" && cp "$ROOT"/Tests/Fixtures/policy/*.csv "$WORK/ref/"
    if "$PY" "$ROOT/Benchmarks/policy-reference.py" expect "$WORK/ref" >"$WORK/ref.log" 2>&1; then
        python3 - "$ROOT/Tests/Fixtures/policy/expected.json" "$WORK/ref/expected.json" <<'PYEOF'
import json, sys
def walk(a, b, path=""):
    if isinstance(a, dict):
        return max([walk(a[k], b.get(k), f"{path}.{k}") for k in a] or [0.0])
    if isinstance(a, list):
        return max([walk(x, y, f"{path}[{i}]") for i, (x, y) in enumerate(zip(a, b or []))] or [0.0])
    if isinstance(a, float) and isinstance(b, (int, float)):
        return abs(a - b) / max(1.0, abs(a))
    return 0.0
committed, fresh = (json.load(open(p)) for p in sys.argv[1:3])
print(f"references: committed expected values vs packages now: largest relative difference {walk(committed, fresh):.2e}")
PYEOF
    else
        echo "references: recomputing failed (see $WORK/ref.log)"
    fi
fi

build twfe "$TWFE_FIRMS" 3
compare "twfe" twfe twfe pyfixest
build cs "$CS_FIRMS" 5
compare "cs" cs cs differences
