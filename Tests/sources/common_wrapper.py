#!/usr/bin/env python3
"""A test source for one detection risk: a common public reasoning wrapper held by many unrelated
accounts. Stdlib only, seeded, deterministic.

Many benign people paste the same short wrapper before their own, varied questions (`Please
explain step by step: {question}`, `Answer with reasoning: {question}`, `Explain with full
reasoning: {question}`): each wrapper is one prompt frame (`PromptDigest`), so one template family
held by hundreds of accounts that share nothing else but weak values strangers share: a national
or regional ISP, a country-local free-mail domain, a browser build. Some of them are in small
genuine groups (households on one card and home IP, a small office on one domain and one office
IP), so a family that links across groups can glue unrelated groups into one cluster. One real
ring is planted so the source has something to find: 24 accounts, own cards and residential proxy
IPs, a stock SDK, a rare harvesting wrapper of its own, a shared schedule and long answers.

Truth: the ring; decoys: the wrapper users per wrapper (`wrap-please`, `wrap-answer`,
`wrap-full`), the households and the offices that hold a wrapper user (`households`, `offices`).

usage: common_wrapper.py OUTDIR SEED [ACCOUNTS [WRAP_PERCENT [CONTEXT_PERCENT]]]   (writes OUTDIR/
       and OUTDIR.truth.json; ACCOUNTS defaults to 5000, WRAP_PERCENT, the share of them that use
       a common wrapper besides the households' and offices' users, to 10, CONTEXT_PERCENT, the
       share of questions that carry context of their own (long: the wrapper is the opening
       frame; short questions put the frame at the prompt's end), to 80)
"""
import datetime
import hashlib
import json
import os
import random
import sys

out, seed = sys.argv[1], int(sys.argv[2])
N = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
WRAP_PERCENT = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0
CONTEXT_PERCENT = float(sys.argv[5]) if len(sys.argv) > 5 else 80.0
rng = random.Random(seed)
os.makedirs(out, exist_ok=True)
T0 = datetime.datetime(2026, 5, 4, tzinfo=datetime.timezone.utc)  # a Monday
DAYS = 28
SPAN = DAYS * 86400

WORDS = ("time value market river policy garden signal system memory answer chapter engine number "
         "letter design window budget travel recipe history energy water school family music table "
         "report science animal weather project writer camera coffee doctor flight island language "
         "library machine network ocean planet question season street theory village winter bridge "
         "castle desert forest harbor kitchen lantern meadow orchard pepper ribbon saddle timber").split()
TOPICS = ("photosynthesis inflation recursion entropy mitosis tariffs vaccines gravity plate-tectonics "
          "compound-interest supply-chains encryption fermentation erosion democracy neural-networks "
          "black-holes osmosis probability derivatives integrals the-french-revolution tides "
          "climate-feedback blockchains antibiotics electricity magnetism evolution ocean-currents").split()
ASKS = ["how {t} works", "why {t} matters for {w}", "the difference between {t} and {t2}",
        "what causes {t}", "how to calculate {t} for a {w}", "how {t} relates to {w} and {w2}",
        "what {t} means in simple terms", "how I would explain {t} to a child", "the history of {t}"]
# Common public wrappers: the first is five words, the others are short wrappers with two words
# of their own before the request (`ownWords` in PromptDigest).
WRAPPERS = [("wrap-please", "Please explain step by step: {q}", 6),
            ("wrap-answer", "Answer with reasoning: {q}", 2),
            ("wrap-full", "Explain with full reasoning: {q}", 2)]
