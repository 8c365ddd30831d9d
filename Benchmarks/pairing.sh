#!/usr/bin/env bash
# Pairing benchmark (issue 14, item 8): `gsl pair plan` from the store as a whole process on the
# Ningbo-scale instance (822 firms x 668 villages) and on a 10x instance (8,000 x 7,000, candidate
# graph), and the same network solved by OR-Tools in the same run (objective must be equal); the
# like-for-like ratio times GSLOptimise (gsl-bench-solvers, next to gsl) on that very network file.
# Usage: Benchmarks/pairing.sh [path/to/release/gsl]    Environment: BENCH_REPEAT (best of N, default 3)
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
GSL=${1:-$ROOT/.build/release/gsl}
WORK="$ROOT/.build-bench/pairing"
VENV="$ROOT/.build-bench/venv"
REF="$ROOT/Benchmarks/solvers_reference.py"
GEN="$ROOT/Benchmarks/pairing_data.py"
BENCH="$(dirname "$GSL")/gsl-bench-solvers"
REPEAT=${BENCH_REPEAT:-3}
rm -rf "$WORK"; mkdir -p "$WORK"
export GSL_ACTOR=bench GSL_LANG=en

if [ ! -x "$GSL" ]; then echo "pairing: $GSL not found; build gsl (release) first" >&2; exit 1; fi

PY=""
if [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" >/dev/null 2>&1; then
    if ! "$VENV/bin/python" -c "import numpy, ortools" >/dev/null 2>&1; then
        echo "pairing: installing numpy ortools into $VENV ..."
        "$VENV/bin/pip" install -q numpy ortools >"$WORK/pip.log" 2>&1 \
            || echo "pairing: pip install failed (see $WORK/pip.log); the OR-Tools reference is skipped"
    fi
    "$VENV/bin/python" -c "import numpy, ortools" >/dev/null 2>&1 && PY="$VENV/bin/python"
fi
[ -z "$PY" ] && echo "pairing: OR-Tools not available (no pip); reference skipped"

now() { date +%s.%N; }
failures=0

# setup NAME FIRMS VILLAGES: a store with divisions, firms and village profiles.
setup() {
    local name=$1 firms=$2 villages=$3 dir="$WORK/$1"
    mkdir -p "$dir"
    python3 "$GEN" data "$firms" "$villages" 14 "$ROOT/Datasets/reference/divisions" "$dir" || return 1
    local db="$dir/gsl.sqlite"
    "$GSL" --db "$db" init >/dev/null 2>&1 && "$GSL" --db "$db" ref load >/dev/null 2>&1 || return 1
    if [ "$(wc -l <"$dir/regions.csv")" -gt 1 ]; then "$GSL" --db "$db" region import "$dir/regions.csv" 2>/dev/null || return 1; fi
    "$GSL" --db "$db" org import "$dir/orgs.csv" --kind enterprise 2>/dev/null || return 1
    "$GSL" --db "$db" pair firm import "$dir/firms.csv" 2>/dev/null || return 1
    "$GSL" --db "$db" pair village import "$dir/villages.csv" 2>/dev/null || return 1
}

# run NAME LABEL LIMIT ARGS...: best of REPEAT whole processes of `gsl pair plan` (table to a file), its
# solve phase, and OR-Tools on the exported network.
run() {
    local name=$1 label=$2 limit=$3; shift 3
    local dir="$WORK/$name" db="$WORK/$name/gsl.sqlite" best="" solve="" t0 t1 s line
    for _ in $(seq "$REPEAT"); do
        t0=$(now)
        GSL_TIMINGS=1 "$GSL" --db "$db" pair plan --campaign bench --dry-run --format table "$@" \
            >"$dir/plan.txt" 2>"$dir/plan.err" || { echo "$label: gsl pair plan failed: $(tail -1 "$dir/plan.err")"; failures=$((failures + 1)); return; }
        t1=$(now)
        s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        line=$(awk '/timings: solve/ { printf "%.3f", $3 / 1000 }' "$dir/plan.err")
        if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$s; solve=$line; fi
    done
    "$GSL" --db "$db" pair plan --campaign bench --dry-run --format json "$@" >"$dir/plan.json" 2>/dev/null
    local objective pairs
    objective=$(python3 "$GEN" network "$dir/plan.json" "$dir/flow-$name.i64")
    pairs=$(grep -c . "$dir/plan.txt")
    local verdict="under ${limit} s"
    awk -v a="$best" -v b="$limit" 'BEGIN { exit !(a < b) }' || { verdict="OVER ${limit} s"; failures=$((failures + 1)); }
    printf '%-16s process %7s s (%s)  solve %7s s  objective %s  (%s table lines)\n' "$label" "$best" "$verdict" "$solve" "$objective" "$pairs"
    # Like for like: GSLOptimise alone on the very network file OR-Tools reads (best of REPEAT).
    local own="" os="" line2
    if [ -x "$BENCH" ]; then
        for _ in $(seq "$REPEAT"); do
            line2=$("$BENCH" flow file "$name" "$dir") || { echo "$label: gsl-bench-solvers failed"; failures=$((failures + 1)); break; }
            if [ -z "$os" ] || awk -v a="${line2%% *}" -v b="$os" 'BEGIN { exit !(a < b) }'; then os=${line2%% *}; fi
            own=${line2#* }
        done
        [ "$own" = "$objective" ] || { echo "$label: GSLOptimise objective $own differs from the plan's $objective"; failures=$((failures + 1)); }
    else
        echo "$label: $BENCH not found; the network-only solve is skipped (build the product gsl-bench-solvers)"
    fi
    if [ -n "$PY" ]; then
        local ref rs="" ro="" best_rs=""
        for _ in $(seq "$REPEAT"); do
            ref=$("$PY" "$REF" flow "$name" "$dir") || { echo "$label: OR-Tools failed"; failures=$((failures + 1)); return; }
            rs=${ref%% *} ro=${ref#* }
            if [ -z "$best_rs" ] || awk -v a="$rs" -v b="$best_rs" 'BEGIN { exit !(a < b) }'; then best_rs=$rs; fi
        done
        rs=$best_rs
        local same="equal"
        [ "$ro" = "$objective" ] || { same="MISMATCH (OR-Tools $ro)"; failures=$((failures + 1)); }
        printf '%-16s OR-Tools solve %7s s  objective %s\n' "" "$rs" "$same"
        [ -n "$os" ] && printf '%-16s same network: GSLOptimise solve %7s s  gsl/OR-Tools %s\n' "" "$os" \
            "$(awk -v a="$os" -v b="$rs" 'BEGIN { printf "%.2f", a / b }')"
        printf '%-16s whole plan phase (candidates, solves, pricing) %7s s  phase/OR-Tools %s\n' "" "$solve" \
            "$(awk -v a="$solve" -v b="$rs" 'BEGIN { printf "%.2f", a / b }')"
    elif [ -n "$os" ]; then
        printf '%-16s same network: GSLOptimise solve %7s s (OR-Tools skipped)\n' "" "$os"
    fi
}

echo "pairing: generating and loading data ..."
setup ningbo 822 668 || { echo "pairing: setup failed"; exit 1; }
run ningbo "822x668" 1 --max-per-village 3 --max-per-enterprise 3
setup tenfold 8000 7000 || { echo "pairing: setup (10x) failed"; exit 1; }
run tenfold "10x 8000x7000" 10 --max-per-village 3 --max-per-enterprise 3
exit $((failures > 0))
