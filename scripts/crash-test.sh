#!/usr/bin/env bash
# Crash safety: kill gsl with SIGKILL at random moments of real work and check that the store
# survives and that the interrupted command either completed or left no trace.
#
# Workloads (each run on a fresh copy of one prepared store):
#   import  `gsl org import` of a generated enterprise list (one transaction)
#   cases   `gsl case import` of requests for those enterprises (one transaction)
#   steps   a batch of case transitions, one `gsl` process each (assign, start, answer, evaluate,
#           close over several requests); the whole batch is killed at a random moment
#   checkin `gsl event checkin --sheet` of a sign-in sheet naming every person of the store (walk-ins
#           and their attendances, one transaction)
#   pairing `gsl pair plan` (stores a plan) then `gsl pair apply` (one pairing per chosen pair)
#   demo    `gsl demo generate --out FILE`: the store as before or after, and FILE either absent or
#           exactly the reference run's (no partial file, no stray temporary file beside it)
# A reference run of each workload to completion records, after every command, a signature of the
# store: the row count of every table. After a kill, `gsl db check` and `gsl audit verify` must pass
# and the signature must equal one recorded by the reference run (before the command, after it, or
# for the batch after some number of whole commands): anything else is a partial write.
#
# After each kill of the checkin and pairing workloads `gsl audit replay` must also rebuild the store
# from its log (the new modules' tables included); CRASH_REPLAY=0 leaves it out.
#
# Usage: scripts/crash-test.sh [GSL] [KILLS]   (defaults: .build/debug/gsl, 30)
# Environment: CRASH_ORGS (enterprises, default 20000), CRASH_PEOPLE (people on the sign-in sheet,
# default 4000, at most 16000), CRASH_VILLAGES (villages to pair, default 300), CRASH_SEED (random seed, default:
# the time), CRASH_WORKLOADS (default "import cases steps checkin pairing demo").
set -euo pipefail
GSL=$(realpath "${1:-.build/debug/gsl}")
KILLS=${2:-30}
ORGS=${CRASH_ORGS:-20000}
PEOPLE=${CRASH_PEOPLE:-4000}
VILLAGES=${CRASH_VILLAGES:-300}
read -r -a WORKLOADS <<<"${CRASH_WORKLOADS:-import cases steps checkin pairing demo}"
SEED=${CRASH_SEED:-$(date +%s)}
RANDOM=$SEED
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gsl-crash.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export GSL_ACTOR=crash-test GSL_LANG=en
command -v sqlite3 >/dev/null || { echo "crash-test: the sqlite3 shell is needed (apt-get install sqlite3)" >&2; exit 69; }

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The row count of every table, one line: the store's signature.
signature() {
  local db=$1 tables sql=""
  tables=$(sqlite3 "$db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
  for t in $tables; do sql+="SELECT '$t=' || count(*) FROM \"$t\";"; done
  sqlite3 "$db" "$sql" | tr '\n' ' '
  echo
}

copy_store() { rm -f "$2" "$2-wal" "$2-shm"; sqlite3 "$1" ".backup '$2'"; }

echo "crash-test: seed $SEED, $KILLS kills over ${WORKLOADS[*]}, $ORGS enterprises, binary $GSL"

# Runs a setup command quietly; its stderr is shown when it fails.
quiet() { "$@" >/dev/null 2>"$WORK/setup.err" || { cat "$WORK/setup.err" >&2; exit 1; }; }

# The prepared store: reference data and 200 enterprises for the requests to name; the other
# enterprises of the same generated list are the import workload.
BASE=$WORK/base.sqlite
quiet "$GSL" init --db "$BASE"
quiet "$GSL" ref load --db "$BASE"
quiet "$GSL" demo generate --orgs $((ORGS + 200)) --seed 7 --out "$WORK/all.csv" --db "$BASE"
head -n 201 "$WORK/all.csv" >"$WORK/first.csv"
{ head -n 1 "$WORK/all.csv"; tail -n +202 "$WORK/all.csv"; } >"$WORK/orgs.csv"
quiet "$GSL" org import "$WORK/first.csv" --kind enterprise --db "$BASE"
# Requests: one per enterprise of the prepared store, received on working days of March 2025.
codes=$(sqlite3 "$BASE" "SELECT uscc FROM organisations WHERE uscc IS NOT NULL ORDER BY id LIMIT 200")
{
  echo "企业,类别,标题,描述,来源,优先级,受理日期"
  i=0
  for code in $codes; do
    i=$((i + 1))
    printf '%s,融资信贷,续贷困难 %d,需银行支持,visit,normal,2025-03-%02d\n' "$code" "$i" $(( i % 20 + 1 ))
  done
} >"$WORK/cases.csv"
# The transitions batch works on requests opened in the prepared store.
for code in $(echo "$codes" | head -8); do
  quiet "$GSL" case open --org "$code" --category 融资信贷 --source visit --title 用地审批 --date 2025-03-03 --db "$BASE"
done
ids=$(sqlite3 "$BASE" "SELECT id FROM cases ORDER BY id")
steps=()
for id in $ids; do
  steps+=("case assign $id --lead 市自然资源和规划局 --date 2025-03-04")
  steps+=("case start $id --date 2025-03-05")
  steps+=("case answer $id --date 2025-03-10")
  steps+=("case evaluate $id --contacted --solved --satisfaction 满意 --date 2025-03-12")
  steps+=("case close $id --date 2025-03-12")
done

# Check-in: the federation's lecture, PEOPLE people of the 200 enterprises (unique names, so that
# every line of the sheet matches one person), and a sheet naming all of them with their firm.
quiet "$GSL" org add --name 宁波市工商联 --kind federation --db "$BASE"
quiet "$GSL" event create --title 甬商大讲堂第1期 --type 讲堂 --organiser 宁波市工商联 \
  --start "2025-03-07 14:00" --end "2025-03-07 16:30" --venue 市工商联报告厅 --db "$BASE"
mapfile -t firms < <(sqlite3 "$BASE" "SELECT name FROM organisations WHERE kind = 'enterprise' ORDER BY id LIMIT 200")
surnames=(王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余)
given=(伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平)
{
  echo "姓名,单位"
  n=0
  for s in "${surnames[@]}"; do for a in "${given[@]}"; do for b in "${given[@]}"; do
    [ $n -lt "$PEOPLE" ] || break 3
    echo "$s$a$b,${firms[$((n % ${#firms[@]}))]}"
    n=$((n + 1))
  done; done; done
} >"$WORK/people.csv"
quiet "$GSL" person import "$WORK/people.csv" --db "$BASE"
cp "$WORK/people.csv" "$WORK/sheet.csv"
# Pairing: VILLAGES villages (村委会 codes) with profiles, the 200 enterprises with a capacity of 3.
{
  echo "村代码,村集体经济收入,薄弱村,人口"
  i=0
  for code in $(sqlite3 "$BASE" "SELECT code FROM regions WHERE level = 'village' AND substr(code, 10, 3) BETWEEN '200' AND '399' AND code LIKE '3302%' ORDER BY code LIMIT $VILLAGES"); do
    i=$((i + 1))
    echo "$code,$(( i % 90 + 5 ))万,$([ $((i % 3)) -eq 0 ] && echo 是 || echo 否),$(( i % 2000 + 300 ))"
  done
} >"$WORK/villages.csv"
quiet "$GSL" pair village import "$WORK/villages.csv" --db "$BASE"
{ echo "统一社会信用代码,结对能力,预算"; for code in $codes; do echo "$code,3,50万"; done; } >"$WORK/firms.csv"
quiet "$GSL" pair firm import "$WORK/firms.csv" --db "$BASE"
pairing=("pair plan --campaign 商会联村2025 --max-per-enterprise 3 --min-per-enterprise 0" "pair apply 1 --date 2025-03-01")
mkdir -p "$WORK/out"

# Runs workload $1 on store $2 to completion, writing each signature to $3 (first line: before).
workload() {
  local name=$1 db=$2 out=$3
  case $name in
    import) "$GSL" org import "$WORK/orgs.csv" --kind enterprise --db "$db" >/dev/null 2>&1 ;;
    cases) "$GSL" case import "$WORK/cases.csv" --db "$db" >/dev/null 2>&1 ;;
    steps | pairing)
      local -n cmds=$name
      for s in "${cmds[@]}"; do
        # shellcheck disable=SC2086
        "$GSL" $s --db "$db" >/dev/null 2>&1 || return 1
        [ -z "$out" ] || signature "$db" >>"$out"
      done
      ;;
    checkin) "$GSL" event checkin 1 --sheet "$WORK/sheet.csv" --db "$db" >/dev/null 2>&1 ;;
    demo) "$GSL" demo generate --orgs "$ORGS" --seed 11 --out "$WORK/out/demo.csv" --db "$db" >/dev/null 2>&1 ;;
  esac
}
batch() { [ "$1" = steps ] || [ "$1" = pairing ]; }

