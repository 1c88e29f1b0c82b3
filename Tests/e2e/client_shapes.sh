#!/usr/bin/env bash
# End-to-end: a ring whose members each tag a common client string with an id of their own
# (Tests/sources/retag.py --style common) is read by its shape through the real binary: `why`
# names the shape, `pivot client_family` finds its holders by the shape's text and by a member's
# whole client string (saying which family it belongs to).
# Usage: Tests/e2e/client_shapes.sh [path/to/investigate]   (or $INVESTIGATE_BIN)
set -u
cd "$(dirname "$0")/../.."
BIN=${1:-${INVESTIGATE_BIN:-}}
if [ -z "$BIN" ]; then
    swift build >/dev/null 2>&1 || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
    BIN=$(swift build --show-bin-path)/investigate
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/investigate-e2e-shapes.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data XDG_STATE_HOME=$WORK/state
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/     | /' | head -30; }

"$BIN" generate "$WORK/plain" --accounts 3000 --seed 11 --scenario tooling >/dev/null 2>&1 \
    && python3 Tests/sources/retag.py "$WORK/plain" "$WORK/src" --style common >"$WORK/retag.out" 2>&1 \
    || { bad "generate and retag" "$(cat "$WORK/retag.out" 2>/dev/null)"; echo "$PASS passed, $FAIL failed"; exit 1; }
# Two members of the tooling ring, and the first one's client string (as retag.py wrote it).
read -r A B CLIENT < <(python3 - "$WORK/src" <<'PY'
import json, sys, hashlib
src = sys.argv[1]
truth = json.load(open(src + ".truth.json"))
ring = next(r for r in truth["rings"] if "tooling" in r["name"])["accounts"]
a, b = ring[0], ring[1]
print(a, b, "sess/" + hashlib.sha256(a.encode()).hexdigest()[:6])
PY
)
COMMON=$(sed -n 's/.*(common, on \(.*\))$/\1/p' "$WORK/retag.out")
SHAPE="$COMMON sess/#"
WHOLE="$COMMON $CLIENT"

out=$("$BIN" why "$WORK/src" "$A" "$B" 2>&1)
if grep -qF "both send client strings of their own shaped $SHAPE (each id in them written #" <<<"$out"; then
    ok "why names the shape the two members' strings share"
else
    bad "why names the shape the two members' strings share" "$out"
fi

out=$("$BIN" pivot "$WORK/src" client_family "$SHAPE" 2>&1)
n=$(sed -n "s/^client_family .*: \([0-9,]*\) accounts.*/\1/p" <<<"$out" | tr -d ,)
if [ -n "$n" ] && [ "$n" -ge 20 ] && grep -q "^$A	" <<<"$out"; then
    ok "pivot client_family by the shape's text lists the ring ($n accounts)"
else
    bad "pivot client_family by the shape's text lists the ring" "$out"
fi

out=$("$BIN" pivot "$WORK/src" client_family "$WHOLE" 2>"$WORK/note")
if grep -qF "is a client string, of client_family '$SHAPE': showing that" "$WORK/note" && grep -q "^$A	" <<<"$out"; then
    ok "pivot client_family by a member's whole client string names its family"
else
    bad "pivot client_family by a member's whole client string names its family" "$(cat "$WORK/note"; echo "$out")"
fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
