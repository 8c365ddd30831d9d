#!/usr/bin/env bash
# Casework benchmarks (issue 5) on a store with 1,000,000 requests: the list of one department's
# requests in progress, the overdue SLA view and the 三率 by department, each the whole process,
# median of 11 runs. Goals: < 50 ms, < 0.5 s, < 1 s. The generated year: 97 % of requests closed with a
# callback, 3 % open (received in the last 30 days), 40 departments, 20,000 enterprises.
set -euo pipefail
GSL=$(realpath "${1:-.build/release/gsl}")
WORK=.build-bench/casework
DB="$WORK/cases.sqlite"
mkdir -p "$WORK"
export GSL_ACTOR=bench
now() { date +%s%N; }

bash "$(dirname "$0")/gen-cases.sh" "$GSL" "$DB" 1000000

median() {  # median wall time in ms of 11 runs of the command
  local times=()
  for _ in $(seq 1 11); do
    local t0; t0=$(now)
    "$@" >/dev/null
    times+=($(( ($(now) - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 6p
}
report() {  # label, microseconds, goal in ms
  python3 -c "import sys; m=int(sys.argv[2])/1000; g=float(sys.argv[3]); print(f'{sys.argv[1]}: median {m:.1f} ms of 11 runs (goal < {g:g} ms) ' + ('OK' if m < g else 'MISSED'))" "$@"
}
report "case list --state in_progress --department 部门07 --limit 50" \
  "$(median "$GSL" case list --state in_progress --department 部门07 --limit 50 --format csv --db "$DB")" 50
report "case sla --overdue (as of 2025-12-31)" \
  "$(median "$GSL" case sla --overdue --today 2025-12-31 --format csv --db "$DB")" 500
report "case rates --by department" "$(median "$GSL" case rates --by department --format csv --db "$DB")" 1000
echo "overdue requests: $("$GSL" case sla --overdue --today 2025-12-31 --format csv --db "$DB" | tail -n +2 | wc -l)"
