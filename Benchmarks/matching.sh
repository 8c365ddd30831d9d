#!/usr/bin/env bash
# Matching benchmarks (issue 13, item 9), same run, same postings:
#  1. top-10 recommendations for one demand among 100,000 supplies, the whole `gsl match recommend`
#     process (median of 11), against a whole Python process doing scikit-learn character 1–2-gram
#     TF-IDF + cosine top-10 over the same texts with the same eligibility filter. Goal < 200 ms and
#     ≤ 1.0× the reference.
#  2. a whole-market run of 5,000 demands × 5,000 supplies (one-to-one) on the candidate graph, the
#     whole process; goal < 10 s, objective equal to OR-Tools' / scipy's on the same graph.
# Data: `gsl match generate` (seeded planted markets), imported into stores under .build-bench/.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GSL=$(realpath "${1:-$ROOT/.build/release/gsl}")
WORK="$ROOT/.build-bench/matching"
VENV="$ROOT/.build-bench/venv"
REF="$ROOT/Benchmarks/matching_reference.py"
SUPPLIES=${BENCH_SUPPLIES:-100000}
MARKET=${BENCH_MARKET:-5000}
mkdir -p "$WORK"
export GSL_ACTOR=bench GSL_LANG=en
now() { date +%s%N; }

PY=""
if [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" >/dev/null 2>&1; then
    if ! "$VENV/bin/python" -c "import sklearn, scipy, ortools" >/dev/null 2>&1; then
        echo "matching: installing numpy scipy scikit-learn ortools into $VENV ..."
        "$VENV/bin/pip" install -q numpy scipy scikit-learn ortools >"$WORK/pip.log" 2>&1 \
            || echo "matching: pip install failed (see $WORK/pip.log); missing references are skipped"
    fi
    PY="$VENV/bin/python"
else
    echo "matching: cannot create a virtual environment; Python references are skipped"
fi
has() { [ -n "$PY" ] && "$PY" -c "import $1" >/dev/null 2>&1; }

build() {  # db demands supplies seed
    local db=$1 dir="$WORK/market-$2-$3"
    if [ -f "$db" ] && [ "$(sqlite3 "$db" 'select count(*) from match_postings' 2>/dev/null)" = "$(( $2 + $3 ))" ]; then
        return
    fi
    rm -f "$db"*
    local t0; t0=$(now)
    "$GSL" init --db "$db" >/dev/null 2>&1
    "$GSL" ref load --db "$db" >/dev/null 2>&1
    "$GSL" match generate --db "$db" --demands "$2" --supplies "$3" --seed "$4" --out "$dir" 2>/dev/null
    "$GSL" org import "$dir/企业.csv" --db "$db" >/dev/null
    "$GSL" match import "$dir/供需.csv" --db "$db" >/dev/null
    echo "matching: built $db ($2 demands, $3 supplies) in $(( ($(now) - t0) / 1000000 )) ms"
}

median() {  # median wall time in microseconds of 11 runs
    local times=()
    for _ in $(seq 1 11); do
        local t0; t0=$(now)
        "$@" >/dev/null 2>&1
        times+=($(( ($(now) - t0) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 6p
}

# 1. One demand among $SUPPLIES supplies.
DB1="$WORK/recommend.sqlite"
build "$DB1" 1 "$SUPPLIES" 13
DEMAND=$(sqlite3 "$DB1" "select ref from match_postings where side = 'demand' limit 1")
gsl_us=$(median "$GSL" match recommend "$DEMAND" --top 10 --db "$DB1" --format csv)
planted=$(sqlite3 "$DB1" "select id from match_postings where ref = 'S$(printf '%0*d' ${#SUPPLIES} 1)'" 2>/dev/null)
top=$("$GSL" match recommend "$DEMAND" --top 10 --db "$DB1" --format json 2>/dev/null | "${PY:-python3}" -c "import json,sys; print(' '.join(str(r['supply']) for r in json.load(sys.stdin)))")
echo "recommend: gsl top-10 for $DEMAND among $SUPPLIES supplies: median $(( gsl_us / 1000 )) ms of 11 (goal < 200 ms); planted partner #$planted in top 10: $( [[ " $top " == *" $planted "* ]] && echo yes || echo no)"
# Floor: the sqlite3 shell reading the columns the score uses, of the same rows, and nothing else.
if command -v sqlite3 >/dev/null; then
    FLOOR_SQL="SELECT count(*), sum(length(p.title) + length(p.body) + length(p.industry_code) + length(p.region_code)
      + ifnull(length(o.size), 0) + length(p.sizes) + length(p.excluded_industries) + length(p.majors)
      + ifnull(length(p.deadline), 0) + p.org_id + ifnull(p.amount_fen, 0) + ifnull(p.amount_min_fen, 0)
      + ifnull(p.amount_max_fen, 0))
      FROM match_postings p JOIN organisations o ON o.id = p.org_id
      WHERE p.kind = (SELECT kind FROM match_postings WHERE ref = '$DEMAND') AND p.side = 'supply' AND p.state = 'open'"
    floor_us=$(median sqlite3 "$DB1" "$FLOOR_SQL")
    python3 -c "import sys; g,f=int(sys.argv[1]),int(sys.argv[2]); print(f'recommend: floor, the sqlite3 shell reading the same columns of the same rows: median {f/1000:.1f} ms of 11; gsl/floor = {g/f:.2f}')" "$gsl_us" "$floor_us"
fi
if has sklearn; then
    ref_us=$(median "$PY" "$REF" recommend "$DB1" "$DEMAND" 10)
    reftop=$("$PY" "$REF" recommend "$DB1" "$DEMAND" 10)
    python3 -c "import sys; g,r=int(sys.argv[1]),int(sys.argv[2]); print(f'recommend: scikit-learn TF-IDF char 1-2 + cosine: median {r/1000:.1f} ms of 11; gsl/ref = {g/r:.2f}')" "$gsl_us" "$ref_us"
    echo "recommend: scikit-learn top-10 has the planted partner: $( [[ " $reftop " == *" $planted "* ]] && echo yes || echo no)"
else
    echo "recommend: scikit-learn not installed (pip unreachable?); reference skipped"
fi

# 2. Whole-market run, $MARKET × $MARKET, one-to-one.
DB2="$WORK/market.sqlite"
build "$DB2" "$MARKET" "$MARKET" 17
sqlite3 "$DB2" "delete from match_events; delete from match_proposals; delete from match_runs;" 2>/dev/null
t0=$(now)
out=$("$GSL" match run --kind project --mode assignment --date 2025-03-01 --graph "$WORK/graph.csv" --db "$DB2" --format json)
run_ms=$(( ($(now) - t0) / 1000000 ))
run_id=$(echo "$out" | python3 -c "import json,sys; print(json.load(sys.stdin)['run'])")
echo "market: $MARKET x $MARKET one-to-one on the candidate graph, whole process: $run_ms ms (goal < 10000 ms)"
echo "$out" | python3 -c "import json,sys; d=json.load(sys.stdin); print(f\"market: {d['candidates']} candidate pairs, {d['pairs']} pairs, objective {d['objective']}\")"
if [ -n "$PY" ]; then
    "$PY" "$REF" objective "$WORK/graph.csv" "$DB2" "$run_id" | while read -r name value seconds; do
        if [ "$name" = gsl ]; then gsl_obj=$value; echo "market: gsl objective (millionths) $value"; else
            echo "market: $name objective $value in ${seconds}s"; fi
    done
fi
