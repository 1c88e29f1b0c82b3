#!/usr/bin/env bash
# End-to-end checks of `investigate verify` against hostile bundles, driving the real binary:
# untrusted signers, trust by --key and the trusted-keys file, duplicate and extra entries, a
# zip bomb, prepended bytes, a symlink in a folder bundle, and the exit statuses.
# Usage: Tests/e2e/verify.sh [path/to/investigate]   (or $INVESTIGATE_BIN; default: `swift build`'s binary)
# Needs python3 (standard library only).
set -u
cd "$(dirname "$0")/../.."
BIN=${1:-${INVESTIGATE_BIN:-}}
if [ -z "$BIN" ]; then
    swift build >/dev/null 2>&1 || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
    BIN=$(swift build --show-bin-path)/investigate
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/investigate-e2e-verify.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export INVESTIGATE_DB=$WORK/cases.sqlite XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data USER=e2e-analyst
unset INVESTIGATE_KEY
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $1"; }
check() { local name=$1; shift; if "$@" >"$WORK/last.out" 2>&1; then ok "$name"; else bad "$name"; sed 's/^/     /' "$WORK/last.out" | head -20; fi; }
# expect STATUS PATTERN NAME -- command...: the command exits with STATUS and its output matches PATTERN.
expect() {
    local status=$1 pattern=$2 name=$3; shift 4
    "$@" >"$WORK/out" 2>&1
    local rc=$?
    if [ "$rc" -eq "$status" ] && grep -Eq -- "$pattern" "$WORK/out"; then ok "$name"; else
        bad "$name (exit $rc, wanted $status and /$pattern/)"
        sed 's/^/     /' "$WORK/out" | head -20
    fi
}

"$BIN" generate "$WORK/src" --accounts 600 --seed 777 >/dev/null 2>&1 || bad "generate source"
CASE=$("$BIN" case new 'verify e2e' 2>/dev/null)
TOP=$("$BIN" clusters "$WORK/src" 2>/dev/null | awk 'NR==1 {print $1}')
"$BIN" case tag "$CASE" ring-member --cluster "$TOP" --source "$WORK/src" >/dev/null 2>&1 || bad "tag the top cluster"
check "export with the own key" "$BIN" export "$CASE" --source "$WORK/src" --out "$WORK/own.zip"
check "export a folder" "$BIN" export "$CASE" --source "$WORK/src" --out "$WORK/folder"
# Another investigator's (or a forger's) key: a valid bundle, signed by a key we do not trust.
check "export with another key" env INVESTIGATE_KEY="$WORK/other/signing.key" "$BIN" export "$CASE" --source "$WORK/src" --out "$WORK/other.zip"
OTHER_KEY=$(python3 -c "import json,zipfile,sys; print(json.loads(zipfile.ZipFile(sys.argv[1]).read('manifest.json'))['signature']['public_key'])" "$WORK/other.zip")
OTHER_ID=$(python3 -c "import json,zipfile,sys; print(json.loads(zipfile.ZipFile(sys.argv[1]).read('manifest.json'))['signature']['key_id'])" "$WORK/other.zip")

expect 0 "verified \(signature key [0-9a-f]{16}, trusted as your own signing key" "own key: verified, and says why" -- "$BIN" verify "$WORK/own.zip"
expect 0 "trusted as your own signing key" "own key: folder verified" -- "$BIN" verify "$WORK/folder"
expect 0 "case $CASE, open, [0-9]+ accounts; titled verify e2e" "verified: names the case it holds" -- "$BIN" verify "$WORK/own.zip"
expect 1 "signed by key $OTHER_ID, which is not trusted" "another key: rejected, naming the key" -- "$BIN" verify "$WORK/other.zip"
expect 0 "trusted as --key $OTHER_ID" "another key: accepted with --key KEYID" -- "$BIN" verify --key "$OTHER_ID" "$WORK/other.zip"
expect 0 "trusted as --key $OTHER_ID" "another key: accepted with --key PUBLICKEY" -- "$BIN" verify --key "$OTHER_KEY" "$WORK/other.zip"
expect 1 "signed by key [0-9a-f]{16}, which is not trusted" "--key pins: the own bundle fails against another key" -- "$BIN" verify --key "$OTHER_ID" "$WORK/own.zip"
expect 0 "verified" "--key may be repeated" -- "$BIN" verify --key 0000000000000000 --key "$OTHER_ID" "$WORK/other.zip"
printf '# partner lab\n%s partner lab (fingerprint checked by phone)\n' "$OTHER_KEY" >"$WORK/config/investigate/trusted-keys"
chmod 600 "$WORK/config/investigate/trusted-keys"
expect 0 "trusted as .*trusted-keys line 2 \(partner lab" "another key: accepted from the trusted-keys file" -- "$BIN" verify "$WORK/other.zip"
expect 0 "your own signing key" "own key still trusted beside the file" -- "$BIN" verify "$WORK/own.zip"
printf 'not-a-key\n' >>"$WORK/config/investigate/trusted-keys"
expect 2 "trusted-keys:3: not a base64 Ed25519 public key" "malformed trusted-keys line: exit 2 naming the line" -- "$BIN" verify "$WORK/own.zip"
rm "$WORK/config/investigate/trusted-keys"
expect 2 "no such bundle" "missing path: exit 2" -- "$BIN" verify "$WORK/nope.zip"
expect 2 "not a key id" "bad --key: exit 2" -- "$BIN" verify --key nonsense "$WORK/own.zip"

