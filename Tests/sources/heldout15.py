#!/usr/bin/env python3
"""Held-out source 15 (blind): a synthetic API-log export with planted
distillation rings and benign look-alikes.  Stdlib only, seeded, deterministic.

usage: gen.py OUTDIR            writes OUTDIR/15a, OUTDIR/15a.truth.json,
                                       OUTDIR/15b, OUTDIR/15b.truth.json
"""
import csv, datetime as dt, gzip, hashlib, io, json, math, os, random, shutil, sys

UTC = dt.timezone.utc
WIN_START = dt.datetime(2026, 8, 3, tzinfo=UTC)      # a Monday
WIN_DAYS = 56
WIN_END = WIN_START + dt.timedelta(days=WIN_DAYS)
T0 = int(WIN_START.timestamp())
T1 = int(WIN_END.timestamp())

# ---------------------------------------------------------------- networks
# residential ISPs per country: (asn, [first two octets], utc offset hours, langs)
COUNTRIES = {
    "US": (-6, ["en", "en", "en", "es"], [("AS7922", ["73.12", "98.204", "24.61", "67.180"]), ("AS7018", ["99.41", "108.218"]), ("AS20115", ["71.84", "97.93"])]),
    "GB": (0, ["en"], [("AS2856", ["86.142", "81.159"]), ("AS5089", ["82.31", "86.9"])]),
    "DE": (1, ["de", "de", "en"], [("AS3320", ["79.214", "91.49", "87.151"]), ("AS3209", ["94.134", "188.96"])]),
    "FR": (1, ["fr", "fr", "en"], [("AS3215", ["90.36", "86.246"]), ("AS12322", ["78.193", "82.64"])]),
    "ES": (1, ["es", "es", "en"], [("AS3352", ["83.37", "88.27"])]),
    "BR": (-3, ["pt", "pt", "en"], [("AS28573", ["177.94", "189.62"]), ("AS18881", ["191.33", "179.110"])]),
    "MX": (-6, ["es"], [("AS8151", ["187.190", "189.203"])]),
    "JP": (9, ["ja", "ja", "en"], [("AS4713", ["153.207", "180.12"]), ("AS2516", ["106.72", "111.98"])]),
    "CN": (8, ["zh"], [("AS4134", ["113.88", "116.21"]), ("AS4837", ["123.118", "60.24"])]),
    "KR": (9, ["ko", "ko", "en"], [("AS4766", ["121.134", "211.36"])]),
    "IN": (5, ["en", "hi", "en"], [("AS9829", ["117.199", "59.88"]), ("AS24560", ["122.171", "182.68"])]),
    "RU": (3, ["ru"], [("AS12389", ["95.24", "178.66"])]),
    "IT": (1, ["it", "en"], [("AS3269", ["79.20", "87.4"])]),
    "TR": (3, ["tr", "en"], [("AS9121", ["78.180", "88.230"])]),
    "PL": (1, ["pl", "en"], [("AS5617", ["83.6", "89.77"])]),
    "NG": (1, ["en"], [("AS29465", ["102.89", "105.112"])]),
    "EG": (2, ["ar", "en"], [("AS8452", ["41.44", "156.210"])]),
    "CA": (-5, ["en", "fr"], [("AS812", ["99.232", "174.112"])]),
    "AU": (10, ["en"], [("AS1221", ["120.152", "101.183"])]),
    "VN": (7, ["vi", "en"], [("AS7552", ["171.224", "14.231"])]),
    "ID": (7, ["id", "en"], [("AS7713", ["36.68", "180.252"])]),
}
COUNTRY_W = {"US": 26, "GB": 6, "DE": 7, "FR": 5, "ES": 3, "BR": 6, "MX": 2, "JP": 5, "CN": 3,
             "KR": 3, "IN": 12, "RU": 2, "IT": 2, "TR": 2, "PL": 2, "NG": 2, "EG": 1, "CA": 4,
             "AU": 3, "VN": 2, "ID": 2}
IPV6_ISP = {"US": ("AS7922", "2601:1c2"), "DE": ("AS3320", "2003:e6"), "FR": ("AS3215", "2a01:cb1"),
            "JP": ("AS2516", "240b:10"), "IN": ("AS55836", "2409:40e3")}
CLOUD = [("AS16509", ["3.88", "18.204", "52.14", "54.210", "35.170"]), ("AS396982", ["34.82", "35.226"]),
         ("AS14061", ["159.203", "167.99", "64.227"]), ("AS24940", ["95.216", "135.181", "65.108"]),
         ("AS16276", ["51.75", "141.94"]), ("AS8075", ["20.115", "40.76"])]
MOBILE_NAT = [("AS21928", "172.58.{}.{}", 40), ("AS55836", "49.36.{}.{}", 30), ("AS3215", "92.184.{}.{}", 12)]
VPN = [("AS9009", "185.156.{}.{}", 30), ("AS60068", "89.187.{}.{}", 25), ("AS212238", "149.88.{}.{}", 20),
       ("AS136787", "103.108.{}.{}", 15)]

SDK_UA = ["atlas-python/1.12.0", "atlas-python/1.11.4", "atlas-python/1.9.2", "atlas-node/4.2.1",
          "atlas-node/4.0.0", "python-requests/2.31.0", "python-requests/2.32.3", "curl/8.5.0",
          "curl/7.81.0", "Go-http-client/2.0", "okhttp/4.12.0", "axios/1.6.8", "langchain-atlas/0.2.7",
          "llamaindex/0.10.44", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AtlasConsole/2026.7",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AtlasConsole/2026.7", "atlas-java/0.8.1",
          "atlas-ruby/0.3.0", "httpx/0.27.0", "PostmanRuntime/7.39.0"]
SDK_W = [20, 8, 3, 9, 3, 7, 3, 4, 2, 3, 2, 3, 4, 2, 6, 5, 2, 1, 3, 2]

MODELS = ["atlas-medium-2026-05", "atlas-small-2025-11", "atlas-large-2026-05", "atlas-large-2025-02", "atlas-reasoner-preview"]
MODEL_W = [55, 28, 13, 2.5, 1.5]

FREE_MAIL = ["gmail.com"] * 40 + ["outlook.com"] * 10 + ["yahoo.com"] * 6 + ["hotmail.com"] * 5 + \
    ["proton.me"] * 4 + ["icloud.com"] * 5 + ["qq.com"] * 3 + ["163.com"] * 2 + ["naver.com"] * 2 + \
    ["gmx.de"] * 3 + ["web.de"] * 2 + ["yandex.ru"] * 2 + ["mail.ru"] + ["orange.fr"] + ["libero.it"] + \
    ["uol.com.br"] + ["yahoo.co.jp"] + ["rediffmail.com"] + ["tutanota.com"]

# ---------------------------------------------------------------- text
FIRST = ["ana", "li", "raj", "mia", "tom", "yuki", "omar", "lena", "ivan", "sara", "wei", "paulo", "nina",
         "kofi", "emre", "julia", "hana", "diego", "arjun", "zoe", "max", "ola", "minh", "fatima", "leo"]
LAST = ["smith", "kim", "garcia", "muller", "tanaka", "singh", "rossi", "nowak", "silva", "chen", "dubois",
        "ivanova", "yilmaz", "okafor", "nguyen", "haddad", "santos", "patel", "berg", "lopez"]

TOPICS_EN = ["a birthday party", "my landlord", "a job interview", "climate change", "the French revolution",
             "photosynthesis", "a used car", "my sourdough starter", "marathon training", "a cover letter",
             "kubernetes", "React hooks", "a SQL join", "tax deductions", "a wedding toast", "my cat",
             "quantum entanglement", "the stock market", "a D&D campaign", "learning guitar", "Rust lifetimes",
             "a pitch deck", "sleep hygiene", "a fantasy novel", "regex for emails", "a Python decorator",
             "my thesis introduction", "the Roman empire", "a product launch email", "Excel pivot tables"]
EN_FRAMES = [
    "Can you help me write a short email to {t}? Keep it polite but firm.",
    "What are some good ideas for {t}?",
    "Explain {t} like I'm five.",
    "I'm stuck on {t}. Here's what I tried so far: {junk}. What am I doing wrong?",
    "Give me a 3-day plan for {t}.",
    "Summarize the following in two sentences:\n\n{para}",
    "Rewrite this to sound more professional: {para}",
    "Is it true that {t} {claim}?",
    "write a haiku about {t}",
    "pros and cons of {t}",
    "Fix this code:\n```\n{code}\n```\nIt throws {err}",
    "What's the difference between {t} and {t2}?",
    "Draft a LinkedIn post about {t}, under 120 words.",
    "tell me a joke about {t}",
    "How do I get started with {t}? I have about {n} hours a week.",
    "Translate to {tl}: \"{para}\"",
    "{para}\n\nWhat do you think of this paragraph?",
    "Brainstorm 10 names for a startup about {t}.",
    "My teacher says {t} {claim}. Can you explain why, step by step?",
    "Convert this to a markdown table: {csvline}",
]
CLAIMS = ["is overrated", "was invented in 1912", "causes inflation", "is the hardest part", "depends on the weather",
          "is mostly marketing", "works differently in Europe", "can be done in one afternoon"]
ERRS = ["TypeError: 'NoneType' object is not subscriptable", "segmentation fault", "NullPointerException",
        "undefined is not a function", "borrowed value does not live long enough", "KeyError: 'id'", "a 403"]
