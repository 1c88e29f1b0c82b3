#!/usr/bin/env python3
"""A test source for coinciding *sittings*: ring accounts that are active in the same hours, day
after day, far more often than chance, but never fire within 10 seconds of one another and share
no rare value (own cards or none, own residential IPs in different ASNs, common client strings,
free-mail). Rings: "relay-crew" (12 crews of 4 relaying one problem through solve / follow-up /
rewrite / grading prompts in crew sittings at a crew-specific hour on 10-22 of 35 days) and
"shift-pool" (8 shifts of 5 working a fixed 3-hour window on 4 fixed weekdays, each member
sending distillation prompts every 5-20 minutes). Benign look-alikes with coinciding sittings and
no harvest: "study-groups" (30 groups of 3 students, same 2-3 evenings a week), "support-desk"
(25 agents of one company in office hours) and "raid-nights" (gaming guilds on fixed nights).
The background is ~6,000 people, developers and cron jobs with their own diurnal habits.
Written independently of the engine's tuning (without reading the engine or heldout sources).

usage: sittings.py OUTDIR SEED [ACCOUNTS]   (writes OUTDIR/ and OUTDIR.truth.json)
"""
import datetime, hashlib, json, os, random, sys

out, seed = sys.argv[1].rstrip("/"), int(sys.argv[2])
N = int(sys.argv[3]) if len(sys.argv) > 3 else 6000
rng = random.Random(seed)
os.makedirs(out, exist_ok=True)
T0 = datetime.datetime(2026, 2, 2, tzinfo=datetime.timezone.utc)  # a Monday
DAYS, SPAN = 35, 35 * 86400

ZONES = [("US", -5, 6), ("US", -6, 3), ("US", -8, 4), ("BR", -3, 2), ("GB", 0, 3), ("DE", 1, 3), ("FR", 1, 2),
         ("NG", 1, 1), ("IN", 5.5, 4), ("ID", 7, 1), ("JP", 9, 2), ("AU", 10, 1)]
BROWSERS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36"]
SDKS = ["python-requests/2.31.0", "openai-python/1.23.6", "openai-node/4.38.1", "node-fetch/3.3.2", "curl/8.5.0"]
RES_ASN = ["AS7922", "AS701", "AS7018", "AS20115", "AS22773", "AS3320", "AS3215", "AS2856", "AS5089", "AS12322",
           "AS6830", "AS1136", "AS9829", "AS24560", "AS4713", "AS17676", "AS28573", "AS1221", "AS7713", "AS36873"]
MOBILE_ASN = ["AS21928", "AS6167", "AS3209", "AS45609", "AS26599"]
CLOUD_ASN = ["AS16509", "AS15169", "AS8075", "AS14061", "AS24940"]
MODELS = ["m-large", "m-small", "m-mini", "m-code", "m-reason"]
FREE = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "proton.me", "icloud.com", "gmx.de", "yandex.ru"]
CAMPUS = [("student.riverton.edu", -5, "US", "AS3"), ("mail.northgate.ac.uk", 0, "GB", "AS786"), ("u.lakeshore.edu", -6, "US",
          "AS7377"), ("stud.uni-halden.de", 1, "DE", "AS680"), ("campus.mesa-tech.edu", -8, "US", "AS32")]
NAT = lambda i: f"129.{40 + i}.8.{20 + i}"  # each campus's NAT address, shared by its students

W = lambda s: s.split("|")
DISH = W("lentil soup|banana bread|pad thai|shakshuka|risotto|chili|falafel|pancakes")
CITY = W("Lisbon|Kyoto|Denver|Porto|Hanoi|Oslo|Austin|Cusco")
THING = W("houseplants|a used car|running shoes|a mortgage|sourdough|a job interview|a garden shed|a cover letter|a budget")
LANG = W("Python|JavaScript|TypeScript|Go|Rust|Java|SQL|bash|Swift|C#")
TASK = W("parse a CSV file|debounce a function|read env vars|retry an HTTP call|sort a list of dicts by date|"
         "paginate a query|merge two sorted arrays|validate an email address|stream a large file|write a unit test")
ERR = W("a KeyError|a null pointer exception|'undefined is not a function'|a timeout|a deadlock|an off-by-one bug|a 403")
CONCEPT = W("compound interest|photosynthesis|inflation|recursion|vaccines|black holes|supply and demand|TCP handshakes|"
            "the French revolution|plate tectonics|Bayes' rule|CRISPR|index funds|the water cycle")
