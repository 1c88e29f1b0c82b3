#!/usr/bin/env bash
# End-to-end tests of the explanations an investigator pastes (issue 13, point 6), in a real
# terminal (tmux) on the real binary: the account sheet's timing pane (who it fires with, as the
# CLI `account` says), co-firing counted the same from either side, and signals adding nothing
# saying why. Builds nothing: run `swift build` first; the binary is taken from
# `swift build --show-bin-path` (or $INVESTIGATE).
# Usage: Tests/e2e/console_timing.sh [CASE_DIR]   (default: SampleCases/hydra)
set -u
cd "$(dirname "$0")/../.."
E2E_TAG=e2etm
E2E_TITLE="console timing and explanations"
. Tests/e2e/lib/console_harness.bash
export XDG_DATA_HOME=$WORK/data-cli XDG_STATE_HOME=$WORK/state-cli XDG_CONFIG_HOME=$WORK/config

# The first account of the riskiest clusters with a surprising co-firing partner, and that
# partner (the account JSON lists every one, most bits first).
read -r ACCOUNT PARTNER TOGETHER < <("$BIN" clusters "$CASE" --top 10 --format json | python3 -c '
import json, subprocess, sys
binary, case = sys.argv[1], sys.argv[2]
for cluster in json.load(sys.stdin):
    for account in cluster["accounts"][:8]:
        if not isinstance(account, str): continue
        timing = json.loads(subprocess.run([binary, "account", case, account, "--format", "json"],
                                           capture_output=True, text=True).stdout)["timing"]
        if timing["partners"] and isinstance(timing["partners"][0]["account_id"], str):
            first = timing["partners"][0]
            print(account, first["account_id"], first["together"]); sys.exit(0)
print("- - 0")' "$BIN" "$CASE")

if [ "$ACCOUNT" = "-" ]; then
    bad "an account of the top clusters fires with another (none found on $CASE)"
else
    # 1. The CLI: the count is the same from either side and says what it counts.
    AB=$("$BIN" why "$CASE" "$ACCOUNT" "$PARTNER" | grep 'fired within')
    BA=$("$BIN" why "$CASE" "$PARTNER" "$ACCOUNT" | grep 'fired within')
    if [ -n "$AB" ] && [ "$AB" = "$BA" ]; then ok "1: why A B and why B A give the same co-firing"; else bad "1: why A B = why B A" "$AB
$BA"; fi
    FIRINGS=$("$BIN" account "$CASE" "$ACCOUNT" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["timing"]["firings"])')
    if [ "$TOGETHER" -le "$FIRINGS" ]; then ok "1: a partner's count ($TOGETHER) is at most the account's firings ($FIRINGS)"
    else bad "1: a partner's count is at most the account's firings" "$TOGETHER > $FIRINGS"; fi
    if "$BIN" account "$CASE" "$ACCOUNT" | grep -q "^timing: fires with .* (a time pairs one of its $FIRINGS firings with one of a partner's"; then
        ok "1: account says what a time is"
    else bad "1: account says what a time is" "$("$BIN" account "$CASE" "$ACCOUNT" | grep '^timing')"; fi

    # 2. The console: Tab twice on the account shows the same partners; Enter opens the first.
    start t1 120x40
    if wait_for t1 '^> c1 ' 60; then
        keys t1 :
        typed t1 "open $ACCOUNT"; keys t1 Enter
        check "2: :open the account" t1 "^$ACCOUNT  cluster c"
        keys t1 Tab
        check "2: Tab: the risk breakdown, whose next pane is timing" t1 'Tab: who it fires with'
        keys t1 Tab
        check "2: Tab again: who it fires with" t1 '^who it fires with \(j/k move, Enter opens'
        check "2: ... the summary as the CLI says it" t1 '^  fires with [0-9]+ accounts? within [0-9]+ s, [0-9]+ times?; '
        check "2: ... the first partner under the cursor with its count" t1 "^> $PARTNER +c[0-9]+ +[0-9]+ s +$TOGETHER "
        keys t1 Enter
        check "2: Enter opens the partner's account" t1 "^$PARTNER  cluster c"
        # 3. The risk breakdown read whole: a signal adding nothing says why.
        keys t1 Tab Enter
        if wait_for t1 'record: j/k scroll' 5; then
            found=0
            for _ in $(seq 1 12); do
                if screen t1 | grep -Eq 'adds nothing|shown as 0|of it counts'; then found=1; break; fi
                keys t1 PageDown; sleep 0.2
            done
            if [ "$found" = 1 ] || ! "$BIN" account "$CASE" "$PARTNER" | grep -Eq '	0	'; then ok "3: a signal listed with 0 says why (or none is listed)"
            else bad "3: a signal listed with 0 says why" "$(screen t1)"; fi
        else bad "3: Enter on the risk breakdown reads it whole" "$(screen t1)"; fi
        # 4. = on two marked members of c1 says why they are linked, as why does.
        keys t1 Escape 0 Enter
        check "4: c1 opens" t1 '^cluster c1 '
        keys t1 Space Space =
        if wait_for t1 'comparing two accounts' 5; then
            found=0
            for _ in $(seq 1 12); do
                if screen t1 | grep -Eq '^ why linked +(both|they|fired|evidence)'; then found=1; break; fi
                keys t1 PageDown; sleep 0.2
            done
            if [ "$found" = 1 ]; then ok "4: = says why the pair is linked"; else bad "4: = says why the pair is linked" "$(screen t1)"; fi
        else bad "4: = compares the two marked accounts" "$(screen t1)"; fi
        keys t1 Escape q
        check "q quits" t1 '^EXIT=0' 10
    else bad "console starts" "$(screen t1)"; fi
    stop t1
fi

# 5. clusters counts signals adding nothing apart from the ones it sums.
if "$BIN" clusters "$CASE" --top 20 | grep -Eq '^	  ([0-9]+ more signals? [+-][0-9.]+, )?[0-9]+ signals? adding nothing'; then
    ok "5: clusters counts the signals adding nothing apart"
else bad "5: clusters counts the signals adding nothing apart" "$("$BIN" clusters "$CASE" --top 3)"; fi

# 6. clusters lists the kinds with values that are not hubs before the kinds shared only through hubs.
if "$BIN" clusters "$CASE" --top 30 | python3 -c '
import re, sys
seen = 0
for line in sys.stdin:
    fields = line.rstrip("\n").split("\t")
    if len(fields) < 4 or not fields[3].startswith("shares "): continue
    kinds = re.findall(r"[a-z_]+:[0-9]+(?: \([^)]*\))?", fields[3])
    hubs = [k.endswith("(hubs)") for k in kinds]
    seen += 1
    if any(h and not later for i, h in enumerate(hubs) for later in hubs[i + 1:]): sys.exit("hub kind first: " + line)
sys.exit(0 if seen else "no shares line")'; then ok "6: clusters puts kinds shared only through hubs last"
else bad "6: clusters puts kinds shared only through hubs last" "$("$BIN" clusters "$CASE" --top 30 | cut -f1-4)"; fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
