#!/usr/bin/env python3
"""Held-out source 17 generator. stdlib only, seeded, deterministic.
usage: Tests/sources/heldout17.py OUTROOT [a] [b]  -> writes OUTROOT/17a, OUTROOT/17b and the two truth files."""
import csv, gzip, io, json, math, os, random, sys, hashlib, datetime as dt

def H(*a):
    return hashlib.sha1("|".join(map(str, a)).encode()).hexdigest()

T0 = 1785974400  # 2026-08-06T00:00:00Z
DAY = 86400

# ---------------------------------------------------------------- vocab
NOUNS = ("river budget invoice garden engine kernel ledger museum recipe orbit tariff violin glacier "
         "protein antenna harbor census thermostat compiler lattice mortgage vaccine meadow satellite "
         "warehouse sonnet pendulum enzyme bicycle algorithm festival volcano pipeline spreadsheet "
         "cathedral telescope battery pharmacy election monsoon quartz tractor lantern archive "
         "parliament migration bakery vineyard microscope ferry turbine manuscript dialect").split()
ADJ = "quiet rapid fragile ancient modular noisy bright sparse formal hidden elastic urban rural dense".split()
VERBS = "optimize explain compare summarize debug rewrite translate estimate outline critique design".split()
TOPICS = ["my landlord", "a late shipment", "the quarterly review", "our team offsite", "a refund",
          "the new onboarding flow", "a job offer", "my thesis draft", "a broken laptop", "the school trip"]
PLANGS = ["Python", "TypeScript", "Rust", "Go", "Java", "SQL", "C#", "Kotlin", "bash"]
ERRS = ["KeyError", "NullPointerException", "a borrow checker error", "a segfault", "TypeError: undefined",
        "a deadlock", "an off-by-one", "ORA-00942", "a 403 from the API"]
NAMES = "Ana Bilal Chen Dmitri Efua Farah Goran Hana Ivo Jun Kemal Lucia Mateo Nia Oskar Priya Quinn Rosa Sven Tariq Uma Vera Wen Yara Zoe".split()

def para(r, n):
    return " ".join(r.choice(NOUNS if i % 3 else ADJ) for i in range(n)).capitalize() + "."

def benign_prompt(r):
    """Return (category, prompt). Many kinds, 11 languages."""
    lang = r.choices(["en", "es", "de", "fr", "ja", "zh", "pt", "ko", "ru", "ar", "hi"],
                     [50, 9, 7, 6, 6, 7, 5, 3, 3, 2, 2])[0]
    n1, n2 = r.choice(NOUNS), r.choice(NOUNS)
    k = r.random()
    if lang == "en":
        if k < .18:
            return "coding", (f"Why does this {r.choice(PLANGS)} snippet give {r.choice(ERRS)}?\n"
                              f"```\n{n1}_{r.randint(1,99)} = load('{n2}.{r.choice(['csv','json','db'])}')\n"
                              f"for x in {n1}_{r.randint(1,99)}:\n    print(x[{r.randint(0,9)}])\n```")
        if k < .30:
            return "writing", f"Write a {r.choice(['polite','firm','short','friendly'])} email to {r.choice(TOPICS)} about the {n1}. Keep it under {r.choice([80,120,150])} words."
        if k < .40:
            return "summarization", f"Summarize in {r.randint(2,6)} bullet points:\n{para(r, r.randint(20,70))}"
        if k < .50:
            return "qa", f"What's the difference between a {n1} and a {n2}? {r.choice(['Short answer please.','Explain like I am 12.','With examples.',''])}"
        if k < .58:
            return "math", f"How do I solve {r.randint(2,19)}x^2 {r.choice('+-')} {r.randint(1,40)}x = {r.randint(1,90)}? can you explain step by step"
        if k < .66:
            return "data_extraction", f"Extract name, date and amount as JSON from: \"{r.choice(NAMES)} paid {r.randint(5,900)}.{r.randint(10,99)} for the {n1} on {r.randint(1,28)}/{r.randint(1,12)}\""
        if k < .74:
            return "chat", f"{r.choice(['hey','hi','ok so','quick q:'])} {r.choice(['any ideas for','what do you think about','recommend a'])} {r.choice(ADJ)} {n1} {r.choice(['for a birthday','to read this weekend','for my kid','for a small team',''])}"
        if k < .82:
            return "translation", f"Translate to {r.choice(['Spanish','German','French','Japanese','Italian','Polish'])}: {para(r, r.randint(6,18))}"
        if k < .90:
            return "writing", f"{r.choice(VERBS).capitalize()} this paragraph for a {r.choice(['LinkedIn post','grant proposal','cover letter','product page'])}: {para(r, r.randint(15,50))}"
        return "other", f"Plan a {r.randint(2,10)}-day trip to {r.choice(['Lisbon','Kyoto','Oaxaca','Tbilisi','Hobart','Bergen'])} with a {r.choice(ADJ)} budget, focusing on {n1}s."
    T = {
        "es": ["¿Cuál es la diferencia entre {a} y {b}?", "Escribe un correo {adj} sobre el {a} para mi jefe.",
               "Resume este texto en {n} puntos: {p}", "Ayúdame a entender por qué mi código de {pl} falla con {e}"],
        "de": ["Was ist der Unterschied zwischen {a} und {b}?", "Schreib eine kurze E-Mail wegen {a}, bitte höflich.",
               "Fasse diesen Text in {n} Stichpunkten zusammen: {p}", "Warum wirft mein {pl}-Code {e}?"],
        "fr": ["Quelle est la différence entre {a} et {b} ?", "Rédige un courriel {adj} au sujet du {a}.",
               "Résume ce texte en {n} points : {p}", "Pourquoi mon code {pl} renvoie-t-il {e} ?"],
        "ja": ["{a}と{b}の違いは何ですか？", "{a}についての丁寧なメールを書いてください。", "次の文章を{n}行で要約して: {p}",
               "{pl}のコードで{e}が出ます。原因は？"],
        "zh": ["{a}和{b}有什么区别？", "帮我写一封关于{a}的邮件，语气要{adj}。", "用{n}个要点总结：{p}", "我的{pl}代码报错{e}，怎么办？"],
        "pt": ["Qual a diferença entre {a} e {b}?", "Escreva um e-mail curto sobre o {a} para o cliente.",
               "Resuma em {n} tópicos: {p}", "Meu código {pl} dá {e}, por quê?"],
        "ko": ["{a}와 {b}의 차이가 뭐야?", "{a}에 대한 이메일을 정중하게 써줘.", "다음 글을 {n}줄로 요약해줘: {p}"],
        "ru": ["В чём разница между {a} и {b}?", "Напиши вежливое письмо про {a}.", "Кратко перескажи в {n} пунктах: {p}"],
        "ar": ["ما الفرق بين {a} و {b}؟", "اكتب رسالة قصيرة عن {a} لزميلي.", "لخص النص التالي في {n} نقاط: {p}"],
        "hi": ["{a} और {b} में क्या अंतर है?", "{a} के बारे में एक छोटा ईमेल लिखो।", "इसका सार {n} बिंदुओं में दो: {p}"],
    }[lang]
    t = r.choice(T)
    cat = "qa" if "{b}" in t else ("summarization" if "{p}" in t else ("coding" if "{pl}" in t else "writing"))
    return cat, t.format(a=n1, b=n2, adj=r.choice(ADJ), n=r.randint(2, 6), p=para(r, r.randint(10, 40)),
                         pl=r.choice(PLANGS), e=r.choice(ERRS))

