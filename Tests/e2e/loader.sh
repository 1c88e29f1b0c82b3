#!/usr/bin/env bash
# End-to-end: broken copies of a case source load leniently with file:line reasons and fail
# in --strict with a status below 128; pivots match a straightforward scan of the raw files.
set -uo pipefail
cd "$(dirname "$0")/../.."
BIN="${INVESTIGATE_BIN:-$(swift build --show-bin-path)/investigate}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass+1)); echo "ok   $1"; else fail=$((fail+1)); echo "FAIL $1"; fi; }

"$BIN" generate "$WORK/src" --accounts 800 --seed 31 >/dev/null
"$BIN" load "$WORK/src" --format json > "$WORK/clean.json"
check "clean source loads with zero skipped rows" 'python3 -c "import json,sys; r=json.load(open(\"$WORK/clean.json\")); sys.exit(0 if r[\"skipped_count\"]==0 and r[\"accounts\"]==800 else 1)"'
check "query count equals the file's lines" '[ "$(python3 -c "import json; print(json.load(open(\"$WORK/clean.json\"))[\"queries\"])")" = "$(wc -l < "$WORK/src/queries.jsonl")" ]'

for key in ip asn user_agent; do
  value=$(python3 -c "
import json,collections
c=collections.Counter()
for l in open('$WORK/src/queries.jsonl'): c[json.loads(l)['$key']]+=1
print(c.most_common(1)[0][0])")
  "$BIN" pivot "$WORK/src" "$key" "$value" --format json > "$WORK/pivot.json"
  check "pivot $key matches a scan of the raw files" "python3 - <<PY
import json,csv
want=set()
for l in open('$WORK/src/queries.jsonl'):
    r=json.loads(l)
    if r['$key']=='''$value''': want.add(r['account_id'])
if '$key'=='ip':
    for r in csv.DictReader(open('$WORK/src/accounts.csv', encoding='utf-8', errors='surrogateescape')):
        if r['signup_ip']=='''$value''': want.add(r['account_id'])
got=set(json.load(open('$WORK/pivot.json'))['accounts'])
raise SystemExit(0 if got==want else 1)
PY"
done

cp -r "$WORK/src" "$WORK/broken"
python3 - "$WORK/broken" <<'PY'
import sys, json
d = sys.argv[1]
lines = open(d + "/queries.jsonl", "rb").read().split(b"\n")[:-1]
row = json.loads(lines[10]); row["ts"] = "2026-13-45T99:00:00Z"; lines[10] = json.dumps(row).encode()
row = json.loads(lines[20]); row["account_id"] = "acct_nobody"; lines[20] = json.dumps(row).encode()
lines[30] = b"\x00\xff\xfe binary garbage \x1b[2J"
lines[-1] = lines[-1][: len(lines[-1]) // 2]
open(d + "/queries.jsonl", "wb").write(b"\n".join(lines))
PY
"$BIN" load "$WORK/broken" > "$WORK/lenient.txt"; status=$?
check "broken copy loads leniently (exit 0)" '[ $status -eq 0 ]'
check "bad timestamp reported at queries.jsonl:11" 'grep -q "queries.jsonl:11: bad timestamp" "$WORK/lenient.txt"'
check "unknown account reported at queries.jsonl:21" 'grep -q "queries.jsonl:21: query for unknown account" "$WORK/lenient.txt"'
check "binary garbage reported at queries.jsonl:31" 'grep -q "queries.jsonl:31: not a JSON object" "$WORK/lenient.txt"'
check "truncated last line reported" 'grep -q "(last line, no newline)" "$WORK/lenient.txt"'
check "no raw escape byte reaches the output" '! grep -q $'"'"'\x1b'"'"' "$WORK/lenient.txt"'
"$BIN" load "$WORK/broken" --strict > /dev/null 2> "$WORK/strict.txt"; status=$?
check "strict mode fails with a status below 128" '[ $status -ne 0 ] && [ $status -lt 128 ]'
check "strict mode names file:line" 'grep -q "queries.jsonl:11:" "$WORK/strict.txt"'

cp -r "$WORK/src" "$WORK/renamed"
python3 - "$WORK/renamed" <<'PY'
import sys
d = sys.argv[1]
text = open(d + "/payments.csv", encoding="utf-8").read().replace("payment_fingerprint", "fingerprint", 1)
open(d + "/payments.csv", "w", encoding="utf-8").write(text)
PY
"$BIN" load "$WORK/renamed" > "$WORK/renamed.txt"; status=$?
check "renamed column: lenient load goes on and names the column" '[ $status -eq 0 ] && grep -q "payments.csv:1: missing required column '"'"'payment_fingerprint'"'"'" "$WORK/renamed.txt"'
"$BIN" load "$WORK/renamed" --strict > /dev/null 2> "$WORK/renamed-strict.txt"; status=$?
check "renamed column: strict fails naming it" '[ $status -ne 0 ] && [ $status -lt 128 ] && grep -q "payment_fingerprint" "$WORK/renamed-strict.txt"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
