#!/usr/bin/env bash
# The main job: a federation year from a fresh store to its annual report.
#   fresh database → reference data → generate the year through every module's services →
#   compute the index for each year of data → print the annual report (and write it as HTML).
# Usage: scripts/year.sh GSL DB [YEAR] [SCALE] [SEED] [COMPARE]
#   COMPARE=1 also generates the year before and reports the change against it.
set -euo pipefail
GSL=${1:-.build/release/gsl}
DB=${2:-out/demo.sqlite}
YEAR=${3:-2023}
SCALE=${4:-1}
SEED=${5:-2025}
COMPARE=${6:-0}
mkdir -p "$(dirname "$DB")" out
rm -f "$DB" "$DB-wal" "$DB-shm"
export GSL_DB="$DB" GSL_ACTOR="${GSL_ACTOR:-演示}"
step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }
start=$(date +%s.%N)

step "gsl init && gsl ref load"
$GSL init
$GSL ref load

years=("$YEAR")
if [ "$COMPARE" = 1 ]; then years=("$((YEAR - 1))" "$YEAR"); fi
for y in "${years[@]}"; do
  step "gsl demo generate --year $y --seed $SEED --scale $SCALE"
  $GSL demo generate --year "$y" --seed "$SEED" --scale "$SCALE" --timings --format table
done

step "gsl index compute (qinqing@v2, every year of data up to $YEAR)"
for y in $(seq 2019 "$YEAR"); do
  $GSL index compute --framework qinqing@v2 --dataset ningbo --period "$y" --normalise efficacy \
    --label "年度考核 $y" >/dev/null
done
$GSL index runs --format table | tail -n 5

args=(--year "$YEAR")
if [ "$COMPARE" = 1 ]; then args+=(--compare "$((YEAR - 1))"); fi
step "gsl report annual ${args[*]}"
report_start=$(date +%s.%N)
$GSL report annual "${args[@]}"
report_end=$(date +%s.%N)
$GSL report annual "${args[@]}" --format html --out "out/annual-$YEAR.html"
$GSL report figures "${args[@]}" --format csv --bom > "out/figures-$YEAR.csv"
echo "out/figures-$YEAR.csv: $(($(wc -l < "out/figures-$YEAR.csv") - 1)) figures" >&2

step "gsl audit verify && gsl status"
$GSL audit verify
$GSL status --format table
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" -v c="$report_start" -v d="$report_end" -v db="$DB" -v s="$SCALE" \
  'BEGIN { printf "\nyear: %.1f s in all; the report itself %.2f s (%s, scale %s)\n", b - a, d - c, db, s }' >&2
