#!/usr/bin/env bash
# End-to-end checks of a new user's findings on session 15's build, in a real terminal (tmux) on
# the real binary: `T` on a cluster says how many members are rated below it on their own and lets
# `o` choose only the others (the audit entry says which); the query history at 80x24 leaves the
# prompt its room and shows a zero-retention account's fingerprints; a re-export of an unchanged
# case says it wrote the same bytes.
# The source is SampleCases/hydra (or the folder given) with one zero-retention account added to
# the first cluster's card: its queries keep only `prompt_fingerprint`, one of them hostile.
# Builds nothing: the binary is $INVESTIGATE (or `swift build --show-bin-path`).
# Usage: Tests/e2e/console_trial_sixteen.sh [CASE_DIR]
set -u
cd "$(dirname "$0")/../.."
E2E_TAG=e2et16
E2E_TITLE="console trial 16"
. Tests/e2e/lib/console_harness.bash

# The source: the sample's files, plus acct_zr_0001 paying with c1's first account's card.
mkdir -p "$WORK/src"
for f in accounts.csv payments.csv links.csv; do [ -f "$CASE/$f" ] && cp "$CASE/$f" "$WORK/src/"; done
if [ -f "$CASE/queries.jsonl.gz" ]; then gzip -dc "$CASE/queries.jsonl.gz" > "$WORK/src/queries.jsonl"; else cp "$CASE/queries.jsonl" "$WORK/src/"; fi
FIRST=$("$BIN" clusters "$CASE" --top 1 --format json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["accounts"][0])')
python3 - "$WORK/src" "$FIRST" <<'PY'
import csv, json, sys
src, first = sys.argv[1], sys.argv[2]
with open(src + "/accounts.csv", newline="") as f:
    rows = list(csv.reader(f))
header = rows[0]
card = next(r for r in rows[1:] if r[0] == first)[header.index("payment_fingerprint")]
new = ["" for _ in header]
new[header.index("account_id")] = "acct_zr_0001"
new[header.index("created_at")] = "2026-04-01T00:00:00Z"
new[header.index("payment_fingerprint")] = card
with open(src + "/accounts.csv", "a", newline="") as f:
    csv.writer(f).writerow(new)
with open(src + "/queries.jsonl", "a") as f:
    for i in range(30):
        fingerprint = "\u001b[2J\u202eevil" if i == 27 else "%024x" % (0x342645c7abca0376 * (i + 1))
        f.write(json.dumps({"ts": "2026-05-%02dT10:%02d:00Z" % (1 + i % 28, i), "account_id": "acct_zr_0001",
                            "api_key": "sk-zr-1", "ip": "198.51.100.7", "model": "claude-sonnet-4",
                            "input_tokens": 40, "output_tokens": 500, "category": "general",
                            "prompt_fingerprint": fingerprint}) + "\n")
PY
CASE=$WORK/src
ZR=$("$BIN" account "$CASE" acct_zr_0001 --format json 2>/dev/null)
CL=$(echo "$ZR" | python3 -c 'import json,sys; print(json.load(sys.stdin)["cluster"])')
echo "acct_zr_0001 is in $CL: $(echo "$ZR" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("risk", d["risk"], "cluster", d["cluster_risk"])')"

