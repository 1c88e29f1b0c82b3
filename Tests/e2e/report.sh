#!/usr/bin/env bash
# End-to-end checks of a bundle's report.html (in a real browser) and of its account-value
# incidence files (edges.csv, graph.graphml), driving the real `investigate` binary.
# Usage: Tests/e2e/report.sh [path/to/investigate]   (or $INVESTIGATE_BIN; default: `swift build`'s binary)
# Needs python3 with networkx, and Debian's `chromium` for the browser checks (skipped, saying
# so, when it is not installed). REPORT_PNG=path keeps the 1280x800 screenshot (docs/report.png).
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
BIN=${1:-${INVESTIGATE_BIN:-}}
if [ -z "$BIN" ]; then
    swift build >/dev/null 2>&1 || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
    BIN=$(swift build --show-bin-path)/investigate
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/investigate-e2e-report.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export INVESTIGATE_DB=$WORK/cases.sqlite XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data USER=e2e-analyst
PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok   $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL $1"; }
check() { local name=$1; shift; if "$@" >"$WORK/last.out" 2>&1; then ok "$name"; else bad "$name"; sed 's/^/     /' "$WORK/last.out" | head -20; fi; }
SRC=SampleCases/hydra

# A case with a few tagged clusters: the four rings, a decoy cluster, two single accounts, notes.
CASE=$("$BIN" case new 'Hydra: card farm, proxy ring, slow drip, recidivists' 2>/dev/null)
"$BIN" clusters "$SRC" >"$WORK/clusters.txt" 2>/dev/null
for c in c1 c2 c3 c4; do "$BIN" case tag "$CASE" ring-member --cluster "$c" --source "$SRC" >/dev/null 2>&1; done
"$BIN" case tag "$CASE" decoy --cluster c5 --source "$SRC" >/dev/null 2>&1
SINGLES=$(awk -F'\t' '$1 ~ /^c[0-9]+$/ && $0 ~ /size 1\t/ {print $NF}' "$WORK/clusters.txt" | head -2)
# shellcheck disable=SC2086
[ -n "$SINGLES" ] && "$BIN" case tag "$CASE" needs-review $SINGLES >/dev/null 2>&1
"$BIN" case note "$CASE" 'Rings c1-c4 share cards and a proxy ASN; c5 is the evaluation firm.' >/dev/null 2>&1
"$BIN" case note "$CASE" $'second note with <script>alert(1)</script> and \e[31mescape' >/dev/null 2>&1
# Long unbreakable texts must wrap, not widen the page.
"$BIN" case note "$CASE" "$(printf 'x%.0s' $(seq 1 3000))" >/dev/null 2>&1
LONG_LABEL=$(printf 'L%.0s' $(seq 1 64))
[ -n "$SINGLES" ] && "$BIN" case tag "$CASE" "$LONG_LABEL" $(echo $SINGLES | cut -d' ' -f1) >/dev/null 2>&1
"$BIN" case status "$CASE" confirmed >/dev/null 2>&1
check "export the tagged case" "$BIN" export "$CASE" --source "$SRC" --out "$WORK/b"
check "the bundle verifies" "$BIN" verify "$WORK/b"
check "export is deterministic" bash -c "'$BIN' export '$CASE' --source '$SRC' --out '$WORK/b2' && diff -r '$WORK/b' '$WORK/b2'"
REPORT=$WORK/b/report.html
check "report: summary before any cluster section, then tags, notes, audit" python3 - "$REPORT" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="ascii").read()
order = [html.find(m) for m in ('id="summary"', 'class="cluster"', 'id="tags"', 'id="journal"', 'id="audit"')]
assert -1 not in order and order == sorted(order), order
assert html.count('class="cluster"') >= 4, "expected a section per ring cluster"
PY
check "report: no risk printed with more than 2 decimals" python3 - "$REPORT" <<'PY'
import re, sys
html = open(sys.argv[1]).read()
text = re.sub(r"<[^>]*>", " ", html)
long = re.findall(r"(?<![\d.])\d+\.\d{3,}(?![\d.])", text)
assert not long, long[:5]
assert re.search(r"risk \d\.\d\d\b", text)
PY
check "report: the recommended action counts equal enforcement.csv" python3 - "$WORK/b" <<'PY'
import csv, re, sys, collections
d = sys.argv[1]
counts = collections.Counter(r["proposed_action"] for r in csv.DictReader(open(d + "/enforcement.csv", newline="")))
html = open(d + "/report.html").read()
summary = html[html.index('id="summary"'):html.index("</section>")]
for action, n in counts.items():
    assert f"<tr><td>{action}</td><td class=\"num\">{n}</td></tr>" in summary, (action, n)
