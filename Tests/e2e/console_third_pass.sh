#!/usr/bin/env bash
# End-to-end tests of the console's third pass (the leftovers of a new-user trial after issue 14),
# one section per finding, in a real terminal (tmux) at 80x24 on the real binary. Builds nothing:
# run `swift build` first; the binary is taken from `swift build --show-bin-path` (or $INVESTIGATE).
# Usage: Tests/e2e/console_third_pass.sh [CASE_DIR]   (default: SampleCases/hydra)
set -u
cd "$(dirname "$0")/../.."
E2E_TAG=e2e3
E2E_TITLE="console third pass"
. Tests/e2e/lib/console_harness.bash
# mode PATH: the file's permission bits in octal (600).
mode() { stat -c '%a' "$1" 2>/dev/null || stat -f '%Lp' "$1" 2>/dev/null; }

# --- 1. the case sheet lists tags in a stable, explained order ---------------------------------
start t1 80x24
if wait_for t1 '^> c1 ' 60; then
    keys t1 Enter
    wait_for t1 '^ Triage > cluster c1' 10
    # Three accounts marked out of risk order: the last, the fourth from last, the first.
    keys t1 G Space k k k Space g Space
    typed t1 't'; typed t1 'ring'; keys t1 Enter
    wait_for t1 "tagged 3 rows 'ring'" 20
    keys t1 Escape BSpace T
    typed t1 'whole'; keys t1 Enter
    wait_for t1 "tagged cluster c1" 20
    typed t1 ':case'; keys t1 Enter
    check "1: the case sheet's header says the tags are grouped by label" t1 '^case: .* tagged rows \(by label\)'
    ROWS=$(screen t1 | grep -E '^[> ][* ]tag ' | sed -E 's/^[> ][* ]tag +([^ ]+) \(([a-z]+)\) +([^ ]+).*/\3 \2 \1/')
    # Each label set is one run; within it the cluster comes first, then the accounts in id order.
    if echo "$ROWS" | python3 -c '
import sys
rows = [l.split() for l in sys.stdin.read().splitlines() if l.strip()]
runs = [r[0] for i, r in enumerate(rows) if i == 0 or rows[i - 1][0] != r[0]]
ok = len(rows) >= 4 and len(runs) == len(set(runs))
for label in set(runs):
    group = [(r[1] != "cluster", r[2].encode()) for r in rows if r[0] == label]
    ok = ok and group == sorted(group)
ok = ok and any(r[1] == "cluster" and r[2] == "c1" for r in rows)
sys.exit(0 if ok else 1)'; then
        ok "1: tags grouped by label, each group's cluster first, then its accounts in id order"
    else bad "1: tags grouped by label, each group's cluster first, then its accounts in id order" "$(screen t1)"; fi
else bad "1: console starts" "$(screen t1)"; fi
stop t1

# --- 2. the graph legend at 80x24, and no title runs into its counter --------------------------
start t2 80x24
if wait_for t2 '^> c1 ' 60; then
    keys t2 Enter Tab Tab Tab
    wait_for t2 '^  account +A' 10
    SCREEN=$(screen t2)
    HEADER=$(echo "$SCREEN" | grep -n '^  account ' | head -1)
    N=${HEADER%%:*}
    LETTERS=$(echo "${HEADER#*:}" | awk '{for (i = 2; i <= NF; i++) print $i}')
    LEGEND=$(echo "$SCREEN" | sed -n "6,$((N - 1))p" | tr '\n' ' ')
    MISSING=""
    for L in $LETTERS; do echo " $LEGEND" | grep -q "[ ]$L " || MISSING="$MISSING $L"; done
    if [ -n "$LETTERS" ] && [ -z "$MISSING" ]; then ok "2: the legend names every column drawn ($(echo $LETTERS | wc -w) columns)"
    else bad "2: the legend names every column drawn (missing:$MISSING)" "$SCREEN"; fi
    TITLE=$(echo "$SCREEN" | sed -n 5p)
    if echo "$TITLE" | grep -q 'values *$'; then
        COUNT=$(echo "$TITLE" | grep -oE '[0-9]+ of [0-9]+ values')
        DRAWN=${COUNT%% of*}; ALL=$(echo "$COUNT" | awk '{print $3}')
        if echo "$TITLE" | grep -Eq '… +[0-9]+/[0-9]+ accounts' && { [ "$DRAWN" = "$ALL" ] || echo "$LEGEND" | grep -q "+$((ALL - DRAWN)) more values"; }; then
            ok "2: the graph's title is cut before its counter, and the legend says how many more"
        else bad "2: the graph's title is cut before its counter, and the legend says how many more" "$SCREEN"; fi
    else
        if echo "$TITLE" | grep -q '^graph: accounts (rows) x shared values (columns); j/k move, Enter opens *$'; then ok "2: the graph's title is whole (no counter needed)"
        else bad "2: the graph's title is whole" "$SCREEN"; fi
    fi
    keys t2 Tab Tab
    wait_for t2 '^how members connect' 10
    if screen t2 | sed -n 5p | grep -Eq '^how members connect \(j/k move, Enter pivots, Tab: risk breakdown\)( +[0-9]+/[0-9]+)? *$|… +[0-9]+/[0-9]+ *$'; then
        ok "2: the connect pane's title and counter do not collide"
    else bad "2: the connect pane's title and counter do not collide" "$(screen t2)"; fi
