#!/usr/bin/env python3
"""Gives each ring account of an existing test source a client string of its own, as a ring
hiding its shared tool would.

usage: retag.py SRC OUT --style product|first|common|letters [--rings NAME,...]

SRC is a case source with its truth file beside it (SRC.truth.json, or SRC-truth.json); OUT, which
must not exist yet (nor OUT.truth.json), gets a copy of it and OUT.truth.json (the same truth). --rings names rings as
the truth file's "name" fields do (every ring by default). Every query row of a ring account gets,
in place of its client string C (its product P, the text before the first space, and the rest R),
one made of a tag of the account's own (six hex characters of a hash of its id):
  product  P-TAG R      the product varied per account (`ringbot/2.0-a81f3c worker`)
  first    TAG C        the tag put first (`a81f3c ringbot/2.0`)
  common   M sess/TAG   the population's most common client string M (of accounts outside every
                        ring and decoy), tagged (`python-requests/2.31.0 sess/a81f3c`)
  letters  P-LTR R      as product, with a tag of letters only (`ringbot/2.0-qkzvwe worker`)
A row without a client string keeps none. Query files are rewritten whole (JSONL lines of other
accounts as they were; CSV rows through Python's csv module), gzip or not. stdlib only,
deterministic.
"""
import argparse
import collections
import csv
import gzip
import hashlib
import io
import json
import os
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dilute import prepare, query_files, rows_of  # noqa: E402


def tag(account, letters=False):
    digest = hashlib.sha256(account.encode("utf-8", "surrogateescape")).digest()
    if letters:
        return "".join(chr(97 + b % 26) for b in digest[:6])
    return digest.hex()[:6]


def retagged(client, account, style, common):
    if not isinstance(client, str) or client == "":
        return client
    product, _, rest = client.partition(" ")
    if style == "product":
        return product + "-" + tag(account) + (" " + rest if rest else "")
    if style == "letters":
        return product + "-" + tag(account, True) + (" " + rest if rest else "")
    if style == "first":
        return tag(account) + " " + client
    return common + " sess/" + tag(account)


def open_text(path, mode):
    if path.endswith(".gz"):
        return gzip.open(path, mode + "t", encoding="utf-8", errors="surrogateescape", newline="")
    return open(path, mode, encoding="utf-8", errors="surrogateescape", newline="")


def rewrite(path, ring_ids, style, common):
    plain = path[:-3] if path.endswith(".gz") else path
    changed = 0
    with open_text(path, "r") as f:
        text = f.read()
    out = io.StringIO()
    if plain.endswith(".csv"):
        rows = list(csv.reader(io.StringIO(text)))
        if rows:
            header = [h.strip().lower() for h in rows[0]]
            who, client = header.index("account_id"), header.index("user_agent") if "user_agent" in header else -1
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(rows[0])
            for row in rows[1:]:
                if client >= 0 and len(row) > max(who, client) and row[who] in ring_ids and row[client]:
                    row[client] = retagged(row[client], row[who], style, common)
                    changed += 1
                writer.writerow(row)
    else:
        for line in text.splitlines(keepends=True):
            try:
                obj = json.loads(line)
            except ValueError:
                out.write(line)
                continue
            keys = {str(k).lower(): k for k in obj} if isinstance(obj, dict) else {}
            account = obj.get(keys.get("account_id")) if keys else None
            if account in ring_ids and "user_agent" in keys and isinstance(obj[keys["user_agent"]], str) and obj[keys["user_agent"]]:
                obj[keys["user_agent"]] = retagged(obj[keys["user_agent"]], account, style, common)
                out.write(json.dumps(obj, ensure_ascii=False) + ("\n" if line.endswith("\n") else ""))
                changed += 1
            else:
                out.write(line)
    with open_text(path, "w") as f:
        f.write(out.getvalue())
    return changed


def most_common_client(src, files, marked):
    counts = collections.Counter()
    for name in files:
        for row in rows_of(os.path.join(src, name)):
            if row.get("account_id") not in marked and isinstance(row.get("user_agent"), str) and row["user_agent"]:
                counts[(row["user_agent"], row.get("account_id"))] += 1
    per_client = collections.Counter(client for client, _ in counts)
    if not per_client:
        sys.exit("retag.py: no client string outside the rings")
    return per_client.most_common(1)[0][0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--style", choices=["product", "first", "common", "letters"], required=True)
    ap.add_argument("--rings", default="")
    a = ap.parse_args()
    truth, ring_ids, marked = prepare(a.src, a.out, a.rings, "retag.py")
    files = query_files(a.src)
    common = most_common_client(a.src, files, marked) if a.style == "common" else ""
    shutil.copytree(a.src, a.out)
    changed = sum(rewrite(os.path.join(a.out, name), ring_ids, a.style, common) for name in files)
    with open(a.out.rstrip("/") + ".truth.json", "w", encoding="utf-8") as f:
        json.dump(truth, f)
    print("%s: %d ring rows retagged (%s%s)" % (a.out, changed, a.style, ", on " + common if common else ""))


if __name__ == "__main__":
    main()
