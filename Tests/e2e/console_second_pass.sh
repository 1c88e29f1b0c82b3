#!/usr/bin/env bash
# End-to-end tests of the console's second pass (issue 14), one section per point, in a real
# terminal (tmux) on the real binary. Builds nothing: run `swift build` first; the binary is
# taken from `swift build --show-bin-path` (or $INVESTIGATE).
# Usage: Tests/e2e/console_second_pass.sh [CASE_DIR]   (default: SampleCases/hydra)
set -u
cd "$(dirname "$0")/../.."
E2E_TAG=e2e2
E2E_TITLE="console second pass"
. Tests/e2e/lib/console_harness.bash
# case_json NAME: the first case of that session's store as JSON.
case_json() { XDG_DATA_HOME=$WORK/data-$1 "$BIN" case show case-0001 --format json 2>&1; }

# --- point 1: read the evidence ------------------------------------------------------------------
start p1 120x40 TERM=xterm-256color LANG=C.UTF-8
if wait_for p1 '^> c1 ' 60; then
    keys p1 H
    wait_for p1 '^ Triage > queries c1' 10
    wait_for p1 '^> 20' 20
    keys p1 Enter
    check "point 1: Enter on a query opens the whole row, extra keys included" p1 '^ request_id +req_' 20
    check "point 1: the record shows the full prompt" p1 '^ prompt +'
    keys p1 Escape
    check "point 1: Esc closes the record onto the same sheet" p1 '^ Triage > queries c1 *$'
    keys p1 0
    wait_for p1 '^ Triage *$' 10
    keys p1 Enter
    wait_for p1 '^ Triage > cluster c1' 10
    keys p1 Space Space =
    check "point 1: = compares two marked accounts side by side" p1 '^ shared values .*\| \(same\)'
    keys p1 Escape
    typed p1 ':note evidence looked at in the record view'
    keys p1 Enter
    typed p1 ':case'
    keys p1 Enter
    wait_for p1 '^ Triage > cluster c1 > case' 10
    keys p1 Enter
    check "point 1: a note opens as a record" p1 '^ note +evidence looked at in the record view'
else bad "point 1: console starts" "$(screen p1)"; fi
stop p1

# --- point 2: no silent caps --------------------------------------------------------------------
start p2 120x40 TERM=xterm-256color LANG=C.UTF-8
if wait_for p2 '^> c1 ' 60; then
    check "point 2: triage says how many clusters it shows and what it hides" p2 '^[0-9,]+ of [0-9,]+ clusters? shown'
    if screen p2 | grep -Eq 'single accounts? hidden(; press X to show them| \(X shows them\))'; then
        keys p2 X
        check "point 2: X lists the single accounts triage hides, with N of M" p2 '^(all [0-9,]+|[0-9,]+ of [0-9,]+) single accounts? shown'
        keys p2 BSpace
    else ok "point 2: no single accounts hidden on this source"; fi
    keys p2 H
    check "point 2: query history says N of M queries" p2 '^([0-9,]+ of )?[0-9,]+ quer(y|ies), newest first'
    keys p2 +
    check "point 2: + on an uncut history says every row is shown (or shows more)" p2 'every row is already shown|now showing [0-9,]+ rows'
else bad "point 2: console starts" "$(screen p2)"; fi
stop p2