CODE = ["for i in range(len(xs)):\n    total += xs[i+1]", "const x = await fetch(url).json()",
        "SELECT * FROM orders o JOIN users u WHERE o.uid = u.id", "fn first(v: &Vec<String>) -> &str { &v[0] }",
        "df.groupby('city').mean()['price'", "if (x = 5) { return true; }", "let s = String::new(); s.push('a');"]
WORDS = ("the of and to in is that for it as was with be by on not he this are or his from at which but have an "
         "they you were her she there one all we their can has been if more when will would who so no time "
         "market customer report meeting schedule budget project team quarter deadline garden recipe river "
         "mountain school village engine battery signal network student lecture story music weekend train").split()

OTHER_LANG = {
    "es": ["¿Me ayudas a escribir un correo a {t}?", "Explícame {t} de forma sencilla.", "Dame ideas para {t}.",
           "Resume este texto: {para}", "¿Cuál es la diferencia entre {t} y {t2}?", "Escribe un poema corto sobre {t}.",
           "Corrige la ortografía: {para}", "¿Cómo empiezo con {t}? Tengo {n} horas a la semana."],
    "de": ["Kannst du mir eine E-Mail an {t} schreiben?", "Erkläre {t} einfach.", "Ideen für {t}, bitte.",
           "Fasse diesen Text zusammen: {para}", "Was ist der Unterschied zwischen {t} und {t2}?",
           "Schreib ein kurzes Gedicht über {t}.", "Wie fange ich mit {t} an? Ich habe {n} Stunden pro Woche.",
           "Übersetze ins Englische: „{para}“"],
    "fr": ["Peux-tu m'aider à écrire un mail à {t} ?", "Explique-moi {t} simplement.", "Des idées pour {t} ?",
           "Résume ce texte : {para}", "Quelle est la différence entre {t} et {t2} ?", "Écris un petit poème sur {t}.",
           "Comment débuter avec {t} ? J'ai {n} heures par semaine.", "Corrige les fautes : « {para} »"],
    "pt": ["Pode me ajudar a escrever um e-mail para {t}?", "Explique {t} de forma simples.", "Ideias para {t}?",
           "Resuma este texto: {para}", "Qual a diferença entre {t} e {t2}?", "Escreva um poema curto sobre {t}.",
           "Como começo com {t}? Tenho {n} horas por semana."],
    "ja": ["{t}について簡単に説明してください。", "{t}に関するメールを書いてください。", "{t}のアイデアを5つください。",
           "次の文章を要約して：{para}", "{t}と{t2}の違いは何ですか？", "{t}についての短い詩を書いて。",
           "週に{n}時間しかないのですが、{t}の始め方を教えてください。"],
    "zh": ["请用简单的语言解释{t}。", "帮我写一封关于{t}的邮件。", "给我五个关于{t}的点子。", "总结下面这段话：{para}",
           "{t}和{t2}有什么区别？", "写一首关于{t}的短诗。", "我每周只有{n}个小时，怎么开始学{t}？"],
    "ko": ["{t}에 대해 쉽게 설명해 주세요.", "{t} 관련 이메일을 써 주세요.", "{t} 아이디어 5개 주세요.",
           "다음 글을 요약해 줘: {para}", "{t}와 {t2}의 차이는 뭐예요?", "{t}에 대한 짧은 시를 써 줘."],
    "ru": ["Помоги написать письмо про {t}.", "Объясни {t} простыми словами.", "Идеи для {t}?",
           "Кратко перескажи: {para}", "В чём разница между {t} и {t2}?", "Напиши короткое стихотворение про {t}."],
    "hi": ["{t} को आसान भाषा में समझाइए।", "{t} के बारे में एक ईमेल लिखिए।", "{t} के लिए कुछ विचार दीजिए।",
           "इसका सारांश लिखिए: {para}", "{t} और {t2} में क्या अंतर है?"],
    "ar": ["اشرح لي {t} ببساطة.", "ساعدني في كتابة رسالة عن {t}.", "أعطني أفكاراً حول {t}.", "لخص هذا النص: {para}",
           "ما الفرق بين {t} و{t2}؟"],
    "it": ["Mi spieghi {t} in modo semplice?", "Scrivi una mail su {t}.", "Idee per {t}?", "Riassumi: {para}"],
    "tr": ["{t} konusunu basitçe açıklar mısın?", "{t} hakkında bir e-posta yaz.", "{t} için fikirler ver.",
           "Şunu özetle: {para}"],
    "pl": ["Wyjaśnij prosto {t}.", "Napisz maila o {t}.", "Pomysły na {t}?", "Streść: {para}"],
    "vi": ["Giải thích {t} một cách đơn giản.", "Viết email về {t}.", "Cho tôi ý tưởng về {t}.", "Tóm tắt: {para}"],
    "id": ["Jelaskan {t} dengan sederhana.", "Tuliskan email tentang {t}.", "Beri ide tentang {t}.", "Ringkas: {para}"],
}
LANG_TOPICS = {
    "es": ["mi casero", "la fotosíntesis", "un viaje a Lisboa", "mi tesis", "una receta de paella", "el fútbol"],
    "de": ["meinen Vermieter", "die Steuererklärung", "Photosynthese", "eine Bewerbung", "den Urlaub", "Kubernetes"],
    "fr": ["mon propriétaire", "la photosynthèse", "un entretien", "la Révolution", "une recette de crêpes", "Python"],
    "pt": ["meu chefe", "a fotossíntese", "uma viagem", "meu TCC", "uma receita de bolo", "o Carnaval"],
    "ja": ["量子力学", "転職", "京都旅行", "確定申告", "カレーの作り方", "プログラミング"],
    "zh": ["量子计算", "考研", "旅游计划", "面试", "红烧肉", "机器学习"],
    "ko": ["양자역학", "취업 면접", "여행 계획", "김치찌개", "코딩 공부", "주식"],
    "ru": ["квантовую физику", "собеседование", "отпуск", "борщ", "программирование", "налоги"],
    "hi": ["प्रकाश संश्लेषण", "नौकरी का इंटरव्यू", "यात्रा", "क्रिकेट", "पढ़ाई"],
    "ar": ["الطاقة الشمسية", "مقابلة العمل", "السفر", "الطبخ", "البرمجة"],
    "it": ["la fotosintesi", "un colloquio", "la pasta", "le tasse"],
    "tr": ["fotosentez", "iş görüşmesi", "tatil", "yazılım"],
    "pl": ["fotosyntezę", "rozmowę o pracę", "wakacje", "podatki"],
    "vi": ["quang hợp", "phỏng vấn", "du lịch", "lập trình"],
    "id": ["fotosintesis", "wawancara kerja", "liburan", "pemrograman"],
}

# ---- distillation problem bank (fillers for the ring templates)
CITIES = ["Lyon", "Osaka", "Denver", "Porto", "Kraków", "Pune", "Leeds", "Busan", "Perth", "Quito", "Tartu", "Graz"]
ITEMS = ["apples", "notebooks", "tickets", "bolts", "tiles", "lanterns", "crates", "seedlings", "coins", "marbles"]


def problem(r):
    k = r.randrange(12)
    a, b, c = r.randint(3, 97), r.randint(2, 60), r.randint(2, 19)
    if k == 0:
        return f"A train leaves {r.choice(CITIES)} at {r.randint(5,11)}:{r.randint(10,59)} travelling at {a+40} km/h; a second leaves {b} minutes later at {a+60} km/h on the same track. When does the second catch up?"
    if k == 1:
        return f"A shop sells {r.choice(ITEMS)} in packs of {c}. Mia needs {a*b} of them and each pack costs ${b}.{r.randint(10,99)}. What is the minimum she spends?"
    if k == 2:
        return f"Find all integers n with 1 <= n <= {a*10} such that n^2 + {b} is divisible by {c}."
    if k == 3:
        return f"Prove or disprove: for every prime p > {c}, p^2 - 1 is divisible by {r.choice([12, 24, 48])}."
    if k == 4:
        return f"Write a function that returns the {r.choice(['longest', 'shortest', 'lexicographically smallest'])} substring of s containing at most {c % 5 + 2} distinct characters, and analyse its complexity."
    if k == 5:
        return f"Five friends sit in a row. {r.choice(FIRST).title()} is not at either end, {r.choice(FIRST).title()} sits left of {r.choice(FIRST).title()}, and exactly {c % 3 + 1} people sit between the two oldest. Who can sit in the middle? (variant {a}{b})"
    if k == 6:
        return f"A {a}-litre tank fills at {c} L/min and drains at {c % 7 + 1} L/min through a leak opened after {b} minutes. How long until it is full?"
    if k == 7:
        return f"Given the array [{', '.join(str(r.randint(-50, 99)) for _ in range(r.randint(6, 11)))}], compute the maximum subarray sum and list the subarray."
    if k == 8:
        return f"Why does ice float on water while most solids sink in their own liquid? Relate your answer to hydrogen bonding and density at {c} °C."
    if k == 9:
        return f"A bag holds {c} red and {b} blue marbles. Three are drawn without replacement. What is the probability that exactly two are red?"
    if k == 10:
        return f"Is the following argument valid? 'All {r.choice(ITEMS)} in crate {a} are inspected. Some inspected items are defective. Therefore some {r.choice(ITEMS)} in crate {a} are defective.'"
    return f"Compute the derivative of f(x) = x^{c % 6 + 2} * ln({a}x) + e^({b % 9 + 1}x) and evaluate it at x = 1."


