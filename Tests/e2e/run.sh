#!/usr/bin/env bash
# End-to-end tests of `investigate console` in a real terminal (tmux). Builds nothing: run
# `swift build` first; the binary is taken from `swift build --show-bin-path` (or $INVESTIGATE).
# Usage: Tests/e2e/run.sh [CASE_DIR]   (default: SampleCases/hydra, else a generated source)
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${INVESTIGATE:-$(swift build ${SCRATCH:+--scratch-path "$SCRATCH"} --show-bin-path 2>/dev/null)/investigate}
PASS=0
FAIL=0
SOCK="inv-e2e-$$"
WORK=$(mktemp -d /tmp/inv-e2e.XXXXXX)
TMUX_CMD=(tmux -L "$SOCK" -f /dev/null)

cleanup() { "${TMUX_CMD[@]}" kill-server 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/     | /' | head -45; }

if ! command -v tmux >/dev/null; then echo "tmux is not installed"; echo "0 passed, 1 failed"; exit 1; fi
if [ ! -x "$BIN" ]; then echo "no binary at $BIN (run swift build first)"; echo "0 passed, 1 failed"; exit 1; fi

CASE=${1:-}
if [ -z "$CASE" ]; then
    if [ -d SampleCases/hydra ]; then CASE=SampleCases/hydra
    else CASE=$WORK/case; "$BIN" generate "$CASE" --accounts 1500 --seed 7 >/dev/null || { echo "generate failed"; exit 1; }
    fi
fi
echo "e2e: $BIN on $CASE"
# A session that lives for the whole run, so the private tmux server never exits between tests
# (a new-session racing a server shutting down fails with "no server running").
"${TMUX_CMD[@]}" new-session -d -s keeper -x 80 -y 24 "sleep 3600"

# start NAME COLSxROWS ENV... : runs the console in a detached tmux session; on exit the shell
# prints EXIT=<status> and whether the tty is back in canonical mode.
start() {
    local name=$1 size=$2; shift 2
    local cols=${size%x*} rows=${size#*x}
    "${TMUX_CMD[@]}" new-session -d -s "$name" -x "$cols" -y "$rows" \
        "env XDG_STATE_HOME=$WORK/state-$name XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data $* $BIN console $CASE; echo EXIT=\$?; stty -a | tr ' ' '\n' | grep -x -- '-\?icanon'; sleep 600"
}
screen() { "${TMUX_CMD[@]}" capture-pane -p -t "$1"; }
keys() { local name=$1; shift; "${TMUX_CMD[@]}" send-keys -t "$name" "$@"; }
# wait_for NAME REGEX [SECONDS]: polls the pane until it matches.
wait_for() {
    local name=$1 pattern=$2 limit=${3:-30} i=0
    while [ "$i" -lt $((limit * 10)) ]; do
        screen "$name" | grep -Eq -- "$pattern" && return 0
        sleep 0.1; i=$((i + 1))
    done
    return 1
}
stop() { "${TMUX_CMD[@]}" kill-session -t "$1" 2>/dev/null; }
# console_pid NAME: the console process running in this test's own tmux pane (not another run's).
console_pid() {
    local shell
    shell=$("${TMUX_CMD[@]}" display-message -p -t "$1" '#{pane_pid}' 2>/dev/null) || return 0
    pgrep -P "$shell" -f "investigate console" | head -1
}

# --- the main walk at 120x40 ----------------------------------------------------------------
start main 120x40 TERM=tmux-256color LANG=C.UTF-8
if wait_for main '^> c1 ' 60; then ok "triage ready"; else bad "triage ready" "$(screen main)"; fi
TRIAGE=$(screen main)
if echo "$TRIAGE" | grep -Eq 'c1 .*[A-Za-z]+_[0-9a-z]{4,}'; then ok "triage shows account ids"; else bad "triage shows account ids" "$TRIAGE"; fi
if echo "$TRIAGE" | grep -Eq '^  c2 '; then ok "triage shows cluster rows"; else bad "triage shows cluster rows" "$TRIAGE"; fi

"${TMUX_CMD[@]}" pipe-pane -t main -o "cat >> $WORK/bytes"
sleep 0.3
keys main j
wait_for main '^> c2 ' 5
sleep 0.3
"${TMUX_CMD[@]}" pipe-pane -t main
BYTES=$(wc -c < "$WORK/bytes" 2>/dev/null || echo 99999)
if [ "$BYTES" -lt 300 ]; then ok "one-row move sends $BYTES bytes (< 300 at 120x40)"; else bad "one-row move sends $BYTES bytes"; fi
keys main k
wait_for main '^> c1 ' 5

keys main y
wait_for main "copied c1 to (the tmux|tmux's) buffer" 5
if [ "$("${TMUX_CMD[@]}" show-buffer 2>/dev/null)" = c1 ]; then ok "y inside tmux copies the id into tmux's buffer and says so"
else bad "y copies into the tmux buffer" "$(screen main | tail -3)"; fi

keys main Enter
if wait_for main '^ Triage > cluster c1' 10; then ok "Enter opens the top cluster"; else bad "Enter opens the top cluster" "$(screen main)"; fi
keys main Enter
if wait_for main '^ Triage > cluster c1 > ' 10 && wait_for main 'kind +value' 10; then
    ACCOUNT=$(screen main)
    if echo "$ACCOUNT" | grep -Eq '^[> ] (payment) ' && echo "$ACCOUNT" | grep -Eq '^[> ] (ip|asn) '; then
        ok "account shows payment and ip/asn values"
    else bad "account shows payment and ip/asn values" "$ACCOUNT"; fi
else bad "Enter opens the first account" "$(screen main)"; fi

keys main BSpace
wait_for main '^ Triage > cluster c1 *$' 10
keys main BSpace
if wait_for main '^ Triage *$' 10 && [ "$(screen main | sed -n '3,38p')" = "$(echo "$TRIAGE" | sed -n '3,38p')" ]; then
    ok "Backspace twice returns to the same triage rows"
else bad "Backspace twice returns to the same triage rows" "$(diff <(echo "$TRIAGE") <(screen main))"; fi

keys main '?'
if wait_for main 'back one step' 10 && screen main | grep -q 'search rows' && screen main | grep -Eq '^ t +tag '; then
    ok "? lists back, search and tag"
else bad "? lists back, search and tag" "$(screen main)"; fi
keys main Escape

keys main / c2
if wait_for main '^> .*c2' 10; then ok "incremental search moves to a match"; else bad "incremental search" "$(screen main)"; fi
keys main Enter
SELECTED=$(screen main | grep -m1 '^> ' | cut -c1-6)

"${TMUX_CMD[@]}" resize-window -t main -x 80 -y 24 2>/dev/null || "${TMUX_CMD[@]}" resize-pane -t main -x 80 -y 24
sleep 0.5
SMALL=$(screen main)
WIDEST=$(echo "$SMALL" | LC_ALL=C.UTF-8 wc -L)
if [ "$(echo "$SMALL" | wc -l)" -le 24 ] && [ "$WIDEST" -le 80 ] && echo "$SMALL" | grep -q '^ Triage' && echo "$SMALL" | grep -qF -- "$SELECTED"; then
    ok "resize to 80x24 redraws within 80 columns"
else bad "resize to 80x24 redraws within 80 columns (widest $WIDEST)" "$SMALL"; fi
"${TMUX_CMD[@]}" resize-window -t main -x 60 -y 20 2>/dev/null
if wait_for main 'terminal too small' 5; then ok "below 80x24 says terminal too small"; else bad "terminal too small" "$(screen main)"; fi
"${TMUX_CMD[@]}" resize-window -t main -x 120 -y 40 2>/dev/null
wait_for main '^ Triage' 5

keys main q
if wait_for main '^-?icanon$' 10 && screen main | grep -q '^EXIT=0' && screen main | grep -qx 'icanon'; then ok "q exits 0 with the terminal restored"; else bad "q exits 0 with the terminal restored" "$(screen main)"; fi
stop main

# --- hostile text never retitles the window -------------------------------------------------
HOSTILE=$WORK/hostile
mkdir -p "$HOSTILE"
printf 'account_id,created_at,email,country,plan,status,payment_fingerprint,signup_ip\n' > "$HOSTILE/accounts.csv"
printf 'acct_evil1,2026-01-01T00:00:00Z,"a@x.com",US,free,active,"pf_\033]0;PWNED\007\033[2J",203.0.113.9\n' >> "$HOSTILE/accounts.csv"
printf 'acct_evil2,2026-01-01T00:00:00Z,b@x.com,US,free,active,"pf_\033]0;PWNED\007\033[2J",203.0.113.9\n' >> "$HOSTILE/accounts.csv"
for a in acct_evil1 acct_evil2; do
    printf '{"ts":1779478402359,"account_id":"%s","api_key":"sk-1","ip":"203.0.113.9","model":"m","input_tokens":5,"output_tokens":9,"category":"code","prompt":"x\\u001b]0;PWNED\\u0007\\u001b[2J\\u202egnp.exe"}\n' "$a" >> "$HOSTILE/queries.jsonl"
done
CASE_SAVED=$CASE; CASE=$HOSTILE
start hostile 120x40 TERM=xterm-256color LANG=C.UTF-8
"${TMUX_CMD[@]}" set-option -t hostile set-titles on 2>/dev/null
# The two accounts form no linked cluster: triage hides single accounts, and X lists them.
if wait_for hostile 'single accounts? hidden' 30; then
    keys hostile X; sleep 0.3; keys hostile Enter
    if wait_for hostile 'pf_\\x1b\]0;PWNED\\x07' 10; then ok "hostile value drawn as visible escapes"; else bad "hostile value drawn as visible escapes" "$(screen hostile)"; fi
    keys hostile H
    if wait_for hostile 'x\\x1b\]0;PWNED\\x07\\x1b\[2J\\u\{202E\}gn' 10; then ok "hostile prompt drawn as visible escapes"; else bad "hostile prompt drawn as visible escapes" "$(screen hostile)"; fi
    TITLE=$("${TMUX_CMD[@]}" display-message -p -t hostile '#{pane_title}')
    if [ "$TITLE" != "PWNED" ]; then ok "no data string changed the title"; else bad "title changed to $TITLE"; fi
else bad "hostile source opens" "$(screen hostile)"; fi
keys hostile q
stop hostile
CASE=$CASE_SAVED

# --- TERM matrix with NO_COLOR=1 LANG=C --------------------------------------------------------
for term in xterm-256color tmux-256color screen linux vt100 xterm; do
    name="t${term//[^a-z0-9]/}"
    start "$name" 100x30 TERM="$term" NO_COLOR=1 LANG=C LC_ALL=C
    if wait_for "$name" '^> c1 ' 60 && ! screen "$name" | grep -q '[^ -~]'; then
        keys "$name" Enter
        wait_for "$name" 'cluster c1' 10
        keys "$name" q
        if wait_for "$name" '^EXIT=0' 10; then ok "TERM=$term NO_COLOR=1 LANG=C starts, ASCII only, exits 0"
        else bad "TERM=$term exit" "$(screen "$name")"; fi
    else bad "TERM=$term NO_COLOR=1 LANG=C starts ASCII-only" "$(screen "$name")"; fi
    stop "$name"
done

# --- no terminal: clear message, non-zero exit, no hang --------------------------------------
OUT=$(timeout 10 "$BIN" console "$CASE" </dev/null 2>&1); CODE=$?
if [ "$CODE" -ne 0 ] && [ "$CODE" -ne 124 ] && echo "$OUT" | grep -q 'not a terminal'; then ok "stdin not a tty: message and exit $CODE"
else bad "stdin not a tty (exit $CODE)" "$OUT"; fi
start dumb 100x30 TERM=dumb
if wait_for dumb 'EXIT=[1-9]' 10 && screen dumb | grep -q 'TERM is dumb'; then ok "TERM=dumb: message and non-zero exit"; else bad "TERM=dumb" "$(screen dumb)"; fi
stop dumb

# --- SIGTERM restores the terminal ------------------------------------------------------------
start sig 100x30 TERM=xterm-256color
if wait_for sig '^> c1 ' 60; then
    PID=$(console_pid sig)
    [ -n "$PID" ] && kill -TERM "$PID"
    if wait_for sig '^-?icanon$' 10 && screen sig | grep -q '^EXIT=143' && screen sig | grep -qx 'icanon'; then ok "SIGTERM restores the terminal (exit 143)"
    else bad "SIGTERM restores the terminal" "$(screen sig)"; fi
else bad "sig session start" "$(screen sig)"; fi
stop sig

# --- SIGHUP (dropped SSH) saves the place; the next start reopens there ---------------------
start resume 100x30 TERM=xterm-256color
if wait_for resume '^> c1 ' 60; then
    keys resume j Enter
    wait_for resume '^ Triage > cluster c2' 10
    PID=$(console_pid resume)
    [ -n "$PID" ] && kill -HUP "$PID"
    if wait_for resume '^EXIT=129' 10; then ok "SIGHUP ends the console (exit 129)"; else bad "SIGHUP" "$(screen resume)"; fi
    stop resume
    start resume 100x30 TERM=xterm-256color
    if wait_for resume '^ Triage > cluster c2' 60 && screen resume | grep -q 'restored where you were'; then
        ok "next start reopens where it was"
    else bad "next start reopens where it was" "$(screen resume)"; fi
    keys resume q
else bad "resume session start" "$(screen resume)"; fi
stop resume

# --- tagging and export from the console land in the case store and a verifiable bundle ------
start export 120x40 TERM=xterm-256color
if wait_for export '^> c1 ' 60; then
    keys export Enter
    wait_for export '^ Triage > cluster c1' 10
    keys export T
    sleep 0.3
    keys export ring-member Enter
    if wait_for export "tagged cluster c1 and [0-9]+ accounts 'ring-member'" 10; then ok "T tags the whole cluster"
    else bad "T tags the whole cluster" "$(screen export)"; fi
    keys export e Enter
    if wait_for export 'exported case-[0-9]+ as .*signed' 60; then ok "e exports the open case"
    else bad "e exports the open case" "$(screen export)"; fi
    BUNDLE=$(ls "$WORK"/data/investigate/exports/*.zip 2>/dev/null | head -1)
    if [ -n "$BUNDLE" ] && XDG_CONFIG_HOME=$WORK/config "$BIN" verify "$BUNDLE" >/dev/null; then ok "the exported bundle verifies"
    else bad "the exported bundle verifies" "$(ls -la "$WORK"/data/investigate 2>&1)"; fi
    SHOWN=$(XDG_DATA_HOME=$WORK/data "$BIN" case show case-0001 --format json 2>&1)
    if echo "$SHOWN" | grep -q '"ring-member"'; then ok "case show lists the console's tags"
    else bad "case show lists the console's tags" "$SHOWN"; fi
    keys export c
    if wait_for export '^>\*case-0001 +open ' 10; then ok "c opens the case picker on the open case"
    else bad "c opens the case picker on the open case" "$(screen export)"; fi
    keys export Escape
    keys export q
else bad "export session start" "$(screen export)"; fi
stop export

# --- replay: the headless twin -----------------------------------------------------------------
printf 'j Enter Enter Backspace Backspace ?\nEsc\n' > "$WORK/keys"
REPLAY=$("$BIN" replay "$CASE" --keys "$WORK/keys" --size 80x24)
if echo "$REPLAY" | tail -1 | grep -q '"p99_ms"' && echo "$REPLAY" | grep -q '^ Triage'; then ok "replay prints the screen and latency JSON"
else bad "replay" "$REPLAY"; fi
printf 'c\n' > "$WORK/keys-nostore"
REPLAY=$("$BIN" replay "$CASE" --keys "$WORK/keys-nostore" --size 80x24)
if echo "$REPLAY" | grep -q 'no case store'; then ok "c without a case store says so"
else bad "c without a case store says so" "$REPLAY"; fi
printf ':case new Alpha\n:case new Beta\nc\n' > "$WORK/keys-picker"
REPLAY=$("$BIN" replay "$CASE" --keys "$WORK/keys-picker" --size 80x24 --db "$WORK/replay-cases.sqlite")
if echo "$REPLAY" | grep -A1 -E '^>\*case-0002 +open +Beta' | grep -qE '^  case-0001 +open +Alpha'; then
    ok "c lists the stored cases newest first"
else bad "c lists the stored cases newest first" "$REPLAY"; fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