# --- points 3 and 4: bulk work, undo --------------------------------------------------------------
start p3 120x40 TERM=xterm-256color LANG=C.UTF-8
if wait_for p3 '^> c1 ' 60; then
    keys p3 Enter
    wait_for p3 '^ Triage > cluster c1' 10
    keys p3 '*'
    check "point 3: * marks every row shown" p3 'marked [0-9]+ more rows? \([0-9]+ marked; Esc clears\)'
    keys p3 '~'
    check "point 3: ~ inverts the marks" p3 'marks inverted over [0-9]+ rows? \(0 marked\)'
    keys p3 '|'
    typed p3 'risk>0.5'
    keys p3 Enter
    check "point 3: | marks the rows matching an expression" p3 "[0-9]+ rows? match 'risk>0.5'"
    keys p3 Escape Enter
    wait_for p3 '^ Triage > cluster c1 > ' 10
    keys p3 Enter
    wait_for p3 '^ Triage > cluster c1 > .* > payment ' 10
    keys p3 T
    typed p3 'ring-value'
    keys p3 Enter
    check "point 3: T on a shared value tags its accounts and the value" p3 "tagged (payment .* and its|the value and) [0-9]+ accounts? 'ring-value'( in a new case| - saved in case-0| \\(saving)" 20
    if case_json p3 | grep -q '"ring-value"'; then ok "point 3: the shared-value tags are in the case store"
    else bad "point 3: the shared-value tags are in the case store" "$(case_json p3 | head -30)"; fi
    keys p3 u
    check "point 4: u asks for Enter and names the write it would undo" p3 "Enter retracts the last write: tag 'ring-value' on [0-9]+ rows"
    keys p3 Enter
    check "point 4: Enter undoes it and says what was undone" p3 "undone: tag 'ring-value' on [0-9]+ rows \(retracted, (kept in the audit trail|audited)\)" 20
    SHOWN=$(case_json p3)
    if echo "$SHOWN" | grep -q '"retracted_tags":\[{' && echo "$SHOWN" | grep -q 'undo in the console' && echo "$SHOWN" | grep -q '"tags":\[\]'; then ok "point 4: the undo is an audited retraction in the store"
    else bad "point 4: the undo is an audited retraction in the store" "$(echo "$SHOWN" | head -40)"; fi
    keys p3 u
    check "point 4: nothing more to undo" p3 'nothing to undo in this session'
else bad "points 3-4: console starts" "$(screen p3)"; fi
stop p3

# --- point 5: filters and navigation --------------------------------------------------------------
start p5 120x40 TERM=xterm-256color LANG=C.UTF-8
if wait_for p5 '^> c1 ' 60; then
    keys p5 Enter
    wait_for p5 '^ Triage > cluster c1' 10
    keys p5 f
    typed p5 'risk>0.5'
    keys p5 Enter
    check "point 5: the sheet shows its active filter" p5 'filter: risk>0\.5  [0-9]+/[0-9]+ *$'
    keys p5 f
    check "point 5: reopening f selects the old text" p5 '^filter: risk>0\.5_ +\(typing replaces it'
    typed p5 'ctry=zz'
    keys p5 Enter
    check "point 5: typing replaced the old filter" p5 "filter 'ctry=zz': 0 rows"
    keys p5 f C-u Enter
    keys p5 '>' '>' '>' '>' '>' '>' s
    check "point 5: s sorts largest first" p5 'sort: queries desc'
    keys p5 s
    check "point 5: s again sorts smallest first" p5 'sort: queries asc'
    # The cursor kept its account across the sorts: g takes it to the top, where the search starts.
    keys p5 g
    keys p5 / acct
    keys p5 Enter
    keys p5 n
    check "point 5: search says match N of M" p5 '/acct: match 2 of [0-9]+'
    keys p5 Enter
    wait_for p5 '^ Triage > cluster c1 > ' 10
    keys p5 0
    check "point 5: 0 jumps straight to triage" p5 '^ Triage *$'
else bad "point 5: console starts" "$(screen p5)"; fi
stop p5