# country: (utc offset, national ISPs, regional ISP count, local free-mail domains)
COUNTRIES = {
    "US": (-6, ["AS7922", "AS7018", "AS701"], 12, ["yahoo.com", "aol.com"]),
    "DE": (1, ["AS3320", "AS3209"], 8, ["gmx.de", "web.de", "t-online.de"]),
    "FR": (1, ["AS3215", "AS12322"], 6, ["orange.fr", "free.fr", "laposte.net"]),
    "BR": (-3, ["AS28573", "AS18881"], 8, ["uol.com.br", "bol.com.br"]),
    "JP": (9, ["AS4713", "AS2516"], 6, ["yahoo.co.jp", "docomo.ne.jp"]),
    "KR": (9, ["AS4766"], 4, ["naver.com", "daum.net"]),
    "IN": (5.5, ["AS9829", "AS24560"], 8, ["rediffmail.com", "yahoo.co.in"]),
    "PL": (1, ["AS5617"], 5, ["wp.pl", "onet.pl", "interia.pl"]),
    "IT": (1, ["AS3269"], 4, ["libero.it", "virgilio.it"]),
    "CZ": (1, ["AS5610"], 3, ["seznam.cz", "centrum.cz"]),
}
CWEIGHT = {"US": 30, "DE": 10, "FR": 8, "BR": 10, "JP": 8, "KR": 5, "IN": 12, "PL": 6, "IT": 6, "CZ": 5}
GLOBAL_MAIL = ["gmail.com", "outlook.com", "icloud.com", "proton.me"]
REGIONAL = {c: ["AS%d" % (60000 + 100 * i + k) for k in range(v[2])] for i, (c, v) in enumerate(COUNTRIES.items())}
BROWSERS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/%d.0.%d.0", "Mozilla/5.0 (Macintosh) Safari/17.%d.%d",
            "Mozilla/5.0 (X11; Linux x86_64) Firefox/%d.%d", "Mozilla/5.0 (iPhone) Mobile/15E148 Safari/604.%d.%d",
            "Mozilla/5.0 (Linux; Android 14) Chrome/%d.0.%d.0 Mobile"]
MODELS = ["m-large", "m-small", "m-mini"]

accounts, queries, ids = [], [], set()
truth = {"rings": [], "decoys": []}


def new_id():
    while True:
        i = "a" + "".join(rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(11))
        if i not in ids:
            ids.add(i)
            return i


def card():
    return hashlib.sha1(str(rng.random()).encode()).hexdigest()[:16]


def ip():
    return "%d.%d.%d.%d" % (rng.randrange(11, 223), rng.randrange(256), rng.randrange(256), rng.randrange(1, 255))


def browser():
    b = rng.choice(BROWSERS)
    return b % ((rng.randrange(118, 126), rng.randrange(6000, 6010)) if "Chrome" in b else (rng.randrange(0, 6), rng.randrange(0, 3)))


def origin(country):
    """An ISP of the country (national most of the time, else one of its regional ones) and a mail domain."""
    tz, national, _, local = COUNTRIES[country]
    asn = rng.choice(national) if rng.random() < 0.7 else rng.choice(REGIONAL[country])
    mail = rng.choice(local) if rng.random() < 0.45 else rng.choice(GLOBAL_MAIL)
    return asn, mail


def account(country, mail, pay=None, signup=None, org=""):
    aid = new_id()
    created = T0 - datetime.timedelta(days=rng.randrange(5, 700), seconds=rng.randrange(86400))
    accounts.append({"account_id": aid, "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
                     "email": "%s@%s" % (aid[1:8], mail), "country": country, "plan": rng.choice(["free", "free", "pro"]),
                     "status": "active", "payment_fingerprint": pay or card(), "signup_ip": signup or ip(), "org_id": org})
    return aid


def question():
    t, t2 = rng.sample(TOPICS, 2)
    w, w2 = rng.sample(WORDS, 2)
    ask = rng.choice(ASKS).format(t=t.replace("-", " "), t2=t2.replace("-", " "), w=w, w2=w2)
    # Most questions come with some context of the asker's own (so the wrapper is the prompt's
    # first half and its frame is the opening).
    if rng.random() * 100 < CONTEXT_PERCENT:
        ask += " " + rng.choice(["for my", "in a", "as part of a", "because my", "so that our"]) + " " + \
            " ".join(rng.choice(WORDS) for _ in range(rng.randrange(4, 12)))
    return ask.capitalize() + "?"


def chat():
    return rng.choice(["Write", "Draft", "Summarize", "Translate", "Suggest", "List", "Fix"]) + " " + \
        " ".join(rng.choice(WORDS) for _ in range(rng.randrange(5, 16))) + "."


