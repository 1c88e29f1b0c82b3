#!/usr/bin/env bash
# End-to-end: hostile account ids (ESC, CR, LF, quotes, commas, formulas, bidi controls, invalid
# UTF-8, and look-alikes of each other's escaped forms) are tagged from the CLI and from the
# console (tmux), exported, and read back with Python's csv and json: exactly the tagged
# accounts' bytes come back, and nothing else.
# Usage: Tests/e2e/hostile_ids.sh [path/to/investigate]   (or $INVESTIGATE_BIN)
set -u
cd "$(dirname "$0")/../.."
BIN=${1:-${INVESTIGATE_BIN:-}}
if [ -z "$BIN" ]; then
    swift build >/dev/null 2>&1 || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
    BIN=$(swift build --show-bin-path)/investigate
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/investigate-e2e-hostile.XXXXXX")
SOCK="inv-hostile-$$"
TMUX_CMD=(tmux -L "$SOCK" -f /dev/null)
trap '"${TMUX_CMD[@]}" kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
export XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data XDG_STATE_HOME=$WORK/state
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/     | /' | head -30; }
check() { local name=$1; shift; if "$@" >"$WORK/last.out" 2>&1; then ok "$name"; else bad "$name" "$(cat "$WORK/last.out")"; fi; }

# The source: ring accounts share a card and a /24 (one cluster); each decoy is the escaped
# look-alike of a ring id and shares nothing with anyone. ids.json lists both, hex-encoded.
python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
ring = [b"acct_A\x1b", b"acct_cr\r", b"acct_lf\nX", b'acct_"q"', b"acct,comma", b'=HYPERLINK("http://x")',
        b"'quoted", b"acct_\xe2\x80\xaebidi", b"acct_\xff", b"-5", b"@sum", b"+cmd|calc", b"acct_plain",
        b"acct_tab\tx", b"acct_\xc3\xa9t\xc3\xa9"]
decoys = [b"acct_A\\x1b", b"acct_\xfe", b"acct_\xef\xbf\xbd", b"acct_cr\\r", b"acct_\\u{202E}bidi"]
def csv_cell(b): return b'"' + b.replace(b'"', b'""') + b'"'
def js(b):
    out = bytearray(b'"')
    for c in b:
        if c == 0x22: out += b'\\"'
        elif c == 0x5c: out += b'\\\\'
        elif c < 0x20: out += b'\\u%04x' % c
        else: out.append(c)
    return bytes(out + b'"')
rows = [b"account_id,created_at,email,country,plan,payment_fingerprint,signup_ip"]
queries = []
for n, i in enumerate(ring + decoys):
    is_ring = n < len(ring)
    card = b"pf_ring" if is_ring else b"pf_own_%d" % n
    ip = b"203.0.113.%d" % (n + 1) if is_ring else b"198.51.%d.7" % (n + 1)
    rows.append(csv_cell(i) + b",2026-01-02T00:00:00Z,u%d@mail%d.example,US,payg,%s,%s" % (n, n, card, ip))
    for k in range(4):
        if is_ring:
            prompt = b"Explain step by step \x1b[2J<b>" + i + b"</b> \xf0\x9f\x98\x80 " + (b"\xff" if k == 0 else b"")
            ua, model, hour = b"ua/\xff1", b"m1", k  # a client string that is not UTF-8
        else:  # a person of their own: own words, client, model and hours
            prompt = b"%s %d %s?" % (
                [b"weather in", b"recipe for", b"translate", b"poem about", b"news on"][n % 5], n * 7 + k, i)
            ua, model, hour = b"browser/%d" % n, b"m%d" % (n % 3 + 2), (k * 5 + n) % 24
        queries.append(b'{"ts":"2026-02-0%dT%02d:%02d:00Z","account_id":%s,"ip":"%s","user_agent":"%s","model":"%s",'
                       b'"input_tokens":900,"output_tokens":1800,"prompt":%s}' % (k + 1, hour, n, js(i), ip, ua, model, js(prompt)))