# --- point 6: operations (issue 13), the cluster's risk breakdown, the connect pane -------------
# mkops DIR: a small source with two pods (own card each) tied only by a rare client string.
mkops() {
    local dir=$1 i a t
    mkdir -p "$dir"
    printf 'account_id,created_at,email,country,plan,status,payment_fingerprint,signup_ip\n' > "$dir/accounts.csv"
    : > "$dir/queries.jsonl"
    for i in $(seq 1 60); do
        a=$(printf 'acct_bg%03d' "$i")
        printf '%s,2025-0%d-1%dT08:00:00Z,%s@gmail.com,US,free,active,pf_bg%03d,198.51.%d.%d\n' "$a" $((i % 9 + 1)) $((i % 10)) "$a" "$i" $((i % 200)) "$i" >> "$dir/accounts.csv"
        for t in 1 2 3 4; do
            printf '{"ts":"2026-05-%02dT%02d:%02d:00Z","account_id":"%s","api_key":"sk-bg%03d","ip":"198.51.%d.%d","user_agent":"client-%03d/1.0","model":"m","input_tokens":50,"output_tokens":80,"category":"chat","prompt":"question %d about topic %d"}\n' \
                $((t * 3 + i % 5 + 1)) $(( (i * 7 + t * 5) % 24)) $(( (i * 13 + t) % 60)) "$a" "$i" $((i % 200)) "$i" "$i" "$i" "$t" >> "$dir/queries.jsonl"
        done
    done
    local net words
    for pod in a b; do
        if [ "$pod" = a ]; then net=1; words="translate this paragraph into french please"; else net=77; words="write unit tests for the parser module"; fi
        for i in 1 2 3; do
            a="acct_pod${pod}${i}"
            printf '%s,2026-01-0%dT08:00:00Z,%s@gmail.com,US,payg,active,pf_pod%s,203.%d.0.%d\n' "$a" "$i" "$a" "$pod" "$net" "$i" >> "$dir/accounts.csv"
            for t in 1 2 3 4 5 6; do
                printf '{"ts":"2026-05-%02dT%02d:%02d:00Z","account_id":"%s","api_key":"sk-%s","ip":"203.%d.0.%d","user_agent":"rare-kit/0.1","model":"m","input_tokens":50,"output_tokens":900,"category":"code","prompt":"%s %d"}\n' \
                    $((t * 4 + i)) $(( (i * 5 + t * 3 + net) % 24)) $(( (i * 11 + t * 7 + net) % 60)) "$a" "$a" "$net" "$i" "$words" $((t * 31 + i * 7)) >> "$dir/queries.jsonl"
            done
        done
    done
}
mkops "$WORK/ops"
CASE_SAVED=$CASE; CASE=$WORK/ops
start p6 120x40 TERM=xterm-256color LANG=C.UTF-8
if wait_for p6 '^> op1 ' 60; then
    check "point 6: triage shows the operation as one row" p6 '^> op1 .* 2 clusters: c1 c2 +tied by user_agent rare-kit/0\.1'
    check "point 6: its clusters are listed beneath it" p6 '^    c2 '
    keys p6 T
    typed p6 'op-ring'
    keys p6 Enter
    check "point 6: T tags the operation whole" p6 "tagged operation op1: 2 clusters and 6 accounts 'op-ring'" 20
    SHOWN=$(case_json p6)
    if echo "$SHOWN" | grep -q '"acct_podb3"' && echo "$SHOWN" | grep -q '"c2"'; then ok "point 6: every cluster and account of the operation is tagged in the store"
    else bad "point 6: every cluster and account of the operation is tagged in the store" "$(echo "$SHOWN" | head -30)"; fi
    keys p6 j Enter Tab Tab
    check "point 6: the cluster sheet shows its risk breakdown" p6 '^risk breakdown of cluster c1'
    check "point 6: the breakdown lists the signals" p6 '^shared_instruments '
    keys p6 Tab Tab Tab
    check "point 6: the connect pane has a cursor" p6 '^> (payment|template|subnet|user_agent|email_domain) '
    keys p6 j
    check "point 6: j moves the connect pane's cursor" p6 '^  (payment|template|subnet|user_agent|email_domain) .*$'
    if screen p6 | grep -n 'hub)' | head -1 | grep -q .; then
        LAST=$(screen p6 | grep -nE '^[> ] [a-z_]+ .* == ' | tail -1)
        if echo "$LAST" | grep -q '(hub)'; then ok "point 6: hubs are listed last"; else bad "point 6: hubs are listed last" "$(screen p6)"; fi
    else ok "point 6: (no hub among this cluster's values)"; fi
    keys p6 Enter
    check "point 6: Enter in the connect pane pivots on the value" p6 '^ Triage > cluster c1 > (payment|template|subnet|user_agent|email_domain) '
