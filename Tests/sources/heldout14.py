#!/usr/bin/env python3
"""Held-out source 14 (14a, 14b): blind generator, stdlib only, seeded, deterministic.

usage: gen.py OUTROOT            -> OUTROOT/14a, OUTROOT/14a.truth.json, OUTROOT/14b, OUTROOT/14b.truth.json
       gen.py OUTROOT 14a|14b    -> only that one
"""
import csv, datetime as dt, gzip, hashlib, io, json, math, os, random, sys

UTC = dt.timezone.utc
START = dt.datetime(2026, 9, 7, tzinfo=UTC)          # Monday
DAYS = 42
START_MS = int(START.timestamp() * 1000)
DAY_MS = 86400000
END_MS = START_MS + DAYS * DAY_MS


def hx(*parts, n=16):
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:n]


B36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def b36(s, n):
    v = int(hashlib.md5(s.encode()).hexdigest(), 16)
    out = []
    for _ in range(n):
        v, r = divmod(v, 36)
        out.append(B36[r])
    return "".join(out)


# ---------------------------------------------------------------- geography / network
COUNTRIES = {
    # cc: (utc offset h, weight, free mail, residential ASNs, language)
    "US": (-5, 14, ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "aol.com"], ["AS7922", "AS7018", "AS701", "AS22773", "AS20115"], "en"),
    "IN": (5.5, 9, ["gmail.com", "rediffmail.com", "yahoo.co.in", "outlook.com"], ["AS24560", "AS55836", "AS9829", "AS17488"], "en"),
    "BR": (-3, 6, ["gmail.com", "uol.com.br", "bol.com.br", "hotmail.com"], ["AS28573", "AS18881", "AS26599"], "pt"),
    "DE": (2, 6, ["gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de"], ["AS3320", "AS6805", "AS3209"], "de"),
    "JP": (9, 5, ["gmail.com", "yahoo.co.jp", "docomo.ne.jp", "icloud.com"], ["AS2516", "AS4713", "AS17676"], "ja"),
    "GB": (1, 5, ["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk"], ["AS2856", "AS5089", "AS5607"], "en"),
    "FR": (2, 4, ["orange.fr", "free.fr", "laposte.net", "gmail.com"], ["AS3215", "AS12322", "AS5410"], "fr"),
    "KR": (9, 4, ["naver.com", "daum.net", "gmail.com"], ["AS4766", "AS9318", "AS3786"], "ko"),
    "ID": (7, 4, ["gmail.com", "yahoo.co.id"], ["AS7713", "AS23693", "AS17451"], "id"),
    "MX": (-6, 3, ["gmail.com", "hotmail.com", "prodigy.net.mx"], ["AS8151", "AS28548"], "es"),
    "ES": (2, 3, ["gmail.com", "hotmail.es", "yahoo.es"], ["AS3352", "AS12479", "AS12430"], "es"),
    "IT": (2, 3, ["libero.it", "gmail.com", "virgilio.it"], ["AS3269", "AS30722", "AS12874"], "it"),
    "PL": (2, 3, ["wp.pl", "onet.pl", "o2.pl", "gmail.com"], ["AS5617", "AS12741", "AS6830"], "pl"),
    "TR": (3, 3, ["gmail.com", "hotmail.com", "yandex.com.tr"], ["AS9121", "AS47331", "AS15897"], "tr"),
    "VN": (7, 3, ["gmail.com", "yahoo.com.vn"], ["AS7552", "AS18403", "AS45899"], "vi"),
    "NG": (1, 2, ["gmail.com", "yahoo.com"], ["AS29465", "AS36873", "AS37148"], "en"),
    "CA": (-5, 3, ["gmail.com", "outlook.com", "rogers.com"], ["AS812", "AS577", "AS852"], "en"),
    "AU": (10, 2, ["gmail.com", "bigpond.com", "outlook.com"], ["AS1221", "AS4804", "AS7545"], "en"),
    "NL": (2, 2, ["gmail.com", "ziggo.nl", "kpnmail.nl"], ["AS33915", "AS1136"], "en"),
    "UA": (3, 2, ["ukr.net", "gmail.com", "i.ua"], ["AS15895", "AS6849", "AS13188"], "uk"),
    "PH": (8, 2, ["gmail.com", "yahoo.com"], ["AS9299", "AS132199"], "en"),
    "AR": (-3, 2, ["gmail.com", "hotmail.com", "fibertel.com.ar"], ["AS7303", "AS10318"], "es"),
    "EG": (3, 2, ["gmail.com", "yahoo.com"], ["AS8452", "AS24835"], "ar"),
    "KE": (3, 1, ["gmail.com", "yahoo.com"], ["AS33771", "AS36866"], "en"),
    "TH": (7, 2, ["gmail.com", "hotmail.com"], ["AS7470", "AS23969"], "th"),
    "ZA": (2, 1, ["gmail.com", "webmail.co.za"], ["AS37457", "AS5713"], "en"),
    "SE": (2, 1, ["gmail.com", "telia.com", "outlook.com"], ["AS3301", "AS1257"], "en"),
    "CL": (-3, 1, ["gmail.com", "hotmail.com"], ["AS7418", "AS27651"], "es"),
    "CO": (-5, 1, ["gmail.com", "hotmail.com"], ["AS3816", "AS10620"], "es"),
    "PT": (1, 1, ["gmail.com", "sapo.pt"], ["AS3243", "AS2860"], "pt"),
}
CCS = list(COUNTRIES)
CCW = [COUNTRIES[c][1] for c in CCS]

MOBILE_CGNAT = {"AS21928": "US", "AS45609": "IN", "AS26615": "BR", "AS9644": "KR", "AS3651": "DE", "AS16135": "TR", "AS24203": "ID", "AS30873": "NG"}
VPN_ASNS = ["AS9009", "AS60068", "AS212238", "AS136787"]
HOSTING = ["AS16509", "AS14061", "AS24940", "AS16276", "AS63949", "AS14618", "AS8075", "AS396982", "AS20473", "AS51167"]

_prefix_cache = {}


def asn_prefixes(asn):
    if asn not in _prefix_cache:
        r = random.Random("pfx" + asn)
        out = []
        while len(out) < 4:
            a = r.randint(2, 223)
            if a in (10, 100, 127, 169, 172, 192, 198, 203):
                continue
            out.append((a, r.randint(0, 255)))
        _prefix_cache[asn] = out
    return _prefix_cache[asn]


def ip_in(rng, asn):
    a, b = rng.choice(asn_prefixes(asn))
    return f"{a}.{b}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def subnet24(rng, asn):
    a, b = rng.choice(asn_prefixes(asn))
    return f"{a}.{b}.{rng.randint(0, 255)}"


def ip6_in(rng, asn):
    h = hx("v6", asn, n=4)
    return f"2a0{rng.randint(1,9)}:{h}:{rng.randint(0,65535):x}:{rng.randint(0,65535):x}::{rng.randint(1,65535):x}"


# ---------------------------------------------------------------- clients
SDK_UAS = [("python-httpx/0.27.0", 12), ("python-httpx/0.27.2", 8), ("python-requests/2.31.0", 9), ("python-requests/2.32.3", 9),
           ("aurora-sdk-python/1.8.2", 14), ("aurora-sdk-python/1.9.0", 10), ("aurora-sdk-node/2.3.1", 8), ("aurora-sdk-node/2.4.0", 5),
           ("axios/1.7.2", 4), ("Go-http-client/2.0", 4), ("curl/8.5.0", 3), ("curl/7.81.0", 2), ("okhttp/4.12.0", 3),
           ("langchain-aurora/0.2.4", 4), ("Java-http-client/17.0.9", 2), ("RestSharp/110.2.0.0", 1), ("Dart/3.4 (dart:io)", 1),
           ("node-fetch/1.0 (+https://github.com/bitinn/node-fetch)", 3), ("llama-index-aurora/0.1.7", 1)]