PERSON, TOPIC = W("landlord|manager|team|teacher|neighbour|client|sister"), W("a late payment|next week's offsite|a noisy party|"
                                                                              "the project delay|a refund|a schedule change")
NAMES = W("Ana|Ben|Chen|Dara|Eli|Farah|Goran|Hana|Ivan|Jo|Kemal|Lena|Mo|Nia|Omar|Priya|Raul|Sara|Tomas|Yuki")
ITEM = W("notebooks|tickets|apples|litres of paint|bus seats|bricks|cupcakes|solar panels|chairs|kilograms of rice")


def problem():
    a, b, c, d = (rng.randrange(2, 99) for _ in range(4))
    n1, n2 = rng.sample(NAMES, 2)
    return rng.choice([
        f"{n1} buys {a} {rng.choice(ITEM)} at ${b} each and sells {c} of them at ${b + d}. What is the profit or loss?",
        f"A train leaves {rng.choice(CITY)} at {a % 12 + 1}:00 at {b + 40} km/h; another leaves {c + 60} km behind it an hour "
        f"later at {b + 55} km/h. When does the second train catch up?",
        f"A tank holds {a * 10} litres. Pipe A fills it in {b % 9 + 2} hours and pipe B drains it in {c % 11 + 5} hours. "
        f"How long until it is full if both are open?",
        f"{n1} is {a % 30 + 5} years older than {n2}. In {b % 10 + 2} years {n1} will be twice as old as {n2}. How old is {n2}?",
        f"A rectangle's length is {a % 20 + 3} cm more than its width and its area is {b * c} cm^2. Find its perimeter.",
        f"{a} workers build {b} {rng.choice(ITEM)} in {c % 12 + 2} days. How many days do {a + d % 7 + 1} workers need for "
        f"{b * 2} of them?",
        f"A price rises by {a % 40 + 5}% and then falls by {b % 40 + 5}%. If it ended at ${c * 10 + d}, what was it at first?",
        f"A bag has {a % 15 + 2} red, {b % 15 + 2} blue and {c % 15 + 2} green marbles. Drawing {d % 3 + 2} without "
        f"replacement, what is the probability they are all red?"])


def everyday():
    return rng.choice([
        lambda: f"what's a good recipe for {rng.choice(DISH)} for {rng.randrange(2, 9)} people?",
        lambda: f"Plan a {rng.randrange(2, 6)}-day trip to {rng.choice(CITY)} on a budget",
        lambda: f"any tips for {rng.choice(THING)}?",
        lambda: f"Explain {rng.choice(CONCEPT)} in simple terms.",
        lambda: f"Draft a short email to my {rng.choice(PERSON)} about {rng.choice(TOPIC)}.",
        lambda: f"Write a {rng.choice(['haiku', 'short poem', 'limerick', 'toast'])} about {rng.choice(DISH + THING)}.",
        lambda: f"Make this shorter and friendlier: I wanted to follow up on {rng.choice(TOPIC)} since I haven't heard back.",
        lambda: f"how do i {rng.choice(TASK)} in {rng.choice(LANG)}",
        lambda: f"Why does my {rng.choice(LANG)} code give {rng.choice(ERR)} when I {rng.choice(TASK)}?",
        lambda: f"Review this {rng.choice(LANG)} snippet for bugs: def f(x): return x[{rng.randrange(9)}] + g(x)",
        lambda: f"What is the difference between {rng.choice(CONCEPT)} and {rng.choice(CONCEPT)}?"])()


def benign_prompt():
    if rng.random() < 0.05:  # ordinary users sometimes ask for the steps too
        return rng.choice([f"{problem()} Can you explain step by step?", f"Explain step by step how {rng.choice(CONCEPT)} works.",
                           f"Walk me through how to {rng.choice(TASK)} in {rng.choice(LANG)}, step by step."]), 650
    p = everyday()
    return p, (420 if "code" in p or "Review" in p else 260)


CATS = {"recipe": "lifestyle", "trip": "travel", "tips": "lifestyle", "Explain": "education", "email": "writing", "Write": "writing",
        "Make this": "writing", "how do i": "coding", "code": "coding", "Review": "coding", "difference": "education"}
category = lambda p: next((c for k, c in CATS.items() if k in p), "math" if "$" in p or "How" in p else "chat")