else bad "point 6: console starts on the operations source" "$(screen p6)"; fi
stop p6
# The CLI's text names the operation too (a new-user trial found it only in the console and JSON).
if "$BIN" clusters "$WORK/ops" --top 2 2>/dev/null | grep -q 'part of operation op1: 2 clusters (c1, c2), 6 accounts, tied by user_agent rare-kit/0.1'; then
    ok "point 6: clusters text names the operation"
else bad "point 6: clusters text names the operation" "$("$BIN" clusters "$WORK/ops" --top 2 2>&1 | head -20)"; fi
if "$BIN" account "$WORK/ops" acct_poda1 2>/dev/null | grep -q '^  cluster c[12] is part of operation op1: '; then
    ok "point 6: account text names the operation"
else bad "point 6: account text names the operation" "$("$BIN" account "$WORK/ops" acct_poda1 2>&1 | head -8)"; fi
CASE=$CASE_SAVED

# --- point 7: the case in the console ---------------------------------------------------------
start p7 120x40 TERM=xterm-256color LANG=C.UTF-8 INVESTIGATE_EXPORT_DIR=$WORK/exports-p7
if wait_for p7 '^> c1 ' 60; then
    keys p7 S
    check "point 7: S offers the case fields and their values" p7 'status open\|triage\|confirmed\|dismissed\|closed'
    typed p7 'status triage'
    keys p7 Enter
    check "point 7: the status is set" p7 "status set to 'triage'" 20
    keys p7 S
    typed p7 'severity high'
    keys p7 Enter
    wait_for p7 "severity set to 'high'" 20
    keys p7 S
    typed p7 'assignee alice'
    keys p7 Enter
    wait_for p7 "assignee set to 'alice'" 20
    keys p7 S
    typed p7 'disposition referred to abuse'
    keys p7 Enter
    wait_for p7 "disposition set to 'referred to abuse'" 20
    SHOWN=$(case_json p7)
    if echo "$SHOWN" | grep -q '"status":"triage"' && echo "$SHOWN" | grep -q '"severity":"high"' \
        && echo "$SHOWN" | grep -q '"assignee":"alice"' && echo "$SHOWN" | grep -q '"disposition":"referred to abuse"'; then
        ok "point 7: status, severity, assignee and disposition are in the store"
    else bad "point 7: status, severity, assignee and disposition are in the store" "$(echo "$SHOWN" | head -20)"; fi
    keys p7 e Enter
    check "point 7: e exports" p7 'exported case-0001 as case-0001\.zip' 60
    typed p7 ':case'
    keys p7 Enter
    check "point 7: the case sheet shows the fields" p7 '^status triage  severity high  assignee alice  disposition referred to abuse'
    check "point 7: a fresh export is up to date" p7 '^export: exported .* \(up to date\)'
    typed p7 ':note after the export'
    keys p7 Enter
    check "point 7: a later write marks the export stale" p7 '^export: exported .* \(stale: 1 write since; e exports again\)' 20
    keys p7 e Enter
    check "point 7: a re-export keeps the earlier bundle and says so" p7 'exported case-0001 as case-0001-2\.zip \(case-0001\.zip kept\): .*signed' 60
    if [ -f "$WORK/exports-p7/case-0001.zip" ] && [ -f "$WORK/exports-p7/case-0001-2.zip" ]; then ok "point 7: both bundles are on disk"
    else bad "point 7: both bundles are on disk" "$(ls -la "$WORK/exports-p7" 2>&1)"; fi
