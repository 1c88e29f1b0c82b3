#!/usr/bin/env python3
"""h-blind12 held-out case-source generator (stdlib only, seeded).

usage: gen.py OUTROOT            -> writes OUTROOT/12a, OUTROOT/12b and the truth files beside them
       gen.py OUTROOT 12a|12b    -> only one variant
"""
import csv
import gzip
import hashlib
import io
import json
import math
import os
import random
import sys
from datetime import datetime, timedelta, timezone

UTC = timezone.utc
WIN_START = datetime(2026, 8, 3, tzinfo=UTC).timestamp()
WIN_DAYS = 56
WIN_END = WIN_START + WIN_DAYS * 86400
DAY = 86400.0

# ---------------------------------------------------------------- vocabulary
FIRST = ("maria jose wei li ahmed fatima john sarah david emma lucas olivia noah ava liam mia yuki haruto min-jun "
         "seo-yeon raj priya arjun ananya ivan olga dmitri anna pierre camille hans greta carlos sofia mateo "
         "valentina kwame amara chen jing tom kate ben lucy omar layla ali zara felix nora leo ines marco giulia "
         "sven ingrid pablo lucia tariq nadia hiro akira ji-ho bao linh minh thu kofi ada tunde chidi").split()
LAST = ("smith garcia wang li kumar patel muller schmidt dubois martin rossi silva santos kim park lee tanaka "
        "suzuki ivanov petrov nguyen tran okafor adeyemi hughes brown jones taylor novak kowalski jansen dejong "
        "fernandez lopez gonzalez singh sharma chen zhang liu yamamoto costa moreau bauer weber fischer").split()
WORDS = ("system river budget project garden engine market window signal account basket teacher planet network "
         "ticket battery kitchen harbor village sensor report module contract invoice recipe journey library "
         "pattern theory factory license portrait channel formula vaccine protein license forest island bridge "
         "storage cluster pipeline server student canvas melody harvest candle glacier lantern meadow orbit "
         "puzzle quartz rocket saddle timber velvet whistle anchor beacon compass dragon ember falcon").split()
ADJ = ("quick slow bright quiet heavy light sharp gentle broken ancient modern simple complex hidden open rapid "
       "noisy careful steady fragile robust curious silent golden rusty").split()
VERBS = ("moves builds breaks carries shows hides measures tracks sends opens closes changes protects feeds "
         "covers lifts drops turns joins splits").split()
CITIES = ("Lyon Osaka Denver Porto Leeds Pune Austin Krakow Hanoi Lagos Quito Bergen Tampere Perth Recife "
          "Busan Graz Cork Oslo Turin Malmo Izmir Tucson Halifax").split()
LANGS = ["python", "javascript", "typescript", "rust", "go", "java", "c#", "sql", "bash", "kotlin", "swift", "php", "R"]
ERRS = ["KeyError", "TypeError: undefined is not a function", "segmentation fault", "NullPointerException",
        "borrow of moved value", "index out of range", "deadlock", "ModuleNotFoundError", "CORS error",
        "stack overflow", "permission denied", "timeout"]
LIBS = ["pandas", "react", "django", "tokio", "spring", "numpy", "express", "flask", "pytorch", "sqlalchemy",
        "kubernetes", "terraform", "docker compose", "fastapi", "vue", "nextjs"]
TOPICS = ["photosynthesis", "the french revolution", "compound interest", "black holes", "supply and demand",
          "the krebs cycle", "plate tectonics", "neural networks", "the cold war", "vaccines", "inflation",
          "quantum entanglement", "the roman empire", "climate change", "blockchain", "game theory",
          "the immune system", "renaissance art", "gene editing", "ocean currents", "monetary policy",
          "machine translation", "the water cycle", "special relativity", "antibiotic resistance"]
DOCS = ["email", "cover letter", "linkedin post", "blog intro", "wedding toast", "complaint letter",
        "product description", "tweet", "resignation letter", "birthday message", "press release", "apology"]
RELS = ["landlord", "boss", "team", "professor", "client", "neighbour", "sister", "customer", "recruiter", "coworker"]
TONES = ["polite", "funny", "formal", "friendly", "firm", "short", "warm", "professional"]
NONEN = ["帮我写一封给客户的邮件，说明发货会延迟三天", "请把这段话翻译成英文：我们下周开会讨论预算",
         "Как приготовить борщ без свёклы?", "Напиши короткое поздравление коллеге с днём рождения",
         "¿Puedes resumir este texto en tres frases?", "Escribe un correo para cancelar mi suscripción",
         "オンライン会議のアジェンダを作ってください", "이 코드에서 버그를 찾아줘", "Explique-moi la photosynthèse simplement",
         "Schreib mir eine kurze Absage für ein Vorstellungsgespräch", "Com faço um bolo de cenoura?"]
SBS_BENIGN = [" can you explain step by step?", " walk me through it step by step", " show your work please",
              " explain your reasoning", " explain why, step by step"]


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def sentence(rng):
    return "The %s %s %s the %s %s near the %s." % (rng.choice(ADJ), rng.choice(WORDS), rng.choice(VERBS),
                                                   rng.choice(ADJ), rng.choice(WORDS), rng.choice(WORDS))


def paragraph(rng, lo=2, hi=7):
    return " ".join(sentence(rng) for _ in range(rng.randint(lo, hi)))


def code_snip(rng):
    v = rng.choice(["x", "items", "df", "rows", "buf", "user", "cfg", "total"])
    f = rng.choice(["load", "parse", "merge", "fetch", "compute", "render", "save", "check"])
    lines = ["def %s_%s(%s):" % (f, rng.choice(WORDS), v)]
    for _ in range(rng.randint(2, 6)):
        lines.append("    %s = %s.%s(%d)" % (rng.choice(WORDS), v, rng.choice(["get", "append", "split", "pop", "map"]), rng.randint(0, 99)))
    lines.append("    return %s" % v)
    return "\n".join(lines)


def benign_prompt(rng, cat):
    c = cat
    if c == "coding":
        p = rng.choice([
            lambda: "why does my %s code throw %s when I %s the %s?\n%s" % (rng.choice(LANGS), rng.choice(ERRS), rng.choice(VERBS)[:-1], rng.choice(WORDS), code_snip(rng)),
            lambda: "how do i %s a %s in %s" % (rng.choice(["sort", "filter", "group", "cache", "paginate", "stream", "retry"]), rng.choice(WORDS), rng.choice(LIBS)),
            lambda: "refactor this so it's faster:\n" + code_snip(rng),
            lambda: "write a %s function that %s %s %s" % (rng.choice(LANGS), rng.choice(VERBS), rng.choice(ADJ), rng.choice(WORDS) + "s"),
            lambda: "what's the difference between %s and %s in %s?" % (rng.choice(WORDS), rng.choice(WORDS), rng.choice(LANGS)),
            lambda: "%s keeps failing in CI with %s, %s" % (rng.choice(LIBS), rng.choice(ERRS), words(rng, rng.randint(3, 12))),
        ])()
    elif c == "writing":
        p = rng.choice([
            lambda: "write a %s %s to my %s about the %s %s. %s" % (rng.choice(TONES), rng.choice(DOCS), rng.choice(RELS), rng.choice(ADJ), rng.choice(WORDS), paragraph(rng, 0, 2)),
            lambda: "make this sound more %s: %s" % (rng.choice(TONES), paragraph(rng, 1, 4)),
            lambda: "give me %d names for a %s %s business" % (rng.randint(3, 20), rng.choice(ADJ), rng.choice(WORDS)),
            lambda: "proofread: " + paragraph(rng, 2, 6),
            lambda: "short poem about a %s %s in %s" % (rng.choice(ADJ), rng.choice(WORDS), rng.choice(CITIES)),
        ])()
    elif c == "math":
        p = rng.choice([
            lambda: "what is %d%% of %d" % (rng.randint(2, 95), rng.randint(50, 90000)),
            lambda: "integrate x^%d * e^(%dx)" % (rng.randint(1, 5), rng.randint(1, 9)),
            lambda: "is %d prime" % rng.randint(100, 99999),
            lambda: "if i save %d a month at %.1f%% for %d years how much do i have" % (rng.randint(50, 3000), rng.uniform(1, 9), rng.randint(2, 40)),
            lambda: "convert %d %s to %s" % (rng.randint(1, 900), rng.choice(["miles", "pounds", "cups", "fahrenheit"]), rng.choice(["km", "kg", "ml", "celsius"])),
        ])()
    elif c == "science":
        p = rng.choice([
            lambda: "explain %s like i'm %d" % (rng.choice(TOPICS), rng.randint(5, 16)),
            lambda: "what are the main causes of %s" % rng.choice(TOPICS),
            lambda: "summarize the current research on %s in a paragraph" % rng.choice(TOPICS),
            lambda: "is it true that %s? %s" % (sentence(rng).lower()[:-1], rng.choice(["", "my friend says so", "saw it on tiktok"])),
        ])()
    elif c == "business":
        p = rng.choice([
            lambda: "draft an agenda for a %d minute meeting about the %s %s" % (rng.choice([15, 30, 45, 60]), rng.choice(WORDS), rng.choice(["launch", "budget", "migration", "hiring", "roadmap"])),
            lambda: "summarize these notes into action items:\n" + paragraph(rng, 3, 8),
            lambda: "pros and cons of %s vs %s for a small %s company" % (rng.choice(LIBS), rng.choice(LIBS), rng.choice(WORDS)),
            lambda: "write a job ad for a %s %s in %s" % (rng.choice(ADJ), rng.choice(["engineer", "designer", "accountant", "nurse", "driver"]), rng.choice(CITIES)),
        ])()
    elif c == "translation":
        p = rng.choice([
            lambda: "translate to %s: %s" % (rng.choice(["french", "german", "spanish", "japanese", "portuguese"]), paragraph(rng, 1, 3)),
            lambda: rng.choice(NONEN),
        ])()
    elif c == "health":
        p = rng.choice([
            lambda: "is it normal to have %s after %s" % (rng.choice(["a headache", "back pain", "a rash", "trouble sleeping"]), rng.choice(["running", "a flu shot", "coffee", "a long flight"])),
            lambda: "healthy %s ideas with %s and %s" % (rng.choice(["dinner", "lunch", "snack"]), rng.choice(WORDS), rng.choice(["rice", "lentils", "tofu", "chicken", "eggs"])),
        ])()
    elif c == "law":
        p = rng.choice([
            lambda: "can my %s %s without notice in %s?" % (rng.choice(RELS), rng.choice(["raise the rent", "fire me", "keep my deposit", "cancel the contract"]), rng.choice(["california", "ontario", "germany", "the uk", "texas"])),
            lambda: "what does '%s %s' mean in a %s" % (rng.choice(ADJ), rng.choice(WORDS), rng.choice(["lease", "nda", "employment contract", "terms of service"])),
        ])()
    else:  # chat
        p = rng.choice([
            lambda: "%s trip to %s for %d days, what should i see" % (rng.choice(["planning a", "family", "solo", "cheap"]), rng.choice(CITIES), rng.randint(2, 14)),
            lambda: "recommend %d %s like %s %s" % (rng.randint(3, 10), rng.choice(["books", "movies", "games", "podcasts"]), rng.choice(ADJ), rng.choice(WORDS)),
            lambda: "tell me a joke about a %s" % rng.choice(WORDS),
            lambda: rng.choice(["hi", "hello?", "test", "are you there", "thanks!", "ok"]),
            lambda: rng.choice(NONEN),
        ])()
    pre = rng.choice(["", "", "", "", "hi, ", "quick question: ", "ok so ", "please ", "Hey! ", "hmm "])
    suf = ""
    r = rng.random()
    if r < 0.10:
        suf = rng.choice(SBS_BENIGN)
    elif r < 0.30:
        suf = rng.choice([" thanks!", " keep it short", " in simple terms", " use bullet points", " pls", " (urgent)"])
    return pre + p + suf


