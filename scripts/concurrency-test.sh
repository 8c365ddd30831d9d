#!/usr/bin/env bash
# Concurrency: several gsl processes write one store at once, as staff at several desks would.
#
# Each of WRITERS processes runs OPS commands, mixed:
#   - `gsl org edit` of one of 20 shared enterprises with `--expect-version` read just before
#     (an optimistic lock: losing the race is a conflict, exit 75), writing a note unique to the
#     command (`w<writer>-<n>`);
#   - the same edit without a version (last writer wins);
#   - a step of its own requests' life cycle (open, assign, start, answer, evaluate, close);
#   - an event registration of one of its own people to one of 3 shared events with 12 seats (the
#     waiting list takes the rest), or the cancellation of one of its registrations (which promotes
#     the first on the waiting list);
#   - a match posting of its own demand, or the proposal of its last demand to a shared supply;
#   - the next follow-through step (introduce, negotiate, deal) of one of 40 shared proposals, with
#     `--expect-version` read just before (losing the race is a conflict, exit 75).
# Checks: every command exits 0 or 75 and no raw SQLite "database is locked/busy" text reaches
# stderr; `gsl db check` and `gsl audit verify` pass; nothing is lost and nothing is invented:
# the audit log holds exactly one organisation update per successful edit, with its note, and
# each enterprise's note is that of its last logged edit; each request has one event per
# successful step of it; no event has more seats taken than it has, nor a waiting list beside a
# free seat; every successful registration, cancellation, posting, proposal and step is in its
# table exactly once. With `gsl audit replay`, the store also equals its log replayed.
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
# Events: 3 lectures of 12 seats; 30 people per writer.
quiet "$GSL" org add --name 宁波市工商联 --kind federation --db "$DB"
for e in 1 2 3; do
  quiet "$GSL" event create --title "甬商大讲堂第${e}期" --type 讲堂 --organiser 宁波市工商联 --capacity 12 \
    --start "2025-04-1$e 14:00" --end "2025-04-1$e 16:30" --db "$DB"
done
{ echo "姓名"; for w in $(seq 1 "$WRITERS"); do for i in $(seq 1 30); do echo "听众w${w}n$i"; done; done; } >"$WORK/people.csv"
quiet "$GSL" person import "$WORK/people.csv" --db "$DB"
# Matching: 10 shared supplies and 40 shared demands, each demand proposed to one supply.
for i in $(seq 1 10); do
  quiet "$GSL" match post --ref "S$i" --side supply --kind project --org "${shared[$((i - 1))]}" \
    --title "合作项目$i" --date 2025-03-01 --db "$DB"
done
for i in $(seq 1 40); do
  quiet "$GSL" match post --ref "D$i" --side demand --kind project --org "${shared[$((i % 20))]}" \
    --title "寻求合作$i" --date 2025-03-01 --db "$DB"
  quiet "$GSL" match propose "D$i" "S$(( (i - 1) % 10 + 1 ))" --date 2025-03-02 --db "$DB"
done
echo "concurrency-test: $WRITERS writers × $OPS commands on one store, binary $GSL"

