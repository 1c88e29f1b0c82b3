#!/usr/bin/env bash
# End-to-end tests of the console's trial fixes (a new user's trial after the third pass), one
# check per finding, in a real terminal (tmux) on the real binary. Builds nothing: run
# `swift build` first; the binary is taken from `swift build --show-bin-path` (or $INVESTIGATE).
# Usage: Tests/e2e/console_trial_fix.sh [CASE_DIR]   (default: SampleCases/hydra)
set -u
cd "$(dirname "$0")/../.."
BIN=${INVESTIGATE:-$(swift build ${SCRATCH:+--scratch-path "$SCRATCH"} --show-bin-path 2>/dev/null)/investigate}
PASS=0
FAIL=0
SOCK="inv-e2etf-$$"
WORK=$(mktemp -d /tmp/inv-e2etf.XXXXXX)
TMUX_CMD=(tmux -L "$SOCK" -f /dev/null)

cleanup() { "${TMUX_CMD[@]}" kill-server 2>/dev/null; sleep 0.5; rm -rf "$WORK" 2>/dev/null || { sleep 1; rm -rf "$WORK"; }; }
trap cleanup EXIT

ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/     | /' | head -45; }

if ! command -v tmux >/dev/null; then echo "tmux is not installed"; echo "0 passed, 1 failed"; exit 1; fi
if [ ! -x "$BIN" ]; then echo "no binary at $BIN (run swift build first)"; echo "0 passed, 1 failed"; exit 1; fi
CASE=${1:-SampleCases/hydra}
echo "e2e (console trial fixes): $BIN on $CASE"
"${TMUX_CMD[@]}" new-session -d -s keeper -x 80 -y 24 "sleep 3600"

# start NAME COLSxROWS: the console in a detached tmux session with its own state, config, data
# and export folders; on exit the shell prints EXIT=<status>.
start() {
    local name=$1 cols=${2%x*} rows=${2#*x}
    "${TMUX_CMD[@]}" new-session -d -s "$name" -x "$cols" -y "$rows" \
        "env XDG_STATE_HOME=$WORK/state-$name XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data-$name TERM=xterm-256color LANG=C.UTF-8 $BIN console $CASE; echo EXIT=\$?; sleep 600"
}
screen() { "${TMUX_CMD[@]}" capture-pane -p -t "$1"; }
keys() { local name=$1; shift; "${TMUX_CMD[@]}" send-keys -t "$name" "$@"; }
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
check() { if wait_for "$2" "$3" "${4:-10}"; then ok "$1"; else bad "$1" "$(screen "$2")"; fi; }
size() { "${TMUX_CMD[@]}" resize-window -t "$1" -x "$2" -y "$3" 2>/dev/null || "${TMUX_CMD[@]}" resize-pane -t "$1" -x "$2" -y "$3"; }

start f1 160x30
if wait_for f1 '^> c1 ' 60; then
    # 1. Backspace never eats the command word; the hint stays true.
    keys f1 t BSpace BSpace BSpace BSpace BSpace
    check "1: t then Backspace x5 keeps ':tag ' and its hint" f1 '^:tag _   tags the selected row'
    keys f1 Escape
    # 3. Tab in the tag prompt of a new case offers the built-in labels.
    keys f1 t Tab
    check "3: Tab in a new case's tag prompt offers the built-in labels" f1 'benign .*ring-member'
    keys f1 Escape
    # 2. T names its target and the marks it leaves.
    keys f1 Space T
    check "2: T names what it tags and the mark it does not use" f1 '^:tagcluster _   tags .*\(1 mark not used: t tags marked rows\)'
    keys f1 Escape Escape
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