# --------------------------------------------------------------- ring question material
def q_math(rng):
    a, b, c = rng.randint(2, 40), rng.randint(2, 40), rng.randint(50, 900)
    return rng.choice([
        "A tank fills at %d litres per minute and drains at %d litres per minute. Starting from %d litres, when is it empty?" % (a, a + b, c),
        "Find all integer solutions of %dx + %dy = %d." % (a, b, c),
        "A shop discounts an item by %d%% and then raises the new price by %d%%. The final price is %d. What was the original price?" % (a, b, c),
        "How many ways can %d distinct books be arranged on a shelf if %d particular books must stay together?" % (a % 9 + 4, b % 3 + 2),
        "Two trains leave %s and %s, %d km apart, at %d and %d km/h towards each other. When do they meet?" % (rng.choice(CITIES), rng.choice(CITIES), c, a + 40, b + 50),
        "What is the probability of drawing %d red balls in a row without replacement from a bag with %d red and %d blue balls?" % (a % 3 + 2, a + 3, b + 3),
        "Evaluate the limit as x approaches 0 of (sin(%dx) - %dx) / x^3." % (a, a),
        "Prove that the sum of the first %d odd numbers is a perfect square, and compute it." % c,
    ])


def q_sci(rng):
    return rng.choice([
        "Why does %s matter for %s?" % (rng.choice(TOPICS), rng.choice(TOPICS)),
        "What happens to the pressure of a gas at %d K if its volume is halved at constant temperature?" % rng.randint(200, 600),
        "Explain how %s works and what would change if it stopped." % rng.choice(TOPICS),
        "A patient presents with %s and %s. What is the most likely diagnosis?" % (rng.choice(["fever", "fatigue", "chest pain", "jaundice", "rash"]), rng.choice(["weight loss", "night sweats", "cough", "joint pain", "confusion"])),
        "Under %s law, is a verbal contract to %s enforceable?" % (rng.choice(["english", "new york", "german", "indian"]), rng.choice(["sell land", "lend money", "rent a flat", "hire a worker"])),
    ])


def q_code(rng):
    return rng.choice([
        "Write a %s function that returns the %d-th %s number, and analyse its complexity." % (rng.choice(LANGS), rng.randint(10, 500), rng.choice(["fibonacci", "prime", "catalan", "happy"])),
        "Find the bug in this code and fix it:\n" + code_snip(rng),
        "Implement an LRU cache in %s with O(1) operations." % rng.choice(LANGS),
        "Given an array of %d integers, find the longest increasing subsequence. Explain the algorithm." % rng.randint(10, 10000),
    ])


def q_logic(rng):
    n = rng.randint(3, 7)
    return rng.choice([
        "%d people each shake hands with every other person once. A latecomer shakes hands with %d of them. How many handshakes in total?" % (n + 5, n),
        "Knights always tell the truth and knaves always lie. %s says '%s is a knave'. %s says 'we are both knights'. Who is what?" % (rng.choice(FIRST).title(), rng.choice(FIRST).title(), rng.choice(FIRST).title()),
        "If all %ss are %ss and some %ss are %ss, must some %ss be %ss?" % tuple(rng.choice(WORDS) for _ in range(6)),
    ])


def q_any(rng):
    return rng.choice([q_math, q_sci, q_code, q_logic])(rng)


RING_TEMPLATES = {
    "cryptomill": lambda r: "Solve the following problem. Show every step of your reasoning, then give the final answer on its own line prefixed with 'ANSWER:'.\n\nProblem: " + q_math(r),
    "cryptomill2": lambda r: "<task>\n%s\n</task>\nWork through the task inside <thinking> tags, one numbered step per line, and justify each step. Then write the result inside <answer> tags." % q_any(r),
    "ghost": lambda r: "You are an expert tutor. Question: %s\nThink through this carefully step by step, explaining the rationale for each step, before answering." % q_any(r),
    "pods": lambda r: "### Instruction\n%s\n### Response format\nReasoning: <your full chain of thought, no shortcuts>\nAnswer: <final>" % q_any(r),
    "proxy": lambda r: "[item %d] Provide a detailed, step-by-step derivation for the following. Label each step (Step 1, Step 2, ...) and state any assumptions.\n%s" % (r.randint(1, 99999), q_any(r)),
    "slowdrip": lambda r: r.choice([
        "I'm studying for an exam. %s Please reason it out step by step so I can follow the logic." % q_any(r),
        "Could you break this down into clear steps and explain why each one follows? %s" % q_any(r),
        "%s Before answering, list the relevant principles, then reason from them step by step." % q_any(r),
        "Explain the reasoning behind the answer in detail: %s" % q_any(r),
        "Walk me through the full chain of thought for this one: %s" % q_any(r),
        "%s Show all intermediate steps; do not skip any." % q_any(r),
    ]),
    "recycled": lambda r: "Explain your reasoning in full detail and then answer. %s" % q_any(r),
    "devicefarm": lambda r: "Generate %d question-answer pairs about %s. For every answer include a detailed rationale explaining step by step why it is correct. Output one JSON object per line with keys q, rationale, a." % (r.randint(3, 12), r.choice(TOPICS)),
    "cell": lambda r: "Let's think step by step. " + q_any(r),
    "cell2": lambda r: "Think it through out loud, one step at a time, then answer: " + q_any(r),
    "proxy2": lambda r: "Task #%d: %s\nRespond in two parts. PART A: your complete reasoning trace, step by step. PART B: the final answer only." % (r.randint(1, 99999), q_any(r)),
    "edumimic": lambda r: "For my homework in %s: %s Please show all working steps and explain why each step follows from the previous one." % (r.choice(["physics", "calculus", "chemistry", "econ", "cs", "biology", "statistics"]), q_any(r)),
    "zdr": lambda r: "Reason step by step and show the full derivation: " + q_any(r),
    "sleeper": lambda r: "Q: %s\nA: Let me reason about this carefully, step by step." % q_any(r),
    "camo": lambda r: "As a careful analyst, reason through the following in explicit steps, citing each rule you apply, then conclude.\n%s" % q_any(r),
}
RESELLER_TEMPLATES = [
    lambda r: "Answer the following %s question. First give your step-by-step reasoning, then the final answer.\n%s" % (r.choice(["math", "science", "coding", "law", "medicine"]), q_any(r)),
    lambda r: "Provide a thorough explanation with reasoning for: " + q_any(r),
    lambda r: "SYSTEM: respond with chain-of-thought then answer.\nUSER: " + q_any(r),
]


