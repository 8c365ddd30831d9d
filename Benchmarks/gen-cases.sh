#!/usr/bin/env bash
# Builds a casework store of N requests for benchmarks (Benchmarks/casework.sh, Benchmarks/tui.sh):
# bash Benchmarks/gen-cases.sh GSL DB N. The generated year: 97 % of requests closed with a
# callback, 3 % open (received in the last 30 days), 40 departments, 20,000 enterprises. Reuses DB
# when it already holds N requests.
set -euo pipefail
GSL=$1
DB=$2
N=${3:-1000000}
WORK=$(dirname "$DB")
mkdir -p "$WORK"
export GSL_ACTOR=${GSL_ACTOR:-bench}
now() { date +%s%N; }

if [ ! -f "$DB" ] || [ "$(sqlite3 "$DB" 'select count(*) from cases' 2>/dev/null)" != "$N" ]; then
  rm -f "$DB"*
  "$GSL" init --db "$DB" 2>/dev/null
  "$GSL" ref load --db "$DB" 2>/dev/null
  "$GSL" demo generate --db "$DB" --orgs 20000 --seed 5 --out "$WORK/orgs.csv" 2>/dev/null
  "$GSL" org import "$WORK/orgs.csv" --kind enterprise --db "$DB" 2>/dev/null
  t0=$(now)
  sqlite3 "$DB" <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-200000;
BEGIN;
CREATE TEMP TABLE gen AS
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
SELECT i,
       CASE WHEN i % 1000 < 970 THEN 'closed' WHEN i % 1000 < 985 THEN 'in_progress' WHEN i % 1000 < 991 THEN 'pending'
            WHEN i % 1000 < 996 THEN 'assigned' ELSE 'received' END AS state,
       (abs(random()) % 20000) + 1 AS org,
       '部门' || printf('%02d', abs(random()) % 40) AS dept,
       (SELECT code FROM (SELECT 'financing' AS code UNION ALL SELECT 'labour' UNION ALL SELECT 'land' UNION ALL SELECT 'policy'
              UNION ALL SELECT 'approval' UNION ALL SELECT 'rights' UNION ALL SELECT 'arrears' UNION ALL SELECT 'market'
              UNION ALL SELECT 'innovation' UNION ALL SELECT 'infrastructure' UNION ALL SELECT 'other') LIMIT 1 OFFSET abs(random()) % 11) AS category,
       abs(random()) % 30 AS recent, abs(random()) % 1000 AS old, abs(random()) % 3 AS sat
FROM n;
INSERT INTO cases (id, org_id, source, category, priority, title, description, state, lead_department, opened_on,
                   response_due, resolution_due, cb_valid, cb_contacted, cb_solved, cb_satisfaction, created_at, updated_at)
SELECT i, org, 'visit', category, 'normal', '企业诉求' || i, NULL, state, CASE WHEN state = 'received' THEN NULL ELSE dept END,
       CASE WHEN state = 'closed' THEN date('2023-01-01', '+' || old || ' days') ELSE date('2025-12-31', '-' || recent || ' days') END,
       CASE WHEN state IN ('received', 'assigned') THEN date('2025-12-31', '-' || recent || ' days', '+3 days') END,
       CASE WHEN state <> 'closed' THEN date('2025-12-31', '-' || recent || ' days', '+14 days') END,
       CASE WHEN state = 'closed' THEN 1 END, CASE WHEN state = 'closed' THEN 1 END,
       CASE WHEN state = 'closed' THEN (CASE WHEN sat = 2 THEN 0 ELSE 1 END) END,
       CASE WHEN state = 'closed' THEN (CASE sat WHEN 0 THEN 'satisfied' WHEN 1 THEN 'basically_satisfied' ELSE 'unsatisfied' END) END,
       'now', 'now'
FROM gen;
INSERT INTO case_events (case_id, action, from_state, to_state, on_date, actor, note, event, recorded_at)
SELECT id, 'receive', 'draft', 'received', opened_on, 'bench', NULL,
       '{"action":{"receive":{}},"actor":"bench","caseID":"' || id || '","date":"' || opened_on || '","from":"draft","to":"received"}', 'now'
FROM cases;
INSERT INTO case_events (case_id, action, from_state, to_state, on_date, actor, note, event, recorded_at)
SELECT id, 'assign', 'received', 'assigned', opened_on, 'bench', NULL,
       '{"action":{"assign":{"assisting":[],"lead":"' || lead_department || '"}},"actor":"bench","caseID":"' || id || '","date":"' || opened_on || '","from":"received","to":"assigned"}', 'now'
FROM cases WHERE state <> 'received';
INSERT INTO case_events (case_id, action, from_state, to_state, on_date, actor, note, event, recorded_at)
SELECT id, 'start', 'assigned', 'in_progress', opened_on, 'bench', NULL,
       '{"action":{"start":{}},"actor":"bench","caseID":"' || id || '","date":"' || opened_on || '","from":"assigned","to":"in_progress"}', 'now'
FROM cases WHERE state IN ('in_progress', 'pending', 'closed');
INSERT INTO case_callbacks (case_id, contacted, solved, satisfaction, valid, on_date)
SELECT c.id, 1, CASE WHEN g.sat = 2 THEN 0 ELSE 1 END,
       CASE g.sat WHEN 0 THEN 'satisfied' WHEN 1 THEN 'basically_satisfied' ELSE 'unsatisfied' END, 1, c.opened_on
FROM cases c JOIN gen g ON g.i = c.id WHERE c.state = 'closed';
COMMIT;
ANALYZE;
SQL
  echo "built a $N-request store in $(( ($(now) - t0) / 1000000 )) ms"
fi
