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
  # The text form gives each holder's cluster, and a line counting the clusters they fall in
  # that agrees with `clusters --format json`.
  "$BIN" pivot "$WORK/src" "$key" "$value" > "$WORK/pivot.txt"
  "$BIN" clusters "$WORK/src" --top 0 --format json > "$WORK/clusters.json"
  check "pivot $key text and json name each holder's cluster, as clusters does" "python3 - <<PY
import json,re
lines=open('$WORK/pivot.txt').read().splitlines()
owner={a:c['id'] for c in json.load(open('$WORK/clusters.json')) for a in c['accounts']}
held=[l for l in lines if l.startswith('held in: ')]
rows=[l.split('\\t') for l in lines[2:]]
ok=len(held)==1 and len(rows)==len(json.load(open('$WORK/pivot.json'))['accounts'])
ok=ok and all(re.fullmatch(r'c[0-9]+ \\(size [0-9]+, risk [0-9.]+\\)', r[1]) and owner[r[0]]==r[1].split()[0] for r in rows)
ok=ok and all(re.fullmatch(r'account risk [0-9.]+', r[2]) for r in rows)
pj=json.load(open('$WORK/pivot.json'))
ok=ok and all(owner[h['account_id']]==h['cluster'] for h in pj['holders']) and sum(h['holders'] for h in pj['held_in'])==pj['count']
raise SystemExit(0 if ok else 1)
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


# --- Files the loader does not trust (issue 12): each load is bounded by `timeout 20`; status 124
# would mean it hung.
T="timeout 20"
base() { rm -rf "$1"; mkdir -p "$1/queries"; printf 'account_id\na1\na2\n' > "$1/accounts.csv"
  printf '{"ts":"2026-03-01T00:00:00Z","account_id":"a1"}\n' > "$1/queries/a.jsonl"; }

base "$WORK/fifo"; mkfifo "$WORK/fifo/queries.jsonl"
$T "$BIN" load "$WORK/fifo" > "$WORK/fifo.txt" 2>&1; status=$?
check "FIFO as queries.jsonl: refused at once, rest loaded" '[ $status -eq 0 ] && grep -q "queries.jsonl:1: a FIFO" "$WORK/fifo.txt" && grep -q "queries 1 " "$WORK/fifo.txt"'
$T "$BIN" load "$WORK/fifo" --strict > "$WORK/fifo-strict.txt" 2>&1; status=$?
check "FIFO as queries.jsonl: strict stops naming file:line" '[ $status -ne 0 ] && [ $status -lt 124 ] && grep -q "queries.jsonl:1: a FIFO" "$WORK/fifo-strict.txt"'

base "$WORK/dev"; ln -s /dev/zero "$WORK/dev/payments.csv"; ln -s /dev/urandom "$WORK/dev/queries/u.jsonl"
$T "$BIN" load "$WORK/dev" > "$WORK/dev.txt" 2>&1; status=$?
check "links to /dev/zero and /dev/urandom: refused at once" '[ $status -eq 0 ] && [ "$(grep -c "symbolic link leading outside" "$WORK/dev.txt")" -eq 2 ] && ! grep -q /dev/ "$WORK/dev.txt"'

SECRET="PRIVATE-KEY-e2e-7b1f0c"
mkdir -p "$WORK/keys"; printf -- '-----BEGIN PRIVATE KEY-----,%s\n%s\n' "$SECRET" "$SECRET" > "$WORK/keys/signing.pem"
base "$WORK/escape"; ln -s "$WORK/keys/signing.pem" "$WORK/escape/links.csv"; ln -s ../../keys/signing.pem "$WORK/escape/queries/k.csv"
for mode in "" "--strict" "--format json"; do $T "$BIN" load "$WORK/escape" $mode; echo "status=$?"; done > "$WORK/escape.txt" 2>&1
check "symlink out of the folder: the secret never appears (lenient, strict, json)" '! grep -q "$SECRET" "$WORK/escape.txt" && ! grep -q "signing.pem" "$WORK/escape.txt" && ! grep -q "status=124" "$WORK/escape.txt" && grep -q "links.csv:1: symbolic link leading outside" "$WORK/escape.txt"'

base "$WORK/names"; python3 -c "open(b'$WORK/names/queries/bad\xff\x1b.jsonl', 'wb').write(b'{\"ts\":1,\"account_id\":\"a2\"}\n')"
$T "$BIN" load "$WORK/names" > "$WORK/names.txt" 2>&1; status=$?
check "undecodable name under queries/: reported escaped, rest loaded" '[ $status -eq 0 ] && grep -qF "queries/bad\xff\x1b.jsonl:1: file name is not valid UTF-8" "$WORK/names.txt" && grep -q "queries 1 " "$WORK/names.txt"'

