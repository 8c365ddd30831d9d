#!/usr/bin/env bash
# Concurrency: several gsl processes write one store at once, as staff at several desks would.
#
# Each of WRITERS processes runs OPS commands, mixed:
#   - `gsl org edit` of one of 20 shared enterprises with `--expect-version` read just before
#     (an optimistic lock: losing the race is a conflict, exit 75), writing a note unique to the
#     command (`w<writer>-<n>`);
#   - the same edit without a version (last writer wins);
#   - a step of its own requests' life cycle (open, assign, start, answer, evaluate, close).
# Checks: every command exits 0 or 75 and no raw SQLite "database is locked/busy" text reaches
# stderr; `gsl db check` and `gsl audit verify` pass; nothing is lost and nothing is invented:
# the audit log holds exactly one organisation update per successful edit, with its note, and
# each enterprise's note is that of its last logged edit; each request has one event per
# successful step of it. With `gsl audit replay`, the store also equals its log replayed.
#
# Usage: scripts/concurrency-test.sh [GSL] [WRITERS] [OPS]   (defaults: .build/debug/gsl, 4, 500)
set -euo pipefail
GSL=$(realpath "${1:-.build/debug/gsl}")
WRITERS=${2:-4}
OPS=${3:-500}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gsl-concurrency.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export GSL_ACTOR=concurrency-test GSL_LANG=en
DB=$WORK/store.sqlite
command -v sqlite3 >/dev/null || { echo "concurrency-test: the sqlite3 shell is needed" >&2; exit 69; }
quiet() { "$@" >/dev/null 2>"$WORK/setup.err" || { cat "$WORK/setup.err" >&2; exit 1; }; }

quiet "$GSL" init --db "$DB"
quiet "$GSL" ref load --db "$DB"
quiet "$GSL" demo generate --orgs $((20 + WRITERS * 40)) --seed 3 --out "$WORK/firms.csv" --db "$DB"
quiet "$GSL" org import "$WORK/firms.csv" --kind enterprise --db "$DB"
mapfile -t shared < <(sqlite3 "$DB" "SELECT id FROM organisations WHERE kind = 'enterprise' ORDER BY id LIMIT 20")
echo "concurrency-test: $WRITERS writers × $OPS commands on one store, binary $GSL"