declare -A duration
for w in "${WORKLOADS[@]}"; do
  ref=$WORK/ref-$w.sqlite
  copy_store "$BASE" "$ref"
  rm -f "$WORK"/out/*
  signature "$ref" >"$WORK/sig-$w.txt"
  t0=$(now_ms)
  sigs=""
  batch "$w" && sigs=$WORK/sig-$w.txt
  # The uninterrupted run must succeed (a changed command line would make every kill vacuous).
  workload "$w" "$ref" "$sigs" || { echo "crash-test: the reference run of $w failed; run its command by hand" >&2; exit 1; }
  duration[$w]=$(( $(now_ms) - t0 ))
  batch "$w" || signature "$ref" >>"$WORK/sig-$w.txt"
  # Each batch command must have written something (else the kills test nothing).
  if [ "$(sort -u "$WORK/sig-$w.txt" | wc -l)" -lt 2 ] && [ "$w" != demo ]; then
    echo "crash-test: the reference run of $w changed nothing" >&2; exit 1
  fi
  [ "$w" = demo ] && mv "$WORK/out/demo.csv" "$WORK/ref-demo.csv"
  echo "reference run: $w took ${duration[$w]} ms, $(wc -l <"$WORK/sig-$w.txt") signatures"
done

survived=0
completed=0
untouched=0
between=0
demo_written=0
for k in $(seq 1 "$KILLS"); do
  w=${WORKLOADS[$(( (k - 1) % ${#WORKLOADS[@]} ))]}
  trial=$WORK/trial.sqlite
  copy_store "$BASE" "$trial"
  rm -f "$WORK"/out/* "$WORK"/out/.[!.]*
  # Up to a third past the reference duration, so that some kills land after the work is done.
  delay=$(( RANDOM * RANDOM % (duration[$w] * 4 / 3 + 1) ))
  workload "$w" "$trial" "" &
  pid=$!
  sleep "$(printf '0.%03d' $((delay % 1000)))"
  sleep $((delay / 1000))
  # SIGKILL every gsl the workload started (stopped first, so that it starts no other).
  kill -STOP "$pid" 2>/dev/null || true
  pkill -KILL -P "$pid" 2>/dev/null || true
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  ok=1
  if ! "$GSL" db check --db "$trial" >/dev/null 2>"$WORK/check.err"; then
    echo "kill $k ($w after ${delay} ms): gsl db check failed: $(cat "$WORK/check.err")"; ok=0
  fi
  if ! "$GSL" audit verify --db "$trial" >/dev/null 2>"$WORK/verify.err"; then
    echo "kill $k ($w after ${delay} ms): gsl audit verify failed: $(cat "$WORK/verify.err")"; ok=0
  fi
  if [ "${CRASH_REPLAY:-1}" = 1 ] && { [ "$w" = checkin ] || [ "$w" = pairing ]; }; then
    rm -f "$WORK/replayed.sqlite"
    if ! "$GSL" audit replay --into "$WORK/replayed.sqlite" --db "$trial" >"$WORK/replay.out" 2>&1; then
      echo "kill $k ($w after ${delay} ms): gsl audit replay differs: $(tail -2 "$WORK/replay.out")"; ok=0
    fi
  fi
  if [ "$w" = demo ]; then
    # The output file: absent, or the reference run's bytes; nothing else in its folder.
    left=$(find "$WORK/out" -mindepth 1 ! -name demo.csv | head -3)
    if [ -n "$left" ]; then echo "kill $k (demo after ${delay} ms): stray files: $left"; ok=0; fi
    if [ -e "$WORK/out/demo.csv" ] && ! cmp -s "$WORK/out/demo.csv" "$WORK/ref-demo.csv"; then
      echo "kill $k (demo after ${delay} ms): a partial output file ($(wc -c <"$WORK/out/demo.csv") bytes)"; ok=0
    fi
    [ -e "$WORK/out/demo.csv" ] && demo_written=$((demo_written + 1))
  fi
  sig=$(signature "$trial")
  line=$(grep -nxF -- "$sig" "$WORK/sig-$w.txt" | head -1 | cut -d: -f1 || true)
  total=$(wc -l <"$WORK/sig-$w.txt")
  if [ -z "$line" ]; then
    echo "kill $k ($w after ${delay} ms): a partial write — the store matches no state of the reference run"
    echo "  found:    $sig"
    ok=0
  elif [ "$line" -eq 1 ]; then untouched=$((untouched + 1))
  elif [ "$line" -eq "$total" ]; then completed=$((completed + 1))
  else between=$((between + 1))
  fi
  [ $ok -eq 1 ] && survived=$((survived + 1))
  echo "kill $k: $w after ${delay} ms — state ${line:-none} of $total$([ $ok -eq 1 ] && echo ", survived" || echo ", FAILED")"
done

echo "crash-test: kills survived $survived / $KILLS (interrupted before any write: $untouched," \
  "after the last: $completed, between whole commands of a batch: $between; demo files complete: $demo_written)"
[ "$survived" -eq "$KILLS" ]
