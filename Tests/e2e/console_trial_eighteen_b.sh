#!/usr/bin/env bash
# End-to-end checks of a new user's findings on session 18's build (blind source 16b at 80x24),
# in a real terminal (tmux) on the real binary: `=` says `(same)` on every shared value's row;
# `T`'s prompt is not cut at 80 columns; Home on a note a little longer than the line shows its
# start; a sort keeps the cursor on its cluster; a long status is not cut for the marks counter.
# The source is SampleCases/hydra (or the folder given).
# Builds nothing: the binary is $INVESTIGATE (or `swift build --show-bin-path`).
# Usage: Tests/e2e/console_trial_eighteen_b.sh [CASE_DIR]
set -u
cd "$(dirname "$0")/../.."
E2E_TAG=e2et18b
E2E_TITLE="console trial 18b"
. Tests/e2e/lib/console_harness.bash

start t18 80x24
if wait_for t18 '^> (c|op)[0-9]+ ' 90; then
    # --- 4. a sort keeps the cursor on its cluster ----------------------------------------------
    keys t18 j j
    sleep 0.5
    ID=$(screen t18 | sed -n 's/^> \([^ ]*\) .*/\1/p' | head -1)
    keys t18 s
    check "4: s sorts triage" t18 'sort: cluster desc'
    check "4: ... and the cursor stays on $ID" t18 "^> $ID "
    keys t18 s
    check "4: s again sorts by the next column" t18 'sort: risk desc'
    check "4: ... the rows above the cursor in view (c4, rated highest, first)" t18 '^  c4 '
    if screen t18 | grep -q "^> $ID "; then ok "4: ... on $ID after the second sort"
    else bad "4: ... on $ID after the second sort" "$(screen t18)"; fi
    keys t18 s g

    # --- 1. = says (same) on every shared value's row ---------------------------------------------
    keys t18 Enter
    wait_for t18 '^ Triage > cluster ' 20
    keys t18 Space Space =
    if wait_for t18 '^ compare ' 10; then
        # The header can be drawn a frame before the rows under a busy machine: wait for them.
        wait_for t18 '[|] [(]same[)] *$' 10 || true
        SAME=$(screen t18 | grep -c '| (same) *$')
        if [ "$SAME" -ge 2 ]; then ok "1: (same) on each of $SAME shared rows"
        else bad "1: (same) on each shared row" "$(screen t18)"; fi
        # A value's own row (`asn AS20473  |`) with nothing on the right; a wrapped value's
        # second line (`hx-collector/1.9  |`) is not one.
        if screen t18 | awk '/^ shared values/{on=1} /^ (why linked|own |signals)/{on=0} on' | grep -E '^ +[a-z_]+ [^|]+\| *$' | grep -q .; then
            bad "1: no shared value's row has a blank right side" "$(screen t18)"
        else ok "1: no shared value's row has a blank right side"; fi
        keys t18 Escape
    else bad "1: = compares two marked accounts" "$(screen t18)"; fi

    # --- 2. T's prompt is not cut at 80 columns ---------------------------------------------------
    keys t18 T
    check "2: T's prompt says what it tags" t18 '^:tagcluster _   '
    LINE=$(screen t18 | grep '^:tagcluster _')
    if echo "$LINE" | grep -q '…'; then bad "2: ... whole, not cut" "$LINE"; else ok "2: ... whole, not cut: ${LINE:16}"; fi
    keys t18 Escape

    # --- 3. Home on a note a little longer than the line shows its start --------------------------
    keys t18 a
    typed t18 'c3 is a ring of twenty-five accounts sharing one card and the hx-collector UA'
    check "3: the end in view" t18 '^:….*hx-collector UA_'
    keys t18 Home
    check "3: Home shows the start, the command word whole" t18 '^:note c3 is a ring'
    keys t18 Escape

    # --- 5. a long status is not cut for the marks counter ----------------------------------------
    keys t18 :
    typed t18 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'
    keys t18 Enter
    check "5: a long status runs to the line's end" t18 "^unknown command 'z+…$"
    if screen t18 | grep -q '\[2 marked\]'; then bad "5: ... the marks counter gives way" "$(screen t18)"
    else ok "5: ... the marks counter gives way"; fi

    keys t18 Escape Escape Escape q
    check "q quits" t18 '^EXIT=0' 10
else bad "console starts at 80x24" "$(screen t18)"; fi
stop t18

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
