#!/usr/bin/env bash
# Events benchmarks (issue 12) on a store with 100,000 events (one session each, 2021–2025) and
# 2,000,000 attendance rows (20 people per session out of 200,000), generated here with the sqlite3
# shell. Each timing is the whole process, median of 11 runs (check-in: median of 3 fresh events).
#  1. `gsl event stats --period 2023 --by type` against the sqlite3 shell running the same SQL on the
#     same file: goal ≤ 1.5× and < 1 s.
#  2. `gsl event checkin` of a 2,000-row sign-in sheet (name + enterprise): goal < 1 s.
#  3. `gsl event ics` of 10,000 sessions (one series): goal < 1 s.
set -euo pipefail
GSL=$(realpath "${1:-.build/release/gsl}")
WORK=.build-bench/events
DB="$WORK/events.sqlite"
mkdir -p "$WORK"
export GSL_ACTOR=bench GSL_LANG=en
now() { date +%s%N; }

if [ ! -f "$DB" ] || [ "$(sqlite3 "$DB" 'select count(*) from event_attendance where event_id <= 100000' 2>/dev/null)" != "2000000" ]; then
  rm -f "$DB"*
  "$GSL" init --db "$DB" >/dev/null 2>&1
  t0=$(now)
  sqlite3 "$DB" >/dev/null <<'SQL'
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL; PRAGMA cache_size=-200000;
BEGIN;
INSERT INTO organisations (id, kind, name, created_at, updated_at) VALUES (1, 'federation', '宁波市工商联', 'now', 'now');
WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 109)
INSERT INTO organisations (id, kind, name, created_at, updated_at) SELECT i, 'chamber', '商会' || i, 'now', 'now' FROM n;
WITH RECURSIVE n(i) AS (SELECT 110 UNION ALL SELECT i + 1 FROM n WHERE i < 20109)
INSERT INTO organisations (id, kind, name, created_at, updated_at) SELECT i, 'enterprise', '企业' || i, 'now', 'now' FROM n;
WITH RECURSIVE n(i) AS (SELECT 110 UNION ALL SELECT i + 1 FROM n WHERE i < 20109)
INSERT INTO memberships (chamber_id, member_org_id, start_date, created_at, updated_at)
SELECT 2 + i % 108, i, '2020-01-01', 'now', 'now' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
INSERT INTO people (id, kind, name, organisation_id, created_at, updated_at)
SELECT i, 'entrepreneur', '人员' || i, 110 + i % 20000, 'now', 'now' FROM n;
INSERT INTO event_series (id, name, created_at) VALUES (1, '甬商大讲堂', 'now');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO events (id, title, type, series_id, organiser_id, venue, capacity, status, starts_at, ends_at, created_at, updated_at)
SELECT i, '活动' || i,
       CASE i % 10 WHEN 0 THEN 'lecture' WHEN 1 THEN 'salon' WHEN 2 THEN 'training' WHEN 3 THEN 'seminar' WHEN 4 THEN 'forum'
                   WHEN 5 THEN 'tour' WHEN 6 THEN 'dialogue' WHEN 7 THEN 'exhibition' WHEN 8 THEN 'on_site' ELSE 'other' END,
       CASE WHEN i <= 10000 THEN 1 END, 1 + i % 109, '场地' || (i % 300), 50, 'scheduled',
       date('2021-01-01', '+' || ((i * 7) % 1826) || ' days') || 'T' || printf('%02d', 8 + i % 10) || ':00',
       date('2021-01-01', '+' || ((i * 7) % 1826) || ' days') || 'T' || printf('%02d', 10 + i % 10) || ':00',
       '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
FROM n;
INSERT INTO event_sessions (id, event_id, starts_at, ends_at, status) SELECT id, id, starts_at, ends_at, 'scheduled' FROM events;
WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < 19)
INSERT INTO event_attendance (session_id, person_id, event_id, on_date, source, recorded_at)
SELECT e.id, 1 + (e.id * 7919 + k.j * 104729) % 200000, e.id, substr(e.starts_at, 1, 10), 'sheet', 'now'
FROM events e, k;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO event_outcomes (id, event_id, kind, amount_fen, on_date, created_at)
SELECT i, i * 5, CASE i % 4 WHEN 0 THEN 'agreement' WHEN 1 THEN 'intent' WHEN 2 THEN 'credit' ELSE 'procurement' END,
       (i % 1000) * 1000000, substr((SELECT starts_at FROM events WHERE id = i * 5), 1, 10), 'now' FROM n;
