#!/usr/bin/env python3
"""A test source for two ring styles: a crowd blender (only hub values shared, a shared
schedule with tens of seconds of jitter) and a multi-scaffold light hydra (1-6 queries per
member, problems from one bank wrapped in several scaffolds). Benign look-alikes: a course in a
weekly lecture hour, a nightly QA vendor's cron jobs, office-hours company users, a newsroom
election desk, independent hourly cron users. Written by h-detect6 for its own measurements.

usage: blender_hydra.py OUTDIR SEED [ACCOUNTS]   (writes OUTDIR/ and OUTDIR.truth.json)
"""
import json, random, sys, os, datetime, hashlib

out, seed = sys.argv[1], int(sys.argv[2])
N = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
rng = random.Random(seed)
os.makedirs(out, exist_ok=True)
T0 = datetime.datetime(2026, 3, 2, tzinfo=datetime.timezone.utc)  # a Monday
DAYS = 28
SPAN = DAYS * 86400

WORDS = ("time value market river policy garden signal system memory answer chapter engine number "
         "letter design window budget travel recipe history energy water school family music table "
         "report science animal weather project writer camera coffee doctor flight island "
         "language library machine network ocean planet question season street theory village "
         "winter yellow zebra almond bridge castle desert forest harbor jungle kitchen lantern "
         "meadow needle orchard pepper quartz ribbon saddle timber umbrella velvet walnut").split()
VERBS = "explain describe compare summarize list suggest write draft translate review fix plan".split()
CATS = ["coding", "math", "writing", "science", "business", "translation", "chat", "health"]
BROWSERS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0", "Mozilla/5.0 (Macintosh) Safari/17.4",
            "Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0", "Mozilla/5.0 (iPhone) Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0) Edg/124.0"]
SDKS = ["python-requests/2.31.0", "openai-python/1.23.0", "node-fetch/3.3", "curl/8.5.0", "Go-http-client/2.0"]
RES_ASN = ["AS7922", "AS701", "AS3320", "AS5089", "AS12322", "AS3215", "AS2856", "AS6830", "AS1136", "AS4766",
           "AS9121", "AS7018", "AS20115", "AS8881", "AS6805", "AS12389", "AS3352", "AS2119", "AS3269", "AS1273"]
CLOUD_ASN = ["AS16509", "AS15169", "AS14061", "AS8075"]
MODELS = ["m-large", "m-small", "m-mini", "m-code"]
FREE = ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com"]

accounts, queries, truth = [], [], {"rings": [], "decoys": []}
ids = set()


def new_id():
    while True:
        i = "u" + "".join(rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(11))
        if i not in ids:
            ids.add(i)
            return i


def rand_ip(prefix=None):
    if prefix:
        return f"{prefix}.{rng.randrange(1, 255)}"
    return f"{rng.randrange(11, 223)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def card():
    return hashlib.sha1(str(rng.random()).encode()).hexdigest()[:16]


def sentence(n=None):
    n = n or rng.randrange(6, 18)
    return rng.choice(VERBS).capitalize() + " " + " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def account(created_days_ago, email_domain, country="US", org="", pay=None, signup_ip=None, status="active"):
    aid = new_id()
    created = T0 - datetime.timedelta(days=created_days_ago, seconds=rng.randrange(86400))
    accounts.append({"account_id": aid, "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                     "email": f"{aid[1:7]}@{email_domain}", "country": country, "plan": rng.choice(["free", "pro", "team"]),
                     "status": status, "payment_fingerprint": pay or card(), "signup_ip": signup_ip or rand_ip(),
                     "org_id": org})
    return aid


