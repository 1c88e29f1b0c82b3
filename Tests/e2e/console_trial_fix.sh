#!/usr/bin/env bash
# End-to-end tests of the console's trial fixes (a new user's trial after the third pass), one
# check per finding, in a real terminal (tmux) on the real binary. Builds nothing: run
# `swift build` first; the binary is taken from `swift build --show-bin-path` (or $INVESTIGATE).
# Usage: Tests/e2e/console_trial_fix.sh [CASE_DIR]   (default: SampleCases/hydra)
set -u
cd "$(dirname "$0")/../.."
E2E_TAG=e2etf
E2E_TITLE="console trial fixes"
. Tests/e2e/lib/console_harness.bash

start f1 160x30
if wait_for f1 '^> c1 ' 60; then
    # 1. Backspace never eats the command word; the hint stays true.
    keys f1 t BSpace BSpace BSpace BSpace BSpace
    check "1: t then Backspace x5 keeps ':tag ' and its hint" f1 '^:tag _   tags the cluster c1, not its accounts'
    keys f1 Escape
    # 3. Tab in the tag prompt of a new case offers the built-in labels.
    keys f1 t Tab
    check "3: Tab in a new case's tag prompt offers the built-in labels" f1 'benign .*ring-member'
    keys f1 Escape
    # 2. T names its target and the marks it leaves.
    keys f1 Space T
    check "2: T names what it tags and the mark it does not use" f1 '^:tagcluster _   tags .*\(1 mark not used: t tags marked rows\)'
    # Esc closes the prompt; with marks and no prompt, one Esc asks and a second clears them.
    keys f1 Escape Escape Escape
    check "2: ... and Esc twice more clears the mark" f1 '^marks cleared'
    # 5. A refused :set keeps its text and says why.
    keys f1 S
    typed f1 'status bogus'; keys f1 Enter
    check "5: S 'status bogus' Enter keeps the prompt and says why" f1 '^:set status bogus_'
    check "5: ... with the reason beneath" f1 "unknown status 'bogus'"
    keys f1 Escape
    # 6. The 'not a column' refusal lists only named columns.
    keys f1 f
    typed f1 'colour=red'; keys f1 Enter
    check "6: 'not a column' lists only named columns" f1 'columns: cluster, risk, size, links'
    keys f1 Escape
    # 4. Keys wait while the terminal is too small.
    keys f1 g
    size f1 60 20
    if wait_for f1 'terminal too small' 5; then
        keys f1 j j Space t
        sleep 0.5
        size f1 160 30
        if wait_for f1 '^> c1 ' 5 && ! screen f1 | grep -q '^:tag' && ! screen f1 | grep -q 'marked\]'; then
            ok "4: keys pressed while too small do nothing"
        else bad "4: keys pressed while too small do nothing" "$(screen f1)"; fi
    else bad "4: below 80x24 says terminal too small" "$(screen f1)"; fi
    keys f1 q
    check "q quits" f1 '^EXIT=0' 10
else bad "console starts" "$(screen f1)"; fi
stop f1

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
