#!/usr/bin/env bash
# Surveys benchmarks (issue 18), release build, data generated here by `gsl survey sample`:
#  1. import of a 3,262-respondent × 121-column 问卷星 export (按选项序号), CSV and .xlsx; goal < 1 s.
#  2. raking 100,000 respondents on 3 margins (age 4 × county 10 × succession 4 categories) and a
#     weighted crosstab (county × activity, with the Rao–Scott correction), against pandas + ipfn
#     (+ scipy's χ²) on the same CSV in the same run; goal ≤ 1.0× the reference.
# Each time is the median of 5 runs of the whole process.
set -uo pipefail
GSL=$(realpath "${1:-.build/release/gsl}")
WORK=.build-bench/surveys
VENV=.build-bench/venv-surveys
mkdir -p "$WORK"
export GSL_ACTOR=bench
now() { date +%s%N; }
median() {  # median wall time in ms of 5 runs of the command
  local times=()
  for _ in 1 2 3 4 5; do
    local t0; t0=$(now)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
    times+=($(( ($(now) - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

"$GSL" survey sample --out "$WORK/wjx-3262.csv" --n 3262 --layout code --seed 18 2>/dev/null
"$GSL" survey sample --out "$WORK/wjx-3262.xlsx" --n 3262 --layout code --seed 18 2>/dev/null
import_once() {  # fresh store, one import
  rm -f "$WORK/import.sqlite"*
  "$GSL" init --db "$WORK/import.sqlite" >/dev/null 2>&1
  "$GSL" survey import "$1" --survey bench --db "$WORK/import.sqlite" --format json
}
csv_ms=$(median import_once "$WORK/wjx-3262.csv")
xlsx_ms=$(median import_once "$WORK/wjx-3262.xlsx")
echo "survey import 3,262 × $(head -1 "$WORK/wjx-3262.csv" | tr ',' '\n' | wc -l) columns, CSV: median $csv_ms ms (goal < 1000 ms, includes gsl init) $([ "$csv_ms" -lt 1000 ] && echo OK || echo MISSED)"
echo "survey import 3,262 × 121 columns, .xlsx: median $xlsx_ms ms (goal < 1000 ms) $([ "$xlsx_ms" -lt 1000 ] && echo OK || echo MISSED)"

N=100000
"$GSL" survey sample --out "$WORK/wjx-100k.csv" --n $N --layout code --seed 7 2>/dev/null
rm -f "$WORK/rake.sqlite"*
"$GSL" init --db "$WORK/rake.sqlite" >/dev/null 2>&1
t0=$(now)
"$GSL" survey import "$WORK/wjx-100k.csv" --survey big --db "$WORK/rake.sqlite" >/dev/null
echo "survey import 100,000 × 121 columns (setup): $(( ($(now) - t0) / 1000000 )) ms"
cat > "$WORK/margins.yaml" <<'YAML'
margins:
  - question: 4
    targets: {1: 30000, 2: 35000, 3: 20000, 4: 15000}
  - question: 7
    targets: {1: 9000, 2: 8000, 3: 9000, 4: 7000, 5: 16000, 6: 7000, 7: 12000, 8: 13000, 9: 10000, 10: 9000}
  - question: 10
    targets: {1: 30000, 2: 30000, 3: 25000, 4: 15000}
YAML
rake_crosstab() {
  "$GSL" survey weight big --margins "$WORK/margins.yaml" --db "$WORK/rake.sqlite" --format json &&
    "$GSL" survey crosstab big Q7 Q15 --db "$WORK/rake.sqlite" --format json
}
gsl_ms=$(median rake_crosstab)
echo "gsl survey weight (3 margins) + weighted crosstab, 100,000 respondents: median $gsl_ms ms"

if [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" >/dev/null 2>&1; then
  if ! "$VENV/bin/python" -c "import pandas, ipfn, scipy" >/dev/null 2>&1; then
    "$VENV/bin/pip" install -q numpy scipy pandas ipfn >"$WORK/pip.log" 2>&1 \
      || echo "surveys: pip install failed (see $WORK/pip.log); the reference is skipped"
  fi
fi
if "$VENV/bin/python" -c "import pandas, ipfn, scipy" >/dev/null 2>&1; then
  cat > "$WORK/reference.py" <<'PY'
import sys, warnings
import numpy as np, pandas as pd
from ipfn import ipfn
from scipy.stats import chi2_contingency
warnings.filterwarnings("ignore")
df = pd.read_csv(sys.argv[1], dtype=str)
cols = {c.split("、")[0]: c for c in df.columns if "、" in c and c.split("、")[0].isdigit()}
data = pd.DataFrame({k: df[cols[k]].astype(int) for k in ["4", "7", "10", "15"]})
data["w"] = 1.0
agg = [pd.Series([30000.0, 35000, 20000, 15000], index=pd.Index([1, 2, 3, 4], name="4")),
       pd.Series([9000.0, 8000, 9000, 7000, 16000, 7000, 12000, 13000, 10000, 9000], index=pd.Index(range(1, 11), name="7")),
       pd.Series([30000.0, 30000, 25000, 15000], index=pd.Index([1, 2, 3, 4], name="10"))]
raked = ipfn.ipfn(data, agg, [["4"], ["7"], ["10"]], weight_col="w", convergence_rate=1e-10, max_iteration=1000).iteration()
table = raked.pivot_table(index="7", columns="15", values="w", aggfunc="sum", fill_value=0.0)
scaled = table / table.to_numpy().sum() * len(raked)
x2 = chi2_contingency(scaled.to_numpy(), correction=False)[0]
print(f"{x2:.6f}")
PY
  ref_ms=$(median "$VENV/bin/python" "$WORK/reference.py" "$WORK/wjx-100k.csv")
  echo "pandas + ipfn + scipy (read CSV, rake 3 margins, weighted crosstab, χ²): median $ref_ms ms"
  python3 -c "import sys; g,r=int(sys.argv[1]),int(sys.argv[2]); q=g/r; print(f'ratio gsl/reference: {q:.2f} (goal <= 1.0) ' + ('OK' if q <= 1.0 else 'MISSED'))" "$gsl_ms" "$ref_ms"
  echo "χ² (weighted, scaled to n): gsl $("$GSL" survey crosstab big Q7 Q15 --db "$WORK/rake.sqlite" --format json | python3 -c 'import json,sys; print("%.6f" % json.load(sys.stdin)["table"]["pearson"])'), reference $("$VENV/bin/python" "$WORK/reference.py" "$WORK/wjx-100k.csv")"
else
  echo "surveys: no Python reference (pip could not install pandas/ipfn/scipy); ratio not measured"
fi
