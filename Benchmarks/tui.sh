#!/usr/bin/env bash
# TUI benchmark (issue 15): per key, the time from reading the key to the end of the refresh
# (GSL_TUI_TRACE), with the app driven through tmux on a store of N requests (default 1,000,000;
# bash Benchmarks/tui.sh GSL [N]). Keys: the requests screen, 300 × j (crossing page loads), 30 ×
# PgDn, 40 × k, Tab into the detail pane and back, the overdue filter on (a page of the SLA view),
# 50 × j in it and off again, then every other screen. Goals: median < 20 ms,
# p99 < 50 ms. No reference tool exists for a full-screen app's key latency; the figure stands alone.
set -euo pipefail
GSL=$(realpath "${1:-.build/release/gsl}")
N=${2:-1000000}
WORK=.build-bench/tui
mkdir -p "$WORK"
if [ "$N" = 1000000 ]; then DB=.build-bench/casework/cases.sqlite; else DB="$WORK/cases-$N.sqlite"; fi
command -v tmux >/dev/null || { echo "tui: tmux is not installed; skipped"; exit 0; }
bash "$(dirname "$0")/gen-cases.sh" "$GSL" "$DB" "$N"

TRACE="$WORK/trace.tsv"
SOCKET="gsl-bench-tui-$$"
rm -f "$TRACE"
tmux -u -L "$SOCKET" -f /dev/null new-session -d -s bench -x 120 -y 40 \
  "env GSL_TUI_TRACE=$TRACE GSL_ACTOR=bench LANG=C.UTF-8 TERM=xterm-256color $GSL tui --db $DB"
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null || true' EXIT
wait_for() {  # text: poll the pane until it shows it (60 s)
  for _ in $(seq 1 1200); do
    tmux -L "$SOCKET" capture-pane -p -t bench | grep -q "$1" && return 0
    sleep 0.05
  done
  echo "tui: timed out waiting for $1" >&2
  tmux -L "$SOCKET" capture-pane -p -t bench >&2
  exit 1
}
t0=$(date +%s%N)
wait_for "诉求（按状态）"
echo "start-up with the dashboard (state counts, first page of the overdue SLA view, index, events): $(( ($(date +%s%N) - t0) / 1000000 )) ms"
press() {  # key, times: one key at a time, as a person types (20 ms apart)
  for _ in $(seq 1 "${2:-1}"); do
    tmux -L "$SOCKET" send-keys -t bench "$1"
    sleep 0.02
  done
}
press 2
wait_for "队列"
press j 300
press NPage 30
press k 40
press Tab; press j 10; press Tab
press o; press j 50; press o
press 3; press 4; press 5; press 6; press 7; press 1; press 2
sleep 0.5
press q
sleep 0.5
python3 - "$TRACE" "$N" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
times = sorted(int(r[1]) / 1000 for r in rows if r[0] != "q")
n = len(times)
median = times[n // 2] if n % 2 else (times[n // 2 - 1] + times[n // 2]) / 2
p99 = times[min(n - 1, int(0.99 * n + 0.5) - 1)]
ok = lambda v, g: "OK" if v < g else "MISSED"
print(f"tui keys on {int(sys.argv[2]):,} requests: {n} keys, median {median:.2f} ms (goal < 20 ms) {ok(median, 20)}, "
      f"p99 {p99:.2f} ms (goal < 50 ms) {ok(p99, 50)}, max {times[-1]:.2f} ms")
PY
