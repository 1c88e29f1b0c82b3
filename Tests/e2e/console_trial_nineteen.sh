#!/usr/bin/env bash
# End-to-end checks of session 18's trial leftovers (blind source 16b at 80x24), fixed in session
# 19, in a real terminal (tmux) on the real binary at 80x24: every line of `T`'s flow within 79
# columns on each row of triage's first page (16b's op2 read `...; Esc cance…`); triage's tags
# column counts each label; `:pivot`'s picker lists the most held first and says so; `=` says
# each side's `cluster x weight`; the cluster's links line, its "how members connect" pane and an
# account's risk line are not cut; `t`'s prompt is whole.
# The source is SampleCases/hydra (or the folder given: /work/heldout/16/16b is the trial's).
# Builds nothing: the binary is $INVESTIGATE (or `swift build --show-bin-path`).
# Usage: Tests/e2e/console_trial_nineteen.sh [CASE_DIR]
set -u
cd "$(dirname "$0")/../.."
E2E_TAG=e2et19
E2E_TITLE="console trial 19"
. Tests/e2e/lib/console_harness.bash

# whole NAME WHAT ROWS [WIDTH]: each of the screen's rows ROWS (sed addresses) within WIDTH
# columns (79: the prompt and footer never write the last) and not cut.
whole() {
    local lines
    lines=$(screen "$1" | sed -n "$3")
    if echo "$lines" | grep -q '…' || echo "$lines" | awk -v w="${4:-79}" 'length($0) > w { found = 1 } END { exit !found }'; then
        bad "$2" "$lines"
    else ok "$2"; fi
}

start t19 80x24
if wait_for t19 '^> (c|op)[0-9]+ ' 300; then
    # --- 1. T's flow on each row of the first page: every line within 79 columns --------------
    ASKED=0
    for row in 0 1 2 3 4 5 6 7 8 9 10 11; do
        keys t19 g
        for _ in $(seq 1 "$row"); do keys t19 j; done
        ROWID=$(screen t19 | sed -n 's/^> *\([a-z]*[0-9]*\) .*/\1/p' | head -1)
        keys t19 T
        wait_for t19 '^:tag(cluster|operation) _' 5 || { keys t19 Escape; continue; }
        whole t19 "1: T's prompt on $ROWID is whole" '23p'
        # Enter asks only when some members are rated below (`rated` beside the prompt); else it
        # would write: cancelled unasked.
        # (`, rated 0.31 (under 0.50)` says the cluster's own rating, not members rated below it.)
        if ! screen t19 | sed -n 23p | grep -qE '[0-9]+ (\([0-9]+ clusters?\) )?(of [0-9]+ )?rated '; then keys t19 Escape; wait_for t19 'cancelled' 3; continue; fi
        typed t19 'ring-member'
        whole t19 "1: ... with a label typed" '23p'
        keys t19 Enter
        if wait_for t19 '^ Enter' 3; then
            ASKED=$((ASKED + 1))
            whole t19 "1: T on $ROWID asks, every line within 79 columns" '23,24p'
            keys t19 o
            whole t19 "1: ... o's line too" '23,24p'
        fi
        keys t19 Escape
        wait_for t19 'cancelled' 3
    done
    echo "     (T asked on $ASKED of the first 12 rows)"

    # --- 2. the tags column counts each label --------------------------------------------------
    keys t19 g
    # The first plain cluster row (not an operation's).
    for _ in $(seq 1 12); do screen t19 | grep -q '^> c[0-9]' && break; keys t19 j; done
    CL=$(screen t19 | sed -n 's/^> *\(c[0-9]*\) .*/\1/p' | head -1)
    keys t19 Enter
    if wait_for t19 "^ Triage > cluster $CL" 20; then
        whole t19 "5: $CL's links line is not cut" '3p' 80
        keys t19 Tab
        if wait_for t19 '^how members connect' 10; then
            if screen t19 | sed -n '6,22p' | grep -q '(…'; then bad "5: no holder count is cut in how members connect" "$(screen t19)"
            else ok "5: no holder count is cut in how members connect"; fi
        else bad "5: Tab opens how members connect" "$(screen t19)"; fi
        keys t19 Tab Tab Tab
        sleep 0.5
        keys t19 '*' t
        typed t19 'ring-a'
        keys t19 Enter
        wait_for t19 "tagged [0-9]+ rows 'ring-a'" 10
        keys t19 Escape Escape g Space Space t
        whole t19 "5: t's prompt with two marks is whole" '23p'
        typed t19 'decoy'
        keys t19 Enter
        wait_for t19 "tagged 2 rows 'decoy'" 10
        keys t19 =
        if wait_for t19 '^ compare ' 10; then
            check "4: = says each side's cluster x weight" t19 '^ cluster x weight +[0-9]\.[0-9]{4} x [0-9]\.[0-9]{4} = [0-9]\.[0-9]{4} +\| [0-9]\.[0-9]{4} x [0-9]\.[0-9]{4} = '
            keys t19 Escape
        else bad "4: = compares the two marked accounts" "$(screen t19)"; fi
        keys t19 Escape Escape
        keys t19 Enter
        if wait_for t19 "^ Triage > cluster $CL > " 10; then
            keys t19 Tab
            wait_for t19 '^risk breakdown' 10
            whole t19 "5: the account's risk line is whole" '6p'
            keys t19 BSpace
        fi
        keys t19 BSpace
        # Within its column: the row ends with the counts, nothing cut after them.
        check "2: triage counts each label of $CL's members, within its column" t19 "^[> ] +$CL .* [0-9]+/[0-9]+ ring-a,(2 decoy|\\+1)\$"
    else bad "2: Enter opens $CL" "$(screen t19)"; fi

    # --- 3. :pivot's picker: the most held first, and it says so ------------------------------
    FOUND=0
    for part in 'user_agent python' 'user_agent mozilla' 'ip 10.' 'asn AS'; do
        keys t19 :
        typed t19 "pivot $part"
        keys t19 Enter
        if wait_for t19 'values contain .*, most held first' 20; then FOUND=1; break; fi
        keys t19 Escape; keys t19 BSpace; sleep 0.3
    done
    if [ "$FOUND" = 1 ]; then
        ok "3: the picker's title says most held first ($part)"
        COUNTS=$(screen t19 | sed -n 's/.* (\([0-9,]*\) accounts\{0,1\})$/\1/p' | tr -d ,)
        if [ -n "$COUNTS" ] && [ "$COUNTS" = "$(echo "$COUNTS" | sort -rn)" ]; then ok "3: ... and lists them so: $(echo $COUNTS)"
        else bad "3: ... and lists them so" "$(screen t19)"; fi
        keys t19 Escape
    else bad "3: a :pivot with several values opens a picker" "$(screen t19)"; fi
    keys t19 q
    check "q quits" t19 '^EXIT=0' 10
else bad "console starts at 80x24" "$(screen t19)"; fi
stop t19

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