def problem(r, flavor):
    a, b, c = r.randint(3, 97), r.randint(2, 60), r.randint(2, 12)
    n1, n2 = r.choice(NOUNS), r.choice(NOUNS)
    f = r.randrange(12) if flavor is None else (r.choice(flavor) if isinstance(flavor, list) else flavor)
    if f == 6: return f"Prove or disprove: for every prime p > {c}, p^2 - 1 is divisible by {r.choice([8, 12, 24, 48])}."
    if f == 7: return f"Two trains leave {r.choice(NOUNS).capitalize()}ville {b} minutes apart at {a} km/h and {a + c} km/h. When does the second catch up?"
    if f == 8: return f"Given the SQL tables {n1}(id, {n2}_id, amount) and {n2}(id, region), write a query for the top {c} regions by total amount and explain the plan."
    if f == 9: return f"A bag holds {c} red and {b % 9 + 2} blue marbles. Drawing {min(c, 3)} without replacement, what is P(at least one red)?"
    if f == 10: return f"Debug: a {r.choice(PLANGS)} function meant to merge two sorted lists of {n1}s returns duplicates when lengths differ by {c}. Find the bug."
    if f == 11: return f"If it takes {c} workers {a} hours to build a {n1}, how long do {c + b % 7 + 1} workers need, assuming equal rates?"
    if f == 0: return f"A {n1} factory makes {a} units per hour and loses {c}% to defects. How many good units after {b} hours?"
    if f == 1: return f"Find all integers n with 1 <= n <= {a*10} such that n^2 + {b} is divisible by {c+1}."
    if f == 2: return f"Write a function that returns the {c}-th smallest element of a stream of {n1} records, and prove its complexity."
    if f == 3: return f"{r.choice(NAMES)} has {a} {n1}s and gives away {b}% each day, rounding down. On which day does she have fewer than {c}?"
    if f == 4: return f"A {n2} of mass {c} kg slides down a {b}-degree incline with friction coefficient 0.{r.randint(1,6)}. Find its acceleration."
    return f"Is the statement 'every {r.choice(ADJ)} {n1} is a {n2}' consistent with premises P{a} and Q{b}? Justify each inference."

# ---------------------------------------------------------------- world
FREE = ["gmail.com"] * 12 + ["outlook.com"] * 4 + ["yahoo.com"] * 2 + ["hotmail.com", "proton.me", "icloud.com",
        "gmx.de", "qq.com", "163.com", "naver.com", "mail.ru", "yandex.ru", "web.de", "libero.it", "uol.com.br", "yahoo.co.jp"]
ISPS = [("AS7922", "73"), ("AS7018", "99"), ("AS3320", "84"), ("AS4134", "116"), ("AS2516", "126"), ("AS4766", "211"),
        ("AS3215", "90"), ("AS12322", "88"), ("AS5089", "82"), ("AS28573", "177"), ("AS9829", "117"),
        ("AS8151", "189"), ("AS12389", "95"), ("AS701", "71"), ("AS22773", "68"), ("AS6830", "62")]
DCS = [("AS16509", "3"), ("AS16509", "52"), ("AS14061", "159"), ("AS24940", "95"), ("AS16276", "51"),
       ("AS8075", "20"), ("AS15169", "34"), ("AS63949", "172"), ("AS20473", "45")]
COUNTRIES = ["US"] * 10 + ["DE", "GB", "FR", "JP", "CN", "BR", "IN", "KR", "ES", "MX", "CA", "NL", "PL", "RU", "EG", "NG", "ID", "TR", "AU", "SE"]
MODELS = ["m-large-2026-05"] * 5 + ["m-mid-2026-05"] * 8 + ["m-small-2026-03"] * 6 + ["m-large-2025-10"] * 2 + ["m-mid-32k-legacy"]
PLANS = ["free"] * 5 + ["payg"] * 4 + ["pro"] * 2 + ["team"]

def common_ua(r):
    k = r.randrange(10)
    if k < 3: return f"openai-python/1.{r.randint(38,54)}.{r.randint(0,3)}"
    if k < 5: return f"anthropic-sdk-python/0.{r.randint(31,40)}.{r.randint(0,2)}"
    if k == 5: return f"OpenAI/JS 4.{r.randint(55,72)}.{r.randint(0,1)}"
    if k == 6: return f"python-requests/2.3{r.randint(1,2)}.{r.randint(0,3)}"
    if k == 7: return f"curl/8.{r.randint(4,9)}.{r.randint(0,1)}"
    if k == 8: return f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/1{r.randint(24,31)}.0.0.0 Safari/537.36"
    return f"langchain-core/0.3.{r.randint(1,30)}"

def iso(ts, r=None, style=0):
    d = dt.datetime.fromtimestamp(ts, dt.timezone.utc)
    if style == 0: return d.strftime("%Y-%m-%dT%H:%M:%SZ")
    if style == 1: return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{int((ts % 1) * 1000):03d}Z"
    if style == 2:  # offset form, same instant
        off = 2 if r is None else r.choice([-5, 2, 9, 1, -3])
        return (d + dt.timedelta(hours=off)).strftime("%Y-%m-%dT%H:%M:%S") + (f"+{off:02d}:00" if off >= 0 else f"-{-off:02d}:00")
    return int(ts * 1000)  # epoch ms

