#!/usr/bin/env bash
# End-to-end checks of session 20's new-user trial fixes, in a real terminal (tmux) on the real
# binary at 80x24, with the exports in their default folder under $HOME: an export says the
# bundle's whole path (`exported ~/.local/share/investigate/exports/case-0001.zip: 11 files, signed`;
# the trial read `...; in /home/…`), that path verifies; a note on the case sheet runs on into
# its empty detail column; the pair view says where `why linked` starts.
# The source is SampleCases/hydra (or the folder given).
# Builds nothing: the binary is $INVESTIGATE (or `swift build --show-bin-path`).
# Usage: Tests/e2e/console_trial_twenty.sh [CASE_DIR]
set -u
cd "$(dirname "$0")/../.."
E2E_TAG=e2et20
E2E_TITLE="console trial 20"
. Tests/e2e/lib/console_harness.bash

mkdir -p "$WORK/home"
start t20 80x24 XDG_DATA_HOME= HOME=$WORK/home
if wait_for t20 '^> (c|op)[0-9]+ ' 300; then
    # --- a tag and a long note, then the export ------------------------------------------------
    keys t20 T
    wait_for t20 '^:tag(cluster|operation) _' 10
    typed t20 'ring-member'
    keys t20 Enter
    wait_for t20 '^ Enter|saved in case-0001' 20
    if screen t20 | grep -q '^ Enter'; then keys t20 Enter; fi
    check "the cluster is tagged" t20 'saved in case-0001' 20
    keys t20 :
    typed t20 'note c1 shares payment instruments and hosting subnets; escalate to payments for chargeback review'
    keys t20 Enter
    check "the note is saved" t20 'note added - saved in case-0001' 20
    keys t20 e
    wait_for t20 '^:export' 10
    keys t20 Enter
    check "1: an export says the bundle's whole path at 80 columns" t20 \
        '^exported ~/\.local/share/investigate/exports/case-0001\.zip: [0-9]+ files, signed' 60
    BUNDLE=$WORK/home/.local/share/investigate/exports/case-0001.zip
    if [ -f "$BUNDLE" ] && XDG_CONFIG_HOME=$WORK/config "$BIN" verify "$BUNDLE" >"$WORK/verify.out" 2>&1; then
        ok "1: ... and the bundle at that path verifies"
    else bad "1: ... and the bundle at that path verifies" "$(ls -l "$(dirname "$BUNDLE")" 2>&1; cat "$WORK/verify.out" 2>/dev/null)"; fi
    keys t20 e
    wait_for t20 '^:export' 10
    keys t20 Enter
    check "1: a re-export of the unchanged case says its path and that it is the same bytes" t20 \
        '^exported ~/\.local/share/investigate/exports/case-0001-2\.zip \(same bytes\)' 60

    # --- the case sheet: the note runs on into the empty detail column -------------------------
    keys t20 c
    if wait_for t20 '^>\*?case-0001' 10; then
        keys t20 Enter
        if wait_for t20 '^case: ' 10; then
            keys t20 G
            sleep 0.5
            NOTE=$(screen t20 | grep -E '^..note  ' | head -1)
            if echo "$NOTE" | grep -q 'hosting subnets; escalate' && [ "$(printf '%s' "$NOTE" | LC_ALL=C.UTF-8 wc -m)" -le 80 ]; then
                ok "2: a note on the case sheet runs on into the empty detail column, within 80 columns"
            else bad "2: a note on the case sheet runs on into the empty detail column, within 80 columns" "$(screen t20)"; fi
        else bad "2: Enter opens the case sheet" "$(screen t20)"; fi
    else bad "2: c opens the case picker" "$(screen t20)"; fi

    # --- the pair view says where why linked starts --------------------------------------------
    keys t20 0
    wait_for t20 '^ Triage$' 10
    keys t20 g Enter
    if wait_for t20 '^ Triage > cluster c1' 20; then
        keys t20 Space Space =
        check "3: the pair view says where why linked starts" t20 \
            '^comparing two accounts: why linked is at line [0-9]+ \((PgDn|j scrolls)\); Esc closes' 20
        # The key it names brings the heading into view (at the first screen's foot, j; below it, PgDn).
        if screen t20 | grep -q '(PgDn); Esc closes'; then keys t20 PgDn; else keys t20 j j j; fi
        check "3: ... and the key it names shows it" t20 '^ why linked  +evidence' 10
        keys t20 Escape
    else bad "3: Enter opens c1" "$(screen t20)"; fi
    keys t20 q
    check "q quits" t20 '^EXIT=0' 10
else bad "console starts" "$(screen t20)"; fi
stop t20

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
