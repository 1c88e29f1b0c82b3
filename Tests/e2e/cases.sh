#!/usr/bin/env bash
# End-to-end checks of the case store and case bundles, driving the real `investigate` binary.
# Usage: Tests/e2e/cases.sh [path/to/investigate]   (or $INVESTIGATE_BIN; default: `swift build`'s binary)
# Needs python3 with networkx and stix2-validator (pip install networkx stix2-validator).
set -u
cd "$(dirname "$0")/../.."
BIN=${1:-${INVESTIGATE_BIN:-}}
if [ -z "$BIN" ]; then
    swift build >/dev/null 2>&1 || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
    BIN=$(swift build --show-bin-path)/investigate
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/investigate-e2e-cases.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export INVESTIGATE_DB=$WORK/cases.sqlite XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data USER=someone-else OS_USER=$(id -un)
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $1"; }
check() { local name=$1; shift; if "$@" >"$WORK/last.out" 2>&1; then ok "$name"; else bad "$name"; sed 's/^/     /' "$WORK/last.out" | head -20; fi; }

# A held-out source: a seed the unit tests do not use.
"$BIN" generate "$WORK/src" --accounts 1500 --seed 4242 >/dev/null 2>&1 || { bad "generate source"; }
CASE=$("$BIN" case new '../../../etc/passwd ring <b>x</b>' 2>"$WORK/err")
check "case new prints a safe id alone" grep -Eqx 'case-[0-9]{4,}' <<<"$CASE"
check "title never names a file" test ! -e "$WORK/etc/passwd"
BOUND=$("$BIN" case new 'bound to its source' --source "$WORK/src" 2>/dev/null)
check "case new --source keeps the source" bash -c "'$BIN' case show '$BOUND' | grep -q '^source .*src (4 files, fingerprint [0-9a-f]\{16\})'"
check "a case without one says so" bash -c "'$BIN' case show '$CASE' | grep -qx 'source - (none recorded)'"
check "case new --source on a missing folder exits 2" bash -c "'$BIN' case new x --source '$WORK/nothing' 2>/dev/null; test \$? -eq 2"

TOP=$("$BIN" clusters "$WORK/src" 2>/dev/null | awk 'NR==1 {print $1}')
check "top cluster found" test -n "$TOP"
check "tag the top cluster" "$BIN" case tag "$CASE" ring-member --cluster "$TOP" --source "$WORK/src"
check "case show says the cluster tag recorded its members" bash -c "'$BIN' case show '$CASE' | grep -Eq '^  tag cluster $TOP on .* ring-member  \\(.*\\)  [0-9,]+ members? recorded \\(sha256 [0-9a-f]{16}\\)\$'"
check "add a note" "$BIN" case note "$CASE" 'payment overlap with =HYPERLINK("x")'
check "case audit shows the note's quotes as JSON does, not doubled" bash -c "'$BIN' case audit '$CASE' | grep -F 'HYPERLINK(\\\"x\\\")' | grep -vqF '\\\\\"'"
check "set status" "$BIN" case status "$CASE" triage
check "bad status refused" bash -c "! '$BIN' case status '$CASE' nonsense"
check "control chars in label refused" bash -c "! '$BIN' case tag '$CASE' \$'bad\\e[31m' acct_x"

# Two taggers in parallel and a third killed with SIGKILL mid-write. A tagger appends an
# account id to its ack file only after the command returned success (= commit acknowledged).
tagger() { # name count
    local i
    for i in $(seq 1 "$2"); do
        if "$BIN" case tag "$CASE" needs-review "acct-$1-$i" >/dev/null 2>&1; then echo "acct-$1-$i" >>"$WORK/ack-$1"; fi
    done
}
# The third runs each command in the background, records its pid, and is SIGKILLed by pid.
killable_tagger() {
    local i
    for i in $(seq 1 1000); do
        "$BIN" case tag "$CASE" needs-review "acct-k3-$i" >/dev/null 2>&1 &
        echo $! >"$WORK/k3.pid"
        if wait $!; then echo "acct-k3-$i" >>"$WORK/ack-k3"; fi
    done
}
tagger p1 40 & P1=$!
tagger p2 40 & P2=$!
killable_tagger & K3=$!
sleep 1.5
kill -STOP "$K3" 2>/dev/null
disown "$K3" 2>/dev/null
kill -9 "$(cat "$WORK/k3.pid")" 2>/dev/null
kill -9 "$K3" 2>/dev/null
wait "$P1" "$P2" 2>/dev/null
check "the killed tagger was mid-run" test -s "$WORK/ack-k3"
"$BIN" case show "$CASE" --format json >"$WORK/show.json" 2>&1
check "case show json parses" python3 -c "import json,sys; json.load(open('$WORK/show.json'))"
check "every acknowledged tag survived" python3 - "$WORK" <<'PY'
import json, sys, os, glob
work = sys.argv[1]
shown = set(json.load(open(work + "/show.json"))["accounts"])
acked = [l.strip() for f in glob.glob(work + "/ack-*") for l in open(f) if l.strip()]
missing = [a for a in acked if a not in shown]
assert len([a for a in acked if "-p" in a]) == 80, "parallel taggers did not all succeed"
assert not missing, f"lost {len(missing)} acknowledged tags: {missing[:5]}"
print(len(acked), "acknowledged, all present")
PY
check "audit chain verifies" "$BIN" case audit "$CASE" --verify