# Writer $1: OPS commands; one line per command in $WORK/w$1.log: kind, target, exit code, note.
writer() {
  set +e
  local w=$1 n=0 rc org version note step=0 cases=0 current=""
  local stages=(assign start answer evaluate close)
  local mine people registered=() posted=0 unproposed=""
  mapfile -t mine <"$WORK/mine.$w"
  mapfile -t people <"$WORK/people.$w"
  local next_person=0
  RANDOM=$((w * 7919))
  while [ $n -lt "$OPS" ]; do
    n=$((n + 1))
    note="w$w-$n"
    case $((RANDOM % 6)) in
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
      3)
        rc=0
        if [ ${#registered[@]} -gt 0 ] && [ $((RANDOM % 3)) -eq 0 ]; then
          local pick=$((RANDOM % ${#registered[@]}))
          local pair=${registered[$pick]}
          "$GSL" event cancel "${pair%:*}" --person "${pair#*:}" --date 2025-03-02 --db "$DB" >/dev/null 2>>"$WORK/w$w.err" || rc=$?
          echo "reg $pair $rc cancel" >>"$WORK/w$w.log"
          [ $rc -eq 0 ] && registered=("${registered[@]:0:$pick}" "${registered[@]:$((pick + 1))}")
        else
          local person=${people[$((next_person % ${#people[@]}))]} event=$((next_person / ${#people[@]} % 3 + 1))
          next_person=$((next_person + 1))
          "$GSL" event register "$event" --person "$person" --date 2025-03-01 --db "$DB" >/dev/null 2>>"$WORK/w$w.err" || rc=$?
          echo "reg $event:$person $rc register" >>"$WORK/w$w.log"
          [ $rc -eq 0 ] && registered+=("$event:$person")
        fi
        ;;
      4)
        rc=0
        if [ -n "$unproposed" ]; then
          "$GSL" match propose "$unproposed" "S$((RANDOM % 10 + 1))" --date 2025-03-02 --db "$DB" >/dev/null 2>>"$WORK/w$w.err" || rc=$?
          echo "propose $unproposed $rc" >>"$WORK/w$w.log"
          [ $rc -eq 0 ] && unproposed=""
        else
          posted=$((posted + 1))
          local ref="W${w}D$posted"
          "$GSL" match post --ref "$ref" --side demand --kind project --org "${mine[$((posted % ${#mine[@]}))]}" \
            --title "寻求合作 $note" --date 2025-03-01 --db "$DB" >/dev/null 2>>"$WORK/w$w.err" || rc=$?
          echo "post $ref $rc" >>"$WORK/w$w.log"
          [ $rc -eq 0 ] && unproposed=$ref
        fi
        ;;
      5)
        # The next step of a shared proposal, as read just before (optimistic lock).
        local proposal=$((RANDOM % 40 + 1)) shown allowed version stepname extra=()
        shown=$("$GSL" match proposal "$proposal" --format json --db "$DB" 2>>"$WORK/w$w.err")
        allowed=$(echo "$shown" | sed -n 's/.*"allowed" *: *"\([^"]*\)".*/\1/p' | head -1)
        version=$(echo "$shown" | sed -n 's/.*"version" *: *\([0-9]*\).*/\1/p' | head -1)
        stepname=""
        for candidate in introduce negotiate deal; do
          [[ ",$allowed," == *",$candidate,"* ]] && { stepname=$candidate; break; }
        done
        if [ -z "$stepname" ]; then
          echo "step $proposal skip none" >>"$WORK/w$w.log"
        else
          [ "$stepname" = deal ] && extra=(--amount 100万)
          rc=0
          "$GSL" match "$stepname" "$proposal" "${extra[@]}" --expect-version "${version:-0}" --date 2025-03-05 \
            --note "$note" --db "$DB" >/dev/null 2>>"$WORK/w$w.err" || rc=$?
          echo "step $proposal $rc $stepname" >>"$WORK/w$w.log"
        fi
        ;;
    esac
  done
}

# Each writer's own enterprises, read before the writers start (the sqlite3 shell has no busy timeout).
for w in $(seq 1 "$WRITERS"); do
  sqlite3 "$DB" "SELECT uscc FROM organisations WHERE kind = 'enterprise' ORDER BY id LIMIT 40 OFFSET $((20 + (w - 1) * 40))" >"$WORK/mine.$w"
  sqlite3 "$DB" "SELECT id FROM people WHERE name LIKE '听众w${w}n%' ORDER BY id" >"$WORK/people.$w"
done
t0=$(date +%s%N)
for w in $(seq 1 "$WRITERS"); do writer "$w" & done
wait
elapsed=$(( ($(date +%s%N) - t0) / 1000000 ))

fail=0
cat "$WORK"/w*.log >"$WORK/all.log"
total=$(wc -l <"$WORK/all.log")
ok=$(awk '$3 == 0' "$WORK/all.log" | wc -l)
skipped=$(awk '$3 == "skip"' "$WORK/all.log" | wc -l)
conflicts=$(awk '$3 == 75' "$WORK/all.log" | wc -l)
other=$(awk '$3 != 0 && $3 != 75 && $3 != "skip"' "$WORK/all.log" | wc -l)
echo "commands: $((total - skipped)) in $elapsed ms — succeeded $ok, conflicts (75) $conflicts, other $other" \
  "($skipped steps skipped: the proposal had reached its deal)"
echo "  (registrations: $(awk '$1 == "reg" && $4 == "register"' "$WORK/all.log" | wc -l), cancellations: $(awk '$1 == "reg" && $4 == "cancel"' "$WORK/all.log" | wc -l))"
for kind in edit case reg post propose step; do
  printf '  %-8s %5d run, %5d succeeded, %4d conflicts\n' "$kind" "$(awk -v k=$kind '$1 == k && $3 != "skip"' "$WORK/all.log" | wc -l)" \
    "$(awk -v k=$kind '$1 == k && $3 == 0' "$WORK/all.log" | wc -l)" "$(awk -v k=$kind '$1 == k && $3 == 75' "$WORK/all.log" | wc -l)"
done
echo "  (stderr lines: $(cat "$WORK"/w*.err 2>/dev/null | wc -l); of them 'busy': $(cat "$WORK"/w*.err 2>/dev/null | grep -c busy || true))"
if [ "$other" -ne 0 ]; then
  echo "FAIL: exit codes other than 0 and 75:"; awk '$3 != 0 && $3 != 75 && $3 != "skip"' "$WORK/all.log" | head -5; fail=1
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

# Registrations: no event over its seats, no waiting list beside a free seat; one registration
# row per successful registration, one 'cancelled' log entry per successful cancellation.
over=$(sqlite3 "$DB" "SELECT e.id FROM events e WHERE (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status IN ('registered', 'approved', 'attended')) > e.capacity OR ((SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted') > 0 AND (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status IN ('registered', 'approved', 'attended')) < e.capacity)")
[ -z "$over" ] || { echo "FAIL: events with more seats taken than they have, or a waiting list beside a free seat: $over"; fail=1; }
# Compares the commands of the log that succeeded (awk condition $2) with the rows holding them
# (SQL $3); $1 names them.
expect_rows() {
  local want got
  want=$(awk "$2" "$WORK/all.log" | wc -l)
  got=$(sqlite3 "$DB" "$3")
  [ "$want" -eq "$got" ] || { echo "FAIL: $want successful $1, $got in the store"; fail=1; }
}
expect_rows registrations '$1 == "reg" && $3 == 0 && $4 == "register"' "SELECT count(*) FROM event_registrations"
expect_rows cancellations '$1 == "reg" && $3 == 0 && $4 == "cancel"' \
  "SELECT count(*) FROM event_registration_log WHERE to_status = 'cancelled'"
# Matching: one posting per successful post, one proposal per successful propose, and each shared
# proposal has exactly the steps that succeeded on it.
expect_rows postings '$1 == "post" && $3 == 0' "SELECT count(*) FROM match_postings WHERE ref LIKE 'W%'"
expect_rows proposals '$1 == "propose" && $3 == 0' \
  "SELECT count(*) FROM match_proposals p JOIN match_postings d ON d.id = p.demand_id WHERE d.ref LIKE 'W%'"
awk '$1 == "step" && $3 == 0 {print $2, $4}' "$WORK/all.log" | sort >"$WORK/match.ok"
sqlite3 "$DB" "SELECT proposal_id, step FROM match_events WHERE step IN ('introduce', 'negotiate', 'deal') AND proposal_id <= 40" | tr '|' ' ' | sort >"$WORK/match.logged"
if ! cmp -s "$WORK/match.ok" "$WORK/match.logged"; then
  echo "FAIL: proposals' steps differ from the successful steps:"; diff "$WORK/match.ok" "$WORK/match.logged" | head -5; fail=1
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
  echo "concurrency-test: passed — $WRITERS writers, $((total - skipped)) commands, $conflicts conflicts reported as 75, nothing lost"
fi
exit $fail