COMMIT;
ANALYZE;
SQL
  echo "built a store of 100,000 events and 2,000,000 attendance rows in $(( ($(now) - t0) / 1000000 )) ms"
fi

median() {  # median wall time in microseconds of N runs of the command
  local n=$1; shift
  local times=()
  for _ in $(seq 1 "$n"); do
    local t0; t0=$(now)
    "$@" >/dev/null
    times+=($(( ($(now) - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (n + 1) / 2 ))p"
}

# 1. stats against the sqlite3 shell running the statements gsl runs (EventReportRepository.stats).
cat > "$WORK/stats.sql" <<'SQL'
SELECT e.type AS k, count(DISTINCT s.event_id), count(*) FROM event_sessions s JOIN events e ON e.id = s.event_id
WHERE s.starts_at >= '2023-01-01' AND s.starts_at < '2024-01-01' AND s.status = 'scheduled' AND e.status = 'scheduled' GROUP BY k;
SELECT e.type AS k, count(*), count(DISTINCT a.person_id) FROM event_attendance a JOIN events e ON e.id = a.event_id
WHERE a.on_date >= '2023-01-01' AND a.on_date <= '2023-12-31' GROUP BY k;
SELECT e.type AS k, count(*), coalesce(sum(x.amount_fen), 0) FROM event_outcomes x JOIN events e ON e.id = x.event_id
WHERE x.on_date >= '2023-01-01' AND x.on_date <= '2023-12-31' GROUP BY k;
SELECT count(DISTINCT s.event_id) FROM event_sessions s JOIN events e ON e.id = s.event_id
WHERE s.starts_at >= '2023-01-01' AND s.starts_at < '2024-01-01' AND s.status = 'scheduled' AND e.status = 'scheduled';
SELECT count(DISTINCT person_id) FROM event_attendance WHERE on_date >= '2023-01-01' AND on_date <= '2023-12-31';
SQL
sqlite_stats() { sqlite3 -readonly "$DB" < "$WORK/stats.sql"; }
g=$(median 11 "$GSL" event stats --period 2023 --by type --format csv --db "$DB")
s=$(median 11 sqlite_stats)
python3 -c "import sys; g=int(sys.argv[1])/1000; s=int(sys.argv[2])/1000; r=g/s; print(f'event stats --period 2023 --by type: gsl {g:.1f} ms, sqlite3 shell {s:.1f} ms, ratio {r:.2f} (goal <= 1.5 and < 1000 ms) ' + ('OK' if r <= 1.5 and g < 1000 else 'MISSED'))" "$g" "$s"
"$GSL" event stats --period 2023 --by type --format table --db "$DB" | tail -1

# 2. check-in of a 2,000-row sheet (people 1,001–3,000 with their enterprise), three fresh events.
python3 - "$WORK/sheet.csv" <<'PY'
import sys
with open(sys.argv[1], 'w', encoding='utf-8') as f:
    f.write('姓名,单位\n')
    for i in range(1001, 3001):
        f.write(f'人员{i},企业{110 + i % 20000}\n')
PY
times=()
for k in 1 2 3; do
  id=$("$GSL" event create --title "签到基准$k" --type training --start "2026-06-0$k 09:00" --end "2026-06-0$k 12:00" \
        --format csv --db "$DB" | sed -n 2p | cut -d, -f1)
  t0=$(now)
  "$GSL" event checkin "$id" --sheet "$WORK/sheet.csv" --format ndjson --db "$DB" > "$WORK/checkin.json" 2>/dev/null
  times+=($(( ($(now) - t0) / 1000 )))
done
c=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
counted=$(grep -c '"result":"checked_in"' "$WORK/checkin.json" || true)
python3 -c "import sys; m=int(sys.argv[1])/1000; print(f'event checkin of a 2,000-row sheet: median {m:.1f} ms of 3 ({sys.argv[2]} checked in; goal < 1000 ms) ' + ('OK' if m < 1000 else 'MISSED'))" "$c" "$counted"

# 3. ics of the 10,000 sessions of one series.
i=$(median 11 "$GSL" event ics --series 甬商大讲堂 --db "$DB")
n=$("$GSL" event ics --series 甬商大讲堂 --db "$DB" | grep -c '^BEGIN:VEVENT')
python3 -c "import sys; m=int(sys.argv[1])/1000; print(f'event ics of {sys.argv[2]} sessions: median {m:.1f} ms of 11 (goal < 1000 ms) ' + ('OK' if m < 1000 else 'MISSED'))" "$i" "$n"