# --------------------------------------------------------------- network
COUNTRIES = [  # code, utc offset, weight, residential ASNs, local mail domains
    ("US", -6, 30, ["AS7922", "AS7018", "AS701", "AS20115", "AS22773"], []),
    ("GB", 0, 6, ["AS2856", "AS5089"], ["btinternet.com"]),
    ("DE", 1, 6, ["AS3320", "AS3209"], ["gmx.de", "web.de"]),
    ("FR", 1, 4, ["AS3215", "AS12322"], ["orange.fr", "free.fr"]),
    ("IN", 5.5, 10, ["AS55836", "AS24560", "AS9829"], ["rediffmail.com"]),
    ("BR", -3, 5, ["AS28573", "AS18881"], ["uol.com.br"]),
    ("JP", 9, 4, ["AS17676", "AS2516"], ["yahoo.co.jp"]),
    ("KR", 9, 3, ["AS4766", "AS9318"], ["naver.com"]),
    ("CN", 8, 3, ["AS4134", "AS4837"], ["qq.com", "163.com"]),
    ("SG", 8, 2, ["AS9506", "AS7473"], []),
    ("RU", 3, 2, ["AS12389", "AS8359"], ["yandex.ru", "mail.ru"]),
    ("CA", -5, 4, ["AS812", "AS577"], []),
    ("AU", 10, 3, ["AS1221", "AS4804"], ["bigpond.com"]),
    ("NL", 1, 3, ["AS1136", "AS33915"], ["ziggo.nl"]),
    ("ES", 1, 3, ["AS3352", "AS12479"], ["telefonica.net"]),
    ("MX", -6, 3, ["AS8151"], ["prodigy.net.mx"]),
    ("ID", 7, 3, ["AS7713", "AS23693"], []),
    ("NG", 1, 2, ["AS29465", "AS36873"], []),
    ("PL", 1, 2, ["AS5617"], ["wp.pl", "o2.pl"]),
    ("VN", 7, 2, ["AS7552", "AS45899"], []),
]
FREEMAIL = [("gmail.com", 50), ("outlook.com", 12), ("yahoo.com", 8), ("hotmail.com", 8), ("icloud.com", 7), ("proton.me", 3)]
CLOUD = {"AS16509": 4, "AS15169": 3, "AS8075": 3, "AS14061": 2, "AS24940": 2, "AS16276": 2, "AS63949": 1}
VPN_ASNS = ["AS9009", "AS60068", "AS212238"]
HOSTILE_ASNS = ["AS44477", "AS51396", "AS49505", "AS207713"]
MOBILE_ASNS = {"US": "AS21928", "IN": "AS45609", "BR": "AS26599", "ID": "AS23693", "NG": "AS29465"}
SDK_UAS = ["aster-python/1.9.0", "aster-python/1.9.2", "aster-python/1.8.4", "aster-node/4.2.1", "aster-node/4.3.0",
           "aster-go/0.7.3", "python-requests/2.31.0", "python-requests/2.32.3", "curl/8.5.0", "curl/7.81.0",
           "PostmanRuntime/7.37.0", "langchain-aster/0.2.11", "llama-index-llms-aster/0.1.6", "axios/1.6.8",
           "Go-http-client/2.0", "okhttp/4.12.0", "aster-java/2.1.0", "n8n/1.45.1"]
SDK_W = [20, 14, 8, 12, 8, 3, 6, 4, 4, 2, 2, 3, 1, 2, 2, 2, 2, 1]
BROWSER_UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AsterPlayground/3.4",
               "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AsterPlayground/3.4",
               "Mozilla/5.0 (X11; Linux x86_64) AsterPlayground/3.4",
               "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5) AsterPlayground/3.3"]
MODELS = ["aster-2-large", "aster-2-mini", "aster-2-reason", "aster-1.5-large"]


class Net:
    def __init__(self, rng):
        self.rng = rng
        self.asn_prefix = {}
        used = set()

        def prefixes(n):
            out = []
            while len(out) < n:
                a = rng.choice(list(range(23, 100)) + list(range(101, 126)) + list(range(128, 223)))
                b = rng.randint(0, 255)
                if (a, b) in used or a in (100, 127, 169, 172, 192, 198, 203, 10):
                    continue
                used.add((a, b))
                out.append((a, b))
            return out
        allasn = set()
        for c in COUNTRIES:
            allasn.update(c[3])
        allasn.update(CLOUD)
        allasn.update(VPN_ASNS)
        allasn.update(HOSTILE_ASNS)
        allasn.update(MOBILE_ASNS.values())
        allasn.update(["AS1741", "AS2200", "AS786", "AS3303"])  # research/edu networks
        for asn in sorted(allasn):
            self.asn_prefix[asn] = prefixes(3)
        self.ip_asn = {}

    def ip_in(self, asn, subnet=None):
        if subnet is None:
            a, b = self.rng.choice(self.asn_prefix[asn])
            subnet = "%d.%d.%d" % (a, b, self.rng.randint(0, 255))
        ip = "%s.%d" % (subnet, self.rng.randint(2, 254))
        self.ip_asn[ip] = asn
        return ip

    def subnet_in(self, asn):
        a, b = self.rng.choice(self.asn_prefix[asn])
        return "%d.%d.%d" % (a, b, self.rng.randint(0, 255))