# Writer $1: OPS commands; one line per command in $WORK/w$1.log: kind, target, exit code, note.
writer() {
  set +e
  local w=$1 n=0 rc org version note step=0 cases=0 current=""
  local stages=(assign start answer evaluate close)
  local mine
  mapfile -t mine <"$WORK/mine.$w"
  RANDOM=$((w * 7919))
  while [ $n -lt "$OPS" ]; do
    n=$((n + 1))
    note="w$w-$n"
    case $((RANDOM % 3)) in
      0)
        org=${shared[$((RANDOM % ${#shared[@]}))]}
        version=$("$GSL" org show "$org" --format json --db "$DB" 2>>"$WORK/w$w.err" | sed -n 's/.*"version" *: *\([0-9]*\).*/\1/p' | head -1)
        rc=0
        "$GSL" org edit "$org" --note "$note" --expect-version "${version:-0}" --db "$DB" >/dev/null 2>>"$WORK/w$w.err" || rc=$?
        echo "edit $org $rc $note" >>"$WORK/w$w.log"
        ;;
      1)
        org=${shared[$((RANDOM % ${#shared[@]}))]}
        rc=0
        "$GSL" org edit "$org" --note "$note" --db "$DB" >/dev/null 2>>"$WORK/w$w.err" || rc=$?
        echo "edit $org $rc $note" >>"$WORK/w$w.log"
        ;;
      2)
        rc=0
        if [ -z "$current" ]; then
          cases=$((cases + 1))
          local code=${mine[$(((cases - 1) % ${#mine[@]}))]}
          "$GSL" case open --org "$code" --category 融资信贷 --source visit --title "续贷 $note" \
            --date 2025-03-03 --db "$DB" --format csv >"$WORK/open.$w" 2>>"$WORK/w$w.err" || rc=$?
          if [ $rc -eq 0 ]; then current=$(sed -n 2p "$WORK/open.$w" | cut -d, -f1); step=0; fi
          echo "case ${current:-none} $rc open" >>"$WORK/w$w.log"
        else
          local stage=${stages[$step]} extra=()
          case $stage in
            assign) extra=(--lead 市金融办) ;;
            evaluate) extra=(--contacted --solved --satisfaction 满意) ;;
          esac
          "$GSL" case "$stage" "$current" "${extra[@]}" --date 2025-03-1$step --db "$DB" >/dev/null 2>>"$WORK/w$w.err" || rc=$?
          echo "case $current $rc $stage" >>"$WORK/w$w.log"
          if [ $rc -eq 0 ]; then
            step=$((step + 1))
            [ $step -eq ${#stages[@]} ] && current=""
          fi
        fi
        ;;
    esac
  done
}

# Each writer's own enterprises, read before the writers start (the sqlite3 shell has no busy timeout).
for w in $(seq 1 "$WRITERS"); do
  sqlite3 "$DB" "SELECT uscc FROM organisations WHERE kind = 'enterprise' ORDER BY id LIMIT 40 OFFSET $((20 + (w - 1) * 40))" >"$WORK/mine.$w"
done
t0=$(date +%s%N)
for w in $(seq 1 "$WRITERS"); do writer "$w" & done
wait
elapsed=$(( ($(date +%s%N) - t0) / 1000000 ))

fail=0
cat "$WORK"/w*.log >"$WORK/all.log"
total=$(wc -l <"$WORK/all.log")
ok=$(awk '$3 == 0' "$WORK/all.log" | wc -l)
conflicts=$(awk '$3 == 75' "$WORK/all.log" | wc -l)
other=$(awk '$3 != 0 && $3 != 75' "$WORK/all.log" | wc -l)
echo "commands: $total in $elapsed ms — succeeded $ok, conflicts (75) $conflicts, other $other"
echo "  (stderr lines: $(cat "$WORK"/w*.err 2>/dev/null | wc -l); of them 'busy': $(cat "$WORK"/w*.err 2>/dev/null | grep -c busy || true))"
if [ "$other" -ne 0 ]; then
  echo "FAIL: exit codes other than 0 and 75:"; awk '$3 != 0 && $3 != 75' "$WORK/all.log" | head -5; fail=1
fi
if cat "$WORK"/w*.err 2>/dev/null | grep -qiE "database is locked|SQLITE_BUSY|SQLITE_LOCKED"; then
  echo "FAIL: a raw SQLite lock message reached the user:"
  cat "$WORK"/w*.err | grep -iE "database is locked|SQLITE_BUSY|SQLITE_LOCKED" | head -3; fail=1
fi
"$GSL" db check --db "$DB" >/dev/null 2>"$WORK/check.err" || { echo "FAIL: db check: $(cat "$WORK/check.err")"; fail=1; }
"$GSL" audit verify --db "$DB" >/dev/null 2>"$WORK/verify.err" || { echo "FAIL: audit verify: $(cat "$WORK/verify.err")"; fail=1; }

# Edits: the log holds exactly the successful ones, and each enterprise ends with its last note.
awk '$1 == "edit" && $3 == 0 {print $4}' "$WORK/all.log" | sort >"$WORK/edits.ok"
sqlite3 "$DB" "SELECT json_extract(after, '\$.note') FROM audit_log WHERE entity = 'organisation' AND action = 'update' AND json_extract(after, '\$.note') LIKE 'w%-%'" | sort >"$WORK/edits.logged"
if ! cmp -s "$WORK/edits.ok" "$WORK/edits.logged"; then
  echo "FAIL: successful edits ($(wc -l <"$WORK/edits.ok")) and logged edits ($(wc -l <"$WORK/edits.logged")) differ"; fail=1
fi
lost=$(sqlite3 "$DB" "SELECT count(*) FROM organisations o WHERE o.note LIKE 'w%-%' AND o.note IS NOT (SELECT json_extract(a.after, '\$.note') FROM audit_log a WHERE a.entity = 'organisation' AND a.action = 'update' AND a.entity_id = CAST(o.id AS TEXT) ORDER BY a.seq DESC LIMIT 1)")
[ "$lost" -eq 0 ] || { echo "FAIL: $lost enterprises do not hold the note of their last logged edit"; fail=1; }

# Requests: one event per successful step (opening a request records one: its receipt).
awk '$1 == "case" && $3 == 0 && $2 != "none" {n[$2] += 1} END {for (c in n) print c, n[c]}' "$WORK/all.log" | sort -n >"$WORK/steps.ok"
sqlite3 "$DB" "SELECT case_id, count(*) FROM case_events GROUP BY case_id ORDER BY case_id" | tr '|' ' ' >"$WORK/steps.logged"
if ! cmp -s "$WORK/steps.ok" "$WORK/steps.logged"; then
  echo "FAIL: requests' events differ from the successful steps:"; diff "$WORK/steps.ok" "$WORK/steps.logged" | head -5; fail=1
fi

# The store equals its audit log replayed, when this gsl can replay.
if "$GSL" audit --help 2>/dev/null | grep -q " replay "; then
  if "$GSL" audit replay --into "$WORK/replayed.sqlite" --db "$DB" >"$WORK/replay.out" 2>&1; then
    echo "replay: the store equals its audit log replayed"
  else
    echo "FAIL: replay differs: $(tail -3 "$WORK/replay.out")"; fail=1
  fi
fi

if [ $fail -eq 0 ]; then
  echo "concurrency-test: passed — $WRITERS writers, $total commands, $conflicts conflicts reported as 75, nothing lost"
fi
exit $fail