else bad "2: console starts" "$(screen t2)"; fi
stop t2

# --- 3. help readable at 80x24 ------------------------------------------------------------------
start t3 80x24
if wait_for t3 '^> c1 ' 60; then
    keys t3 '?'
    wait_for t3 'lines 1-20 of' 10
    SEEN=$(screen t3)
    for _ in $(seq 1 8); do keys t3 PageDown; sleep 0.2; SEEN="$SEEN
$(screen t3)"; done
    MISSING=""
    for C in move-down column-right sort mark mark-matching tag-cluster undo case-field copy-id command-line close-overlay; do
        echo "$SEEN" | grep -Eq "^ [^ ].* $C +[a-z]" || MISSING="$MISSING $C"
    done
    if [ -z "$MISSING" ]; then ok "3: every command is on the help screen at 80 columns"
    else bad "3: every command is on the help screen at 80 columns (missing:$MISSING)" "$SEEN"; fi
    if echo "$SEEN" | grep -q '^ \{30,\}table order' && echo "$SEEN" | grep -q 'Esc closes\.'; then
        ok "3: long help lines wrap instead of being cut, and the last line is reachable"
    else bad "3: long help lines wrap, the last line is reachable" "$SEEN"; fi
else bad "3: console starts" "$(screen t3)"; fi
stop t3

# --- 4. Tab in the tag prompt completes the case's labels -------------------------------------
start t4 80x24
if wait_for t4 '^> c1 ' 60; then
    keys t4 t; typed t4 'ring-alpha'; keys t4 Enter
    wait_for t4 "tagged 1 row 'ring-alpha'" 20
    keys t4 j t; typed t4 'ring-a'; keys t4 Tab
    check "4: Tab completes an existing label" t4 '^:tag ring-alpha_'
    keys t4 Escape
else bad "4: console starts" "$(screen t4)"; fi
stop t4

# --- 5. a filter that does not parse is refused, the prompt kept ------------------------------
start t5 80x24
if wait_for t5 '^> c1 ' 60; then
    keys t5 Enter
    wait_for t5 '^ Triage > cluster c1' 10
    keys t5 f; typed t5 'risk>>0.5'; keys t5 Enter
    check "5: the filter is refused, naming where it fails" t5 "filter refused at character 6: '>' where a value should follow 'risk>'"
    check "5: the prompt is kept with its text" t5 '^filter: risk>>0\.5_'
    keys t5 C-u; typed t5 'risk>0.5'; keys t5 Enter
    check "5: the fixed filter applies" t5 'filter: risk>0\.5  [0-9]+/[0-9]+ *$'
else bad "5: console starts" "$(screen t5)"; fi
stop t5

# --- 6. Space marks and moves down, as help says -------------------------------------------------
start t6 80x24
if wait_for t6 '^> c1 ' 60; then
    keys t6 Space
    check "6: Space marks the row and moves down" t6 '^> c2 '
    if screen t6 | grep -q '^ \*c1 '; then ok "6: the row above is marked"; else bad "6: the row above is marked" "$(screen t6)"; fi
    keys t6 '?'
    wait_for t6 'lines 1-20 of' 10
    SEEN=$(screen t6); keys t6 PageDown; sleep 0.3; SEEN="$SEEN$(screen t6)"
    if echo "$SEEN" | grep -q 'mark or unmark the row, then move down'; then ok "6: help says Space moves down"
    else bad "6: help says Space moves down" "$SEEN"; fi