# --------------------------------------------------------------- the world
class World:
    def __init__(self, seed, n_accounts, target_rows):
        self.rng = random.Random(seed)
        self.seed = seed
        self.n_target = n_accounts
        self.target_rows = target_rows
        self.net = Net(self.rng)
        self.accounts = []       # dicts
        self.payments = []
        self.links = []
        self.events = []         # (ts, acct_index, subseed)
        self.rings = []
        self.decoys = []
        self.ids = set()
        self.country_w = [c[2] for c in COUNTRIES]

    # ---- helpers
    def new_id(self):
        alpha = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
        while True:
            i = "cust-" + "".join(self.rng.choice(alpha) for _ in range(8))
            if i not in self.ids:
                self.ids.add(i)
                return i

    def pfp(self):
        return "pmf_" + "%018x" % self.rng.getrandbits(72)

    def country(self):
        return self.rng.choices(COUNTRIES, weights=self.country_w)[0]

    def email(self, domain=None, country=None):
        r = self.rng
        f, l = r.choice(FIRST), r.choice(LAST)
        local = r.choice(["%s.%s" % (f, l), "%s%s%d" % (f, l[0], r.randint(1, 99)), "%s_%s" % (f[0], l),
                          "%s%d" % (f, r.randint(1970, 2009)), "%s.%s%d" % (f, l, r.randint(1, 9))])
        if domain is None:
            loc = country[4] if country else []
            if loc and r.random() < 0.35:
                domain = r.choice(loc)
            else:
                domain = r.choices([d for d, _ in FREEMAIL], weights=[w for _, w in FREEMAIL])[0]
        return "%s@%s" % (local.replace(" ", ""), domain)

    def resid_ip(self, c):
        return self.net.ip_in(self.rng.choice(c[3]))

    def add_account(self, *, created, email, country, plan="payg", status="active", org="", pay=None,
                    pay_kind="card", signup_ip="", extra=None, profile=None):
        a = {"account_id": self.new_id(), "created_at": created, "email": email, "org_id": org,
             "country": country, "plan": plan, "status": status, "payment_fingerprint": pay or "",
             "signup_ip": signup_ip, "extra": extra or {}, "_p": profile}
        a["_key"] = "ak_%s_%s" % ("".join(self.rng.choice("abcdefghjkmnpqrstuvwxyz0123456789") for _ in range(6)),
                                  "%024x" % self.rng.getrandbits(96))
        self.accounts.append(a)
        if pay:
            self.payments.append({"account_id": a["account_id"], "payment_fingerprint": pay, "kind": pay_kind,
                                  "bin_country": country if pay_kind == "card" else "",
                                  "added_at": created + self.rng.uniform(60, 3 * DAY)})
        return len(self.accounts) - 1

    def add_times(self, idx, times):
        a = self.accounts[idx]
        lo = max(WIN_START, a["created_at"] + 120)
        hi = a.get("_until", WIN_END)
        for t in times:
            if lo <= t < hi:
                self.events.append((t, idx, self.rng.getrandbits(40)))

    # ---- timing models
    def human_times(self, n, tz, lo=WIN_START, hi=WIN_END, workday=False):
        r = self.rng
        out = []
        if n <= 0:
            return out
        days = max(1, int((hi - lo) / DAY))
        while len(out) < n:
            d = r.randrange(days)
            base = lo + d * DAY
            wd = datetime.fromtimestamp(base, UTC).weekday()
            if workday and wd >= 5 and r.random() < 0.85:
                continue
            hour = r.gauss(14.5, 3.5) if workday else r.choice([r.gauss(11, 2.5), r.gauss(20.5, 2.5)])
            t = base + (hour - tz) * 3600 + r.uniform(0, 3600)
            k = min(n - len(out), max(1, int(r.expovariate(1 / 4.0)) + 1))
            for _ in range(k):
                out.append(t)
                t += r.expovariate(1 / 150.0) + 8
        return out

    def uniform_times(self, n, lo=WIN_START, hi=WIN_END):
        return [self.rng.uniform(lo, hi) for _ in range(n)]

    # ---- query profiles
    def profile(self, *, ips, uas, cats=None, prompt=None, models=None, out=(60, 600), redact=False,
                ip_fn=None, mix=None):
        return {"ips": ips, "uas": uas, "cats": cats, "prompt": prompt, "models": models,
                "out": out, "redact": redact, "ip_fn": ip_fn, "mix": mix}

    def human_profile(self, c, ip=None, ua=None, redact=False):
        r = self.rng
        cats = r.sample(["coding", "writing", "math", "science", "business", "translation", "health", "law", "chat"], r.randint(2, 5))
        ips = [ip or self.resid_ip(c)]
        if r.random() < 0.3:
            ips.append(self.resid_ip(c))
        if r.random() < 0.08:
            ips.append(self.net.ip_in(r.choice(VPN_ASNS), self.vpn_exit()))
        uas = [ua or r.choices(SDK_UAS + BROWSER_UAS, weights=SDK_W + [6, 5, 2, 2])[0]]
        models = r.sample(MODELS, r.randint(1, 2))
        return self.profile(ips=ips, uas=uas, cats=cats, models=models, redact=redact)

    def vpn_exit(self):
        if not hasattr(self, "_vpn_subnets"):
            self._vpn_subnets = [self.net.subnet_in(self.rng.choice(VPN_ASNS)) for _ in range(12)]
        return self.rng.choice(self._vpn_subnets)

    # ================================================================ background
    def background(self, n):
        r = self.rng
        made = 0
        heavy = []
        while made < n:
            u = r.random()
            c = self.country()
            created = r.uniform(WIN_START - 700 * DAY, WIN_END - 2 * DAY)
            if u < 0.72:  # individual
                edu = r.random() < 0.08
                dom = None
                if edu:
                    dom = r.choice(["uni-tartu.ee", "student.uva.nl", "umich.edu", "ox.ac.uk", "iitb.ac.in", "usp.br", "kaist.ac.kr", "tum.de", "ucla.edu", "utoronto.ca"])
                plan = r.choices(["free", "payg", "pro", "edu"], weights=[45, 35, 15, 5 if not edu else 60])[0]
                pay = self.pfp() if plan != "free" or r.random() < 0.2 else None
                prof = self.human_profile(c, redact=r.random() < 0.05)
                st = r.choices(["active", "suspended", "closed"], weights=[96, 2, 2])[0]
                i = self.add_account(created=created, email=self.email(dom, c), country=c[0], plan=plan, status=st,
                                     pay=pay, signup_ip=prof["ips"][0], profile=prof,
                                     extra={"signup_source": r.choice(["web", "web", "mobile", "referral", "ads"])})
                n_q = int(r.lognormvariate(1.85, 1.3)) if r.random() > 0.22 else 0
                self.add_times(i, self.human_times(min(n_q, 900), c[1], workday=r.random() < 0.4))
                made += 1
            elif u < 0.82:  # small company, 2-8 accounts
                k = r.randint(2, 8)
                dom = "%s%s.%s" % (r.choice(ADJ), r.choice(WORDS), r.choice(["io", "com", "ai", "co", "dev", "net"]))
                org = "org_%s" % "".join(r.choice("0123456789abcdef") for _ in range(10))
                pay = self.pfp()
                kind = r.choice(["card", "card", "invoice"])
                sub = self.net.subnet_in(r.choice(c[3] + list(CLOUD)))
                ua = r.choices(SDK_UAS, weights=SDK_W)[0]
                for _ in range(k):
                    asn = r.choice(c[3])
                    ip = "%s.%d" % (sub, r.randint(2, 254))
                    self.net.ip_asn[ip] = asn
                    prof = self.human_profile(c, ip=ip, ua=ua if r.random() < 0.7 else None)
                    i = self.add_account(created=min(created + r.uniform(0, 200 * DAY), WIN_END - DAY * r.uniform(1, 3)), email=self.email(dom), country=c[0],
                                         plan=r.choice(["team", "payg", "pro"]), org=org, pay=pay, pay_kind=kind,
                                         signup_ip=ip, profile=prof)
                    self.add_times(i, self.human_times(int(r.lognormvariate(2.6, 1.1)), c[1], workday=True))
                made += k
            elif u < 0.86:  # product bot (legit integration, one account)
                asn = r.choice(list(CLOUD))
                ips = [self.net.ip_in(asn) for _ in range(r.randint(1, 4))]
                task = r.choice(["Classify the sentiment of this review as positive, negative or neutral:\n",
                                 "Extract the invoice number, date and total from this text as JSON:\n",
                                 "Write alt text for an image described as: ",
                                 "Suggest three tags for this support ticket:\n",
                                 "Rewrite this product title for SEO: ", "Detect the language of: "])
                prof = self.profile(ips=ips, uas=[r.choices(SDK_UAS, weights=SDK_W)[0]],
                                    prompt=lambda rr, t=task: t + paragraph(rr, 1, 4), models=["aster-2-mini"], out=(20, 200))
                dom = "%s%s.%s" % (r.choice(WORDS), r.choice(["ly", "hq", "app", "labs"]), r.choice(["com", "io"]))
                i = self.add_account(created=created - 200 * DAY, email=self.email(dom), country=c[0], plan="payg",
                                     pay=self.pfp(), signup_ip=self.resid_ip(c), profile=prof)
                heavy.append(i)
                made += 1
            elif u < 0.92:  # cloud developer, single
                asn = r.choices(list(CLOUD), weights=list(CLOUD.values()))[0]
                prof = self.human_profile(c)
                prof["ips"] = [self.net.ip_in(asn) for _ in range(r.randint(1, 3))]
                i = self.add_account(created=created, email=self.email(None, c), country=c[0], plan="payg",
                                     pay=self.pfp(), signup_ip=self.resid_ip(c), profile=prof)
                self.add_times(i, self.uniform_times(int(r.lognormvariate(2.5, 1.4))))
                made += 1
            elif u < 0.96:  # mobile user (carrier CGNAT)
                cc = r.choice([x for x in COUNTRIES if x[0] in MOBILE_ASNS])
                asn = MOBILE_ASNS[cc[0]]
                prof = self.human_profile(cc, ua="okhttp/4.12.0" if r.random() < 0.5 else None)
                prof["ips"] = [self.net.ip_in(asn) for _ in range(r.randint(1, 3))]
                i = self.add_account(created=created, email=self.email(None, cc), country=cc[0], plan=r.choice(["free", "payg"]),
                                     pay=self.pfp() if r.random() < 0.6 else None, signup_ip=prof["ips"][0], profile=prof)
                self.add_times(i, self.human_times(int(r.lognormvariate(1.8, 1.0)), cc[1]))
                made += 1
            else:  # student-ish heavy reasoning users (benign step-by-step)
                prof = self.human_profile(c)
                prof["cats"] = ["math", "science", "coding"]
                base = prof
                i = self.add_account(created=created, email=self.email(None, c), country=c[0], plan="payg",
                                     pay=self.pfp(), signup_ip=prof["ips"][0], profile=base,
                                     extra={"signup_source": "web"})
                self.accounts[i]["_sbs"] = 0.5
                self.add_times(i, self.human_times(int(r.lognormvariate(2.5, 1.0)), c[1]))
                made += 1
        return heavy

    # ================================================================ rings
    def ring(self, name, style, idxs):
        self.rings.append({"name": name, "style": style, "accounts": [self.accounts[i]["account_id"] for i in idxs]})

    def decoy(self, name, kind, idxs):
        self.decoys.append({"name": name, "kind": kind, "accounts": [self.accounts[i]["account_id"] for i in idxs]})

    def batches(self, idxs, n_batches, frac, per=(1, 2), spread=3.0, lo=WIN_START, hi=WIN_END, hours=None):
        r = self.rng
        for _ in range(n_batches):
            t0 = r.uniform(lo, hi)
            if hours:
                d = int((t0 - WIN_START) // DAY)
                t0 = WIN_START + d * DAY + r.uniform(*hours) * 3600
            for i in idxs:
                if r.random() < frac:
                    t = t0 + r.uniform(0, spread)
                    k = r.randint(*per)
                    self.add_times(i, [t + j * r.uniform(20, 90) for j in range(k)])

    def r_cryptomill(self, name, n, tmpl="cryptomill"):
        r = self.rng
        asn = r.choice(HOSTILE_ASNS)
        subs = [self.net.subnet_in(asn) for _ in range(3)]
        t0 = r.uniform(WIN_START - 20 * DAY, WIN_START + 10 * DAY)
        ua = r.choice(["aster-python/1.9.0", "python-httpx/0.27.0", "aiohttp/3.9.5"])
        idxs = []
        for _ in range(n):
            c = self.country()
            ip = self.net.ip_in(asn, r.choice(subs))
            prof = self.profile(ips=[ip], uas=[ua], prompt=RING_TEMPLATES[tmpl], models=["aster-2-reason", "aster-2-large"], out=(900, 2600))
            i = self.add_account(created=t0 + r.uniform(0, 2 * DAY), email=self.email(r.choice(["proton.me", "tutanota.com", "gmail.com"])),
                                 country=c[0], plan="payg", pay="cw_" + "%020x" % r.getrandbits(80), pay_kind="crypto", signup_ip=ip, profile=prof)
            idxs.append(i)
        # a controller works sessions: members take turns, seconds apart
        for _ in range(70):
            t = r.uniform(WIN_START, WIN_END)
            for i in r.sample(idxs, max(2, n // 3)):
                self.add_times(i, [t])
                t += r.uniform(1, 6)
        self.ring(name, "crypto payments, one hosting ASN, creation burst, controller rotates members", idxs)

    def r_ghost(self, name, n):
        r = self.rng
        idxs = []
        for _ in range(n):
            c = self.country()
            prof = self.human_profile(c, ua=r.choice(BROWSER_UAS + ["aster-python/1.9.2", "aster-node/4.2.1"]))
            prof["prompt"] = RING_TEMPLATES["ghost"]
            prof["out"] = (700, 2200)
            i = self.add_account(created=r.uniform(WIN_START - 120 * DAY, WIN_START - 5 * DAY), email=self.email(None, c),
                                 country=c[0], plan="payg", pay=self.pfp(), signup_ip=prof["ips"][0], profile=prof)
            idxs.append(i)
        self.batches(idxs, 60, 0.45, per=(1, 1), spread=4.0)
        self.ring(name, "shares only template wording and coordinated timing; own cards, residential IPs, free mail", idxs)

    def r_pods(self, name, pods, size):
        r = self.rng
        ua = "rk-harvester/0.9.3 (aiohttp/3.9.5)"
        idxs = []
        for p in range(pods):
            asn = r.choice(list(CLOUD) + HOSTILE_ASNS)
            sub = self.net.subnet_in(asn)
            pay = self.pfp()
            dom = r.choice(["gmail.com", "outlook.com", "mail.com", "gmx.com"])
            t0 = r.uniform(WIN_START - 60 * DAY, WIN_START + 20 * DAY)
            pod = []
            for _ in range(size):
                c = self.country()
                ip = self.net.ip_in(asn, sub)
                prof = self.profile(ips=[ip], uas=[ua], prompt=RING_TEMPLATES["pods"], models=["aster-2-large"], out=(800, 2400))
                i = self.add_account(created=t0 + r.uniform(0, DAY), email=self.email(dom), country=c[0], plan="payg", pay=pay,
                                     signup_ip=ip, profile=prof)
                pod.append(i)
            self.batches(pod, 40, 0.6, per=(1, 3), spread=2.0)
            idxs += pod
        self.ring(name, "%d pods; each pod shares a card and a /24; pods share only the harvester user agent and template" % pods, idxs)

    def r_reseller(self, name, n):
        r = self.rng
        inv = self.pfp()
        gw_asn = "AS24940"
        gws = [self.net.ip_in(gw_asn) for _ in range(2)]
        org = "org_%010x" % r.getrandbits(40)
        idxs = []
        for k in range(n):
            c = self.country()
            def pr(rr):
                if rr.random() < 0.6:
                    return rr.choice(RESELLER_TEMPLATES)(rr)
                return benign_prompt(rr, rr.choice(["coding", "writing", "business", "chat"]))
            prof = self.profile(ips=gws, uas=["relaygate/2.1.7"], prompt=pr, models=["aster-2-large", "aster-2-reason"], out=(300, 2000))
            i = self.add_account(created=r.uniform(WIN_START - 200 * DAY, WIN_START + 30 * DAY), email=self.email("relaygate-clients.net"),
                                 country=c[0], plan="team", org=org if k % 2 == 0 else "", pay=inv, pay_kind="invoice",
                                 signup_ip=gws[0], profile=prof, extra={"reseller_ref": "RG-%05d" % r.randint(0, 99999)})
            self.add_times(i, self.uniform_times(r.randint(60, 160)))
            idxs.append(i)
        self.ring(name, "reseller: one invoice, one gateway pair, mixed real-customer traffic and reasoning sweeps", idxs)

    def r_zdr(self, name, n):
        r = self.rng
        sub = self.net.subnet_in("AS63949")
        t0 = r.uniform(WIN_START - 5 * DAY, WIN_START + 15 * DAY)
        idxs = []
        for _ in range(n):
            c = self.country()
            ip = self.net.ip_in("AS63949", sub)
            prof = self.profile(ips=[ip], uas=["aster-python/1.9.0"], prompt=RING_TEMPLATES["zdr"], models=["aster-2-reason"],
                                out=(900, 2600), redact=True)
            i = self.add_account(created=t0 + r.uniform(0, DAY), email=self.email(r.choice(["gmail.com", "outlook.com"])), country=c[0],
                                 plan="pro", pay=self.pfp(), signup_ip=ip, profile=prof, extra={"retention": "zero"})
            idxs.append(i)
        self.batches(idxs, 50, 0.5, per=(1, 2), spread=3.0, lo=t0 + DAY)
        self.ring(name, "zero-retention accounts: prompts logged only as fingerprints; one Linode /24, creation burst, coordinated batches", idxs)

    def r_proxy(self, name, n, tmpl="proxy"):
        r = self.rng
        doms = ["inboxkit.xyz", "mailpod.top", "quickbox.click"]
        t0 = r.uniform(WIN_START, WIN_START + 25 * DAY)
        resid = [x for x in COUNTRIES]

        def ip_fn(rr):
            c = rr.choice(resid)
            return self.net.ip_in(rr.choice(c[3]))
        idxs = []
        for _ in range(n):
            c = self.country()
            prof = self.profile(ips=[], uas=[r.choice(["aster-python/1.9.0", "aster-python/1.9.2", "aster-node/4.2.1"])],
                                prompt=RING_TEMPLATES[tmpl], models=["aster-2-reason"], out=(800, 2500), ip_fn=ip_fn)
            i = self.add_account(created=t0 + r.uniform(0, 12 * 3600), email=self.email(r.choice(doms)), country=c[0],
                                 plan="payg", pay=self.pfp(), signup_ip=ip_fn(r), profile=prof)
            idxs.append(i)
        self.batches(idxs, 45, 0.5, per=(1, 1), spread=5.0, lo=t0 + DAY)
        self.ring(name, "residential proxy network (new IP per request), disposable mail domains, creation burst, SDK hub UAs", idxs)

    def r_slowdrip(self, name, n):
        r = self.rng
        sub = self.net.subnet_in("AS14061")
        idxs = []
        for _ in range(n):
            c = self.country()
            prof = self.human_profile(c)
            prof["prompt"] = RING_TEMPLATES["slowdrip"]
            prof["out"] = (700, 2000)
            prof["models"] = ["aster-2-large"]
            sip = self.net.ip_in("AS14061", sub)
            i = self.add_account(created=r.uniform(WIN_START - 40 * DAY, WIN_START - 19 * DAY), email=self.email(None, c),
                                 country=c[0], plan="payg", pay=self.pfp(), signup_ip=sip, profile=prof)
            # ~2 queries a day, spread
            self.add_times(i, [WIN_START + d * DAY + r.uniform(0, DAY) for d in range(WIN_DAYS) for _ in range(r.choice([1, 2, 2, 3]))])
            idxs.append(i)
        self.ring(name, "slow drip (~2/day each, no coordination), only a signup /24 in common, six rotating reasoning templates", idxs)

    def r_recycled(self, name, n_banned, n_new):
        r = self.rng
        ua = "scrapekit/1.2.0"
        cards = []
        idxs = []
        for _ in range(n_banned):
            c = self.country()
            card = self.pfp()
            cards.append(card)
            prof = self.human_profile(c, ua=ua)
            prof["prompt"] = RING_TEMPLATES["recycled"]
            prof["out"] = (800, 2400)
            i = self.add_account(created=r.uniform(WIN_START - 300 * DAY, WIN_START - 100 * DAY), email=self.email(None, c), country=c[0],
                                 plan="payg", status="banned", pay=card, signup_ip=prof["ips"][0], profile=prof,
                                 extra={"ban_reason": "tos_distillation"})
            self.accounts[i]["_until"] = WIN_START + 6 * DAY
            self.add_times(i, self.uniform_times(40, WIN_START, WIN_START + 6 * DAY))
            idxs.append(i)
        for k in range(n_new):
            c = self.country()
            card = cards[k % len(cards)]
            prof = self.human_profile(c, ua=ua)
            prof["prompt"] = RING_TEMPLATES["recycled"]
            prof["out"] = (800, 2400)
            i = self.add_account(created=r.uniform(WIN_START + 7 * DAY, WIN_START + 12 * DAY), email=self.email(None, c), country=c[0],
                                 plan="payg", pay=self.pfp(), signup_ip=prof["ips"][0], profile=prof)
            self.payments.append({"account_id": self.accounts[i]["account_id"], "payment_fingerprint": card, "kind": "card",
                                  "bin_country": "", "added_at": self.accounts[i]["created_at"] + 3600})
            self.add_times(i, self.uniform_times(r.randint(30, 70), WIN_START + 12 * DAY))
            idxs.append(i)
        self.ring(name, "recidivists: new accounts carry banned accounts' cards as second instruments, one scraper UA", idxs)

    def r_devicefarm(self, name, n):
        r = self.rng
        cc = [x for x in COUNTRIES if x[0] == "IN"][0]
        t0 = r.uniform(WIN_START - 10 * DAY, WIN_START + 5 * DAY)
        idxs = []
        for _ in range(n):
            prof = self.profile(ips=[self.net.ip_in(MOBILE_ASNS["IN"]) for _ in range(3)], uas=["okhttp/4.12.0"],
                                prompt=RING_TEMPLATES["devicefarm"], models=["aster-2-large"], out=(1200, 3000))
            i = self.add_account(created=t0 + r.uniform(0, 3 * DAY), email=self.email(None, cc), country="IN", plan="payg",
                                 pay=self.pfp(), signup_ip=prof["ips"][0], profile=prof, extra={"device_model": r.choice(["SM-A145F", "RMX3630", "M2101K6G"])})
            idxs.append(i)
        # phones take turns: each account has its own run of days
        for j, i in enumerate(idxs):
            d0 = (j * 3) % (WIN_DAYS - 4)
            self.add_times(i, [WIN_START + (d0 + r.uniform(0, 3)) * DAY for _ in range(r.randint(35, 60))])
        for j in range(len(idxs) - 1):
            if r.random() < 0.6:
                self.links.append({"account_a": self.accounts[idxs[j]]["account_id"], "account_b": self.accounts[idxs[j + 1]]["account_id"],
                                   "kind": "same_device", "weight": round(r.uniform(0.55, 0.9), 2), "note": "device graph v3"})
        self.ring(name, "phone farm on mobile CGNAT: accounts take turns, upstream same-device links, synthetic QA generation", idxs)

    def r_cell(self, name, n, tmpl="cell"):
        r = self.rng
        ip = self.net.ip_in("AS14061")
        pay = self.pfp()
        t0 = r.uniform(WIN_START, WIN_START + 30 * DAY)
        idxs = []
        for _ in range(n):
            c = self.country()
            prof = self.profile(ips=[ip], uas=["python-requests/2.31.0"], prompt=RING_TEMPLATES[tmpl], models=["aster-2-reason"], out=(600, 2000))
            i = self.add_account(created=t0 + r.uniform(0, 3600), email=self.email(None, c), country=c[0], plan="payg", pay=pay, signup_ip=ip, profile=prof)
            self.add_times(i, self.uniform_times(r.randint(8, 14), t0 + 3600))
            idxs.append(i)
        self.ring(name, "tiny cell: one card, one droplet IP, ~10 queries each", idxs)

    def r_edumimic(self, name, n):
        r = self.rng
        dom = "mail.northvale.edu"
        asn = r.choice(VPN_ASNS)
        t0 = r.uniform(WIN_START + 5 * DAY, WIN_START + 15 * DAY)
        idxs = []
        for _ in range(n):
            c = self.country()
            ip = self.net.ip_in(asn, self.vpn_exit())
            prof = self.profile(ips=[ip, self.net.ip_in(asn, self.vpn_exit())], uas=[r.choice(BROWSER_UAS)], prompt=RING_TEMPLATES["edumimic"],
                                models=["aster-2-large"], out=(700, 2100))
            i = self.add_account(created=t0 + r.uniform(0, 2 * DAY), email=self.email(dom), country="US", plan="edu", pay=None,
                                 signup_ip=ip, profile=prof)
            idxs.append(i)
        self.batches(idxs, 35, 0.4, per=(1, 2), spread=30.0, lo=t0 + 2 * DAY, hours=(1, 5))
        self.ring(name, "fake students on a university domain (edu plan, no card) over commercial VPN exits, homework-style reasoning template", idxs)

    def r_sleeper(self, name, n):
        r = self.rng
        idxs = []
        wake = r.uniform(WIN_START + 20 * DAY, WIN_START + 30 * DAY)
        for _ in range(n):
            c = self.country()
            prof = self.human_profile(c)
            prof["prompt"] = RING_TEMPLATES["sleeper"]
            prof["out"] = (700, 2300)
            i = self.add_account(created=r.uniform(WIN_START - 400 * DAY, WIN_START - 200 * DAY), email=self.email(None, c), country=c[0],
                                 plan="payg", pay=self.pfp(), signup_ip=prof["ips"][0], profile=prof)
            self.add_times(i, [wake + r.uniform(0, 6 * DAY) for _ in range(r.randint(30, 60))])
            idxs.append(i)
        self.ring(name, "sleepers: aged accounts, nothing shared, all wake within hours of each other with one template", idxs)

    def r_camo(self, name, n):
        r = self.rng
        asn = "AS16276"
        sub = self.net.subnet_in(asn)
        idxs = []
        for _ in range(n):
            c = self.country()
            prof = self.human_profile(c)
            prof["ips"] = [self.net.ip_in(asn, sub)]
            prof["mix"] = (0.5, RING_TEMPLATES["camo"])
            prof["out"] = (200, 2000)
            i = self.add_account(created=r.uniform(WIN_START - 90 * DAY, WIN_START - 30 * DAY), email=self.email(None, c), country=c[0],
                                 plan="payg", pay=self.pfp(), signup_ip=self.resid_ip(c), profile=prof)
            self.add_times(i, self.human_times(r.randint(40, 90), c[1]))
            idxs.append(i)
        self.ring(name, "camouflaged: half of each member's traffic is ordinary chat; one OVH /24; no timing coordination", idxs)

    # ================================================================ benign look-alikes
    def d_classroom(self, name, n):
        r = self.rng
        dom = "stud.kelvinbridge.ac.uk"
        asn = "AS786"
        nat = self.net.ip_in(asn)
        day0 = WIN_START + 8 * DAY
        cc = [x for x in COUNTRIES if x[0] == "GB"][0]
        assign = lambda rr: rr.choice([
            "Assignment %d, question %d: %s Explain step by step." % (rr.randint(1, 4), rr.randint(1, 12), q_math(rr)),
            benign_prompt(rr, "math"), benign_prompt(rr, "coding"), benign_prompt(rr, "chat"),
        ])
        idxs = []
        for _ in range(n):
            prof = self.profile(ips=[nat, nat, self.resid_ip(cc)], uas=[r.choice(BROWSER_UAS)], prompt=assign, models=["aster-2-mini"], out=(100, 900))
            i = self.add_account(created=day0 + r.uniform(9.5, 11) * 3600, email=self.email(dom), country="GB", plan="edu",
                                 signup_ip=nat, profile=prof, extra={"course": "MATH1021"})
            idxs.append(i)
        # lab sessions: Tuesday and Thursday 10:00-11:30 UTC
        for d in range(WIN_DAYS):
            t = WIN_START + d * DAY
            if t < day0 or datetime.fromtimestamp(t, UTC).weekday() not in (1, 3):
                continue
            for i in idxs:
                if r.random() < 0.7:
                    self.add_times(i, [t + 10 * 3600 + r.uniform(0, 5400) for _ in range(r.randint(1, 6))])
        for i in idxs:
            self.add_times(i, self.human_times(r.randint(0, 20), 0, lo=day0))
        self.decoy(name, "class of students: one campus NAT, created in one lecture, shared assignment template at lab times", idxs)

    def d_team(self, name, n):
        r = self.rng
        cc = [x for x in COUNTRIES if x[0] == "DE"][0]
        dom = "harbourline-logistics.de"
        org = "org_%010x" % r.getrandbits(40)
        inv = self.pfp()
        sub = self.net.subnet_in("AS3320")
        idxs = []
        for _ in range(n):
            ip = self.net.ip_in("AS3320", sub)
            prof = self.human_profile(cc, ip=ip, ua="aster-python/1.9.2")
            prof["cats"] = ["coding", "business", "writing"]
            i = self.add_account(created=r.uniform(WIN_START - 600 * DAY, WIN_START - 10 * DAY), email=self.email(dom), country="DE",
                                 plan="team", org=org, pay=inv, pay_kind="invoice", signup_ip=ip, profile=prof)
            self.add_times(i, self.human_times(r.randint(60, 260), 1, workday=True))
            idxs.append(i)
        self.decoy(name, "company team: one invoice, one org, office /24, same SDK, heavy work-hours use", idxs)

    def d_lab(self, name, n):
        r = self.rng
        dom = "cs.vaalberg-institute.org"
        pay = self.pfp()
        ips = [self.net.ip_in("AS1741") for _ in range(2)]
        bench = lambda rr: "Question: %s\nAnswer with your reasoning, then the final answer after 'Final:'." % q_any(rr)
        idxs = []
        for _ in range(n):
            prof = self.profile(ips=ips, uas=["lm-eval-harness/0.4.3"], prompt=bench, models=MODELS, out=(300, 1500))
            i = self.add_account(created=r.uniform(WIN_START - 300 * DAY, WIN_START - 30 * DAY), email=self.email(dom), country="FI",
                                 plan="pro", org="org_vaalberg", pay=pay, signup_ip=ips[0], profile=prof)
            idxs.append(i)
        # a sweep every few days: one account runs a whole benchmark in a couple of hours
        for _ in range(14):
            t = r.uniform(WIN_START, WIN_END)
            i = r.choice(idxs)
            self.add_times(i, [t + k * r.uniform(1, 4) for k in range(r.randint(300, 700))])
        self.decoy(name, "research lab: benchmark sweeps with a reasoning-eliciting template, one card, lab network", idxs)

    def d_integration(self, name, n):
        r = self.rng
        srv = [self.net.ip_in("AS16509") for _ in range(3)]
        summ = lambda rr: rr.choice(["Summarize the following note in 3 bullet points:\n", "Turn this note into a to-do list:\n", "Fix grammar in this note, keep my voice:\n"]) + paragraph(rr, 2, 8)
        idxs = []
        for _ in range(n):
            c = self.country()
            prof = self.profile(ips=srv, uas=["noteweave-plugin/3.2.0"], prompt=summ, models=["aster-2-mini"], out=(60, 400))
            i = self.add_account(created=r.uniform(WIN_START - 400 * DAY, WIN_END - 10 * DAY), email=self.email(None, c), country=c[0],
                                 plan="payg", pay=self.pfp(), signup_ip=self.resid_ip(c), profile=prof, extra={"integration": "noteweave"})
            self.add_times(i, self.human_times(r.randint(5, 60), c[1]))
            idxs.append(i)
        self.decoy(name, "users of a note-taking plugin: same UA, requests proxied via the plugin's AWS servers, same summary templates", idxs)

    def d_hackathon(self, name, n):
        r = self.rng
        venue = self.net.ip_in("AS2856")
        t0 = WIN_START + 33 * DAY + 9 * 3600
        cc = [x for x in COUNTRIES if x[0] == "GB"][0]
        idxs = []
        org_ref = None
        for k in range(n):
            c = self.country() if r.random() < 0.5 else cc
            prof = self.human_profile(c, ip=venue)
            prof["cats"] = ["coding", "chat", "writing"]
            i = self.add_account(created=t0 + r.uniform(0, 6 * 3600), email=self.email(None, c), country=c[0], plan="free",
                                 signup_ip=venue, profile=prof, extra={"promo": "HACKLDN26"})
            self.add_times(i, self.human_times(r.randint(10, 60), 0, lo=t0, hi=t0 + 2 * DAY))
            if org_ref is None:
                org_ref = i
            else:
                self.links.append({"account_a": self.accounts[org_ref]["account_id"], "account_b": self.accounts[i]["account_id"],
                                   "kind": "referral", "weight": 0.3, "note": "promo HACKLDN26"})
            idxs.append(i)
        self.decoy(name, "hackathon: created in 6 hours at one venue IP, promo credits, referral links to the organiser, two busy days", idxs)

    def d_monitor(self, name, n):
        r = self.rng
        idxs = []
        for _ in range(n):
            c = self.country()
            asn = r.choice(list(CLOUD))
            prof = self.profile(ips=[self.net.ip_in(asn)], uas=["uptime-llm-check/1.0.4"], prompt=lambda rr: "Reply with the single word OK.",
                                models=["aster-2-mini"], out=(1, 2))
            i = self.add_account(created=r.uniform(WIN_START - 500 * DAY, WIN_START - 20 * DAY),
                                 email=self.email("%s%s.com" % (r.choice(ADJ), r.choice(WORDS))), country=c[0], plan="payg", pay=self.pfp(),
                                 signup_ip=self.resid_ip(c), profile=prof)
            period = r.choice([300, 600, 900])
            ts = []
            t = WIN_START + r.uniform(0, 3 * DAY)
            t = t - (t % period)
            while t < WIN_END and len(ts) < 900:
                ts.append(t + r.uniform(0, 1.5))
                t += period * r.choice([1, 1, 1, 4])
            self.add_times(i, ts)
            idxs.append(i)
        self.decoy(name, "separate companies running the same open-source health check: identical prompt on the clock (:00, :05...)", idxs)

    def d_agency(self, name, n):
        r = self.rng
        cc = [x for x in COUNTRIES if x[0] == "ES"][0]
        inv = self.pfp()
        sub = self.net.subnet_in("AS3352")
        tr = lambda rr: "Translate the following into %s, preserving formatting and tone:\n%s" % (rr.choice(["German", "English", "French", "Catalan"]), paragraph(rr, 2, 9))
        idxs = []
        for _ in range(n):
            ip = self.net.ip_in("AS3352", sub)
            prof = self.profile(ips=[ip], uas=["aster-python/1.9.0"], prompt=tr, models=["aster-2-large"], out=(300, 1800))
            i = self.add_account(created=r.uniform(WIN_START - 500 * DAY, WIN_START - 60 * DAY), email=self.email("traduccionesnorte.es"),
                                 country="ES", plan="team", org="org_tnorte", pay=inv, pay_kind="invoice", signup_ip=ip, profile=prof)
            self.add_times(i, self.human_times(r.randint(80, 300), 1, workday=True))
            idxs.append(i)
        self.decoy(name, "translation agency: one invoice, office /24, one translation template, heavy output", idxs)

    def d_vpn(self, name, n):
        r = self.rng
        idxs = []
        for _ in range(n):
            c = self.country()
            asn = r.choice(VPN_ASNS)
            prof = self.human_profile(c)
            prof["ips"] = [self.net.ip_in(asn, self.vpn_exit()) for _ in range(2)]
            i = self.add_account(created=r.uniform(WIN_START - 300 * DAY, WIN_END - 5 * DAY), email=self.email(None, c), country=c[0],
                                 plan=r.choice(["free", "payg"]), pay=self.pfp() if r.random() < 0.5 else None, signup_ip=prof["ips"][0], profile=prof)
            self.add_times(i, self.human_times(r.randint(3, 60), c[1]))
            idxs.append(i)
        self.decoy(name, "strangers on commercial VPN exits", idxs)

    def d_households(self, name, groups):
        r = self.rng
        idxs = []
        for _ in range(groups):
            c = self.country()
            ip = self.resid_ip(c)
            pay = self.pfp()
            prev = None
            for _ in range(r.randint(2, 4)):
                prof = self.human_profile(c, ip=ip)
                i = self.add_account(created=r.uniform(WIN_START - 400 * DAY, WIN_START), email=self.email(None, c), country=c[0],
                                     plan="payg", pay=pay, signup_ip=ip, profile=prof)
                self.add_times(i, self.human_times(r.randint(5, 80), c[1]))
                if prev is not None and r.random() < 0.5:
                    self.links.append({"account_a": self.accounts[prev]["account_id"], "account_b": self.accounts[i]["account_id"],
                                       "kind": "same_device", "weight": 0.7, "note": "shared laptop"})
                prev = i
                idxs.append(i)
        self.decoy(name, "households: family members on one card and one home IP, some same-device links", idxs)

    def d_batchjob(self, name, n):
        r = self.rng
        inv = self.pfp()
        sub = self.net.subnet_in("AS16509")
        org = "org_kestrel_ins"
        job = lambda rr: "Classify this insurance claim and explain the reasoning for the category step by step:\n" + paragraph(rr, 3, 8)
        idxs = []
        for k in range(n):
            ip = self.net.ip_in("AS16509", sub)
            prof = self.profile(ips=[ip], uas=["aster-java/2.1.0"], prompt=job, models=["aster-2-large"], out=(400, 1400), redact=True)
            i = self.add_account(created=r.uniform(WIN_START - 500 * DAY, WIN_START - 100 * DAY), email="svc-claims-%02d@kestrel-insurance.com" % k,
                                 country="US", plan="enterprise", org=org, pay=inv, pay_kind="invoice", signup_ip=ip, profile=prof,
                                 extra={"retention": "zero", "service_account": "true"})
            idxs.append(i)
        for d in range(WIN_DAYS):
            t = WIN_START + d * DAY + 2 * 3600
            for i in idxs:
                self.add_times(i, [t + r.uniform(0, 4) + j * r.uniform(5, 15) for j in range(r.randint(5, 30))])
        self.decoy(name, "insurer's nightly batch: service accounts on one invoice and AWS /24, zero retention (fingerprints only), all fire at 02:00 UTC", idxs)

    def d_mooc(self, name, n):
        r = self.rng
        t0 = WIN_START + 14 * DAY
        tmpl = lambda rr: rr.choice([
            "Module %d exercise: %s Walk me through the solution step by step." % (rr.randint(1, 8), q_code(rr)),
            "Module %d exercise: %s Walk me through the solution step by step." % (rr.randint(1, 8), q_math(rr)),
            benign_prompt(rr, "coding"), benign_prompt(rr, "chat")])
        idxs = []
        for _ in range(n):
            c = self.country()
            prof = self.human_profile(c)
            prof["prompt"] = tmpl
            i = self.add_account(created=t0 + r.uniform(0, 2 * DAY), email=self.email(None, c), country=c[0], plan="free",
                                 signup_ip=prof["ips"][0], profile=prof, extra={"promo": "MOOC-AI101"})
            self.add_times(i, self.human_times(r.randint(5, 40), c[1], lo=t0))
            idxs.append(i)
        self.decoy(name, "online course cohort: worldwide learners created on launch day with course credits, course exercise template", idxs)

    # ================================================================ materialise
    def make_row(self, ev):
        ts, idx, sub = ev
        a = self.accounts[idx]
        p = a["_p"]
        r = random.Random(sub)
        if p["ip_fn"]:
            ip = p["ip_fn"](r)
        else:
            ip = r.choice(p["ips"])
        asn = self.net.ip_asn.get(ip, "")
        if p.get("mix") and r.random() < p["mix"][0]:
            prompt, cat = p["mix"][1](r), "reasoning"
        elif p["prompt"]:
            prompt, cat = p["prompt"](r), None
        else:
            cat = r.choice(p["cats"])
            prompt = benign_prompt(r, cat)
            if a.get("_sbs") and r.random() < a["_sbs"]:
                prompt += r.choice(SBS_BENIGN)
        if cat is None or cat == "reasoning":
            low = prompt.lower()
            cat = "coding" if ("function" in low or "code" in low or "implement" in low) else \
                  "math" if any(w in low for w in ("solve", "probability", "integer", "limit", "prove", "train")) else \
                  "translation" if "translate" in low else "general"
        lo, hi = p["out"]
        out_tok = int(r.uniform(lo, hi))
        row = {"ts": ts, "account_id": a["account_id"], "api_key": a["_key"], "ip": ip, "asn": asn,
               "user_agent": r.choice(p["uas"]), "model": r.choice(p["models"] or MODELS),
               "input_tokens": max(1, len(prompt) // 4 + r.randint(0, 30)), "output_tokens": out_tok,
               "category": cat, "request_id": "req_%016x" % r.getrandbits(64)}
        if p["redact"]:
            row["prompt_fingerprint"] = hashlib.sha256(prompt.encode()).hexdigest()[:24]
        else:
            row["prompt"] = prompt
        return row


# ------------------------------------------------------------------ formats
def ts_form(t, form):
    d = datetime.fromtimestamp(t, UTC)
    if form == "z_ms":
        return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)
    if form == "z_us":
        return d.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if form == "z":
        return d.strftime("%Y-%m-%dT%H:%M:%SZ")
    if form == "epoch_ms":
        return int(round(t * 1000))
    if form.startswith("off"):
        h = float(form[3:])
        dd = d.astimezone(timezone(timedelta(hours=h)))
        return dd.isoformat(timespec="milliseconds")
    raise ValueError(form)


def opener(path):
    if path.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "wb", compresslevel=5), encoding="utf-8", newline="")
    return open(path, "w", encoding="utf-8", newline="")


QCOLS = ["ts", "account_id", "api_key", "ip", "asn", "user_agent", "model", "input_tokens", "output_tokens",
         "category", "prompt", "prompt_fingerprint", "request_id"]


def write_queries(world, events, path, fmt, tsform):
    n = 0
    with opener(path) as f:
        w = None
        if fmt == "csv":
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(QCOLS)
        for ev in events:
            row = world.make_row(ev)
            row["ts"] = ts_form(row["ts"], tsform)
            if fmt == "csv":
                w.writerow([row.get(k, "") for k in QCOLS])
            else:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_accounts(world, path, fmt, created_forms):
    cols = ["account_id", "created_at", "email", "org_id", "country", "plan", "status", "payment_fingerprint", "signup_ip"]
    extra_keys = sorted({k for a in world.accounts for k in a["extra"]})
    r = random.Random(world.seed + 7)
    order = list(range(len(world.accounts)))
    r.shuffle(order)
    with opener(path) as f:
        if fmt == "csv":
            w = csv.writer(f, lineterminator="\n")
            w.writerow(cols + extra_keys)
        for i in order:
            a = world.accounts[i]
            rec = {k: a[k] for k in cols}
            rec["created_at"] = ts_form(a["created_at"], r.choice(created_forms)) if True else None
            if rec["created_at"].__class__ is int:   # epoch ms form -> the accounts file takes epoch seconds
                rec["created_at"] = int(a["created_at"])
            rec.update(a["extra"])
            if fmt == "csv":
                w.writerow([rec.get(k, "") for k in cols + extra_keys])
            else:
                f.write(json.dumps({k: v for k, v in rec.items() if v != ""}, ensure_ascii=False) + "\n")


def write_payments(world, path, fmt):
    cols = ["account_id", "payment_fingerprint", "kind", "bin_country", "added_at"]
    with opener(path) as f:
        if fmt == "csv":
            w = csv.writer(f, lineterminator="\n")
            w.writerow(cols)
        for p in world.payments:
            rec = dict(p)
            rec["added_at"] = ts_form(p["added_at"], "z")
            if fmt == "csv":
                w.writerow([rec[k] for k in cols])
            else:
                f.write(json.dumps(rec) + "\n")


def write_links(world, path):
    with opener(path) as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["account_a", "account_b", "kind", "weight", "note"])
        for l in world.links:
            w.writerow([l["account_a"], l["account_b"], l["kind"], l["weight"], l["note"]])


