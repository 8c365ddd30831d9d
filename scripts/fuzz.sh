#!/usr/bin/env bash
# make fuzz: builds gsl-fuzz with libFuzzer and AddressSanitizer (own scratch path, so the normal
# build stays valid) and runs every target for FUZZ_SECONDS from the committed seed corpus
# Tests/Fuzz/corpus/<target>/. New inputs go to .build-fuzz/corpus/<target>/, crashes to
# .build-fuzz/artifacts/. Prints executions and exec/s per target; exits 1 on any crash, hang,
# leak or out-of-memory. FUZZ_TARGETS narrows the list; FUZZ_JOBS is not used (2-core machine).
set -uo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
SCRATCH=.build-fuzz
TARGETS=${FUZZ_TARGETS:-"csv json ndjson encoding amount date codes framework pipeline instance matrix ics profile signin"}

echo "== building gsl-fuzz (-sanitize=fuzzer,address) into $SCRATCH"
# SwiftPM's --sanitize=fuzzer instruments C targets only: the Swift readers need coverage of their own,
# as inline 8-bit counters with a PC table (swiftc's default, trace-pc-guard, is refused by libFuzzer).
# Without it libFuzzer runs blind: no `cov:` in its lines and a corpus that never grows.
"$SWIFT" build -c debug --scratch-path "$SCRATCH" --sanitize=fuzzer --sanitize=address \
    --product gsl-fuzz -Xswiftc -DGSL_FUZZ \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp 2>&1 | grep -v "Cannot export local symbol" | grep -E "error|warning: |Build|Compiling gsl_fuzz" || true
BIN="$SCRATCH/debug/gsl-fuzz"
[[ -x "$BIN" ]] || { echo "gsl-fuzz did not build"; exit 1; }

# Longest input per target: files get room for several rows/nodes, scalars stay short.
max_len() {
    case "$1" in
        amount | date | codes) echo 128 ;;
        framework | pipeline | instance) echo 8192 ;;
        *) echo 4096 ;;
    esac
}

failed=0
printf '\n%-10s %12s %10s %8s  %s\n' target executions exec/s edges result
summary=()
for target in $TARGETS; do
    seeds="Tests/Fuzz/corpus/$target"
    [[ -d "$seeds" ]] || { echo "no seed corpus $seeds"; failed=1; continue; }
    found="$SCRATCH/corpus/$target"
    artifacts="$SCRATCH/artifacts/$target"
    log="$SCRATCH/logs/$target.log"
    mkdir -p "$found" "$artifacts" "$(dirname "$log")"
    GSL_FUZZ_TARGET=$target ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} "$BIN" "$found" "$seeds" \
        -max_total_time="$SECONDS_PER_TARGET" -max_len="$(max_len "$target")" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
    status=$?
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    rate=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    edges=$(grep -oE 'cov: [0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    crash=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //')
    if [[ $status -eq 0 && -z "$crash" ]]; then
        result="no crash"
    else
        result="FAILED (exit $status) ${crash:-see $log}"
        failed=1
    fi
    line=$(printf '%-10s %12s %10s %8s  %s' "$target" "${runs:-?}" "${rate:-?}" "${edges:-none}" "$result")
    echo "$line"
    summary+=("$line")
done
echo
echo "logs: $SCRATCH/logs/; new inputs: $SCRATCH/corpus/ (not committed)"
exit $failed