else bad "point 7: console starts" "$(screen p7)"; fi
stop p7

# --- point 8: copy --------------------------------------------------------------------------------
start p8 120x40 TERM=xterm-256color LANG=C.UTF-8
if wait_for p8 '^> c1 ' 60; then
    keys p8 y
    check "point 8: inside tmux, y says it copied into the tmux buffer" p8 "copied c1 to (the tmux|tmux's) buffer"
    if [ "$("${TMUX_CMD[@]}" show-buffer 2>/dev/null)" = c1 ]; then ok "point 8: the tmux buffer holds the id"
    else bad "point 8: the tmux buffer holds the id" "$("${TMUX_CMD[@]}" show-buffer 2>&1 | head -3)"; fi
else bad "point 8: console starts" "$(screen p8)"; fi
stop p8
# Outside tmux (TMUX empty in the console's environment): OSC 52 straight to the terminal.
start p8b 120x40 TERM=xterm-256color LANG=C.UTF-8 TMUX=
if wait_for p8b '^> c1 ' 60; then
    "${TMUX_CMD[@]}" pipe-pane -t p8b -o "cat >> $WORK/osc52"
    sleep 0.3
    keys p8b j y
    check "point 8: outside tmux, y says it sent OSC 52" p8b 'sent c2 (to the terminal.s clipboard )?by OSC 52'
    sleep 0.3
    "${TMUX_CMD[@]}" pipe-pane -t p8b
    if grep -aq "]52;c;$(printf c2 | base64)" "$WORK/osc52" 2>/dev/null && ! grep -aq 'Ptmux;' "$WORK/osc52"; then
        ok "point 8: the OSC 52 sequence reached the terminal, without tmux passthrough"
    else bad "point 8: the OSC 52 sequence reached the terminal" "$(cat -v "$WORK/osc52" 2>/dev/null | head -c 300)"; fi
else bad "point 8: console starts without TMUX" "$(screen p8b)"; fi
stop p8b

# --- point 9: writes off the input path -----------------------------------------------------------
# Another process holds the case store (an exclusive SQLite lock for 4 s): the tag says
# "saving...", the keys keep working, and the acknowledgement follows once the lock is gone.
start p9 120x40 TERM=xterm-256color LANG=C.UTF-8
if wait_for p9 '^> c1 ' 60; then
    DB=$WORK/data-p9/investigate/cases.sqlite
    if command -v python3 >/dev/null && [ -f "$DB" ]; then
        python3 -c "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute('BEGIN EXCLUSIVE'); print('locked', flush=True); time.sleep(4); c.execute('COMMIT')" "$DB" > "$WORK/lock.out" &
        LOCKER=$!
        for _ in $(seq 50); do grep -q locked "$WORK/lock.out" 2>/dev/null && break; sleep 0.1; done
        keys p9 t
        typed p9 'held'
        keys p9 Enter
        check "point 9: a write to a busy store says saving... at once" p9 "tagged 1 row 'held' \(the cluster, not its accounts: T tags them\).* \(saving\.\.\.\)" 2
        keys p9 j
        check "point 9: the keys still work while it saves" p9 '^> c2 ' 2
        check "point 9: the acknowledgement follows once the store is free" p9 "tagged 1 row 'held' \(the cluster, not its accounts: T tags them\) - saved in case-0001" 20
        wait "$LOCKER" 2>/dev/null
    else ok "point 9: (skipped: no python3 or no store file to lock)"; fi
else bad "point 9: console starts" "$(screen p9)"; fi
stop p9

# --- point 10: a bad argument exits 2, as the README says ----------------------------------------
"$BIN" clusters --no-such-flag >/dev/null 2>&1; CODE=$?
if [ "$CODE" -eq 2 ]; then ok "point 10: an unknown option exits 2"; else bad "point 10: an unknown option exits 2 (got $CODE)"; fi
"$BIN" case tag >/dev/null 2>&1; CODE=$?
if [ "$CODE" -eq 2 ]; then ok "point 10: a failed validation exits 2"; else bad "point 10: a failed validation exits 2 (got $CODE)"; fi
"$BIN" --help >/dev/null 2>&1; CODE=$?
if [ "$CODE" -eq 0 ]; then ok "point 10: --help still exits 0"; else bad "point 10: --help exits 0 (got $CODE)"; fi

