#!/usr/bin/env bash
# End-to-end tests of the console's second pass (issue 14), one section per point, in a real
# terminal (tmux) on the real binary. Builds nothing: run `swift build` first; the binary is
# taken from `swift build --show-bin-path` (or $INVESTIGATE).
# Usage: Tests/e2e/console_second_pass.sh [CASE_DIR]   (default: SampleCases/hydra)
set -u
cd "$(dirname "$0")/../.."
BIN=${INVESTIGATE:-$(swift build ${SCRATCH:+--scratch-path "$SCRATCH"} --show-bin-path 2>/dev/null)/investigate}
PASS=0
FAIL=0
SOCK="inv-e2e2-$$"
WORK=$(mktemp -d /tmp/inv-e2e2.XXXXXX)
TMUX_CMD=(tmux -L "$SOCK" -f /dev/null)

cleanup() { "${TMUX_CMD[@]}" kill-server 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/     | /' | head -45; }

if ! command -v tmux >/dev/null; then echo "tmux is not installed"; echo "0 passed, 1 failed"; exit 1; fi
if [ ! -x "$BIN" ]; then echo "no binary at $BIN (run swift build first)"; echo "0 passed, 1 failed"; exit 1; fi
CASE=${1:-SampleCases/hydra}
echo "e2e (console second pass): $BIN on $CASE"
"${TMUX_CMD[@]}" new-session -d -s keeper -x 80 -y 24 "sleep 3600"

# start NAME COLSxROWS ENV... : the console in a detached tmux session with its own state,
# config, data and export folders; on exit the shell prints EXIT=<status>.
start() {
    local name=$1 size=$2; shift 2
    local cols=${size%x*} rows=${size#*x}
    "${TMUX_CMD[@]}" new-session -d -s "$name" -x "$cols" -y "$rows" \
        "env XDG_STATE_HOME=$WORK/state-$name XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data-$name $* $BIN console $CASE; echo EXIT=\$?; sleep 600"
}
screen() { "${TMUX_CMD[@]}" capture-pane -p -t "$1"; }
keys() { local name=$1; shift; "${TMUX_CMD[@]}" send-keys -t "$name" "$@"; }
# typed NAME TEXT: types text literally (no key-name lookup).
typed() { "${TMUX_CMD[@]}" send-keys -t "$1" -l "$2"; }
wait_for() {
    local name=$1 pattern=$2 limit=${3:-30} i=0
    while [ "$i" -lt $((limit * 10)) ]; do
        screen "$name" | grep -Eq -- "$pattern" && return 0
        sleep 0.1; i=$((i + 1))
    done
    return 1
}
stop() { "${TMUX_CMD[@]}" kill-session -t "$1" 2>/dev/null; }
# check LABEL NAME REGEX [SECONDS]: ok when the pane shows REGEX in time.
check() { if wait_for "$2" "$3" "${4:-10}"; then ok "$1"; else bad "$1" "$(screen "$2")"; fi; }
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
    check "point 2: triage says how many clusters it shows and what it hides" p2 '^(all [0-9,]+|[0-9,]+ of [0-9,]+) linked clusters? shown'
    if screen p2 | grep -q 'single accounts\? hidden (X shows them)'; then
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
    check "point 3: T on a shared value tags its accounts and the value" p3 "tagged [0-9]+ accounts? sharing payment .*'ring-value' in (a new case|case-0001)" 20
    if case_json p3 | grep -q '"ring-value"'; then ok "point 3: the shared-value tags are in the case store"
    else bad "point 3: the shared-value tags are in the case store" "$(case_json p3 | head -30)"; fi
    keys p3 u
    check "point 4: u asks for Enter and names the write it would undo" p3 "Enter retracts the last write: tag 'ring-value' on [0-9]+ rows"
    keys p3 Enter
    check "point 4: Enter undoes it and says what was undone" p3 "undone: tag 'ring-value' on [0-9]+ rows \(retracted, kept in the audit trail\)" 20
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

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