accounts, payments, rows, ids, RING_IDS = [], [], [], set(), set()
RING_SLOTS = {}  # 10-second bucket -> [(t, account)] for every ring query: no two ring accounts within 10 s
truth = {"rings": [], "decoys": []}
rand_ip = lambda prefix=None: (prefix or f"{rng.randrange(11, 223)}.{rng.randrange(256)}.{rng.randrange(256)}") \
    + f".{rng.randrange(2, 254)}"
card = lambda: hashlib.sha1(rng.getrandbits(64).to_bytes(8, "big")).hexdigest()[:20]


def account(domain, country, age=None, pay="own", org="", signup_ip=None, plan=None, ring=False):
    aid = "acct_%010x" % rng.getrandbits(40)
    while aid in ids:
        aid = "acct_%010x" % rng.getrandbits(40)
    ids.add(aid)
    (RING_IDS if ring else set()).add(aid)
    created = T0 - datetime.timedelta(days=age if age is not None else rng.randrange(5, 1200), seconds=rng.randrange(86400))
    local = rng.choice(NAMES).lower() + rng.choice([".", "_", ""]) + str(rng.randrange(10, 9999))
    fp = card() if pay == "own" else (pay or "")
    accounts.append({"account_id": aid, "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"), "email": f"{local}@{domain}",
                     "payment_fingerprint": fp, "country": country, "org_id": org, "signup_ip": signup_ip or rand_ip(),
                     "plan": plan or ("free" if not fp else rng.choice(["pro", "pro", "team"]))})
    if fp:
        payments.append({"account_id": aid, "payment_fingerprint": fp, "kind": "invoice" if org else "card",
                         "bin_country": country, "added_at": accounts[-1]["created_at"]})
    return aid


