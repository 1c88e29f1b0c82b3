#!/usr/bin/env python3
"""A test source on ANSWER LENGTH: long answers are the point of a distillation harvest, and they
are just as much the point of many honest customers.

Rings (harvest long reasoning traces):
  "proxy-swarm"   fresh accounts made in three creation bursts, each with its own card (foreign BIN)
                  and a new residential-proxy IP per sitting; short templated "solve step by step,
                  show all reasoning" prompts over a large short-problem bank, very long answers
                  (out/in ratio far above anyone's); coordinated sittings at random UTC hours.
  "long-form"     older accounts made one by one over three months; long worked problems in, even
                  longer solutions out (out/in near the population's); three shared prepaid cards,
                  a few VPS /24s (several accounts per IP), one aiohttp build, steady 24/7 Poisson
                  traffic with no diurnal dip and no bursts; instructions mostly after the problem.
  "thin-spread"   many accounts with a handful of queries each, made steadily, mostly free plan,
                  mobile CGNAT IPs shared with the public, one rare Android client string,
                  human-looking paraphrased prompts over a bank partly shared with proxy-swarm.
  "front-company" one fresh unverified "tutoring" org: creation burst, one shared card, one cloud
                  NAT /24, official SDK, round-robin dispatcher 7 days a week, publisher-like
                  "worked solution" template over a bank it never repeats.
Decoys (long answers, honest): "tallyrock-labelling" (data-labelling vendor, verified org on one
invoice, long documents in, rationales out, office hours in Cebu), "harrowgate-maths-circle"
(olympiad club, old accounts, evening/term-time, pasted problems then human follow-ups, weekly
session from the school network), "calder-evals" (a benchmark team: a few CoT sweeps of the same
items against several models from one cloud /24), "marrowfield-press" (textbook publisher,
verified org, office hours, chapter-by-chapter worked solutions and revisions).
Background: ~6,000 people, developers, teams, students, app backends and cron jobs.
Written independently of the engine (without reading the engine or other generators).

usage: long_answers.py OUTDIR SEED [ACCOUNTS]   (writes OUTDIR/ and OUTDIR.truth.json)
"""
import csv
import datetime
import json
import math
import os
import random
import sys

if len(sys.argv) < 3:
    sys.stderr.write(__doc__)
    sys.exit(2)
OUT = sys.argv[1].rstrip("/")
SEED = int(sys.argv[2])
N = int(sys.argv[3]) if len(sys.argv) > 3 else 6000
rng = random.Random(SEED * 1000003 + 17)
SCALE = max(0.15, N / 6000.0)
UTC = datetime.timezone.utc
DAY = 86400

start_date = datetime.date(2025, 1, 6) + datetime.timedelta(days=7 * rng.randint(0, 18))  # a Monday
T0 = int(datetime.datetime(start_date.year, start_date.month, start_date.day, tzinfo=UTC).timestamp())
DAYS = rng.randint(33, 42)
T1 = T0 + DAYS * DAY


