#!/usr/bin/env bash
# A generated federation year at scale (issue 16): `gsl demo generate --year 2023 --scale S` through
# the services, then the annual report, timed; the floor is the sqlite3 shell running the report's
# own figure and chart queries (taken from `gsl report figures --format json`, parameters filled in)
# on the same file in the same run. Usage: Benchmarks/year.sh GSL [SCALES] (default "1 10").
set -euo pipefail
GSL=${1:-.build/release/gsl}
SCALES=${2:-1 10}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
for scale in $SCALES; do
  db="$WORK/year-$scale.sqlite"
  export GSL_DB="$db" GSL_ACTOR=bench
  $GSL init >/dev/null 2>&1
  $GSL ref load >/dev/null 2>&1
  t0=$(now)
  $GSL demo generate --year 2023 --scale "$scale" --seed 2025 --timings --format csv >"$WORK/summary.csv" 2>"$WORK/phases.txt"
  t1=$(now)
  $GSL index compute --framework qinqing@v2 --dataset ningbo --period 2023 --normalise efficacy >/dev/null 2>&1
  best=""
  for _ in 1 2 3; do
    r0=$(now); $GSL report annual --year 2023 >/dev/null; r1=$(now)
    s=$(secs "$r0" "$r1"); if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$s; fi
  done
  $GSL report figures --year 2023 --format json >"$WORK/figures.json"
  python3 - "$WORK/figures.json" >"$WORK/queries.sql" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))
for r in rows:
    q = r["query"].replace(":from", "'2023-01-01'").replace(":to", "'2023-12-31'").replace(":year", "'2023'")
    print(q.rstrip().rstrip(";") + ";")
PY
  floor=""
  if command -v sqlite3 >/dev/null; then
    for _ in 1 2 3; do
      q0=$(now); sqlite3 "$db" <"$WORK/queries.sql" >/dev/null; q1=$(now)
      s=$(secs "$q0" "$q1"); if [ -z "$floor" ] || awk -v a="$s" -v b="$floor" 'BEGIN{exit !(a<b)}'; then floor=$s; fi
    done
  fi
  size=$(du -m "$db" | cut -f1)
  rows=$(sqlite3 "$db" "SELECT (SELECT COUNT(*) FROM organisations), (SELECT COUNT(*) FROM cases), (SELECT COUNT(*) FROM audit_log)" 2>/dev/null | tr '|' ' ')
  printf 'year x%-4s generate %8s s  (%s MB; organisations, requests, audit entries: %s)\n' "$scale" "$(secs "$t0" "$t1")" "$size" "$rows"
  sed 's/^/           phase  /' "$WORK/phases.txt"
  if [ -n "$floor" ]; then
    printf '           report annual %6s s   sqlite3 shell, the same %s figure queries %6s s   ratio %s\n' \
      "$best" "$(grep -c . "$WORK/queries.sql")" "$floor" "$(awk -v a="$best" -v b="$floor" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')"
  else
    printf '           report annual %6s s   (sqlite3 shell not installed: floor skipped)\n' "$best"
  fi
done