def q(aid, t, addr, asn, ua, prompt, out_tokens, model=None, key=None):
    if 0 <= t < SPAN:
        queries.append((t, {"ts": None, "account_id": aid, "api_key": key or ("sk-" + aid[1:10]), "ip": addr, "asn": asn,
                            "user_agent": ua, "model": model or rng.choice(MODELS), "input_tokens": max(5, len(prompt) // 4),
                            "output_tokens": int(out_tokens), "prompt": prompt}))


def person(aid, country, addr, asn, ua, wrapper=None):
    """A person's sessions over the window: chat, and, for a wrapper user, mostly wrapped questions."""
    tz = COUNTRIES[country][0]
    share = rng.uniform(0.5, 0.9) if wrapper else 0.0
    for _ in range(min(25, max(1, int(rng.lognormvariate(1.2, 0.8))))):
        t = rng.randrange(DAYS) * 86400 + (rng.uniform(8, 23) - tz) * 3600
        for _ in range(max(1, int(rng.expovariate(1 / 2.5)))):
            if wrapper and rng.random() < share:
                q(aid, t, addr, asn, ua, wrapper.format(q=question()), rng.lognormvariate(0, 0.4) * 650)
            else:
                q(aid, t, addr, asn, ua, chat(), rng.lognormvariate(0, 0.6) * 300)
            t += rng.uniform(30, 600)


def pick_wrapper():
    name, text, _ = rng.choices(WRAPPERS, weights=[w for _, _, w in WRAPPERS])[0]
    return name, text


countries = list(CWEIGHT)
users = {name: [] for name, _, _ in WRAPPERS}
n_wrap = int(N * WRAP_PERCENT / 100)
n_households, n_offices = N // 60, N // 250
for i in range(N - n_wrap - 24 - n_households * 3 - n_offices * 12):
    c = rng.choices(countries, weights=[CWEIGHT[k] for k in countries])[0]
    asn, mail = origin(c)
    aid = account(c, mail)
    person(aid, c, ip(), asn, browser())
for i in range(n_wrap):
    c = rng.choices(countries, weights=[CWEIGHT[k] for k in countries])[0]
    asn, mail = origin(c)
    aid = account(c, mail)
    name, text = pick_wrapper()
    users[name].append(aid)
    person(aid, c, ip(), asn, browser(), text)

# Households: 2-4 people on one card and one home IP; one of them uses a common wrapper.
held = []
for h in range(n_households):
    c = rng.choices(countries, weights=[CWEIGHT[k] for k in countries])[0]
    asn, mail = origin(c)
    pay, home = card(), ip()
    members = [account(c, rng.choice([mail] + GLOBAL_MAIL), pay=pay, signup=home) for _ in range(rng.randrange(2, 5))]
    for k, aid in enumerate(members):
        person(aid, c, home, asn, browser(), pick_wrapper()[1] if k == 0 else None)
    held += members
truth["decoys"].append({"name": "households", "accounts": held})

# Small offices: 12 people on the company's domain behind one office IP; three use a wrapper.
staff = []
for o in range(n_offices):
    c = rng.choices(countries, weights=[CWEIGHT[k] for k in countries])[0]
    asn, _ = origin(c)
    office, domain = ip(), "firm%d-%s.example" % (o, c.lower())
    for k in range(12):
        aid = account(c, domain, signup=office)
        person(aid, c, office, asn, browser(), pick_wrapper()[1] if k < 3 else None)
        staff.append(aid)
truth["decoys"].append({"name": "offices", "accounts": staff})
for name, members in users.items():
    truth["decoys"].append({"name": name, "accounts": members})

# The ring: own cards and residential proxy IPs, a stock SDK, its own harvesting wrapper, one
# schedule (a tick every 15 minutes for 10 hours a day on 12 days, each member at 30% of them).
ring = []
ticks = [d * 86400 + h * 3600 + m * 60 for d in range(6, 18) for h in range(1, 11) for m in (0, 15, 30, 45)]
for i in range(24):
    c = rng.choice(["US", "DE", "IN", "BR"])
    aid = account(c, rng.choice(GLOBAL_MAIL))
    ring.append(aid)
    for tick in ticks:
        if rng.random() < 0.3:
            asn = rng.choice(COUNTRIES[c][1])
            prompt = "Derive the complete solution with every intermediate step shown, then state the answer. " + question()
            q(aid, tick + rng.uniform(0, 20), ip(), asn, "python-requests/2.31.0", prompt, rng.lognormvariate(0, 0.25) * 1600,
              model="m-large")
truth["rings"].append({"name": "harvest-ring", "style": "hydra: own cards and proxy IPs, own wrapper, one schedule",
                       "accounts": ring})

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
print("%d accounts, %d queries, %s" % (len(accounts), len(queries), {k: len(v) for k, v in users.items()}))
