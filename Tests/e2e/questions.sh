#!/usr/bin/env bash
# End-to-end: a ring asking for reasoning on questions from one private bank, each member on its
# own card, address and client, is linked by the questions it shares (and its wrapper), through
# the real binary: `clusters` puts the ring in one cluster, `why` names a shared question with
# its senders, `pivot question` lists them, and two strangers sharing one question are told it
# counts nothing. A reversed --since/--until window is refused.
# Usage: Tests/e2e/questions.sh [path/to/investigate]   (or $INVESTIGATE_BIN)
set -u
cd "$(dirname "$0")/../.."
BIN=${1:-${INVESTIGATE_BIN:-}}
if [ -z "$BIN" ]; then
    swift build >/dev/null 2>&1 || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
    BIN=$(swift build --show-bin-path)/investigate
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/investigate-e2e-questions.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data XDG_STATE_HOME=$WORK/state
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/     | /' | head -30; }

# 300 people (60 of them asking for reasoning about questions of their own), a ring of 14 drawing
# from a bank of 50 questions in one wrapper, and two strangers (x0, x1) sharing one question.
python3 - "$WORK/src" <<'PY'
import json, os, random, sys
out = sys.argv[1]
os.makedirs(out)
rng = random.Random(44)
def word():
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))
def question():
    return "How does the " + " ".join(word() for _ in range(18)) + " work out"
accounts, queries = [], []
T0 = 1767225600
def account(aid, i):
    accounts.append("%s,2025-0%d-1%dT08:00:00Z,%s@mail-%s.example,pm-%s" % (aid, 1 + i % 9, i % 10, aid, aid, aid))
def query(aid, t, prompt, ip, asn, ua, out_tokens):
    queries.append(json.dumps({"ts": t * 1000, "account_id": aid, "prompt": prompt, "input_tokens": 60,
                               "output_tokens": out_tokens, "ip": ip, "asn": asn, "user_agent": ua, "category": "math"}))
