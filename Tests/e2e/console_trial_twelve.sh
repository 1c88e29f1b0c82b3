#!/usr/bin/env bash
# End-to-end checks of the rest of a new user's trial on blind source 12, in a real terminal
# (tmux) on the real binary: triage says what its order is; the operation overlay's tying values
# are selected and opened; a template family's sheet says where its holders sit and shows its
# text; `:export` asks for Enter as `e` does, so the confirming Enter never opens a row.
# Builds nothing: the binary is $INVESTIGATE (or `swift build --show-bin-path`).
# Usage: Tests/e2e/console_trial_twelve.sh [CASE_DIR]   (default: SampleCases/decoy, which has op1)
set -u
cd "$(dirname "$0")/../.."
E2E_TAG=e2et12
E2E_TITLE="console trial 12"
set -- "${1:-SampleCases/decoy}"
. Tests/e2e/lib/console_harness.bash

start t12 160x40
if wait_for t12 '^> (c|op)[0-9]+ ' 60; then
    check "7: triage says its order" t12 '^clusters, likeliest first  '
    # 4. Enter on op1 opens what ties it; the first tie is selected and Enter opens its sheet.
    keys t12 /; typed t12 'op1'; keys t12 Enter
    if wait_for t12 '^> op1 ' 10; then
        keys t12 Enter
        check "4: the operation lists its ties to select" t12 '^ tied by \(j/k select, Enter opens\):'
        check "4: ... each with the clusters it ties and, as pivot says, every cluster holding it" t12 "^ > template tf-[0-9a-f]+: ties [0-9]+ of op1's clusters \\(held by half or more of each one's members\\); held in [0-9]+ cluster"
        keys t12 Enter
        check "4: Enter opens the tie's sheet" t12 '^ Triage > template tf-'
        # 3. The family's sheet: where its holders sit, its text, a cluster column, H in the hints.
        check "3: the value sheet says where its holders sit" t12 '^held in [0-9]+ cluster'
        check "3: ... and shows the family's text" t12 '^text: .'
        check "3: ... with a cluster column" t12 '^  account +cluster '
        check "3: ... and lists H in the hints" t12 'H queries'
        keys t12 0
    else bad "4: search finds op1" "$(screen t12)"; fi
    # 6. `:export` asks for its own Enter; that Enter exports and opens nothing.
    keys t12 :; typed t12 'case new trial twelve'; keys t12 Enter
    if wait_for t12 "new case 'trial twelve'" 10; then
        keys t12 g :; typed t12 'export'; keys t12 Enter
        check "6: :export asks for Enter" t12 '^ Enter exports case-[0-9]+ as a signed bundle'
        keys t12 Enter
        check "6: ... Enter exports and says so" t12 'exported case-[0-9]+ as ' 60
        if screen t12 | head -1 | grep -Eq '^ Triage *$'; then ok "6: ... and the Enter opened no row"
        else bad "6: ... and the Enter opened no row" "$(screen t12)"; fi
    else bad "6: a new case" "$(screen t12)"; fi
    keys t12 q
    check "q quits" t12 '^EXIT=0' 10
else bad "console starts" "$(screen t12)"; fi
stop t12

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