def q(aid, t, ip, asn, ua, model, prompt, out_tokens, cat=None, key=None):
    queries.append((t, {"ts": None, "account_id": aid, "api_key": key or ("sk-" + aid[1:9]), "ip": ip, "asn": asn,
                        "user_agent": ua, "model": model, "input_tokens": max(5, len(prompt) // 4),
                        "output_tokens": int(out_tokens), "category": cat or rng.choice(CATS), "prompt": prompt}))


def human_sessions(aid, ip, asn, ua, models, tz, sessions, out_mean=350, hours=(8, 23), weekdays=False):
    for _ in range(sessions):
        for _ in range(50):
            day = rng.randrange(DAYS)
            if not weekdays or (day % 7) < 5:
                break
        hour = rng.uniform(*hours)
        t = day * 86400 + (hour - tz) * 3600
        for _ in range(max(1, int(rng.expovariate(1 / 3.5)))):
            if 0 <= t < SPAN:
                q(aid, t, ip, asn, ua, rng.choice(models), sentence(), rng.lognormvariate(0, 0.6) * out_mean)
            t += rng.uniform(20, 400)


# Background individuals and API developers.
n_bg = N - 60 - 80 - 60 - 20 - 50 - 25 - 30
for i in range(n_bg):
    dev = rng.random() < 0.25
    country, tz = rng.choice([("US", -5), ("US", -8), ("DE", 1), ("GB", 0), ("IN", 5.5), ("BR", -3), ("JP", 9)])
    dom = rng.choice(FREE) if rng.random() < 0.8 else f"co{rng.randrange(400)}.com"
    aid = account(rng.randrange(10, 900), dom, country)
    if dev:
        asn, ip = rng.choices(CLOUD_ASN, weights=[3, 3, 2, 2])[0], rand_ip()
        ua = rng.choices(SDKS, weights=[4, 2, 2, 1, 1])[0]
        models = rng.sample(MODELS[:2], 2) if rng.random() < 0.7 else [rng.choice(MODELS)]
    else:
        asn, ip, ua = rng.choice(RES_ASN), rand_ip(), rng.choice(BROWSERS)
        models = [rng.choice(MODELS)] if rng.random() < 0.6 else MODELS[:2]
    sessions = min(60, max(1, int(rng.lognormvariate(1.0, 1.0))))
    human_sessions(aid, ip, asn, ua, models, tz, sessions, hours=(0, 24) if dev else (8, 23))

# Ring 1: the crowd blender: a 20-minute grid, 12 hours a day for 7 days, each member firing at
# 15% of the ticks up to 45 s either side; only hub values shared, varied prompts.
REQUESTS = ["Explain your reasoning.", "Show the steps you took.", "Walk through the logic first.", "Reason it out before answering.",
            "Justify each claim.", "Give the derivation in full.", "Think it through step by step.", "Lay out your chain of thought.",
            "Explain why, then answer.", "Detail the intermediate steps."]
ring = []
grid = 20 * 60
start_day = rng.randrange(3, DAYS - 9)
ticks = [d * 86400 + h * 3600 + m * 60 + 7 for d in range(start_day, start_day + 7) for h in range(8, 20) for m in (0, 20, 40)]
for i in range(60):
    aid = account(rng.randrange(30, 120), rng.choice(FREE), rng.choice(["US", "DE", "GB"]))
    ring.append(aid)
    asn, ip, ua = rng.choice(CLOUD_ASN[:2]), rand_ip(), SDKS[0]
    for tick in ticks:
        if rng.random() < 0.15:
            t = tick + rng.uniform(-45, 45)
            for _ in range(rng.choice([1, 1, 1, 2])):
                prompt = sentence(rng.randrange(10, 26))
                k = rng.randrange(len(REQUESTS))
                prompt = (REQUESTS[k] + " " + prompt) if rng.random() < 0.5 else (prompt + " " + REQUESTS[k])
                q(aid, t, ip, asn, ua, rng.choice(MODELS[:2]), prompt, rng.lognormvariate(0, 0.3) * 1400, cat=rng.choice(CATS[:4]))
                t += rng.uniform(2, 15)
truth["rings"].append({"name": "blender", "style": "crowd-blender", "accounts": ring})

# Ring 2: the multi-scaffold light hydra.
SCAFFOLDS = ["Solve step by step: {p}", "Think carefully and explain: {p}",
             "{p}\nShow every step of your reasoning before the final answer.",
             "Please work through this problem and justify each step. {p}",
             "Question: {p}\nAnswer with a detailed chain of thought.",
             "You are a patient tutor. {p} Explain the method in full."]
THINGS = ["apples", "trains", "tanks", "workers", "pipes", "books", "cyclists", "coins", "tickets", "boxes"]


def problem():
    # Each problem its own wording: a few clauses from the vocabulary, with numbers.
    clauses = []
    for _ in range(rng.randrange(2, 4)):
        w = rng.sample(WORDS, rng.randrange(4, 8))
        clauses.append(f"{rng.choice(['If', 'When', 'Suppose', 'Given that'])} {rng.randrange(2, 90)} {rng.choice(THINGS)} "
                       + " ".join(w) + f" {rng.randrange(2, 50)}")
    return ", ".join(clauses) + f", how many {rng.choice(THINGS)} {rng.choice(WORDS)} {rng.choice(WORDS)}?"


bank = [problem() for _ in range(150)]
ring = []
for i in range(80):
    aid = account(rng.randrange(1, 60), rng.choice(FREE), rng.choice(["US", "IN", "BR", "DE"]))
    ring.append(aid)
    ip, asn, ua = rand_ip(), rng.choice(RES_ASN), BROWSERS[0]
    for _ in range(rng.randrange(1, 7)):
        t = rng.uniform(0, SPAN)
        q(aid, t, ip, asn, ua, "m-large", rng.choice(SCAFFOLDS).format(p=rng.choice(bank)),
          rng.lognormvariate(0, 0.3) * 1200, cat="math")
truth["rings"].append({"name": "light-hydra", "style": "multi-scaffold", "accounts": ring})

# Look-alike: a course in a weekly lecture hour (Tuesday 10:00 local, US East).
dec = []
for i in range(60):
    aid = account(rng.randrange(20, 60), "stud.univ-east.edu", "US", signup_ip="128.210.4.9")
    dec.append(aid)
    ua = rng.choice(BROWSERS)
    for week in range(4):
        start = (week * 7 + 1) * 86400 + (10 + 5) * 3600
        t = start + rng.uniform(0, 3000)
        for k in range(rng.randrange(2, 7)):
            q(aid, t, "128.210.4.9", "AS17", ua, "m-small",
              f"Homework 4 problem {rng.randrange(1, 9)}: " + sentence(), rng.lognormvariate(0, 0.5) * 220, cat="math")
            t += rng.uniform(30, 500)
    human_sessions(aid, rand_ip(), rng.choice(RES_ASN), ua, ["m-small"], -5, rng.randrange(0, 4))
truth["decoys"].append({"name": "course", "accounts": dec})

# Look-alike: a nightly QA vendor (cron at 02:00 UTC, one invoice).
dec, inv = [], card()
for i in range(20):
    aid = account(400 + rng.randrange(60), "qa-vendor.io", "DE", org="org-qa", pay=inv)
    dec.append(aid)
    ip = rand_ip("34.90.11")
    for day in range(DAYS):
        t = day * 86400 + 2 * 3600 + rng.uniform(0, 30)
        for k in range(rng.randrange(3, 9)):
            q(aid, t, ip, "AS15169", "qa-runner/3.2", "m-small", "Check: " + sentence(6), rng.randrange(2, 20), cat="coding")
            t += rng.uniform(1, 4)
truth["decoys"].append({"name": "qa-vendor", "accounts": dec})

# Look-alike: a company's users keeping office hours (9-17 Berlin, weekdays).
dec = []
for i in range(50):
    aid = account(200 + rng.randrange(300), "fabrik-ag.de", "DE", org="org-fabrik")
    dec.append(aid)
    human_sessions(aid, rand_ip("81.14.200"), "AS3320", rng.choice(BROWSERS), MODELS[:2], 1, rng.randrange(8, 30),
                   hours=(9, 17), weekdays=True)
truth["decoys"].append({"name": "office", "accounts": dec})

# Look-alike: a newsroom election desk, bursty together on one evening.
dec = []
night = 16 * 86400 + 19 * 3600 + 5 * 3600
for i in range(25):
    aid = account(100 + rng.randrange(500), "daily-herald.com", "US")
    dec.append(aid)
    ip, ua = rand_ip("64.12.33"), rng.choice(BROWSERS)
    human_sessions(aid, ip, "AS7018", ua, ["m-large"], -5, rng.randrange(1, 6), hours=(9, 19))
    t = night + rng.uniform(0, 1800)
    while t < night + 6 * 3600:
        q(aid, t, ip, "AS7018", ua, "m-large", "Summarize the latest results: " + sentence(), rng.lognormvariate(0, 0.4) * 300,
          cat="writing")
        t += rng.expovariate(1 / 300)
truth["decoys"].append({"name": "newsroom", "accounts": dec})

# Look-alike: independent hourly cron users (top of the hour, a few seconds late).
dec = []
for i in range(30):
    aid = account(rng.randrange(50, 700), rng.choice(FREE), rng.choice(["US", "DE", "GB"]))
    dec.append(aid)
    ip, asn, ua = rand_ip(), rng.choice(CLOUD_ASN), rng.choice(SDKS)
    lag, start = rng.uniform(0, 20), rng.randrange(DAYS * 24 // 2)
    for hour in range(start, start + rng.randrange(48, 300)):
        if hour * 3600 < SPAN:
            q(aid, hour * 3600 + lag + rng.uniform(0, 2), ip, asn, ua, "m-mini", "Status digest: " + sentence(8),
              rng.randrange(30, 120), cat="business")
truth["decoys"].append({"name": "hourly-crons", "accounts": dec})

queries.sort(key=lambda r: r[0])
with open(os.path.join(out, "accounts.csv"), "w") as f:
    cols = list(accounts[0].keys())
    f.write(",".join(cols) + "\n")
    for a in accounts:
        f.write(",".join(a[c] for c in cols) + "\n")
with open(os.path.join(out, "queries.jsonl"), "w") as f:
    for t, row in queries:
        row["ts"] = (T0 + datetime.timedelta(seconds=t)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        f.write(json.dumps(row) + "\n")
with open(out.rstrip("/") + ".truth.json", "w") as f:
    json.dump(truth, f)
print(f"{len(accounts)} accounts, {len(queries)} queries")