# --- point 11: small things -------------------------------------------------------------------------
start p11 120x40 TERM=xterm-256color LANG=C.UTF-8
if wait_for p11 '^> c1 ' 60; then
    keys p11 y
    wait_for p11 'copied c1' 10
    keys p11 Enter
    wait_for p11 '^ Triage > cluster c1' 10
    sleep 0.3
    if screen p11 | tail -2 | head -1 | grep -q 'copied'; then bad "point 11: the status does not linger across sheets" "$(screen p11 | tail -3)"
    else ok "point 11: the status does not linger across sheets"; fi
    if screen p11 | sed -n 5p | grep -Eq '^  account .*tags *$'; then ok "point 11: the column titles carry no row counter"
    else bad "point 11: the column titles carry no row counter" "$(screen p11 | sed -n 5p)"; fi
    # c1 is the first cluster of the triage order (size x risk among those rated >= 0.5).
    C1_SIZE=$("$BIN" clusters "$CASE" --top 1 | awk -F'\t' 'NR == 1 { sub("size ", "", $3); print $3 }')
    check "point 11: the row counter sits at the status line's right end" p11 " 1/$C1_SIZE *\$"
    if screen p11 | grep -q "^cluster c1 .* $C1_SIZE accounts"; then ok "point 11: counts are plural only when not one"
    else bad "point 11: counts read right" "$(screen p11 | head -3)"; fi
else bad "point 11: console starts" "$(screen p11)"; fi
stop p11

# --- point 12: the graph view -----------------------------------------------------------------------
start p12 120x40 TERM=xterm-256color LANG=C.UTF-8
if wait_for p12 '^> c1 ' 60; then
    keys p12 Enter Tab Tab Tab
    check "point 12: the graph pane draws accounts as rows and shared values as columns" p12 '^  account +A B C'
    check "point 12: holders are marked and joined" p12 '^[> ] acct_[0-9a-f]+ +● '
    # Hubs are the values the clustering does not pair by (`Investigation.isHub`) and go last:
    # either the legend names one, or the cluster's hubs lie past the columns shown.
    if screen p12 | grep -q '(hub)'; then ok "point 12: hub columns are named in the legend"
    elif screen p12 | grep -q '+[0-9]* more values' && screen p12 | grep -Eq '^links: .*hubs?\)'; then
        ok "point 12: the cluster's hubs come after the columns shown"
    else bad "point 12: hub columns are named in the legend" "$(screen p12 | head -10)"; fi
    keys p12 j
    check "point 12: j moves the graph's cursor" p12 '^> acct_[0-9a-f]+ .*●' 5
    SELECTED=$(screen p12 | grep -m1 '^> acct_' | awk '{print $2}')
    keys p12 Enter
    check "point 12: Enter opens the account under the cursor" p12 "^ Triage > cluster c1 > ${SELECTED:0:8}" 10
else bad "point 12: console starts" "$(screen p12)"; fi
stop p12
start p12a 100x30 TERM=vt100 LANG=C LC_ALL=C NO_COLOR=1
if wait_for p12a '^> c1 ' 60; then
    keys p12a Enter Tab Tab Tab
    if wait_for p12a '^  account +A B C' 10 && ! screen p12a | grep -q '[^ -~]'; then ok "point 12: the graph falls back to ASCII under LANG=C"
    else bad "point 12: the graph falls back to ASCII under LANG=C" "$(screen p12a)"; fi
else bad "point 12: console starts under LANG=C" "$(screen p12a)"; fi
stop p12a

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
