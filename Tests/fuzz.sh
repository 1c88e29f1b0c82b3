#!/usr/bin/env bash
# Fuzzes the parsers (JSONL lines, CSV streams, gzip streams, timestamps, zip bundles) with libFuzzer and
# AddressSanitizer, each for a bounded time, starting from the committed seed corpus
# (Tests/Fuzz/corpus/TARGET; new inputs go to a temporary folder, never into the repo).
# Usage: Tests/fuzz.sh [SECONDS_PER_TARGET]   (default 60). Exit status non-zero on a finding;
# the crashing input is kept in .build-fuzz/findings/.
set -u
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
SCRATCH=.build-fuzz
swift build --scratch-path "$SCRATCH" --product investigate-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING 2>&1 | tail -3
BIN=$(swift build --scratch-path "$SCRATCH" --show-bin-path)/investigate-fuzz
[ -x "$BIN" ] || { echo "fuzz build failed"; echo "0 passed, 1 failed"; exit 1; }
mkdir -p "$SCRATCH/findings"
PASS=0
FAIL=0
for target in jsonl csv gzip timestamp zip; do
    work=$(mktemp -d)
    if FUZZ_TARGET=$target "$BIN" "$work" "Tests/Fuzz/corpus/$target" -max_total_time="$SECONDS_PER_TARGET" \
        -max_len=4096 -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$SCRATCH/findings/$target-" \
        -print_final_stats=1 >"$work.log" 2>&1; then
        PASS=$((PASS + 1))
        echo "ok   fuzz $target: $(grep -E '^stat::number_of_executed_units' "$work.log" | awk '{print $2}') runs in ${SECONDS_PER_TARGET}s"
    else
        FAIL=$((FAIL + 1))
        echo "FAIL fuzz $target"
        grep -E 'ERROR|Fatal|Precondition|SUMMARY|Test unit written' "$work.log" | head -10 | sed 's/^/     | /'
    fi
    rm -rf "$work" "$work.log"
done
echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
