#!/usr/bin/env bash
# Detection evaluation over every test source: generates the sources (cached), runs `clusters` on
# each and prints one table (Tests/sources/score.py).
#
# usage: bash Tests/sources/eval.sh BIN OUTDIR [--base BASE_OUTDIR]
#   BIN      an `investigate` executable (release build: debug is far slower)
#   OUTDIR   OUTDIR/src holds the generated sources and their truth files (kept and reused: a
#            source is generated again only when its truth file is missing; the built-in ones
#            with BIN's `generate`, so delete them when the generator changes); OUTDIR/json
#            the ranked clusters per source; OUTDIR/table.txt the printed table
#   --base   another OUTDIR run on the same sources (say, main's binary): rows show base -> this
#
# Sources: Tests/sources/heldout12-17.py (12a ... 17b), blender_hydra.py seeds 7, 11, 23,
# common_wrapper.py (cwrap-5k: 10% of 5,000 use a common wrapper; cwrap-short: 20%, short
# questions, so the frame is the prompt's end), sittings.py seeds 5 and 9 (sit5, sit9: relay crews
# and shift pools sharing only their sittings, and co-sitting look-alikes), long_answers.py seeds 3
# and 8 (la3, la8: rings and look-alikes (a labelling vendor, an olympiad club, a benchmark team, a
# publisher) whose answers are long, written in session 49 without reading the engine) and the
# built-in generator's scenarios as the README reports them (hydra, tooling, pods 5k seed 7 and
# 3k seed 11, mixed 5k seed 7). Each is run as
#   INVESTIGATE_SNAPSHOTS=off BIN clusters SRC --fresh --top 400 --format json
# two at a time (JOBS=1 for one). Scoring: see score.py (top 6 and top 12, risk >= 0.5).
set -euo pipefail

if [ $# -lt 2 ]; then
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
OUT=$2
shift 2
BASE=()
if [ "${1:-}" = "--base" ]; then BASE=(--base "$2/json"); fi
HERE=$(cd "$(dirname "$0")" && pwd)
JOBS=${JOBS:-2}
SRC=$OUT/src
mkdir -p "$SRC" "$OUT/json" "$OUT/log"
[ -x "$BIN" ] || { echo "eval.sh: $BIN is not an executable" >&2; exit 2; }
start=$(date +%s)

# Generation commands, one a line: the source names it writes, a tab, the command (run in $SRC).
generators() {
    local py="python3 $HERE"
    printf '12a 12b\t%s/heldout12.py .\n' "$py"
    printf '13a 13b\t%s/heldout13.py .\n' "$py"
    printf '14a 14b\t%s/heldout14.py .\n' "$py"
    printf '15a 15b\t%s/heldout15.py .\n' "$py"
    printf '16a 16b\t%s/heldout16.py . both\n' "$py"
    printf '17a 17b\t%s/heldout17.py . a b\n' "$py"
    printf 'cwrap-5k\t%s/common_wrapper.py cwrap-5k 5 5000 10 80\n' "$py"
    printf 'cwrap-short\t%s/common_wrapper.py cwrap-short 9 5000 20 0\n' "$py"
    for seed in 5 9; do printf 'sit%s\t%s/sittings.py sit%s %s\n' "$seed" "$py" "$seed" "$seed"; done
    for seed in 3 8; do printf 'la%s\t%s/long_answers.py la%s %s\n' "$seed" "$py" "$seed" "$seed"; done
    for seed in 7 11 23; do printf 'blender%s\t%s/blender_hydra.py blender%s %s\n' "$seed" "$py" "$seed" "$seed"; done
    for scenario in hydra tooling pods; do
        printf '%s-5k\t"%s" generate %s-5k --accounts 5000 --seed 7 --scenario %s\n' "$scenario" "$BIN" "$scenario" "$scenario"
        printf '%s-3k\t"%s" generate %s-3k --accounts 3000 --seed 11 --scenario %s\n' "$scenario" "$BIN" "$scenario" "$scenario"
    done
    printf 'mixed-5k\t"%s" generate mixed-5k --accounts 5000 --seed 7 --scenario mixed\n' "$BIN"
}

# Sources not yet there, generated $JOBS at a time.
missing=()
names=()
while IFS=$'\t' read -r made command; do
    need=0
    for name in $made; do
        names+=("$name")
        [ -s "$SRC/$name.truth.json" ] || need=1
    done
    if [ $need = 1 ]; then missing+=("$command"); fi
done < <(generators)
if [ ${#missing[@]} -gt 0 ]; then
    echo "generating ${#missing[@]} source sets in $SRC ..." >&2
    printf '%s\n' "${missing[@]}" |
        (cd "$SRC" && xargs -P "$JOBS" -I{} sh -c '{} > /dev/null 2>>generate.log || { echo "failed: {}" >&2; exit 255; }')
fi
for name in "${names[@]}"; do
    [ -s "$SRC/$name.truth.json" ] || { echo "eval.sh: $SRC/$name.truth.json was not written" >&2; exit 1; }
done
gen_done=$(date +%s)

# Clusters per source, $JOBS at a time; a source's JSON is written whole or not at all.
printf '%s\n' "${names[@]}" | xargs -P "$JOBS" -I{} sh -c '
    /usr/bin/time -f "%e s wall, %U s user, %M KB peak" -o "'"$OUT"'/log/{}.time" \
        env INVESTIGATE_SNAPSHOTS=off "'"$BIN"'" clusters "'"$SRC"'/{}" --fresh --top 400 --format json \
        > "'"$OUT"'/json/{}.json.part" 2> "'"$OUT"'/log/{}.err" &&
        mv "'"$OUT"'/json/{}.json.part" "'"$OUT"'/json/{}.json" || { echo "clusters failed on {} (see '"$OUT"'/log/{}.err)" >&2; exit 255; }'
end=$(date +%s)

# score.py exits 1 when a row got worse against --base: the table and the timing are printed
# first either way, and that status is this script's.
status=0
python3 "$HERE/score.py" "$SRC" "$OUT/json" ${BASE[@]+"${BASE[@]}"} | tee "$OUT/table.txt" || status=$?
echo "binary $BIN; ${#names[@]} sources; generation $((gen_done - start)) s, clusters $((end - gen_done)) s ($JOBS at a time)" |
    tee -a "$OUT/table.txt"
exit "$status"