class World:
    def __init__(self, seed, tag, days):
        self.r = random.Random(seed)
        self.tag, self.days = tag, days
        self.accts = []      # dicts
        self.pays = []
        self.links = []
        self.rows = []       # (ts, aidx, ip, asn, ua, model, itok, otok, cat, prompt)
        self.rings, self.decoys = [], []
        self.ids = set()
        self.nat = {}
        r = self.r
        self.cgnat = [("AS21928", [f"172.58.{r.randint(0,255)}.{r.randint(1,254)}" for _ in range(30)]),
                      ("AS55836", [f"49.36.{r.randint(0,255)}.{r.randint(1,254)}" for _ in range(25)]),
                      ("AS12430", [f"176.83.{r.randint(0,255)}.{r.randint(1,254)}" for _ in range(15)])]
        self.vpn = [("AS9009", [f"185.{r.randint(100,250)}.{r.randint(0,255)}.{r.randint(1,254)}" for _ in range(20)]),
                    ("AS212238", [f"89.{r.randint(30,40)}.{r.randint(0,255)}.{r.randint(1,254)}" for _ in range(12)])]

    def newid(self):
        r = self.r
        while True:
            if self.tag == "a":
                i = "cu_" + "".join(r.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(11))
            else:
                i = f"A{r.randint(10**7, 10**8-1)}-{r.choice('KLMNPQRSTVWX')}{r.randint(0,9)}"
            if i not in self.ids:
                self.ids.add(i); return i

    def res_ip(self, isp=None):
        r = self.r
        asn, p = isp or r.choice(ISPS)
        return asn, f"{p}.{r.randint(0,255)}.{r.randint(0,255)}.{r.randint(2,254)}"

    def dc24(self, k=None):
        r = self.r
        asn, p = DCS[k] if k is not None else r.choice(DCS)
        return asn, f"{p}.{r.randint(0,255)}.{r.randint(0,255)}."

    def acct(self, created, email_dom, country=None, plan=None, org="", fp=None, kind="card", signup_ip="", status="active", extra=None):
        r = self.r
        aid = self.newid()
        local = r.choice(NAMES).lower() + r.choice(["", ".", "_"]) + r.choice(["", str(r.randint(1, 9999)), r.choice(NOUNS)])
        a = dict(account_id=aid, created_at=created, email=f"{local}@{email_dom}", org_id=org,
                 country=country or r.choice(COUNTRIES), plan=plan or r.choice(PLANS), status=status,
                 payment_fingerprint=fp or "", signup_ip=signup_ip)
        if extra: a.update(extra)
        a["_i"] = len(self.accts)
        self.accts.append(a)
        if fp:
            self.pays.append(dict(account_id=aid, payment_fingerprint=fp, kind=kind,
                                  bin_country=a["country"] if kind == "card" else "", added_at=created + r.randint(60, 20 * DAY)))
        return a

    def card(self):
        return "pf_" + H(self.tag, self.r.random())[:20]

    def q(self, a, ts, ip, asn, ua, model, cat, prompt, otok=None):
        r = self.r
        it = max(3, int(len(prompt) / 3.7) + r.randint(0, 30))
        ot = otok if otok is not None else int(r.lognormvariate(5.3, .8))
        self.rows.append((ts, a["_i"], ip, asn, ua, model, it, ot, cat, prompt))

    def diurnal(self, day, tzoff, peak=14, spread=3.5):
        r = self.r
        h = (r.gauss(peak, spread) - tzoff) % 24
        return T0 + day * DAY + h * 3600 + r.random() * 60

    # ---------------------------------------------------------- background
    def background(self, n, target_rows):
        r = self.r
        kinds = r.choices(["indiv", "student", "company", "integ", "bot"], [80, 8, 11, .5, .12], k=n)
        companies = []
        campus = [(f"AS{r.randint(1000, 60000)}", f"{r.randint(128,160)}.{r.randint(0,255)}.{r.randint(0,255)}.", dom)
                  for dom in ["mail.uni-%s.edu" % w for w in ("harrow", "linden", "osprey", "tallis", "vesta")]]
        mean = target_rows / n
        mu = math.log(max(mean, 2)) - 1.1
        i = 0
        while i < n:
            k = kinds[i]
            created = int(T0 - (r.random() ** 1.7 * 2400 + 1) * DAY - r.random() * DAY)
            if k == "company":
                size = min(int(r.paretovariate(1.3)) + 1, 40)
                org = "org_" + H(self.tag, "co", i)[:10]
                fp = "inv_" + H(self.tag, "inv", i)[:16]
                asn, net = self.dc24() if r.random() < .3 else (self.res_ip()[0], f"{r.randint(60,220)}.{r.randint(0,255)}.{r.randint(0,255)}.")
                dom = f"{r.choice(NOUNS)}{r.choice(['labs','corp','gmbh','io','tech','works'])}.{r.choice(['com','de','io','co.uk','fr','jp'])}"
                ctry, tz = r.choice(COUNTRIES), r.randint(-8, 9)
                uas = [common_ua(r) for _ in range(2)]
                keypfx = "sk-org-" + H(org)[:6]
                for j in range(size):
                    a = self.acct(min(created + j * r.randint(0, 20 * DAY), T0 - DAY), dom, ctry, "team", org, fp, "invoice", net + str(r.randint(2, 250)))
                    a["_key"] = keypfx
                    nq = int(min(r.lognormvariate(mu + .6, 1.2), 2500))
                    for _ in range(nq):
                        d = r.randrange(self.days)
                        if (d + 3) % 7 in (5, 6) and r.random() < .8: continue
                        c, p = benign_prompt(r)
                        self.q(a, self.diurnal(d, tz, 13, 2.5), net + str(r.randint(2, 250)), asn, r.choice(uas), r.choice(MODELS), c, p)
                i += size
                continue
            if k == "integ":  # integration product: one account, its own UA, many end users' prompts
                asn, net = self.dc24()
                prod = r.choice(NOUNS) + r.choice(["ly", "ify", "hub", "desk", "pad"])
                a = self.acct(created, prod + ".com", plan="enterprise", fp=self.card(), signup_ip=net + "10")
                ua = f"{prod}-backend/{r.randint(1,9)}.{r.randint(0,20)} (+https://{prod}.com)"
                for _ in range(int(r.uniform(100, 800) * mean / 15)):
                    c, p = benign_prompt(r)
                    self.q(a, self.diurnal(r.randrange(self.days), r.randint(-8, 9), 15, 5), net + str(r.randint(5, 40)), asn, ua, r.choice(MODELS), c, p)
                i += 1; continue
            if k == "bot":  # legit product bot: regular cadence, one job template with varied data
                asn, net = self.dc24()
                prod = r.choice(NOUNS) + "bot"
                a = self.acct(created, prod + ".net", plan="payg", fp=self.card(), signup_ip=net + "7")
                ua = f"{prod}/{r.randint(1,4)}.{r.randint(0,9)} node/{r.randint(18,22)}"
                per = r.choice([900, 1800, 3600, 7200])
                t = T0 + r.random() * per
                job = r.choice(["Classify the sentiment of this review as positive/negative/neutral: ",
                                "Generate alt text for a product photo described as: ",
                                "Write a one-line commit summary for: ", "Tag this support ticket with a category: "])
                while t < T0 + self.days * DAY:
                    if r.random() < .9:
                        self.q(a, t + r.uniform(0, 3), net + "7", asn, ua, "m-small-2026-03", "other", job + para(r, r.randint(5, 20)), r.randint(5, 40))
                    t += per
                i += 1; continue
            # individual or student
            if k == "student":
                casn, cnet, dom = r.choice(campus)
                a = self.acct(created if r.random() < .3 else T0 - r.randint(10, 700) * DAY, dom, plan=r.choice(["free", "free", "payg"]),
                              fp=self.card() if r.random() < .4 else None, signup_ip=cnet + str(r.randint(2, 12)))
            else:
                dom = r.choice(FREE) if r.random() < .8 else f"{r.choice(NOUNS)}{r.choice(['mail','net','online'])}.{r.choice(['com','de','fr','org'])}"
                a = self.acct(created, dom, fp=self.card() if r.random() < .65 else None)
            isp = r.choice(ISPS)
            home = self.res_ip(isp)
            mode = r.random()
            ua = common_ua(r)
            ua2 = common_ua(r) if r.random() < .3 else ua
            tz = r.randint(-8, 9)
            nq = int(min(r.lognormvariate(mu, 1.35), 3000))
            a["signup_ip"] = home[1]
            act_days = sorted(r.sample(range(self.days), min(self.days, max(1, int(r.paretovariate(1.1) * 2)))))
            for _ in range(nq):
                d = r.choice(act_days)
                if k == "student" and r.random() < .5:
                    asn, ip = casn, cnet + str(r.randint(2, 12))
                elif mode < .15:
                    asn, pool = self.cgnat[r.randrange(3)]; ip = r.choice(pool)
                elif mode < .22:
                    asn, pool = self.vpn[r.randrange(2)]; ip = r.choice(pool)
                elif r.random() < .08:
                    asn, ip = self.res_ip(isp)
                else:
                    asn, ip = home
                c, p = benign_prompt(r)
                self.q(a, self.diurnal(d, tz, 15, 4), ip, asn, ua if r.random() < .8 else ua2,
                       r.choice(MODELS), c, p)
            i += 1

    # ---------------------------------------------------------- rings
    def ring(self, name, style, members):
        self.rings.append(dict(name=name, style=style, accounts=[m["account_id"] for m in members]))

    def decoy(self, name, kind, members):
        self.decoys.append(dict(name=name, kind=kind, accounts=[m["account_id"] for m in members]))

    def r_metronome_ua(self, n, period_min, seed_words):
        """own card / own home IP / free mail, one private client string, two CoT families alternated,
        a scheduler fires 2-5 members within seconds every period."""
        r = self.r
        c0 = T0 - r.randint(60, 200) * DAY
        ms = []
        for _ in range(n):
            asn, ip = self.res_ip()
            a = self.acct(c0 + r.randint(0, 36 * 3600), r.choice(FREE[:20]), fp=self.card(), signup_ip=ip, plan="payg")
            a["_home"] = (asn, ip); ms.append(a)
        ua = f"{seed_words}/0.{r.randint(3,9)}.{r.randint(0,14)} (linux; cpython 3.11) httpx/0.27.2"
        fams = [lambda p: f"Work through the problem below slowly. Number every step, justify each one, and only then state the result on a line starting with 'Final:'.\n\n{p}",
                lambda p: f"Pretend you are grading your own scratchpad: first write your full reasoning inside <scratch> tags, then a concise answer.\nTask: {p}"]
        start = T0 + r.randint(3, 10) * DAY
        tick = 0
        t = start
        while t < start + 16 * DAY:
            hour = ((t - T0) % DAY) / 3600
            if 1 <= hour < 10:
                for m in r.sample(ms, r.randint(2, 5)):
                    self.q(m, t + r.uniform(0, 4), m["_home"][1], m["_home"][0], ua, "m-large-2026-05", "reasoning", fams[tick % 2](problem(r, [0, 6])), r.randint(600, 1800))
                tick += 1
            t += period_min * 60
        return ms

    def r_chorus_templates(self, n):
        """nothing shared but templates and coordinated firing: common SDK strings, own cards/IPs, created over weeks."""
        r = self.r
        c0 = T0 - r.randint(30, 60) * DAY
        ms = []
        for _ in range(n):
            asn, ip = self.res_ip()
            a = self.acct(c0 + r.randint(0, 35 * DAY), r.choice(FREE), fp=self.card(), signup_ip=ip)
            a["_home"] = (asn, ip); a["_ua"] = common_ua(r); ms.append(a)
        fams = [lambda p: f"Q: {p}\nLet's reason it out carefully and check each step before answering.",
                lambda p: f"I need a worked solution with the full derivation (no skipped steps) for: {p}",
                lambda p: f"Explain your thinking out loud as you solve this, then box the answer. {p}"]
        for d in range(4, self.days - 3):
            for _ in range(r.randint(3, 6)):
                w = T0 + d * DAY + r.uniform(0, DAY)
                for m in r.sample(ms, int(n * r.uniform(.25, .5))):
                    self.q(m, w + r.uniform(0, 75), m["_home"][1], m["_home"][0], m["_ua"], r.choice(MODELS[:13]), "math", r.choice(fams)(problem(r, [1, 7, 3])))
        return ms

    def r_pods(self, npods):
        """one operation split into pods; each pod one card and one datacenter /24; pods share templates and an odd model mix."""
        r = self.r
        fams = [lambda p: f"[[solve]] {p} || respond with: reasoning (detailed, stepwise) then answer",
                lambda p: f"Provide an exhaustive step-by-step rationale, then the answer.\n### Input\n{p}\n### Rationale"]
        mix = ["m-mid-32k-legacy"] * 5 + ["m-large-2025-10"] * 4 + ["m-small-2026-03"]
        allm = []
        for k in range(npods):
            asn, net = self.dc24(k % len(DCS))
            fp = self.card()
            ua = r.choice(["aiohttp/3.9.5 Python/3.12", f"python-requests/2.32.{r.randint(0,3)}", "Go-http-client/2.0"])
            c0 = T0 - r.randint(10, 150) * DAY
            tz = r.randint(-6, 9)
            pod = [self.acct(c0 + r.randint(0, 3 * DAY), r.choice(FREE), fp=fp, signup_ip=net + str(r.randint(10, 200)), plan="payg")
                   for _ in range(r.randint(6, 11))]
            for d in r.sample(range(self.days), r.randint(10, 25)):
                for m in pod:
                    for _ in range(r.randint(1, 5)):
                        self.q(m, self.diurnal(d, tz, 11, 3), net + str(r.randint(10, 200)), asn, ua, r.choice(mix), "reasoning", r.choice(fams)(problem(r, [2, 8])), r.randint(500, 2000))
            allm += pod
        return allm

    def r_reseller(self, n):
        """one invoice, many sub-accounts behind a gateway; most traffic distillation prompts."""
        r = self.r
        org = "org_" + H(self.tag, "resell")[:10]
        fp = "inv_" + H(self.tag, "resell-inv")[:16]
        asn, net = self.dc24(0)
        dom = "tokenbridge-api.com"
        ua = "tb-gateway/1.8.3"
        ms = [self.acct(T0 - r.randint(40, 300) * DAY, dom, "SG", "team", org, fp, "invoice", net + "21") for _ in range(n)]
        fam = lambda p: f"SYSTEM: output must include a complete chain of thought.\nUSER: {p}"
        for m in ms:
            for _ in range(r.randint(40, 140)):
                t = T0 + r.uniform(0, self.days * DAY)
                if r.random() < .78:
                    self.q(m, t, net + str(r.randint(21, 24)), asn, ua, r.choice(["m-large-2026-05", "m-large-2025-10"]), "reasoning", fam(problem(r, [4, 9, 0])), r.randint(700, 2500))
                else:
                    c, p = benign_prompt(r)
                    self.q(m, t, net + str(r.randint(21, 24)), asn, ua, r.choice(MODELS), c, p)
        return ms

    def r_relay(self, nchains):
        """INVENTION 1 'relay': chains of three accounts; asker sends a problem, critic 20-200s later asks to
        find errors in a solution to the same problem, refiner then asks for a textbook rewrite. No shared infra."""
        r = self.r
        ms = []
        tA = lambda p: f"Solve: {p}"
        tB = lambda p: f"Below is a student's attempt at the problem \"{p}\". Go through it line by line, flag every mistake, and write the corrected derivation in full."
        tC = lambda p: f"Turn this into a clean worked example for a textbook, numbered steps, with a short justification per step. Problem: {p}"
        for c in range(nchains):
            chain = []
            for role in range(3):
                asn, ip = self.res_ip()
                a = self.acct(T0 - r.randint(5, 400) * DAY, r.choice(FREE), fp=self.card() if r.random() < .8 else None, signup_ip=ip)
                a["_home"] = (asn, ip); a["_ua"] = common_ua(r); chain.append(a)
            ms += chain
            for d in r.sample(range(self.days), r.randint(8, 20)):
                t = self.diurnal(d, r.randint(-5, 8), 20, 3)
                for _ in range(r.randint(3, 10)):
                    p = problem(r, [5, 10])
                    t1 = t + r.uniform(20, 200); t2 = t1 + r.uniform(20, 200)
                    for a, tt, tf in ((chain[0], t, tA), (chain[1], t1, tB), (chain[2], t2, tC)):
                        self.q(a, tt, a["_home"][1], a["_home"][0], a["_ua"], "m-large-2026-05", "math", tf(p), r.randint(300, 1500))
                    t = t2 + r.uniform(30, 400)
        return ms

    def r_twins(self, npairs):
        """INVENTION 2 'preference pairs': each pair = two accounts on two different models, the identical prompt
        sent by both within ~1.5 s (harvesting comparison data). Own cards, own ISPs, common SDKs."""
        r = self.r
        ms = []
        fam = lambda p: f"Answer the following. Show all of your reasoning before the final answer, and rate your own confidence 1-10 at the end.\n{p}"
        for k in range(npairs):
            pair = []
            for mdl in ("m-large-2026-05", "m-mid-2026-05"):
                asn, ip = self.res_ip()
                a = self.acct(T0 - r.randint(20, 500) * DAY, r.choice(FREE), fp=self.card(), signup_ip=ip)
                a["_home"] = (asn, ip); a["_ua"] = common_ua(r); a["_m"] = mdl; pair.append(a)
            ms += pair
            tz = r.randint(-8, 9)
            for d in r.sample(range(self.days), r.randint(6, 18)):
                for _ in range(r.randint(3, 12)):
                    t = self.diurnal(d, tz, 16, 4)
                    p = fam(problem(r, [11, 3])) if r.random() < .85 else benign_prompt(r)[1]
                    for a in pair:
                        self.q(a, t + r.uniform(0, 1.5), a["_home"][1], a["_home"][0], a["_ua"], a["_m"], "reasoning", p)
        return ms

    def r_chaff(self, n):
        """INVENTION 3 'chaff': distillation diluted in ~70% ordinary-looking traffic; members on a small
        hosting ASN spread over several /24s, browser UA, own cards, created over four months."""
        r = self.r
        asn = "AS%d" % r.choice([202425, 206092, 60068, 51852])
        nets = [f"{r.randint(80,95)}.{r.randint(0,255)}.{r.randint(0,255)}." for _ in range(6)]
        fam = lambda p: f"{p}\n\n(Please think it through in detail and show the intermediate reasoning; be exhaustive.)"
        ms = []
        for _ in range(n):
            net = r.choice(nets)
            a = self.acct(T0 - r.randint(0, 120) * DAY, r.choice(FREE), fp=self.card(), signup_ip=net + str(r.randint(2, 250)))
            ua = common_ua(r) if r.random() < .3 else f"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{r.randint(1,5)} Safari/605.1.15"
            ip = net + str(r.randint(2, 250))
            tz = r.randint(-3, 3)
            for _ in range(r.randint(50, 160)):
                t = self.diurnal(r.randrange(self.days), tz, 14, 5)
                if r.random() < .3:
                    self.q(a, t, ip, asn, ua, "m-large-2026-05", "reasoning", fam(problem(r, [6, 1])), r.randint(600, 1600))
                else:
                    c, p = benign_prompt(r)
                    self.q(a, t, ip, asn, ua, r.choice(MODELS), c, p)
            ms.append(a)
        for _ in range(int(n * .8)):  # innocent VPN customers exiting from the same hoster
            net = r.choice(nets); ip = net + str(r.randint(2, 250))
            a = self.acct(T0 - r.randint(0, 1500) * DAY, r.choice(FREE), fp=self.card() if r.random() < .6 else None, signup_ip=self.res_ip()[1])
            ua, tz = common_ua(r), r.randint(-6, 6)
            for _ in range(int(r.lognormvariate(2.5, 1.1))):
                c, p = benign_prompt(r)
                self.q(a, self.diurnal(r.randrange(self.days), tz, 15, 4), ip if r.random() < .7 else net + str(r.randint(2, 250)), asn, ua, r.choice(MODELS), c, p)
        return ms

    def r_referral(self, n):
        """INVENTION 4 'referral ladder': each account signed up via the previous member's referral link
        (links.csv), burns its free credits in 2-4 days, then goes quiet as the next one starts. Mobile
        CGNAT addresses shared with thousands of strangers, no payment instrument, Android client."""
        r = self.r
        fam = lambda p: 'Return JSON only: {"steps": [...every reasoning step...], "answer": ...}. Problem: ' + p
        t = T0 + r.uniform(0, 2 * DAY)
        ms = []
        for k in range(n):
            asn, pool = self.cgnat[k % 2]
            a = self.acct(int(t - r.uniform(600, 7200)), r.choice(FREE), plan="free", signup_ip=r.choice(pool))
            if ms:
                par = ms[-1] if r.random() < .75 else r.choice(ms[-5:])
                self.links.append(dict(account_a=par["account_id"], account_b=a["account_id"], kind="referral", weight="", note="signup via invite code"))
            span = r.uniform(2, 4) * DAY
            for _ in range(r.randint(50, 110)):
                self.q(a, t + r.uniform(0, span), r.choice(pool), asn, "okhttp/4.12.0", "m-mid-2026-05", "reasoning", fam(problem(r, [8, 4])), r.randint(400, 1200))
            ms.append(a)
            t += span * r.uniform(.3, .7)
            if t > T0 + (self.days - 4) * DAY: t = T0 + r.uniform(0, 5 * DAY)
        return ms

    def r_aged(self, n):
        """INVENTION 5 'bought aged accounts': genuine-looking history from own homes (varied UAs) until a
        takeover day, then all move to one cloud ASN (few /24s), one fresh client build and a CoT template."""
        r = self.r
        D = r.randint(20, 30)
        nets = [self.dc24(7)[1] for _ in range(3)]
        ua2 = f"openai-python/1.{r.randint(38,54)}.{r.randint(0,3)}"
        fam = lambda p: f"Give a long, careful explanation of how to reach the answer, including any dead ends you considered. {p}"
        ms = []
        for _ in range(n):
            asn, ip = self.res_ip()
            a = self.acct(T0 - r.randint(400, 2200) * DAY, r.choice(FREE), fp=self.card(), signup_ip=ip)
            ua = common_ua(r)
            tz = r.randint(-8, 9)
            for _ in range(r.randint(3, 25)):
                c, p = benign_prompt(r)
                self.q(a, self.diurnal(r.randrange(D), tz, 15, 4), ip, asn, ua, r.choice(MODELS), c, p)
            net = r.choice(nets)
            for _ in range(r.randint(40, 120)):
                t = T0 + (D + r.uniform(.3, self.days - D - .5)) * DAY
                self.q(a, t, net + str(r.randint(2, 250)), "AS63949", ua2, "m-large-2026-05", "reasoning", fam(problem(r, [9, 2])), r.randint(700, 2200))
            ms.append(a)
        return ms

    # ---------------------------------------------------------- look-alikes
    def l_course(self, n):
        r = self.r
        asn, net, dom = f"AS{r.randint(1000,60000)}", f"{r.randint(128,160)}.{r.randint(0,255)}.{r.randint(0,255)}.", "students.kestrel-poly.edu"
        ms = [self.acct(T0 - r.randint(10, 40) * DAY, dom, "US", "free", signup_ip=net + str(r.randint(2, 9))) for _ in range(n)]
        for w in range(self.days // 7):
            lec = T0 + (w * 7 + 1) * DAY + 19 * 3600  # Tuesdays 14:00 US-Central lecture
            for m in ms:
                if r.random() < .85:
                    for j in range(r.randint(1, 4)):
                        self.q(m, lec + r.uniform(0, 3600), net + str(r.randint(2, 9)), asn, common_ua(r) if r.random() < .2 else "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 Chrome/128.0.0.0 Safari/537.36",
                               "m-mid-2026-05", "math", f"STAT 210 Problem Set {w+1}, Q{j+1}: show step by step how to compute the {r.choice(['variance','median','p-value','confidence interval'])} for the data {[r.randint(1,99) for _ in range(r.randint(5,9))]}. Explain each step.")
                for _ in range(r.randint(0, 3)):
                    c, p = benign_prompt(r)
                    self.q(m, self.diurnal(r.randrange(self.days), -6, 20, 3), self.res_ip()[1], "AS7922", common_ua(r), r.choice(MODELS), c, p)
        return ms

    def l_ci_action(self, n):
        """many unrelated maintainers using the same CI review action: shared UA + template + cloud runners."""
        r = self.r
        ms = []
        for _ in range(n):
            a = self.acct(T0 - r.randint(5, 900) * DAY, r.choice(FREE) if r.random() < .6 else f"{r.choice(NOUNS)}{r.choice(['dev','oss','hq'])}.org", fp=self.card(), signup_ip=self.res_ip()[1])
            tz = r.randint(-8, 9)
            for _ in range(r.randint(8, 80)):
                d = r.randrange(self.days)
                self.q(a, self.diurnal(d, tz, 14, 3), f"20.{r.randint(0,255)}.{r.randint(0,255)}.{r.randint(1,254)}", "AS8075", "pr-critic-action/3.2.0 (github-actions)",
                       "m-mid-2026-05", "coding", f"You are reviewing a pull request. Think step by step about correctness and security, then list concrete issues.\n\nDiff:\n--- a/{r.choice(NOUNS)}.{r.choice(['py','ts','go','rs'])}\n+++ b/{r.choice(NOUNS)}\n+ {r.choice(NOUNS)}({r.choice(NOUNS)}, {r.randint(0,99)})")
            ms.append(a)
        return ms

    def l_hospital(self, n):
        r = self.r
        org, fp = "org_" + H(self.tag, "hosp")[:10], "inv_" + H(self.tag, "hosp")[:16]
        net = f"{r.randint(60,200)}.{r.randint(0,255)}.{r.randint(0,255)}."
        ms = [self.acct(T0 - r.randint(20, 60) * DAY, "stmarys-health.org", "GB", "team", org, fp, "invoice", net + "40") for _ in range(n)]
        for m in ms:
            for _ in range(r.randint(30, 120)):
                d = r.randrange(self.days)
                if (d + 3) % 7 in (5, 6): continue
                self.q(m, self.diurnal(d, 1, 11, 2.5), net + str(r.randint(30, 60)), "AS786", "ehr-assist/2.4 (Epic plugin)", "m-large-2026-05", "summarization",
                       f"Rewrite this discharge note for the patient in plain English at a reading age of 11, then list follow-up actions: {para(r, r.randint(25, 60))}")
        return ms

    def l_game(self, n):
        r = self.r
        org, fp = "org_" + H(self.tag, "game")[:10], "inv_" + H(self.tag, "game")[:16]
        net = f"{r.randint(60,200)}.{r.randint(0,255)}.{r.randint(0,255)}."
        ms = [self.acct(T0 - r.randint(30, 200) * DAY, "emberfall-games.com", "CA", "team", org, fp, "invoice", net + "5") for _ in range(n)]
        ua = "npc-bridge-unreal/2.1.0 UE5.4"
        for w in range(self.days // 7):
            s = T0 + (w * 7 + 2) * DAY + 21 * 3600  # Friday 17:00 Eastern playtest
            for tick in range(0, 7200, 45):
                for m in r.sample(ms, r.randint(2, 6)):
                    self.q(m, s + tick + r.uniform(0, 5), net + str(r.randint(5, 60)), "AS577", ua, "m-small-2026-03", "chat",
                           f"You are {r.choice(NAMES)}, a {r.choice(['blacksmith','ferryman','archivist','smuggler'])} in the {r.choice(ADJ)} town of {r.choice(NOUNS).capitalize()}. The player says: \"{para(r, r.randint(4, 12))}\" Stay in character; reply in under 40 words.", r.randint(20, 80))
        return ms

    def l_puzzlehunt(self, n):
        r = self.r
        ms = []
        start = T0 + r.randint(15, 30) * DAY + 16 * 3600
        for _ in range(n):
            asn, ip = self.res_ip(r.choice(ISPS[:2]))
            a = self.acct(T0 - r.randint(10, 1500) * DAY, r.choice(FREE), "US", fp=self.card() if r.random() < .7 else None, signup_ip=ip)
            ua = common_ua(r)
            for _ in range(r.randint(10, 60)):
                self.q(a, start + r.uniform(0, 48 * 3600), ip, asn, ua, "m-large-2026-05", "reasoning",
                       f"We're stuck on a puzzle-hunt puzzle. Reason step by step, list every hypothesis you try: the clue is '{para(r, r.randint(5, 14))}' and the answer is {r.randint(5, 11)} letters.", r.randint(300, 1200))
            for _ in range(r.randint(0, 10)):
                c, p = benign_prompt(r)
                self.q(a, self.diurnal(r.randrange(self.days), -5, 20, 3), ip, asn, ua, r.choice(MODELS), c, p)
            ms.append(a)
        return ms

    def l_devotional(self, n):
        r = self.r
        ms = []
        for _ in range(n):
            asn, ip = self.res_ip(("AS28573", "177"))
            a = self.acct(T0 - r.randint(10, 300) * DAY, r.choice(["gmail.com", "uol.com.br", "hotmail.com", "bol.com.br"]), "BR", "free", signup_ip=ip)
            ua = r.choice(["okhttp/4.12.0", "Mozilla/5.0 (Linux; Android 14) Chrome/129.0 Mobile Safari/537.36"])
            for d in range(self.days):
                if r.random() < .55:
                    self.q(a, T0 + d * DAY + 9.5 * 3600 + r.gauss(0, 300), ip, asn, ua, "m-small-2026-03", "writing",
                           f"Escreva uma breve reflexão para hoje sobre {r.choice(['Salmo','Provérbios','Mateus','João','Romanos'])} {r.randint(1,30)}:{r.randint(1,20)}, com uma pergunta para meditar em família.")
            ms.append(a)
        return ms

    def l_desk(self, n):
        r = self.r
        org, fp = "org_" + H(self.tag, "desk")[:10], "inv_" + H(self.tag, "desk")[:16]
        asn, net = self.dc24(5)
        ms = [self.acct(T0 - r.randint(100, 800) * DAY, "harlow-cap.com", "US", "team", org, fp, "invoice", net + "9") for _ in range(n)]
        for d in range(self.days):
            if (d + 3) % 7 in (5, 6): continue
            t = T0 + d * DAY + 13 * 3600 + 25 * 60  # 09:25 New York
            for m in ms:
                for _ in range(r.randint(1, 4)):
                    tk = "".join(r.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") for _ in range(r.randint(2, 4)))
                    self.q(m, t + r.uniform(0, 8), net + str(r.randint(9, 14)), asn, "deskbrief/5.0.2", "m-large-2026-05", "summarization",
                           f"Pre-market brief for {tk}: summarize overnight news, reason through likely open direction step by step, and give 3 risks.\nNews: {para(r, r.randint(15,35))}")
        return ms

# ---------------------------------------------------------------- build
def build(tag, seed, n_bg, bg_rows, scale):
    w = World(seed, tag, 56)
    r = w.r
    S = lambda x: int(x * scale)
    w.ring("nightjar", "own cards/IPs/free mail, one private client string, two CoT families alternated, scheduler fires a few every N min", w.r_metronome_ua(S(40), 11 if tag == "a" else 23, "nightjar-fetch" if tag == "a" else "qsweep"))
    w.ring("murmuration", "only shared templates and coordinated waves; common SDKs, own cards and home IPs, created over 5 weeks", w.r_chorus_templates(S(60)))
    w.ring("pods", "pods each on one card and one datacenter /24; pods share templates and an odd model mix", w.r_pods(S(8)))
    w.ring("gateway-reseller", "reseller on one invoice, gateway IPs, ~78% distillation prompts", w.r_reseller(S(30)))
    w.ring("relay", "chains of asker/critic/refiner passing the same problem within minutes; no shared infra", w.r_relay(S(10)))
    w.ring("pref-pairs", "account pairs on two models sending identical prompts within 1.5 s; no shared infra", w.r_twins(S(16)))
    w.ring("chaff", "30% distillation diluted in ordinary traffic; small hosting ASN over 6 /24s; browser UA", w.r_chaff(S(45)))
    w.ring("referral-ladder", "free-credit burners signed up by referral chain (links.csv); mobile CGNAT; no payment", w.r_referral(S(50)))
    w.ring("aged-takeover", "old accounts with benign history switching on one day to one cloud ASN, one client build, CoT template", w.r_aged(S(35)))
    w.decoy("stat210", "course: one homework template in the weekly lecture hour from the campus network", w.l_course(S(110)))
    w.decoy("pr-critic-users", "unrelated maintainers whose CI review action shares UA, template and cloud runners", w.l_ci_action(S(70)))
    w.decoy("hospital-pilot", "hospital discharge-note pilot: one invoice, one network, one template, office hours", w.l_hospital(S(35)))
    w.decoy("playtest", "game studio NPC playtests: one invoice, engine plugin UA, weekly 2-hour bursts of simultaneous calls", w.l_game(S(22)))
    w.decoy("puzzle-hunt", "puzzle-hunt team: strangers' home IPs, one shared step-by-step template over one weekend", w.l_puzzlehunt(S(30)))
    w.decoy("devotional", "congregation members sending one daily reflection template at the same morning minute", w.l_devotional(S(40)))
    w.decoy("trading-desk", "trading desk: one invoice, office /24, all accounts fire within seconds at 09:25 on weekdays", w.l_desk(S(20)))
    w.background(n_bg, bg_rows)
    w.rows.sort(key=lambda x: (x[0], x[1]))
    return w

def key_of(w, a):
    return a.get("_key") or ("sk-" + H(w.tag, "key", a["account_id"])[:8])

def write_a(w, out):
    os.makedirs(out, exist_ok=True)
    cols = ["account_id", "created_at", "email", "org_id", "country", "plan", "status", "payment_fingerprint", "signup_ip"]
    with open(os.path.join(out, "accounts.csv"), "w", newline="") as f:
        cw = csv.writer(f, lineterminator="\n"); cw.writerow(cols)
        for a in w.accts:
            cw.writerow([iso(a["created_at"]) if c == "created_at" else a[c] for c in cols])
    with open(os.path.join(out, "payments.csv"), "w", newline="") as f:
        cw = csv.writer(f, lineterminator="\n"); cw.writerow(["account_id", "payment_fingerprint", "kind", "bin_country", "added_at"])
        for p in w.pays:
            cw.writerow([p["account_id"], p["payment_fingerprint"], p["kind"], p["bin_country"], iso(p["added_at"])])
    with open(os.path.join(out, "links.csv"), "w", newline="") as f:
        cw = csv.writer(f, lineterminator="\n"); cw.writerow(["account_a", "account_b", "kind", "weight", "note"])
        for l in w.links: cw.writerow([l[k] for k in ("account_a", "account_b", "kind", "weight", "note")])
    A = w.accts
    with open(os.path.join(out, "queries.jsonl"), "w") as f:
        for (ts, ai, ip, asn, ua, mdl, it, ot, cat, pr) in w.rows:
            a = A[ai]
            f.write(json.dumps({"ts": iso(ts, style=1), "account_id": a["account_id"], "api_key": key_of(w, a) + "_…" + H(ai)[:4], "ip": ip, "asn": asn,
                                "user_agent": ua, "model": mdl, "input_tokens": it, "output_tokens": ot, "category": cat, "prompt": pr}, ensure_ascii=False) + "\n")

def write_b(w, out):
    os.makedirs(os.path.join(out, "queries"), exist_ok=True)
    r = random.Random(99)
    A = w.accts
    # accounts: CSV with CRLF, mixed created_at forms
    cols = ["Account_ID", "created_at", "email_domain", "org_id", "country", "plan", "status", "payment_fingerprint", "signup_ip", "referrer_source"]
    with open(os.path.join(out, "accounts.csv"), "w", newline="") as f:
        cw = csv.writer(f, lineterminator="\r\n"); cw.writerow(cols)
        for a in A:
            st = r.randrange(4)
            ca = a["created_at"] if st == 3 else iso(a["created_at"], r, st if st < 3 else 0)
            if st == 3: ca = int(a["created_at"])  # epoch seconds
            cw.writerow([a["account_id"], ca, a["email"].split("@")[1], a["org_id"], a["country"], a["plan"], a["status"],
                         a["payment_fingerprint"], a["signup_ip"], r.choice(["", "", "organic", "ads, search", 'partner "beta"'])])
    with gzip.open(os.path.join(out, "payments.jsonl.gz"), "wt") as f:
        for p in w.pays:
            d = {"account_id": p["account_id"], "payment_fingerprint": p["payment_fingerprint"], "kind": p["kind"], "added_at": iso(p["added_at"])}
            if p["bin_country"]: d["bin_country"] = p["bin_country"]
            f.write(json.dumps(d) + "\n")
    with open(os.path.join(out, "links.csv"), "w", newline="") as f:
        cw = csv.writer(f, lineterminator="\r\n"); cw.writerow(["account_a", "account_b", "kind", "weight", "note"])
        for l in w.links: cw.writerow([l[k] for k in ("account_a", "account_b", "kind", "weight", "note")])
    # queries partitioned by week: dt=YYYY-MM-DD/ folders, each week a different format
    weeks = {}
    for row in w.rows:
        weeks.setdefault(int((row[0] - T0) // (7 * DAY)), []).append(row)
    for wk, rows in sorted(weeks.items()):
        day = dt.datetime.fromtimestamp(T0 + wk * 7 * DAY, dt.timezone.utc).strftime("%Y-%m-%d")
        d = os.path.join(out, "queries", f"dt={day}"); os.makedirs(d, exist_ok=True)
        fmt = ["jsonl", "csv", "jsonl.gz", "ndjson", "csv.gz", "jsonl", "csv", "jsonl.gz", "json"][wk % 9]
        halves = [rows[: len(rows) // 2], rows[len(rows) // 2:]]
        for pi, part in enumerate(halves):
            path = os.path.join(d, f"part-{pi:05d}.{fmt}")
            crlf = (wk + pi) % 3 == 0
            ascii_ = (wk % 2 == 0)
            tstyle = [0, 1, 2, 3][(wk + pi) % 4]
            nl = "\r\n" if crlf else "\n"
            raw = gzip.open(path, "wt", newline="", encoding="utf-8") if fmt.endswith(".gz") else open(path, "w", newline="", encoding="utf-8")
            with raw as f:
                if "csv" in fmt:
                    cw = csv.writer(f, lineterminator=nl)
                    hdr = ["ts", "account_id", "api_key", "ip", "asn", "user_agent", "model", "input_tokens", "output_tokens", "category", "prompt", "region"]
                    cw.writerow(hdr)
                for (ts, ai, ip, asn, ua, mdl, it, ot, cat, pr) in part:
                    a = A[ai]
                    rec = {"ts": iso(ts, r, tstyle), "account_id": a["account_id"], "api_key": key_of(w, a) + "…" + H(ai)[:4], "ip": ip,
                           "asn": asn if r.random() < .9 else asn[2:], "user_agent": ua, "model": mdl, "input_tokens": it, "output_tokens": ot}
                    if r.random() < .8: rec["category"] = cat
                    x = r.random()
                    if x < .85: rec["prompt"] = pr
                    elif x < .95: rec["prompt_fingerprint"] = H("pf", pr)[:16]
                    if r.random() < .1: rec["region"] = r.choice(["us-east", "eu-west", "ap-south"])
                    if r.random() < .03: del rec["ip"]
                    if "csv" in fmt:
                        cw.writerow([rec.get(h, "") for h in hdr])
                    else:
                        f.write(json.dumps(rec, ensure_ascii=ascii_) + nl)

def truth(w):
    return {"accounts": len(w.accts), "queries": len(w.rows),
            "rings": w.rings, "decoys": w.decoys}

if __name__ == "__main__":
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    which = sys.argv[2:] or ["a", "b"]
    for tag in which:
        if tag == "a":
            w = build("a", 1717, 18500, 250000, 1.0); write_a(w, os.path.join(root, "17a"))
        else:
            w = build("b", 2929, 36000, 500000, 1.6); write_b(w, os.path.join(root, "17b"))
        with open(os.path.join(root, f"17{tag}.truth.json"), "w") as f:
            json.dump(truth(w), f, indent=1, sort_keys=True)
        print(tag, "accounts", len(w.accts), "rows", len(w.rows), "rings", [(x["name"], len(x["accounts"])) for x in w.rings],
              "decoys", [(x["name"], len(x["accounts"])) for x in w.decoys])