# ---------------------------------------------------------------- helpers
def iso(ts, r=None, style="z_ms", off=0):
    """ts in seconds (float).  style: z, z_ms, off, epoch_ms"""
    if style == "epoch_ms":
        return int(round(ts * 1000))
    d = dt.datetime.fromtimestamp(ts, UTC)
    if style == "off":
        d = d.astimezone(dt.timezone(dt.timedelta(hours=off)))
        s = d.strftime("%Y-%m-%dT%H:%M:%S")
        ms = int(round((ts % 1) * 1000)) % 1000
        if ms:
            s += ".%03d" % ms
        o = d.strftime("%z")
        return s + o[:3] + ":" + o[3:]
    s = d.strftime("%Y-%m-%dT%H:%M:%S")
    if style == "z_ms":
        s += ".%03dZ" % (int(round((ts % 1) * 1000)) % 1000)
    elif style == "z_us":
        s += ".%06dZ" % (int((ts % 1) * 1e6))
    else:
        s += "Z"
    return s


class Source:
    def __init__(self, name, seed, n_bg, vol_scale):
        self.name = name
        self.r = random.Random(seed)
        self.n_bg = n_bg
        self.vol_scale = vol_scale
        self.accounts = []
        self.acct_by_id = {}
        self.payments = []
        self.rows = []     # (ts_float, account_id, dict)
        self.links = []
        self.rings = []
        self.decoys = []
        self.used_ids = set()
        self.nat_pools = {}
        self.vpn_ips = []
        for asn, pat, n in VPN:
            for _ in range(n):
                self.vpn_ips.append((pat.format(self.r.randint(0, 255), self.r.randint(1, 254)), asn))
        self.mobile_ips = []
        for asn, pat, n in MOBILE_NAT:
            for _ in range(n):
                self.mobile_ips.append((pat.format(self.r.randint(0, 255), self.r.randint(1, 254)), asn))
        self.integration_uas = ["Scribbly-Desktop/5.4.2 (atlas-integration)", "NotionBridge/3.1 atlas-connector",
                                "mailmerge-ai/2.0.9", "ZapFlow-Atlas/1.18", "ObsidianCopilot/0.9.3"]

    # ids
    def new_id(self):
        while True:
            s = "u" + "".join(self.r.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(11))
            if s not in self.used_ids:
                self.used_ids.add(s)
                return s

    def fp(self, tag=""):
        return "pf" + hashlib.sha1(("%s%s%f" % (self.name, tag, self.r.random())).encode()).hexdigest()[:20]

    def key(self):
        return "sk-atl-" + "".join(self.r.choice("0123456789abcdefABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(32))

    def res_ip(self, country, v6=False):
        r = self.r
        if v6 and country in IPV6_ISP and r.random() < 0.5:
            asn, p = IPV6_ISP[country]
            return "%s:%x:%x::%x:%x" % (p, r.randrange(65536), r.randrange(65536), r.randrange(65536), r.randrange(65536)), asn
        asn, pre = r.choice(COUNTRIES[country][2])
        return "%s.%d.%d" % (r.choice(pre), r.randrange(256), r.randint(2, 254)), asn

    def cloud_ip(self, asn=None, pre=None):
        r = self.r
        if asn is None:
            asn, pres = r.choice(CLOUD)
            pre = r.choice(pres)
        return "%s.%d.%d" % (pre, r.randrange(256), r.randint(2, 254)), asn

    def dc24(self):
        asn, pres = self.r.choice(CLOUD + [("AS51167", ["62.171", "185.228"]), ("AS20473", ["45.76", "149.28"])])
        return "%s.%d" % (self.r.choice(pres), self.r.randrange(256)), asn

    def country(self):
        return self.r.choices(list(COUNTRY_W), weights=list(COUNTRY_W.values()))[0]

    def email(self, domain=None, style=0):
        r = self.r
        f, l = r.choice(FIRST), r.choice(LAST)
        local = r.choice([f + "." + l, f + l + str(r.randint(1, 99)), f[0] + l, l + f + str(r.randint(1970, 2008)), f + "_" + l[:3] + str(r.randint(100, 999))])
        return local + "@" + (domain or r.choice(FREE_MAIL))

    def add_account(self, created, country=None, email=None, org=None, plan="pay_as_you_go", status="active",
                    pay=None, pay_kind="card", signup_ip=None, extra=None):
        aid = self.new_id()
        country = country or self.country()
        a = {"account_id": aid, "created_at": created, "email": email or self.email(), "org_id": org or "",
             "country": country, "plan": plan, "status": status, "payment_fingerprint": pay or "",
             "signup_ip": signup_ip or "", "keys": [self.key()]}
        a["extra"] = extra or {}
        self.accounts.append(a)
        self.acct_by_id[aid] = a
        if pay:
            self.payments.append({"account_id": aid, "payment_fingerprint": pay, "kind": pay_kind,
                                  "bin_country": country if pay_kind == "card" else "", "added_at": created + self.r.randint(0, 86400 * 3)})
        return a

    def created_spread(self, lo_year=2021):
        lo = dt.datetime(lo_year, 1, 1, tzinfo=UTC).timestamp()
        hi = T1 - 86400
        # more recent accounts more common
        u = self.r.random() ** 0.6
        return int(lo + (hi - lo) * u)

    # ---------------------------------------------------------------- prompts
    def benign_prompt(self, lang):
        r = self.r
        if lang == "en":
            f = r.choice(EN_FRAMES)
            para = " ".join(r.choice(WORDS) for _ in range(r.randint(8, 40))).capitalize() + "."
            return f.format(t=r.choice(TOPICS_EN), t2=r.choice(TOPICS_EN), junk=" ".join(r.choice(WORDS) for _ in range(6)),
                            para=para, claim=r.choice(CLAIMS), code=r.choice(CODE), err=r.choice(ERRS), n=r.randint(1, 20),
                            tl=r.choice(["French", "Spanish", "German", "Japanese", "Hindi"]),
                            csvline=",".join(r.choice(WORDS) for _ in range(8)))
        f = r.choice(OTHER_LANG[lang])
        tops = LANG_TOPICS[lang]
        para = " ".join(r.choice(WORDS) for _ in range(r.randint(6, 25)))
        if lang in ("ja", "zh"):
            para = "".join(r.choice(tops) for _ in range(r.randint(2, 5))) + "。" + para
        return f.format(t=r.choice(tops), t2=r.choice(tops), para=para, n=r.randint(1, 20))

    def category_for(self, prompt):
        p = prompt.lower()
        if "```" in p or "code" in p or "function" in p or "sql" in p:
            return "coding"
        if "step" in p or "reason" in p or "prove" in p or "probability" in p:
            return "reasoning"
        if "translate" in p or "übersetze" in p:
            return "translation"
        if "email" in p or "mail" in p or "post" in p or "poem" in p or "haiku" in p:
            return "writing"
        return self.r.choice(["qa", "qa", "other", "writing", "advice"])

    # ---------------------------------------------------------------- query emission
    def q(self, ts, a, prompt, model=None, ip=None, asn=None, ua=None, out_tok=None, key=None, cat=None, extra=None):
        r = self.r
        if ts < T0 or ts >= T1:
            return
        d = {"api_key": key or a["keys"][0], "ip": ip, "asn": asn, "user_agent": ua,
             "model": model or r.choices(MODELS, weights=MODEL_W)[0],
             "input_tokens": int(len(prompt) / 3.6) + r.randint(8, 60),
             "output_tokens": out_tok if out_tok is not None else int(r.lognormvariate(5.6, 0.8)),
             "category": cat or self.category_for(prompt), "prompt": prompt}
        if extra:
            d.update(extra)
        self.rows.append((ts, a["account_id"], d))

    def session_times(self, n, tz, day_lo=0, day_hi=WIN_DAYS, hours=(8, 23), weekday_only=False):
        """n query times grouped in sessions, in local waking hours."""
        r = self.r
        out = []
        while len(out) < n:
            day = r.randrange(day_lo, day_hi)
            if weekday_only and (day % 7) >= 5:
                continue
            h = r.uniform(*hours)
            t = T0 + day * 86400 + (h - tz) * 3600
            k = min(n - len(out), max(1, int(r.expovariate(1 / 3.0)) + 1))
            for _ in range(k):
                out.append(t)
                t += r.expovariate(1 / 90.0) + 8
        return out

    # ---------------------------------------------------------------- background
    def background(self):
        r = self.r
        n = self.n_bg
        campus = {}
        for uni, asn, pre, cc in [("utexas.edu", "AS18", "128.83", "US"), ("ox.ac.uk", "AS786", "129.67", "GB"),
                                  ("tum.de", "AS12816", "129.187", "DE"), ("iitb.ac.in", "AS132423", "103.21", "IN"),
                                  ("u-tokyo.ac.jp", "AS2907", "133.11", "JP"), ("usp.br", "AS28571", "143.107", "BR"),
                                  ("unam.mx", "AS278", "132.248", "MX"), ("snu.ac.kr", "AS9488", "147.46", "KR")]:
            nat = ["%s.%d.%d" % (pre, r.randrange(256), r.randint(2, 254)) for _ in range(r.randint(2, 4))]
            campus[uni] = (asn, nat, cc)
        self.campus = campus
        # companies: (domain, org, invoice fp, office /24, n accounts)
        companies = []
        for i in range(int(n / 130)):
            dom = r.choice(["acme", "norda", "blueleaf", "quantix", "helio", "vantage", "kern", "mosaic", "pinegrove", "tidal",
                            "orbit", "lattice", "ferro", "cobalt", "saffron", "umbra"]) + r.choice(["", "-labs", "soft", "hq", "data", "ai", "-group"]) + str(i) + r.choice([".com", ".io", ".de", ".co.jp", ".fr", ".in"])
            cc = self.country()
            ip24, asn = (self.res_ip(cc)[0].rsplit(".", 1)[0], COUNTRIES[cc][2][0][0]) if r.random() < 0.5 else self.dc24()
            companies.append({"dom": dom, "org": "org_" + hashlib.md5(dom.encode()).hexdigest()[:10], "inv": self.fp("inv" + dom),
                              "ip24": ip24, "asn": asn, "cc": cc, "ua": r.choice(SDK_UA) if r.random() < 0.6 else dom.split(".")[0] + "-backend/" + str(r.randint(1, 9)) + "." + str(r.randint(0, 20)),
                              "size": max(2, int(r.paretovariate(1.3) * 2)), "created": self.created_spread(2021)})
        made = 0
        integ_w = [40, 20, 15, 15, 10]
        while made < n:
            kind = r.choices(["indiv", "student", "company", "bot", "integration"], weights=[66, 10, 12, 1.2, 11])[0]
            if kind == "company":
                c = r.choice(companies)
                if c.get("made", 0) >= c["size"]:
                    kind = "indiv"
                else:
                    c["made"] = c.get("made", 0) + 1
                    cc = c["cc"]
                    created = c["created"] + r.randint(0, 86400 * 400) if c["made"] > 1 else c["created"]
                    created = min(created, T1 - 86400)
                    ip = "%s.%d" % (c["ip24"], r.randint(2, 254))
                    a = self.add_account(created, cc, self.email(c["dom"]), c["org"], r.choice(["team", "enterprise"]),
                                         pay=c["inv"], pay_kind="invoice", signup_ip=ip)
                    vol = int(r.lognormvariate(2.6, 1.1) * self.vol_scale)
                    tz = COUNTRIES[cc][0]
                    langs = COUNTRIES[cc][1]
                    for t in self.session_times(vol, tz, hours=(8, 19), weekday_only=True):
                        self.q(t, a, self.benign_prompt(r.choice(langs)), ip=ip, asn=c["asn"], ua=c["ua"])
                    made += 1
                    continue
            if kind == "student":
                uni = r.choice(list(campus))
                asn, nat, cc = campus[uni]
                a = self.add_account(self.created_spread(2023), cc, self.email(uni), plan=r.choice(["free", "free", "pay_as_you_go"]),
                                     pay=self.fp() if r.random() < 0.4 else None, signup_ip=r.choice(nat))
                home, hasn = self.res_ip(cc)
                vol = int(r.lognormvariate(1.7, 1.0) * self.vol_scale)
                tz = COUNTRIES[cc][0]
                ua = r.choices(SDK_UA, SDK_W)[0]
                for t in self.session_times(vol, tz, hours=(9, 24)):
                    if r.random() < 0.6:
                        ip, ia = r.choice(nat), asn
                    else:
                        ip, ia = home, hasn
                    self.q(t, a, self.benign_prompt(r.choice(COUNTRIES[cc][1])), ip=ip, asn=ia, ua=ua)
                made += 1
                continue
            if kind == "bot":
                # a legitimate product's backend: steady traffic from the cloud, templated prompts
                cc = self.country()
                prod = r.choice(["helpdesk", "recipebox", "tripnote", "lexi", "codereview", "newsdigest", "cvfixer"]) + str(r.randint(1, 999))
                ip, asn = self.cloud_ip()
                a = self.add_account(self.created_spread(2021), cc, self.email(prod + ".app"), "org_" + prod,
                                     r.choice(["team", "enterprise"]), pay=self.fp(), pay_kind=r.choice(["card", "invoice"]), signup_ip=ip)
                vol = int(r.lognormvariate(6.0, 0.9) * self.vol_scale)
                ua = prod + "-worker/" + "%d.%d.%d" % (r.randint(1, 4), r.randint(0, 30), r.randint(0, 9))
                frames = [prod + " ticket #{n}: summarise the customer's issue in one line and tag its urgency.\n\n{para}",
                          "Classify the sentiment of this review as positive, neutral or negative: {para}",
                          "Extract the dates, names and amounts from: {para}"]
                fr = r.choice(frames)
                ips = [(ip, asn)] + [self.cloud_ip() for _ in range(r.randint(0, 3))]
                for i in range(vol):
                    t = r.uniform(T0, T1)
                    para = " ".join(r.choice(WORDS) for _ in range(r.randint(15, 60)))
                    ipx, asnx = r.choice(ips)
                    self.q(t, a, fr.format(n=r.randint(10000, 99999), para=para), model=r.choice(MODELS[:2]), ip=ipx, asn=asnx, ua=ua, out_tok=r.randint(10, 120))
                made += 1
                continue
            # individuals (some via an integration product)
            cc = self.country()
            v6 = r.random() < 0.15
            home, hasn = self.res_ip(cc, v6)
            mail = self.email()
            if cc == "CN" and r.random() < 0.6:
                mail = mail.split("@")[0] + "@" + r.choice(["qq.com", "163.com"])
            a = self.add_account(self.created_spread(2021), cc, mail, plan=r.choice(["free", "free", "pay_as_you_go", "plus"]),
                                 pay=self.fp() if r.random() < 0.55 else None, signup_ip=home,
                                 status="suspended" if r.random() < 0.004 else "active")
            if r.random() < 0.02:
                a["extra"]["referral"] = r.choice(["podcast", "newsletter", "friend", "=HYPERLINK(\"http://x\")", "reddit"])
            tz = COUNTRIES[cc][0]
            langs = COUNTRIES[cc][1]
            ua = r.choices(SDK_UA, SDK_W)[0] if kind == "indiv" else r.choices(self.integration_uas, integ_w)[0]
            mobile = r.random() < 0.12
            vpn = r.random() < 0.07
            vpn_ips = r.sample(self.vpn_ips, r.randint(1, 4)) if vpn else []
            mob_ip = r.choice(self.mobile_ips) if mobile else None
            other_home = self.res_ip(cc) if r.random() < 0.3 else None
            vol = max(1, int(r.lognormvariate(1.5, 1.35) * self.vol_scale))
            if r.random() < 0.03:
                vol = int(vol * r.uniform(10, 40))    # power users
            for t in self.session_times(vol, tz):
                x = r.random()
                if vpn and x < 0.6:
                    ip, ia = r.choice(vpn_ips)
                elif mobile and x < 0.8:
                    ip, ia = mob_ip
                elif other_home and x < 0.4:
                    ip, ia = other_home
                else:
                    ip, ia = home, hasn
                p = self.benign_prompt(r.choice(langs))
                if r.random() < 0.06:
                    p = "Solve this and show your reasoning step by step: " + problem(r)
                self.q(t, a, p, ip=ip, asn=ia, ua=ua)
            made += 1
        # referral links among background, benign
        bg = list(self.accounts)
        for _ in range(int(n * 0.01)):
            x, y = r.sample(bg, 2)
            self.links.append({"account_a": x["account_id"], "account_b": y["account_id"], "kind": "referral", "weight": "0.3", "note": "referral code"})
        self.bg_accounts = bg

    # ---------------------------------------------------------------- rings
    def ring_metronome(self, name, size, period_min, ua):
        """own card, own home IP, free mail; one private client string; two CoT families alternated;
        a scheduler fires 3-4 members within seconds every period_min minutes during campaigns."""
        r = self.r
        base = T1 - r.randint(70, 120) * 86400
        mem = []
        for i in range(size):
            cc = r.choice(["US", "GB", "CA", "DE", "IN", "BR"])
            home, asn = self.res_ip(cc)
            a = self.add_account(base + r.randint(0, 20 * 86400), cc, self.email(), plan="pay_as_you_go", pay=self.fp(), signup_ip=home)
            a["home"] = (home, asn)
            mem.append(a)
        famA = ("Solve the following problem. Show every intermediate step of your reasoning before the final answer, "
                "numbering the steps.\n\nProblem: {p}\n\nReply as <thinking>...</thinking><answer>...</answer>")
        famB = ("You are a meticulous tutor. Think aloud and enumerate each deduction you make, then give the result on "
                "its own line prefixed by 'ANSWER:'.\nQuestion: {p}")
        k = 0
        for day in range(WIN_DAYS):
            if r.random() < 0.35:
                continue
            start = T0 + day * 86400 + r.randint(0, 16) * 3600
            slots = r.randint(12, 30)
            for s in range(slots):
                t = start + s * period_min * 60 + r.uniform(0, 2)
                for a in r.sample(mem, r.randint(3, 4)):
                    k += 1
                    fam = famA if k % 2 == 0 else famB
                    self.q(t + r.uniform(0, 4), a, fam.format(p=problem(r)), model="atlas-large-2026-05",
                           ip=a["home"][0], asn=a["home"][1], ua=ua, out_tok=r.randint(900, 2600), cat="reasoning")
        self.rings.append({"name": name, "style": "metronome: private client string, two CoT families, scheduler every %d min" % period_min, "accounts": [a["account_id"] for a in mem]})

    def ring_choir(self, name, size, wave_min):
        """shares nothing but template families and coordinated firing"""
        r = self.r
        base = T1 - r.randint(60, 100) * 86400
        mem = []
        for i in range(size):
            cc = self.country()
            home, asn = self.res_ip(cc, v6=True)
            a = self.add_account(base + r.randint(0, 35 * 86400), cc, self.email(), plan=r.choice(["free", "pay_as_you_go"]),
                                 pay=self.fp(), signup_ip=home)
            a["home"] = (home, asn)
            a["ua"] = r.choices(SDK_UA[:10], SDK_W[:10])[0]
            mem.append(a)
        fams = ["Question: {p}\nBefore answering, write out your complete chain of reasoning as a numbered list. Only then state the final answer in one sentence.",
                "I want to understand the *reasoning*, not just the result. {p} Walk through it one step at a time and justify each step.",
                "{p}\n\nExplain your thought process in detail (assumptions, intermediate results, checks), then conclude."]
        t = T0 + r.randint(0, 3600)
        while t < T1:
            t += wave_min * 60 * r.uniform(0.8, 1.25)
            hour = ((t - T0) % 86400) / 3600
            if not (10 <= hour < 22):
                continue
            for a in r.sample(mem, r.randint(3, 6)):
                if a["created_at"] > t:
                    continue
                self.q(t + r.uniform(0, 9), a, r.choice(fams).format(p=problem(r)), ip=a["home"][0], asn=a["home"][1], ua=a["ua"],
                       model=r.choice(["atlas-large-2026-05", "atlas-medium-2026-05"]), out_tok=r.randint(600, 2200))
        self.rings.append({"name": name, "style": "choir: only templates and coordinated waves every ~%d min (common SDKs, own cards, own home IPs, created over weeks)" % wave_min, "accounts": [a["account_id"] for a in mem]})

    def ring_pods(self, name, pods, pod_size):
        r = self.r
        mem = []
        fams = ["### Task\n{p}\n### Instructions\nReason step by step inside <scratchpad>, then give a concise final answer.\n### Response",
                "[INST] {p} Let's work this out carefully: list the known facts, derive consequences one by one, and verify the answer. [/INST]"]
        for pi in range(pods):
            card = self.fp("pod%d" % pi)
            net24, asn = self.dc24()
            created = T1 - r.randint(30, 90) * 86400
            cc = r.choice(["US", "NL", "SG", "DE", "HK", "GB"])
            ua = r.choices(SDK_UA[:10], SDK_W[:10])[0]
            pod = []
            for i in range(pod_size):
                ip = "%s.%d" % (net24, r.randint(2, 254))
                a = self.add_account(created + r.randint(0, 5 * 86400), cc if cc in COUNTRIES else None, self.email(), pay=card, signup_ip=ip)
                a["ip"], a["asn"], a["ua"] = ip, asn, ua
                pod.append(a)
            mem += pod
            for a in pod:
                n = r.randint(30, 70)
                for t in self.session_times(n, 0, day_lo=max(0, int((a["created_at"] - T0) / 86400)) + 1, hours=(0, 24)):
                    model = "atlas-reasoner-preview" if r.random() < 0.6 else "atlas-large-2025-02"
                    self.q(t, a, r.choice(fams).format(p=problem(r)), model=model, ip=a["ip"], asn=a["asn"], ua=a["ua"], out_tok=r.randint(1200, 4000))
        self.rings.append({"name": name, "style": "pods: %d pods x %d, each pod one card + one datacenter /24; pods share templates and a reasoner-preview/legacy-large model mix" % (pods, pod_size), "accounts": [a["account_id"] for a in mem]})

    def ring_reseller(self, name, size, brand):
        r = self.r
        inv = self.fp("resell")
        dom = brand + ".io"
        org = "org_" + brand
        net24, asn = self.dc24()
        created = T1 - r.randint(150, 300) * 86400
        mem = []
        for i in range(size):
            ip = "%s.%d" % (net24, r.randint(2, 254))
            a = self.add_account(created + i * r.randint(3600, 86400 * 4), "SG", "svc%02d@%s" % (i, dom), org, "enterprise", pay=inv, pay_kind="invoice", signup_ip=ip)
            a["ip"] = ip
            mem.append(a)
        fams = ["Think step by step. {p}", "{p}\nProvide the full rationale first, then the answer.",
                "Generate a worked solution with detailed reasoning for: {p}",
                "请一步一步地推理，并给出最终答案：{p}", "Resuelve paso a paso y explica cada razonamiento: {p}"]
        ua = brand + "-proxy/2.8.1"
        for a in mem:
            n = r.randint(150, 450)
            for i in range(n):
                t = r.uniform(max(T0, a["created_at"]), T1)
                if r.random() < 0.75:
                    p = r.choice(fams).format(p=problem(r))
                    ot = r.randint(700, 3000)
                else:
                    p = self.benign_prompt(r.choice(["en", "en", "zh", "es", "ja"]))
                    ot = None
                self.q(t, a, p, ip=a["ip"], asn=asn, ua=ua, out_tok=ot, model=r.choice(MODELS[:3]))
        self.rings.append({"name": name, "style": "reseller: one invoice/org/datacenter /24, ~75%% distillation prompts through its own proxy (%s)" % ua, "accounts": [a["account_id"] for a in mem]})

    def ring_polyglot(self, name, size):
        """aged bought accounts, rotating residential proxy IPs, a shared question bank issued in
        different languages with free paraphrase: no near-duplicate template."""
        r = self.r
        mem = []
        for i in range(size):
            cc = self.country()
            a = self.add_account(self.created_spread(2022), cc, self.email(), plan="pay_as_you_go", pay=self.fp(), signup_ip=self.res_ip(cc)[0])
            a["ua"] = r.choices(SDK_UA, SDK_W)[0]
            self.payments.append({"account_id": a["account_id"], "payment_fingerprint": self.fp(), "kind": "prepaid", "bin_country": "LT", "added_at": T0 - r.randint(0, 86400 * 20)})
            mem.append(a)
        bank = [problem(r) for _ in range(size * 6)]
        asks = {
            "en": ["{p} Please reason it through carefully before answering.", "Could you work out: {p} I'd like to see how you get there.",
                   "{p} (show the derivation)", "Hey, quick one - {p} Explain the logic too.", "Puzzle for you: {p} Detail each deduction."],
            "de": ["{p} Bitte leite die Lösung Schritt für Schritt her.", "Frage: {p} Erkläre deinen Lösungsweg ausführlich."],
            "fr": ["{p} Détaille ton raisonnement avant de répondre.", "Peux-tu résoudre ceci en expliquant chaque étape ? {p}"],
            "es": ["{p} Razona en voz alta antes de dar la respuesta.", "Necesito la solución completa con el razonamiento: {p}"],
            "pt": ["{p} Explique o raciocínio completo.", "Resolva mostrando cada passo: {p}"],
            "ja": ["次の問題を、考え方を順を追って説明しながら解いてください。{p}", "{p} 推論の過程も詳しく書いてください。"],
            "zh": ["{p} 请详细写出推理过程。", "请逐步分析并解答：{p}"],
            "ru": ["{p} Распиши ход рассуждений подробно.", "Реши с подробным объяснением: {p}"],
        }
        langs = list(asks)
        for a in mem:
            days = [d for d in range(WIN_DAYS) if d % 7 < 5]
            n = r.randint(35, 70)
            for i in range(n):
                d = r.choice(days)
                t = T0 + d * 86400 + r.uniform(7, 13) * 3600
                lang = r.choice(langs)
                p = r.choice(asks[lang]).format(p=r.choice(bank))
                # the proxy network hands out a fresh residential exit per request
                ip, asn = self.res_ip(r.choice(list(COUNTRIES)))
                self.q(t, a, p, ip=ip, asn=asn, ua=a["ua"], model="atlas-large-2026-05", out_tok=r.randint(800, 2400))
        self.rings.append({"name": name, "style": "polyglot sweep: aged accounts, rotating residential-proxy IPs, one question bank issued in 8 languages with free paraphrase, weekday 07-13 UTC shift", "accounts": [a["account_id"] for a in mem]})

    def ring_hijack(self, name, size):
        """compromised keys of long-standing legitimate accounts; injected harvesting traffic from two
        datacenter /24s at night UTC, round-robin across victims."""
        r = self.r
        cands = [a for a in self.bg_accounts if not a["org_id"] and a["created_at"] < T0 - 400 * 86400]
        victims = r.sample(cands, size)
        nets = [self.dc24() for _ in range(2)]
        exits = [("%s.%d" % (n, r.randint(2, 254)), asn) for n, asn in nets for _ in range(3)]
        fam = "Respond with a rigorous, fully worked solution. First restate the problem, then reason through it in explicit numbered steps, then give the final answer.\n\n{p}"
        t = T0 + 10 * 86400
        i = 0
        while t < T1:
            day0 = T0 + int((t - T0) / 86400) * 86400
            hour = (t - day0) / 3600
            if hour >= 5:
                t = day0 + 86400 + 1 * 3600 + r.uniform(0, 1800)
                continue
            a = victims[i % size]
            i += 1
            ip, asn = r.choice(exits)
            for _ in range(r.randint(1, 3)):
                self.q(t, a, fam.format(p=problem(r)), ip=ip, asn=asn, ua="python-requests/2.31.0", model="atlas-large-2026-05", out_tok=r.randint(900, 2500), cat="reasoning")
                t += r.uniform(2, 20)
            t += r.uniform(300, 900)
        self.rings.append({"name": name, "style": "hijacked keys: %d long-standing benign accounts whose keys are abused from 6 datacenter exits at 01-05 UTC, round-robin" % size, "accounts": [a["account_id"] for a in victims]})

    def ring_factory(self, name, size, waves):
        """synthetic-data factory: throwaway custom domains, prepaid cards, VPN exits shared with strangers,
        JSON dataset-generation prompt carrying a 'reasoning' field, few but huge outputs."""
        r = self.r
        mem = []
        tlds = [".xyz", ".site", ".online", ".store", ".click", ".top"]
        wave_t = sorted(T1 - r.randint(20, 80) * 86400 for _ in range(waves))
        for i in range(size):
            dom = "".join(r.choice("bcdfghklmnprstvz") + r.choice("aeiou") for _ in range(r.randint(3, 4))) + r.choice(tlds)
            ip, asn = r.choice(self.vpn_ips)
            a = self.add_account(r.choice(wave_t) + r.randint(0, 3 * 86400), self.country(), self.email(dom), plan="pay_as_you_go", pay=self.fp(), signup_ip=ip)
            mem.append(a)
        subjects = ["high-school geometry", "unit conversions", "SQL query debugging", "medical triage questions", "contract law basics",
                    "organic chemistry mechanisms", "Python list comprehensions", "personal finance", "logic grid puzzles", "physics kinematics",
                    "probability paradoxes", "German grammar", "graph algorithms", "tax residency", "nutrition facts"]
        fr = ("Generate {k} diverse, challenging training examples about {s}. Output JSON Lines only, one object per line, with keys "
              "\"instruction\", \"reasoning\" (a long, explicit derivation), and \"output\". Difficulty: {d}. Seed: {seed}.")
        for a in mem:
            n = r.randint(6, 16)
            lo = max(T0, a["created_at"] + 86400)
            for _ in range(n):
                t = r.uniform(lo, T1)
                ip, asn = r.choice(self.vpn_ips)
                self.q(t, a, fr.format(k=r.choice([5, 8, 10, 12]), s=r.choice(subjects), d=r.choice(["hard", "expert", "mixed"]), seed=r.randint(1000, 99999)),
                       ip=ip, asn=asn, ua=r.choice(["python-requests/2.31.0", "httpx/0.27.0", "atlas-python/1.12.0"]), model="atlas-large-2026-05", out_tok=r.randint(3500, 8000), cat="other")
        self.rings.append({"name": name, "style": "synthetic-data factory: throwaway custom domains, VPN exits shared with strangers, created in %d waves, few huge JSONL-dataset generations" % waves, "accounts": [a["account_id"] for a in mem]})

    def ring_baton(self, name, size):
        """hides behind a popular integration client string and cloud IPs; exactly one member active at a
        time (2-hour shifts handed on), agent-trajectory harvesting prompts."""
        r = self.r
        mem = []
        base = T1 - r.randint(60, 90) * 86400
        for i in range(size):
            cc = self.country()
            ip, asn = self.cloud_ip()
            a = self.add_account(base + r.randint(0, 12 * 86400), cc, self.email(), pay=self.fp(), signup_ip=self.res_ip(cc)[0])
            a["ip"], a["asn"] = ip, asn
            mem.append(a)
        ua = self.integration_uas[0]
        tools = ["web_search", "calculator", "python", "read_file", "sql_query", "calendar"]
        fr = ("Below is a partial trajectory of an autonomous agent with tools [{tools}].\nGOAL: {p}\n{steps}\nContinue the trajectory. "
              "For each step output THOUGHT (your private reasoning, in full), ACTION and expected OBSERVATION, until FINAL ANSWER.")
        t = max(T0, base + 14 * 86400)
        i = 0
        while t < T1:
            day = int((t - T0) / 86400)
            if r.random() < 0.3:
                t += 86400
                continue
            shifts = r.randint(2, 5)
            s0 = T0 + day * 86400 + r.randint(0, 10) * 3600
            for s in range(shifts):
                a = mem[i % size]
                i += 1
                st = s0 + s * 7200
                for k in range(r.randint(10, 22)):
                    st += r.uniform(120, 420)
                    steps = "\n".join("THOUGHT: ...\nACTION: %s(%r)\nOBSERVATION: %s" % (r.choice(tools), r.choice(WORDS), " ".join(r.choice(WORDS) for _ in range(5))) for _ in range(r.randint(1, 3)))
                    self.q(st, a, fr.format(tools=", ".join(r.sample(tools, 3)), p=problem(r), steps=steps), ip=a["ip"], asn=a["asn"], ua=ua,
                           model="atlas-large-2026-05", out_tok=r.randint(1500, 4000), cat="coding")
            t = T0 + (day + 1) * 86400
        self.rings.append({"name": name, "style": "baton relay: popular integration client string, own cloud IPs, one member active at a time in 2-hour shifts, agent-trajectory harvesting", "accounts": [a["account_id"] for a in mem]})

    def ring_sleeper(self, name, size):
        """created in a burst long ago, dormant, then all activated in the last 6 days of the window"""
        r = self.r
        mem = []
        b = T0 - r.randint(250, 320) * 86400
        for i in range(size):
            cc = self.country()
            home, asn = self.res_ip(cc)
            a = self.add_account(b + r.randint(0, 3 * 86400), cc, self.email(), plan="free", pay=self.fp(), signup_ip=home)
            a["ua"] = r.choices(SDK_UA, SDK_W)[0]
            mem.append(a)
        fams = ["{p}\nThink it through step by step; show all work.", "Let's reason about this carefully. {p} Lay out your reasoning before the answer."]
        for a in mem:
            n = r.randint(25, 60)
            for _ in range(n):
                t = r.uniform(T1 - 6 * 86400, T1)
                ip, asn = self.res_ip(a["country"])
                self.q(t, a, r.choice(fams).format(p=problem(r)), ip=ip, asn=asn, ua=a["ua"], model=r.choice(MODELS[:3]), out_tok=r.randint(700, 2200))
        self.rings.append({"name": name, "style": "sleepers: created in a 3-day burst ~9 months earlier, dormant, all woken in the last 6 days", "accounts": [a["account_id"] for a in mem]})

    # ---------------------------------------------------------------- benign look-alikes
    def decoy_course(self, name, size, uni):
        r = self.r
        asn, nat, cc = self.campus[uni]
        tz = COUNTRIES[cc][0]
        mem = []
        term = T0 - r.randint(5, 20) * 86400
        for i in range(size):
            a = self.add_account(term + r.randint(0, 10 * 86400), cc, self.email(uni), plan="free", signup_ip=r.choice(nat))
            a["ua"] = r.choice(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AtlasConsole/2026.7", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AtlasConsole/2026.7", "atlas-python/1.12.0"])
            mem.append(a)
        hw = ("CS{c} Homework {w}, problem {k}: {p}\nExplain your solution step by step so I can check my understanding. "
              "Do not just give the final answer.")
        course = r.randint(101, 350)
        lecture_day, lecture_hour = r.choice([1, 2, 3]), r.choice([10, 14, 16])
        for w in range(WIN_DAYS // 7):
            t0 = T0 + (w * 7 + lecture_day) * 86400 + (lecture_hour - tz) * 3600
            for a in mem:
                if r.random() < 0.15:
                    continue
                for k in range(r.randint(1, 4)):
                    self.q(t0 + r.uniform(0, 3000), a, hw.format(c=course, w=w + 1, k=k + 1, p=problem(r)), ip=r.choice(nat), asn=asn, ua=a["ua"],
                           model="atlas-medium-2026-05", out_tok=r.randint(400, 1200))
                # and ordinary student life
                for t in self.session_times(r.randint(0, 4), tz):
                    self.q(t, a, self.benign_prompt(COUNTRIES[cc][1][0]), ip=self.res_ip(cc)[0], asn=COUNTRIES[cc][2][0][0], ua=a["ua"])
        self.decoys.append({"name": name, "kind": "course: students send one homework template in the weekly lecture hour from the campus NAT", "accounts": [a["account_id"] for a in mem]})

    def decoy_tutor_app(self, name, size):
        """a maths-tutoring app licensed per school: each school its own account, invoice and IP; the app's
        private client string and CoT prompts; school hours."""
        r = self.r
        mem = []
        ua = "mathmentor-server/3.7.0"
        for i in range(size):
            cc = r.choice(["US", "GB", "CA", "AU"])
            ip, asn = self.res_ip(cc)
            sch = r.choice(["lincoln", "riverside", "oakwood", "st-marys", "hillcrest", "northgate", "westfield"]) + str(r.randint(1, 99))
            a = self.add_account(self.created_spread(2023), cc, "it@" + sch + ".k12.example.org", "org_" + sch, "team", pay=self.fp(), pay_kind="invoice", signup_ip=ip)
            a["ip"], a["asn"] = ip, asn
            mem.append(a)
        fr = ["A student asked: \"{p}\" Explain how to solve it step by step at a grade-{g} level, with a hint before each step.",
              "Check this student's working for: {p}\nStudent answer: {n}. Point out the first wrong step and explain the correct reasoning."]
        for a in mem:
            tz = COUNTRIES[a["country"]][0]
            n = int(r.lognormvariate(5.0, 0.6))
            for t in self.session_times(n, tz, hours=(8, 15.5), weekday_only=True):
                self.q(t, a, r.choice(fr).format(p=problem(r), g=r.randint(6, 12), n=r.randint(1, 500)), ip=a["ip"], asn=a["asn"], ua=ua, model="atlas-medium-2026-05", out_tok=r.randint(300, 900))
        self.decoys.append({"name": name, "kind": "tutoring app licensed per school: private client string, step-by-step templates, school hours", "accounts": [a["account_id"] for a in mem]})

    def decoy_hackathon(self, name, size):
        r = self.r
        mem = []
        start = T0 + r.randint(15, 40) * 86400
        venue, asn = self.cloud_ip()  # venue uplink
        venue24 = venue.rsplit(".", 1)[0]
        for i in range(size):
            cc = r.choice(["DE", "DE", "FR", "PL", "GB"])
            a = self.add_account(start - r.randint(0, 36 * 3600), cc, self.email(), plan="free", signup_ip="%s.%d" % (venue24, r.randint(2, 60)))
            a["home"] = self.res_ip(cc)
            mem.append(a)
        ua = "hackkit-starter/1.0 (atlas-python/1.12.0)"
        tpl = "You are a helpful assistant for the {x} app. The user says: \"{u}\". Reply in JSON with fields intent and reply."
        for a in mem:
            for k in range(r.randint(20, 80)):
                t = start + r.uniform(0, 40 * 3600)
                self.q(t, a, tpl.format(x=r.choice(["recipe", "bike-share", "study-buddy", "plant-care"]), u=r.choice(TOPICS_EN)),
                       ip="%s.%d" % (venue24, r.randint(2, 60)), asn=asn, ua=ua, model="atlas-small-2025-11", out_tok=r.randint(40, 200))
            # demo: everyone fires within the same minutes
            for k in range(3):
                self.q(start + 44 * 3600 + r.uniform(0, 120), a, tpl.format(x="demo", u="show me what you can do"), ip=venue24 + ".5", asn=asn, ua=ua, model="atlas-small-2025-11")
            for t in self.session_times(r.randint(0, 6), 1):
                self.q(t, a, self.benign_prompt("en"), ip=a["home"][0], asn=a["home"][1], ua=r.choice(SDK_UA))
        self.decoys.append({"name": name, "kind": "hackathon: accounts created within 36 h at the venue, starter-kit client string and template, synchronous demo", "accounts": [a["account_id"] for a in mem]})

    def decoy_cron(self, name, size):
        r = self.r
        dom = "brightwater-logistics.com"
        inv = self.fp("cron")
        net24, asn = self.dc24()
        mem = []
        for i in range(size):
            ip = "%s.%d" % (net24, r.randint(2, 254))
            a = self.add_account(self.created_spread(2022), "NL", "team-%s@%s" % (r.choice(["ops", "fin", "cs", "hr", "legal", "it", "eu", "us"]) + str(i), dom), "org_brightwater", "enterprise", pay=inv, pay_kind="invoice", signup_ip=ip)
            a["ip"] = ip
            mem.append(a)
        tpls = ["Summarise the following shipment exceptions for the {team} dashboard, grouped by cause:\n{para}",
                "Classify each line as DELAY, DAMAGE, CUSTOMS or OTHER and give a one-line reason:\n{para}"]
        for a in mem:
            tp = r.choice(tpls)
            hours = sorted(r.sample(range(24), r.randint(4, 12)))
            for day in range(WIN_DAYS):
                for h in hours:
                    t = T0 + day * 86400 + h * 3600 + r.uniform(0, 6)
                    self.q(t, a, tp.format(team=a["email"].split("@")[0], para="\n".join(" ".join(r.choice(WORDS) for _ in range(8)) for _ in range(4))),
                           ip=a["ip"], asn=asn, ua="brightwater-cron/1.4", model="atlas-small-2025-11", out_tok=r.randint(80, 400))
        self.decoys.append({"name": name, "kind": "enterprise cron jobs: one invoice and /24, hourly jobs at :00 across team accounts, templated", "accounts": [a["account_id"] for a in mem]})

    def decoy_evallab(self, name, size):
        r = self.r
        card = self.fp("lab")
        cc = "CH"
        net = "192.33.%d" % r.randrange(256)
        mem = []
        for i in range(size):
            a = self.add_account(self.created_spread(2023), "DE", self.email("inf.ethz-like.ch"), "org_nlp_lab", "team", pay=card, signup_ip="%s.%d" % (net, r.randint(2, 254)))
            mem.append(a)
        tpl = ["Q: {p}\nA: Let's think step by step.", "{p}\nAnswer with your reasoning, then 'Final answer: <x>'."]
        for a in mem:
            for sweep in range(r.randint(3, 8)):
                t = T0 + r.uniform(0, WIN_DAYS - 2) * 86400
                model = r.choice(MODELS)
                for k in range(r.randint(80, 300)):
                    t += r.uniform(0.5, 3)
                    self.q(t, a, tpl[sweep % 2].format(p=problem(r)), ip="%s.%d" % (net, r.randint(2, 30)), asn="AS559", ua="lm-eval-harness/0.4.3",
                           model=model, out_tok=r.randint(200, 900), cat="reasoning")
        self.decoys.append({"name": name, "kind": "university evaluation lab: one grant card, lab /24, CoT benchmark sweeps over every model incl. reasoner-preview and legacy", "accounts": [a["account_id"] for a in mem]})

    def decoy_aggregator(self, name, size):
        r = self.r
        inv = self.fp("agg")
        net24, asn = self.dc24()
        mem = []
        for i in range(size):
            ip = "%s.%d" % (net24, r.randint(2, 254))
            a = self.add_account(self.created_spread(2022), "US", "tenant%02d@chatpilot.app" % i, "org_chatpilot", "enterprise", pay=inv, pay_kind="invoice", signup_ip=ip)
            a["ip"] = ip
            mem.append(a)
        for a in mem:
            for t in self.session_times(r.randint(100, 400), 0, hours=(0, 24)):
                self.q(t, a, self.benign_prompt(r.choice(list(OTHER_LANG) + ["en"] * 6)), ip=a["ip"], asn=asn, ua="chatpilot-gateway/6.2")
        self.decoys.append({"name": name, "kind": "benign aggregator: one invoice, one /24, many tenants' everyday chat traffic", "accounts": [a["account_id"] for a in mem]})

    def decoy_translators(self, name, size):
        r = self.r
        mem = []
        for i in range(size):
            cc = r.choice(["ES", "FR", "DE", "IT", "PL", "BR", "JP", "TR"])
            home, asn = self.res_ip(cc)
            a = self.add_account(self.created_spread(2022), cc, self.email(), pay=self.fp(), signup_ip=home)
            a["home"] = (home, asn)
            a["ua"] = r.choice(SDK_UA[:6])
            mem.append(a)
        tpl = ("Translate the segment below from English to {tl}, following the client glossary (Widget=>{g}). Keep placeholders like {{0}} intact. "
               "Segment {n}: {para}")
        # a rush job with a deadline: everyone works the same 2 days, plus routine
        rush = T0 + r.randint(10, 45) * 86400
        for a in mem:
            tl = {"ES": "Spanish", "FR": "French", "DE": "German", "IT": "Italian", "PL": "Polish", "BR": "Portuguese", "JP": "Japanese", "TR": "Turkish"}[a["country"]]
            for k in range(r.randint(30, 90)):
                t = rush + r.uniform(0, 2 * 86400)
                self.q(t, a, tpl.format(tl=tl, g=r.choice(["Widget", "Baustein", "Composant"]), n=r.randint(1, 4000), para=" ".join(r.choice(WORDS) for _ in range(r.randint(10, 30)))),
                       ip=a["home"][0], asn=a["home"][1], ua=a["ua"], model="atlas-medium-2026-05", cat="translation")
            for t in self.session_times(r.randint(5, 30), COUNTRIES[a["country"]][0]):
                self.q(t, a, self.benign_prompt(COUNTRIES[a["country"]][1][0]), ip=a["home"][0], asn=a["home"][1], ua=a["ua"])
        self.decoys.append({"name": name, "kind": "freelance translators of one agency: own cards and homes, one glossary template, a shared 2-day rush", "accounts": [a["account_id"] for a in mem]})

    def decoy_strangers(self, name, kind, size):
        """sample of background accounts sharing a carrier NAT or VPN exit"""
        r = self.r
        mem = []
        for i in range(size):
            cc = "US" if kind == "nat" else self.country()
            a = self.add_account(self.created_spread(2021), cc, self.email(), pay=self.fp() if r.random() < 0.5 else None, signup_ip=self.res_ip(cc)[0])
            mem.append(a)
        if kind == "nat":
            pool = [x for x in self.mobile_ips if x[1] == "AS21928"][:6]
        else:
            pool = self.vpn_ips[:5]
        for a in mem:
            ua = r.choices(SDK_UA, SDK_W)[0]
            for t in self.session_times(int(r.lognormvariate(2.5, 0.8)), COUNTRIES[a["country"]][0]):
                ip, asn = r.choice(pool)
                self.q(t, a, self.benign_prompt(COUNTRIES[a["country"]][1][0]), ip=ip, asn=asn, ua=ua)
        self.decoys.append({"name": name, "kind": "strangers on one carrier NAT pool" if kind == "nat" else "strangers on the same commercial VPN exits", "accounts": [a["account_id"] for a in mem]})

    def decoy_family(self, name, size):
        r = self.r
        card = self.fp("fam")
        home, asn = self.res_ip("IN")
        mem = [self.add_account(self.created_spread(2023), "IN", self.email(), pay=card, signup_ip=home) for _ in range(size)]
        for a in mem:
            for t in self.session_times(r.randint(5, 60), 5):
                self.q(t, a, self.benign_prompt(r.choice(["en", "hi"])), ip=home, asn=asn, ua=r.choice(SDK_UA[14:16]))
        self.decoys.append({"name": name, "kind": "household: one card, one home IP", "accounts": [a["account_id"] for a in mem]})

    # ---------------------------------------------------------------- output
    def finish(self):
        self.rows.sort(key=lambda x: x[0])
        self.r.shuffle(self.accounts)

    def truth(self):
        return {"accounts": len(self.accounts), "queries": len(self.rows), "rings": self.rings, "decoys": self.decoys}


ACC_COLS = ["account_id", "created_at", "email", "org_id", "country", "plan", "status", "payment_fingerprint", "signup_ip"]
Q_COLS = ["ts", "account_id", "api_key", "ip", "asn", "user_agent", "model", "input_tokens", "output_tokens", "category", "prompt", "request_id"]


def write_15a(s, out):
    os.makedirs(out)
    with open(os.path.join(out, "accounts.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(ACC_COLS + ["referral"])
        for a in s.accounts:
            w.writerow([a["account_id"], iso(a["created_at"], style="z"), a["email"], a["org_id"], a["country"], a["plan"], a["status"],
                        a["payment_fingerprint"], a["signup_ip"], a["extra"].get("referral", "")])
    with open(os.path.join(out, "payments.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["account_id", "payment_fingerprint", "kind", "bin_country", "added_at"])
        for p in s.payments:
            w.writerow([p["account_id"], p["payment_fingerprint"], p["kind"], p["bin_country"], iso(p["added_at"], style="z")])
    with open(os.path.join(out, "links.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["account_a", "account_b", "kind", "weight", "note"])
        for l in s.links:
            w.writerow([l["account_a"], l["account_b"], l["kind"], l["weight"], l["note"]])
    with open(os.path.join(out, "queries.jsonl"), "w", encoding="utf-8") as f:
        for i, (ts, aid, d) in enumerate(s.rows):
            o = {"ts": iso(ts, style="z_ms"), "account_id": aid}
            o.update(d)
            o["request_id"] = "req_%08x" % (i * 2654435761 % (1 << 32))
            f.write(json.dumps(o, ensure_ascii=False) + "\n")


def write_15b(s, out):
    r = random.Random(1515)
    os.makedirs(os.path.join(out, "queries"))
    with gzip.open(os.path.join(out, "accounts.jsonl.gz"), "wt", encoding="utf-8") as f:
        for a in s.accounts:
            k = r.random()
            ca = a["created_at"] if k < 0.3 else iso(a["created_at"], style="z") if k < 0.7 else iso(a["created_at"], style="off", off=COUNTRIES.get(a["country"], (0,))[0])
            o = {"account_id": a["account_id"], "created_at": ca, "country": a["country"], "plan": a["plan"], "status": a["status"]}
            if r.random() < 0.85:
                o["email"] = a["email"]
            else:
                o["email_domain"] = a["email"].split("@")[1]
            if a["org_id"]:
                o["org_id"] = a["org_id"]
            if a["payment_fingerprint"]:
                o["payment_fingerprint"] = a["payment_fingerprint"]
            if a["signup_ip"] and r.random() < 0.9:
                o["signup_ip"] = a["signup_ip"]
            for kx, vx in a["extra"].items():
                if vx:
                    o[kx] = vx
            f.write(json.dumps(o, ensure_ascii=r.random() < 0.3) + "\n")
    with open(os.path.join(out, "payments.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["Account_ID", "Payment_Fingerprint", "Kind", "BIN_Country", "Added_At"])
        for p in s.payments:
            w.writerow([p["account_id"], p["payment_fingerprint"], p["kind"], p["bin_country"], p["added_at"]])
    with open(os.path.join(out, "links.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["kind", "account_a", "account_b", "weight", "note"])
        for l in s.links:
            w.writerow([l["kind"], l["account_a"], l["account_b"], l["weight"], l["note"]])
    # split by time into parts
    n = len(s.rows)
    bounds = [0, int(n * .17), int(n * .33), int(n * .5), int(n * .66), int(n * .83), n]
    specs = [("p00-2026-08.jsonl.gz", "jsonl", "epoch_ms", False, "\n"),
             ("p01-2026-08.csv", "csv", "off", False, "\r\n"),
             ("p02-2026-09.jsonl", "jsonl", "z_ms", True, "\r\n"),
             ("p03-2026-09.csv.gz", "csv", "epoch_ms", False, "\n"),
             ("p04-2026-09.ndjson", "jsonl", "z_us", True, "\n"),
             ("p05-dt=2026-09-20/part-0.json", "jsonl", "mixed", False, "\n")]
    rid = 0
    for (fname, fmt, tstyle, esc, nl), lo, hi in zip(specs, bounds, bounds[1:]):
        path = os.path.join(out, "queries", fname)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        opener = (lambda p: gzip.open(p, "wt", encoding="utf-8", newline="")) if fname.endswith(".gz") else (lambda p: open(p, "w", encoding="utf-8", newline=""))
        with opener(path) as f:
            if fmt == "csv":
                cols = ["account_id", "ts", "model", "user_agent", "ip", "asn", "api_key", "input_tokens", "output_tokens", "category", "prompt", "prompt_fingerprint", "request_id"]
                w = csv.writer(f, lineterminator=nl)
                w.writerow([c.upper() if c in ("ts", "ip") else c for c in cols])
            for ts, aid, d in s.rows[lo:hi]:
                rid += 1
                a = s.acct_by_id[aid]
                st = tstyle
                if st == "mixed":
                    st = r.choice(["z", "z_ms", "epoch_ms", "off"])
                off = COUNTRIES.get(a["country"], (0,))[0] if r.random() < 0.5 else r.choice([-7, 2, 5.5, 9])
                if isinstance(off, float):
                    tsv = dt.datetime.fromtimestamp(ts, UTC).astimezone(dt.timezone(dt.timedelta(hours=off))).isoformat(timespec="milliseconds")
                else:
                    tsv = iso(ts, style=st, off=off)
                o = {"ts": tsv, "account_id": aid}
                o.update(d)
                # optional fields sometimes absent
                if r.random() < 0.04:
                    pr = o.pop("prompt")
                    o["prompt_fingerprint"] = hashlib.sha256(pr.encode()).hexdigest()[:32]
                if r.random() < 0.05:
                    o.pop("category")
                if r.random() < 0.03:
                    o.pop("asn")
                elif r.random() < 0.3 and o.get("asn"):
                    o["asn"] = o["asn"][2:]
                if r.random() < 0.02:
                    o.pop("output_tokens")
                if r.random() < 0.02:
                    o.pop("user_agent")
                o["request_id"] = "r-%d" % rid
                if fmt == "csv":
                    w.writerow(["" if o.get(c) is None else o.get(c) for c in cols])
                else:
                    if r.random() < 0.1:
                        o["latency_ms"] = r.randint(200, 30000)
                    f.write(json.dumps(o, ensure_ascii=esc) + nl)


def build(which):
    if which == "15a":
        s = Source("15a", 150015, n_bg=19000, vol_scale=0.50)
        s.background()
        s.ring_metronome("r1-metronome", 24, 11, "tessellate-cli/0.7.3 (+linux)")
        s.ring_choir("r2-choir", 40, 37)
        s.ring_pods("r3-pods", 6, 9)
        s.ring_reseller("r4-reseller", 18, "relaygate")
        s.ring_polyglot("r5-polyglot", 36)
        s.ring_hijack("r6-hijack", 20)
        s.ring_factory("r7-factory", 150, 3)
        s.ring_baton("r8-baton", 30)
        s.decoy_course("d1-course", 90, "utexas.edu")
        s.decoy_tutor_app("d2-tutor-app", 25)
        s.decoy_hackathon("d3-hackathon", 40)
        s.decoy_cron("d4-cron", 20)
        s.decoy_evallab("d5-evallab", 8)
        s.decoy_aggregator("d6-aggregator", 20)
        s.decoy_translators("d7-translators", 30)
        s.decoy_strangers("d8-carrier-nat", "nat", 25)
        s.decoy_strangers("d9-vpn", "vpn", 25)
        s.decoy_family("d10-household", 4)
    else:
        s = Source("15b", 250015, n_bg=38500, vol_scale=0.55)
        s.background()
        s.ring_metronome("r1-metronome", 45, 7, "qbatch/1.3 (libcurl)")
        s.ring_choir("r2-choir", 80, 23)
        s.ring_pods("r3-pods", 12, 12)
        s.ring_reseller("r4-reseller", 30, "apihopper")
        s.ring_polyglot("r5-polyglot", 60)
        s.ring_hijack("r6-hijack", 35)
        s.ring_factory("r7-factory", 250, 5)
        s.ring_baton("r8-baton", 40)
        s.ring_sleeper("r9-sleepers", 70)
        s.decoy_course("d1-course", 160, "iitb.ac.in")
        s.decoy_course("d1b-course", 60, "tum.de")
        s.decoy_tutor_app("d2-tutor-app", 40)
        s.decoy_hackathon("d3-hackathon", 60)
        s.decoy_cron("d4-cron", 30)
        s.decoy_evallab("d5-evallab", 10)
        s.decoy_aggregator("d6-aggregator", 30)
        s.decoy_translators("d7-translators", 45)
        s.decoy_strangers("d8-carrier-nat", "nat", 30)
        s.decoy_strangers("d9-vpn", "vpn", 30)
        s.decoy_family("d10-household", 5)
    s.finish()
    return s


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    which = sys.argv[2:] or ["15a", "15b"]
    for w in which:
        d = os.path.join(out, w)
        if os.path.exists(d):
            shutil.rmtree(d)
        s = build(w)
        (write_15a if w == "15a" else write_15b)(s, d)
        with open(os.path.join(out, w + ".truth.json"), "w") as f:
            json.dump(s.truth(), f, indent=1, sort_keys=True)
        print(w, "accounts", len(s.accounts), "queries", len(s.rows), "rings", [(x["name"], len(x["accounts"])) for x in s.rings],
              "decoys", [(x["name"], len(x["accounts"])) for x in s.decoys], flush=True)


if __name__ == "__main__":
    main()