assert "Suspend" in summary or "Ban" in summary
PY
check "report: verify command with the signing key id" bash -c "KID=\$('$BIN' verify '$WORK/b' | sed -n 's/.*signature key \\([0-9a-f]*\\).*/\\1/p'); test -n \"\$KID\" && grep -q \"investigate verify BUNDLE --key \$KID\" '$REPORT'"
check "report: hostile note text is inert" python3 - "$REPORT" <<'PY'
import sys
b = open(sys.argv[1], "rb").read()
assert b"<script" not in b.lower() and b"&lt;script&gt;" in b and b"\\x1b[31m" in b
assert all(c == 0x0A or 0x20 <= c < 0x7F for c in b), "non-ASCII or control byte"
PY

if ! command -v chromium >/dev/null 2>&1; then
    # CI installs chromium (.ci/run): there, a missing browser is a failure, not a skip.
    if [ -n "${CI:-}" ]; then bad "report in a browser: chromium is not installed"
    else echo "skip report in a browser: chromium is not installed (apt-get install chromium)"; fi
else
    SHOT=${REPORT_PNG:-$WORK/report.png}
    check "report in chromium at 1280x800: no overflow, summary on the first screen, no script" \
        python3 "$ROOT/Tests/e2e/report_browser.py" chromium "$REPORT" "$SHOT"
fi

# Every account of the sample case: the incidence files stay linear.
ALL=$("$BIN" case new 'every account' 2>/dev/null)
cut -d, -f1 "$SRC/accounts.csv" | tail -n +2 >"$WORK/all.txt"
# shellcheck disable=SC2046
check "tag every sample account" "$BIN" case tag "$ALL" sweep $(cat "$WORK/all.txt")
check "export every account" "$BIN" export "$ALL" --source "$SRC" --out "$WORK/all"
check "edges.csv is account-value incidence, linear in the sharers" python3 - "$WORK/all" <<'PY'
import base64, csv, collections, sys
d = sys.argv[1]
rows = list(csv.DictReader(open(d + "/edges.csv", newline="")))
assert rows, "no incidence rows"
per_value = collections.defaultdict(set)
for r in rows:
    assert base64.b64decode(r["account_id_b64"]).decode() == r["account_id"]
    per_value[(r["kind"], r["value_b64"])].add(r["account_id"])
    assert int(r["sharers"]) >= 2
for key, accounts in per_value.items():
    sharers = {int(r["sharers"]) for r in rows if (r["kind"], r["value_b64"]) == key} if len(per_value) < 50 else None
    assert len(accounts) >= 2
total = sum(len(a) for a in per_value.values())
assert total == len(rows), (total, len(rows))
pairs = sum(len(a) * (len(a) - 1) // 2 for a in per_value.values())
print(f"{len(rows)} incidence rows for {len(per_value)} values; pairwise would be {pairs}")
widest = max(len(a) for a in per_value.values())
assert pairs > len(rows) and widest > 50, "the sample should hold a widely shared value"
PY
check "edges.csv sharers column equals the rows per value" python3 - "$WORK/all" <<'PY'
import csv, collections, sys
rows = list(csv.DictReader(open(sys.argv[1] + "/edges.csv", newline="")))
n = collections.Counter((r["kind"], r["value_b64"]) for r in rows)
bad = [r for r in rows if int(r["sharers"]) != n[(r["kind"], r["value_b64"])]]
assert not bad, bad[:3]
PY
check "networkx reads graph.graphml: account and value nodes, account-value edges" python3 - "$WORK" <<'PY'
import base64, csv, sys, networkx as nx
w = sys.argv[1]
g = nx.read_graphml(w + "/all/graph.graphml")
types = nx.get_node_attributes(g, "type")
accounts = {n for n, t in types.items() if t == "account"}
values = {n for n, t in types.items() if t == "value"}
ids = {base64.b64decode(g.nodes[n]["id_b64"]).decode() for n in accounts}
tagged = set(open(w + "/all.txt").read().split())
assert ids == tagged, (len(ids), len(tagged))
assert all(n.startswith("a") for n in accounts) and all(n.startswith("v") for n in values)
rows = sum(1 for _ in csv.reader(open(w + "/all/edges.csv", newline=""))) - 1
assert g.number_of_edges() == rows, (g.number_of_edges(), rows)
for a, b in g.edges():
    assert {types[a], types[b]} == {"account", "value"}, (a, b)
PY
check "bundle stays small with every account" python3 - "$WORK/all" <<'PY'
import os, sys
d = sys.argv[1]
size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
edges = os.path.getsize(os.path.join(d, "edges.csv"))
print(f"bundle {size} bytes, edges.csv {edges} bytes")
assert edges < 3_000_000, edges
PY

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
