#!/usr/bin/env python3
"""Scores `investigate clusters --format json` output against truth files (stdlib only).

usage: score.py SRC_DIR JSON_DIR [--base BASE_JSON_DIR] [--tops 6,12] [--threshold 0.5]

For every JSON_DIR/NAME.json (the ranked clusters of source SRC_DIR/NAME, as `clusters --top 400
--format json` prints them) and its truth file SRC_DIR/NAME.truth.json, and for each top N: the
accounts flagged are the members of the clusters rated >= threshold among the first N clusters
(issue 13's bar, as `investigate evaluate` counts it). Printed per source and N:
  P      account precision: ring accounts flagged / accounts flagged ("-" when none is flagged)
  R      recall: ring accounts flagged / ring accounts
  rings  rings at least 90% covered, of all rings
  cover  each ring's coverage (% of its accounts flagged), in truth-file order
  decoys each decoy group with any account flagged, with the % of its accounts flagged
With --base, each row shows BASE -> this and marks rows where anything moved: `worse` when
precision or recall fell, a ring's coverage fell or a decoy got (more) flagged, else `moved`.

Truth files: {"rings": [{"name", "accounts": [id, ...]}, ...], "decoys": [{"name", "accounts"}]};
ids are compared exactly (as strings; an id the tool prints as an object of bytes is compared
by its JSON text). Exit status 1 when a source's JSON or truth file is missing or malformed.
"""
import json
import os
import sys


def ident(value):
    """An account id as printed, for exact comparison."""
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True)


def load_truth(path):
    with open(path, encoding="utf-8") as f:
        t = json.load(f)
    rings = [(r.get("name", "ring-%d" % i), [ident(a) for a in r["accounts"]]) for i, r in enumerate(t["rings"])]
    decoys = [(d.get("name", "decoy-%d" % i), [ident(a) for a in d["accounts"]]) for i, d in enumerate(t.get("decoys", []))]
    return rings, decoys


def load_clusters(path):
    with open(path, encoding="utf-8") as f:
        clusters = json.load(f)
    if not isinstance(clusters, list):
        raise ValueError("%s: expected a JSON array of clusters" % path)
    return [(float(c["risk"]), [ident(a) for a in c["accounts"]]) for c in clusters]


def score(clusters, rings, decoys, top, threshold):
    """The figures of one source at one depth."""
    flagged = set()
    for risk, members in clusters[:top]:
        if risk >= threshold:
            flagged.update(members)
    ring_accounts = set()
    for _, members in rings:
        ring_accounts.update(members)
    hits = len(flagged & ring_accounts)
    cover = [(name, 100.0 * len(set(m) & flagged) / len(set(m)) if m else 0.0) for name, m in rings]
    dec = [(name, 100.0 * len(set(m) & flagged) / len(set(m))) for name, m in decoys if set(m) & flagged]
    return {
        "flagged": len(flagged),
        "P": hits / len(flagged) if flagged else None,
        "R": hits / len(ring_accounts) if ring_accounts else 0.0,
        "rings90": sum(1 for _, c in cover if c >= 90.0),
        "rings": len(rings),
        "cover": cover,
        "decoys": dec,
    }


def fmt_p(p):
    return "-" if p is None else "%.3f" % p


def fmt_row(s):
    cover = " ".join("%s %.0f" % (name, c) for name, c in s["cover"])
    decoys = ", ".join("%s %.0f%%" % (name, c) for name, c in s["decoys"]) or "none"
    return fmt_p(s["P"]), "%.3f" % s["R"], "%d/%d" % (s["rings90"], s["rings"]), cover, decoys


def worse(b, a):
    """Whether `a` is worse than `b` in precision, recall, any ring's coverage or decoys."""
    eps = 1e-9
    if (a["P"] or 0) < (b["P"] or 0) - eps and not (b["P"] is not None and a["P"] is None and a["R"] >= b["R"]):
        return True
    if a["R"] < b["R"] - eps:
        return True
    if any(ca < cb - eps for (_, cb), (_, ca) in zip(b["cover"], a["cover"])):
        return True
    bd = dict(b["decoys"])
    return any(pct > bd.get(name, 0.0) + eps for name, pct in a["decoys"])


def main(argv):
    args = argv[1:]
    base, tops, threshold = None, [6, 12], 0.5
    rest = []
    i = 0
    while i < len(args):
        if args[i] == "--base":
            base, i = args[i + 1], i + 2
        elif args[i] == "--tops":
            tops, i = [int(x) for x in args[i + 1].split(",")], i + 2
        elif args[i] == "--threshold":
            threshold, i = float(args[i + 1]), i + 2
        else:
            rest.append(args[i])
            i += 1
    if len(rest) != 2:
        sys.stderr.write(__doc__)
        return 2
    src, out = rest
    names = sorted(n[:-5] for n in os.listdir(out) if n.endswith(".json"))
    failed = False
    header = ["source", "top", "P", "R", "rings>=90%", "decoys flagged (% of group)", "ring coverage %"]
    rows = []
    moved = 0
    for name in names:
        try:
            rings, decoys = load_truth(os.path.join(src, name + ".truth.json"))
            clusters = load_clusters(os.path.join(out, name + ".json"))
            before = load_clusters(os.path.join(base, name + ".json")) if base else None
        except (OSError, ValueError, KeyError, TypeError) as e:
            print("%s: %s" % (name, e), file=sys.stderr)
            failed = True
            continue
        for top in tops:
            a = score(clusters, rings, decoys, top, threshold)
            p, r, r90, cover, dec = fmt_row(a)
            mark = ""
            if before is not None:
                b = score(before, rings, decoys, top, threshold)
                bp, br, b90, bcover, bdec = fmt_row(b)
                if (bp, br, b90, bcover, bdec) != (p, r, r90, cover, dec):
                    mark = "WORSE" if worse(b, a) else "moved"
                    moved += 1
                p, r, r90 = "%s -> %s" % (bp, p), "%s -> %s" % (br, r), "%s -> %s" % (b90, r90)
                if bdec != dec:
                    dec = "%s -> %s" % (bdec, dec)
                if bcover != cover:
                    cover = "%s -> %s" % (bcover, cover)
            rows.append([name, str(top)] + ([mark] if base else []) + [p, r, r90, dec, cover])
    if base:
        header.insert(2, "vs base")
    widths = [max(len(row[k]) for row in rows + [header]) for k in range(len(header) - 1)]
    def line(row):
        cells = [row[k].ljust(widths[k]) for k in range(len(widths))] + row[len(widths):]
        return " | ".join(cells).rstrip()
    print(line(header))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    if base:
        print("%d of %d rows moved against %s" % (moved, len(rows), base))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