for i in range(300):
    aid = "p%d" % i
    account(aid, i)
    asks = i < 60
    for _ in range(8):
        prompt = ("Step by step, %s?" % question()) if asks else " ".join(word() for _ in range(12))
        query(aid, T0 + rng.randrange(2_500_000), prompt, "81.%d.%d.9" % (i // 200, i % 200), "AS%d" % (5000 + i % 40), "browser-%d/2.0" % i, 700)
bank = [question() for _ in range(50)]
for i in range(14):
    aid = "r%d" % i
    account(aid, i)
    for _ in range(24):
        query(aid, T0 + rng.randrange(2_500_000), "%s? Explain your reasoning step by step before the final answer." % rng.choice(bank),
              "77.1.%d.5" % i, "AS%d" % (3000 + i), "client-%s/1.0" % aid, 1500)
common = question()
for i, aid in enumerate(["x0", "x1"]):
    account(aid, i)
    for k in range(8):
        q = common if k == 0 else question()
        query(aid, T0 + rng.randrange(2_500_000), "Please think step by step: %s?" % q, "78.%d.1.5" % i, "AS%d" % (7000 + i), "tool-%s/3.0" % aid, 900)
with open(out + "/accounts.csv", "w") as f:
    f.write("account_id,created_at,email,payment_fingerprint\n" + "\n".join(accounts) + "\n")
with open(out + "/queries.jsonl", "w") as f:
    f.write("\n".join(queries) + "\n")
PY
[ -f "$WORK/src/queries.jsonl" ] || { bad "write the source"; echo "$PASS passed, $FAIL failed"; exit 1; }

out=$("$BIN" account "$WORK/src" r0 2>&1)
if grep -q "cluster c[0-9]* (size 14," <<<"$out"; then
    ok "the ring of 14 is one cluster"
else
    bad "the ring of 14 is one cluster" "$out"
fi

out=$("$BIN" why "$WORK/src" r0 r5 2>&1)
Q=$(sed -n 's/.*both sent question \(q-[0-9a-f]*\) (prompts worded alike, outside any template family), which .*/\1/p' <<<"$out" | head -1)
if [ -n "$Q" ] && grep -q "a link needs .*: linked" <<<"$out"; then
    ok "why names a question the two members sent ($Q) and links them"
else
    bad "why names a question the two members sent and links them" "$out"
fi

out=$("$BIN" pivot "$WORK/src" question "$Q" 2>&1)
if grep -q "^r0	" <<<"$out" && grep -q "^r5	" <<<"$out" && ! grep -q "^p[0-9]*	" <<<"$out"; then
    ok "pivot question $Q lists ring members and no one else"
else
    bad "pivot question $Q lists ring members and no one else" "$out"
fi

if grep -q "^its prompts: investigate queries .* --question $Q$" <<<"$out"; then
    ok "pivot question $Q says how to read its prompts"
else
    bad "pivot question $Q says how to read its prompts" "$out"
fi

# The question's prompts, read again: each line led by a ring member, every line the same
# question (one bank entry: the prompts, cut to 100 characters, read alike), and on stderr how
# many from how many of its senders.
out=$("$BIN" queries "$WORK/src" --question "$Q" 2>"$WORK/q.err")
err=$(cat "$WORK/q.err")
lines=$(grep -c . <<<"$out")
senders=$(cut -f1 <<<"$out" | sort -u | grep -c "^r[0-9]*$")
if [ "$lines" -ge 2 ] && [ "$senders" -ge 2 ] && ! grep -vq "^r[0-9]*	" <<<"$out" \
    && [ "$(cut -f5 <<<"$out" | sort -u | grep -c .)" -eq 1 ] && grep -q "^$Q: $lines prompts from $senders of its" <<<"$err"; then
    ok "queries --question $Q prints its $lines prompts from $senders senders, one question"
else
    bad "queries --question $Q prints its prompts from each sender" "$out
$err"
fi
out=$("$BIN" queries "$WORK/src" --question "$Q" --format jsonl 2>/dev/null)
if [ "$(grep -c '"account_id":"r' <<<"$out")" -eq "$lines" ]; then
    ok "queries --question --format jsonl gives the same $lines rows, exactly"
else
    bad "queries --question --format jsonl gives the same rows" "$out"
fi
out=$("$BIN" queries "$WORK/src" --question "$Q" --account r0 --width 0 2>"$WORK/q.err")
err=$(cat "$WORK/q.err")
if [ -n "$out" ] && ! grep -vq "^r0	.*Explain your reasoning step by step before the final answer\.$" <<<"$out" \
    && grep -q "^$Q: .* from r0, one of its [0-9]*$" <<<"$err"; then
    ok "queries --question with --account gives that sender's prompts of it, whole with --width 0"
else
    bad "queries --question with --account gives that sender's prompts of it, whole with --width 0" "$out
$err"
fi
out=$("$BIN" queries "$WORK/src" --question " ${Q:0:7}" 2>&1); code=$?
if [ $code -eq 2 ] && grep -q "no question is exactly ${Q:0:7}; .* $Q" <<<"$out"; then
    ok "a part of a question's name names the questions that hold it"
else
    bad "a part of a question's name names the questions that hold it" "$code $out"
fi
out=$("$BIN" queries "$WORK/src" 2>&1); code=$?
out2=$("$BIN" queries "$WORK/src" --question "$Q" --format json 2>&1); code2=$?
out3=$("$BIN" queries "$WORK/src" --question "$Q" --width=-1 2>&1); code3=$?
if [ $code -ne 0 ] && grep -q "give --account ID, --question q-..., or both" <<<"$out" && [ $code2 -ne 0 ] && [ $code3 -ne 0 ] \
    && grep -q -- "--width takes 0" <<<"$out3"; then
    ok "queries asks for an account or a question, refuses json and a negative width"
else
    bad "queries asks for an account or a question, refuses json and a negative width" "$code $out
$code2 $out2
$code3 $out3"
fi
out=$("$BIN" queries "$WORK/src" --question q-00000000 2>&1); code=$?
out2=$("$BIN" queries "$WORK/src" --question "not-a-question" 2>&1); code2=$?
if [ $code -eq 2 ] && grep -q "no question q-00000000" <<<"$out" && [ $code2 -eq 2 ] && grep -q "q- and eight hex digits" <<<"$out2"; then
    ok "a question that does not exist is an error, and a misshapen name says the shape"
else
    bad "a question that does not exist is an error" "$code $out
$code2 $out2"
fi

out=$("$BIN" queries "$WORK/src" --account r0 --since 2026-02-01T00:00:00Z --until 2026-01-01T00:00:00Z 2>&1); code=$?
out2=$("$BIN" queries "$WORK/src" --account r0 --since 2026-01-05T00:00:00Z --until 2026-01-05T00:00:00Z 2>&1); code2=$?
out3=$("$BIN" queries "$WORK/src" --account r0 --since 2025-12-31T00:00:00Z --until 2026-12-01T00:00:00Z 2>/dev/null); code3=$?
out4=$("$BIN" queries "$WORK/src" --account r0 --since 2030-01-01 2>"$WORK/w.err"); code4=$?
out5=$("$BIN" queries "$WORK/src" --account r0 --since yesterday 2>&1); code5=$?
if [ $code -eq 2 ] && grep -q -- "--since 2026-02-01T00:00:00Z is not before --until 2026-01-01T00:00:00Z: no query can fall in it" <<<"$out" \
    && [ $code2 -eq 2 ] && [ $code3 -eq 0 ] && [ "$(grep -c . <<<"$out3")" -eq 24 ] \
    && [ $code4 -eq 0 ] && [ -z "$out4" ] && grep -q "^0 queries in the time given (of the account's 24)$" "$WORK/w.err" \
    && [ $code5 -eq 2 ] && grep -q "bad --since time yesterday (RFC 3339" <<<"$out5"; then
    ok "a reversed or empty --since/--until window is an error; a real one keeps r0's 24 queries, one after them says 0"
else
    bad "a reversed or empty --since/--until window is an error" "$code $out
$code2 $out2
$code3 $out3
$code4 $out4 $(cat "$WORK/w.err")
$code5 $out5"
fi

out=$("$BIN" why "$WORK/src" x0 x1 2>&1)
if grep -q "not counted: one shared question is a coincidence strangers meet" <<<"$out" && grep -q "not linked" <<<"$out"; then
    ok "one question two strangers share counts nothing"
else
    bad "one question two strangers share counts nothing" "$out"
fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