# ------------------------------------------------------------------ variants
def build(variant):
    if variant == "12a":
        w = World(120001, 15000, 250000)
        s = 1
    else:
        w = World(120002, 30000, 500000)
        s = 2
    # rings
    w.r_cryptomill("mill-a", 20 * s)
    w.r_ghost("ghost-a", 16 * s)
    w.r_pods("pods-a", 4 if s == 1 else 6, 6 if s == 1 else 8)
    w.r_reseller("reseller-a", 30 * s)
    w.r_proxy("proxy-a", 40 * s)
    w.r_slowdrip("drip-a", 12 * s)
    w.r_recycled("recycle-a", 4 * s, 10 * s)
    w.r_devicefarm("farm-a", 18 * s)
    w.r_cell("cell-a", 5)
    w.r_edumimic("edu-a", 20 * s)
    w.r_zdr("zdr-a", 15 * s)
    if s == 2:
        w.r_cryptomill("mill-b", 35, tmpl="cryptomill2")
        w.r_cell("cell-b", 6, tmpl="cell2")
        w.r_proxy("proxy-b", 30, tmpl="proxy2")
        w.r_sleeper("sleeper-b", 25)
        w.r_camo("camo-b", 18)
    # look-alikes
    w.d_classroom("classroom", 35 * s)
    w.d_team("team", 25 * s)
    w.d_lab("lab", 6 * s)
    w.d_integration("plugin-users", 60 * s)
    w.d_hackathon("hackathon", 40 * s)
    w.d_monitor("healthcheck", 15 * s)
    w.d_agency("agency", 12 * s)
    w.d_vpn("vpn", 50 * s)
    w.d_households("households", 10 * s)
    w.d_batchjob("nightly-batch", 8 * s)
    if s == 2:
        w.d_mooc("mooc", 120)
    special = len(w.accounts)
    special_rows = len(w.events)
    heavy = w.background(w.n_target - special)
    # legit product bots take a share of the remaining rows
    rest = w.target_rows - len(w.events)
    r = w.rng
    if heavy and rest > 0:
        share = int(rest * 0.12)
        weights = [r.paretovariate(1.3) for _ in heavy]
        tot = sum(weights)
        for i, wt in zip(heavy, weights):
            k = min(20000, int(share * wt / tot))
            w.add_times(i, w.uniform_times(k) if r.random() < 0.5 else w.human_times(k, 0, workday=True))
    w.events.sort()
    sys.stderr.write("%s: %d accounts (%d special, %d ring rows), %d rows\n" % (variant, len(w.accounts), special, special_rows, len(w.events)))
    return w