BROWSER_UAS = [("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36", 10),
               ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", 6),
               ("Mozilla/5.0 (X11; Linux x86_64; rv:129.0) Gecko/20100101 Firefox/129.0", 3),
               ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148", 4),
               ("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Mobile Safari/537.36", 4),
               ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36 Edg/128.0.0.0", 3)]


def wpick(rng, pairs):
    tot = sum(w for _, w in pairs)
    x = rng.random() * tot
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


MODELS_POP = [("aurora-medium-2026-03", 45), ("aurora-mini-2025-11", 30), ("aurora-large-2026-05", 18), ("aurora-reason-2026-07", 5),
              ("aurora-large-2025-02", 1), ("aurora-mini-2024-10", 1)]

# ---------------------------------------------------------------- prompt banks
W = {
    "plang": ["Python", "JavaScript", "TypeScript", "Rust", "Go", "Java", "C#", "Kotlin", "SQL", "Bash", "Swift", "PHP", "R", "C++", "Elixir"],
    "code_task": ["read a csv file", "parse json from an api", "sort a dictionary by value", "debounce a function", "retry a failed http call",
                  "connect to postgres", "resize images in a folder", "stream a large file", "run tasks in parallel", "write unit tests for a class",
                  "handle timezones correctly", "validate an email address", "deploy to a docker container", "cache results in memory",
                  "read environment variables", "paginate a REST endpoint", "merge two sorted lists", "profile slow code", "log to a file with rotation"],
    "error": ["KeyError", "TypeError: undefined is not a function", "a segfault", "NullPointerException", "a borrow checker error", "ECONNRESET",
              "'module not found'", "IndexError: list index out of range", "a deadlock", "CORS errors", "UnicodeDecodeError"],
    "person": ["landlord", "manager", "professor", "neighbour", "client", "team", "bank", "doctor's office", "kid's teacher", "recruiter"],
    "email_topic": ["a late payment", "taking Friday off", "a broken heater", "rescheduling our meeting", "a refund", "the project delay",
                    "a noise complaint", "my grade", "a salary review", "cancelling my subscription"],
    "tone": ["professional", "friendly", "confident", "formal", "casual", "persuasive", "concise"],
    "concept": ["inflation", "photosynthesis", "a blockchain", "compound interest", "the Monty Hall problem", "quantum entanglement", "REST vs GraphQL",
                "CRISPR", "the stock market", "black holes", "gradient descent", "the French revolution", "supply and demand", "TCP handshakes",
                "vaccines", "Kubernetes", "the electoral college", "the placebo effect", "impostor syndrome", "carbon credits", "the Krebs cycle"],
    "audience": ["5 year old", "high school student", "new hire", "grandmother", "board of directors", "non-technical client", "first year student"],
    "city": ["Lisbon", "Kyoto", "Mexico City", "Istanbul", "Hanoi", "Cape Town", "Prague", "Buenos Aires", "Seoul", "Marrakesh", "Vancouver", "Bali",
             "Edinburgh", "Tbilisi", "Oaxaca", "Porto", "Krakow", "Nairobi"],
    "budget": ["tight", "moderate", "backpacker", "luxury", "family"],
    "dish": ["lasagna", "pad thai", "banana bread", "shakshuka", "ramen", "chili", "pancakes", "curry", "brownies", "paella", "falafel"],
    "ingredient": ["eggs", "dairy", "gluten", "sugar", "an oven", "onions", "meat"],
    "idea_topic": ["a birthday party", "a team offsite", "a YouTube channel", "a science fair project", "a side hustle", "a date night",
                   "a podcast episode", "a mobile app", "a small garden", "a rainy weekend"],
    "job": ["data analyst", "nurse", "junior developer", "marketing intern", "teacher", "product manager", "accountant", "UX designer"],
    "company_kind": ["startup", "hospital", "bank", "nonprofit", "game studio", "logistics company", "school"],
    "pet": ["dog", "cat", "rabbit", "parrot", "hamster"],
    "pet_issue": ["won't eat", "keeps sneezing", "is limping", "sleeps all day", "ate some chocolate", "scratches the furniture"],
    "goal": ["losing weight", "building muscle", "running a 10k", "better posture", "flexibility"],
    "choice": ["renting vs buying", "remote work", "electric cars", "a master's degree", "freelancing", "index funds", "learning Rust"],
    "poem_topic": ["autumn", "my cat", "the ocean", "Monday mornings", "coffee", "a lost friend", "the city at night"],
    "business": ["bakery", "cleaning", "IT consulting", "dog walking", "tattoo", "bike repair", "candle"],
    "fmt": ["JSON", "YAML", "CSV", "XML", "a markdown table", "TOML"],
    "sql_task": ["finds duplicate emails", "returns the top 5 customers by revenue", "counts orders per month", "joins users and orders",
                 "deletes rows older than 30 days", "pivots sales by region"],
    "regex_target": ["UK postcodes", "dates like 2024-01-31", "hex colors", "phone numbers", "IPv4 addresses", "hashtags"],
    "claim": ["we only use 10% of our brain", "goldfish have a 3 second memory", "lightning never strikes twice", "coffee stunts growth",
              "cracking knuckles causes arthritis"],
}
PARAS = ["our team shipped the new onboarding flow last week but the numbers are not where we want them yet and support tickets doubled",
         "the meeting was moved twice and nobody told the vendor, so they showed up on the wrong day and we had to pay for the visit",
         "I have been learning guitar for six months and I still can't switch chords fast enough, I practice about twenty minutes a day",
         "the city council approved the new bike lanes but local shop owners say parking will get much worse",
         "sales in the north region grew 12 percent while the south stayed flat, mostly due to the new distributor contract",
         "my thesis is about soil moisture sensors and how cheap sensors drift over time compared to lab equipment",
         "we are planning to migrate from a monolith to services but the database is shared by everything",
         "the recipe says two cups of flour but the dough is always too sticky and does not rise"]
SNIPPETS = ["for i in range(len(xs)):\n    if xs[i] == target:\n        return i", "const data = await fetch(url).then(r => r.json())\nconsole.log(data.items.length)",
            "SELECT * FROM orders o JOIN users u ON o.user_id = u.id WHERE o.total > 100", "fn main() {\n    let v = vec![1, 2, 3];\n    let first = &v[0];\n    v.push(4);\n}",
            "def avg(xs):\n    return sum(xs) / len(xs)", "if (user = null) { return; }"]

EN_FRAMES = [
    "how do i {code_task} in {plang}?", "Write a {plang} function to {code_task}.", "Why does my {plang} code throw {error}?",
    "Can you review this {plang} code and suggest improvements:\n{snippet}", "Draft a polite email to my {person} about {email_topic}.",
    "Rewrite this to sound more {tone}: {para}", "Summarize in {n} bullet points: {para}", "What's the difference between {concept} and {concept2}?",
    "Give me {n} ideas for {idea_topic}.", "Plan a {n}-day trip to {city} on a {budget} budget.", "What is {concept}?", "Explain {concept} to a {audience}.",
    "Recipe for {dish} without {ingredient}?", "Fix the grammar: {para}", "Convert this to {fmt}: name=Ana, age={n2}, city={city}",
    "Write a SQL query that {sql_task}.", "My {pet} {pet_issue}, should I be worried?", "Help me write a cover letter for a {job} role at a {company_kind}.",
    "regex for {regex_target}", "Create a workout plan for {goal}, {n} days a week.", "Pros and cons of {choice}?", "tl;dr: {para}",
    "Write a short poem about {poem_topic}.", "Generate {n} names for a {business} business.", "Is it true that {claim}?",
    "Outline a presentation on {concept} for a {audience}.", "I need a {tone} LinkedIn post about {idea_topic}", "what should I cook tonight, I have {dish} leftovers",
    "Compare {plang} and {plang2} for a beginner", "{snippet}\n\nwhat's wrong here?", "How long does it take to learn {plang}?",
    "write a birthday message for my {person}", "Make a packing list for {city} in October", "What are good books about {concept}?",
    "Help me answer this interview question: tell me about a time you failed. I'm applying as {job}.",
    "explain this error: {error} when I {code_task}", "Is {n2} a prime number?", "What's {n2} times {n3}?",
]
LANG_FRAMES = {
    "de": ["Wie kann ich in {plang} eine CSV-Datei einlesen?", "Schreib mir eine höfliche E-Mail an meinen Vermieter wegen der Heizung.",
           "Erkläre mir {concept_de} in einfachen Worten.", "Was kann ich heute mit {food_de} kochen?", "Fasse diesen Text in {n} Punkten zusammen: {para_de}",
           "Übersetze ins Englische: {para_de}", "Gib mir {n} Ideen für ein Wochenende in {city}.", "Warum stürzt mein {plang}-Programm mit {error} ab?"],
    "fr": ["Comment lire un fichier JSON en {plang} ?", "Rédige un e-mail poli à mon propriétaire au sujet du chauffage.", "Explique-moi {concept_fr} simplement.",
           "Résume ce texte en {n} points : {para_fr}", "Propose {n} idées de sortie à {city}.", "Corrige les fautes : {para_fr}",
           "Quelle est la différence entre un CDD et un CDI ?", "Idée de recette avec {food_fr} ?"],
    "es": ["¿Cómo puedo leer un archivo CSV en {plang}?", "Escribe un correo formal a mi jefe para pedir el viernes libre.", "Explícame {concept_es} de forma sencilla.",
           "Resume este texto en {n} puntos: {para_es}", "Dame {n} ideas para un fin de semana en {city}.", "Corrige la ortografía: {para_es}",
           "¿Qué puedo cocinar con {food_es}?", "¿Por qué mi código de {plang} da {error}?"],
    "pt": ["Como ler um arquivo CSV em {plang}?", "Escreva um e-mail educado para o meu chefe pedindo folga na sexta.", "Me explica {concept_pt} de um jeito simples.",
           "Resuma esse texto em {n} tópicos: {para_pt}", "Me dá {n} ideias de passeio em {city}.", "Corrige esse texto: {para_pt}", "Receita com {food_pt}?"],
    "it": ["Come si legge un file CSV in {plang}?", "Scrivi una mail cortese al mio capo per chiedere ferie.", "Spiegami {concept_it} in modo semplice.",
           "Riassumi in {n} punti: {para_it}", "Dammi {n} idee per un weekend a {city}."],
    "pl": ["Jak wczytać plik CSV w {plang}?", "Napisz uprzejmego maila do właściciela mieszkania w sprawie ogrzewania.", "Wyjaśnij mi prosto {concept_pl}.",
           "Streść w {n} punktach: {para_pl}", "Podaj {n} pomysły na weekend w {city}.", "Co mogę ugotować z {food_pl}?"],
    "ja": ["{plang}でCSVファイルを読み込む方法を教えて", "上司に金曜日の休みをお願いする丁寧なメールを書いて", "{concept_ja}を簡単に説明してください",
           "次の文章を{n}行で要約して：{para_ja}", "{city}で{n}日間の旅行プランを作って", "この文章を英語に翻訳して：{para_ja}", "{food_ja}を使った簡単なレシピは？"],
    "ko": ["{plang}에서 CSV 파일 읽는 방법 알려줘", "팀장님께 금요일 휴가를 요청하는 정중한 이메일 써줘", "{concept_ko}을 쉽게 설명해줘",
           "다음 글을 {n}줄로 요약해줘: {para_ko}", "{city} {n}일 여행 일정 짜줘", "{food_ko}로 만들 수 있는 요리 추천해줘"],
    "id": ["Bagaimana cara membaca file CSV di {plang}?", "Tolong buatkan email sopan ke atasan untuk izin hari Jumat.", "Jelaskan {concept_id} dengan sederhana.",
           "Ringkas teks ini jadi {n} poin: {para_id}", "Beri {n} ide liburan di {city}."],
    "tr": ["{plang} ile CSV dosyası nasıl okunur?", "Ev sahibime kombi için kibar bir e-posta yaz.", "{concept_tr} konusunu basitçe açıkla.",
           "Bu metni {n} maddede özetle: {para_tr}", "{city} için {n} günlük gezi planı yap."],
    "vi": ["Làm sao đọc file CSV bằng {plang}?", "Viết email lịch sự xin nghỉ thứ Sáu gửi sếp.", "Giải thích {concept_vi} một cách đơn giản.",
           "Tóm tắt đoạn sau thành {n} ý: {para_vi}"],
    "uk": ["Як прочитати CSV файл у {plang}?", "Напиши ввічливий лист орендодавцю щодо опалення.", "Поясни просто, що таке {concept_uk}.",
           "Підсумуй у {n} пунктах: {para_uk}"],
    "ar": ["كيف أقرأ ملف CSV في {plang}؟", "اكتب رسالة بريد إلكتروني مهذبة لمديري لطلب إجازة يوم الجمعة", "اشرح لي {concept_ar} ببساطة",
           "لخص هذا النص في {n} نقاط: {para_ar}"],
    "th": ["อ่านไฟล์ CSV ใน {plang} ยังไง", "ช่วยเขียนอีเมลสุภาพถึงหัวหน้าขอลาวันศุกร์", "อธิบาย{concept_th}แบบง่ายๆ", "สรุปข้อความนี้เป็น {n} ข้อ: {para_th}"],
}
LW = {
    "concept_de": ["Inflation", "Photosynthese", "die Blockchain", "Zinseszins", "Quantenverschränkung"], "food_de": ["Kartoffeln", "Linsen", "Zucchini", "Reis"],
    "para_de": ["Das Treffen wurde zweimal verschoben und der Lieferant kam am falschen Tag.", "Ich lerne seit sechs Monaten Gitarre, aber die Akkordwechsel sind noch zu langsam."],
    "concept_fr": ["l'inflation", "la photosynthèse", "la blockchain", "les intérêts composés"], "food_fr": ["des courgettes", "du riz", "des lentilles"],
    "para_fr": ["La réunion a été déplacée deux fois et le fournisseur est venu le mauvais jour.", "Je travaille sur un mémoire sur les capteurs d'humidité du sol."],
    "concept_es": ["la inflación", "la fotosíntesis", "el interés compuesto", "la blockchain"], "food_es": ["arroz", "garbanzos", "patatas", "huevos"],
    "para_es": ["La reunión se movió dos veces y el proveedor vino el día equivocado.", "Las ventas del norte crecieron un 12 por ciento y el sur se mantuvo igual."],
    "concept_pt": ["inflação", "fotossíntese", "juros compostos", "blockchain"], "food_pt": ["mandioca", "frango", "feijão", "banana"],
    "para_pt": ["A reunião foi remarcada duas vezes e o fornecedor veio no dia errado.", "Estou aprendendo violão há seis meses e ainda troco os acordes devagar."],
    "concept_it": ["l'inflazione", "la fotosintesi", "l'interesse composto"], "para_it": ["La riunione è stata spostata due volte e il fornitore è arrivato il giorno sbagliato."],
    "concept_pl": ["inflację", "fotosyntezę", "procent składany", "blockchain"], "food_pl": ["ziemniaków", "kaszy", "cukinii"],
    "para_pl": ["Spotkanie przełożono dwa razy i dostawca przyjechał w złym dniu.", "Od pół roku uczę się grać na gitarze, ale zmiana akordów idzie mi wolno."],
    "concept_ja": ["インフレ", "光合成", "ブロックチェーン", "複利", "量子もつれ"], "food_ja": ["豆腐", "鶏むね肉", "キャベツ"],
    "para_ja": ["会議が二回延期され、業者が間違った日に来てしまった。", "半年ギターを練習しているが、コードチェンジがまだ遅い。"],
    "concept_ko": ["인플레이션", "광합성", "블록체인", "복리"], "food_ko": ["두부", "감자", "김치"],
    "para_ko": ["회의가 두 번 연기되어 업체가 잘못된 날에 왔다.", "기타를 6개월째 배우는데 코드 전환이 아직 느리다."],
    "concept_id": ["inflasi", "fotosintesis", "bunga majemuk"], "para_id": ["Rapat diundur dua kali dan vendor datang di hari yang salah."],
    "concept_tr": ["enflasyon", "fotosentez", "bileşik faiz"], "para_tr": ["Toplantı iki kez ertelendi ve tedarikçi yanlış gün geldi."],
    "concept_vi": ["lạm phát", "quang hợp", "lãi kép"], "para_vi": ["Cuộc họp bị dời hai lần và nhà cung cấp đến nhầm ngày."],
    "concept_uk": ["інфляція", "фотосинтез", "блокчейн"], "para_uk": ["Зустріч двічі переносили, і постачальник приїхав не того дня."],
    "concept_ar": ["التضخم", "التمثيل الضوئي", "الفائدة المركبة"], "para_ar": ["تم تأجيل الاجتماع مرتين وجاء المورد في اليوم الخطأ."],
    "concept_th": ["เงินเฟ้อ", "การสังเคราะห์แสง", "ดอกเบี้ยทบต้น"], "para_th": ["การประชุมถูกเลื่อนสองครั้งและผู้ขายมาผิดวัน"],
}
REASON_SUFFIX = {"en": [" Explain step by step.", " Can you walk me through your reasoning?", " show your work pls", " Please explain why.", " Think it through carefully."],
                 "de": [" Bitte Schritt für Schritt erklären."], "fr": [" Explique étape par étape."], "es": [" Explícalo paso a paso."],
                 "pt": [" Explica passo a passo."], "ja": [" 順を追って説明して。"], "ko": [" 단계별로 설명해줘."], "pl": [" Wyjaśnij krok po kroku."]}
PREFIX = ["", "", "", "", "hey ", "Quick question: ", "pls ", "ok so ", "Hi! ", "hello, "]
SUFFIX = ["", "", "", "", " thanks!", " keep it short", " in simple terms", " with examples", " ty", " (no jargon please)"]


class Fmt(dict):
    def __missing__(self, k):
        return "{" + k + "}"


def fill(rng, frame, extra=None):
    d = Fmt()
    for k in W:
        if "{" + k in frame:
            d[k] = rng.choice(W[k])
    for k in LW:
        if "{" + k in frame:
            d[k] = rng.choice(LW[k])
    d["concept2"] = rng.choice(W["concept"])
    d["plang2"] = rng.choice(W["plang"])
    d["para"] = rng.choice(PARAS)
    d["snippet"] = rng.choice(SNIPPETS)
    d["n"] = rng.randint(2, 9)
    d["n2"] = rng.randint(11, 9999)
    d["n3"] = rng.randint(3, 999)
    d["city"] = rng.choice(W["city"])
    if extra:
        d.update(extra)
    return frame.format_map(d)


def background_prompt(rng, lang, reason_rate=0.1):
    if lang != "en" and lang in LANG_FRAMES and rng.random() < 0.75:
        p = fill(rng, rng.choice(LANG_FRAMES[lang]))
        if rng.random() < reason_rate and lang in REASON_SUFFIX:
            p += rng.choice(REASON_SUFFIX[lang])
        return p
    p = rng.choice(PREFIX) + fill(rng, rng.choice(EN_FRAMES)) + rng.choice(SUFFIX)
    if rng.random() < reason_rate:
        p += rng.choice(REASON_SUFFIX["en"])
    if rng.random() < 0.004:
        p += rng.choice([" \u202eevil", " =HYPERLINK(\"http://x.example\",\"click\")", " \x1b[31mred\x1b[0m", " ../../etc/passwd"])
    return p


# ---------------------------------------------------------------- reasoning-type problem bank (rings, labs, courses)
NAMES = ["Ana", "Bilal", "Chen", "Dara", "Emeka", "Fatima", "Goran", "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya",
         "Quinn", "Rosa", "Sven", "Tomoko", "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zofia"]
ITEMS = ["apples", "notebooks", "bus tickets", "marbles", "loaves of bread", "stickers", "solar panels", "chairs", "books", "tiles"]


def problem(rng):
    k = rng.randrange(14)
    a, b, c = rng.randint(3, 97), rng.randint(2, 60), rng.randint(2, 19)
    n1, n2 = rng.sample(NAMES, 2)
    it = rng.choice(ITEMS)
    if k == 0:
        return f"{n1} has {a} {it} and gives {b % a + 1} to {n2}, then buys {c} times as many as she gave away. How many {it} does {n1} have now?"
    if k == 1:
        return f"A train leaves at {rng.randint(5,11)}:{rng.choice(['05','20','35','50'])} travelling {a+40} km/h; a second train leaves the same station {c*5} minutes later at {a+70} km/h. When does the second train catch up?"
    if k == 2:
        return f"What is the remainder when {a}^{b} is divided by {c+2}?"
    if k == 3:
        return f"How many integers between 1 and {a*b+100} are divisible by {c} or {c+3} but not both?"
    if k == 4:
        return f"A rectangle has perimeter {2*(a+b)} and one side {a}. A square has the same area. What is the side of the square, to two decimals?"
    if k == 5:
        return f"In a class of {a+20} students, {b % (a+20)} play chess, {c+5} play go and {c} play both. How many play neither?"
    if k == 6:
        return f"What does this function return for n={c}?\ndef f(n):\n    return n if n < 2 else f(n-1) + {b % 5 + 1}*f(n-2)"
    if k == 7:
        return f"{n1} is older than {n2}. {n2} is older than {rng.choice(NAMES)}. Is the youngest of the three necessarily younger than {n1}? Case {a}{b}."
    if k == 8:
        return f"A shop discounts a {a*10} euro jacket by {b % 50 + 5}% and then adds {c}% tax. What is the final price?"
    if k == 9:
        return f"Two dice are rolled {c} times. What is the probability that a sum of {rng.randint(2,12)} appears at least once?"
    if k == 10:
        return f"Sort the list [{', '.join(str(rng.randint(1,99)) for _ in range(6))}] using insertion sort and count the swaps."
    if k == 11:
        return f"A tank fills in {c} hours with pipe A and {c+b%7+1} hours with pipe B; a drain empties it in {a%30+c+5} hours. With all three open, how long to fill it?"
    if k == 12:
        return f"Is {a*b+c} a prime? If not, give its prime factorisation."
    return f"Water boils at a lower temperature at {a*100} m altitude. Estimate the boiling point there and explain the physics ({n1}'s hiking question)."


def fin(p):
    return p


# ---------------------------------------------------------------- the builder
class Src:
    def __init__(self, name, seed, cfg):
        self.name = name
        self.rng = random.Random(seed)
        self.seed = seed
        self.cfg = cfg
        self.accounts = []       # dicts
        self.acc_by = {}
        self.payments = []
        self.rows = []           # (ts_ms, seq, dict)
        self.seq = 0
        self.rings = []
        self.decoys = []
        self.n = 0

    # ---- accounts
    def new_id(self):
        self.n += 1
        return "u" + b36(f"{self.seed}/{self.n}", 11)

    def card(self, tag):
        return "pf_" + hx(self.seed, "card", tag, n=20)

    def account(self, cc, created_ms, email, card=None, kind="card", org="", plan=None, status="active", signup_ip="", extra=None):
        aid = self.new_id()
        a = {"account_id": aid, "created_at": created_ms, "email": email, "org_id": org, "country": cc,
             "plan": plan or ("free" if not card else self.rng.choice(["build", "build", "scale"])),
             "status": status, "payment_fingerprint": card or "", "signup_ip": signup_ip}
        if extra:
            a.update(extra)
        self.accounts.append(a)
        self.acc_by[aid] = a
        if card:
            self.payments.append({"account_id": aid, "payment_fingerprint": card, "kind": kind,
                                  "bin_country": cc if kind == "card" else "", "added_at": created_ms + self.rng.randint(0, 86400000)})
        return aid

    def email(self, cc, domain=None):
        r = self.rng
        user = r.choice(["", "the", "mr", "x", ""]) + r.choice(["alex", "maria", "kenji", "olu", "sofia", "ivan", "mina", "raj", "lucas", "emma", "noor",
                                                           "tomas", "yuki", "ahmed", "lea", "diego", "hana", "pavel", "zara", "ravi", "jin", "chloe"])
        user += r.choice(["", ".", "_"]) + r.choice(["", str(r.randint(1, 9999)), r.choice(["dev", "writes", "k", "z", "ai", "lab"])])
        user += str(r.randint(0, 999)) if r.random() < 0.5 else ""
        return f"{user}@{domain or r.choice(COUNTRIES[cc][2])}"

    def old_created(self, max_years=5.0, min_days=1):
        r = self.rng
        d = min(max_years * 365, min_days + r.expovariate(1 / 400))
        return START_MS - int(d * DAY_MS) + r.randint(0, DAY_MS)

    # ---- queries
    def q(self, ts, aid, prompt, ip, asn, ua, model=None, it=None, ot=None, reason=False, cat=None, fp_only=False, key=None):
        r = self.rng
        if model is None:
            model = wpick(r, MODELS_POP)
        if it is None:
            it = max(4, int(len(prompt) / 3.6) + r.randint(0, 40))
        if ot is None:
            ot = int(r.lognormvariate(6.9, 0.45)) if reason else int(r.lognormvariate(5.4, 0.8))
        row = {"ts": int(ts), "account_id": aid, "api_key": key or ("sk-" + hx(self.seed, "key", aid, n=6) + "-" + hx(aid, ts, n=4) if False else "sk-" + hx(self.seed, "key", aid, n=10)),
               "ip": ip, "asn": asn, "user_agent": ua, "model": model, "input_tokens": it, "output_tokens": ot}
        if fp_only:
            row["prompt_fingerprint"] = hashlib.sha256(prompt.encode()).hexdigest()[:32]
        else:
            row["prompt"] = prompt
        if cat:
            row["category"] = cat
        self.seq += 1
        self.rows.append((int(ts), self.seq, row))

    def local_time(self, day, tz, weights=None):
        r = self.rng
        w = weights or HOURW
        hour = wpick(r, list(enumerate(w)))
        t = START_MS + day * DAY_MS + int((hour + r.random() - tz) * 3600000)
        return t

    # ---- an ordinary user's life: sessions of varied prompts
    def life(self, aid, nq, tz, lang, ips, uas, day_lo=0, day_hi=DAYS, reason_rate=0.1, weekday_only=False, hourw=None, fp_rate=0.0, prompt_fn=None):
        r = self.rng
        created = self.acc_by[aid]["created_at"]
        lo_ms = max(START_MS + day_lo * DAY_MS, created + 60000)
        done = 0
        guard = 0
        while done < nq and guard < nq * 20:
            guard += 1
            day = r.randint(day_lo, max(day_lo, day_hi - 1))
            if weekday_only and (day % 7) >= 5:
                continue
            t = self.local_time(day, tz, hourw)
            if t < lo_ms or t >= END_MS:
                continue
            ipx = r.choice(ips)
            ua = r.choice(uas)
            k = min(nq - done, max(1, int(r.expovariate(1 / 2.2))))
            for _ in range(k):
                if t >= END_MS:
                    break
                p = prompt_fn(r) if prompt_fn else background_prompt(r, lang, reason_rate)
                self.q(t, aid, p, ipx[0], ipx[1], ua, reason=("step" in p or "reason" in p), fp_only=(r.random() < fp_rate))
                done += 1
                t += r.randint(8000, 300000)


HOURW = [1, 0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.5, 2.5, 3.2, 3.5, 3.5, 3.2, 3.3, 3.5, 3.4, 3.2, 3.0, 2.8, 3.0, 3.2, 3.0, 2.4, 1.6]
WORKW = [0.05, 0.02, 0.02, 0.02, 0.02, 0.05, 0.3, 1.5, 3.5, 4, 4, 3.5, 2.5, 3.5, 4, 4, 3.5, 2, 0.6, 0.3, 0.2, 0.15, 0.1, 0.05]


def home_net(s, cc):
    """an ordinary person's networks: home line, sometimes mobile CGNAT / VPN"""
    r = s.rng
    asn = r.choice(COUNTRIES[cc][3])
    home = ip6_in(r, asn) if (cc in ("DE", "FR", "JP", "US", "IN") and r.random() < 0.12) else ip_in(r, asn)
    nets = [(home, asn)]
    mob = [a for a, c in MOBILE_CGNAT.items() if c == cc]
    if mob and r.random() < 0.35:
        nets.append((r.choice(s.cgnat[mob[0]]), mob[0]))
    if r.random() < 0.07:
        v = r.choice(VPN_ASNS)
        nets.append((r.choice(s.vpn[v]), v))
    if r.random() < 0.15:
        asn2 = r.choice(COUNTRIES[cc][3])
        nets.append((ip_in(r, asn2), asn2))
    return nets


def person_uas(r):
    uas = [wpick(r, SDK_UAS) if r.random() < 0.6 else wpick(r, BROWSER_UAS)]
    if r.random() < 0.3:
        uas.append(wpick(r, BROWSER_UAS))
    return uas


def pick_cc(r):
    return wpick(r, list(zip(CCS, CCW)))


# ============================================================== population
def population(s, n_people, n_uni, n_comp, rows_budget):
    r = s.rng
    people = []   # (aid, cc, weight, nets, uas, lang, span)
    # carrier NAT and VPN exit pools (shared by many strangers)
    for asn in MOBILE_CGNAT:
        s.cgnat[asn] = [ip_in(r, asn) for _ in range(r.randint(12, 30))]
    for asn in VPN_ASNS:
        s.vpn[asn] = [ip_in(r, asn) for _ in range(r.randint(15, 40))]
    # individuals
    for i in range(n_people):
        cc = pick_cc(r)
        if r.random() < 0.09:
            created = START_MS + r.randint(0, DAYS * DAY_MS - DAY_MS)
        else:
            created = s.old_created()
        card = s.card(("ind", i)) if r.random() < 0.72 else None
        if card and r.random() < 0.015 and people:      # household sharing a card
            card = s.acc_by[people[-1][0]]["payment_fingerprint"] or card
        nets = home_net(s, cc)
        status = "active" if r.random() > 0.01 else r.choice(["suspended", "banned"])
        aid = s.account(cc, created, s.email(cc), card=card, signup_ip=nets[0][0], status=status)
        if card and r.random() < 0.04:
            s.payments.append({"account_id": aid, "payment_fingerprint": s.card(("ind2", i)), "kind": "card", "bin_country": cc, "added_at": created + DAY_MS * 30})
        w = r.lognormvariate(0, 1.25)
        lo = r.randint(0, DAYS - 1) if r.random() < 0.4 else 0
        hi = min(DAYS, lo + r.randint(3, DAYS)) if lo else DAYS
        people.append((aid, cc, w, nets, person_uas(r), COUNTRIES[cc][4], (lo, hi), 0.1))
    # universities (campus NAT shared by strangers who are not a class)
    unis = [("PL", "student.uw-example.edu.pl"), ("BR", "aluno.ufx.edu.br"), ("IN", "iitx.ac.in"), ("US", "mail.stateu.edu"), ("JP", "g.ecc.u-tokyo-x.ac.jp"),
            ("DE", "stud.tu-x.de"), ("KR", "snu-x.ac.kr"), ("NG", "stu.unilag-x.edu.ng")]
    s.campus = {}
    for cc, dom in unis:
        asn = "AS" + str(1000 + int(hx(dom, n=4), 16) % 60000)
        nat = [ip_in(r, asn) for _ in range(3)]
        s.campus[dom] = (asn, nat)
        for i in range(n_uni // len(unis)):
            created = s.old_created(max_years=4)
            aid = s.account(cc, created, s.email(cc, dom), card=None, plan="free", signup_ip=r.choice(nat))
            nets = [(x, asn) for x in nat] + home_net(s, cc)[:1]
            people.append((aid, cc, r.lognormvariate(0, 1.0), nets, person_uas(r), COUNTRIES[cc][4], (0, DAYS), 0.18))
    # small and mid companies: own domain, one invoice or shared card, office /24
    for c in range(n_comp):
        cc = pick_cc(r)
        dom = r.choice(["acme", "nordlicht", "bluepeak", "sakura", "verde", "atlas", "orbit", "quanta", "lumen", "pixel", "harbor", "kite", "maple", "delta", "zen"]) \
            + r.choice(["-labs", "soft", "-group", "works", "data", "-consult", "hq", ""]) + str(c) + "." + r.choice(["com", "io", "de", "co", "net", "com.br", "co.jp", "in"])
        org = "org_" + hx(s.seed, "co", c, n=8)
        pay = s.card(("co", c))
        kind = "invoice" if r.random() < 0.5 else "card"
        asn = r.choice(COUNTRIES[cc][3] + HOSTING[:3])
        sub = subnet24(r, asn)
        office = [(f"{sub}.{r.randint(2, 250)}", asn) for _ in range(r.randint(1, 3))]
        ua_c = [wpick(r, SDK_UAS)] + ([f"{dom.split('.')[0]}-internal/{r.randint(1,4)}.{r.randint(0,9)}"] if r.random() < 0.3 else [])
        created0 = s.old_created()
        for j in range(r.choice([1, 2, 2, 3, 3, 4, 5, 6, 8, 12])):
            aid = s.account(cc, created0 + r.randint(0, 200) * DAY_MS if created0 + 200 * DAY_MS < START_MS else created0, s.email(cc, dom),
                            card=pay, kind=kind, org=org, plan="scale" if kind == "invoice" else "build", signup_ip=office[0][0])
            people.append((aid, cc, r.lognormvariate(0.6, 1.0), office + home_net(s, cc)[:1], ua_c + person_uas(r)[:1], COUNTRIES[cc][4], (0, DAYS), 0.08))
    # integration products and legit bots (one account each, own client and template, heavy, regular)
    bots = []
    prods = [("ScribeNest/3.4.1", "Rewrite the following note into clean meeting minutes with action items:\n{para}"),
             ("MailMuse-Addin/2.0.7", "Suggest a reply to this email in a {tone} tone:\n{para}"),
             ("TicketLens/1.12", "Classify sentiment (positive/neutral/negative) and urgency of: {para}"),
             ("ShopCopy/0.9.3", "Write a product description for a {business} listing: {dish}, size {n}"),
             ("GitSage-bot/5.1.0", "Summarize this diff for a changelog:\n{snippet}"),
             ("LexiCards/2.2", "Make {n} flashcards (term: definition) about {concept}"),
             ("NewsPulse-digest/7.0", "Summarize today's headlines about {concept} in {n} sentences."),
             ("RecipeBox-sync/4.4", "Scale this recipe for {n} people: {dish}"),
             ("QuizForge/1.3.2", "Write {n} multiple-choice questions on {concept} for a {audience}."),
             ("TranscribeFix/3.0", "Fix punctuation and casing in this transcript: {para}"),
             ("HelpHub-widget/6.2", "Answer the customer question using the FAQ. Question: how do I {code_task}?"),
             ("StatusBot/1.0.4", "Turn these service metrics into a short status update: p95={n2}ms errors={n3}"),
             ("CalendarPal/2.8", "Propose a meeting agenda about {email_topic} for my {person}"),
             ("AlertDigest/0.7", "Group these alerts and explain the likely root cause: {error} x{n3}"),
             ("SEOTune/3.3.0", "Write {n} meta descriptions for a page about {idea_topic}"),
             ("DocuQuery/1.1", "Extract the parties, dates and amounts from this contract clause: {para}"),
             ("CodeCoach-lsp/0.18", "Explain this {plang} snippet line by line:\n{snippet}"),
             ("FeedSift/2.0", "Tag this post with up to {n} topics: {para}"),
             ("VoiceNote-ai/1.6", "Turn this voice note into a to-do list: {para}"),
             ("TravelMate/4.0.2", "Plan a {n}-day trip to {city} on a {budget} budget.")]
    for i, (ua, tmpl) in enumerate(prods[:s.cfg["n_prods"]]):
        cc = r.choice(["US", "DE", "GB", "IN", "FR", "JP", "BR", "NL"])
        asn = r.choice(HOSTING)
        sub = subnet24(r, asn)
        aid = s.account(cc, s.old_created(min_days=60), f"api@{ua.split('/')[0].lower()}.app", card=s.card(("prod", i)), kind="invoice",
                        org="org_" + hx(s.seed, "prod", i, n=8), plan="scale", signup_ip=f"{sub}.10")
        bots.append((aid, ua, tmpl, [(f"{sub}.{x}", asn) for x in (10, 11, 12, 13)], r.choice([0, 0, 1])))
    return people, bots


def spread_background(s, people, bots, budget):
    r = s.rng
    # bots get ~14% of the budget, periodic
    bot_rows = int(budget * 0.14)
    for aid, ua, tmpl, nets, periodic in bots:
        n = max(200, int(bot_rows / len(bots) * r.uniform(0.4, 1.6)))
        if periodic:
            step = (DAYS * DAY_MS) // n
            t = START_MS + r.randint(0, step)
            for _ in range(n):
                ip, asn = r.choice(nets)
                s.q(t + r.randint(0, 4000), aid, fill(r, tmpl), ip, asn, ua, model=r.choice(["aurora-mini-2025-11", "aurora-medium-2026-03"]))
                t += step
        else:
            for _ in range(n):
                day = r.randrange(DAYS)
                t = s.local_time(day, 0)
                ip, asn = r.choice(nets)
                s.q(t, aid, fill(r, tmpl), ip, asn, ua, model=r.choice(["aurora-mini-2025-11", "aurora-medium-2026-03"]))
    rest = budget - bot_rows
    tw = sum(p[2] for p in people)
    for aid, cc, w, nets, uas, lang, (lo, hi), rr in people:
        nq = max(1, int(round(rest * w / tw * r.uniform(0.8, 1.2))))
        if r.random() < 0.04:
            nq = 0      # signed up, never used
        if nq:
            s.life(aid, nq, COUNTRIES[cc][0], lang, nets, uas, lo, hi, reason_rate=rr)


# ============================================================== rings
def ring_metronome(s, n, period_min):
    """own card, own home IP, free mail; one client string nobody else uses; two CoT families alternating;
    a scheduler fires 3-5 members within seconds every N minutes on active days"""
    r = s.rng
    ua = "pyrite-runner/3.2.0 (linux; x86_64)"
    fams = [lambda p: f"Solve the following. Think step by step, number every intermediate step, and only then state the result on a final line beginning with 'ANSWER:'.\n\nProblem: {p}",
            lambda p: f"You are a meticulous tutor. Before answering, write out your full chain of reasoning under the heading 'Reasoning', then give the answer under 'Final'.\nQuestion: {p}"]
    mem = []
    for i in range(n):
        cc = pick_cc(r)
        created = START_MS - r.randint(3, 24) * DAY_MS + r.randint(0, DAY_MS)
        nets = home_net(s, cc)[:1]
        aid = s.account(cc, created, s.email(cc, r.choice(["gmail.com", "outlook.com", "proton.me", "yahoo.com"])), card=s.card(("met", s.name, i)), signup_ip=nets[0][0])
        mem.append((aid, nets[0]))
    days = sorted(r.sample(range(DAYS), 12))
    tick = 0
    for d in days:
        h0 = r.randint(0, 14)
        t = START_MS + d * DAY_MS + h0 * 3600000
        end = t + 8 * 3600000
        while t < end:
            for aid, (ip, asn) in r.sample(mem, r.randint(3, 5)):
                p = fams[tick % 2](problem(r))
                s.q(t + r.randint(0, 5000), aid, p, ip, asn, ua, model=r.choice(["aurora-large-2026-05", "aurora-reason-2026-07"]), reason=True)
            tick += 1
            t += period_min * 60000 + r.randint(-3000, 3000)
    return [a for a, _ in mem]


def ring_chorus(s, n, bursts_per_day):
    """shares nothing but templates and coordinated firing: common SDK strings, own cards, own home IPs, created over weeks"""
    r = s.rng
    fams = [lambda p: f"I'm building a study guide. For the item below, give the rationale first - every inference on its own line - then the conclusion.\nItem: {p}",
            lambda p: f"Item: {p}\nWrite the derivation in full (no skipped steps), then a one-line conclusion. Format: DERIVATION / CONCLUSION.",
            lambda p: f"Please reason about this carefully and explicitly, listing each deduction you make, then answer.\n\n{p}"]
    mem = []
    for i in range(n):
        cc = pick_cc(r)
        created = START_MS - r.randint(1, 45) * DAY_MS + r.randint(0, DAY_MS)
        nets = home_net(s, cc)[:1]
        aid = s.account(cc, created, s.email(cc), card=s.card(("cho", s.name, i)), signup_ip=nets[0][0])
        mem.append((aid, nets[0], wpick(r, SDK_UAS[:8])))
    for d in range(DAYS):
        for _ in range(max(0, int(r.gauss(bursts_per_day, 1)))):
            t = START_MS + d * DAY_MS + r.randint(0, DAY_MS - 1)
            for aid, (ip, asn), ua in r.sample(mem, r.randint(6, 11)):
                s.q(t + r.randint(0, 3000), aid, r.choice(fams)(problem(r)), ip, asn, ua, model="aurora-large-2026-05", reason=True)
    return [a for a, *_ in mem]


def ring_pods(s, pods, per):
    """one operation split into pods: each pod one card and one datacenter /24; pods share templates and an unusual model mix"""
    r = s.rng
    fams = [lambda p: f"[task] {p}\n[instructions] Produce a worked solution: enumerate the reasoning steps (Step 1, Step 2, ...), verify the result, then output the final answer.",
            lambda p: f"Consider the problem: {p}\nShow a complete step-by-step solution with justification for each step, then 'Final answer:'."]
    out = []
    for k in range(pods):
        asn = HOSTING[k % len(HOSTING)]
        sub = subnet24(r, asn)
        card = s.card(("pod", s.name, k))
        ua = wpick(r, SDK_UAS)
        created0 = START_MS - r.randint(0, 30) * DAY_MS
        mem = []
        for i in range(per + r.randint(-2, 2)):
            cc = r.choice(["US", "SG" if False else "GB", "DE", "NL", "CA"])
            aid = s.account(cc, created0 + r.randint(0, 20) * 3600000, s.email(cc), card=card, signup_ip=f"{sub}.{r.randint(2, 250)}")
            mem.append(aid)
        out += mem
        for aid in mem:
            created = s.acc_by[aid]["created_at"]
            nq = r.randint(25, 55)
            for _ in range(nq):
                t = max(created + 3600000, START_MS) + r.randint(0, max(1, END_MS - max(created + 3600000, START_MS) - 1))
                model = "aurora-reason-2026-07" if r.random() < 0.55 else "aurora-large-2025-02"
                s.q(t, aid, r.choice(fams)(problem(r)), f"{sub}.{r.randint(2, 250)}", asn, ua, model=model, reason=True)
    return out


def ring_reseller(s, n, frac):
    """a reseller on one invoice: sub-accounts relayed through its gateway, mostly distillation prompts"""
    r = s.rng
    card = s.card(("resell", s.name))
    org = "org_" + hx(s.seed, "brightgate", n=8)
    asn = "AS20473"
    sub = subnet24(r, asn)
    gw = [f"{sub}.{x}" for x in (21, 22, 23)]
    ua = "brightgate-gw/2.4.7"
    fams = [lambda p: f"{p}\n\nProvide: (1) a detailed explanation of how to reach the answer, each step justified; (2) the answer.",
            lambda p: f"Generate a high-quality worked example. Problem: {p}. Walk through the logic step by step as a teacher would, then conclude.",
            lambda p: f"Q: {p}\nA (with complete reasoning):"]
    mem = []
    created0 = s.old_created(min_days=90)
    for i in range(n):
        cc = r.choice(["CN" if False else "SG", "HK", "MY", "AE", "US", "GB"])
        aid = s.account(cc, created0 + r.randint(0, 80) * DAY_MS, f"sub{i:03d}@brightgate-api.net", card=card, kind="invoice", org=org, plan="scale", signup_ip=gw[0])
        mem.append(aid)
        nq = r.randint(60, 180)
        for _ in range(nq):
            t = START_MS + r.randint(0, DAYS * DAY_MS - 1)
            if r.random() < frac:
                p, rs = r.choice(fams)(problem(r)), True
            else:
                p, rs = background_prompt(r, "en", 0.05), False
            s.q(t, aid, p, r.choice(gw), asn, ua, model=r.choice(["aurora-large-2026-05", "aurora-large-2026-05", "aurora-medium-2026-03"]), reason=rs)
    return mem


def ring_drizzle(s, n):
    """many very light members (1-5 queries), each question wrapped in a rotating wrapper built from interchangeable fragments;
    residential proxy exits rotate among members; created in waves; browser client strings"""
    r = s.rng
    openers = ["Help me understand this.", "I'm stuck on something.", "Quick one for you.", "Could you take a look?"]
    asks = ["Lay out your reasoning as numbered steps before you answer.", "Go through it one step at a time and justify each step.",
            "Reason it out in detail first; only then give the answer.", "Show every step of the thinking, then the result."]
    closers = ["Thanks.", "Appreciate it!", "", "Cheers"]
    pool = []
    for _ in range(max(10, n // 5)):
        cc = r.choice(["US", "GB", "DE", "BR", "IN", "CA", "FR", "ES"])
        asn = r.choice(COUNTRIES[cc][3])
        pool.append((ip_in(r, asn), asn))
    mem = []
    waves = sorted(r.sample(range(2, DAYS - 3), 5))
    for i in range(n):
        wv = waves[i % len(waves)]
        cc = r.choice(["US", "GB", "DE", "BR", "IN", "CA", "FR", "ES"])
        created = START_MS + wv * DAY_MS + r.randint(0, 5 * 3600000)
        ipx = r.choice(pool)
        aid = s.account(cc, created, s.email(cc), card=s.card(("drz", s.name, i)) if r.random() < 0.5 else None, signup_ip=ipx[0])
        mem.append(aid)
        ua = wpick(r, BROWSER_UAS)
        t = created + r.randint(1, 40) * 3600000
        for _ in range(r.randint(1, 5)):
            ipy = ipx if r.random() < 0.6 else r.choice(pool)
            q = problem(r) if r.random() < 0.7 else background_prompt(r, "en", 0)
            p = " ".join(x for x in (r.choice(openers), q, r.choice(asks), r.choice(closers)) if x)
            s.q(min(t, END_MS - 1000), aid, p, ipy[0], ipy[1], ua, model="aurora-large-2026-05", reason=True)
            t += r.randint(20000, 900000)
    return mem


BABEL = {
    "ja": "次の問題を解いてください。答えを出す前に、考え方を一段階ずつ番号付きで詳しく書いてください。\n問題：{p}",
    "ko": "다음 문제를 풀어 주세요. 답을 말하기 전에 추론 과정을 단계별로 번호를 붙여 자세히 적어 주세요.\n문제: {p}",
    "id": "Selesaikan soal berikut. Sebelum menjawab, tuliskan alur berpikirmu langkah demi langkah secara rinci.\nSoal: {p}",
    "pt": "Resolva o problema a seguir. Antes da resposta, escreva todo o raciocínio, etapa por etapa, numerando cada etapa.\nProblema: {p}",
    "tr": "Aşağıdaki problemi çöz. Cevabı vermeden önce düşünce sürecini adım adım, numaralandırarak ayrıntılı yaz.\nProblem: {p}",
    "vi": "Hãy giải bài toán sau. Trước khi trả lời, hãy viết chi tiết từng bước suy luận, đánh số từng bước.\nBài toán: {p}",
    "ar": "حل المسألة التالية. قبل الإجابة اكتب خطوات تفكيرك بالتفصيل خطوة بخطوة مع ترقيمها.\nالمسألة: {p}",
}


def ring_babel(s, n, langs, hours):
    """other languages: the same CoT instruction translated, members take turns one at a time (relay), via commercial VPN exits shared with strangers"""
    r = s.rng
    lang_cc = {"ja": "JP", "ko": "KR", "id": "ID", "pt": "BR", "tr": "TR", "vi": "VN", "ar": "EG"}
    mem = []
    for i in range(n):
        lg = langs[i % len(langs)]
        cc = lang_cc[lg]
        created = START_MS - 6 * DAY_MS + r.randint(0, 5 * DAY_MS)
        v = r.choice(VPN_ASNS)
        aid = s.account(cc, created, s.email(cc), card=s.card(("bab", s.name, i)), signup_ip=r.choice(s.vpn[v]))
        mem.append((aid, lg))
    order = mem[:]
    r.shuffle(order)
    blocks = sorted(r.sample(range(DAYS), max(1, hours // 7)))
    k = 0
    ua = "Go-http-client/2.0"
    for d in blocks:
        t = START_MS + d * DAY_MS + r.randint(0, 16) * 3600000
        end = t + 7 * 3600000
        while t < end:
            aid, lg = order[k % len(order)]
            k += 1
            v = r.choice(VPN_ASNS)
            s.q(t, aid, BABEL[lg].format(p=problem(r)), r.choice(s.vpn[v]), v, ua, model="aurora-large-2026-05", reason=True)
            t += r.randint(60000, 120000)
    return [a for a, _ in mem]


DECK_UAS = ["DeckPilot/5.2.1 (+plugin; macOS)", "DeckPilot/5.2.1 (+plugin; Windows)", "DeckPilot/5.1.9 (+plugin; web)"]


def deck_prompt(r):
    return (f"DeckPilot::outline\nAudience: {r.choice(W['audience'])}\nTopic: {r.choice(W['concept'] + W['idea_topic'])}\n"
            f"Slides: {r.randint(5, 15)}\nTone: {r.choice(W['tone'])}\nReturn a slide-by-slide outline.")


def ring_trojan(s, n):
    """mimicry of a popular integration: the plugin's client string and prompt header, but the payload is exam problems with a reasoning harvest"""
    r = s.rng
    mem = []
    for i in range(n):
        cc = pick_cc(r)
        created = START_MS - r.randint(0, 14) * DAY_MS + r.randint(0, DAY_MS)
        nets = home_net(s, cc)[:1]
        aid = s.account(cc, created, s.email(cc), card=s.card(("tro", s.name, i)), signup_ip=nets[0][0])
        mem.append(aid)
        ua = r.choice(DECK_UAS)
        for _ in range(r.randint(18, 40)):
            day = r.randrange(DAYS)
            t = max(s.local_time(day, COUNTRIES[cc][0]), created + 600000)
            if t >= END_MS:
                continue
            p = (f"DeckPilot::outline\nAudience: {r.choice(W['audience'])}\nTopic: worked solution - {problem(r)}\nSlides: {r.randint(3, 6)}\n"
                 f"Tone: rigorous\nFor every slide write the full reasoning behind that step in the speaker notes, nothing skipped, then the final answer.")
            s.q(t, aid, p, nets[0][0], nets[0][1], ua, model="aurora-large-2026-05", reason=True)
    return mem


def ring_baton(s, n, cards):
    """rotation: accounts used one after another for ~1-2 days each then dropped; a few cards rotate through them;
    each created just before its turn (no creation burst), JSON dataset-building prompts, hosting IPs changing per account"""
    r = s.rng
    mem = []
    span = DAYS * DAY_MS // n
    for i in range(n):
        start = START_MS + i * span + r.randint(0, span // 4)
        asn = r.choice(HOSTING)
        sub = subnet24(r, asn)
        cc = r.choice(["US", "GB", "DE", "CA", "AU"])
        aid = s.account(cc, start - r.randint(1, 6) * 3600000, s.email(cc, r.choice(["gmail.com", "outlook.com", "proton.me", "tutanota.com"])),
                        card=s.card(("baton", s.name, i % cards)), signup_ip=f"{sub}.{r.randint(2, 250)}")
        mem.append(aid)
        t = start
        for _ in range(r.randint(110, 200)):
            p = ("Return a JSON object with keys \"question\", \"rationale\" and \"answer\". The rationale must contain the complete reasoning, "
                 f"one step per sentence. Question: {problem(r)}")
            s.q(t, aid, p, f"{sub}.{r.randint(2, 250)}", asn, "python-requests/2.32.3", model="aurora-large-2026-05", reason=True)
            t += r.randint(20000, 1400000)
            if t > start + span + DAY_MS // 2 or t >= END_MS:
                break
    return mem


def ring_sleepers(s, n, wake_day):
    """aged accounts (created years ago, organic early history from home) reactivated together: CoT template from a few hosting /24s"""
    r = s.rng
    subs = []
    for _ in range(3):
        asn = r.choice(HOSTING)
        subs.append((subnet24(r, asn), asn))
    mem = []
    for i in range(n):
        cc = pick_cc(r)
        created = START_MS - int(r.uniform(1.0, 6.5) * 365 * DAY_MS)
        nets = home_net(s, cc)
        aid = s.account(cc, created, s.email(cc), card=s.card(("slp", s.name, i)), signup_ip=nets[0][0])
        mem.append(aid)
        s.life(aid, r.randint(0, 6), COUNTRIES[cc][0], COUNTRIES[cc][4], nets, person_uas(r), 0, wake_day)
        sub, asn = r.choice(subs)
        for _ in range(r.randint(30, 55)):
            t = START_MS + wake_day * DAY_MS + r.randint(0, (DAYS - wake_day) * DAY_MS - 1)
            p = f"{problem(r)}\n\nBefore giving the answer, explain your thought process in depth, step by step, as if grading your own work."
            s.q(t, aid, p, f"{sub}.{r.randint(2, 250)}", asn, "aurora-sdk-python/1.9.0", model="aurora-large-2026-05", reason=True)
    return mem


def ring_paraphrase(s, n):
    """(14b) no stable template: each prompt is assembled from a large pool of independently-chosen clauses, in 3 languages,
    members share only one rare /24 of a small VPS host and burst firing; cards are prepaid (one BIN country, different fingerprints)"""
    r = s.rng
    a1 = ["Work through", "Solve", "Tackle", "Figure out", "Handle", "Crack", "Address", "Go over"]
    a2 = ["carefully", "methodically", "thoroughly", "slowly", "rigorously", "patiently"]
    a3 = ["writing down every intermediate deduction", "making each inference explicit", "keeping a numbered trace of your thinking",
          "justifying each move", "narrating your reasoning as you go", "spelling out all the logic"]
    a4 = ["then state the result.", "and end with the answer.", "and finish with a boxed answer.", "then give a one-line verdict.", "before concluding."]
    asn = "AS51167"
    sub = subnet24(r, asn)
    mem = []
    for i in range(n):
        cc = pick_cc(r)
        created = START_MS - r.randint(10, 200) * DAY_MS
        aid = s.account(cc, created, s.email(cc), card=s.card(("para", s.name, i)), kind="card", signup_ip=ip_in(r, r.choice(COUNTRIES[cc][3])))
        mem.append(aid)
    for d in range(0, DAYS, 2):
        t = START_MS + d * DAY_MS + r.randint(0, DAY_MS - 1)
        for aid in r.sample(mem, r.randint(4, 8)):
            for j in range(r.randint(1, 3)):
                seq = [f"{r.choice(a1)} this {r.choice(a2)},", r.choice(a3) + ",", r.choice(a4)]
                r.shuffle(seq)
                p = problem(r) + " " + " ".join(seq)
                s.q(t + r.randint(0, 8000) + j * 20000, aid, p, f"{sub}.{r.randint(2, 250)}", asn, wpick(r, SDK_UAS), model="aurora-reason-2026-07", reason=True)
    return mem


# ============================================================== benign look-alikes
PL_PROBLEMS = ["Oblicz złożoność algorytmu sortowania przez wstawianie dla tablicy {n} elementów w przypadku pesymistycznym.",
               "Udowodnij indukcyjnie, że suma pierwszych {n} liczb nieparzystych jest kwadratem.",
               "Ile jest relacji równoważności na zbiorze {k}-elementowym?", "Zamień liczbę {m} na system dwójkowy i szesnastkowy.",
               "Narysuj drzewo BST po wstawieniu kluczy {seq} i podaj jego wysokość.", "Rozwiąż rekurencję T(n) = 2T(n/2) + {k}n."]


def course_new(s, n, weeks):
    """a course whose students (new accounts, created at term start, one school domain) send one homework template
    during the same weekly lecture hour from the campus network"""
    r = s.rng
    dom = "student.ptk-krakow.edu.pl"
    asn = "AS8501"
    sub = subnet24(r, asn)
    nat = [f"{sub}.{x}" for x in (3, 4)]
    mem = []
    for i in range(n):
        created = int(dt.datetime(2026, 8, 31, tzinfo=UTC).timestamp() * 1000) + r.randint(0, 8 * DAY_MS)
        aid = s.account("PL", created, s.email("PL", dom), card=None, plan="edu", signup_ip=r.choice(nat))
        mem.append(aid)
        home = home_net(s, "PL")[:1]
        ua = wpick(r, BROWSER_UAS)
        for w in range(weeks):
            if r.random() < 0.2:
                continue
            lecture = START_MS + (w * 7 + 2) * DAY_MS + int(10.25 * 3600000)    # Wednesday 12:15 local
            lista = w + 1
            for j in range(r.randint(1, 3)):
                t = lecture + r.randint(0, 90 * 60000)
                pr = r.choice(PL_PROBLEMS).format(n=r.randint(5, 50), k=r.randint(3, 6), m=r.randint(100, 9999), seq=", ".join(str(x) for x in r.sample(range(1, 60), 7)))
                p = f"Lista {lista}, zadanie {r.randint(1, 8)}: {pr} Wyjaśnij rozwiązanie krok po kroku i podaj wynik."
                s.q(t, aid, p, r.choice(nat), asn, ua, model="aurora-medium-2026-03", reason=True)
        s.life(aid, r.randint(0, 8), 2, "pl", home, [ua], 0, DAYS)
    # the rest of the campus behind the same NAT (other students and staff, not in the course): background
    for i in range(n):
        aid = s.account("PL", s.old_created(max_years=4), s.email("PL", r.choice([dom, "ptk-krakow.edu.pl"])), card=None, plan="edu", signup_ip=r.choice(nat))
        s.life(aid, r.randint(1, 30), 2, r.choice(["pl", "pl", "en"]), [(x, asn) for x in nat] + home_net(s, "PL")[:1], person_uas(r), reason_rate=0.15)
    return mem


STATS = ["A sample of {n} has mean {m} and standard deviation {sd}. Build a 95% confidence interval for the mean.",
         "Test H0: p = 0.5 when {k} of {n} trials succeed, at alpha = 0.05.", "Compute the correlation coefficient for x = {xs} and y = {ys}.",
         "What is P(Z > {z}) for a standard normal Z?", "A coin is tossed {n} times. Find the probability of exactly {k} heads."]


def stats_mooc(s, n):
    """an online statistics course (subject others ask about too): old accounts worldwide, one homework template, sent before the Sunday deadline"""
    r = s.rng
    mem = []
    for i in range(n):
        cc = pick_cc(r)
        aid = s.account(cc, s.old_created(), s.email(cc), card=s.card(("mooc", s.name, i)) if r.random() < 0.5 else None)
        mem.append(aid)
        nets = home_net(s, cc)
        uas = person_uas(r)
        for w in range(DAYS // 7):
            if r.random() < 0.3:
                continue
            deadline = START_MS + (w * 7 + 7) * DAY_MS - 60000
            for _ in range(r.randint(1, 4)):
                t = deadline - int(r.expovariate(1 / (14 * 3600000)))
                st = r.choice(STATS).format(n=r.randint(12, 400), m=round(r.uniform(10, 90), 1), sd=round(r.uniform(1, 15), 1), k=r.randint(3, 12),
                                            xs=[r.randint(1, 20) for _ in range(5)], ys=[r.randint(1, 20) for _ in range(5)], z=round(r.uniform(0.2, 2.9), 2))
                p = f"[STAT101x] Week {w + 1} problem set, Q{r.randint(1, 10)}: {st} Please explain each step of the calculation so I can follow it."
                ipx = r.choice(nets)
                s.q(t, aid, p, ipx[0], ipx[1], r.choice(uas), reason=True)
        s.life(aid, r.randint(0, 10), COUNTRIES[cc][0], COUNTRIES[cc][4], nets, uas)
    return mem


def deckpilot_users(s, n):
    """users of a slide-writing plugin: they share its client string and its prompt template"""
    r = s.rng
    mem = []
    for i in range(n):
        cc = pick_cc(r)
        aid = s.account(cc, s.old_created(max_years=2), s.email(cc), card=s.card(("deck", s.name, i)))
        mem.append(aid)
        nets = home_net(s, cc)
        ua = r.choice(DECK_UAS)
        s.life(aid, r.randint(4, 30), COUNTRIES[cc][0], "en", nets, [ua], prompt_fn=deck_prompt)
        if r.random() < 0.4:
            s.life(aid, r.randint(1, 6), COUNTRIES[cc][0], COUNTRIES[cc][4], nets, person_uas(r))
    return mem


def company_invoice(s, n):
    """a freight company on one invoice: office ranges, workday hours, varied (partly redacted) prompts, nightly service batch"""
    r = s.rng
    org = "org_kestrel_freight"
    card = s.card("kestrel-invoice")
    asn = "AS1136"
    offices = [subnet24(r, asn), subnet24(r, asn)]
    mem = []
    for i in range(n):
        off = offices[i % 2]
        aid = s.account("NL", s.old_created(max_years=3), f"{r.choice(['j','m','p','s','t','e'])}.{r.choice(['devries','jansen','bakker','visser','smit','meijer','bos','mulder'])}{i}@kestrelfreight.nl",
                        card=card, kind="invoice", org=org, plan="enterprise", signup_ip=f"{off}.{r.randint(2, 60)}")
        mem.append(aid)
        nets = [(f"{off}.{r.randint(2, 60)}", asn)]
        uas = [wpick(r, BROWSER_UAS), "kestrel-ops-tools/1.8"]
        if i < 4:   # service accounts
            for d in range(DAYS):
                t = START_MS + d * DAY_MS + 3600000
                for j in range(r.randint(20, 45)):
                    p = f"Classify this shipment exception into one of DELAY, DAMAGE, CUSTOMS, ADDRESS, OTHER and give one reason: consignment KF{r.randint(100000, 999999)} - {r.choice(['pallet crushed at hub','held by customs in Antwerp','recipient moved','truck breakdown A12','label unreadable','wrong postcode'])}"
                    s.q(t + j * r.randint(3000, 9000), aid, p, nets[0][0], asn, "kestrel-ops-tools/1.8", model="aurora-mini-2025-11")
        else:
            s.life(aid, r.randint(20, 90), 0, "en", nets, uas, weekday_only=True, hourw=WORKW, reason_rate=0.1, fp_rate=0.35)
    return mem


def hackathon(s, n):
    """a weekend hackathon: accounts created within 30 hours on the venue Wi-Fi, a starter-kit client and starter prompt, used for two days"""
    r = s.rng
    asn = "AS37061"
    sub = subnet24(r, asn)
    t0 = int(dt.datetime(2026, 9, 18, 15, tzinfo=UTC).timestamp() * 1000)
    mem = []
    apps = ["MatatuMap", "ShambaBot", "ClinicQ", "M-Budget", "Jua Energy", "LearnSwahili", "WasteWise", "AgriPrice", "SafeRide", "TutorKE", "RentFair", "WaterWatch"]
    for i in range(n):
        created = t0 + r.randint(0, 30 * 3600000)
        aid = s.account("KE", created, s.email("KE"), card=None, plan="free", signup_ip=f"{sub}.{r.randint(10, 240)}")
        mem.append(aid)
        app = apps[i % len(apps)]
        end = t0 + 52 * 3600000
        t = created + r.randint(600000, 4 * 3600000)
        while t < end:
            msg = background_prompt(r, "en", 0.05)
            p = f"[starter] You are the assistant inside {app}, a hackathon prototype. Answer briefly and in a friendly tone.\nUser: {msg}"
            s.q(t, aid, p, f"{sub}.{r.randint(10, 240)}", asn, "hackkit/0.3.1 node/20.11.1", model="aurora-mini-2025-11")
            t += int(r.expovariate(1 / 2400000))
        if r.random() < 0.25:
            s.life(aid, r.randint(1, 10), 3, "en", home_net(s, "KE"), person_uas(r), 14, DAYS)
    return mem


def reasoning_lab(s, n, nights):
    """a university NLP lab running chain-of-thought benchmark sweeps at night: one grant card, one cloud /24, all accounts in parallel"""
    r = s.rng
    asn = "AS396982"
    sub = subnet24(r, asn)
    card = s.card("lab-grant")
    mem = []
    for i in range(n):
        aid = s.account("EE", s.old_created(max_years=3), f"{r.choice(['kadri','mart','liis','tonu','anu','siim','kristjan','pille'])}{i}@cs.ut-example.ee",
                        card=card, org="org_tartu_nlp", plan="scale", signup_ip=f"{sub}.{r.randint(2, 40)}")
        mem.append(aid)
    for d in sorted(r.sample(range(DAYS), nights)):
        t0 = START_MS + d * DAY_MS + 2 * 3600000
        for aid in mem:
            t = t0 + r.randint(0, 3000)
            for j in range(r.randint(40, 80)):
                p = f"Q: {problem(r)}\nA: Let's think step by step."
                s.q(t, aid, p, f"{sub}.{r.randint(2, 40)}", asn, "lm-eval-harness/0.4.3", model=r.choice(["aurora-reason-2026-07", "aurora-large-2026-05", "aurora-medium-2026-03", "aurora-mini-2025-11"]), reason=True, ot=r.randint(200, 900))
                t += r.randint(4000, 9000)
    for aid in mem:
        s.life(aid, r.randint(5, 25), 3, "en", [(f"{sub}.{r.randint(2, 40)}", asn)], [wpick(r, BROWSER_UAS)], weekday_only=True, hourw=WORKW)
    return mem


def helpdesk_bots(s, n):
    """a SaaS helpdesk's regional worker accounts on one invoice, fired together by a cron every 30 minutes in business hours"""
    r = s.rng
    asn = "AS16276"
    sub = subnet24(r, asn)
    card = s.card("nimbusdesk")
    mem = []
    regions = ["eu-west", "eu-central", "us-east", "us-west", "ap-south", "ap-northeast", "sa-east", "af-south", "me-central", "ca-central", "ap-southeast", "eu-north",
               "us-central", "eu-south", "ap-east", "mx-central"]
    created0 = s.old_created(min_days=200)
    for i in range(n):
        aid = s.account("FR", created0 + i * 3600000, f"worker-{regions[i % len(regions)]}@nimbusdesk.io", card=card, kind="invoice", org="org_nimbusdesk", plan="enterprise",
                        signup_ip=f"{sub}.{50 + i}")
        mem.append(aid)
    for d in range(DAYS):
        if d % 7 >= 5:
            continue
        t = START_MS + d * DAY_MS + 7 * 3600000
        while t < START_MS + d * DAY_MS + 17 * 3600000:
            for i, aid in enumerate(mem):
                for _ in range(r.randint(0, 2)):
                    tk = r.choice(["cannot log in after password reset", "invoice shows wrong VAT", "export to CSV times out", "app crashes on Android 14",
                                   "wants to cancel plan", "double charged this month", "SSO with Okta fails", "slow dashboard"])
                    p = f"Summarize the support ticket below in two sentences and assign one category (billing, bug, account, how-to, churn).\nTicket #{r.randint(10000, 99999)}: customer reports {tk}."
                    s.q(t + r.randint(0, 2500), aid, p, f"{sub}.{50 + i}", asn, "nimbusdesk-worker/4.8.0", model="aurora-mini-2025-11")
            t += 1800000
    return mem


def translation_agency(s, n):
    """freelance translators on one agency invoice, each from home in their own country, one translation template"""
    r = s.rng
    card = s.card("linguabridge")
    mem = []
    pairs = [("English", "German"), ("English", "Japanese"), ("Spanish", "English"), ("English", "Portuguese"), ("French", "English"), ("English", "Korean"),
             ("Polish", "English"), ("English", "Turkish"), ("Italian", "English"), ("English", "Indonesian")]
    for i in range(n):
        cc = r.choice(["DE", "JP", "ES", "BR", "FR", "KR", "PL", "TR", "IT", "ID", "GB", "US"])
        aid = s.account(cc, s.old_created(max_years=2), s.email(cc), card=card, kind="invoice", org="org_linguabridge", plan="scale")
        mem.append(aid)
        src, dst = r.choice(pairs)
        nets = home_net(s, cc)[:1]
        s.life(aid, r.randint(15, 45), COUNTRIES[cc][0], "en", nets, [wpick(r, SDK_UAS)], weekday_only=True, hourw=WORKW,
               prompt_fn=lambda rr, src=src, dst=dst: f"Translate the text below from {src} into {dst}. Keep the formatting and the tone.\n---\n{rr.choice(PARAS)} ({rr.randint(1, 999)})")
    return mem


# ============================================================== assemble
def build(name, seed, cfg):
    s = Src(name, seed, cfg)
    s.cgnat, s.vpn = {}, {}
    r = s.rng
    people, bots = population(s, cfg["people"], cfg["uni"], cfg["companies"], 0)
    rings = []
    rings.append(("metronome", "scheduler: own cards/home IPs/free mail, unique client string, two CoT families alternating, 3-5 members within seconds every N min", ring_metronome(s, cfg["met"], cfg["met_period"])))
    rings.append(("chorus", "templates + coordinated firing only: common SDK strings, own cards, own home IPs, created over weeks", ring_chorus(s, cfg["cho"], cfg["cho_bursts"])))
    rings.append(("pods", "pods each on one card and one datacenter /24; pods share templates and a rare model mix", ring_pods(s, cfg["pods"], cfg["pod_size"])))
    rings.append(("reseller", "reseller on one invoice through its gateway /24, mostly distillation prompts", ring_reseller(s, cfg["res"], cfg["res_frac"])))
    rings.append(("drizzle", "very light members (1-5 queries), rotating wrapper fragments around varied questions, residential proxy exits rotated, created in waves", ring_drizzle(s, cfg["drz"])))
    rings.append(("babel", "CoT template translated into several languages, members take turns (relay, never together), commercial VPN exits shared with strangers", ring_babel(s, cfg["bab"], cfg["bab_langs"], cfg["bab_hours"])))
    rings.append(("trojan-plugin", "mimics a popular slide plugin: its client strings and prompt header, exam problems and a reasoning harvest as payload", ring_trojan(s, cfg["tro"])))
    rings.append(("baton", "rotation: one account at a time for ~1-2 days, created just before use, 3 cards rotated, JSON rationale dataset prompts, hosting IPs", ring_baton(s, cfg["bat"], 3)))
    rings.append(("sleepers", "aged accounts with organic history reactivated on one day: CoT template from 3 hosting /24s, common SDK", ring_sleepers(s, cfg["slp"], cfg["slp_wake"])))
    if cfg.get("para"):
        rings.append(("paraphrase", "no stable template (clause-shuffled instructions), rare VPS /24 and burst firing, old-ish accounts", ring_paraphrase(s, cfg["para"])))
    decoys = []
    decoys.append(("course-new-accounts", "a course: students' accounts new at term start, one school domain, one homework template (Polish, step by step) in the same weekly lecture slot from the campus NAT", course_new(s, cfg["course"], 6)))
    decoys.append(("stats-mooc", "online statistics course: old accounts worldwide, one homework template asking for each step, sent before the Sunday deadline", stats_mooc(s, cfg["mooc"])))
    decoys.append(("deckpilot-users", "users of a slide plugin sharing its client string and prompt template", deckpilot_users(s, cfg["deck"])))
    decoys.append(("kestrel-freight", "company on one invoice: two office /24s, workday use, redacted prompts, nightly service batch", company_invoice(s, cfg["kestrel"])))
    decoys.append(("hackathon", "weekend hackathon: accounts created within 30 h on venue Wi-Fi, starter client and template", hackathon(s, cfg["hack"])))
    decoys.append(("reasoning-lab", "NLP lab CoT benchmark sweeps at night: one grant card, one cloud /24, all accounts in parallel", reasoning_lab(s, cfg["lab"], cfg["lab_nights"])))
    decoys.append(("helpdesk-bots", "helpdesk worker accounts on one invoice fired together by a cron every 30 min", helpdesk_bots(s, cfg["help"])))
    decoys.append(("translation-agency", "freelance translators on one invoice, own homes in many countries, one translation template", translation_agency(s, cfg["trans"])))
    used = len(s.rows)
    spread_background(s, people, bots, cfg["rows"] - used)
    # strangers behind the busiest carrier NAT address (decoy group computed from the data)
    cnt = {}
    for _, _, row in s.rows:
        if row["asn"] in MOBILE_CGNAT:
            cnt.setdefault(row["ip"], set()).add(row["account_id"])
    busiest = max(cnt.items(), key=lambda kv: len(kv[1]))
    ringset = {a for _, _, m in rings for a in m} | {a for _, _, m in decoys for a in m}
    cg = sorted(a for a in busiest[1] if a not in ringset)[:60]
    decoys.append(("cgnat-strangers", f"strangers behind one carrier NAT address {busiest[0]}", cg))
    s.rows.sort(key=lambda x: (x[0], x[1]))
    s.rings = rings
    s.decoys = decoys
    return s


def iso(ms, form, r):
    d = dt.datetime.fromtimestamp(ms / 1000, UTC)
    if form == "z_ms":
        return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"
    if form == "z":
        return d.strftime("%Y-%m-%dT%H:%M:%SZ")
    if form == "off":
        off = r.choice([9, 2, -5, 5.5, -3, 1])
        dd = d.astimezone(dt.timezone(dt.timedelta(hours=off)))
        return dd.isoformat(timespec="milliseconds")
    if form == "us":
        return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}{r.randint(0, 999):03d}+00:00"
    raise ValueError(form)


QCOLS = ["ts", "account_id", "api_key", "ip", "asn", "user_agent", "model", "input_tokens", "output_tokens", "category", "prompt", "prompt_fingerprint"]


def gzopen(path):
    return io.TextIOWrapper(gzip.GzipFile(path, "wb", mtime=0), encoding="utf-8", newline="")


def write_a(s, out):
    os.makedirs(out, exist_ok=True)
    r = random.Random(s.seed + 1)
    with open(os.path.join(out, "accounts.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        cols = ["account_id", "created_at", "email", "org_id", "country", "plan", "status", "payment_fingerprint", "signup_ip"]
        w.writerow(cols)
        for a in s.accounts:
            w.writerow([iso(a["created_at"], "z", r) if c == "created_at" else a[c] for c in cols])
    with open(os.path.join(out, "payments.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["account_id", "payment_fingerprint", "kind", "bin_country", "added_at"])
        for p in s.payments:
            w.writerow([p["account_id"], p["payment_fingerprint"], p["kind"], p["bin_country"], iso(p["added_at"], "z", r)])
    with open(os.path.join(out, "queries.jsonl"), "w", encoding="utf-8") as f:
        for ts, _, row in s.rows:
            o = dict(row)
            o["ts"] = iso(ts, "z_ms", r)
            f.write(json.dumps(o, ensure_ascii=False) + "\n")


def write_b(s, out):
    os.makedirs(os.path.join(out, "queries"), exist_ok=True)
    r = random.Random(s.seed + 1)
    with open(os.path.join(out, "accounts.jsonl"), "w", encoding="utf-8") as f:
        for i, a in enumerate(s.accounts):
            o = dict(a)
            o["created_at"] = a["created_at"] // 1000 if i % 3 == 0 else iso(a["created_at"], "off" if i % 3 == 1 else "z", r)
            for k in ("org_id", "payment_fingerprint", "signup_ip"):
                if not o[k]:
                    del o[k]
            f.write(json.dumps(o, ensure_ascii=(i % 4 == 0)) + "\n")
    with gzopen(os.path.join(out, "payments.csv.gz")) as f:
        w = csv.writer(f)
        w.writerow(["Payment_Fingerprint", "Account_ID", "kind", "bin_country", "added_at"])
        for p in s.payments:
            w.writerow([p["payment_fingerprint"], p["account_id"], p["kind"], p["bin_country"], p["added_at"] // 1000 if False else iso(p["added_at"], "z", r)])
    # query parts in time order, names sorting in time order
    rows = s.rows
    nparts = 6
    step = len(rows) // nparts + 1
    specs = [("p0-2026w37.jsonl.gz", "jsonl", "z_ms", True), ("p1-2026w38.csv", "csv", "epoch", False), ("p2-2026w39.jsonl", "jsonl", "off", True),
             ("p3/part-0000.csv.gz", "csv", "us", False), ("p4-2026w41.ndjson", "jsonl", "epoch", False), ("p5-2026w42.jsonl.gz", "jsonl", "z", True)]
    for k, (fname, kind, form, esc) in enumerate(specs):
        chunk = rows[k * step:(k + 1) * step]
        path = os.path.join(out, "queries", fname)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        raw = gzopen(path) if fname.endswith(".gz") else open(path, "w", newline="", encoding="utf-8")
        with raw as f:
            if kind == "csv":
                cols = QCOLS[:]
                r.shuffle(cols)
                w = csv.writer(f)
                w.writerow(cols + ["request_id"])
                for i, (ts, _, row) in enumerate(chunk):
                    o = dict(row)
                    o["ts"] = str(ts) if form == "epoch" else iso(ts, form, r)
                    w.writerow([o.get(c, "") for c in cols] + ["req_" + hx(ts, i, n=12)])
            else:
                for i, (ts, _, row) in enumerate(chunk):
                    o = dict(row)
                    o["ts"] = ts if form == "epoch" else iso(ts, form, r)
                    if i % 5 == 0:
                        o["region"] = r.choice(["eu", "us", "ap"])
                    f.write(json.dumps(o, ensure_ascii=(esc and i % 2 == 0)) + "\n")


def truth(s):
    return {"accounts": len(s.accounts), "queries": len(s.rows),
            "rings": [{"name": f"ring-{n}", "style": n, "note": d, "accounts": m} for n, d, m in s.rings],
            "decoys": [{"name": n, "kind": d, "accounts": m} for n, d, m in s.decoys]}


CFG_A = dict(people=12400, uni=800, companies=260, n_prods=14, rows=250000,
             met=40, met_period=20, cho=35, cho_bursts=3, pods=6, pod_size=12, res=30, res_frac=0.75, drz=180, bab=60, bab_langs=["ja", "ko", "id", "pt", "tr"], bab_hours=45,
             tro=45, bat=30, slp=25, slp_wake=21, para=0,
             course=120, mooc=90, deck=150, kestrel=60, hack=55, lab=8, lab_nights=9, help=12, trans=30)
CFG_B = dict(people=25000, uni=1600, companies=520, n_prods=20, rows=500000,
             met=55, met_period=15, cho=50, cho_bursts=3, pods=8, pod_size=14, res=45, res_frac=0.7, drz=200, bab=80, bab_langs=["ja", "ko", "vi", "ar", "pt", "id", "tr"], bab_hours=56,
             tro=60, bat=36, slp=40, slp_wake=17, para=40,
             course=170, mooc=140, deck=220, kestrel=90, hack=70, lab=10, lab_nights=11, help=16, trans=45)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    which = sys.argv[2:] or ["14a", "14b"]
    for name in which:
        cfg, seed, writer = (CFG_A, 140517, write_a) if name == "14a" else (CFG_B, 977314, write_b)
        s = build(name, seed, cfg)
        out = os.path.join(root, name)
        writer(s, out)
        with open(os.path.join(root, f"{name}.truth.json"), "w") as f:
            json.dump(truth(s), f, indent=1)
        print(name, "accounts", len(s.accounts), "queries", len(s.rows), "rings", [(n, len(m)) for n, _, m in s.rings],
              "decoys", [(n, len(m)) for n, _, m in s.decoys], file=sys.stderr)


if __name__ == "__main__":
    main()
