#!/usr/bin/env python3
"""Dilutes the rings of an existing test source with chaff, as a ring hiding its harvest would.

usage: dilute.py SRC OUT --per-query K --kind oneword|borrowed [--seed S] [--rings NAME,...]

SRC is a case source with its truth file beside it (SRC.truth.json, or SRC-truth.json); OUT, which
must not exist yet, gets a copy of it and OUT.truth.json (the same truth: chaff changes no one's
role). --rings names rings as the truth file's "name" fields do. For every query row of a ring
account (every ring, or those named), K >= 1 more rows are written for the same account, each 5 s
to 10 min after the one before (so the last of three comes up to half an hour after the query),
from the same key, address, network (ASN), client and model:
  oneword   one- or two-word prompts ("ok", "next", "thanks") with a few tokens in and out;
  borrowed  prompts copied from accounts outside every ring and decoy, with their categories and
            token counts (ordinary traffic of this very population).
The rows go into OUT/queries/zz-chaff.jsonl (zz-chaff-2.jsonl, ... when the source was diluted
before: earlier chaff is kept, and read as the ring's rows), in time order within the file; a
source with one query file gets a `queries/` folder holding it and the chaff. Reads JSONL and CSV
query files, gzip or not, with the timestamp forms of the case-source format (RFC 3339 with a zone
or offset, epoch milliseconds; epoch seconds too). stdlib only, seeded, deterministic.
"""
import argparse
import csv
import datetime as dt
import gzip
import io
import json
import os
import random
import shutil
import sys

ONE_WORD = ["ok", "next", "thanks", "continue", "more", "go on", "and?", "again", "sure", "great",
            "hm", "yes", "no", "why", "k", "cool", "right", "next one", "got it", "done"]
CONTEXT = ["api_key", "ip", "asn", "user_agent", "model"]


def truth_path(src, tool="dilute.py"):
    for p in (src.rstrip("/") + ".truth.json", src.rstrip("/") + "-truth.json"):
        if os.path.exists(p):
            return p
    sys.exit("%s: no truth file beside %s" % (tool, src))


def opener(path):
    return gzip.open(path, "rt", encoding="utf-8", errors="surrogateescape", newline="") if path.endswith(".gz") \
        else open(path, encoding="utf-8", errors="surrogateescape", newline="")


def query_files(src):
    names = []
    for entry in sorted(os.listdir(src)):
        if entry.startswith("queries.") and os.path.isfile(os.path.join(src, entry)):
            names.append(entry)
    folder = os.path.join(src, "queries")
    if os.path.isdir(folder):
        for root, _, files in os.walk(folder):
            for f in sorted(files):
                names.append(os.path.relpath(os.path.join(root, f), src))
    return names


def rows_of(path):
    """Each row as a dict with lower-cased keys."""
    plain = path[:-3] if path.endswith(".gz") else path
    with opener(path) as f:
        if plain.endswith(".csv"):
            for row in csv.DictReader(f):
                yield {(k or "").strip().lower(): v for k, v in row.items()}
        else:
            for line in f:
                line = line.strip()
                if not line:
                    continue
                try:
                    obj = json.loads(line)
                except ValueError:
                    continue
                if isinstance(obj, dict):
                    yield {str(k).lower(): v for k, v in obj.items()}


