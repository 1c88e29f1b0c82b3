#!/usr/bin/env bash
# End-to-end tests of the console's fourth pass (a new-user trial on an unseen source), findings
# 1-3, in a real terminal (tmux) at 80x24 on the real binary. Builds nothing: run `swift build`
# first; the binary is taken from `swift build --show-bin-path` (or $INVESTIGATE).
# Usage: Tests/e2e/console_fourth_pass.sh [CASE_DIR]   (default: SampleCases/hydra)
set -u
cd "$(dirname "$0")/../.."
E2E_TAG=e2e4
E2E_TITLE="console fourth pass"
. Tests/e2e/lib/console_harness.bash
HOME_SOURCE=$CASE
# Another source: the same files, with 2,500 more queries for the first query's account (its
# history is then cut at 2,000) and so other files: another source with the same cluster numbers.
OTHER=$WORK/other-source
cp -r "$HOME_SOURCE" "$OTHER"
if [ -f "$OTHER/queries.jsonl.gz" ]; then gzip -dc "$OTHER/queries.jsonl.gz" > "$OTHER/queries.jsonl"; rm "$OTHER/queries.jsonl.gz"; fi
BUSY=$(python3 - "$OTHER/queries.jsonl" <<'PY'
import json, sys
path = sys.argv[1]
with open(path) as f:
    first = json.loads(f.readline())
with open(path, "a") as f:
    for i in range(2500):
        row = dict(first)
        row["ts"] = "2026-05-01T%02d:%02d:%02d.000Z" % (i // 3600 % 24, i // 60 % 60, i % 60)
        row["request_id"] = "req_e2e4_%05d" % i
        f.write(json.dumps(row) + "\n")
print(first["account_id"])
PY
)
# Both consoles share one case store (ENV given to `start` wins over the harness's own).
SHARED="XDG_DATA_HOME=$WORK/data-shared"
cases_json() { XDG_DATA_HOME=$WORK/data-shared "$BIN" case show "$1" --format json 2>&1; }

# --- 1. a case made on another source ------------------------------------------------------------
CASE=$OTHER start b 80x24 "$SHARED"
if wait_for b '^> c1 ' 60; then
    # --- 2. a filter on a cut query history says what it covers ---
    typed b ":open $BUSY"; keys b Enter
    keys b H
    if wait_for b '^2,000 of [0-9,]+ queries, newest first \(\+ shows more\)' 20; then
        keys b f; typed b 'tokens>0'; keys b Enter
        check "2: a filter on the cut history says it covers the loaded rows, and how to load more" b \
            '^filter covers the 2,000 loaded of [0-9,]+ queries; press \+ to load more' 20
    else bad "2: the busy account's history is cut" "$(screen b)"; fi
    keys b 0 T; typed b 'ring-b'; keys b Enter
    check "1: on the other source, T tags c1 in a new case" b "tagged cluster c1 and [0-9]+ accounts? 'ring-b' - saved in case-0001" 20
else bad "1-2: console starts on the other source" "$(screen b)"; fi
keys b q
stop b
XDG_DATA_HOME=$WORK/data-shared "$BIN" case new "made by the cli" >/dev/null 2>&1

CASE=$HOME_SOURCE start a 80x24 "$SHARED"
if wait_for a '^> c1 ' 60; then
    if screen a | grep -E '^> c1 ' | grep -q 'ring-b'; then bad "1: c1 here does not show the other source's tag" "$(screen a)"
    else ok "1: the newest case (another source's) is not opened: c1 shows no tag"; fi
    # --- 3. type-ahead: c, j, Enter in one burst, before the case list is read ---
    keys a c j Enter
    check "3: keys typed right after c reach the picker (j, Enter chose case-0001)" a \
        '^case-0001 is from another source: cluster tags hidden, writes ask first' 20
    if screen a | grep -q '^ Triage *$'; then ok "3: no typed key reached the triage sheet"
    else bad "3: no typed key reached the triage sheet" "$(screen a)"; fi
    # Its accounts' tags are exact ids and show everywhere: c1 may count them (`25/25 ring-b`, now
    # that the tags column has the room), but the cluster tag itself, of another source, never shows.
    if screen a | grep -E '^> c1 ' | grep -qE '[^0-9] ring-b( |$)'; then bad "1: c1 of another source does not show as tagged here" "$(screen a)"
    else ok "1: c1 of another source does not show as tagged here"; fi
    typed a ':case'; keys a Enter
    check "1: the case sheet says the case is of another source" a '^SOURCE: from another source: its cluster tags listed apart, writes ask first'
    check "1: and lists its cluster tag apart" a 'c1 \(cluster of another source\) +ring-b'
    keys a 0 T; typed a 'ring-a'; keys a Enter
    check "1: the first write asks first, naming the case" a '^ Enter writes to case-0001 anyway, Esc cancels: it is from another source' 10
    keys a Escape
    check "1: Esc cancels it" a 'cancelled: nothing written' 10
    if cases_json case-0001 | grep -q '"ring-a"'; then bad "1: nothing was written on Esc" "$(cases_json case-0001 | head -20)"
    else ok "1: nothing was written on Esc"; fi
    keys a T; typed a 'ring-a'; keys a Enter
    wait_for a '^ Enter writes to case-0001 anyway' 10
    keys a Enter
    check "1: Enter writes it" a "tagged cluster c1 and [0-9]+ accounts? 'ring-a' - saved in case-0001" 20
    if cases_json case-0001 | grep -q '"ring-a"'; then ok "1: the confirmed write is in the store"
    else bad "1: the confirmed write is in the store" "$(cases_json case-0001 | head -20)"; fi
    if screen a | grep -E '^> c1 ' | grep -q 'ring-a'; then ok "1: the tag made here shows here"
    else bad "1: the tag made here shows here" "$(screen a)"; fi

else bad "1-3: console starts" "$(screen a)"; fi
stop a

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