def emit(outroot, variant):
    w = build(variant)
    d = os.path.join(outroot, variant)
    os.makedirs(d, exist_ok=True)
    if variant == "12a":
        write_accounts(w, os.path.join(d, "accounts.csv"), "csv", ["z"])
        write_payments(w, os.path.join(d, "payments.csv"), "csv")
        write_links(w, os.path.join(d, "links.csv"))
        ev = w.events
        half = len(ev) // 2
        os.makedirs(os.path.join(d, "queries"), exist_ok=True)
        nq = write_queries(w, ev[:half], os.path.join(d, "queries", "2026-08a.jsonl"), "jsonl", "z_ms")
        nq += write_queries(w, ev[half:], os.path.join(d, "queries", "2026-08b.jsonl"), "jsonl", "z_ms")
    else:
        write_accounts(w, os.path.join(d, "accounts.jsonl.gz"), "jsonl", ["z", "off-5", "off5.5", "epoch_ms", "z_ms"])
        write_payments(w, os.path.join(d, "payments.csv.gz"), "csv")
        write_links(w, os.path.join(d, "links.csv"))
        qd = os.path.join(d, "queries")
        os.makedirs(qd, exist_ok=True)
        # weekly partitions; a mix of formats and timestamp forms
        plan = [("csv", "z"), ("jsonl.gz", "epoch_ms"), ("jsonl", "off2"), ("csv.gz", "z_us"),
                ("jsonl", "epoch_ms"), ("csv", "off-7"), ("jsonl.gz", "z_ms"), ("csv.gz", "epoch_ms")]
        nq = 0
        ev = w.events
        for k in range(8):
            lo, hi = WIN_START + k * 7 * DAY, WIN_START + (k + 1) * 7 * DAY
            part = [e for e in ev if lo <= e[0] < hi]
            ext, tsf = plan[k]
            day = datetime.fromtimestamp(lo, UTC).strftime("%Y-%m-%d")
            if k in (2, 3):  # two weeks as partitioned folders with two parts each
                sub = os.path.join(qd, "%s_week" % day)
                os.makedirs(sub, exist_ok=True)
                h = len(part) // 2
                nq += write_queries(w, part[:h], os.path.join(sub, "part-0.%s" % ext), ext.split(".")[0], tsf)
                nq += write_queries(w, part[h:], os.path.join(sub, "part-1.%s" % ext), ext.split(".")[0], tsf)
            else:
                nq += write_queries(w, part, os.path.join(qd, "%s_w%d.%s" % (day, k, ext)), ext.split(".")[0], tsf)
    truth = {"accounts": len(w.accounts), "queries": nq, "rings": w.rings, "decoys": w.decoys}
    with open(os.path.join(outroot, "%s.truth.json" % variant), "w") as f:
        json.dump(truth, f, indent=1, sort_keys=True)
    sys.stderr.write("%s written: %d queries\n" % (variant, nq))


if __name__ == "__main__":
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for v in (sys.argv[2:] or ["12a", "12b"]):
        emit(root, v)
