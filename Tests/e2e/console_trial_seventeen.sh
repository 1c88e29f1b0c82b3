#!/usr/bin/env bash
# End-to-end checks of two new users' leftovers on session 16's builds, in a real terminal (tmux)
# on the real binary: a note longer than the prompt line is read back and edited with Home, Left,
# Delete and a paste at the cursor before Enter writes it; `T` on a shared value's sheet prompts
# `:tagvalue`; a write's acknowledgement beside 25 marks is whole at 80 columns; `:pivot KIND
# PART` answers off the input path.
# The source is SampleCases/hydra (or the folder given).
# Builds nothing: the binary is $INVESTIGATE (or `swift build --show-bin-path`).
# Usage: Tests/e2e/console_trial_seventeen.sh [CASE_DIR]
set -u
cd "$(dirname "$0")/../.."
E2E_TAG=e2et17
E2E_TITLE="console trial 17"
. Tests/e2e/lib/console_harness.bash

case_json() { XDG_DATA_HOME=$WORK/data-$1 "$BIN" case show case-0001 --format json 2>&1; }

# --- 1. a long note is read back and edited before Enter writes it ---------------------------
start p17 80x24
if wait_for p17 '^> (c|op)[0-9]+ ' 90; then
    keys p17 a
    typed p17 'START of a note that is longer than the prompt line so its beginning scrolls out of view END'
    check "1: the end is in view, the hidden start marked" p17 '^:….*view END_'
    keys p17 Home
    check "1: Home shows the start, more text marked on the right" p17 '^:note START of a note.*…$'
    typed p17 'X'
    check "1: typing at the cursor inserts there" p17 '^:note XSTART of a note'
    keys p17 Left Delete
    check "1: Delete removes the character at the cursor" p17 '^:note START of a note'
    keys p17 C-e
    check "1: ^E goes back to the end" p17 'view END_'
    keys p17 Left Left Left
    "${TMUX_CMD[@]}" set-buffer -b e2et17 'pasted '
    "${TMUX_CMD[@]}" paste-buffer -b e2et17 -t p17
    check "1: a paste goes in at the cursor" p17 'view pasted END'
    keys p17 Enter
    check "1: Enter writes the whole note" p17 'note added( - saved in case-0001|  \(saving)' 20
    wait_for p17 'saved in case-0001' 20
    if case_json p17 | grep -q 'START of a note that is longer than the prompt line so its beginning scrolls out of view pasted END'; then
        ok "1: the store holds the note as edited"
    else bad "1: the store holds the note as edited" "$(case_json p17 | head -30)"; fi

    # --- 2. T on a shared value's sheet names what it tags -------------------------------------
    keys p17 0 Enter
    wait_for p17 '^ Triage > cluster c1' 20
    keys p17 Enter
    wait_for p17 '^ Triage > cluster c1 > ' 20
    keys p17 Enter
    if wait_for p17 '^ Triage > cluster c1 > .* > [a-z_]+ ' 20; then
        keys p17 T
        check "2: T on a shared value prompts :tagvalue" p17 '^:tagvalue _   tags '
        keys p17 Escape
    else bad "2: a shared value's sheet opens" "$(screen p17)"; fi

    # --- 3. the acknowledgement beside 25 marks is whole at 80 columns --------------------------
    keys p17 0
    wait_for p17 '^ Triage *$' 10
    keys p17 g Enter
    wait_for p17 '^ Triage > cluster c1 *$' 20
    keys p17 '*'
    check "3: c1's 25 accounts marked" p17 '\[25 marked\]'
    keys p17 t
    typed p17 'ring-infrastructure'
    keys p17 Enter
    check "3: the acknowledgement is whole beside the marks" p17 "^tagged 25 rows 'ring-infrastructure' - saved in case-0001( |$)" 20

    # --- 4. :pivot on part of a value answers off the input path -------------------------------
    keys p17 :
    typed p17 'pivot ip 10.'
    keys p17 Enter
    check "4: :pivot on part of a value answers (one opens, a picker lists several, or none)" p17 \
        "(the one value containing '10\\.'|contain it: |nor one containing it)" 20
    # Several: the picker lists them, each whole; Esc closes it (q there closes it too).
    if screen p17 | grep -q "values contain '10\\.'"; then
        check "4: ... the picker lists them" p17 "^ ip values containing '10\\.' \\(j/k select, Enter opens\\):"
        keys p17 Escape
    fi
    keys p17 q
    check "q quits" p17 '^EXIT=0' 10
else bad "console starts at 80x24" "$(screen p17)"; fi
stop p17

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