def q(aid, t, ip, asn, ua, model, prompt, out_mean, cat=None):
    """Adds one query; a ring account's query is moved until no other ring account is within 10 s."""
    if 0 <= t < SPAN:
        t = ring_time(aid, t) if aid in RING_IDS else t
        rows.append((t, aid, prompt, model, max(4, len(prompt) // 4 + rng.randrange(3)),
                     max(1, int(rng.lognormvariate(0, 0.45) * out_mean)), ip, asn, ua, cat or category(prompt)))
    return t


def ring_time(aid, t):
    while any(u != aid and abs(s - t) < 10.5 for k in (int(t // 10) - 1, int(t // 10), int(t // 10) + 1)
              for s, u in RING_SLOTS.get(k, ())):
        t += rng.uniform(11, 30)
    RING_SLOTS.setdefault(int(t // 10), []).append((t, aid))
    return t


def session(aid, t, n, ip, asn, ua, models, gap=(40, 420), prompt=benign_prompt):
    for _ in range(n):
        p, o = prompt()
        q(aid, t, ip, asn, ua, rng.choice(models), p, o)
        t += rng.uniform(*gap) * (4 if rng.random() < 0.08 else 1)


def solo_life(aid, tz, ip, asn, ua, models, p_day, hours, spread, sess_mu=1.1, weekdays=False):
    """An own diurnal habit: on each active day, 1-2 sessions around a preferred local hour."""
    for d in range(DAYS):
        if (weekdays and d % 7 >= 5) or rng.random() >= p_day:
            continue
        for _ in range(1 if rng.random() < 0.75 else 2):
            h = rng.choice(hours) + rng.gauss(0, spread)
            n = min(40, 1 + int(rng.lognormvariate(sess_mu, 0.85)))
            alt = rng.random() < 0.25  # the phone on the mobile network now and then
            session(aid, d * 86400 + (h - tz) * 3600, n, rand_ip() if alt else ip, rng.choice(MOBILE_ASN) if alt else asn,
                    ua, models)


# Ring 1: relay crews. Each role its own wrapper; one problem relayed through the four members.
ROLE = [["Solve this problem. Reason through it in full detail, justifying every step before the final answer.\n\n{p}",
         "Problem: {p}\nGive a complete step-by-step solution and explain the reasoning behind each step."],
        ["Follow-up on this problem: {p}\nRe-derive the answer from scratch, showing every intermediate calculation and "
         "why it is valid, then say whether {a} is right.",
         "Check this again carefully: {p}\nWork it out a second way, step by step, explaining each inference."],
        ["Rewrite the worked solution to the problem below as a clean numbered derivation, with one sentence of "
         "justification per line.\n{p}",
         "Turn this into a textbook-style worked example with detailed reasoning at each step: {p}"],
        ["Grade this answer. Problem: {p}\nCandidate answer: {a}. Think step by step, identify any error, justify the "
         "grade and give a score out of 10.",
         "You are a strict grader. Reason step by step about whether {a} answers this correctly, explain why, then "
         "score it 0-10.\n{p}"]]
ring = []
for crew in range(12):
    hour = rng.uniform(0, 24)  # crew-specific hour, any time of day
    days = sorted(rng.sample(range(DAYS), rng.randrange(10, 23)))
    members = []
    for role in range(4):
        c, tz, _ = rng.choice(ZONES)
        aid = account(rng.choice(FREE), c, age=rng.randrange(20, 400), pay="own" if rng.random() < 0.6 else None, ring=True)
        ip, asn = rand_ip(), rng.choice([a for a in RES_ASN if a not in [m[2] for m in members]])
        members.append((aid, ip, asn, rng.choice(BROWSERS + SDKS[1:2]), tz))
        ring.append(aid)
    for d in days:
        t = d * 86400 + hour * 3600 + rng.uniform(-600, 600)
        for _ in range(rng.randrange(4, 13)):
            p, ans = problem(), rng.randrange(2, 400)
            for role, (aid, ip, asn, ua, _) in enumerate(members):
                t = q(aid, t, ip, asn, ua, rng.choice(["m-large", "m-reason"]), rng.choice(ROLE[role]).format(p=p, a=ans),
                      1500, "math")
                t += rng.uniform(60, 360)
    for aid, ip, asn, ua, tz in members:  # a little personal cover traffic
        solo_life(aid, tz, ip, asn, ua, ["m-small", "m-large"], 0.06, [12, 20], 2.0, 0.5)
truth["rings"].append({"name": "relay-crew", "accounts": ring})

# Ring 2: a shift pool. Three wrapper families shared across 8 shifts; each member on its own clock.
FAMILIES = [["Think step by step and show all of your reasoning before answering. {p}",
             "{p}\nLay out your full chain of reasoning, then state the final answer on its own line.",
             "Solve carefully, explaining why each step follows from the previous one: {p}"],
            ["Explain step by step what a correct {l} solution to this task must do and why, then write it: {t}.",
             "Reason through the edge cases one at a time before writing {l} code to {t}. Justify each decision.",
             "Describe your full reasoning for how to {t} in {l}, including trade-offs, then give the final code."],
            ["Explain {c} from first principles. Reason step by step and justify each claim before concluding.",
             "Give a detailed, step-by-step explanation of {c}, showing the reasoning that links each step.",
             "Why is {c} the way it is? Walk through the causal chain step by step and justify each link."]]
ring = []
for shift in range(8):
    start_h, wdays, k = rng.randrange(0, 22), set(rng.sample(range(7), 4)), rng.randrange(3)
    for asn in rng.sample(RES_ASN, 5):  # one member per ASN
        c, tz, _ = rng.choice(ZONES)
        aid = account(rng.choice(FREE), c, age=rng.randrange(10, 200), pay="own" if rng.random() < 0.7 else None, ring=True)
        ip, ua = rand_ip(), rng.choice(BROWSERS[:3] + SDKS[:2])
        ring.append(aid)
        for d in range(DAYS):
            if d % 7 not in wdays or rng.random() < 0.05:
                continue
            t, end = d * 86400 + start_h * 3600 + rng.uniform(0, 600), d * 86400 + (start_h + 3) * 3600
            while t < end:
                p = rng.choice(FAMILIES[k]).format(p=problem(), l=rng.choice(LANG), t=rng.choice(TASK), c=rng.choice(CONCEPT))
                t = q(aid, t, ip, asn, ua, rng.choice(["m-large", "m-reason", "m-code"]), p, 1300, ["math", "coding", "science"][k])
                t += rng.uniform(300, 1200)
truth["rings"].append({"name": "shift-pool", "accounts": ring})

# Decoy: study groups. Friends on one campus doing homework together on the same 2-3 evenings a week.
HOMEWORK = [lambda: (f"{problem()}", 220), lambda: (f"{problem()} explain step by step pls", 600),
            lambda: (f"what does {rng.choice(CONCEPT)} mean? short answer", 120),
            lambda: (f"check my answer: {problem()} I got {rng.randrange(2, 300)}", 200),
            lambda: (rng.choice(["thanks!", "can you make it simpler?", "wait why?", "ok that makes sense", "shorter please",
                                 "can you give another example?", "lol ok", "what about part b?"]), 90)]
dec = []
for g in range(30):
    ci = rng.randrange(len(CAMPUS))
    dom, tz, country, nat_asn = CAMPUS[ci]
    nights, start = rng.sample(range(7), rng.randrange(2, 4)), rng.uniform(18, 21)
    library = rng.random() < 0.5
    for _ in range(3):
        aid = account(dom, country, age=rng.randrange(30, 700), pay="own" if rng.random() < 0.4 else None)
        dec.append(aid)
        ip, asn, ua = rand_ip(), rng.choice(RES_ASN), rng.choice(BROWSERS)
        for d in range(DAYS):
            if d % 7 in nights and rng.random() < 0.85:
                t = d * 86400 + (start - tz) * 3600 + rng.uniform(0, 900)
                session(aid, t, rng.randrange(4, 25), NAT(ci) if library else ip, nat_asn if library else asn, ua,
                        ["m-small", "m-mini", "m-large"], (60, 600), lambda: rng.choice(HOMEWORK)())
        solo_life(aid, tz, ip, asn, ua, ["m-small"], 0.12, [11, 15, 22], 1.5)
truth["decoys"].append({"name": "study-groups", "accounts": dec})

# Decoy: a support desk. 25 agents, one company, one invoice, office /24, weekday office hours.
REPLY = ["Draft a reply to a customer whose order #{n} arrived damaged; offer a replacement.",
         "Polish this reply for tone: Hi {who}, sorry for the wait, your refund for ticket {n} is processed.",
         "Write a short, empathetic answer to a customer asking why their invoice {n} was charged twice.",
         "Summarize this ticket thread in two sentences for the handover: customer {who}, issue {n}, login fails.",
         "Translate to Spanish: Thanks {who}, we have escalated ticket {n} to our billing team."]
dec, inv, tz = [], card(), -5
for i in range(25):
    aid = account("helpwise-support.com", "US", age=rng.randrange(100, 900), pay=inv, org="org_helpwise",
                  signup_ip="198.51.100.7", plan="team")
    dec.append(aid)
    ip, ua = rand_ip("198.51.100"), rng.choice(BROWSERS[:3])
    for d in range(DAYS):
        if d % 7 < 5 and rng.random() < 0.9:
            for a, b in ((9, 12.5), (13.5, 17.5)):
                t = d * 86400 + (a - tz) * 3600 + rng.uniform(0, 1200)
                while t < d * 86400 + (b - tz) * 3600:
                    q(aid, t, ip, "AS3356", ua, rng.choice(["m-small", "m-mini"]),
                      rng.choice(REPLY).format(n=rng.randrange(10000, 99999), who=rng.choice(NAMES)), 180, "writing")
                    t += rng.expovariate(1 / 600) + 60
truth["decoys"].append({"name": "support-desk", "accounts": dec})

# Decoy: raid nights. Gaming guilds on fixed late nights, asking game questions, short answers.
GAME = ["best build for a {c} in the new season?", "how do I beat the {b} boss", "what drops from {b}?",
        "funny name for a {c} named after {f}", "is {c} or {c2} better for solo play", "lore of the {b} questline tldr"]
dec = []
for guild in range(5):
    c0, tz, _ = rng.choice(ZONES)
    nights, start = rng.sample(range(7), rng.randrange(2, 4)), rng.uniform(20, 23)
    for m in range(rng.randrange(5, 9)):
        aid = account(rng.choice(FREE), c0, pay="own" if rng.random() < 0.5 else None)
        dec.append(aid)
        ip, asn, ua = rand_ip(), rng.choice(RES_ASN), rng.choice(BROWSERS)
        for d in range(DAYS):
            if d % 7 in nights and rng.random() < 0.75:
                t = d * 86400 + (start - tz) * 3600 + rng.uniform(0, 1800)
                session(aid, t, rng.randrange(2, 12), ip, asn, ua, ["m-mini", "m-small"], (120, 1500),
                        lambda: (rng.choice(GAME).format(c=rng.choice(["mage", "rogue", "paladin", "ranger"]),
                                                         c2=rng.choice(["druid", "warlock"]), f=rng.choice(DISH),
                                                         b=rng.choice(["Ashen King", "Hollow Wyrm", "Tide Mother"])), 110))
        solo_life(aid, tz, ip, asn, ua, ["m-small"], 0.08, [13, 19], 2.0)
truth["decoys"].append({"name": "raid-nights", "accounts": dec})

# Background: people with their own habits, developers, crons, campus students, shared households.
n_bg, bg0 = max(0, N - len(accounts)), len(accounts)
for i in range(n_bg):
    c, tz, _ = rng.choices(ZONES, weights=[z[2] for z in ZONES])[0]
    r = rng.random()
    if r < 0.04:  # a cron job: hourly or nightly at a fixed minute, from a cloud box
        aid = account(rng.choice(FREE) if rng.random() < 0.5 else f"corp{rng.randrange(900)}.com", c)
        ip, asn, ua = rand_ip(), rng.choice(CLOUD_ASN), rng.choice(SDKS)
        hourly, off, hod, first = rng.random() < 0.25, rng.uniform(0, 3600), rng.randrange(24), rng.randrange(0, DAYS - 3)
        last = rng.randrange(first + 3, DAYS + 1)
        job = rng.choice(["Summarize these log lines: ", "Classify this support ticket: ", "Extract the dates from: "])
        for h in (range(first * 24, last * 24) if hourly else [d * 24 + hod for d in range(first, last)]):
            q(aid, h * 3600 + off + rng.uniform(0, 8), ip, asn, ua, "m-mini",
              job + " ".join(rng.choice(ITEM + TASK) for _ in range(5)), 60, "business")
        continue
    dev, ci = r < 0.24, rng.randrange(len(CAMPUS)) if rng.random() < 0.05 else None
    dom = CAMPUS[ci][0] if ci is not None else rng.choice(FREE) if rng.random() < (0.5 if dev else 0.8) \
        else f"{rng.choice(['acme', 'nova', 'blue', 'lumen', 'kite', 'orbit'])}{rng.randrange(300)}.{rng.choice(['com', 'io', 'de'])}"
    c, tz = (CAMPUS[ci][2], CAMPUS[ci][1]) if ci is not None else (c, tz)
    pay = "own" if rng.random() < 0.7 else None
    if rng.random() < 0.03 and len(accounts) > bg0 + 2:  # a household: shares a card with another background account
        pay = accounts[rng.randrange(bg0, len(accounts))]["payment_fingerprint"] or pay
    aid = account(dom, c, pay=pay)
    if ci is not None and rng.random() < 0.5:  # a student on the campus network
        solo_life(aid, tz, NAT(ci), CAMPUS[ci][3], rng.choice(BROWSERS), ["m-small", "m-mini"], 0.15, [10, 14, 21], 2.0)
        continue
    if dev:
        ip, asn = rand_ip(), rng.choice(RES_ASN if rng.random() < 0.4 else CLOUD_ASN)
        ua, models = rng.choice(SDKS), rng.sample(MODELS, rng.randrange(1, 4))
        solo_life(aid, tz, ip, asn, ua, models, rng.betavariate(1.2, 3), [10, 14, 16], 2.0, 1.6, weekdays=rng.random() < 0.7)
    else:
        ip, asn = rand_ip(), rng.choice(RES_ASN)
        regular = rng.random() < 0.05  # nearly every day at about the same hour
        hours = [rng.choice([7.5, 12.5, 18, 20.5, 22.5]) + rng.uniform(-1, 1)]
        if not regular and rng.random() < 0.5:
            hours.append(rng.uniform(8, 23.5))
        p_day = rng.uniform(0.6, 0.95) if regular else min(0.9, rng.betavariate(0.7, 4.5))
        solo_life(aid, tz, ip, asn, rng.choice(BROWSERS), rng.sample(MODELS[:3], rng.randrange(1, 3)), p_day, hours,
                  0.4 if regular else rng.uniform(0.7, 2.5))

rows.sort(key=lambda r: r[0])
for name, table in (("accounts.csv", accounts), ("payments.csv", payments)):
    with open(os.path.join(out, name), "w", newline="") as f:
        f.writelines(",".join(r.values()) + "\n" for r in [dict(zip(table[0], table[0]))] + table)
KEYS = ("ts", "account_id", "prompt", "model", "input_tokens", "output_tokens", "ip", "asn", "user_agent", "category")
with open(os.path.join(out, "queries.jsonl"), "w") as f:
    for r in rows:
        ts = (T0 + datetime.timedelta(seconds=r[0])).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        f.write(json.dumps(dict(zip(KEYS, (ts,) + r[1:]))) + "\n")
with open(out + ".truth.json", "w") as f:
    json.dump(truth, f)
print(f"{out}: {len(accounts)} accounts, {len(rows)} queries, rings "
      + ", ".join(f"{r['name']} {len(r['accounts'])}" for r in truth["rings"]) + "; decoys "
      + ", ".join(f"{d['name']} {len(d['accounts'])}" for d in truth["decoys"]))