else bad "6: console starts" "$(screen t6)"; fi
stop t6

# --- 7 and 8. owner-only session and dump files; triage lists no single accounts --------------
start t7 80x24
if wait_for t7 '^> c1 ' 60; then
    check "8: triage says what it shows and that single accounts are hidden" t7 '^[0-9,]+ of [0-9,]+ clusters? shown(; [0-9,]+ single accounts? hidden(; press X to show them| \(X shows them\)))?$'
    typed t7 ":dump $WORK/triage.tsv"; keys t7 Enter
    check "7: :dump says it wrote the rows, owner-only" t7 'wrote [0-9,]+ rows? to .*triage\.tsv \(owner-only, mode 0600\)' 20
    if [ "$(mode "$WORK/triage.tsv")" = 600 ]; then ok "7: the dump file is mode 0600"; else bad "7: the dump file is mode 0600 (got $(mode "$WORK/triage.tsv"))"; fi
    SINGLES=$(tail -n +3 "$WORK/triage.tsv" | awk -F'\t' '$4 == "1"' | wc -l)
    if [ -s "$WORK/triage.tsv" ] && [ "$SINGLES" -eq 0 ]; then ok "8: triage lists no single account"
    else bad "8: triage lists no single account ($SINGLES found)" "$(head -60 "$WORK/triage.tsv")"; fi
    keys t7 q
    wait_for t7 'EXIT=0' 10
    SESSION=$(ls "$WORK"/state-t7/investigate/*.session 2>/dev/null | head -1)
    if [ -n "$SESSION" ] && [ "$(mode "$SESSION")" = 600 ] && [ "$(mode "$WORK/state-t7/investigate")" = 700 ]; then
        ok "7: the session file is mode 0600 under \$XDG_STATE_HOME/investigate (folder 0700)"
    else bad "7: the session file is mode 0600 under \$XDG_STATE_HOME/investigate" "$(ls -la "$WORK"/state-t7/investigate 2>&1)"; fi
else bad "7: console starts" "$(screen t7)"; fi
stop t7
mkdir -p "$WORK/home"
start t7b 80x24 XDG_STATE_HOME= HOME=$WORK/home
if wait_for t7b '^> c1 ' 60; then
    keys t7b q
    wait_for t7b 'EXIT=0' 10
    SESSION=$(ls "$WORK"/home/.local/state/investigate/*.session 2>/dev/null | head -1)
    if [ -n "$SESSION" ] && [ "$(mode "$SESSION")" = 600 ]; then ok "7: without XDG_STATE_HOME the session goes to ~/.local/state/investigate"
    else bad "7: without XDG_STATE_HOME the session goes to ~/.local/state/investigate" "$(find "$WORK/home" 2>&1)"; fi
else bad "7: console starts without XDG_STATE_HOME" "$(screen t7b)"; fi
stop t7b

# --- 9. a restored session says only what is true -----------------------------------------------
start t9 80x24
if wait_for t9 '^> c1 ' 60; then
    keys t9 Enter
    wait_for t9 '^ Triage > cluster c1' 10
    keys t9 t; typed t9 'before'; keys t9 Enter
    wait_for t9 "saved in case-0001" 20
    keys t9 q
    wait_for t9 'EXIT=0' 10
    stop t9
    start t9 80x24
    if wait_for t9 'restored where you were' 60; then
        check "9: the restore says the case is open" t9 'restored where you were \(2 sheets\); case-0001 open' 20
        if screen t9 | grep -q 'saved'; then bad "9: the restore does not claim a save" "$(screen t9)"
        else ok "9: the restore does not claim a save"; fi
    else bad "9: the session is restored" "$(screen t9)"; fi
else bad "9: console starts" "$(screen t9)"; fi
stop t9

# --- 10. status messages clear on the next key ---------------------------------------------------
start t10 80x24
if wait_for t10 '^> c1 ' 60; then
    keys t10 Space Escape
    check "10: one Esc asks for a second before clearing marks" t10 '^Esc again clears 1 mark '
    keys t10 Escape
    check "10: Esc twice clears the marks and says so" t10 '^marks cleared'
    keys t10 j
    sleep 0.5
    if screen t10 | grep -q 'marks cleared'; then bad "10: 'marks cleared' goes with the next key" "$(screen t10)"
    else ok "10: 'marks cleared' goes with the next key"; fi
else bad "10: console starts" "$(screen t10)"; fi
stop t10

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