def wday(d):
    """Weekday (Monday=0) of day index d of the period."""
    return (T0 // DAY + d + 3) % 7


def at_local(d, hour, tz):
    """Epoch seconds of local `hour` (float) on day d for a UTC offset tz (hours)."""
    return T0 + d * DAY + (hour - tz) * 3600.0


def iso(t):
    return datetime.datetime.fromtimestamp(int(t), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def lognorm(median, sigma):
    return median * math.exp(rng.gauss(0.0, sigma))


def clip(x, lo, hi):
    return int(max(lo, min(hi, x)))


def wchoice(pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def geom(mean):
    n = 1
    p = 1.0 / mean
    while rng.random() > p and n < 60:
        n += 1
    return n


# ---------------------------------------------------------------------------------------------
# identities
_used = {}


def new_id(prefix, nchars, alphabet="abcdefghijkmnpqrstuvwxyz23456789"):
    while True:
        s = prefix + "".join(rng.choice(alphabet) for _ in range(nchars))
        if s not in _used:
            _used[s] = 1
            return s


def new_fp():
    return new_id("pf_", 16, "0123456789abcdef")


def new_key_prefix():
    return new_id("", 8, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789")


def api_key(prefix):
    return "ak_live_%s****%s" % (prefix, "".join(rng.choice("abcdef0123456789") for _ in range(4)))


FIRST = ["amara", "bastien", "corin", "dalia", "eun", "faisal", "greta", "hollis", "ilse", "joaquin",
         "kaveh", "linnea", "marisol", "nkem", "odile", "pavlo", "quinn", "rosalind", "soren", "tamsin",
         "ulla", "vikram", "wren", "xiadani", "yusuf", "zofia", "anouk", "bram", "cleo", "dmitri",
         "esme", "farida", "gideon", "hanne", "imogen", "jarek", "keiko", "lior", "mirela", "noor",
         "orrin", "petra", "rahim", "saoirse", "teodor", "ulrike", "valen", "wilhelmina", "yara", "zeno",
         "adaeze", "bjorn", "catalina", "devraj", "elif", "fenna", "goran", "hiroshi", "isadora", "jun"]
LAST = ["achterberg", "bellweather", "castellanos", "draganov", "ekwueme", "fairclough", "galloway",
        "haverkamp", "iwasaki", "jovanovic", "kellerman", "lindqvist", "mbatha", "nakashima", "okafor",
        "pellegrini", "quintero", "rasmussen", "sandoval", "thorsen", "uribe", "vasquez", "whitlock",
        "yilmaz", "zielinski", "abernathy", "brannigan", "carvalho", "delacroix", "esposito", "farrow",
        "grunewald", "holloway", "ishikawa", "janssen", "kowalczyk", "lachance", "moreau", "nygaard",
        "oyelaran", "prasad", "radcliffe", "szabo", "tanaka", "underhill", "varga", "wojcik", "ziegler"]
WORDS = ["maple", "quiet", "river", "amber", "cobalt", "ember", "falcon", "harbor", "juniper", "lumen",
         "meadow", "nimbus", "onyx", "pebble", "quartz", "russet", "sable", "thistle", "umber", "vesper",
         "willow", "zephyr", "birch", "cinder", "dune", "fjord", "glade", "heron", "iris", "kestrel"]
FREEMAIL = [("gmail.com", 46), ("outlook.com", 12), ("yahoo.com", 8), ("hotmail.com", 6), ("icloud.com", 7),
            ("proton.me", 4), ("gmx.de", 2), ("web.de", 2), ("orange.fr", 1.5), ("qq.com", 2),
            ("naver.com", 1.5), ("yandex.ru", 1), ("mail.com", 1), ("aol.com", 1)]


def person_local():
    f, l = rng.choice(FIRST), rng.choice(LAST)
    style = rng.randrange(6)
    if style == 0:
        return "%s.%s" % (f, l)
    if style == 1:
        return "%s%s%d" % (f, l, rng.randint(1, 99))
    if style == 2:
        return "%s.%s" % (f[0], l)
    if style == 3:
        return "%s_%s%d" % (f, l[:4], rng.randint(70, 2005))
    if style == 4:
        return "%s%d" % (f, rng.randint(100, 9999))
    return "%s.%s.%s" % (f, rng.choice("abcdefghjklmnprstw"), l)


_emails = {}


def unique_email(local, domain):
    e = "%s@%s" % (local, domain)
    while e in _emails:
        e = "%s%d@%s" % (local, rng.randint(2, 999), domain)
    _emails[e] = 1
    return e


# ---------------------------------------------------------------------------------------------
# networks
COUNTRIES = [  # code, tz choices, weight, residential ASNs, mobile ASN
    ("US", [-5, -5, -6, -7, -8, -8], 30, ["AS7922", "AS701", "AS7018", "AS20115", "AS22773"], "AS21928"),
    ("GB", [0], 7, ["AS2856", "AS5089", "AS5607"], "AS12576"),
    ("DE", [1], 6, ["AS3320", "AS3209", "AS8881"], "AS6805"),
    ("IN", [5.5], 9, ["AS24560", "AS9829", "AS17488"], "AS55836"),
    ("BR", [-3], 5, ["AS28573", "AS18881", "AS26615"], "AS26599"),
    ("JP", [9], 4, ["AS4713", "AS2516", "AS17676"], "AS9605"),
    ("FR", [1], 4, ["AS3215", "AS12322", "AS15557"], "AS5410"),
    ("CA", [-5, -8], 4, ["AS812", "AS577", "AS6327"], "AS36522"),
    ("AU", [10, 8], 2.5, ["AS1221", "AS4804", "AS7545"], "AS133612"),
    ("NG", [1], 2, ["AS29465", "AS36873"], "AS37148"),
    ("PH", [8], 2, ["AS9299", "AS132199"], "AS4775"),
    ("KR", [9], 2, ["AS4766", "AS3786"], "AS9644"),
    ("MX", [-6], 2, ["AS8151", "AS13999"], "AS28403"),
    ("ES", [1], 2, ["AS3352", "AS12479"], "AS12430"),
    ("PL", [1], 2, ["AS5617", "AS12741"], "AS39375"),
    ("ID", [7], 2, ["AS7713", "AS17451"], "AS23693"),
    ("NL", [1], 2, ["AS1136", "AS33915"], "AS31615"),
    ("IT", [1], 2, ["AS3269", "AS12874"], "AS30722"),
    ("TR", [3], 1.5, ["AS9121", "AS47331"], "AS16135"),
    ("VN", [7], 1.5, ["AS7552", "AS18403"], "AS45899"),
]
CBY = {c[0]: c for c in COUNTRIES}
CLOUD = ["AS16509", "AS14618", "AS15169", "AS396982", "AS8075", "AS14061", "AS24940", "AS16276", "AS63949"]
VPN_ASNS = ["AS9009", "AS60068", "AS212238"]
_prefix_used = {}


def new_slash16():
    while True:
        a = rng.randint(24, 222)
        if a in (100, 127, 169, 172, 192, 198, 10):
            continue
        b = rng.randint(0, 255)
        if (a, b) not in _prefix_used:
            _prefix_used[(a, b)] = 1
            return (a, b)


ASN_PREFIXES = {}
for c in COUNTRIES:
    for asn in c[3]:
        ASN_PREFIXES[asn] = [new_slash16() for _ in range(rng.randint(3, 6))]
    ASN_PREFIXES[c[4]] = [new_slash16() for _ in range(2)]
for asn in CLOUD + VPN_ASNS:
    ASN_PREFIXES[asn] = [new_slash16() for _ in range(rng.randint(2, 5))]


def ip_in(asn, c=None):
    a, b = rng.choice(ASN_PREFIXES[asn])
    return ("%d.%d.%d.%d" % (a, b, rng.randint(0, 255) if c is None else c, rng.randint(2, 254)), asn)


def slash24(asn):
    a, b = rng.choice(ASN_PREFIXES[asn])
    return (a, b, rng.randint(0, 255), asn)


def host_in(s24, lo=2, hi=254):
    a, b, c, asn = s24
    return ("%d.%d.%d.%d" % (a, b, c, rng.randint(lo, hi)), asn)


def res_ip(country):
    return ip_in(rng.choice(CBY[country][3]))


MOBILE_POOL = {}
for c in COUNTRIES:
    s24s = [slash24(c[4]) for _ in range(3)]
    MOBILE_POOL[c[0]] = [host_in(rng.choice(s24s)) for _ in range(50)]
VPN_POOL = []
for asn in VPN_ASNS:
    s24 = slash24(asn)
    VPN_POOL += [host_in(s24) for _ in range(14)]


def cloud_ip(asn=None):
    return ip_in(asn or wchoice([(x, w) for x, w in zip(CLOUD, [30, 8, 12, 6, 12, 10, 8, 6, 4])]))


def pick_country():
    return wchoice([(c[0], c[2]) for c in COUNTRIES])


# ---------------------------------------------------------------------------------------------
# clients
BROWSERS = []
for v in (120, 121, 122, 123, 124, 125, 126):
    BROWSERS += [("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/%d.0.0.0 Safari/537.36" % v, 6),
                 ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/%d.0.0.0 Safari/537.36" % v, 3),
                 ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                  "Chrome/%d.0.0.0 Safari/537.36" % v, 1)]
for v in (122, 123, 124, 125, 126, 127):
    BROWSERS += [("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:%d.0) Gecko/20100101 Firefox/%d.0" % (v, v), 1.5),
                 ("Mozilla/5.0 (X11; Linux x86_64; rv:%d.0) Gecko/20100101 Firefox/%d.0" % (v, v), 0.7)]
for v in ("17.3", "17.4", "17.4.1", "17.5"):
    BROWSERS += [("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                  "Version/%s Safari/605.1.15" % v, 3),
                 ("Mozilla/5.0 (iPhone; CPU iPhone OS %s like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                  "Version/%s Mobile/15E148 Safari/604.1" % (v.replace(".", "_"), v), 3),
                 ("Mozilla/5.0 (iPad; CPU OS %s like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                  "Version/%s Mobile/15E148 Safari/604.1" % (v.replace(".", "_"), v), 0.8)]
for v in (123, 124, 125):
    BROWSERS.append(("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                     "Chrome/%d.0.0.0 Safari/537.36 Edg/%d.0.0.0" % (v, v), 2))
APPS = [("AtlasApp/3.8.1 (iPhone; iOS 17.4.1; Scale/3.00)", 5), ("AtlasApp/3.8.0 (iPhone; iOS 17.3; Scale/3.00)", 2),
        ("AtlasApp/3.8.1 (Android 14; Pixel 8)", 2), ("AtlasApp/3.7.9 (Android 13; SM-S911B)", 1.5),
        ("AtlasApp/3.8.1 (Android 12; Redmi Note 11)", 1.2)]
SDKS = [("atlas-python/2.3.1", 14), ("atlas-python/2.2.0", 5), ("atlas-node/1.8.0", 7), ("atlas-node/1.7.3", 2),
        ("openai-python/1.35.7", 8), ("OpenAI/Python 1.40.2", 6), ("openai-node/4.52.0", 4),
        ("python-requests/2.31.0", 12), ("python-requests/2.32.3", 7), ("python-httpx/0.27.0", 4),
        ("axios/1.6.8", 4), ("Go-http-client/2.0", 3), ("Go-http-client/1.1", 2), ("curl/8.4.0", 3),
        ("curl/7.81.0", 2), ("PostmanRuntime/7.39.0", 2), ("okhttp/4.12.0", 2),
        ("Python/3.10 aiohttp/3.8.5", 1), ("Python/3.12 aiohttp/3.9.5", 1), ("Python/3.11 aiohttp/3.9.1", 0.4),
        ("langchain-atlas/0.1.9 atlas-python/2.3.1", 2), ("node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", 1),
        ("Java-http-client/17.0.10", 1), ("RestSharp/110.2.0.0", 0.7), ("Ruby", 0.5)]
RING3_UA = "Dalvik/2.1.0 (Linux; U; Android 11; SM-A205U Build/RP1A.200720.012)"
DALVIK_OTHER = ["Dalvik/2.1.0 (Linux; U; Android 13; SM-S911B Build/TP1A.220624.014)",
                "Dalvik/2.1.0 (Linux; U; Android 12; moto g(30) Build/S0RCS32.41-10-19-11)"]
RING2_UA = "Python/3.11 aiohttp/3.9.1"

MODELS_BG = [("atlas-2-mini", 45), ("atlas-2", 38), ("atlas-2-pro", 11), ("atlas-2-think", 6)]

# ---------------------------------------------------------------------------------------------
# text
CITIES = ["Lisbon", "Osaka", "Nairobi", "Montreal", "Krakow", "Valparaiso", "Tbilisi", "Hobart", "Reykjavik",
          "Seville", "Hanoi", "Bergen", "Cusco", "Ljubljana", "Da Nang", "Porto", "Tallinn", "Oaxaca"]
SUBST = [("water", "hydrogen", "oxygen", 18, 2), ("carbon dioxide", "methane", "oxygen", 44, 16),
         ("sodium chloride", "sodium", "chlorine", 58.5, 23), ("magnesium oxide", "magnesium", "oxygen", 40.3, 24.3),
         ("iron(III) oxide", "iron", "oxygen", 159.7, 55.8), ("ammonia", "nitrogen", "hydrogen", 17, 14)]


def _poly():
    a, b, c = rng.randint(1, 9), rng.randint(-9, 9), rng.randint(-9, 9)
    return "%dx^2 %s %dx %s %d" % (a, "+" if b >= 0 else "-", abs(b), "+" if c >= 0 else "-", abs(c))


def _sgn(v):
    return ("+ %d" % v) if v >= 0 else ("- %d" % -v)


PROBLEMS = [
    ("math", lambda: "Find all real solutions of x^2 %sx %s = 0." % (_sgn(rng.randint(-20, 20)), _sgn(rng.randint(-60, 60)))),
    ("math", lambda: "How many positive divisors does %d have?" % rng.randint(120, 99999)),
    ("math", lambda: "What is the remainder when %d^%d is divided by %d?" % (rng.randint(2, 97), rng.randint(20, 2025), rng.randint(7, 101))),
    ("math", lambda: "Two trains start %d km apart and travel toward each other at %d km/h and %d km/h. After how many minutes do they meet?" % (rng.randint(40, 900), rng.randint(30, 140), rng.randint(30, 140))),
    ("math", lambda: "A bag holds %d red and %d blue marbles. Two are drawn without replacement. What is the probability that both are %s?" % (rng.randint(2, 15), rng.randint(2, 15), rng.choice(["red", "blue"]))),
    ("math", lambda: "A triangle has sides %d, %d and %d. Find its area and the radius of its inscribed circle." % tuple(sorted([rng.randint(5, 30), rng.randint(5, 30), rng.randint(12, 35)]))),
    ("math", lambda: "Let a_1 = %d and a_(n+1) = %d*a_n %s. Find a closed form for a_n and compute a_%d." % (rng.randint(1, 9), rng.randint(2, 5), _sgn(rng.randint(-7, 7)), rng.randint(8, 30))),
    ("math", lambda: "Evaluate the integral of %s from %d to %d." % (_poly(), rng.randint(-3, 1), rng.randint(2, 6))),
    ("math", lambda: "Let f(x) = x^3 %sx^2 %sx %s. Find the local extrema of f and classify them." % (_sgn(rng.randint(-9, 9)), _sgn(rng.randint(-30, 30)), _sgn(rng.randint(-20, 20)))),
    ("math", lambda: "In how many ways can %d people sit around a round table if %d particular people refuse to sit next to each other?" % (rng.randint(6, 12), rng.choice([2, 2, 3]))),
    ("math", lambda: "Prove that n^%d - n is divisible by %d for every positive integer n." % rng.choice([(3, 6), (5, 30), (7, 42), (2, 2), (3, 3)])),
    ("science", lambda: "A ball is thrown at %d m/s at %d degrees above the horizontal from a height of %d m. How far does it travel horizontally before it lands?" % (rng.randint(8, 40), rng.choice([15, 20, 30, 37, 45, 53, 60]), rng.randint(0, 30))),
    ("science", lambda: "Resistors of %d ohm and %d ohm are in parallel, and that pair is in series with %d ohm across a %d V battery. Find the current through the %d ohm resistor." % ((lambda r1: (r1, rng.randint(2, 60), rng.randint(1, 40), rng.choice([6, 9, 12, 24]), r1))(rng.randint(2, 60)))),
    ("science", lambda: (lambda s, m: "How many grams of %s form when %d g of %s react completely with excess %s?" % (s[0], m, s[1], s[2]))(rng.choice(SUBST), rng.randint(2, 250))),
    ("reasoning", lambda: "Among %d islanders each either always lies or always tells the truth. %s Determine who is a knight and who is a knave." % (rng.randint(3, 6), rng.choice(["A says 'B is a knave.' B says 'A and C are the same type.' C says nothing.", "A says 'at least two of us are knaves.' B says 'A is a knight.'", "Each says 'the person on my left is a knave.'"]))),
    ("math", lambda: "One pipe fills a tank in %d hours and another empties it in %d hours. If both are opened when the tank is %s full, how long until it is full?" % (rng.randint(2, 9), rng.randint(10, 20), rng.choice(["one third", "half", "a quarter", "empty and"]))),
    ("math", lambda: "An investment of $%d earns %s%% interest compounded %s. How many years until it doubles? Compare with the rule of 72." % (rng.randint(5, 500) * 100, rng.choice(["3.5", "4", "5.25", "6", "7.2", "8"]), rng.choice(["monthly", "quarterly", "annually", "continuously"]))),
    ("math", lambda: "Solve the system %dx + %dy = %d and %dx - %dy = %d." % tuple(rng.randint(1, 30) for _ in range(6))),
    ("math", lambda: "For positive reals a, b, c with a + b + c = %d, find the minimum of %s." % (rng.randint(1, 9), rng.choice(["1/a + 1/b + 1/c", "a^2 + b^2 + c^2", "(a+1)(b+1)(c+1) / abc", "a/(b+c) + b/(c+a) + c/(a+b)"]))),
    ("coding", lambda: "Given an array of %d integers, give an O(n log n) algorithm that counts pairs whose sum is divisible by %d, and prove it correct." % (rng.randint(10, 10 ** 6), rng.randint(2, 97))),
    ("math", lambda: "The mean of %d numbers is %d. When one number is removed the mean becomes %d. What number was removed?" % (rng.randint(5, 40), rng.randint(10, 90), rng.randint(10, 90))),
    ("math", lambda: "Find all functions f from the reals to the reals such that f(x + y) = f(x) + f(y) + %dxy for all real x and y." % rng.randint(1, 9)),
    ("math", lambda: "A chord of length %d cm lies %d cm from the centre of a circle. Find the radius and the area of the smaller segment." % (rng.randint(4, 40), rng.randint(1, 15))),
    ("math", lambda: "How many %d-digit positive integers have digits that sum to %d?" % (rng.randint(3, 6), rng.randint(5, 30))),
    ("math", lambda: "Find the eigenvalues and eigenvectors of the matrix [[%d, %d], [%d, %d]]." % tuple(rng.randint(-6, 9) for _ in range(4))),
    ("math", lambda: "Compute the limit as x tends to 0 of (sin(%dx) - %dx) / x^3." % ((lambda a: (a, a))(rng.randint(1, 9)))),
    ("math", lambda: "How many lattice paths go from (0,0) to (%d,%d) using unit steps right and up without passing through (%d,%d)?" % (rng.randint(4, 10), rng.randint(4, 10), rng.randint(1, 3), rng.randint(1, 3))),
    ("math", lambda: "At what times between %d and %d o'clock are the hands of a clock at right angles?" % ((lambda h: (h, h + 1))(rng.randint(1, 10)))),
    ("science", lambda: "A %d kg block slides down a %d degree incline with coefficient of kinetic friction %s. Find its acceleration and its speed after %d m." % (rng.randint(1, 20), rng.choice([20, 25, 30, 35, 40]), rng.choice(["0.1", "0.15", "0.2", "0.25", "0.3"]), rng.randint(2, 15))),
    ("science", lambda: "A sample of a radioactive isotope decays from %d mg to %d mg in %d days. Find its half-life and the mass left after %d days." % ((lambda a: (a, rng.randint(a // 4, a - 1), rng.randint(2, 40), rng.randint(40, 200)))(rng.randint(50, 900)))),
    ("math", lambda: "Find the smallest positive integer n such that n leaves remainders %d, %d and %d when divided by %d, %d and %d." % (rng.randint(1, 2), rng.randint(1, 4), rng.randint(1, 6), 3, 5, 7)),
    ("coding", lambda: "Prove that the greedy algorithm for %s is optimal, or give a counterexample, and state its running time." % rng.choice(["interval scheduling by earliest finish", "coin change with denominations 1, %d, %d" % (rng.randint(3, 6), rng.randint(7, 25)), "fractional knapsack", "Huffman coding"])),
]


def short_problem():
    cat, f = rng.choice(PROBLEMS)
    return cat, f()


CONTEXT = [
    "In a queueing study, customers arrive as a Poisson process and are served by a single clerk with exponential service times.",
    "A manufacturer models demand for its product with a linear function of price and a fixed monthly cost.",
    "This problem comes from a unit on vector calculus and assumes familiarity with the divergence theorem.",
    "Consider a population of bacteria in a chemostat where nutrient inflow and washout are balanced.",
    "The following is adapted from a graduate qualifying exam in real analysis.",
    "We study a two-player game on a finite graph in which players alternately move a token along edges.",
    "A thin rod of length L is heated at one end while the other end is held at a fixed temperature.",
    "Our notation follows the usual conventions: N is the set of positive integers and [n] = {1, ..., n}.",
    "A hash table with open addressing and linear probing stores n keys in m slots.",
    "In an electrochemical cell, the standard reduction potentials of the two half-reactions are given below.",
    "An urn process adds one ball of the drawn colour after each draw; the initial urn is described below.",
    "Suppose a portfolio holds two assets whose returns are jointly normal with the covariance given below.",
    "A spring-mass system with damping is driven by a periodic external force.",
    "The following combinatorics problem concerns colourings of the vertices of a regular polygon.",
]
INSTR_AFTER = [
    "Write the complete solution. Before the final answer, reason through every step in detail and check each intermediate result.",
    "Give a full solution with all reasoning written out, justify every step, and verify the result at the end.",
    "Work through the entire derivation carefully, explaining each step, then state the answer clearly.",
]


def long_problem_prefix(k):
    """The stored beginning of a long worked-problem prompt (instructions usually come after)."""
    cat, p = short_problem()
    style = rng.randrange(4)
    if style == 0:
        txt = "Background. %s %s\n\nProblem. %s Part (a) asks for the general case; part (b) for the special case where all parameters are equal." % (rng.choice(CONTEXT), rng.choice(CONTEXT), p)
    elif style == 1:
        txt = "%s\n\nSupporting material:\n1. %s\n2. %s\n3. Table of values omitted here is attached below." % (p, rng.choice(CONTEXT), rng.choice(CONTEXT))
    elif style == 2:
        txt = "You are given a problem with supporting notes. %s\n\nNotes: %s\n\nProblem: %s" % (rng.choice(INSTR_AFTER), rng.choice(CONTEXT), p)
    else:
        txt = "Exercise set %d, item %d.\n%s\n%s Assume the standard results of the preceding section." % (k // 40 % 300 + 1, k % 40 + 1, rng.choice(CONTEXT), p)
    return cat, txt


def truncate(text, n=420):
    return text if len(text) <= n else text[:n].rstrip() + " \u2026"


FILL = {
    "tone": ["polite", "firm but friendly", "short", "formal", "apologetic", "cheerful"],
    "rel": ["landlord", "manager", "team", "neighbour", "professor", "client", "sister"],
    "topic": ["the broken heater", "taking Friday off", "the late invoice", "a noise complaint", "my thesis draft",
              "rescheduling our meeting", "a refund", "the group project"],
    "adj": ["professional", "concise", "warm", "confident", "less stiff", "persuasive"],
    "thing": ["the sea at night", "my grandmother's kitchen", "autumn in the city", "a lost umbrella", "coffee"],
    "job": ["junior data analyst", "nurse", "barista", "project manager", "warehouse supervisor", "teacher"],
    "pet": ["grey kitten", "rescue greyhound", "tortoise", "pair of budgies"],
    "food": ["chickpeas", "leftover rice", "spinach", "eggs", "feta", "lentils", "sweet potato"],
    "city": CITIES,
    "lang": ["Spanish", "French", "German", "Japanese", "Portuguese", "Korean", "Italian", "Polish"],
    "sentence": ["I will send the documents by Monday.", "Thank you for your patience while we fix this.",
                 "The meeting has been moved to next week.", "Could you tell me where the station is?",
                 "We are delighted to welcome you to the team.", "Please find the report attached."],
    "concept": ["inflation", "photosynthesis", "blockchains", "black holes", "compound interest", "vaccines",
                "the electoral college", "machine learning", "entropy", "plate tectonics"],
    "event": ["the French Revolution", "the 2008 financial crisis", "World War I", "the fall of Rome"],
    "symptom": ["dizzy", "sore", "tired", "short of breath", "nauseous"],
    "activity": ["running", "a flu shot", "donating blood", "a long flight", "lifting weights"],
    "code_lang": ["Python", "JavaScript", "TypeScript", "Go", "Rust", "Java", "C#", "SQL", "Kotlin", "Swift"],
    "err": ["TypeError: 'NoneType' object is not subscriptable", "undefined is not a function",
            "index out of range", "cannot borrow as mutable", "NullPointerException", "ECONNRESET",
            "deadlock detected", "segmentation fault"],
    "task": ["deduplicates a list while keeping order", "parses ISO dates from a log line",
             "retries an HTTP call with exponential backoff", "merges two sorted arrays",
             "validates an email address", "groups records by week", "computes a moving average"],
    "biz": ["bakery", "bike repair shop", "dental clinic", "small SaaS startup", "dog-walking service",
            "language school"],
    "doc": ["privacy policy", "one-page business plan", "refund policy", "newsletter", "pitch email"],
}


def fill(tpl):
    out = tpl
    while "{" in out:
        i = out.index("{")
        j = out.index("}", i)
        key = out[i + 1:j]
        out = out[:i] + str(rng.choice(FILL[key])) + out[j + 1:]
    return out


CASUAL_TPL = {
    "writing": ["Write a {tone} email to my {rel} about {topic}.", "Can you make this sound more {adj}: \"{sentence}\"",
                "Write a short poem about {thing}", "Help me write a cover letter for a {job} position",
                "give me 5 ideas for a speech about {thing}", "proofread this: {sentence}"],
    "chit-chat": ["what's a good name for a {pet}?", "what can I cook with {food} and {food}?",
                  "plan a 3 day trip to {city}", "tell me a fun fact about {city}", "is it worth visiting {city} in winter"],
    "health": ["is it normal to feel {symptom} after {activity}?", "how long should I rest after {activity}",
               "what helps with feeling {symptom}"],
    "education": ["explain {concept} like I'm 12", "what's the difference between {concept} and {concept}",
                  "summarize the causes of {event}", "give me a study plan to learn about {concept}"],
    "translation": ["Translate to {lang}: {sentence}", "how do you say \"{sentence}\" in {lang}"],
    "business": ["Draft a {doc} for a {biz}", "What KPIs should a {biz} track?", "Write a job ad for a {job} at a {biz}"],
    "coding": ["why does my {code_lang} code say {err}?", "write a {code_lang} function that {task}",
               "how do I fix {err} in {code_lang}"],
    "legal": ["can my {rel} cancel a contract without notice?", "what does indemnity mean in a lease",
              "draft a {doc} for a {biz}"],
}
MATH_PREFIX = ["", "", "help: ", "how do I do this? ", "solve step by step: ", "can you explain step by step? ",
               "check my answer (I got 12): ", "explain the steps please: "]
OUT_MED = {"writing": 380, "chit-chat": 240, "health": 340, "education": 470, "translation": 60,
           "business": 500, "coding": 540, "legal": 420, "math": 560, "science": 520, "reasoning": 500,
           "data": 380, "summarization": 220, "classification": 40, "extraction": 120}


def casual_prompt(cat):
    if cat in ("math", "science", "reasoning"):
        c, p = short_problem()
        return rng.choice(MATH_PREFIX) + p
    return fill(rng.choice(CASUAL_TPL[cat]))


CODE_SNIPS = ["def load(path):\n    with open(path) as f:\n        return [l.split(',') for l in f]",
              "for (let i = 0; i <= arr.length; i++) { total += arr[i].value }",
              "SELECT user_id, COUNT(*) FROM orders GROUP BY 1 HAVING COUNT(*) > 3",
              "func handle(w http.ResponseWriter, r *http.Request) {\n  body, _ := io.ReadAll(r.Body)\n  json.Unmarshal(body, &req)\n}",
              "let v: Vec<_> = items.iter().map(|x| x.id).collect();\nv.sort();",
              "public List<User> find(String q) { return repo.findAll().stream().filter(u -> u.name.contains(q)).toList(); }"]
DEV_TPL = ["Refactor this {code_lang} code and explain the changes:\n```\n%s\n```",
           "Why is this slow?\n```\n%s\n```", "Write unit tests for:\n```\n%s\n```",
           "write a {code_lang} function that {task}", "how do I fix {err} in {code_lang}",
           "Explain this error: {err}", "Convert this to {code_lang}:\n%s",
           "Write a SQL query that finds customers who ordered in 3 consecutive months",
           "Summarize the following meeting notes into action items:\nNotes: %s"]


def dev_prompt():
    t = fill(rng.choice(DEV_TPL))
    if "%s" in t:
        t = t % rng.choice(CODE_SNIPS)
    return t


# ---------------------------------------------------------------------------------------------
# output rows
ROWS = []


def emit(a, t, ip, asn, ua, model, cat, tin, tout, prompt, key=None, cap=None):
    """One query row; drops rows outside the account's life or the period."""
    if t < a["created"] + 30 or t < T0 or t >= T1 or t >= a.get("end", T1):
        return False
    fin = "stop"
    if cap is not None and tout >= cap:
        tout, fin = cap, "length"
    ms = int(t * 1000)
    row = {"ts": datetime.datetime.fromtimestamp(ms // 1000, tz=UTC).strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (ms % 1000),
           "account_id": a["id"], "api_key": key or a["key"], "ip": ip, "asn": asn, "user_agent": ua,
           "model": model, "category": cat, "input_tokens": int(tin), "output_tokens": int(tout),
           "finish_reason": fin, "prompt": prompt}
    ROWS.append((ms, len(ROWS), json.dumps(row, ensure_ascii=False, separators=(",", ":"))))
    return True


ACCOUNTS = []
PAYMENTS = []


def make_account(created, email, country, plan="payg", org="", pay=None, pay_kind="card", bin_country=None,
                 signup_ip="", tz=0, status="active", org_verified="", key_prefix=None):
    a = {"id": new_id("acct_", 12), "created": created, "email": email, "country": country, "plan": plan,
         "org": org, "pay": pay or "", "signup_ip": signup_ip, "tz": tz, "status": status,
         "org_verified": org_verified}
    a["key"] = api_key(key_prefix or new_key_prefix())
    if pay:
        PAYMENTS.append((a["id"], pay, pay_kind, bin_country or country, iso(created + rng.randint(60, 3 * DAY))))
    ACCOUNTS.append(a)
    return a


def out_len(cat, mult=1.0, tin=100):
    if cat == "translation":
        return clip(tin * lognorm(1.1, 0.2), 5, 4000)
    x = lognorm(OUT_MED.get(cat, 320) * mult, 0.7)
    if rng.random() < 0.035:
        x *= rng.uniform(2.0, 6.0)
    return clip(x, 4, 8192)


def toks(text, extra=0):
    return max(3, int(len(text) / 3.8) + extra)


# ---------------------------------------------------------------------------------------------
# background
def person(country=None, created=None):
    country = country or pick_country()
    tz = rng.choice(CBY[country][1])
    if created is None:
        created = T0 - int(rng.random() ** 1.6 * 1100 * DAY) if rng.random() < 0.86 else T0 + rng.randint(0, DAYS * DAY - DAY)
    home = res_ip(country)
    return country, tz, created, home


def bg_ip(p):
    x = rng.random()
    if p["vpn"] and x < 0.45:
        return rng.choice(VPN_POOL)
    if x < p["mobile"]:
        return rng.choice(MOBILE_POOL[p["country"]])
    if p.get("office") and rng.random() < p.get("office_share", 0):
        return host_in(p["office"], *p.get("office_hosts", (2, 254)))
    return p["home"]


def personal_status(created):
    x = rng.random()
    if x < 0.012:
        return "suspended", rng.randint(T0, T1)
    if x < 0.016:
        return "closed", rng.randint(T0, T1)
    return "active", T1


def new_person_account(kind, country=None, created=None, email=None, org="", plan=None, pay=None,
                       pay_kind="card", key_prefix=None, org_verified=""):
    country, tz, created, home = person(country, created)
    status, end = personal_status(created)
    if plan is None:
        plan = "free" if rng.random() < 0.35 else "payg"
    if pay is None and plan != "free":
        pay = new_fp()
    email = email or unique_email(person_local(), wchoice(FREEMAIL))
    a = make_account(created, email, country, plan, org, pay, pay_kind, None, home[0], tz, status, org_verified,
                     key_prefix)
    a.update({"kind": kind, "home": home, "vpn": rng.random() < 0.06, "mobile": rng.uniform(0.0, 0.35),
              "end": end, "peak": rng.gauss(20 if kind == "casual" else 14, 3), "mult": lognorm(1.0, 0.3)})
    if kind == "casual":
        mix = rng.sample(["writing", "chit-chat", "health", "education", "translation", "business", "coding",
                          "legal", "math", "science"], 3)
        a["cats"] = mix
        a["ua"] = wchoice(BROWSERS) if rng.random() < 0.7 else wchoice(APPS)
        if rng.random() < 0.01:
            a["ua"] = rng.choice([RING3_UA] + DALVIK_OTHER)
        a["model"] = wchoice(MODELS_BG)
    else:
        a["ua"] = wchoice(SDKS)
        a["ua2"] = wchoice(BROWSERS)
        a["model"] = wchoice(MODELS_BG)
    return a


def chat_session(a, t, n, cats, gap=(20, 400), ip=None, ua=None, key=None, conv_p=0.55):
    ip, asn = ip or bg_ip(a)
    conv = 0
    for _ in range(n):
        cat = rng.choice(cats)
        if cat == "dev":
            cat = wchoice([("coding", 6), ("data", 1.5), ("summarization", 1), ("writing", 0.5)])
            pr = dev_prompt()
            tin = toks(pr, rng.choice([0, 0, 120, 400, 1500]))
            if "Summarize" in pr:
                tin += int(lognorm(1500, 0.6))
        else:
            pr = casual_prompt(cat)
            tin = toks(pr, rng.choice([0, 0, 0, 40]))
        if conv and rng.random() < conv_p:
            tin += min(conv, 24000)
        model = a["model"] if rng.random() < 0.85 else wchoice(MODELS_BG)
        tout = out_len(cat, a["mult"] * (2.2 if model == "atlas-2-think" else 1.0), tin)
        emit(a, t, ip, asn, ua or a["ua"], model, cat, tin, tout, truncate(pr), key, 8192)
        conv = tin + tout
        t += tout / rng.uniform(40, 90) + rng.uniform(*gap)
    return t


def gen_casual(a):
    act = min(0.6, rng.random() ** 2.2 * 0.55 + 0.01)
    for d in range(DAYS):
        if rng.random() >= act * (0.85 if wday(d) >= 5 else 1.0):
            continue
        for _ in range(1 if rng.random() < 0.8 else 2):
            h = rng.gauss(a["peak"], 2.5) % 24
            chat_session(a, at_local(d, h, a["tz"]), geom(2.6), a["cats"])


def gen_dev(a, office_hours=True, act=None):
    act = act if act is not None else rng.uniform(0.04, 0.42)
    cats = ["dev", "dev", "dev", "writing", "math"] if rng.random() < 0.3 else ["dev"]
    for d in range(DAYS):
        we = wday(d) >= 5
        if rng.random() >= act * (0.2 if we and office_hours else 1.0):
            continue
        for _ in range(rng.choice([1, 1, 1, 2])):
            h = rng.gauss(a["peak"], 2.8) % 24
            t = at_local(d, h, a["tz"])
            if rng.random() < 0.25:
                chat_session(a, t, geom(4), cats, (30, 400), ua=a["ua2"])
            else:
                chat_session(a, t, geom(5), cats, (2, 90), conv_p=0.2)
        if rng.random() < 0.006:  # a one-off batch job over a templated set
            t = at_local(d, rng.uniform(9, 22), a["tz"])
            ip = bg_ip(a)
            verb = rng.choice(["Extract the product name, price and currency as JSON from: ",
                               "Classify the sentiment (positive/negative/neutral) of this review: ",
                               "Rewrite this product description in plain English: "])
            for _ in range(rng.randint(50, 250)):
                pr = verb + fill("{sentence} {sentence}")
                tin = toks(pr, 60)
                emit(a, t, ip[0], ip[1], a["ua"], "atlas-2-mini", "extraction", tin, clip(lognorm(60, 0.4), 3, 400), truncate(pr))
                t += rng.uniform(0.3, 4)


def gen_student(a, campus):
    act = rng.uniform(0.08, 0.5)
    for d in range(DAYS):
        if rng.random() >= act:
            continue
        h = rng.gauss(a["peak"], 3.5) % 24
        on_campus = 8.5 <= h <= 18.5 and wday(d) < 5 and rng.random() < 0.75
        ip = host_in(campus["nat"], 10, 17) if on_campus else None
        chat_session(a, at_local(d, h, a["tz"]), geom(3.5), a["cats"], (30, 500), ip=ip)


CRON_TASKS = [
    ("summarization", "Summarize this support ticket in three bullet points for the on-call engineer:\n", 700, 140),
    ("classification", "Classify the following customer message into one of [billing, bug, feature, other]. Reply with the label only.\n", 180, 3),
    ("extraction", "Extract invoice number, date, total and vendor as JSON from the OCR text below.\n", 900, 90),
    ("summarization", "Write a two-sentence digest of these overnight alerts:\n", 1200, 70),
    ("writing", "Generate a short, friendly product tip for today's newsletter about: ", 60, 160),
    ("data", "Given the following CSV rows of yesterday's sales, describe the notable changes:\n", 2400, 260),
    ("translation", "Translate the following app strings to German, keep placeholders intact:\n", 300, 320),
    ("summarization", "Summarize the following news article in 80 words:\n", 1500, 110),
]


def gen_cron(a):
    cat, pre, tin_med, tout_med = rng.choice(CRON_TASKS)
    interval = wchoice([(900, 0.1), (1800, 0.3), (3600, 1), (7200, 2), (14400, 2.5), (21600, 2), (43200, 2), (86400, 2.5)])
    batch = rng.choice([1, 1, 1, 1, 1, 2, 3])
    biz_only = rng.random() < 0.25
    ip = cloud_ip()
    jitter = rng.choice([0.5, 2, 10, 60])
    t = T0 + rng.uniform(0, interval)
    model = rng.choice(["atlas-2-mini", "atlas-2-mini", "atlas-2"])
    tin_m = lognorm(tin_med, 0.3)
    while t < T1:
        lt = t + a["tz"] * 3600
        if not biz_only or (((lt // DAY) + 3) % 7 < 5 and 8 <= (lt % DAY) / 3600 < 19):
            tt = t + rng.uniform(0, jitter)
            for _ in range(batch):
                pr = pre + fill("{sentence} {sentence}")
                emit(a, tt, ip[0], ip[1], a["ua"], model, cat, clip(tin_m * lognorm(1, 0.25), 10, 16000),
                     clip(lognorm(tout_med, 0.3), 1, 2000), truncate(pr))
                tt += rng.uniform(0.5, 6)
        t += interval


def gen_backend(a):
    """A small app reselling the API to its own users: heavy, diurnal, varied."""
    per_hour = rng.uniform(1.5, 5)
    ips = [cloud_ip() for _ in range(rng.randint(1, 3))]
    cats = rng.sample(["writing", "chit-chat", "education", "translation", "business", "coding", "math", "health"], 4)
    t = T0
    while t < T1:
        lh = ((t + a["tz"] * 3600) % DAY) / 3600
        rate = per_hour * (0.25 + 1.5 * math.exp(-((lh - 15) ** 2) / 18))
        t += rng.expovariate(rate / 3600)
        cat = rng.choice(cats)
        pr = casual_prompt(cat)
        tin = toks(pr, 350)
        ip = rng.choice(ips)
        emit(a, t, ip[0], ip[1], a["ua"], a["model"], cat, tin, out_len(cat, 0.8, tin), truncate(pr), cap=2048)


def build_background(n):
    kinds = []
    # campuses
    campuses = []
    for name in ["northvale.edu", "ostrava-tech.cz", "uni-kessler.de"][:max(1, int(3 * SCALE + 0.5))]:
        country = {"northvale.edu": "US", "ostrava-tech.cz": "PL", "uni-kessler.de": "DE"}[name]
        campuses.append({"domain": name, "country": country,
                         "nat": slash24(CBY[country][3][0]), "term": T0 - rng.randint(20, 120) * DAY})
    n_students = int(n * 0.08)
    for i in range(n_students):
        c = campuses[i % len(campuses)]
        created = c["term"] + int(abs(rng.gauss(0, 2.5)) * DAY) if rng.random() < 0.6 else None
        email = unique_email(person_local(), c["domain"]) if rng.random() < 0.7 else None
        a = new_person_account("student", c["country"], created, email, plan="free" if rng.random() < 0.6 else "payg")
        a["cats"] = rng.sample(["math", "math", "science", "writing", "coding", "education", "reasoning"], 3)
        a["ua"] = wchoice(BROWSERS)
        a["peak"] = rng.gauss(17, 3)
        kinds.append((gen_student, a, c))
    # teams (some in a shared coworking /24)
    cowork = [slash24(CBY[c][3][0]) + () for c in ["US", "GB", "IN", "DE"]]
    left = n - n_students
    n_team_members = int(n * 0.12)
    made = 0
    while made < n_team_members:
        size = rng.randint(2, 10)
        country = pick_country()
        dom = "%s%s.%s" % (rng.choice(WORDS), rng.choice(["labs", "works", "soft", "data", "hq", "studio", "ly"]),
                           rng.choice(["com", "io", "co", "dev", "net"]))
        org = new_id("org_", 8)
        office = rng.choice(cowork) if rng.random() < 0.2 else slash24(rng.choice(CBY[country][3]))
        shared_pay = new_fp() if rng.random() < 0.55 else None
        base = T0 - int(rng.random() * 700 * DAY) if rng.random() < 0.9 else T0 + rng.randint(0, DAYS * DAY // 2)
        kp = new_key_prefix() if rng.random() < 0.3 else None
        verified = rng.choice(["verified", "verified", ""])
        for j in range(size):
            created = base + (rng.randint(0, 3600) if j < size // 2 or rng.random() < 0.4 else rng.randint(1, 200) * DAY)
            if created > T1 - DAY:
                created = base + rng.randint(0, 3600)
            a = new_person_account("team", country, created, unique_email(person_local(), dom), org,
                                   "team", shared_pay, "invoice" if shared_pay else "card", kp, verified)
            a["office"], a["office_share"] = office, 0.8
            a["office_hosts"] = (office[2] % 50 + 2, office[2] % 50 + 5) if rng.random() < 0.7 else (2, 254)
            a["peak"] = rng.gauss(13, 2)
            kinds.append((gen_dev, a, True))
            made += 1
    # cron jobs and app backends
    for _ in range(int(n * 0.028)):
        a = new_person_account("cron", plan="payg")
        kinds.append((gen_cron, a, None))
    for _ in range(max(2, int(n * 0.0016))):
        a = new_person_account("backend", plan="payg")
        kinds.append((gen_backend, a, None))
    remaining = n - len(kinds)
    for _ in range(max(0, remaining)):
        if rng.random() < 0.22:
            a = new_person_account("dev")
            kinds.append((gen_dev, a, rng.random() < 0.7))
        else:
            a = new_person_account("casual")
            kinds.append((gen_casual, a, None))
    return kinds


# ---------------------------------------------------------------------------------------------
# decoys
def decoy_tallyrock(n):
    org, dom = "org_tallyrock", "tallyrock-data.com"
    inv = new_fp()
    office = slash24("AS9299")
    ua = "tallyrock-labeler/3.2 python-httpx/0.27.0"
    projects = [  # code, labels, category, first day, last day, key prefix
        ("CONTRACTS-Q", "[indemnity, termination, confidentiality, payment, liability-cap, other]", "legal", 0, int(DAYS * 0.55)),
        ("CLINNOTE-7", "[medication-change, follow-up, referral, no-action]", "health", int(DAYS * 0.3), int(DAYS * 0.85)),
        ("SUPPORT-ESC", "[refund, outage, security, account-access, billing-dispute]", "classification", int(DAYS * 0.6), DAYS),
    ]
    pkeys = {p[0]: new_key_prefix() for p in projects}
    accts = []
    for i in range(n):
        created = T0 - rng.randint(180, 760) * DAY + rng.randint(0, DAY)
        a = make_account(created, unique_email(person_local(), dom), "PH", "enterprise", org, inv, "invoice", "US",
                         host_in(office, 10, 20)[0], 8, org_verified="verified")
        a["projects"] = rng.sample(projects, 2)
        a["wfh"] = res_ip("PH") if rng.random() < 0.25 else None
        accts.append(a)
    for a in accts:
        for d in range(DAYS):
            if wday(d) >= 5 or rng.random() < 0.3:
                continue
            live = [p for p in a["projects"] if p[3] <= d < p[4]]
            if not live:
                continue
            t = at_local(d, rng.uniform(8.0, 9.0), 8)
            end = at_local(d, rng.uniform(17.0, 17.8), 8)
            ip = a["wfh"] if a["wfh"] and rng.random() < 0.4 else host_in(office, 10, 20)
            while t < end:
                lh = ((t + 8 * 3600) % DAY) / 3600
                if 12.0 <= lh < 13.0:
                    t = at_local(d, 13.0 + rng.uniform(0, 0.2), 8)
                    continue
                p = rng.choice(live)
                doc = new_id("", 6, "0123456789")
                pr = ("[Project %s] Annotation guideline v%d. Read the document below and assign exactly one label "
                      "from %s. Then write a step-by-step rationale that quotes the clause or sentence supporting "
                      "each step, and state your confidence.\n\nDOCUMENT %s:\n%s" % (p[0], 4 + rng.randint(0, 1), p[1], doc, fill("{sentence} {sentence}")))
                tin = clip(lognorm(4200, 0.35), 1200, 14000)
                tout = clip(lognorm(1150, 0.3), 300, 4096)
                emit(a, t, ip[0], ip[1], ua, "atlas-2-pro", p[2], tin, tout, truncate(pr), api_key(pkeys[p[0]]))
                t += rng.uniform(400, 1500) + tout / 60
    return accts


OPENERS = ["hi! ", "", "", "ok so ", "hello, ", "quick one: ", "sorry another one - "]
ATTEMPTS = ["I tried working mod 3 but got stuck.", "I think the answer is 7 but can't prove it.",
            "I drew the diagram but don't see which triangles are similar.", "my induction step doesn't work.",
            "I got two different answers doing it two ways.", "", ""]
ASKS = ["Could you give a full worked solution, justifying every step?",
        "please write out the complete solution step by step so I can compare with mine",
        "Can you show the full solution with all the reasoning?", "can you explain the whole solution carefully?"]
FOLLOWUPS = ["wait, why does step 3 hold?", "ok but what happens if n is even?", "thanks!! is there a shorter way?",
             "I don't get the part with the inequality, can you explain it again more slowly",
             "can you show a different approach, maybe with generating functions?",
             "why can we assume WLOG that a <= b?", "where did the factor of 2 come from", "makes sense now, thank you"]


def decoy_harrowgate(n):
    org, dom = "org_harrowgate_mc", "harrowgate-school.org.uk"
    inv = new_fp()
    school = slash24("AS2856")
    half_term = rng.randint(10, max(11, DAYS - 12))
    accts = []
    for i in range(n):
        created = T0 - rng.randint(200, 950) * DAY + rng.randint(0, DAY)
        on_club_plan = rng.random() < 0.5
        email = unique_email(person_local(), dom) if rng.random() < 0.6 else unique_email(person_local(), "gmail.com")
        a = make_account(created, email, "GB", "edu" if on_club_plan else "payg", org if on_club_plan else "",
                         inv if on_club_plan else new_fp(), "invoice" if on_club_plan else "card", "GB",
                         res_ip("GB")[0], 0, org_verified="verified" if on_club_plan else "")
        a["home"] = ip_in(rng.choice(CBY["GB"][3]))
        a["ua"] = wchoice(BROWSERS)
        a["nights"] = rng.sample(range(7), rng.randint(2, 4))
        accts.append(a)

    def solve(a, t, ip, ua):
        _, p = short_problem()
        op = rng.choice(OPENERS)
        pr = "%s%s %s %s" % (op, p[0].lower() + p[1:] if op else p, rng.choice(ATTEMPTS), rng.choice(ASKS))
        tin = toks(pr, 30)
        tout = clip(lognorm(1900, 0.35), 500, 8192)
        emit(a, t, ip[0], ip[1], ua, rng.choice(["atlas-2-think", "atlas-2-pro"]), "math", tin, tout, truncate(pr), cap=8192)
        conv = tin + tout
        t += tout / 60 + rng.uniform(120, 900)
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
            f = rng.choice(FOLLOWUPS)
            ti = conv + toks(f)
            to = clip(lognorm(550, 0.5), 40, 3000)
            emit(a, t, ip[0], ip[1], ua, "atlas-2-think", "math", ti, to, f)
            conv = ti + to
            t += to / 60 + rng.uniform(60, 600)
        return t

    for d in range(DAYS):
        if abs(d - half_term) <= 3 and wday(d) < 5 or d - half_term in (-2, -1, 4, 5) and wday(d) >= 5:
            continue  # half-term week: the club is off
        for a in accts:
            if wday(d) in a["nights"] and rng.random() < 0.75:
                t = at_local(d, rng.uniform(16.8, 21.5), 0)
                for _ in range(rng.choice([1, 1, 2, 3])):
                    t = solve(a, t, a["home"], a["ua"])
        if wday(d) == 3:  # Thursday club session in the school IT room
            for a in accts:
                if rng.random() < 0.7:
                    t = at_local(d, 15.9 + rng.uniform(0, 0.5), 0)
                    solve(a, t, host_in(school, 30, 34), "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36")
    return accts


def decoy_calder(n):
    org, dom = "org_calder_evals", "calder-evals.ai"
    inv = new_fp()
    net = slash24("AS16509")
    ua = "calder-harness/0.14 atlas-python/2.3.1"
    accts = []
    for i in range(n):
        created = T0 - rng.randint(300, 800) * DAY
        a = make_account(created, unique_email(person_local(), dom), "US", "enterprise", org, inv, "invoice", "US",
                         res_ip("US")[0], -5, org_verified="verified")
        accts.append(a)
    # benchmarks: fixed item sets re-run unchanged across sweeps
    bench = {}
    for name, size in (("arith-cot", 600), ("olymp-mini", 300), ("sci-qa", 400)):
        bench[name] = [short_problem() for _ in range(size)]
    fewshot = "Q: A shop sells pens at 3 for $2. How much do 12 pens cost?\nA: Let's think step by step. 12 pens is 4 groups of 3, each $2, so $8. The answer is 8.\n\n"
    fmt = {"arith-cot": ("Question: %s\nAnswer: Let's think step by step.", 0),
           "olymp-mini": ("Problem: %s\nPlease reason step by step, and put your final answer within \\boxed{}.", 0),
           "sci-qa": (fewshot * 2 + "Q: %s\nA: Let's think step by step.", 1500)}
    out_by_model = {"atlas-2-mini": 600, "atlas-2": 900, "atlas-2-pro": 1300, "atlas-2-think": 2600}
    n_sweeps = rng.randint(4, 5)
    days = sorted(rng.sample(range(1, DAYS - 2), n_sweeps))
    for k, d in enumerate(days):
        runners = rng.sample(accts, rng.randint(1, min(3, len(accts))))
        t = at_local(d, rng.uniform(9.5, 16), -5)
        models = rng.sample(list(out_by_model), rng.randint(2, 3))
        names = rng.sample(list(bench), rng.randint(2, 3))
        ip = host_in(net, 40, 44)
        for m in models:
            for bname in names:
                tpl, extra = fmt[bname]
                for i, (cat, q) in enumerate(bench[bname]):
                    a = runners[i % len(runners)]
                    pr = tpl % q
                    emit(a, t, ip[0], ip[1], ua, m, cat, toks(pr, extra), clip(lognorm(out_by_model[m], 0.4), 40, 8192),
                         truncate(pr), cap=8192)
                    t += rng.expovariate(1 / 1.6)
                t += rng.uniform(300, 1800)
    return accts


BOOKS = [("Algebra 2, 4th ed.", "math"), ("Precalculus: Functions and Models", "math"),
         ("Foundations of Chemistry", "science"), ("Physics I: Mechanics", "science"),
         ("Statistics for High School", "math")]
METHODS = ["completing the square", "a substitution", "a diagram", "the method of Section 4.3", "units analysis"]


def decoy_marrowfield(n):
    org, dom = "org_marrowfield", "marrowfield-press.com"
    inv = new_fp()
    office = slash24("AS7018")
    accts = []
    for i in range(n):
        created = T0 - rng.randint(250, 1100) * DAY
        a = make_account(created, unique_email(person_local(), dom), "US", "enterprise", org, inv, "invoice", "US",
                         host_in(office, 60, 70)[0], -6, org_verified="verified")
        a["book"] = BOOKS[i % len(BOOKS)]
        a["chapter"], a["ex"] = rng.randint(1, 4), 1
        a["ua"] = wchoice(BROWSERS)
        accts.append(a)
    batch_ua = "marrowfield-batch/1.0 python-requests/2.31.0"
    for d in range(DAYS):
        if wday(d) >= 5:
            continue
        for a in accts:
            if rng.random() < 0.12:
                continue
            t = at_local(d, rng.uniform(8.5, 10), -6)
            end = at_local(d, rng.uniform(16.5, 17.5), -6)
            batch = rng.random() < 0.12
            while t < end:
                book, cat = a["book"]
                _, p = short_problem()
                if a["ex"] > rng.randint(50, 80):
                    a["chapter"], a["ex"] = a["chapter"] + 1, 1
                    if a["chapter"] > 14:  # book done: on to another title
                        a["book"], a["chapter"] = rng.choice(BOOKS), 1
                label = "%d.%d" % (a["chapter"], a["ex"])
                if not batch and rng.random() < 0.22:
                    pr = "Revise the solution to Exercise %s to use %s instead, and keep the step numbering." % (
                        "%d.%d" % (a["chapter"], max(1, a["ex"] - rng.randint(1, 6))), rng.choice(METHODS))
                    tin = clip(lognorm(1900, 0.3), 400, 8000)
                else:
                    pr = ("%s \u2014 Chapter %d, Exercise %s\n%s\n\nWrite the teacher's-edition worked solution: number "
                          "each step, justify it in one sentence, and box the final answer. Follow house style MS-7."
                          % (book, a["chapter"], label, p))
                    tin = toks(pr, 260)
                    a["ex"] += 1
                tout = clip(lognorm(1400, 0.3), 400, 6000)
                ip = host_in(office, 60, 70)
                emit(a, t, ip[0], ip[1], batch_ua if batch else a["ua"], "atlas-2-pro", cat, tin, tout, truncate(pr))
                t += (rng.uniform(4, 20) if batch else rng.uniform(240, 1500)) + tout / 80
                if batch and rng.random() < 0.03:
                    batch = False
    return accts


# ---------------------------------------------------------------------------------------------
# rings
R1_TPL = ["Solve step by step and show all of your reasoning before the final answer.\n\n%s",
          "%s\n\nThink step by step. Show every intermediate step, then give the final answer on its own line.",
          "Problem: %s\nShow your full reasoning step by step. Do not skip any steps.",
          "Solve the following. Explain your reasoning in detail at each step.\n%s",
          "Q: %s\nA: Reason through this step by step, showing all work."]
R1_BANK = []


def ring_swarm(n):
    n_waves = 3
    waves = [T0 - rng.randint(2, 4) * DAY, T0 + rng.randint(6, 9) * DAY, T0 + rng.randint(15, min(19, DAYS - 8)) * DAY]
    accts = []
    bins = rng.sample(["LT", "EE", "CY", "HK", "MT", "LV"], 2)
    uas = ["python-requests/2.31.0", "openai-python/1.35.7", BROWSERS[12][0]]
    for i in range(n):
        w = waves[i * n_waves // n] + rng.uniform(9, 12) * 3600
        created = int(w + rng.uniform(0, 2.5 * 3600))
        country = wchoice([("US", 6), ("GB", 2), ("CA", 1)])
        local = "%s%s%d" % (rng.choice(WORDS), rng.choice(WORDS), rng.randint(1000, 9999))
        email = unique_email(local, wchoice([("gmail.com", 5), ("outlook.com", 2), ("proton.me", 2)]))
        a = make_account(created, email, country, "payg", "", new_fp(), "card", rng.choice(bins),
                         res_ip(country)[0], rng.choice(CBY[country][1]))
        a["ua"] = rng.choice(uas)
        a["model"] = "atlas-2-think" if rng.random() < 0.8 else "atlas-2-pro"
        accts.append(a)
    for _ in range(3500):
        R1_BANK.append(short_problem())
    pos = 0
    for d in range(-3, DAYS):
        if rng.random() > 0.75:
            continue
        for _ in range(rng.choice([1, 1, 2])):
            ws = T0 + d * DAY + rng.uniform(0, DAY)
            we = ws + rng.uniform(80, 160) * 60
            crew = [a for a in accts if a["created"] < ws and rng.random() < 0.3]
            for a in crew:
                country = a["country"] if rng.random() < 0.7 else rng.choice(["US", "GB", "CA", "DE", "NL"])
                ip = res_ip(country)
                t = ws + rng.uniform(0, 300)
                while t < we:
                    cat, p = R1_BANK[pos % len(R1_BANK)]
                    pos += 1
                    pr = rng.choice(R1_TPL) % p
                    emit(a, t, ip[0], ip[1], a["ua"], a["model"], cat, toks(pr, 8),
                         clip(lognorm(2400, 0.35), 600, 8192), truncate(pr), cap=4096)
                    t += rng.uniform(60, 300)
    return accts


def ring_longform(n):
    accts = []
    cards = [new_fp() for _ in range(3)]
    nets = [slash24("AS24940"), slash24("AS24940"), slash24("AS14061")]
    ips = [host_in(rng.choice(nets), 2, 60) for _ in range(max(3, n // 2 - 2))]
    for i in range(n):
        created = T0 - rng.randint(10, 100) * DAY + rng.randint(0, DAY)
        country = pick_country()
        dom = rng.choice(["mailfold.net", "inboxkit.xyz", "proton.me", "mailfold.net"])
        email = unique_email("%s.%s%02d" % (rng.choice(FIRST), rng.choice(LAST), rng.randint(0, 99)), dom)
        a = make_account(created, email, country, "payg", "", cards[i % 3], "prepaid", "US",
                         rng.choice(VPN_POOL)[0], rng.choice(CBY[country][1]))
        a["ip"] = ips[i % len(ips)]
        accts.append(a)
    k = 0
    for a in accts:
        rate = rng.uniform(0.45, 0.85)
        off = rng.sample(range(DAYS), rng.randint(0, 4))
        t = T0 + rng.uniform(0, 3600)
        while t < T1:
            t += rng.expovariate(rate / 3600)
            if int((t - T0) // DAY) in off:
                continue
            cat, pr = long_problem_prefix(k)
            k += 1
            if not pr.startswith("You are given"):
                pr = pr + "\n\n" + rng.choice(INSTR_AFTER)
            tin = clip(lognorm(1300, 0.4), 450, 4500)
            tout = clip(tin * lognorm(2.2, 0.3), 500, 8192)
            emit(a, t, a["ip"][0], a["ip"][1], RING2_UA, "atlas-2-think", cat, tin, tout, truncate(pr), cap=8192)
    return accts


R3_TPL = ["can you walk me through how to solve this, every step please: %s",
          "I need a detailed explanation of each step for this one \u2014 %s",
          "%s explain your thinking fully, step by step, then answer.",
          "how would you solve this? show all the working: %s",
          "%s (please show the full reasoning, not just the answer)",
          "step by step please, with every detail: %s", "solve and explain each step in detail. %s",
          "%s\nwalk through it slowly and show each step", "help me understand the full solution to: %s",
          "%s - can you reason it out step by step and check your answer?"]


def ring_thin(n):
    accts = []
    for i in range(n):
        created = T0 - rng.randint(0, 45) * DAY + rng.randint(0, DAY) if rng.random() < 0.5 else T0 + rng.randint(0, DAYS - 10) * DAY + rng.randint(0, DAY)
        country = wchoice([("US", 4), ("IN", 3), ("BR", 2), ("ID", 2), ("MX", 1), ("NG", 1)])
        free = rng.random() < 0.7
        a = make_account(created, unique_email(person_local(), wchoice(FREEMAIL[:6])), country,
                         "free" if free else "payg", "", None if free else new_fp(), "card", country,
                         rng.choice(MOBILE_POOL[country])[0], rng.choice(CBY[country][1]))
        accts.append(a)
    own = [short_problem() for _ in range(2000)]
    for a in accts:
        first_day = max(0, int((a["created"] - T0) // DAY) + 1)
        if first_day >= DAYS:
            continue
        days = sorted(rng.sample(range(first_day, DAYS), min(DAYS - first_day, rng.randint(3, 8))))
        for d in days:
            t = at_local(d, rng.uniform(9, 23), a["tz"])
            for _ in range(rng.randint(1, 4)):
                cat, p = rng.choice(R1_BANK) if rng.random() < 0.3 else rng.choice(own)
                pr = rng.choice(R3_TPL) % p
                if rng.random() < 0.3:
                    pr += rng.choice([" thanks", " pls", " thank you!", " ty"])
                ip = rng.choice(MOBILE_POOL[a["country"]]) if rng.random() < 0.85 else res_ip(a["country"])
                tout = clip(lognorm(2000, 0.4), 500, 8192)
                emit(a, t, ip[0], ip[1], RING3_UA, rng.choice(["atlas-2-think", "atlas-2-pro"]), cat, toks(pr, 5), tout,
                     truncate(pr), cap=4096)
                t += rng.uniform(200, 1500)
    return accts


R4_TPL = ["Generate a worked solution for a student for the following problem. Show every step of reasoning and explain why each step is valid.\n\nProblem %d: %s",
          "Write a fully worked, step-by-step solution suitable for a student guide. Justify each step.\n\nProblem %d: %s"]


def ring_front(n):
    org, dom = "org_brightpath", "brightpath-tutor.com"
    card = new_fp()
    net = slash24("AS16509")
    signup = res_ip("US")
    burst = T0 - rng.randint(8, 11) * DAY + rng.randint(13, 16) * 3600
    kp = new_key_prefix()
    accts = []
    for i in range(n):
        a = make_account(burst + rng.randint(0, 3 * 3600), unique_email(person_local(), dom), "US", "team", org,
                         card, "card", "US", signup[0], -5, org_verified="pending", key_prefix=kp)
        accts.append(a)
    PAYMENTS.append((accts[0]["id"], new_fp(), "card", "US", iso(burst + 5 * DAY)))
    bank = [short_problem() for _ in range(30000)]
    k = 0
    for d in range(DAYS):
        t = T0 + d * DAY + (7 + rng.uniform(-0.3, 0.3)) * 3600
        end = T0 + d * DAY + rng.uniform(15, 18) * 3600
        i = rng.randrange(n)
        while t < end:
            a = accts[i % n]
            i += 1 if rng.random() < 0.93 else 2
            cat, p = bank[k % len(bank)]
            k += 1
            pr = rng.choice(R4_TPL) % (k, p)
            ip = host_in(net, 100, 103)
            emit(a, t, ip[0], ip[1], "atlas-python/2.3.1", "atlas-2-think", cat, toks(pr, 40),
                 clip(lognorm(1700, 0.3), 500, 8192), truncate(pr), cap=8192)
            t += rng.uniform(35, 70)
    return accts


# ---------------------------------------------------------------------------------------------
def main():
    def sz(x, lo):
        return max(lo, int(round(x * SCALE)))

    decoys = [
        ("tallyrock-labelling", decoy_tallyrock(sz(rng.randint(36, 44), 6)),
         "data-labelling vendor: verified org, one invoice, office /24 in Cebu, office hours Mon-Fri with lunch break, "
         "project templates and shared project keys, long documents in and rationales out"),
        ("harrowgate-maths-circle", decoy_harrowgate(sz(rng.randint(30, 38), 6)),
         "olympiad club: old accounts, evenings on fixed weekdays, half-term week off, pasted problems with human "
         "wording and follow-ups (growing context), Thursday session from the school /24"),
        ("calder-evals", decoy_calder(sz(rng.randint(5, 7), 3)),
         "benchmark team: verified org on invoice, a few sweeps of identical CoT items across several models from "
         "one cloud /24, established accounts"),
        ("marrowfield-press", decoy_marrowfield(sz(rng.randint(10, 14), 4)),
         "textbook publisher: verified org, invoice, office /24 and hours, sequential chapter/exercise numbering, "
         "revisions of earlier solutions, occasional batch runs"),
    ]
    rings = [
        ("proxy-swarm", ring_swarm(sz(rng.randint(54, 66), 8)),
         "fresh accounts in three creation bursts, own foreign-BIN cards, new residential IP per sitting, short "
         "step-by-step templates, coordinated sittings at random UTC hours, answers ~2,400 tokens"),
        ("long-form", ring_longform(sz(rng.randint(22, 26), 6)),
         "long worked problems in, ~2.2x longer solutions out; 3 shared prepaid cards, VPS IPs shared by 2-3 "
         "accounts, one aiohttp build, steady 24/7 traffic, no bursts"),
        ("thin-spread", ring_thin(sz(rng.randint(110, 140), 12)),
         "3-8 active days and a few queries per account, steady creation, mostly free plan, public mobile CGNAT "
         "IPs, one rare Android client, paraphrased prompts, bank partly shared with proxy-swarm"),
        ("front-company", ring_front(sz(rng.randint(14, 18), 4)),
         "fresh unverified org: creation burst, one card, cloud NAT /24, official SDK, round-robin dispatcher "
         "7 days a week, never repeats a problem"),
    ]
    special = sum(len(x[1]) for x in decoys + rings)
    kinds = build_background(max(100, N - special))
    per_kind = {}
    for f, a, arg in kinds:
        before = len(ROWS)
        if arg is None:
            f(a)
        else:
            f(a, arg)
        k = per_kind.setdefault(a["kind"], [0, 0])
        k[0] += 1
        k[1] += len(ROWS) - before
    if os.environ.get("LA_DEBUG"):
        sys.stderr.write("%r\n" % per_kind)

    os.makedirs(OUT, exist_ok=True)
    ACCOUNTS.sort(key=lambda a: (a["created"], a["id"]))
    with open(os.path.join(OUT, "accounts.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["account_id", "created_at", "email", "org_id", "country", "plan", "status",
                    "payment_fingerprint", "signup_ip", "org_verified"])
        for a in ACCOUNTS:
            w.writerow([a["id"], iso(a["created"]), a["email"], a["org"], a["country"], a["plan"], a["status"],
                        a["pay"], a["signup_ip"], a["org_verified"]])
    PAYMENTS.sort(key=lambda p: (p[4], p[0], p[1]))
    with open(os.path.join(OUT, "payments.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["account_id", "payment_fingerprint", "kind", "bin_country", "added_at"])
        for p in PAYMENTS:
            w.writerow(p)
    ROWS.sort()
    with open(os.path.join(OUT, "queries.jsonl"), "w", encoding="utf-8") as f:
        for _, _, line in ROWS:
            f.write(line)
            f.write("\n")
    truth = {"rings": [{"name": n, "accounts": sorted(a["id"] for a in accts), "size": len(accts), "style": s}
                       for n, accts, s in rings],
             "decoys": [{"name": n, "accounts": sorted(a["id"] for a in accts), "size": len(accts), "tells": s}
                        for n, accts, s in decoys],
             "seed": SEED, "period": [iso(T0), iso(T1)], "accounts": len(ACCOUNTS), "queries": len(ROWS)}
    with open(OUT + ".truth.json", "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1)
    print("%s: %d accounts, %d payments, %d queries over %d days" % (OUT, len(ACCOUNTS), len(PAYMENTS), len(ROWS), DAYS))


main()