# --- 1. T asks about members rated below their cluster; o chooses only the others ------------
start t16 160x40
if wait_for t16 '^> (c|op)[0-9]+ ' 90; then
    keys t16 :; typed t16 "open $CL"; keys t16 Enter
    if wait_for t16 "^ Triage > cluster $CL" 10; then
        keys t16 T
        check "1: T says how many members are rated below the cluster on their own, and how far" t16 \
            "^:tagcluster _   tags $CL and its [0-9]+ accounts(, rated 0\\.[0-9]+ \\(under 0\\.50\\))?; [0-9]+ rated below the cluster's 0\\.[0-9]+, lowest 0\\.[0-9]+: Enter asks which"
        typed t16 'ring-member'; keys t16 Enter
        check "1: Enter asks, with the count beside the prompt" t16 "^:tagcluster ring-member_   [0-9]+ of [0-9]+ rated below $CL's 0\\.[0-9]+ on their own, lowest 0\\.[0-9]+"
        check "1: ... and the keys beneath it" t16 "^ Enter tags all [0-9]+; o: only the [0-9]+ rated like $CL \\(not $CL itself\\); Esc cancels"
        keys t16 o
        check "1: o chooses only the others (nothing written yet)" t16 "^ Enter tags only the [0-9]+ rated like $CL \\(not $CL itself\\); o: all [0-9]+; Esc"
        keys t16 Enter
        check "1: Enter tags only the others" t16 "tagged [0-9]+ of $CL's [0-9]+ accounts 'ring-member'( \\([0-9]+ rated low left out\\))?" 20
        wait_for t16 'saved in case-0001' 20
        SHOWN=$(XDG_DATA_HOME=$WORK/data-t16 "$BIN" case show case-0001 --format json 2>&1)
        if echo "$SHOWN" | grep -q '"ring-member"' && ! echo "$SHOWN" | grep -q 'acct_zr_0001' && ! echo "$SHOWN" | grep -q "\"$CL\""; then
            ok "1: the store holds the others' tags, not acct_zr_0001's nor $CL's"
        else bad "1: the store holds the others' tags, not acct_zr_0001's nor $CL's" "$(echo "$SHOWN" | head -30)"; fi
        AUDIT=$(XDG_DATA_HOME=$WORK/data-t16 "$BIN" case audit case-0001 2>&1)
        if echo "$AUDIT" | grep -q 'only the [0-9]* of [0-9]* not rated below'; then ok "1: the audit entry says which was chosen"
        else bad "1: the audit entry says which was chosen" "$(echo "$AUDIT" | tail -5)"; fi
        # --- 4. a re-export of the unchanged case is the same bytes, and says so -----------------
        keys t16 e Enter
        check "4: the first export" t16 'exported case-0001 as case-0001\.zip' 60
        keys t16 e Enter
        check "4: a re-export of the unchanged case says it is the same bytes" t16 \
            'exported (case-0001 as case-0001-2\.zip|/[^ ]*/case-0001-2\.zip): same bytes as case-0001\.zip \(the case is unchanged' 60
        EXPORTS=$WORK/data-t16/investigate/exports
        if cmp -s "$EXPORTS/case-0001.zip" "$EXPORTS/case-0001-2.zip"; then ok "4: ... and it is"
        else bad "4: ... and it is" "$(ls -l "$EXPORTS")"; fi
        keys t16 :; typed t16 'note changed'; keys t16 Enter
        wait_for t16 'saved in case-0001' 20
        keys t16 e Enter
        check "4: after a write, a re-export says the earlier one is kept (not the same bytes)" t16 \
            'exported case-0001 as case-0001-3\.zip \(case-0001-2\.zip kept\): [0-9]+ files, signed' 60
    else bad "1: :open $CL" "$(screen t16)"; fi
    keys t16 q
    check "q quits" t16 '^EXIT=0' 10
else bad "console starts" "$(screen t16)"; fi
stop t16

# --- 2-3. the history at 80x24: the prompt's room, and a zero-retention account's fingerprints ---
start h16 80x24
if wait_for h16 '^> (c|op)[0-9]+ ' 90; then
    keys h16 :; typed h16 'open acct_zr_0001'; keys h16 Enter
    wait_for h16 '^ Triage > acct_zr' 10
    keys h16 H
    check "2: at 80x24 the history keeps time, out tok, category and the prompt" h16 '^  time +out tok category +prompt'
    check "2: ... and says what it hides, and that Enter shows it" h16 '[0-9]+ columns hidden: Enter shows them'
    LINE=$(screen h16 | grep -E '^> 20' | head -1)
    if [ -n "$LINE" ] && [ "$(printf '%s' "$LINE" | awk '{ i = index($0, "[fingerprint]"); print (i > 0 ? 80 - i + 1 : 0) }')" -ge 40 ]; then
        ok "2: the prompt column starts 40 or more columns from the edge"
    else bad "2: the prompt column starts 40 or more columns from the edge" "$(screen h16)"; fi
    check "3: a row with no prompt shows its fingerprint, marked" h16 '^[> ] 2026-05-[0-9]+ [0-9:]+ +500 general +\[fingerprint\] [0-9a-f]{24}'
    check "3: ... escaped when hostile" h16 '\[fingerprint\] \\x1b\[2J\\u\{202E\}evil'
    keys h16 Enter
    check "2: Enter shows the whole row" h16 'prompt_fingerprint'
    keys h16 Escape q
    check "q quits" h16 '^EXIT=0' 10
else bad "console starts at 80x24" "$(screen h16)"; fi
stop h16

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