python3 - "$WORK" <<'PY'
import gzip, sys, zlib, os
w = sys.argv[1]
rows = b"".join(b'{"ts":"2026-03-01T00:00:%02dZ","account_id":"a1","prompt":"row %d with some padding text"}\n' % (i % 60, i) for i in range(464))
member = gzip.compress(rows, mtime=0)
for name, data in (("gzcut", member[: len(member) * 2 // 3]), ("gzjunk", member + b"trailing garbage\n")):
    os.makedirs(w + "/" + name, exist_ok=True)
    open(w + "/" + name + "/accounts.csv", "w").write("account_id\na1\n")
    open(w + "/" + name + "/queries.jsonl.gz", "wb").write(data)
    decoded = zlib.decompressobj(31).decompress(data)
    open(w + "/" + name + "/expected", "w").write(str(decoded[: decoded.rfind(b"\n") + 1].count(b"\n")))
PY
for name in gzcut gzjunk; do
  $T "$BIN" load "$WORK/$name" --format json > "$WORK/$name.json" 2>&1; status=$?
  check "$name: every complete row decoded is kept, the loss counted once" '[ $status -eq 0 ] && python3 -c "
import json,sys; r=json.load(open(\"$WORK/$name.json\")); want=int(open(\"$WORK/$name/expected\").read())
sys.exit(0 if r[\"queries\"]==want and want>0 and r[\"skipped_count\"]==1 and \"gzip stream damaged after\" in json.dumps(r[\"skipped\"]) else 1)"'
  $T "$BIN" load "$WORK/$name" --strict > /dev/null 2> "$WORK/$name-strict.txt"; status=$?
  check "$name: strict stops at file:line" '[ $status -ne 0 ] && [ $status -lt 124 ] && grep -q "queries.jsonl.gz:[0-9]*: gzip stream damaged after" "$WORK/$name-strict.txt"'
done

base "$WORK/tokens"; printf '{"ts":"2026-03-01T00:00:01Z","account_id":"a2","input_tokens":5000000000}\n' > "$WORK/tokens/queries/b.jsonl"
$T "$BIN" load "$WORK/tokens" > "$WORK/tokens.txt" 2>&1
check "token count past 2^32-1: kept at the limit with a warning" 'grep -q "warnings 1" "$WORK/tokens.txt" && grep -q "queries/b.jsonl:1: input_tokens 5000000000 is over 4294967295" "$WORK/tokens.txt"'

# measure OUT CMD...: runs CMD bounded by a timeout, its stdout to OUT; prints wall seconds and
# peak RSS (reported, not asserted: the machine's load varies).
measure() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
t = time.monotonic()
with open(sys.argv[1], "wb") as out:
    p = subprocess.run(["timeout", "120"] + sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL)
print("%.2f s, peak RSS %d MB, status %d" % (time.monotonic() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024, p.returncode))
PY
}
base "$WORK/tiny"; python3 - "$WORK/tiny/queries" <<'PY'
import sys
for i in range(20000):
    open("%s/q%05d.jsonl" % (sys.argv[1], i), "w").write('{"ts":%d,"account_id":"a%d"}\n' % (1772323200 + i, i % 2 + 1))
PY
echo "     20,000 one-line files: $(measure "$WORK/tiny.json" "$BIN" load "$WORK/tiny" --format json)"
check "20,000 one-line files: every row loaded" 'python3 -c "import json,sys; r=json.load(open(\"$WORK/tiny.json\")); sys.exit(0 if r[\"queries\"]==20001 else 1)"'

base "$WORK/busy"; python3 - "$WORK/busy/queries/busy.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(100000):
        f.write('{"ts":%d,"account_id":"a2","prompt":"question %d about the weather"}\n' % (1772323200 + i, i))
PY
echo "     queries --account over 100,000 rows: $(measure "$WORK/busy.jsonl" "$BIN" queries "$WORK/busy" --account a2 --format jsonl)"
check "queries --account streams every row, in time order" '[ "$(wc -l < $WORK/busy.jsonl)" -eq 100000 ] && head -1 $WORK/busy.jsonl | grep -q "question 0 " && tail -1 $WORK/busy.jsonl | grep -q "question 99999 "'

# --- Query files that are not read are reported (F2), a stray quote loses only its line (F4).
base "$WORK/parts"; mkdir -p "$WORK/parts/queries/dt=2025-01-01/deeper"
r='{"ts":"2026-03-01T00:00:00Z","account_id":"a2"}'
for n in dt=2025-01-01/part-0.jsonl dt=2025-01-01/deeper/x.jsonl part-00001 .part-2.jsonl part-3.jsonl.zst part-4.jsonl.gz.tmp; do
  echo "$r" > "$WORK/parts/queries/$n"; done
$T "$BIN" load "$WORK/parts" --format json > "$WORK/parts.json" 2>&1; status=$?
check "queries/: partition folder read, every other entry reported by name" "[ $status -eq 0 ] && python3 - '$WORK/parts.json' <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
files = [f['name'] for f in r['files'] if f['name'].startswith('queries/')]
skipped = sorted(i['file'] for i in r['skipped'])
ok = files == ['queries/a.jsonl', 'queries/dt=2025-01-01/part-0.jsonl'] and r['queries'] == 2 and r['skipped_count'] == 5
ok = ok and skipped == sorted(['queries/.part-2.jsonl', 'queries/dt=2025-01-01/deeper/', 'queries/part-00001', 'queries/part-3.jsonl.zst', 'queries/part-4.jsonl.gz.tmp'])
raise SystemExit(0 if ok else 1)
PY"
$T "$BIN" load "$WORK/parts" --strict > "$WORK/parts-strict.txt" 2>&1; status=$?
check "queries/: strict stops at the first entry not read, naming it" '[ $status -ne 0 ] && [ $status -lt 124 ] && grep -q "queries/.part-2.jsonl:1: hidden file: not read" "$WORK/parts-strict.txt"'

# A queries/ folder that cannot be listed (as another user: root lists anything).
SHARED="$(mktemp -d)"; chmod 755 "$SHARED"
base "$SHARED/locked"; printf '{"ts":"2026-03-01T00:00:00Z","account_id":"a1"}\n' > "$SHARED/locked/queries.jsonl"; chmod -R a+rX "$SHARED/locked"
chmod 000 "$SHARED/locked/queries"
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$SHARED" XDG_DATA_HOME="$SHARED" XDG_CONFIG_HOME="$SHARED" \
  XDG_CACHE_HOME="$SHARED" INVESTIGATE_SNAPSHOTS=off INVESTIGATE_DB="$SHARED/cases.sqlite" $T "$BIN" "$@"; }
if command -v setpriv > /dev/null && [ "$(id -u)" -eq 0 ]; then
  chmod 777 "$SHARED"
  nobody load "$SHARED/locked" > "$WORK/locked.txt" 2>&1; status=$?
  check "unlistable queries/: reported as skipped, the rest loads" '[ $status -eq 0 ] && grep -q "queries/:1: cannot list the folder: Permission denied" "$WORK/locked.txt" && grep -q "queries 1 " "$WORK/locked.txt"'
  nobody load "$SHARED/locked" --strict > "$WORK/locked-strict.txt" 2>&1; status=$?
  check "unlistable queries/: strict stops naming it" '[ $status -ne 0 ] && [ $status -lt 124 ] && grep -q "queries/:1: cannot list the folder" "$WORK/locked-strict.txt"'
  rm "$SHARED/locked/queries.jsonl"
  nobody load "$SHARED/locked" > "$WORK/locked-alone.txt" 2>&1; status=$?
  check "unlistable queries/ and nothing else: fails naming it, not \"missing required file\"" '[ $status -ne 0 ] && [ $status -lt 124 ] && grep -q "queries/: cannot list the folder: Permission denied; nothing in it was read; no query file could be read" "$WORK/locked-alone.txt" && ! grep -q "missing required file" "$WORK/locked-alone.txt"'
  base "$SHARED/closed"; chmod -R a+rX "$SHARED/closed"; chmod 311 "$SHARED/closed"
  nobody load "$SHARED/closed" > "$WORK/closed.txt" 2>&1; status=$?
  check "unlistable source folder: says so, not \"missing required file\"" '[ $status -ne 0 ] && [ $status -lt 124 ] && grep -q "closed: cannot list the folder: Permission denied" "$WORK/closed.txt"'
  chmod 755 "$SHARED/closed"
else
  echo "skip unlistable queries/ (needs root and setpriv to run as another user)"
fi
chmod 755 "$SHARED/locked/queries"; rm -rf "$SHARED"

base "$WORK/stray"; rm -r "$WORK/stray/queries"
python3 - "$WORK/stray/queries.csv" <<'PY'
import sys
with open(sys.argv[1], 'w') as f:
    f.write('ts,account_id,prompt\n2026-03-01T00:00:00Z,a1,ok\n2026-03-01T00:00:00Z,a1,"stray quote\n')
    for i in range(100000): f.write('2026-03-01T00:00:%02dZ,a%d,row %d\n' % (i % 60, 1 + i % 2, i))
PY
$T "$BIN" load "$WORK/stray" > "$WORK/stray.txt" 2>&1; status=$?
check "stray quote in queries.csv: only its line lost, said so" '[ $status -eq 0 ] && grep -q "queries 100001 " "$WORK/stray.txt" && grep -q "skipped 1 " "$WORK/stray.txt" && grep -q "queries.csv:3: quoted field never closed (stray quote?); this line skipped; the 100000 lines after it (4-100003) were read again" "$WORK/stray.txt"'
$T "$BIN" load "$WORK/stray" --strict > "$WORK/stray-strict.txt" 2>&1; status=$?
check "stray quote in queries.csv: strict stops at line 3" '[ $status -ne 0 ] && [ $status -lt 124 ] && grep -q "queries.csv:3: quoted field never closed" "$WORK/stray-strict.txt"'

# A gzip bomb of blank lines: 1 GiB of newlines in 1 MB (1,024 members) costs about what its
# bytes cost, not a call per line (it took over 60 s).
base "$WORK/blank"; rm -r "$WORK/blank/queries"
python3 - "$WORK/blank/queries.jsonl.gz" <<'PY'
import gzip, sys
m = gzip.compress(b'\n' * (1 << 20), 9)
with open(sys.argv[1], 'wb') as f:
    f.write(gzip.compress(b'{"ts":"2026-03-01T00:00:00Z","account_id":"a1"}\n'))
    for _ in range(1024): f.write(m)
    f.write(gzip.compress(b'{"ts":"2026-03-01T00:00:01Z","account_id":"a2"}\n{"ts":"bad","account_id":"a2"}\n'))
PY
$T "$BIN" load "$WORK/blank" > "$WORK/blank.txt" 2>&1; status=$?
check "gzip of 1 GiB of blank lines: loads in seconds, later lines keep their numbers" '[ $status -eq 0 ] && grep -q "queries 2 " "$WORK/blank.txt" && grep -q "queries.jsonl.gz:1073741827: bad timestamp" "$WORK/blank.txt"'

# A damaged gzip member: reading goes on at the next member; the lost part and the rows read
# from the damaged member are said.
base "$WORK/member"; rm -r "$WORK/member/queries"
python3 - "$WORK/member/queries.jsonl.gz" <<'PY'
import gzip, sys
rows = [('{"ts":%d,"account_id":"a%d","prompt":"row %d"}\n' % (1000000000 + i, 1 + i % 2, i)).encode() for i in range(3000)]
a = bytearray(gzip.compress(b''.join(rows[:1000]))); a[len(a) // 2] ^= 0xFF
open(sys.argv[1], 'wb').write(bytes(a) + gzip.compress(b''.join(rows[1000:2000])) + gzip.compress(b''.join(rows[2000:])))
PY
$T "$BIN" load "$WORK/member" --format json > "$WORK/member.json" 2>&1; status=$?
member_ok() { python3 - "$WORK/member.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
w = [x["reason"] for x in r["warnings"] if x["reason"].startswith("lines 1-") and "gzip member found damaged" in x["reason"]]
ok = r["queries"] >= 2000 and len(w) == 1 and "read on from the next member" in w[0]
raise SystemExit(0 if ok else 1)
PY
}
check "damaged gzip member: the members after it are kept, the loss and the suspect lines said" '[ $status -eq 0 ] && member_ok'

# Timestamps without a zone: read as UTC, said once per file with the count; strict stops.
base "$WORK/zone"
printf '{"ts":"2026-03-01T00:00:00","account_id":"a1"}\n{"ts":"2026-03-02","account_id":"a2"}\n' > "$WORK/zone/queries/z.jsonl"
$T "$BIN" load "$WORK/zone" > "$WORK/zone.txt" 2>&1; status=$?
check "timestamps with no zone: one warning with the count" '[ $status -eq 0 ] && grep -q "queries 3 " "$WORK/zone.txt" && grep -q "queries/z.jsonl:1: 2 timestamps have no time zone (Z or an offset)" "$WORK/zone.txt"'
$T "$BIN" load "$WORK/zone" --strict > "$WORK/zone-strict.txt" 2>&1; status=$?
check "timestamps with no zone: strict stops at the first" '[ $status -ne 0 ] && [ $status -lt 124 ] && grep -q "queries/z.jsonl:1: ts .2026-03-01T00:00:00. has no time zone" "$WORK/zone-strict.txt"'

# Lines ending with a carriage return alone (classic Mac): read as lines, said once per file.
base "$WORK/crlines"
printf 'account_id,payment_fingerprint\ra1,f1\ra2,f2\r' > "$WORK/crlines/payments.csv"
printf '{"ts":"2026-03-02T00:00:00Z","account_id":"a2"}\r{"ts":"2026-03-03T00:00:00Z","account_id":"a1"}\r' > "$WORK/crlines/queries/cr.jsonl"
$T "$BIN" load "$WORK/crlines" > "$WORK/crlines.txt" 2>&1; status=$?
check "CR-only line ends: every row read, one warning per file" '[ $status -eq 0 ] && grep -q "payments 2 " "$WORK/crlines.txt" && grep -q "queries 3 " "$WORK/crlines.txt" && grep -q "skipped 0 " "$WORK/crlines.txt" && [ "$(grep -c "lines end with a carriage return alone" "$WORK/crlines.txt")" -eq 2 ]'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