# Duplicate name: a second, tampered accounts.csv after the genuine one (unzip -n would keep
# the first, other tools the last); and an entry the manifest does not list.
python3 - "$WORK" <<'PY'
import sys, warnings, zipfile
w = sys.argv[1]
warnings.simplefilter("ignore")
src = zipfile.ZipFile(w + "/own.zip")
with zipfile.ZipFile(w + "/dup.zip", "w", zipfile.ZIP_DEFLATED) as dup, zipfile.ZipFile(w + "/extra.zip", "w", zipfile.ZIP_DEFLATED) as extra:
    for info in src.infolist():
        data = src.read(info.filename)
        dup.writestr(info.filename, data)
        extra.writestr(info.filename, data)
    dup.writestr("accounts.csv", b"account_id,evil\r\nx,1\r\n")
    extra.writestr("run-me.sh", b"#!/bin/sh\n")
PY
expect 1 "accounts.csv: 2 entries with this name" "duplicate entry name: rejected" -- "$BIN" verify "$WORK/dup.zip"
expect 1 "run-me.sh: extra entry not in the manifest" "extra entry: rejected" -- "$BIN" verify "$WORK/extra.zip"

# The same files, same names, no byte of content changed, repacked by another zip writer
# (Python's, keeping each entry's date): its header fields are not the exporter's (session 36).
python3 - "$WORK" <<'PY'
import sys, zipfile
w = sys.argv[1]
src = zipfile.ZipFile(w + "/own.zip")
with zipfile.ZipFile(w + "/repacked.zip", "w", zipfile.ZIP_DEFLATED) as out:
    for info in src.infolist():
        copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
        copy.external_attr = info.external_attr
        copy.compress_type = zipfile.ZIP_DEFLATED
        out.writestr(copy, src.read(info.filename))
PY
expect 1 "case.json: version made by 0x0314; the exporter writes 0x0315" "repacked by another writer: its header fields named" -- "$BIN" verify "$WORK/repacked.zip"

# A zip bomb: accounts.csv replaced by 1 GiB of zeros (about 1 MB deflated). Rejected on its
# declared size, fast, in bounded memory (peak RSS of the verifier measured).
python3 - "$WORK" <<'PY'
import sys, zipfile
w = sys.argv[1]
src = zipfile.ZipFile(w + "/own.zip")
with zipfile.ZipFile(w + "/bomb.zip", "w", zipfile.ZIP_DEFLATED) as out:
    for info in src.infolist():
        if info.filename != "accounts.csv":
            out.writestr(info.filename, src.read(info.filename))
            continue
        with out.open("accounts.csv", "w", force_zip64=True) as entry:
            block = bytes(1 << 20)
            for _ in range(1024):
                entry.write(block)
PY
check "the bomb is small" test "$(stat -c %s "$WORK/bomb.zip")" -lt 4000000
check "zip bomb: rejected in < 5 s and < 200 MB" python3 - "$BIN" "$WORK/bomb.zip" <<'PY'
import resource, subprocess, sys, time
start = time.time()
run = subprocess.run([sys.argv[1], "verify", sys.argv[2]], capture_output=True, text=True)
elapsed = time.time() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
out = run.stdout + run.stderr
print(out, f"exit {run.returncode}, {elapsed:.1f} s, peak {peak >> 20} MB")
assert run.returncode == 1
assert "accounts.csv: size differs (manifest" in out and "zip directory 1073741824); not read" in out
assert elapsed < 5 and peak < 200 << 20
PY

# Bytes prepended to a good zip.
{ head -c 1000 /dev/urandom; cat "$WORK/own.zip"; } >"$WORK/prepended.zip"
expect 1 "not a well-formed zip: 1000 bytes before the first entry" "prepended bytes: named as such" -- "$BIN" verify "$WORK/prepended.zip"

# Folder bundles: a symlink is not followed, a FIFO not opened (no hang).
cp -r "$WORK/folder" "$WORK/folder-link"
rm "$WORK/folder-link/report.html" && ln -s /etc/passwd "$WORK/folder-link/report.html"
expect 1 "report.html: not a regular file \(a symbolic link" "folder: symlink not followed" -- timeout 20 "$BIN" verify "$WORK/folder-link"
cp -r "$WORK/folder" "$WORK/folder-fifo"
rm "$WORK/folder-fifo/edges.csv" && mkfifo "$WORK/folder-fifo/edges.csv"
expect 1 "edges.csv: not a regular file \(a FIFO\)" "folder: FIFO not opened" -- timeout 20 "$BIN" verify "$WORK/folder-fifo"

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