# Export and verify.
check "export zip" "$BIN" export "$CASE" --source "$WORK/src" --out "$WORK/case.zip"
check "signing key created with mode 0600" test "$(stat -c %a "$WORK/config/investigate/signing.key")" = 600
check "zip is mode 0600" test "$(stat -c %a "$WORK/case.zip")" = 600
check "verify accepts" "$BIN" verify "$WORK/case.zip"
check "verify --key pins the signer" bash -c "KID=\$('$BIN' verify '$WORK/case.zip' | sed -n 's/.*signature key \\([0-9a-f]*\\).*/\\1/p'); test -n \"\$KID\" && '$BIN' verify --key \$KID '$WORK/case.zip' && ! '$BIN' verify --key 0000000000000000 '$WORK/case.zip'"
check "export is deterministic" bash -c "'$BIN' export '$CASE' --source '$WORK/src' --out '$WORK/again.zip' && cmp '$WORK/case.zip' '$WORK/again.zip'"
mkdir -p "$WORK/unz" && (cd "$WORK/unz" && python3 -c "import zipfile; zipfile.ZipFile('$WORK/case.zip').extractall('.')")
check "manifest hashes match" python3 - "$WORK/unz" <<'PY'
import hashlib, json, sys, os
d = sys.argv[1]
m = json.load(open(os.path.join(d, "manifest.json")))
names = {f["path"] for f in m["files"]}
for f in m["files"]:
    data = open(os.path.join(d, f["path"]), "rb").read()
    assert hashlib.sha256(data).hexdigest() == f["sha256"], f["path"]
    assert len(data) == f["bytes"], f["path"]
assert set(os.listdir(d)) == names | {"manifest.json", "manifest.sig"}, os.listdir(d)
PY
check "audit --verify --known-head names the bundle's head as found" bash -c "H=\$(python3 -c \"import json; print(json.load(open('$WORK/unz/manifest.json'))['audit_head'])\") && '$BIN' case audit '$CASE' --verify --known-head \$H | grep -q \"the known head \$H is in the chain\""
check "audit --verify --known-head refuses a head not in the chain" bash -c "! '$BIN' case audit '$CASE' --verify --known-head 00000000000000000000000000000000 >/dev/null 2>&1"
check "networkx reads graph.graphml with every tagged account" python3 - "$WORK" <<'PY'
import base64, json, sys, networkx as nx
w = sys.argv[1]
g = nx.read_graphml(w + "/unz/graph.graphml")
accounts = [n for n, t in g.nodes(data="type") if t == "account"]
ids = {base64.b64decode(g.nodes[n]["id_b64"]).decode() for n in accounts}
tagged = set(json.load(open(w + "/show.json"))["accounts"])
missing = tagged - ids
assert not missing, f"{len(missing)} tagged accounts missing from the graph"
assert g.number_of_edges() > 0
assert all({g.nodes[a]["type"], g.nodes[b]["type"]} == {"account", "value"} for a, b in g.edges())
PY
check "stix2-validator accepts stix21.json" python3 - "$WORK/unz/stix21.json" <<'PY'
import sys
from stix2validator import validate_file, print_results
r = validate_file(sys.argv[1])
if not r.is_valid:
    print_results(r)
    sys.exit(1)
PY
check "queries.jsonl holds only case accounts" python3 - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]
tagged = set(json.load(open(w + "/show.json"))["accounts"])
n = 0
for line in open(w + "/unz/queries.jsonl"):
    assert json.loads(line)["account_id"] in tagged
    n += 1
