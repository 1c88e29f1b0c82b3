#!/usr/bin/env bash
# End-to-end: the second open of a source comes from its snapshot (same output), a damaged
# snapshot is reported and rebuilt, a changed source or --fresh does not use it.
# Usage: Tests/e2e/snapshot.sh [path/to/investigate]   (or $INVESTIGATE_BIN; default: `swift build`'s binary)
set -u
cd "$(dirname "$0")/../.."
BIN=${1:-${INVESTIGATE_BIN:-}}
if [ -z "$BIN" ]; then
    swift build >/dev/null 2>&1 || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
    BIN=$(swift build --show-bin-path)/investigate
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass+1)); echo "ok   $1"; else fail=$((fail+1)); echo "FAIL $1"; fi; }

export INVESTIGATE_DB="$WORK/store/cases.sqlite" INVESTIGATE_SNAPSHOT_TRACE=1
SNAPS="$WORK/store/snapshots"
"$BIN" generate "$WORK/src" --accounts 600 --seed 21 >/dev/null

"$BIN" clusters "$WORK/src" --top 0 --format json >"$WORK/first.json" 2>"$WORK/first.err"
check "the first open writes a snapshot" 'grep -q "snapshot: wrote" "$WORK/first.err" && ! grep -q "snapshot: used" "$WORK/first.err"'
SNAP=$(ls "$SNAPS"/*.snap 2>/dev/null | head -1)
check "the snapshot sits in snapshots/ beside the case database" '[ -n "$SNAP" ] && [ -f "$SNAP" ]'
check "the snapshot and its key are mode 0600" '[ "$(stat -c %a "$SNAP")" = 600 ] && [ "$(stat -c %a "$SNAPS/snapshot.key")" = 600 ]'

"$BIN" clusters "$WORK/src" --top 0 --format json >"$WORK/second.json" 2>"$WORK/second.err"
check "the second open uses the snapshot" 'grep -q "snapshot: used" "$WORK/second.err" && ! grep -q "snapshot: wrote" "$WORK/second.err"'
check "and prints the same clusters" 'cmp -s "$WORK/first.json" "$WORK/second.json"'

"$BIN" account "$WORK/src" "$(head -2 "$WORK/src/accounts.csv" | tail -1 | cut -d, -f1)" --format json >"$WORK/acct1.json" 2>/dev/null
INVESTIGATE_SNAPSHOTS=off "$BIN" account "$WORK/src" "$(head -2 "$WORK/src/accounts.csv" | tail -1 | cut -d, -f1)" --format json >"$WORK/acct2.json" 2>/dev/null
check "an account's page from the snapshot equals one built without it" 'cmp -s "$WORK/acct1.json" "$WORK/acct2.json" && [ -s "$WORK/acct1.json" ]'

"$BIN" clusters "$WORK/src" --top 0 --format json --fresh >"$WORK/fresh.json" 2>"$WORK/fresh.err"
check "--fresh does not use the snapshot" '! grep -q "snapshot: used" "$WORK/fresh.err" && cmp -s "$WORK/first.json" "$WORK/fresh.json"'

SNAP=$(ls "$SNAPS"/*.snap | head -1)
python3 - "$SNAP" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, 'rb').read())
b[len(b) // 2] ^= 0x5A
open(p, 'wb').write(b)
PY
"$BIN" clusters "$WORK/src" --top 0 --format json >"$WORK/damaged.json" 2>"$WORK/damaged.err"
check "a damaged snapshot is reported and rebuilt" 'grep -q "not trusted" "$WORK/damaged.err" && grep -q "snapshot: wrote" "$WORK/damaged.err"'
check "and the output is still right" 'cmp -s "$WORK/first.json" "$WORK/damaged.json"'
"$BIN" clusters "$WORK/src" --top 0 --format json >/dev/null 2>"$WORK/after.err"
check "the rebuilt snapshot is used next time" 'grep -q "snapshot: used" "$WORK/after.err"'

printf '\n' >>"$WORK/src/accounts.csv"
touch -d '2020-01-01' "$WORK/src/queries.jsonl"
"$BIN" clusters "$WORK/src" --top 0 --format json >/dev/null 2>"$WORK/changed.err"
check "a changed source does not use the old snapshot" '! grep -q "snapshot: used" "$WORK/changed.err" && grep -q "snapshot: wrote" "$WORK/changed.err"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