# A background population of strangers (own card, network, client, words and hours), so that
# what the ring shares is rare in this source, as it is in a real one.
words = ["weather", "recipe", "poem", "invoice", "travel", "garden", "chess", "guitar", "tax", "python", "history", "moon"]
for b in range(300):
    i = b"bg_%04d" % b
    rows.append(i + b",2025-0%d-1%dT00:00:00Z,bg%d@home%d.example,US,payg,pf_bg_%d,100.%d.%d.9" % (
        b % 9 + 1, b % 10, b, b, b, 64 + b // 200, b % 200))
    for k in range(2):
        prompt = b"%s %s %d?" % (words[(b + k) % 12].encode(), words[(b * 7 + k) % 12].encode(), b * 3 + k)
        queries.append(b'{"ts":"2026-03-%02dT%02d:%02d:00Z","account_id":"%s","ip":"100.%d.%d.9","user_agent":"app/%d",'
                       b'"model":"m%d","input_tokens":50,"output_tokens":300,"prompt":"%s"}' % (
                           b % 28 + 1, (b * 5 + k * 7) % 24, b % 60, i, 64 + b // 200, b % 200, b, b % 4 + 2, prompt))
import os
os.makedirs(f"{work}/src", exist_ok=True)
open(f"{work}/src/accounts.csv", "wb").write(b"\r\n".join(rows) + b"\r\n")
open(f"{work}/src/queries.jsonl", "wb").write(b"\n".join(queries) + b"\n")
json.dump({"ring": [i.hex() for i in ring], "decoys": [i.hex() for i in decoys]}, open(f"{work}/ids.json", "w"))
PY

# read_back BUNDLE EXPECTED_HEX_FILE: every machine-readable file names exactly the expected ids.
cat >"$WORK/readback.py" <<'PY'
import base64, csv, json, sys
bundle, expected_file = sys.argv[1], sys.argv[2]
expected = {bytes.fromhex(h) for h in open(expected_file).read().split()}
ids = json.load(open(sys.argv[3]))
problems = []
def exact_json(v): return base64.b64decode(v["b64"]) if isinstance(v, dict) else v.encode("utf-8")
for name in ("enforcement.csv", "accounts.csv"):
    with open(f"{bundle}/{name}", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    got = [base64.b64decode(r["account_id_b64"].removeprefix("'"), validate=True) for r in rows]
    if sorted(got) != sorted(expected):
        problems.append(f"{name}: ids {sorted(got)} != {sorted(expected)}")
    for r, b in zip(rows, got):
        text = r["account_id"]
        text = text[1:] if text.startswith("'") else text
        try:
            want = b.decode("utf-8")
        except UnicodeDecodeError:
            want = ""
        # No cell holds a NUL or a line break (bundle format 4): the id is then in account_id_b64 only.
        if "\0" in want or len(want.splitlines()) > 1 or want.splitlines() != [want]:
            want = ""
        if text != want:
            problems.append(f"{name}: account_id cell {r['account_id']!r} is not the exact text of {b!r}")
        cell = r["account_id"]
        if cell[:1] in ("=", "+", "@", "\t", "\r") or (cell[:1] == "-" and not cell[1:].isdigit()):
            problems.append(f"{name}: live formula {cell!r}")
case = json.load(open(f"{bundle}/case.json", encoding="utf-8"))
if sorted(exact_json(v) for v in case["accounts"]) != sorted(expected):
    problems.append("case.json: accounts differ")
prompts = {}
for line in open(f"{bundle}/queries.jsonl", encoding="utf-8"):
    q = json.loads(line)
    a = exact_json(q["account_id"])
    if a not in expected:
        problems.append(f"queries.jsonl: untagged account {a!r}")
    p = exact_json(q["prompt"])
    want = b"Explain step by step \x1b[2J<b>" + a + b"</b> \xf0\x9f\x98\x80 "
    if not (p == want or p == want + b"\xff"):
        problems.append(f"queries.jsonl: prompt of {a!r} is {p!r}")
    prompts[a] = prompts.get(a, 0) + 1
if sorted(prompts) != sorted(expected) or any(n != 4 for n in prompts.values()):
    problems.append(f"queries.jsonl: query counts {prompts}")
print("\n".join(problems) if problems else "exact")
sys.exit(1 if problems else 0)
PY

python3 -c "import json; print('\n'.join(json.load(open('$WORK/ids.json'))['ring']))" >"$WORK/ring.hex"
check "hostile source loads without skips" bash -c "'$BIN' load '$WORK/src' --format json | python3 -c 'import json,sys; r=json.load(sys.stdin); sys.exit(0 if r[\"accounts\"]==320 and r[\"skipped_count\"]==0 else 1)'"

# --- tagged from the CLI, one argument per raw id -----------------------------------------------
export INVESTIGATE_DB=$WORK/cli.sqlite
CASE=$("$BIN" case new "hostile ids (cli)")
ARGS=()
while read -r hex; do ARGS+=("$(printf '%s' "$hex" | xxd -r -p; printf x)"); done <"$WORK/ring.hex"
for i in "${!ARGS[@]}"; do ARGS[$i]=${ARGS[$i]%x}; done
check "tag the ring's raw ids from the CLI" "$BIN" case tag "$CASE" ring-member -- "${ARGS[@]}"
check "export (cli case)" "$BIN" export "$CASE" --source "$WORK/src" --out "$WORK/cli-bundle"
check "cli bundle names exactly the tagged bytes" python3 "$WORK/readback.py" "$WORK/cli-bundle" "$WORK/ring.hex" "$WORK/ids.json"
check "cli bundle verifies" "$BIN" verify "$WORK/cli-bundle"
check "account opens the ESC id, not its look-alike" bash -c "'$BIN' account '$WORK/src' -- \"\$1\" | head -1 | grep -qF 'account acct_A\\x1b '" _ "${ARGS[0]}"
check "account opens the invalid-UTF-8 id, not U+FFFD" bash -c "'$BIN' account '$WORK/src' -- \"\$1\" | head -1 | grep -qF 'account acct_\\xff '" _ "${ARGS[8]}"
# An id as the tool displays it can be pasted back; where the displayed text is itself another
# account's exact id (the look-alike decoys), the exact bytes win.
check "a pasted displayed id opens its account (acct_tab\\tx)" bash -c "'$BIN' account '$WORK/src' --format json -- 'acct_tab\\tx' | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)[\"account_id\"]==\"acct_tab\\tx\" else 1)'"
check "a displayed text that is another account's exact id opens that one" bash -c "'$BIN' account '$WORK/src' --format json -- 'acct_cr\\r' | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)[\"account_id\"]==\"acct_cr\\\\r\" else 1)'"

# A shared value that is not UTF-8 (the ring's client string) is pivoted on by its raw bytes or
# by base64, carried exactly in JSON ({"b64": ...}), and not confused with its repaired form.
UA_B64=$(printf 'ua/\xff1' | base64)
pivot_json_is() { "$BIN" pivot "$WORK/src" "$@" --format json | python3 -c "
import base64, json, sys
r = json.load(sys.stdin)
ok = r['value'] == {'b64': '$UA_B64'} and r['count'] == 15
sys.exit(0 if ok else 1)"; }
check "pivot on a raw non-UTF-8 client string finds its 15 holders, value exact" pivot_json_is user_agent "$(printf 'ua/\xff1')"
check "pivot --value-b64 finds the same" pivot_json_is user_agent --value-b64 "$UA_B64"
check "the repaired form (U+FFFD) is another value: no holders" bash -c "'$BIN' pivot '$WORK/src' user_agent \"\$1\" | head -1 | grep -q ': 0 accounts'" _ "$(printf 'ua/\xef\xbf\xbd1')"
check "why carries the shared client string and both ids exactly" bash -c "'$BIN' why '$WORK/src' --format json -- \"\$1\" acct_plain | python3 -c '
import json, sys
r = json.load(sys.stdin)
ok = r[\"account_a\"] == {\"b64\": \"YWNjdF//\"} and r[\"account_b\"] == \"acct_plain\"
ok = ok and {\"b64\": \"$UA_B64\"} in [s[\"value\"] for s in r[\"shared\"]]
sys.exit(0 if ok else 1)'" _ "${ARGS[8]}"
check "why's text shows the invalid byte escaped, never U+FFFD" bash -c "'$BIN' why '$WORK/src' -- \"\$1\" acct_plain >\"\$2\"; grep -qF 'client ua/\\xff1,' \"\$2\" && ! grep -q \$'\\xef\\xbf\\xbd' \"\$2\"" _ "${ARGS[8]}" "$WORK/why.txt"
check "account text shows the client string escaped" bash -c "'$BIN' account '$WORK/src' acct_plain | grep -qF 'ua/\\xff1'"
check "account --format json lists the client string exactly" bash -c "'$BIN' account '$WORK/src' --format json acct_plain | python3 -c '
import json, sys
r = json.load(sys.stdin)
sys.exit(0 if {\"b64\": \"$UA_B64\"} in [v[\"value\"] for v in r[\"links\"][\"user_agent\"]] else 1)'"

# --- tagged from the console (tmux): T on the ring's cluster -------------------------------------
if command -v tmux >/dev/null; then
    export INVESTIGATE_DB=$WORK/console.sqlite
    "${TMUX_CMD[@]}" new-session -d -s keeper -x 80 -y 24 "sleep 600"
    "${TMUX_CMD[@]}" new-session -d -s con -x 120 -y 40 \
        "env INVESTIGATE_DB=$INVESTIGATE_DB XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME XDG_STATE_HOME=$XDG_STATE_HOME TERM=tmux-256color LANG=C.UTF-8 $BIN console $WORK/src; sleep 600"
    "${TMUX_CMD[@]}" pipe-pane -t con -o "cat >> $WORK/console.bytes"
    waited=0
    until "${TMUX_CMD[@]}" capture-pane -p -t con | grep -q '^> c1 '; do
        sleep 0.2; waited=$((waited + 1)); [ $waited -gt 150 ] && break
    done
    "${TMUX_CMD[@]}" send-keys -t con T
    sleep 0.3
    "${TMUX_CMD[@]}" send-keys -t con -l ring-member
    "${TMUX_CMD[@]}" send-keys -t con Enter
    waited=0
    until "${TMUX_CMD[@]}" capture-pane -p -t con | grep -q 'tagged cluster c1'; do
        sleep 0.2; waited=$((waited + 1)); [ $waited -gt 50 ] && break
    done
    sleep 1
    "${TMUX_CMD[@]}" send-keys -t con q
    sleep 1
    # The bytes the console sent to the terminal (not capture-pane's text, which drops escape
    # sequences): the ids' bidi override and invalid byte never reach it raw.
    check "console output holds no raw bidi override or invalid byte" python3 -c "
import sys; b = open('$WORK/console.bytes', 'rb').read()
sys.exit(0 if b and b'\\xe2\\x80\\xae' not in b and b'\\xff' not in b else 1)"
    CCASE=$("$BIN" case list 2>/dev/null | awk 'NR==1 {print $1}')
    check "export (console case)" "$BIN" export "$CCASE" --source "$WORK/src" --out "$WORK/console-bundle.zip"
    mkdir -p "$WORK/console-bundle" && (cd "$WORK/console-bundle" && python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall('.')" "$WORK/console-bundle.zip")
    check "console bundle names exactly the tagged bytes" python3 "$WORK/readback.py" "$WORK/console-bundle" "$WORK/ring.hex" "$WORK/ids.json"
else
    bad "tmux is not installed"
fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