def seconds(value):
    """Epoch seconds of a timestamp in any of the format's forms, or None."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return value / 1000.0 if value > 1e11 else float(value)
    text = str(value).strip()
    try:
        number = float(text)
        return number / 1000.0 if number > 1e11 else number
    except ValueError:
        pass
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.timestamp()


def stamp(epoch):
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def tokens(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def prepare(src_arg, out_arg, rings_arg, tool):
    """Checks SRC and OUT and reads SRC's truth: (truth, ids of the chosen rings' accounts, ids of
    every ring and decoy account). Exits with a message naming `tool` on a bad argument."""
    src, out = os.path.realpath(src_arg), os.path.realpath(out_arg)
    if not os.path.isdir(src):
        sys.exit("%s: %s is not a folder" % (tool, src_arg))
    if os.path.lexists(out_arg):
        sys.exit("%s: %s exists; give a new folder" % (tool, out_arg))
    if os.path.lexists(out_arg.rstrip("/") + ".truth.json"):
        sys.exit("%s: %s.truth.json exists; give a new folder name" % (tool, out_arg.rstrip("/")))
    if out == src or out.startswith(src + os.sep):
        sys.exit("%s: OUT must lie outside SRC" % tool)
    with open(truth_path(src_arg, tool), encoding="utf-8") as f:
        truth = json.load(f)
    chosen = set(filter(None, rings_arg.split(",")))
    if rings_arg and not chosen:
        sys.exit("%s: --rings names no ring" % tool)
    unknown = chosen - {ring.get("name") for ring in truth["rings"]}
    if unknown:
        sys.exit("%s: no ring named %s; the truth file's rings: %s"
                 % (tool, ", ".join(sorted(unknown)), ", ".join(str(ring.get("name")) for ring in truth["rings"])))
    ring_ids = set()
    for ring in truth["rings"]:
        if not chosen or ring.get("name") in chosen:
            ring_ids.update(x for x in ring["accounts"] if isinstance(x, str))
    marked = set()
    for group in truth["rings"] + truth.get("decoys", []):
        marked.update(x for x in group["accounts"] if isinstance(x, str))
    return truth, ring_ids, marked


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("out")
    ap.add_argument("--per-query", type=int, required=True)
    ap.add_argument("--kind", choices=["oneword", "borrowed"], required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rings", default="")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    if a.per_query < 1:
        sys.exit("dilute.py: --per-query must be 1 or more")
    truth, ring_ids, marked = prepare(a.src, a.out, a.rings, "dilute.py")

    shutil.copytree(a.src, a.out)
    files = query_files(a.out)
    ring_rows, borrowed = [], []
    for name in files:
        for row in rows_of(os.path.join(a.out, name)):
            account = row.get("account_id")
            if not isinstance(account, str):
                continue
            if account in ring_ids:
                t = seconds(row.get("ts"))
                if t is not None:
                    ring_rows.append((account, t, {k: row.get(k) for k in CONTEXT if row.get(k) not in (None, "")}))
            elif account not in marked and a.kind == "borrowed" and isinstance(row.get("prompt"), str) and rng.random() < 0.2:
                borrowed.append((row.get("prompt"), row.get("category"), row.get("input_tokens"), row.get("output_tokens")))
    if a.kind == "borrowed" and not borrowed:
        sys.exit("dilute.py: no prompts outside the rings to borrow")
    ring_rows.sort(key=lambda r: (r[0], r[1]))

    chaff = []
    for account, t, context in ring_rows:
        when = t
        for _ in range(a.per_query):
            when += rng.uniform(5, 600)
            row = {"ts": stamp(when), "account_id": account}
            row.update(context)
            if a.kind == "oneword":
                word = rng.choice(ONE_WORD)
                row.update(prompt=word, input_tokens=len(word.split()) + rng.randint(0, 2), output_tokens=rng.randint(3, 40))
            else:
                prompt, category, tin, tout = rng.choice(borrowed)
                row.update(prompt=prompt, input_tokens=tokens(tin, max(1, len(prompt) // 4)), output_tokens=tokens(tout, 200))
                if category not in (None, ""):
                    row["category"] = category
            chaff.append(row)
    chaff.sort(key=lambda r: r["ts"])

    folder = os.path.join(a.out, "queries")
    if not os.path.isdir(folder):
        os.mkdir(folder)
        for name in files:
            os.rename(os.path.join(a.out, name), os.path.join(folder, name))
    name, n = "zz-chaff.jsonl", 1
    while os.path.exists(os.path.join(folder, name)):
        n += 1
        name = "zz-chaff-%d.jsonl" % n
    with open(os.path.join(folder, name), "x", encoding="utf-8", errors="surrogateescape") as f:
        for row in chaff:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(a.out.rstrip("/") + ".truth.json", "w", encoding="utf-8") as f:
        json.dump(truth, f)
    print("%s: %d ring rows, %d chaff rows (%s, %d per query)" % (a.out, len(ring_rows), len(chaff), a.kind, a.per_query))


if __name__ == "__main__":
    main()
