# Shared harness of the console e2e scripts (sourced, not run: CI runs only Tests/e2e/*.sh).
# The caller sets E2E_TAG (socket and temp-folder name) and E2E_TITLE, after `cd` to the repo root;
# its first argument, if any, is the case source (default: SampleCases/hydra).
BIN=${INVESTIGATE:-$(swift build ${SCRATCH:+--scratch-path "$SCRATCH"} --show-bin-path 2>/dev/null)/investigate}
PASS=0
FAIL=0
SOCK="inv-$E2E_TAG-$$"
WORK=$(mktemp -d /tmp/inv-$E2E_TAG.XXXXXX)
TMUX_CMD=(tmux -L "$SOCK" -f /dev/null)

cleanup() { "${TMUX_CMD[@]}" kill-server 2>/dev/null; sleep 0.5; rm -rf "$WORK" 2>/dev/null || { sleep 1; rm -rf "$WORK"; }; }
trap cleanup EXIT

ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/     | /' | head -45; }

if ! command -v tmux >/dev/null; then echo "tmux is not installed"; echo "0 passed, 1 failed"; exit 1; fi
if [ ! -x "$BIN" ]; then echo "no binary at $BIN (run swift build first)"; echo "0 passed, 1 failed"; exit 1; fi
CASE=${1:-SampleCases/hydra}
echo "e2e ($E2E_TITLE): $BIN on $CASE"
"${TMUX_CMD[@]}" new-session -d -s keeper -x 80 -y 24 "sleep 3600"

# start NAME COLSxROWS [ENV...]: the console in a detached tmux session with its own state, config,
# data and export folders (ENV given later wins); on exit the shell prints EXIT=<status>.
start() {
    local name=$1 size=$2; shift 2
    local cols=${size%x*} rows=${size#*x}
    "${TMUX_CMD[@]}" new-session -d -s "$name" -x "$cols" -y "$rows" \
        "env XDG_STATE_HOME=$WORK/state-$name XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data-$name TERM=xterm-256color LANG=C.UTF-8 $* $BIN console $CASE; echo EXIT=\$?; sleep 600"
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