assert n > 0
PY
check "no live formula in the CSV files" python3 - "$WORK/unz" <<'PY'
import csv, sys, os
for name in ("accounts.csv", "edges.csv", "enforcement.csv"):
    for row in csv.reader(open(os.path.join(sys.argv[1], name), newline="")):
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                try: float(cell)
                except ValueError: raise SystemExit(f"{name}: live formula {cell!r}")
PY
check "report.html: svg, no script, no raw escape bytes" python3 - "$WORK/unz/report.html" <<'PY'
import sys
b = open(sys.argv[1], "rb").read()
assert b"<svg" in b and b"<script" not in b.lower()
assert not any(c < 0x20 and c not in (0x0a,) for c in b), "raw control byte"
PY
check "zip entries are mode 0600" python3 -c "
import zipfile, sys
for i in zipfile.ZipFile('$WORK/case.zip').infolist():
    assert (i.external_attr >> 16) & 0o777 == 0o600, (i.filename, oct(i.external_attr >> 16))
"
check "folder export is 0600 and verifies" bash -c "'$BIN' export '$CASE' --source '$WORK/src' --out '$WORK/folder' && test -z \"\$(find '$WORK/folder' -type f ! -perm 600)\" && '$BIN' verify '$WORK/folder'"

# Tamper: flip one byte of accounts.csv inside the bundle.
python3 - "$WORK" <<'PY'
import zipfile, sys
w = sys.argv[1]
src = zipfile.ZipFile(w + "/case.zip")
with zipfile.ZipFile(w + "/tampered.zip", "w", zipfile.ZIP_DEFLATED) as out:
    for info in src.infolist():
        data = src.read(info.filename)
        if info.filename == "accounts.csv":
            data = bytearray(data); data[len(data) // 2] ^= 1; data = bytes(data)
        out.writestr(info.filename, data)
PY
check "verify rejects a flipped accounts.csv byte" bash -c "'$BIN' verify '$WORK/tampered.zip' >'$WORK/v.out' 2>&1; test \$? -ne 0 && grep -q accounts.csv '$WORK/v.out'"
cp -r "$WORK/folder" "$WORK/folder2" && echo x >>"$WORK/folder2/report.html"
check "verify rejects an edited folder file" bash -c "! '$BIN' verify '$WORK/folder2'"
check "unwritable db is a clean error" bash -c "'$BIN' case list --db /proc/nope/cases.sqlite 2>'$WORK/e'; rc=\$?; test \$rc -ne 0 -a \$rc -lt 128 && grep -q 'investigate:' '$WORK/e'"

# Tamper with the store itself: audit --verify names the first bad entry.
T=$("$BIN" case new 'tamper target' 2>/dev/null)
"$BIN" case note "$T" one >/dev/null 2>&1; "$BIN" case note "$T" two >/dev/null 2>&1
python3 -c "import sqlite3; c=sqlite3.connect('$INVESTIGATE_DB'); c.execute(\"UPDATE audit SET who='mallory' WHERE case_id='$T' AND seq=2\"); c.commit()"
check "case audit --verify names the edited entry" bash -c "'$BIN' case audit '$T' --verify >'$WORK/a.out' 2>&1; test \$? -eq 1 && grep -q 'entry 2' '$WORK/a.out'"

# The audit trail is the source of truth: plain SQL edits to the tables are caught.
sql() { python3 -c "import sqlite3,sys; c=sqlite3.connect('$INVESTIGATE_DB'); c.execute(sys.argv[1]); c.commit()" "$1"; }
fresh_case() { # title -> a case with two tags, a note and a status
    local id
    id=$("$BIN" case new "$1" 2>/dev/null)
    "$BIN" case tag "$id" needs-review acct_t1 acct_t2 >/dev/null 2>&1
    "$BIN" case note "$id" 'first' >/dev/null 2>&1
    "$BIN" case status "$id" triage >/dev/null 2>&1
    echo "$id"
}
S1=$(fresh_case 'sql tag')
check "an untouched case verifies" "$BIN" case audit "$S1" --verify
sql "INSERT INTO tags (case_id, target_kind, target, label, who, at) VALUES ('$S1', 'account', CAST('acct_planted' AS BLOB), 'ring-member', 'mallory', '2026-01-01T00:00:00Z')"
check "a SQL-inserted tag fails audit --verify, named" bash -c "'$BIN' case audit '$S1' --verify >'$WORK/a.out' 2>&1; test \$? -eq 1 && grep -q 'account acct_planted label ring-member is in the table but no audit entry adds it' '$WORK/a.out'"
check "case show refuses the tampered case" bash -c "! '$BIN' case show '$S1' >/dev/null 2>&1"
check "export refuses the tampered case, no bundle" bash -c "! '$BIN' export '$S1' --source '$WORK/src' --out '$WORK/planted.zip' >/dev/null 2>&1 && test ! -e '$WORK/planted.zip'"
S2=$(fresh_case 'sql status')
sql "UPDATE cases SET status = 'closed' WHERE id = '$S2'"
check "a SQL status change fails audit --verify, named" bash -c "'$BIN' case audit '$S2' --verify >'$WORK/a.out' 2>&1; test \$? -eq 1 && grep -q \"cases.status is 'closed' but the chain says 'triage'\" '$WORK/a.out'"
S3=$(fresh_case 'truncated')
sql "DELETE FROM audit WHERE case_id = '$S3' AND seq > 2"
check "deleted last audit rows fail audit --verify" bash -c "'$BIN' case audit '$S3' --verify >'$WORK/a.out' 2>&1; test \$? -eq 1 && grep -q 'audit_count is 4 but the chain holds 2' '$WORK/a.out'"

# A damaged or empty store is an error, never an empty store.
: >"$WORK/empty.sqlite"
check "a 0-byte db is refused for case note, left empty" bash -c "'$BIN' case note case-0001 hi --db '$WORK/empty.sqlite' >/dev/null 2>'$WORK/e'; rc=\$?; test \$rc -ne 0 -a \$rc -lt 128 && grep -q 'empty (0 bytes)' '$WORK/e' && test ! -s '$WORK/empty.sqlite'"
head -c 8192 /dev/urandom >"$WORK/garbage.sqlite"
check "a garbage db is refused" bash -c "! '$BIN' case list --db '$WORK/garbage.sqlite' >/dev/null 2>&1"
D=$WORK/damaged.sqlite
DC=$("$BIN" case new 'to damage' --db "$D" 2>/dev/null)
"$BIN" case tag "$DC" needs-review $(seq -f 'acct_dmg_%05g' 1 3000) --db "$D" >/dev/null 2>&1
python3 - "$D" <<'PY'
import sqlite3, sys
db = sys.argv[1]
c = sqlite3.connect(db)
try:  # a tags leaf page in the middle: adding a note never reads it
    leaves = [p for (p,) in c.execute("SELECT pageno FROM dbstat WHERE name = 'tags' AND pagetype = 'leaf' ORDER BY pageno")]
    page = leaves[len(leaves) // 2]
except sqlite3.Error:  # no dbstat: the page holding a middle tag row
    page = open(db, "rb").read().find(b"acct_dmg_01500") // 4096 + 1
c.close()
with open(db, "r+b") as f:
    f.seek((page - 1) * 4096); f.write(b"\xa5" * 4096)
PY
check "case note on a damaged db fails, nothing acknowledged" bash -c "'$BIN' case note '$DC' hi --db '$D' >'$WORK/d.out' 2>&1; rc=\$?; test \$rc -ne 0 -a \$rc -lt 128 && grep -q 'is damaged' '$WORK/d.out'"
check "a new db, its -wal and -shm are mode 0600" python3 - "$WORK/private/cases.sqlite" "$BIN" <<'PY'
import os, sqlite3, stat, subprocess, sys
db, bin = sys.argv[1], sys.argv[2]
os.umask(0o022)
r = subprocess.run([bin, "case", "new", "private", "--db", db], capture_output=True)
assert r.returncode == 0, r.stderr
c = sqlite3.connect(db)  # held open, so -wal and -shm outlive the next command
c.execute("SELECT COUNT(*) FROM cases").fetchall()
for suffix in ("-wal", "-shm"):
    os.chmod(db + suffix, 0o644)
r = subprocess.run([bin, "case", "note", "case-0001", "x", "--db", db], capture_output=True)
assert r.returncode == 0, r.stderr
for suffix in ("", "-wal", "-shm"):
    mode = stat.S_IMODE(os.stat(db + suffix).st_mode)
    assert mode == 0o600, (suffix, oct(mode))
PY

# Retractions are entries, never deletions.
R=$("$BIN" case new 'retractions' 2>/dev/null)
"$BIN" case tag "$R" ring-member acct_r1 acct_r2 >/dev/null 2>&1
"$BIN" case note "$R" 'to retract' >/dev/null 2>&1
check "case untag retracts a tag" "$BIN" case untag "$R" ring-member acct_r1 --reason 'wrong account'
check "case untag of a tag nobody carries fails" bash -c "! '$BIN' case untag '$R' ring-member acct_zz >/dev/null 2>&1"
check "case retract-note retracts a note" "$BIN" case retract-note "$R" 1 --reason typo
"$BIN" case show "$R" --format json >"$WORK/r.json" 2>&1
check "case show keeps retractions, marked" python3 - "$WORK/r.json" <<'PY'
import json, os, sys
s = json.load(open(sys.argv[1]))
assert s["accounts"] == ["acct_r2"], s["accounts"]
t = s["retracted_tags"]
assert [x["target"] for x in t] == ["acct_r1"], t
assert t[0]["retracted"]["who"] == os.environ["OS_USER"] and t[0]["retracted"]["reason"] == "wrong account", t
assert s["notes"] == [] and [n["seq"] for n in s["retracted_notes"]] == [1], s
assert s["retracted_notes"][0]["retracted"]["reason"] == "typo"
PY
check "case show text marks them retracted" bash -c "'$BIN' case show '$R' | grep -q 'retracted tag account acct_r1 ring-member'"
check "the case verifies after retractions" "$BIN" case audit "$R" --verify
# The bundle shows what was retracted, by whom and when; exported into a one-character folder
# name relative to the working directory (this once died with SIGILL after writing the bundle).
check "export --out y succeeds" bash -c "cd '$WORK' && '$BIN' export '$R' --source '$WORK/src' --out y"
check "export --out y is audited" bash -c "'$BIN' case audit '$R' | tail -1 | grep -q ' export '"
check "the y bundle verifies" "$BIN" verify "$WORK/y"
echo important >"$WORK/keep.zip"
check "export never replaces a file that is not a bundle" bash -c "! '$BIN' export '$R' --source '$WORK/src' --out '$WORK/keep.zip' 2>/dev/null && grep -qx important '$WORK/keep.zip'"
# Nor another case's signed bundle (a trial's export of case-0002 replaced case-0001's); its own it does.
check "export never replaces another case's bundle" bash -c "cp '$WORK/case.zip' '$WORK/other.zip' && ! '$BIN' export '$R' --source '$WORK/src' --out '$WORK/other.zip' 2>'$WORK/other.err' && cmp -s '$WORK/case.zip' '$WORK/other.zip' && grep -q \"holds case $CASE's bundle, not this case's\" '$WORK/other.err'"
check "export replaces the case's own earlier bundle" bash -c "'$BIN' export '$CASE' --source '$WORK/src' --out '$WORK/other.zip' >/dev/null && python3 -c \"import json,zipfile,sys; sys.exit(json.loads(zipfile.ZipFile('$WORK/other.zip').read('manifest.json'))['case_id'] != '$CASE')\""
check "a note that is not UTF-8 is refused, not repaired" bash -c "! '$BIN' case note '$R' \$'bad \\xff' 2>/dev/null"
check "a tag on a value of an unknown kind is refused" bash -c "! '$BIN' case tag '$R' x --value bogus:x 2>/dev/null"
# One inbox is one tag, whichever of its addresses is typed (session 23's mailbox kind).
check "a mailbox tag is stored as its inbox" bash -c "'$BIN' case tag '$R' inbox --value 'mailbox:A.Lee+trial@googlemail.com' >/dev/null && '$BIN' case tag '$R' inbox --value 'mailbox:alee@gmail.com' >/dev/null && test \$('$BIN' case show '$R' | grep -c 'mailbox:alee@gmail.com') -eq 1 && ! '$BIN' case show '$R' | grep -q 'Lee+trial'"
check "a mailbox tag that is no address is refused" bash -c "! '$BIN' case tag '$R' inbox --value 'mailbox:no-at-sign' 2>/dev/null"
check "the bundle carries the retractions" python3 - "$WORK/y" <<'PY'
import json, os, sys
b = sys.argv[1]
c = json.load(open(f"{b}/case.json"))
assert [t["target"] for t in c["retracted_tags"]] == ["acct_r1"], c["retracted_tags"]
assert c["retracted_tags"][0]["retracted"]["who"] == os.environ["OS_USER"], c["retracted_tags"]
assert c["retracted_tags"][0]["retracted"]["at"], c["retracted_tags"]
assert [n["seq"] for n in c["retracted_notes"]] == [1] and c["retracted_notes"][0]["retracted"]["reason"] == "typo"
html = open(f"{b}/report.html", encoding="utf-8").read()
assert "untagged account acct_r1 (ring-member" in html and "wrong account" in html, "report lacks the untag"
assert "retracted note 1: typo" in html, "report lacks the note retraction"
m = json.load(open(f"{b}/manifest.json"))
assert m["values"]["exact"] is True
PY

# Untagging a cluster retracts the member tags its tag made, not a member's own tag made before.
OWNC=$("$BIN" case new 'own tag kept' --source "$WORK/src" 2>/dev/null)
OWNA=$("$BIN" clusters "$WORK/src" --top 1 --format json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["accounts"][0])')
"$BIN" case tag "$OWNC" ring-member "$OWNA" >/dev/null 2>&1
"$BIN" case tag "$OWNC" ring-member --cluster c1 --source "$WORK/src" >/dev/null 2>&1
check "untagging the cluster says it kept the member's own tag" bash -c "'$BIN' case untag '$OWNC' ring-member --cluster c1 --source '$WORK/src' --reason broad | grep -q '^kept 1 member.s ring-member tag, not made by the cluster'"
check "the member's own tag stands" bash -c "'$BIN' case show '$OWNC' | grep -q '^  tag account $OWNA ring-member'"
check "the cluster's tag is retracted" bash -c "'$BIN' case show '$OWNC' | grep -q '^  retracted tag cluster c1 ring-member'"

# Untagging one member of a tagged cluster takes it out of the cluster's tag in the bundle:
# enforcement.csv holds it back and the report's summary counts what the tag table counts.
U=$("$BIN" case new 'one member out' --source "$WORK/src" 2>/dev/null)
"$BIN" case tag "$U" ring-member --cluster c1 --source "$WORK/src" >/dev/null 2>&1
OUT=$("$BIN" clusters "$WORK/src" --top 1 --format json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["accounts"][1])')
"$BIN" case untag "$U" ring-member "$OUT" --reason 'not one of them' >/dev/null 2>&1
"$BIN" case tag "$U" needs-review "$OUT" >/dev/null 2>&1
check "export after untagging a member of a tagged cluster" "$BIN" export "$U" --source "$WORK/src" --out "$WORK/u"
check "the untagged member is held back, the others proposed" python3 - "$WORK/u" "$OUT" <<'PY'
import csv, re, sys
b, out = sys.argv[1], sys.argv[2]
rows = {r["account_id"]: r for r in csv.DictReader(open(f"{b}/enforcement.csv", newline=""))}
assert rows[out]["proposed_action"] == "review", rows[out]
assert "ring-member" not in rows[out]["reason"], rows[out]
others = [r for a, r in rows.items() if a != out]
assert others and all(r["proposed_action"] == "suspend" for r in others), others[:3]
PY

# Account ids are exact bytes, even when not valid UTF-8.
X=$("$BIN" case new 'exact ids' 2>/dev/null)
check "tag acct_\\xff and acct_\\xfe from argv" "$BIN" case tag "$X" ring-member $'acct_\xff' $'acct_\xfe' $'acct_\e[31m'
check "tag with --account-b64" "$BIN" case tag "$X" decoy --account-b64 "$(printf 'acct_\x01\xfd' | base64)"
"$BIN" case show "$X" --format json >"$WORK/x.json" 2>&1
check "the exact bytes are stored" python3 - "$WORK/x.json" <<'PY'
import base64, json, sys
s = json.load(open(sys.argv[1]))
def raw(v): return base64.b64decode(v["b64"]) if isinstance(v, dict) else v.encode()
got = sorted(raw(v) for v in s["accounts"])
want = sorted([b"acct_\xff", b"acct_\xfe", b"acct_\x1b[31m", b"acct_\x01\xfd"])
assert got == want, got
PY
check "case show text escapes them" bash -c "'$BIN' case show '$X' | grep -q 'acct_\\\\xff' && ! '$BIN' case show '$X' | grep -q \$'\\e'"
check "untag by exact bytes" "$BIN" case untag "$X" ring-member $'acct_\xfe'
check "the exact-id case verifies" "$BIN" case audit "$X" --verify

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
