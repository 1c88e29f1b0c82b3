#!/usr/bin/env python3
"""Held-out source 13 (blind): two case sources with planted distillation rings and
benign look-alikes.  Stdlib only, seeded, deterministic.

usage: gen.py [OUTDIR]   (default: the folder holding this script)
writes OUTDIR/13a/, OUTDIR/13a.truth.json, OUTDIR/13b/, OUTDIR/13b.truth.json
"""
import csv, gzip, io, json, math, os, random, sys, datetime

# ----------------------------------------------------------------------------- helpers

def gzopen(path):
    """text writer to a gzip file with a fixed header time, so reruns give identical bytes"""
    gz = gzip.GzipFile(filename=path, mode='wb', compresslevel=6, mtime=0)
    return io.TextIOWrapper(gz, encoding='utf-8', newline='')


def iso(t, frac=False, off_h=0):
    """RFC 3339 text for epoch t, written in zone off_h (hours)."""
    d = datetime.datetime.fromtimestamp(t, datetime.timezone.utc) + datetime.timedelta(hours=off_h)
    s = d.strftime('%Y-%m-%dT%H:%M:%S')
    if frac:
        s += '.%03d' % int((t - math.floor(t)) * 1000)
    if off_h == 0:
        return s + 'Z'
    sign = '+' if off_h > 0 else '-'
    h = int(abs(off_h)); m = int(round((abs(off_h) - h) * 60))
    return s + '%s%02d:%02d' % (sign, h, m)

def ep(y, mo, d, h=0, mi=0):
    return datetime.datetime(y, mo, d, h, mi, tzinfo=datetime.timezone.utc).timestamp()

DAY = 86400.0
HOUR = 3600.0

def wpick(r, pairs):
    tot = sum(w for _, w in pairs)
    x = r.random() * tot
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]

B36 = '0123456789abcdefghijklmnopqrstuvwxyz'
HEX = '0123456789abcdef'

# ----------------------------------------------------------------------------- world data

COUNTRIES = [('US', 30, -6), ('IN', 8, 5.5), ('GB', 6, 0), ('DE', 6, 1), ('FR', 4, 1), ('BR', 4, -3),
             ('JP', 4, 9), ('CA', 3, -5), ('ES', 3, 1), ('KR', 3, 9), ('AU', 2, 10), ('IT', 2, 1),
             ('NL', 2, 1), ('PL', 2, 1), ('MX', 2, -6), ('ID', 2, 7), ('TR', 2, 3), ('VN', 1, 7),
             ('SG', 1, 8), ('TW', 1, 8), ('NG', 1, 1), ('RU', 1, 3), ('AR', 1, -3), ('SE', 1, 1)]
TZ = {c: z for c, _, z in COUNTRIES}

# residential ISPs: country -> [(asn, [first octets])]
ISPS = {
    'US': [('AS7922', [73, 24, 98, 69]), ('AS7018', [99, 107, 104]), ('AS701', [71, 108, 100]),
           ('AS20115', [47, 97, 66]), ('AS22773', [68, 70])],
    'IN': [('AS24560', [122, 106]), ('AS55836', [49, 157]), ('AS9829', [117, 59])],
    'GB': [('AS2856', [86, 81]), ('AS5089', [82, 62]), ('AS5607', [90, 2])],
    'DE': [('AS3320', [79, 87, 91]), ('AS3209', [88, 94]), ('AS6805', [78, 89])],
    'FR': [('AS3215', [90, 86]), ('AS12322', [82, 88]), ('AS5410', [176, 78])],
    'BR': [('AS28573', [177, 187]), ('AS18881', [189, 191])],
    'JP': [('AS4713', [153, 114]), ('AS2516', [106, 111]), ('AS17676', [126, 60])],
    'CA': [('AS577', [142, 70]), ('AS812', [99, 174])],
    'ES': [('AS3352', [83, 88]), ('AS12479', [95, 213])],
    'KR': [('AS4766', [175, 211]), ('AS9318', [121, 58])],
    'AU': [('AS1221', [101, 120]), ('AS4804', [203, 124])],
    'IT': [('AS3269', [79, 151]), ('AS30722', [93, 5])],
    'NL': [('AS1136', [84, 145]), ('AS33915', [31, 77])],
    'PL': [('AS5617', [83, 79]), ('AS12741', [89, 46])],
    'MX': [('AS8151', [187, 201])],
    'ID': [('AS7713', [36, 180]), ('AS17974', [114, 125])],
    'TR': [('AS9121', [85, 176]), ('AS47331', [31, 188])],
    'VN': [('AS7552', [113, 116]), ('AS45899', [14, 123])],
    'SG': [('AS4657', [116, 118]), ('AS9506', [220, 183])],
    'TW': [('AS3462', [1, 36]), ('AS9924', [61, 220])],
    'NG': [('AS29465', [102, 105])],
    'RU': [('AS12389', [95, 178]), ('AS8402', [37, 85])],
    'AR': [('AS7303', [181, 190])],
    'SE': [('AS3301', [78, 90]), ('AS2119', [81, 83])],
}

DC = [('AS16509', 'aws'), ('AS14061', 'digitalocean'), ('AS24940', 'hetzner'), ('AS16276', 'ovh'),
      ('AS63949', 'linode'), ('AS396982', 'gcp'), ('AS8075', 'azure'), ('AS20473', 'vultr')]
DC_OCT = {'AS16509': [3, 18, 34, 44, 52, 54], 'AS14061': [134, 138, 159, 167, 188], 'AS24940': [5, 65, 88, 95, 116, 135],
          'AS16276': [51, 54, 141, 147, 151], 'AS63949': [45, 139, 172], 'AS396982': [34, 35],
          'AS8075': [20, 40, 52], 'AS20473': [45, 64, 108, 149]}

UAS = [("anthropic-python/0.39.0", 14), ("anthropic-python/0.40.0", 10), ("anthropic-python/0.34.2", 5),
       ("anthropic-typescript/0.32.1", 10), ("anthropic-typescript/0.33.0", 5), ("openai-python/1.54.3", 3),
       ("langchain-anthropic/0.3.0", 6), ("litellm/1.52.6", 5), ("python-requests/2.32.3", 6),
       ("python-httpx/0.27.2", 5), ("axios/1.7.7", 4), ("curl/8.5.0", 5), ("curl/7.81.0", 3),
       ("Go-http-client/2.0", 3), ("okhttp/4.12.0", 3), ("node-fetch/3.3.2", 2),
       ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36", 6),
       ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15", 3),
       ("anthropic-java/0.8.0", 1), ("PostmanRuntime/7.42.0", 2), ("ai-sdk/3.4.33", 2), ("aiohttp/3.10.10", 2),
       ("anthropic-ruby/0.3.2", 1), ("Anthropic/Go 0.2.0-alpha.4", 1)]

MODELS = [("claude-3-5-sonnet-20241022", 45), ("claude-sonnet-4", 20), ("claude-3-5-haiku-20241022", 18),
          ("claude-3-haiku-20240307", 8), ("claude-3-opus-20240229", 3), ("claude-opus-4", 2),
          ("claude-3-7-sonnet-20250219", 4)]

FIRST = ['james', 'maria', 'li', 'wei', 'aisha', 'omar', 'yuki', 'hana', 'lukas', 'emma', 'noah', 'olivia', 'raj',
         'priya', 'arjun', 'sofia', 'mateo', 'lucas', 'chloe', 'leon', 'mia', 'ji-woo', 'min', 'ana', 'joao',
         'pedro', 'giulia', 'marco', 'anna', 'jan', 'piotr', 'kasia', 'elif', 'mehmet', 'nguyen', 'linh', 'tom',
         'sarah', 'dave', 'mike', 'jen', 'kate', 'alex', 'sam', 'chris', 'pat', 'taro', 'sakura', 'ivan', 'olga',
         'fatima', 'chidi', 'ngozi', 'lars', 'ingrid', 'diego', 'valentina', 'camille', 'hugo', 'ben', 'zoe']
LAST = ['smith', 'garcia', 'wang', 'kim', 'patel', 'mueller', 'rossi', 'silva', 'tanaka', 'nguyen', 'kowalski',
        'yilmaz', 'dubois', 'jones', 'brown', 'lee', 'singh', 'sato', 'park', 'lopez', 'martin', 'novak',
        'ivanov', 'okafor', 'andersson', 'fernandez', 'chen', 'khan', 'becker', 'moreau', 'costa', 'ito']

FREEMAIL = [('gmail.com', 45), ('outlook.com', 8), ('hotmail.com', 6), ('yahoo.com', 6), ('icloud.com', 6),
            ('proton.me', 3), ('protonmail.com', 1), ('aol.com', 1), ('gmx.net', 1), ('zoho.com', 1), ('mail.com', 1)]
NATMAIL = {'DE': ['web.de', 'gmx.de', 't-online.de'], 'FR': ['orange.fr', 'free.fr', 'laposte.net'],
           'JP': ['yahoo.co.jp', 'docomo.ne.jp'], 'KR': ['naver.com', 'daum.net'], 'RU': ['yandex.ru', 'mail.ru'],
           'IT': ['libero.it', 'virgilio.it'], 'PL': ['wp.pl', 'o2.pl', 'interia.pl'], 'BR': ['uol.com.br', 'bol.com.br'],
           'IN': ['rediffmail.com'], 'GB': ['btinternet.com', 'sky.com'], 'ES': ['telefonica.net'],
           'TR': ['yandex.com.tr'], 'NL': ['ziggo.nl', 'kpnmail.nl'], 'SE': ['telia.com'], 'AR': ['fibertel.com.ar']}

DIURNAL = [1, .6, .4, .3, .3, .4, .8, 1.5, 2.5, 3.5, 4, 4, 3.5, 3.8, 4, 4, 3.8, 3.5, 3, 3, 3.2, 3, 2.5, 1.6]

# ----------------------------------------------------------------------------- text banks

TOPICS = ['photosynthesis', 'the french revolution', 'kubernetes', 'react hooks', 'sourdough bread', 'mortgage rates',
          'climate adaptation', 'quantum entanglement', 'tax deductions', 'marathon training', 'indoor plants',
          'the roman empire', 'machine learning', 'supply chains', 'inflation', 'volcanoes', 'jazz history',
          'postgres indexing', 'rust lifetimes', 'cat behaviour', 'solar panels', 'electric cars', 'meditation',
          'the cold war', 'blockchain', 'vitamin d', 'job interviews', 'public speaking', 'wedding speeches',
          'budget travel in japan', 'chess openings', 'color theory', 'typescript generics', 'docker networking',
          'sleep hygiene', 'the stock market', 'renaissance art', 'dinosaurs', 'black holes', 'gardening in clay soil',
          'negotiating salary', 'time management', 'kafka consumers', 'css grid', 'excel pivot tables', 'sql joins',
          'git rebase', 'the water cycle', 'startup fundraising', 'customer churn', 'bird migration', 'coffee brewing',
          'retirement savings', 'mental health at work', 'knitting patterns', 'home espresso', 'tenant rights',
          'the immune system', 'ancient egypt', 'shakespeare sonnets', 'linear regression', 'neural networks',
          'graph databases', 'aws lambda cold starts', 'unit testing', 'oauth2 flows', 'accessibility', 'seo basics']
PLANGS = ['Python', 'JavaScript', 'TypeScript', 'Go', 'Rust', 'Java', 'C#', 'C++', 'Kotlin', 'Swift', 'SQL', 'Bash',
          'PHP', 'Ruby', 'R', 'Scala', 'Elixir', 'Dart']
TASKS = ['read a csv file and group rows by a column', 'parse json from an http response', 'debounce a function',
         'retry a request with exponential backoff', 'sort a list of dicts by two keys', 'connect to postgres',
         'write a unit test for a class with a database dependency', 'stream a large file line by line',
         'make a rest api with pagination', 'validate an email address', 'resize images in a folder',
         'schedule a job every night', 'merge two sorted arrays', 'deduplicate records', 'hash a password',
         'implement an lru cache', 'call an api concurrently with a limit', 'read environment variables',
         'generate a pdf report', 'scrape a table from a web page', 'convert timezones', 'upload a file to s3']
ERRORS = ['TypeError: cannot read properties of undefined', 'KeyError', 'segmentation fault (core dumped)',
          'borrowed value does not live long enough', 'ModuleNotFoundError: No module named', 'NullPointerException',
          'ECONNREFUSED 127.0.0.1:5432', 'CORS policy: No Access-Control-Allow-Origin header', 'deadlock detected',
          'index out of range', 'undefined reference to', 'permission denied (publickey)', 'OOMKilled',
          'UnicodeDecodeError', 'maximum recursion depth exceeded', 'ssl: certificate verify failed']
WHO = ['my landlord', 'my manager', 'a client', 'the school', 'my team', 'a recruiter', 'customer support',
       'my neighbour', 'the hoa board', 'a supplier', 'my professor', 'investors', 'new hires']
WORDS = ('the of and to in is it that for on was with as be at by this from or have an they which one you were all '
         'we can her has there been if more when will would who so no out up into do any about time could only '
         'other new some what then them these two may first than been like over its people did did know years '
         'order customer invoice delivery meeting report team project budget quarter revenue update account issue '
         'server release deploy test build ticket feature payment refund shipping product price discount client '
         'schedule review contract policy data model user login password error email phone address week monday '
         'friday tomorrow yesterday morning evening please thanks urgent late missing broken damaged wrong').split()

def words(r, n):
    return ' '.join(r.choice(WORDS) for _ in range(n))

def para(r, n_sent):
    out = []
    for _ in range(n_sent):
        s = words(r, r.randint(6, 18))
        out.append(s[0].upper() + s[1:] + r.choice(['.', '.', '.', '?', '!']))
    return ' '.join(out)

EN_FRAMES = [
    ('coding', lambda r: f"How do I {r.choice(TASKS)} in {r.choice(PLANGS)}?"),
    ('coding', lambda r: f"I'm getting '{r.choice(ERRORS)}' when I {r.choice(TASKS)} in {r.choice(PLANGS)}. Here is my code:\n\n" + '\n'.join('    ' + words(r, r.randint(3, 8)) for _ in range(r.randint(3, 9))) + "\n\nWhat's wrong?"),
    ('coding', lambda r: f"Can you review this {r.choice(PLANGS)} function and suggest improvements? " + words(r, r.randint(10, 40))),
    ('coding', lambda r: f"convert this {r.choice(PLANGS)} snippet to {r.choice(PLANGS)}: " + words(r, r.randint(8, 30))),
    ('coding', lambda r: f"write a regex that matches {r.choice(['dates like 2024-01-31', 'uk postcodes', 'hex colours', 'ipv4 addresses', 'semver strings', 'hashtags'])}"),
    ('writing', lambda r: f"Write a {r.choice(['polite', 'firm', 'friendly', 'short', 'formal', 'apologetic'])} email to {r.choice(WHO)} about {r.choice(['a late payment', 'a broken heater', 'rescheduling our meeting', 'the project delay', 'a refund', 'my resignation', 'a noise complaint', 'a job offer'])}."),
    ('writing', lambda r: f"Give me {r.randint(3, 12)} name ideas for a {r.choice(['coffee shop', 'podcast', 'saas app', 'bakery', 'dog walking business', 'youtube channel', 'board game', 'band'])} about {r.choice(TOPICS)}"),
    ('writing', lambda r: f"Rewrite this to sound more {r.choice(['professional', 'casual', 'confident', 'concise'])}: " + para(r, r.randint(1, 4))),
    ('writing', lambda r: f"write a short poem about {r.choice(TOPICS)} in the style of {r.choice(['a haiku', 'a limerick', 'emily dickinson', 'a sea shanty', 'a rap verse'])}"),
    ('summarization', lambda r: "Summarize this for me:\n\n" + para(r, r.randint(4, 14))),
    ('summarization', lambda r: "tl;dr please: " + para(r, r.randint(3, 10))),
    ('education', lambda r: f"Explain {r.choice(TOPICS)} like I'm {r.choice(['five', '12', 'a beginner', 'a phd student', 'my grandma'])}."),
    ('education', lambda r: f"What are the main differences between {r.choice(TOPICS)} and {r.choice(TOPICS)}?"),
    ('education', lambda r: f"quiz me on {r.choice(TOPICS)}, {r.randint(3, 10)} questions"),
    ('analysis', lambda r: f"What are the pros and cons of {r.choice(TOPICS)} for a {r.choice(['small business', 'family of four', 'student', 'retiree', 'startup'])}?"),
    ('analysis', lambda r: "Here are our numbers for Q" + str(r.randint(1, 4)) + ": " + ', '.join(f"{r.choice(['revenue', 'churn', 'cac', 'arpu', 'signups'])} {r.randint(2, 900)}" for _ in range(r.randint(2, 6))) + ". What stands out?"),
    ('chat', lambda r: f"{r.choice(['hi', 'hello', 'hey', 'yo', 'good morning'])}{r.choice(['', '!', ' :)', '?'])}"),
    ('chat', lambda r: f"what should I cook tonight with {r.choice(['chicken', 'tofu', 'lentils', 'rice', 'eggs', 'pasta'])} and {r.choice(['spinach', 'tomatoes', 'leftover rice', 'feta', 'mushrooms', 'beans'])}"),
    ('chat', lambda r: f"plan a {r.randint(2, 14)}-day trip to {r.choice(['lisbon', 'kyoto', 'mexico city', 'iceland', 'vietnam', 'scotland', 'new york', 'cape town', 'seoul'])} on a {r.choice(['tight', 'medium', 'generous'])} budget"),
    ('chat', lambda r: f"is it normal that my {r.choice(['cat', 'dog', 'toddler', 'sourdough starter', 'laptop fan', 'car'])} {r.choice(['makes this noise', 'sleeps all day', 'smells weird', 'got slower', 'is shedding a lot'])}?"),
    ('extraction', lambda r: "Extract all dates and amounts from this text as a table: " + para(r, r.randint(2, 6))),
    ('translation', lambda r: f"Translate to {r.choice(['Spanish', 'French', 'German', 'Japanese', 'Korean', 'Portuguese', 'Italian', 'Polish'])}: " + para(r, r.randint(1, 3))),
    ('math', lambda r: f"what is {r.randint(12, 999)} * {r.randint(12, 999)}"),
    ('math', lambda r: f"how much is {r.randint(3, 40)}% of {r.randint(100, 99999)}"),
    ('math', lambda r: f"If I invest {r.randint(1, 50) * 1000} at {r.randint(2, 9)}% for {r.randint(2, 30)} years, how much will I have?"),
    ('career', lambda r: f"Improve this resume bullet: " + words(r, r.randint(8, 20))),
    ('career', lambda r: f"What questions should I expect in a {r.choice(['data analyst', 'backend engineer', 'nurse', 'product manager', 'teacher', 'sales'])} interview?"),
    ('health', lambda r: f"what are common side effects of {r.choice(['ibuprofen', 'melatonin', 'creatine', 'caffeine', 'vitamin b12', 'antihistamines'])}?"),
    ('legal', lambda r: f"Can my {r.choice(['landlord', 'employer', 'hoa', 'gym'])} {r.choice(['keep my deposit', 'change my shift without notice', 'charge me this fee', 'refuse to cancel'])}? I live in {r.choice(['California', 'Texas', 'Ontario', 'Bavaria', 'Queensland', 'Ireland'])}."),
]

ML_FRAMES = {
    'es': [lambda r: f"¿Cómo puedo {r.choice(['aprender inglés rápido', 'ahorrar dinero', 'mejorar mi currículum', 'cocinar paella', 'programar en Python'])}?",
           lambda r: f"Escribe un correo {r.choice(['formal', 'amable', 'breve'])} a {r.choice(['mi jefe', 'un cliente', 'la escuela', 'mi casero'])} sobre {r.choice(['una reunión', 'un retraso', 'una factura', 'las vacaciones'])}.",
           lambda r: f"Explícame {r.choice(['la fotosíntesis', 'la inflación', 'el machine learning', 'la revolución francesa'])} con ejemplos sencillos.",
           lambda r: f"Resume este texto: {para(r, r.randint(2, 6))}"],
    'de': [lambda r: f"Wie kann ich {r.choice(['meine Steuererklärung machen', 'besser schlafen', 'ein Bewerbungsschreiben verfassen', 'Docker installieren'])}?",
           lambda r: f"Schreib eine {r.choice(['höfliche', 'kurze', 'formelle'])} E-Mail an {r.choice(['meinen Vermieter', 'die Kita', 'meinen Chef', 'einen Kunden'])} wegen {r.choice(['der Nebenkosten', 'eines Termins', 'einer Reklamation'])}.",
           lambda r: f"Erkläre mir {r.choice(['Photosynthese', 'Inflation', 'neuronale Netze', 'den Dreißigjährigen Krieg'])} einfach.",
           lambda r: f"Fasse das zusammen: {para(r, r.randint(2, 6))}"],
    'fr': [lambda r: f"Comment {r.choice(['préparer un entretien', 'faire une pâte à crêpes', 'apprendre le Python', 'réduire mes impôts'])} ?",
           lambda r: f"Écris un mail {r.choice(['poli', 'court', 'formel'])} à {r.choice(['mon propriétaire', 'mon manager', 'un client'])} au sujet {r.choice(['du loyer', 'd’un retard', 'd’une facture'])}.",
           lambda r: f"Explique-moi {r.choice(['la photosynthèse', 'l’inflation', 'la guerre froide', 'les réseaux de neurones'])} simplement.",
           lambda r: f"Résume ce texte : {para(r, r.randint(2, 6))}"],
    'pt': [lambda r: f"Como faço para {r.choice(['abrir uma empresa', 'aprender inglês', 'fazer pão caseiro', 'investir em renda fixa'])}?",
           lambda r: f"Escreva um e-mail {r.choice(['formal', 'educado', 'curto'])} para {r.choice(['meu chefe', 'o cliente', 'a escola'])} sobre {r.choice(['o atraso', 'a reunião', 'o pagamento'])}.",
           lambda r: f"Me explica {r.choice(['a fotossíntese', 'a inflação', 'o aprendizado de máquina'])} de forma simples."],
    'ja': [lambda r: f"{r.choice(['東京', '京都', '大阪', '北海道'])}で{r.randint(2, 7)}日間の旅行プランを作ってください。",
           lambda r: f"{r.choice(['Python', 'Excel', 'SQL', 'JavaScript'])}で{r.choice(['CSVを読み込む', '重複を削除する', 'グラフを作る', '日付を変換する'])}方法を教えてください。",
           lambda r: f"次の文章を要約してください：{para(r, r.randint(2, 5))}",
           lambda r: f"{r.choice(['上司', '取引先', '大家さん'])}への{r.choice(['お詫び', 'お礼', '依頼'])}のメールを書いてください。"],
    'zh': [lambda r: f"请帮我写一封给{r.choice(['老板', '客户', '老师', '房东'])}的{r.choice(['道歉', '感谢', '请假'])}邮件。",
           lambda r: f"用{r.choice(['Python', 'Java', 'Go'])}怎么{r.choice(['读取文件', '连接数据库', '发送HTTP请求', '排序列表'])}？",
           lambda r: f"请总结下面这段话：{para(r, r.randint(2, 5))}",
           lambda r: f"{r.choice(['光合作用', '通货膨胀', '量子纠缠', '区块链'])}是什么？请简单解释。"],
    'ko': [lambda r: f"{r.choice(['파이썬', '엑셀', '자바스크립트'])}으로 {r.choice(['파일 읽기', '데이터 정렬', '그래프 그리기'])} 하는 방법 알려줘",
           lambda r: f"{r.choice(['상사', '고객', '교수님'])}에게 보낼 {r.choice(['사과', '감사', '요청'])} 이메일 써줘",
           lambda r: f"다음 글을 요약해줘: {para(r, r.randint(2, 5))}"],
    'ru': [lambda r: f"Как {r.choice(['выучить английский', 'настроить nginx', 'написать резюме', 'сэкономить деньги'])}?",
           lambda r: f"Напиши {r.choice(['вежливое', 'короткое', 'официальное'])} письмо {r.choice(['начальнику', 'клиенту', 'арендодателю'])}.",
           lambda r: f"Объясни простыми словами, что такое {r.choice(['инфляция', 'фотосинтез', 'нейросеть', 'блокчейн'])}."],
    'it': [lambda r: f"Come posso {r.choice(['imparare il tedesco', 'fare il pane', 'scrivere un curriculum'])}?",
           lambda r: f"Riassumi questo testo: {para(r, r.randint(2, 5))}"],
    'pl': [lambda r: f"Jak {r.choice(['napisać CV', 'nauczyć się programowania', 'upiec chleb'])}?",
           lambda r: f"Napisz {r.choice(['uprzejmy', 'krótki'])} e-mail do {r.choice(['szefa', 'klienta', 'właściciela mieszkania'])}."],
    'tr': [lambda r: f"{r.choice(['Python', 'Excel', 'SQL'])} ile {r.choice(['dosya okuma', 'veri sıralama', 'grafik çizme'])} nasıl yapılır?",
           lambda r: f"Bu metni özetle: {para(r, r.randint(2, 5))}"],
    'id': [lambda r: f"Bagaimana cara {r.choice(['belajar bahasa Inggris', 'membuat website', 'menabung'])}?",
           lambda r: f"Tolong ringkas teks ini: {para(r, r.randint(2, 5))}"],
    'vi': [lambda r: f"Làm thế nào để {r.choice(['học tiếng Anh', 'viết CV', 'học lập trình Python'])}?"],
}
LANG_OF = {'ES': 'es', 'MX': 'es', 'AR': 'es', 'DE': 'de', 'FR': 'fr', 'BR': 'pt', 'JP': 'ja', 'TW': 'zh', 'SG': 'zh',
           'KR': 'ko', 'RU': 'ru', 'IT': 'it', 'PL': 'pl', 'TR': 'tr', 'ID': 'id', 'VN': 'vi'}

def benign_prompt(r, lang='en'):
    if lang != 'en' and lang in ML_FRAMES and r.random() < 0.75:
        return r.choice(ML_FRAMES[lang])(r), r.choice(['chat', 'writing', 'education', 'summarization', 'coding'])
    cat, f = r.choice(EN_FRAMES)
    p = f(r)
    if r.random() < 0.15:
        p = p.lower()
    if r.random() < 0.05:
        p += r.choice([' 🙏', ' thanks!!', ' 😅', ' asap', ' pls'])
    return p, cat

# ------------------------------------------------------- question bank (what distillers harvest answers for)

NAMES_Q = ['Ava', 'Ben', 'Chen', 'Dara', 'Eli', 'Farah', 'Goro', 'Hugo', 'Ines', 'Jonas', 'Kemi', 'Lena', 'Musa', 'Nia']
ITEMS = ['apples', 'marbles', 'stamps', 'books', 'pencils', 'coins', 'tickets', 'cookies', 'shells', 'cards']

def question(r):
    k = r.randrange(14)
    a, b, c, d = (r.randint(2, 97) for _ in range(4))
    if k == 0:
        return f"{r.choice(NAMES_Q)} has {a + 20} {r.choice(ITEMS)}. She gives {a % 17 + 1} to {r.choice(NAMES_Q)} and buys {b} more, then splits them equally among {c % 5 + 2} friends. How many does each friend get, and how many are left over?"
    if k == 1:
        return f"Solve for x: {a}x + {b} = {c}x - {d}."
    if k == 2:
        return f"A bag has {a % 12 + 2} red, {b % 9 + 2} blue and {c % 7 + 1} green marbles. Two are drawn without replacement. What is the probability that they are different colours?"
    if k == 3:
        return f"A train leaves at {a % 12 + 1}:{b % 60:02d} travelling at {c + 40} km/h. A second train leaves the same station {d % 50 + 10} minutes later at {c + 70} km/h on the same track. When does the second catch the first?"
    if k == 4:
        return f"How many positive integers below {a * 100 + b} are divisible by {c % 9 + 2} or {d % 11 + 3} but not both?"
    if k == 5:
        return f"Write a function that {r.choice(['returns the longest palindromic substring', 'merges overlapping intervals', 'finds the k most frequent words', 'detects a cycle in a directed graph', 'computes edit distance', 'serializes a binary tree', 'evaluates an arithmetic expression with parentheses', 'finds the median of two sorted arrays'])} in {r.choice(['Python', 'C++', 'Java', 'Rust', 'Go'])}. Input size up to {a * 1000}. Analyse its complexity."
    if k == 6:
        return f"A rectangle has perimeter {2 * (a + b)} and area {a * b}. Find its side lengths, then find the length of its diagonal."
    if k == 7:
        return f"If all {r.choice(['wugs', 'blickets', 'daxes', 'feps'])} are {r.choice(['toves', 'glorbs', 'zims'])} and no {r.choice(['toves', 'glorbs', 'zims'])} are {r.choice(['mimsy', 'frabjous', 'slithy'])}, can a {r.choice(['wug', 'blicket', 'dax', 'fep'])} be {r.choice(['mimsy', 'frabjous', 'slithy'])}? Case {a}{b}."
    if k == 8:
        return f"Why does {r.choice(['ice float on water', 'the sky look blue', 'a heavier object not fall faster in vacuum', 'salt lower the freezing point of water', 'a bicycle stay upright', 'the moon always show the same face', 'bread rise', 'a fridge make the room warmer'])}? Give the physical mechanism. (item {a * 97 + b})"
    if k == 9:
        return f"Compute the sum of the first {a + 10} terms of the arithmetic sequence starting at {b} with difference {c % 13 + 1}."
    if k == 10:
        return f"{r.choice(NAMES_Q)} is {a % 40 + 10} years old. In {b % 15 + 2} years {r.choice(NAMES_Q)} will be twice as old as {r.choice(NAMES_Q)} was {c % 9 + 1} years ago. If the sum of their ages now is {a + c + 30}, how old is each?"
    if k == 11:
        return f"In how many ways can {a % 8 + 4} people sit around a round table if {r.choice(NAMES_Q)} and {r.choice(NAMES_Q)} refuse to sit next to each other?"
    if k == 12:
        return f"A shop marks a jacket up by {a % 50 + 10}% and later discounts it by {b % 40 + 5}%. The final price is {c * 10 + d}. What was the cost price?"
    return f"Is {a * 1000 + b * 10 + c % 10} a prime number? Explain how you decide."

def question_ml(r, lang):
    a, b, c = (r.randint(2, 97) for _ in range(3))
    if lang == 'zh':
        return r.choice([f"一个数列首项为{a}，公差为{b % 9 + 1}，求前{c + 10}项之和。",
                         f"小明有{a + 20}个苹果，给了小红{a % 13 + 1}个，又买了{b}个，平均分给{c % 5 + 2}个朋友，每人几个？",
                         f"解方程：{a}x + {b} = {c}x - {a % 7 + 1}。",
                         f"为什么{r.choice(['冰会浮在水面上', '天空是蓝色的', '面包会发酵'])}？（题号{a * 31 + b}）"])
    if lang == 'ru':
        return r.choice([f"Решите уравнение: {a}x + {b} = {c}x - {a % 7 + 1}.",
                         f"Сколько натуральных чисел меньше {a * 100 + b} делятся на {c % 9 + 2}?",
                         f"Почему {r.choice(['лёд не тонет', 'небо голубое', 'хлеб поднимается'])}? (задача {a * 31 + b})"])
    if lang == 'es':
        return r.choice([f"Resuelve: {a}x + {b} = {c}x - {a % 7 + 1}.",
                         f"¿Cuántos enteros positivos menores que {a * 100 + b} son divisibles entre {c % 9 + 2}?",
                         f"Ana tiene {a + 20} canicas, regala {a % 13 + 1} y compra {b}. ¿Cuántas tiene?"])
    if lang == 'de':
        return r.choice([f"Löse: {a}x + {b} = {c}x - {a % 7 + 1}.",
                         f"Wie viele positive ganze Zahlen unter {a * 100 + b} sind durch {c % 9 + 2} teilbar?",
                         f"Ein Zug fährt mit {c + 40} km/h los, ein zweiter {b % 50 + 10} Minuten später mit {c + 70} km/h. Wann holt er auf?"])
    if lang == 'fr':
        return r.choice([f"Résous : {a}x + {b} = {c}x - {a % 7 + 1}.",
                         f"Combien d'entiers positifs inférieurs à {a * 100 + b} sont divisibles par {c % 9 + 2} ?"])
    if lang == 'ja':
        return r.choice([f"方程式を解いてください：{a}x + {b} = {c}x - {a % 7 + 1}",
                         f"{a * 100 + b}未満の正の整数のうち{c % 9 + 2}で割り切れるものはいくつありますか？"])
    if lang == 'pt':
        return r.choice([f"Resolva: {a}x + {b} = {c}x - {a % 7 + 1}.",
                         f"Quantos inteiros positivos menores que {a * 100 + b} são divisíveis por {c % 9 + 2}?"])
    return question(r)

# ----------------------------------------------------------------------------- the source builder

class Source:
    def __init__(self, name, seed, start, days):
        self.name = name
        self.r = random.Random(seed)
        self.start = start
        self.end = start + days * DAY
        self.days = days
        self.accounts = []
        self.byid = {}
        self.payments = []
        self.links = []
        self.rows = []
        self.rings = []
        self.decoys = []
        self.ids = set()
        self.ipused = set()

    # ids -------------------------------------------------------------
    def newid(self):
        while True:
            s = 'cu' + ''.join(self.r.choice(B36) for _ in range(9))
            if s not in self.ids:
                self.ids.add(s)
                return s

    def fp(self, prefix=''):
        return prefix + ''.join(self.r.choice(HEX) for _ in range(24))

    def apikey(self):
        return 'sk-ant-api03-' + ''.join(self.r.choice(B36 + 'ABCDEFGHJKLMNPQRSTUVWXYZ') for _ in range(8))

    # networks --------------------------------------------------------
    def home_ip(self, country):
        asn, octs = self.r.choice(ISPS.get(country, ISPS['US']))
        while True:
            ip = '%d.%d.%d.%d' % (self.r.choice(octs), self.r.randrange(256), self.r.randrange(256), self.r.randint(2, 254))
            if ip not in self.ipused:
                self.ipused.add(ip)
                return ip, asn

    def dc_subnet(self, asn=None):
        if asn is None:
            asn = self.r.choice(DC)[0]
        while True:
            sub = '%d.%d.%d' % (self.r.choice(DC_OCT[asn]), self.r.randrange(256), self.r.randrange(256))
            if sub not in self.ipused:
                self.ipused.add(sub)
                return sub, asn

    def email(self, country, domain=None, style=None):
        r = self.r
        if domain is None:
            if country in NATMAIL and r.random() < 0.3:
                domain = r.choice(NATMAIL[country])
            elif r.random() < 0.05:
                domain = r.choice(LAST) + r.choice(['', 'family', 'dev', 'studio', 'labs']) + r.choice(['.com', '.net', '.io', '.me', '.org'])
            else:
                domain = wpick(r, FREEMAIL)
        f, l = r.choice(FIRST), r.choice(LAST)
        style = style or r.randrange(6)
        if style == 0:
            local = f'{f}.{l}'
        elif style == 1:
            local = f'{f}{l}{r.randint(1, 999)}'
        elif style == 2:
            local = f'{f[0]}{l}'
        elif style == 3:
            local = f'{f}_{r.randint(70, 2008)}'
        elif style == 4:
            local = f'{l}.{f}{r.randint(1, 99)}'
        else:
            local = f'{f}{r.choice(["x", "z", "dev", "codes", "writes", ""])}{r.randint(1, 9999)}'
        return f'{local}@{domain}'

    # accounts ----------------------------------------------------------
    def account(self, created, country, email, plan='payg', status='active', org='', pfp=None, card=True,
                signup_ip=None, asn=None, extra=None, kind='card', bin_country=None, add_payment=True):
        r = self.r
        aid = self.newid()
        if signup_ip is None:
            signup_ip, asn = self.home_ip(country)
        if pfp is None and card:
            pfp = self.fp()
        a = dict(id=aid, created=created, email=email, org=org, country=country, plan=plan, status=status,
                 pfp=pfp or '', signup_ip=signup_ip, asn=asn, extra=extra or {}, key=self.apikey(),
                 tz=TZ.get(country, 0) + r.choice([0, 0, 0, -1, 1]) * (1 if country in ('US', 'CA', 'AU', 'BR', 'RU') else 0),
                 ua=wpick(r, UAS), model=wpick(r, MODELS))
        self.accounts.append(a)
        self.byid[aid] = a
        if pfp and add_payment:
            self.payments.append((aid, pfp, kind, bin_country or country, created + r.randint(30, 3600)))
            if kind == 'card' and r.random() < 0.06:   # a second card added later
                self.payments.append((aid, self.fp(), 'card', bin_country or country, created + r.randint(86400, 86400 * 200)))
        return a

    def q(self, a, ts, prompt, cat, ip=None, asn=None, ua=None, model=None, itok=None, otok=None, key=None):
        r = self.r
        if ts < a['created']:
            ts = a['created'] + r.uniform(60, 900)
        if itok is None:
            itok = max(3, int(len(prompt) / 3.6 * r.uniform(0.9, 1.2)) + r.choice([0, 0, 0, r.randint(50, 2500)]))
        if otok is None:
            otok = int(r.lognormvariate(5.6, 0.8))
        self.rows.append((ts, a['id'], key or a['key'], ip or a['signup_ip'], asn or a['asn'], ua or a['ua'],
                          model or a['model'], itok, otok, cat, prompt))

    def local_time(self, a, day0, lo=None, hi=None):
        """a time on day `day0` (epoch of UTC midnight) following the diurnal curve of the account's zone."""
        r = self.r
        if lo is None:
            h = wpick(r, list(enumerate(DIURNAL)))
        else:
            h = r.randint(lo, hi)
        return day0 + (h - a['tz']) * HOUR + r.uniform(0, HOUR)

    def ring(self, name, style, accts):
        self.rings.append(dict(name=name, style=style, accounts=[a['id'] for a in accts]))

    def decoy(self, name, kind, accts):
        self.decoys.append(dict(name=name, kind=kind, accounts=[a['id'] for a in accts]))

    def created_bg(self):
        """background creation date: spread over ~3.5 years, growing over time."""
        r = self.r
        span = self.end - ep(2023, 3, 1)
        return ep(2023, 3, 1) + span * (r.random() ** 0.6)

    # sessions of a human ----------------------------------------------
    def human_sessions(self, a, n, lang='en', ip_choices=None, lo=None, hi=None, win=None, prompt_fn=None,
                       weekdays_only=False):
        r = self.r
        s0 = max(self.start, a['created'])
        e0 = self.end
        if win:
            s0, e0 = max(s0, win[0]), min(e0, win[1])
        if e0 - s0 < DAY:
            s0 = max(self.start, e0 - DAY)
        nd = max(1, int((e0 - s0) // DAY))
        done = 0
        tries = 0
        while done < n:
            day = s0 - (s0 % DAY) + r.randrange(nd + 1) * DAY
            tries += 1
            if weekdays_only and tries < 50 and datetime.datetime.utcfromtimestamp(day).weekday() >= 5:
                continue
            t = self.local_time(a, day, lo, hi)
            k = min(n - done, wpick(r, [(1, 5), (2, 3), (3, 2), (4, 1), (6, 1), (10, .4)]))
            ipasn = r.choice(ip_choices) if ip_choices else (None, None)
            for _ in range(k):
                if prompt_fn:
                    p, c = prompt_fn(r)
                else:
                    p, c = benign_prompt(r, lang)
                self.q(a, t, p, c, ip=ipasn[0], asn=ipasn[1])
                t += r.uniform(15, 400)
            done += k


# ----------------------------------------------------------------------------- shared pools

def carrier_nat(S, n_pools):
    """carrier-grade NAT and VPN exits: few addresses shared by many strangers"""
    pools = []
    nat = [('AS21928', 'US', 172, 58), ('AS22394', 'US', 174, 226), ('AS45609', 'IN', 106, 220),
           ('AS9498', 'IN', 27, 62), ('AS3209', 'DE', 109, 40), ('AS25135', 'GB', 82, 132),
           ('AS26599', 'BR', 179, 9), ('AS2516', 'JP', 49, 96), ('AS12430', 'ES', 37, 11)]
    for asn, c, o1, o2 in nat[:n_pools]:
        ips = ['%d.%d.%d.%d' % (o1, o2, S.r.randrange(256), S.r.randint(1, 254)) for _ in range(S.r.randint(12, 30))]
        pools.append(('nat', c, asn, ips))
    vpn = [('AS9009', 185, 'M247'), ('AS60068', 89, 'CDN77'), ('AS212238', 156, 'Datacamp'), ('AS209854', 45, 'Surfshark'),
           ('AS39351', 193, '31173')]
    for asn, o1, _ in vpn:
        ips = []
        for _ in range(S.r.randint(3, 6)):
            sub = '%d.%d.%d' % (o1, S.r.randrange(256), S.r.randrange(256))
            ips += ['%s.%d' % (sub, S.r.randint(1, 254)) for _ in range(S.r.randint(3, 8))]
        pools.append(('vpn', None, asn, ips))
    return pools


# ----------------------------------------------------------------------------- background

def background(S, n_accounts, rows_target, nat_pools):
    r = S.r
    plans = []  # (account, n_queries, mode)
    countries = [(c, w) for c, w, _ in COUNTRIES]
    universities = []
    for i in range(40):
        dom = r.choice(['mail.', 'student.', 'stud.', 'my.', 'students.', 'alumni.', '']) + \
            r.choice(['north', 'south', 'east', 'west', 'lake', 'river', 'hill', 'pine', 'stone', 'oak', 'bay', 'fair']) + \
            r.choice(['field', 'brook', 'ridge', 'ford', 'wood', 'haven', 'mont', 'dale', 'port', 'view']) + \
            r.choice(['.edu', '.edu', '.ac.uk', '.edu.au', '-uni.de', '.ac.jp', '.edu.br', '.ac.in'])
        sub, _ = S.dc_subnet('AS16509')
        uasn = 'AS%d' % r.randint(1100, 59000)
        ips = ['%d.%d.%d.%d' % (r.randint(128, 160), r.randrange(256), r.randrange(256), r.randint(1, 254)) for _ in range(r.randint(1, 4))]
        universities.append((dom, uasn, ips, r.choice([c for c, _ in countries])))
    count = 0
    company_left = 0
    comp = None
    while count < n_accounts:
        kind = wpick(r, [('ind', 60), ('nat', 8), ('vpn', 5), ('student', 8), ('co', 11), ('integ', 0.5),
                         ('bot', 0.25), ('tinker', 4.5), ('idle', 3)])
        c = wpick(r, countries)
        created = S.created_bg()
        lang = LANG_OF.get(c, 'en') if r.random() < 0.5 else 'en'
        if kind in ('ind', 'tinker', 'idle'):
            free = r.random() < (0.35 if kind != 'tinker' else 0.6)
            a = S.account(created, c, S.email(c), plan='free' if free else r.choice(['payg', 'payg', 'pro']), card=not free)
            n = {'ind': int(r.lognormvariate(1.7, 1.15)), 'tinker': r.randint(1, 5), 'idle': 0}[kind]
            if kind == 'tinker':
                a['ua'] = r.choice(['curl/8.5.0', 'curl/7.81.0', 'PostmanRuntime/7.42.0', 'python-requests/2.32.3', 'HTTPie/3.2.4'])
            plans.append((a, min(n, 900), 'h', lang, None))
            count += 1
        elif kind in ('nat', 'vpn'):
            pool = r.choice([p for p in nat_pools if p[0] == kind])
            cc = pool[1] or c
            free = r.random() < 0.4
            ip = r.choice(pool[3])
            a = S.account(created, cc, S.email(cc), plan='free' if free else 'payg', card=not free, signup_ip=ip, asn=pool[2])
            a['ua'] = r.choice(['okhttp/4.12.0', 'ai-sdk/3.4.33', a['ua'], a['ua']]) if kind == 'nat' else a['ua']
            n = int(r.lognormvariate(1.6, 1.1))
            choices = [(x, pool[2]) for x in r.sample(pool[3], min(len(pool[3]), r.randint(1, 5)))]
            if r.random() < 0.4:   # sometimes from home too
                choices.append(S.home_ip(cc))
            plans.append((a, min(n, 600), 'h', LANG_OF.get(cc, 'en') if r.random() < 0.5 else 'en', choices))
            a['_pool'] = pool[2]
            count += 1
        elif kind == 'student':
            dom, uasn, ips, uc = r.choice(universities)
            a = S.account(created, uc, S.email(uc, dom), plan=r.choice(['free', 'education', 'education']), card=r.random() < 0.4,
                          signup_ip=r.choice(ips), asn=uasn)
            n = int(r.lognormvariate(1.5, 1.0))
            choices = [(x, uasn) for x in ips] + [S.home_ip(uc)]
            plans.append((a, min(n, 300), 'h', 'en', choices))
            count += 1
        elif kind == 'co':
            size = wpick(r, [(2, 5), (3, 4), (4, 3), (6, 2), (9, 1), (14, .5)])
            dom = r.choice(['acme', 'blue', 'nova', 'atlas', 'pixel', 'delta', 'kite', 'lumen', 'orbit', 'fable', 'quill', 'rivet', 'tandem', 'zest', 'gusto']) + \
                r.choice(['soft', 'works', 'labs', 'data', 'hq', 'ly', 'io', 'group', 'media', 'health', 'legal', 'logistics']) + r.choice(['.com', '.io', '.co', '.de', '.fr', '.co.uk', '.ai', '.app'])
            org = 'org-' + ''.join(r.choice(B36) for _ in range(10))
            invoice = r.random() < 0.45
            shared_card = S.fp() if not invoice and r.random() < 0.5 else None
            inv = S.fp('inv') if invoice else None
            office, oasn = S.home_ip(c)
            osub = office.rsplit('.', 1)[0]
            t0 = created
            ua = wpick(r, UAS)
            for i in range(size):
                if count >= n_accounts:
                    break
                t = t0 + (0 if i == 0 else r.uniform(0, 400 * DAY) * r.random())
                if t > S.end:
                    t = S.end - r.uniform(DAY, 10 * DAY)
                pf = inv or shared_card
                a = S.account(t, c, S.email(c, dom, style=r.choice([0, 2])), plan='team' if inv else 'payg', org=org,
                              pfp=pf, signup_ip='%s.%d' % (osub, r.randint(2, 254)), asn=oasn,
                              kind='invoice' if inv else 'card', add_payment=(i == 0 or not pf))
                if pf and i > 0:
                    S.payments.append((a['id'], pf, 'invoice' if inv else 'card', c, t + 60))
                if r.random() < 0.6:
                    a['ua'] = ua
                n = int(r.lognormvariate(2.2, 1.1))
                choices = [(a['signup_ip'], oasn), ('%s.%d' % (osub, r.randint(2, 254)), oasn), S.home_ip(c)]
                plans.append((a, min(n, 900), 'w', lang, choices))
                count += 1
        elif kind == 'integ':
            # an integration product: one or two accounts, high volume templated traffic from a cloud
            prod = integration_product(S)
            sub, asn = S.dc_subnet()
            org = 'org-' + ''.join(r.choice(B36) for _ in range(10))
            nacc = r.choice([1, 1, 1, 2, 3])
            pf = S.fp('inv') if r.random() < 0.4 else S.fp()
            for i in range(nacc):
                a = S.account(created, c, S.email(c, prod['domain'], style=2), plan='scale', org=org, pfp=pf,
                              signup_ip='%s.%d' % (sub, r.randint(2, 254)), asn=asn, kind='invoice' if pf.startswith('inv') else 'card',
                              add_payment=(i == 0))
                if i:
                    S.payments.append((a['id'], pf, 'invoice' if pf.startswith('inv') else 'card', c, created))
                a['ua'] = prod['ua']
                a['model'] = prod['model']
                n = int(r.lognormvariate(5.3, 1.0))
                choices = [('%s.%d' % (sub, r.randint(2, 254)), asn) for _ in range(r.randint(1, 4))]
                plans.append((a, min(n, 6000), 'i', prod, choices))
                count += 1
        elif kind == 'bot':
            # a product's bot: steady, cron-ish traffic from one host, a few prompt shapes
            prod = integration_product(S, bot=True)
            sub, asn = S.dc_subnet()
            a = S.account(created, c, S.email(c), plan='payg', signup_ip='%s.%d' % (sub, r.randint(2, 254)), asn=asn)
            a['ua'] = prod['ua']
            a['model'] = r.choice(['claude-3-5-haiku-20241022', 'claude-3-haiku-20240307'])
            plans.append((a, 0, 'b', prod, [(a['signup_ip'], asn)]))
            count += 1

    # scale human volumes to the target
    bot_rows = 0
    est = sum(n for _, n, m, _, _ in plans if m != 'b')
    for a, n, m, prod, ch in plans:
        if m == 'b':
            bot_rows += int(S.days * 24 * 60 / prod['period'] * 0.9)
    scale = max(0.2, (rows_target - bot_rows) / max(1, est))
    for a, n, m, extra, ch in plans:
        if m == 'b':
            bot_traffic(S, a, extra, ch)
            continue
        n = int(round(n * scale * r.uniform(0.85, 1.15)))
        if m in ('h', 'w'):
            S.human_sessions(a, n, lang=extra if isinstance(extra, str) else 'en', ip_choices=ch,
                             weekdays_only=(m == 'w' and r.random() < 0.8))
        elif m == 'i':
            integ_traffic(S, a, n, extra, ch)


def integration_product(S, bot=False):
    r = S.r
    name = r.choice(['desk', 'flow', 'note', 'mint', 'hive', 'loop', 'sprout', 'beacon', 'ledger', 'quest', 'parse', 'tally']) + \
        r.choice(['ly', 'ify', 'io', 'bot', 'kit', 'hub', 'wise', 'stack', 'pal'])
    ver = '%d.%d.%d' % (r.randint(0, 5), r.randint(0, 20), r.randint(0, 30))
    if bot:
        kinds = [
            ('chat', lambda r: f"You are {name}, a helpful Discord assistant. Reply briefly to: {words(r, r.randint(4, 20))}"),
            ('summarization', lambda r: f"Summarize the last {r.randint(20, 200)} messages in #{r.choice(['general', 'dev', 'random', 'support', 'announcements'])}:\n" + '\n'.join(f"<{r.choice(FIRST)}> {words(r, r.randint(3, 12))}" for _ in range(r.randint(3, 10)))),
            ('moderation', lambda r: f"Does this message break the server rules (spam, harassment, nsfw)? Answer yes/no and a reason. Message: {words(r, r.randint(3, 25))}")]
        return dict(name=name, ua=f"{name}/{ver}", kinds=kinds, period=r.choice([30, 60, 120, 240, 360]), model=None,
                    domain=name + '.gg')
    kinds = r.sample([
        ('summarization', lambda r: f"Summarize the following support ticket in 3 bullet points and assign a priority (P1-P4).\n\nTicket #{r.randint(10000, 999999)}\nSubject: {words(r, r.randint(3, 7))}\n\n{para(r, r.randint(2, 8))}"),
        ('extraction', lambda r: f"Extract vendor, invoice_date, total and currency from the document below. Reply with JSON only.\n---\n{para(r, r.randint(2, 6))}\nTotal: {r.randint(10, 99999)}.{r.randint(0, 99):02d}"),
        ('classification', lambda r: f"Classify the sentiment of this product review as positive, negative or mixed. Review: \"{para(r, r.randint(1, 3))}\""),
        ('writing', lambda r: f"Write a product description (max 80 words, friendly tone) for: {words(r, r.randint(3, 8))}. Key features: {words(r, r.randint(4, 12))}"),
        ('translation', lambda r: f"Translate these UI strings into {r.choice(['de', 'fr', 'es', 'ja', 'pt-BR', 'it', 'ko'])}. Keep placeholders like {{name}} unchanged. Return JSON.\n" + json.dumps({f"k{i}": words(r, r.randint(2, 6)) for i in range(r.randint(2, 8))})),
        ('coding', lambda r: f"Review this diff and list potential bugs:\n" + '\n'.join(r.choice(['+', '-', ' ']) + ' ' + words(r, r.randint(3, 9)) for _ in range(r.randint(4, 15)))),
        ('extraction', lambda r: f"From this resume, extract name, years of experience and top 5 skills as JSON:\n{para(r, r.randint(3, 8))}"),
        ('analysis', lambda r: f"Given these survey answers, list the three main themes:\n" + '\n'.join('- ' + words(r, r.randint(5, 15)) for _ in range(r.randint(3, 12)))),
    ], 2)
    return dict(name=name, ua=f"{name}-server/{ver}", kinds=kinds, model=wpick(r, MODELS[:4]), domain=name + r.choice(['.com', '.io', '.app']))


def integ_traffic(S, a, n, prod, ch):
    r = S.r
    s0 = max(S.start, a['created'])
    for _ in range(n):
        day = s0 - s0 % DAY + r.randrange(max(1, int((S.end - s0) // DAY))) * DAY
        t = S.local_time(a, day)
        cat, f = r.choice(prod['kinds'])
        ip, asn = r.choice(ch)
        S.q(a, t, f(r), cat, ip=ip, asn=asn, otok=int(r.lognormvariate(5.0, 0.5)))


def bot_traffic(S, a, prod, ch):
    r = S.r
    per = prod['period'] * 60
    t = max(S.start, a['created']) + r.uniform(0, per)
    off = r.uniform(0, per)
    t = t - (t % per) + off
    while t < S.end:
        if r.random() < 0.9:
            cat, f = r.choice(prod['kinds'])
            S.q(a, t + r.uniform(0, 2), f(r), cat, otok=int(r.lognormvariate(4.5, 0.6)))
        t += per


# ----------------------------------------------------------------------------- rings

COT = {
    # metronome ring's two families, alternated
    'm1': ["Work through the problem below one step at a time. Number every step, state the rule you apply in each, and verify the intermediate result before moving on. Only after the last step, write FINAL: followed by the answer.\n\nPROBLEM: {q}",
           "Work through the problem below one step at a time. Number every step, state the rule you apply in each and verify each intermediate result before moving on. Only after the last step write FINAL: and the answer.\n\nPROBLEM: {q}"],
    'm2': ["<task>\n{q}\n</task>\nThink out loud inside <scratchpad> tags: list what is known, what is asked, every deduction in order, and double-check arithmetic. Then give the answer inside <answer> tags.",
           "<task>\n{q}\n</task>\nThink out loud inside <scratchpad> tags: list what is given, what is asked, each deduction in order, and re-check the arithmetic. Then give the answer inside <answer> tags."],
    # chorus ring
    'c1': ["Please act as a meticulous teacher. For the question that follows, first explain your approach, then show every intermediate calculation and the reason it is valid, and end with a one-line summary of the answer.\nQuestion: {q}",
           "Please act as a meticulous teacher. For the following question, first explain the approach, then show each intermediate calculation and why it is valid, and finish with a one-line summary of the answer.\nQuestion: {q}"],
    'c2': ["{q}\n\nBefore answering, reason carefully and explicitly. Write your full chain of reasoning, including any dead ends you considered and why you rejected them. Conclude with 'Therefore, the answer is ...'.",
           "{q}\n\nBefore you answer, reason carefully and explicitly. Write the full chain of reasoning, including dead ends you considered and why you rejected them. Conclude with 'Therefore, the answer is ...'."],
    'c3': ["Q: {q}\nGive a rigorous derivation. Justify each line. Label the final result [RESULT]."],
    # pods
    'p1': ["### Instruction\nSolve the task. Produce a detailed rationale (at least five reasoning steps) followed by the final answer.\n### Task\n{q}\n### Response format\nRationale: <steps>\nAnswer: <answer>",
           "### Instruction\nSolve the task. Give a detailed rationale (five or more reasoning steps) and then the final answer.\n### Task\n{q}\n### Response format\nRationale: <steps>\nAnswer: <answer>"],
    'p2': ["SYSTEM NOTE: responses are graded on the completeness of the reasoning trace.\nUSER: {q}\nRespond with: (1) restatement, (2) plan, (3) step-by-step execution, (4) verification, (5) final answer."],
    # reseller's customer traffic
    'r1': ["Answer the following. Show your reasoning step by step, then give the final answer in bold.\n\n{q}",
           "Answer the following question. Show your reasoning step by step and give the final answer in bold.\n\n{q}",
           "Answer the following, showing reasoning step by step, with the final answer in bold:\n\n{q}"],
    'r2': ["Generate a high-quality explanation for a training example. Input: {q}\nOutput: a step-by-step explanation that a student could follow, ending with the answer."],
    # relay ring
    'y1': ["Q: {q}\nA: Let's reason through this carefully, step by step.", "Q: {q}\nA: Let's reason through this carefully step by step."],
    # studypal wrapper
    'w1': ["You are StudyPal, a friendly study assistant for high-school and college students.\nStudent question: {q}\nRespond with a complete worked solution that shows every step of your thinking, then a short recap."],
    # edu mimic
    'e1': ["Homework help: {q}\nPlease show all of your working and explain why each step follows, like a model answer for the mark scheme."],
}
# dust ring: one wrapper written in several languages
DUST = {
    'en': "{q}\n\n(Explain your thinking step by step before the final answer.)",
    'es': "{q}\n\n(Explica tu razonamiento paso a paso antes de la respuesta final.)",
    'de': "{q}\n\n(Erkläre deinen Gedankengang Schritt für Schritt vor der endgültigen Antwort.)",
    'fr': "{q}\n\n(Explique ton raisonnement étape par étape avant la réponse finale.)",
    'pt': "{q}\n\n(Explique seu raciocínio passo a passo antes da resposta final.)",
    'ja': "{q}\n\n（最終的な答えの前に、考え方を一歩ずつ説明してください。）",
    'zh': "{q}\n\n（在给出最终答案之前，请逐步解释你的思路。）",
    'ru': "{q}\n\n(Объясни ход рассуждений шаг за шагом перед окончательным ответом.)",
}
# paraphrase ring: instruction composed freshly each time (no fixed template)
PARA_OPEN = ['', 'Hey, ', 'Quick one: ', 'Could you help? ', 'I need help with this. ', 'Homework-ish question. ', 'Okay so ',
             'Curious about this: ', 'My friend and I disagree. ', 'Puzzle for you. ', 'Not sure how to approach this. ']
PARA_ASK = ['walk me through how you get there', 'talk through your reasoning as you go', 'show me how you would think about it',
            'break it into small steps and explain each', "don't just give the answer, explain the logic", 'narrate your thought process',
            'go slowly and justify each move', 'explain it like you are solving it on a whiteboard', 'lay out each inference',
            'tell me every step you take and why', 'reason it out in detail first', 'make your thinking visible']
PARA_END = ['', ' Thanks.', ' Final answer at the end please.', ' Then tell me the answer.', ' Put the result last.', ' Cheers!', '']

def cot(r, fam, q):
    return r.choice(COT[fam]).format(q=q)

def dtok(r):
    return int(r.lognormvariate(7.1, 0.45))   # long reasoning outputs


def ring_metronome(S, name, n, period_min, per_tick, hours, span_days, ua):
    """own cards, own residential IPs, free mail; one client string nobody else uses; two CoT families
    alternated; a scheduler fires a few members within seconds every period."""
    r = S.r
    c0 = S.start + r.uniform(2, 6) * DAY
    members = []
    for i in range(n):
        c = wpick(r, [('US', 5), ('GB', 2), ('CA', 2), ('DE', 1), ('AU', 1)])
        a = S.account(c0 - r.uniform(5, 30) * DAY, c, S.email(c, wpick(r, FREEMAIL)), plan='payg')
        a['ua'] = ua
        a['model'] = 'claude-3-5-sonnet-20241022'
        members.append(a)
    t = c0 + r.uniform(0, HOUR)
    t -= t % (period_min * 60)
    tick = 0
    end = min(S.end, c0 + span_days * DAY)
    while t < end:
        h = int((t % DAY) // HOUR)
        if h in hours:
            for a in r.sample(members, per_tick if isinstance(per_tick, int) else r.randint(*per_tick)):
                fam = 'm1' if tick % 2 == 0 else 'm2'
                S.q(a, t + r.uniform(0.2, 6), cot(r, fam, question(r)), 'math', otok=dtok(r))
        tick += 1
        t += period_min * 60
    S.ring(name, 'metronome: own cards+home IPs+free mail, unique client string, 2 CoT families alternated, scheduler every %d min' % period_min, members)
    return members


def ring_chorus(S, name, n, weeks, batches_per_day, fams):
    """shares nothing but templates and coordinated firing; common SDK strings, own cards, own home IPs,
    created over weeks."""
    r = S.r
    members = []
    for i in range(n):
        c = wpick(r, [('US', 4), ('IN', 2), ('BR', 1), ('DE', 1), ('PL', 1), ('GB', 1)])
        a = S.account(S.start - r.uniform(0, weeks * 7) * DAY + 10 * DAY, c, S.email(c), plan='payg')
        a['ua'] = wpick(r, UAS[:9])
        members.append(a)
    t = S.start + 12 * DAY
    while t < S.end:
        t += r.expovariate(batches_per_day / DAY)
        live = [a for a in members if a['created'] < t - DAY]
        if len(live) < 4:
            continue
        for a in r.sample(live, min(len(live), r.randint(4, 9))):
            tt = t + r.uniform(0, 15)
            for _ in range(r.randint(1, 3)):
                S.q(a, tt, cot(r, r.choice(fams), question(r)), r.choice(['math', 'reasoning', 'education']), otok=dtok(r))
                tt += r.uniform(2, 25)
    S.ring(name, 'chorus: only templates + coordinated batches; common SDKs, own cards, own home IPs, created over %d weeks' % weeks, members)
    return members


def ring_pods(S, name, pods, pod_size, mix):
    """one operation in pods: each pod one card + one datacenter /24; pods share templates and an unusual model mix"""
    r = S.r
    members = []
    for p in range(pods):
        sub, asn = S.dc_subnet()
        card = S.fp()
        bc = r.choice(['US', 'GB', 'HK', 'SG', 'AE'])
        created = S.start - r.uniform(1, 60) * DAY
        ua = r.choice(['python-httpx/0.27.2', 'aiohttp/3.10.10', 'anthropic-python/0.39.0', 'Go-http-client/2.0'])
        pod = []
        for i in range(pod_size):
            c = r.choice(['US', 'SG', 'GB', 'NL'])
            a = S.account(created + r.uniform(0, 3) * HOUR, c, S.email(c), plan='payg', pfp=card, bin_country=bc,
                          signup_ip='%s.%d' % (sub, r.randint(2, 254)), asn=asn, add_payment=(i == 0))
            if i:
                S.payments.append((a['id'], card, 'card', bc, a['created'] + 120))
            a['ua'] = ua
            pod.append(a)
        # each pod runs its own worker loop during its own window
        w0 = S.start + r.uniform(3, S.days * 0.5) * DAY
        w1 = min(S.end, w0 + r.uniform(6, 20) * DAY)
        rate = r.uniform(3, 8) / HOUR
        t = w0
        while t < w1:
            t += r.expovariate(rate)
            a = r.choice(pod)
            S.q(a, t, cot(r, r.choice(['p1', 'p1', 'p2']), question(r)), 'reasoning',
                ip='%s.%d' % (sub, r.randint(2, 254)), asn=asn, model=wpick(r, mix), otok=dtok(r))
        members += pod
    S.ring(name, 'pods: %d pods x %d, each one card + one DC /24; shared templates + unusual model mix' % (pods, pod_size), members)
    return members


def ring_reseller(S, name, n, distill_share):
    """a reseller: sub-accounts on one invoice and org, traffic relayed from its gateway; mostly distillation prompts"""
    r = S.r
    inv = S.fp('inv')
    org = 'org-' + ''.join(r.choice(B36) for _ in range(10))
    dom = r.choice(['apibridge', 'tokenhub', 'gptgate', 'llmrelay']) + r.choice(['.cloud', '.net', '.io'])
    sub, asn = S.dc_subnet()
    gw = ['%s.%d' % (sub, r.randint(2, 254)) for _ in range(3)]
    members = []
    c0 = S.start - r.uniform(30, 200) * DAY
    for i in range(n):
        a = S.account(c0 + r.uniform(0, 150) * DAY if i else c0, 'HK', f'tenant{i + 1:03d}@{dom}', plan='team', org=org, pfp=inv,
                      kind='invoice', bin_country='HK', signup_ip=gw[0], asn=asn, add_payment=(i == 0))
        if i:
            S.payments.append((a['id'], inv, 'invoice', 'HK', a['created']))
        a['ua'] = 'python-httpx/0.27.2'
        a['tz'] = 8
        members.append(a)
    for a in members:
        nq = int(r.lognormvariate(4.4, 0.7))
        distiller = r.random() < 0.8
        for _ in range(nq):
            day = S.start + r.randrange(S.days) * DAY
            t = S.local_time(a, day)
            if distiller and r.random() < distill_share:
                S.q(a, t, cot(r, r.choice(['r1', 'r1', 'r2']), question(r)), 'reasoning', ip=r.choice(gw), asn=asn, otok=dtok(r))
            else:
                p, c = benign_prompt(r, r.choice(['en', 'zh']))
                S.q(a, t, p, c, ip=r.choice(gw), asn=asn)
    S.ring(name, 'reseller: %d sub-accounts on one invoice/org behind a gateway /24, ~%d%% distillation prompts' % (n, distill_share * 100), members)
    return members


def ring_dust(S, name, n, vpn_pools):
    """many light accounts (1-5 queries), free tier, commercial VPN exits shared with strangers; one wrapper in
    eight languages around varied questions; no synchrony."""
    r = S.r
    members = []
    langs = list(DUST)
    for i in range(n):
        pool = r.choice(vpn_pools)
        c = r.choice(['US', 'DE', 'FR', 'ES', 'BR', 'JP', 'GB', 'IN', 'MX', 'PL'])
        a = S.account(S.start + r.uniform(0, S.days - 3) * DAY, c, S.email(c), plan='free', card=False,
                      signup_ip=r.choice(pool[3]), asn=pool[2])
        a['ua'] = wpick(r, UAS)
        a['model'] = wpick(r, MODELS)
        members.append(a)
        lang = r.choice(langs)
        t = a['created'] + r.uniform(300, 3 * DAY)
        for _ in range(r.randint(1, 5)):
            qq = question_ml(r, lang) if lang not in ('en',) else question(r)
            S.q(a, t, DUST[lang].format(q=qq), 'math', ip=r.choice(pool[3]), asn=pool[2], otok=dtok(r))
            t += r.uniform(20, 3 * HOUR)
    S.ring(name, 'dust: %d free light accounts (1-5 queries) on shared VPN exits; one CoT wrapper in 8 languages' % n, members)
    return members


def ring_edu_mimic(S, name, n, campus_doms):
    """bought student accounts: university mail, education plan, created at term start like a course; rotate
    through a residential proxy pool; every evening, homework-style CoT wrapper over a large question bank."""
    r = S.r
    pool = []
    for _ in range(n * 6):
        c = r.choice(['US', 'GB', 'CA', 'AU'])
        pool.append(S.home_ip(c))
    c0 = S.start + r.uniform(1, 4) * DAY
    members = []
    for i in range(n):
        ip, asn = r.choice(pool)
        dom = r.choice(campus_doms)
        a = S.account(c0 + r.uniform(0, 9) * DAY, r.choice(['US', 'GB']), S.email('US', dom), plan='education', card=False,
                      signup_ip=ip, asn=asn)
        a['ua'] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"
        a['tz'] = -5
        members.append(a)
    for a in members:
        nq = r.randint(25, 90)
        for _ in range(nq):
            day = a['created'] - a['created'] % DAY + r.randrange(max(1, int((S.end - a['created']) // DAY))) * DAY
            t = S.local_time(a, day, 18, 23)
            ip, asn = r.choice(pool)
            S.q(a, t, cot(r, 'e1', question(r)), 'education', ip=ip, asn=asn, otok=dtok(r))
    S.ring(name, 'edu-mimic: bought student accounts on campus domains, created at term start, residential proxy rotation, homework-style CoT', members)
    return members


def ring_relay(S, name, n, life_days):
    """succession: one account at a time, each lives a few days then is abandoned (banned) and the next appears;
    prepaid cards reused once; proxy /24s rotate."""
    r = S.r
    subs = [S.dc_subnet(r.choice(['AS20473', 'AS14061', 'AS16276'])) for _ in range(3)]
    members = []
    t = S.start + r.uniform(0, 2) * DAY
    step = (S.days - 3) * DAY / n
    card = None
    for i in range(n):
        if i % 2 == 0:
            card = S.fp()
        sub, asn = r.choice(subs)
        c = r.choice(['US', 'CA', 'GB'])
        a = S.account(t, c, S.email(c, wpick(r, FREEMAIL)), plan='payg', pfp=card, bin_country='US',
                      signup_ip='%s.%d' % (sub, r.randint(2, 254)), asn=asn, add_payment=True,
                      status='banned' if i < n - 2 else 'active')
        a['ua'] = r.choice(['anthropic-python/0.40.0', 'python-requests/2.32.3'])
        members.append(a)
        life = r.uniform(*life_days) * DAY
        tt = t + r.uniform(600, 3600)
        rate = r.uniform(20, 50) / DAY
        while tt < min(t + life, S.end):
            S.q(a, tt, cot(r, 'y1', question(r)), 'math', ip='%s.%d' % (sub, r.randint(2, 254)), asn=asn, otok=dtok(r))
            tt += r.expovariate(rate)
        t += step * r.uniform(0.8, 1.2)
    S.ring(name, 'relay: %d short-lived accounts in succession (few days each), prepaid cards reused in pairs, rotating proxy /24s' % n, members)
    return members


def ring_paraphrase(S, name, n, nat_pool, window_h):
    """no fixed template: every prompt composes its request from shuffled parts; all members on one mobile carrier's
    NAT (a hub) with a stock Android client; they all run inside the same 2-hour nightly window"""
    r = S.r
    members = []
    c0 = S.start - r.uniform(5, 40) * DAY
    for i in range(n):
        ip = r.choice(nat_pool[3])
        a = S.account(c0 + r.uniform(0, 6) * DAY, nat_pool[1], S.email(nat_pool[1]), plan='payg',
                      signup_ip=ip, asn=nat_pool[2])
        a['ua'] = 'okhttp/4.12.0'
        members.append(a)
    for d in range(S.days):
        day = S.start + d * DAY
        for a in members:
            if r.random() < 0.6:
                for _ in range(r.randint(2, 9)):
                    t = day + (window_h + r.uniform(0, 2)) * HOUR
                    qq = question(r)
                    p = r.choice(PARA_OPEN) + (qq + ' ' + r.choice(PARA_ASK).capitalize() + '.' if r.random() < 0.5
                                              else r.choice(PARA_ASK).capitalize() + ': ' + qq) + r.choice(PARA_END)
                    S.q(a, t, p, r.choice(['math', 'education', 'reasoning']), ip=r.choice(nat_pool[3]), asn=nat_pool[2], otok=dtok(r))
    S.ring(name, 'paraphrase: freshly composed CoT requests (no template), one carrier NAT hub + stock okhttp, same nightly window', members)
    return members


def ring_wrapper(S, name, n):
    """a fake study-helper product: its own server client string, cloud IPs, a product-style system prompt wrapping
    questions, accounts opened one by one over months with their own cards"""
    r = S.r
    members = []
    subs = [S.dc_subnet('AS16509') for _ in range(n)]
    for i in range(n):
        sub, asn = subs[i]
        c = r.choice(['US', 'SG', 'GB'])
        a = S.account(S.start - r.uniform(0, 90) * DAY, c, S.email(c, r.choice(['gmail.com', 'outlook.com', 'proton.me'])),
                      plan='payg', signup_ip='%s.%d' % (sub, r.randint(2, 254)), asn=asn)
        a['ua'] = 'studypal-server/1.8.%d' % r.randint(0, 3)
        a['model'] = 'claude-3-5-sonnet-20241022'
        members.append(a)
        for _ in range(int(r.lognormvariate(5.3, 0.5))):
            day = S.start + r.randrange(S.days) * DAY
            t = S.local_time(a, day)
            S.q(a, t, cot(r, 'w1', question(r)), 'education', otok=dtok(r))
    S.ring(name, 'wrapper: fake study-helper app, product system prompt wrapping a question bank, cloud hosts, own cards, created over months', members)
    return members


# ----------------------------------------------------------------------------- benign look-alikes

def decoy_course(S, name, n, dom, weekday, hour_utc, weeks, lang='en'):
    """a course: students send the homework template in the weekly lecture hour from the campus network"""
    r = S.r
    sub = '%d.%d.%d' % (r.randint(128, 160), r.randrange(256), r.randrange(256))
    asn = 'AS%d' % r.randint(1100, 59000)
    nat = ['%s.%d' % (sub, r.randint(2, 254)) for _ in range(3)]
    c0 = S.start + r.uniform(0, 2) * DAY
    cc = 'US' if lang == 'en' else 'JP'
    members = []
    for i in range(n):
        a = S.account(c0 + r.uniform(0, 3) * DAY, cc, S.email(cc, dom), plan=r.choice(['education', 'free']), card=False,
                      signup_ip=r.choice(nat), asn=asn, extra={'promo_code': 'CLASSROOM-' + name.upper()[:8]})
        a['ua'] = r.choice(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
                            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15",
                            "anthropic-python/0.40.0"])
        members.append(a)
    # week days after creation
    first = c0 + 3 * DAY
    d = first - first % DAY
    while datetime.datetime.utcfromtimestamp(d).weekday() != weekday:
        d += DAY
    wk = 0
    while d < S.end and wk < weeks:
        for a in members:
            if r.random() < 0.85:
                for p in range(r.randint(1, 4)):
                    t = d + hour_utc * HOUR + r.uniform(5, 55) * 60
                    if lang == 'en':
                        prob = question(r)
                        prompt = f"CS/MATH 1040 - Problem set {wk + 1}, question {p + 1}: {prob}\nShow all your work step by step and justify each step, as required by the grading rubric."
                    else:
                        prompt = f"第{wk + 1}課 練習問題{p + 1}：「{r.choice(['彼は', '私は', '先生が', '友達と'])}{r.choice(['学校に行った', '本を読んでいる', '映画を見たことがある', '日本語を勉強しなければならない'])}」の文法を、段階的に説明してください。"
                    S.q(a, t, prompt, 'education', ip=r.choice(nat), asn=asn, otok=int(r.lognormvariate(6.3, 0.4)))
        wk += 1
        d += 7 * DAY
    # their own usage otherwise
    for a in members:
        S.human_sessions(a, r.randint(0, 12), lang='en' if lang == 'en' else 'ja', ip_choices=[(r.choice(nat), asn), S.home_ip(cc)])
    S.decoy(name, 'course: %d students, one homework template (asks for step-by-step work) in the weekly lecture hour from the campus NAT' % n, members)
    return members


def decoy_evallab(S, name, n):
    r = S.r
    inv = S.fp('inv')
    org = 'org-' + ''.join(r.choice(B36) for _ in range(10))
    sub, asn = S.dc_subnet('AS396982')
    members = []
    for i in range(n):
        a = S.account(S.start - r.uniform(100, 500) * DAY, 'US', S.email('US', 'evalworks.ai', style=0), plan='enterprise',
                      org=org, pfp=inv, kind='invoice', signup_ip='%s.%d' % (sub, r.randint(2, 254)), asn=asn, add_payment=(i == 0))
        if i:
            S.payments.append((a['id'], inv, 'invoice', 'US', a['created']))
        a['ua'] = 'lm-eval-harness/0.4.5 anthropic-python/0.39.0'
        members.append(a)
    benches = ['MMLU', 'GSM8K', 'ARC-Challenge', 'BBH', 'MATH']
    for run in range(int(S.days / 2.5)):
        t = S.start + run * 2.5 * DAY + r.uniform(0, DAY)
        bench = r.choice(benches)
        model = r.choice(['claude-3-5-sonnet-20241022', 'claude-sonnet-4', 'claude-3-5-haiku-20241022', 'claude-opus-4'])
        a = r.choice(members)
        for k in range(r.randint(150, 500)):
            S.q(a, t, f"[{bench} #{k}] The following is a question. Think step by step, then finish with 'The answer is (X)'.\n\n{question(r)}",
                'evaluation', ip='%s.%d' % (sub, r.randint(2, 254)), asn=asn, model=model, otok=int(r.lognormvariate(6.0, 0.5)))
            t += r.uniform(0.3, 3)
    S.decoy(name, 'model-evaluation lab: one invoice, one cloud /24, benchmark sweeps with think-step-by-step prompts', members)
    return members


def decoy_enterprise(S, name, n):
    """bulk-provisioned enterprise: created within an hour by SSO, one invoice, office /24 and corporate VPN, human use"""
    r = S.r
    inv = S.fp('inv')
    org = 'org-' + ''.join(r.choice(B36) for _ in range(10))
    oip, oasn = S.home_ip('DE')
    osub = oip.rsplit('.', 1)[0]
    vpn, vasn = S.dc_subnet('AS8075')
    c0 = S.start - r.uniform(20, 120) * DAY
    members = []
    for i in range(n):
        a = S.account(c0 + r.uniform(0, 50) * 60, 'DE', S.email('DE', 'kronberg-logistik.de', style=0), plan='enterprise', org=org, pfp=inv,
                      kind='invoice', signup_ip='%s.%d' % (osub, r.randint(2, 254)), asn=oasn, add_payment=(i == 0),
                      extra={'sso': 'okta', 'department': r.choice(['finance', 'it', 'sales', 'legal', 'ops', 'hr'])})
        if i:
            S.payments.append((a['id'], inv, 'invoice', 'DE', a['created']))
        a['ua'] = r.choice(['kronberg-copilot/2.4.1', "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"])
        a['tz'] = 1
        members.append(a)
        S.human_sessions(a, int(r.lognormvariate(3.3, 0.8)), lang=r.choice(['de', 'en']),
                         ip_choices=[('%s.%d' % (osub, r.randint(2, 254)), oasn), ('%s.%d' % (vpn, r.randint(2, 254)), vasn)],
                         lo=7, hi=18, weekdays_only=True)
    S.decoy(name, 'enterprise: %d accounts bulk-created within an hour via SSO, one invoice, office /24 + corporate VPN, human use' % n, members)
    return members


def decoy_hackathon(S, name, n):
    """hackathon: accounts created the same evening, venue wifi, starter-kit client string and template, bursty weekend"""
    r = S.r
    venue = [S.home_ip('GB') for _ in range(2)]
    d0 = S.start + r.randint(10, S.days - 10) * DAY
    while datetime.datetime.utcfromtimestamp(d0).weekday() != 5:
        d0 += DAY
    members = []
    for i in range(n):
        ip, asn = r.choice(venue)
        a = S.account(d0 - DAY + r.uniform(17, 23) * HOUR, 'GB', S.email('GB'), plan='free', card=False, signup_ip=ip, asn=asn,
                      extra={'promo_code': 'HACKLDN-CREDITS'})
        a['ua'] = 'hackkit-starter/0.3.0 anthropic-typescript/0.33.0'
        members.append(a)
    topics = ['recycling', 'mental health', 'local news', 'accessibility', 'food waste', 'bike routes', 'elderly care', 'study groups']
    for a in members:
        team_topic = r.choice(topics)
        for _ in range(r.randint(5, 80)):
            t = d0 + r.uniform(9, 9 + 30) * HOUR
            if r.random() < 0.5:
                p = f"You are the assistant inside our hackathon app about {team_topic}. User input: {words(r, r.randint(3, 15))}\nAnswer helpfully in under 100 words."
                c = 'chat'
            else:
                p, c = benign_prompt(r)
            ip, asn = r.choice(venue)
            S.q(a, t, p, c, ip=ip, asn=asn)
    S.decoy(name, 'hackathon: %d accounts created the evening before, venue wifi, starter-kit client + app template, 30-hour burst' % n, members)
    return members


def decoy_botplatform(S, name, n, period_min, p_wake):
    """a bot-hosting platform: each customer's bot has its own account/card but runs on the platform's /24 with the
    platform runtime string, on a shared cron (all bots wake within seconds)"""
    r = S.r
    sub, asn = S.dc_subnet('AS24940')
    members = []
    for i in range(n):
        c = wpick(r, countries_w())
        a = S.account(S.created_bg(), c, S.email(c), plan='payg', signup_ip='%s.%d' % (sub, r.randint(2, 254)), asn=asn)
        a['ua'] = 'botforge-runtime/3.2.0'
        a['model'] = r.choice(['claude-3-5-haiku-20241022', 'claude-3-haiku-20240307'])
        a['_srv'] = '%s.%d' % (sub, r.randint(2, 254))
        a['_chan'] = r.choice(['general', 'dev', 'support', 'trading', 'raids', 'memes', 'study'])
        members.append(a)
    t = S.start - S.start % (period_min * 60)
    while t < S.end:
        for a in members:
            if a['created'] < t and r.random() < p_wake:
                p = (f"[botforge] Channel digest for #{a['_chan']}. Summarize the new messages below in 2-4 short bullets; skip greetings.\n" +
                     '\n'.join(f"<{r.choice(FIRST)}> {words(r, r.randint(3, 14))}" for _ in range(r.randint(2, 9))))
                S.q(a, t + r.uniform(0.5, 8), p, 'summarization', ip=a['_srv'], asn=asn, otok=int(r.lognormvariate(4.3, 0.4)))
        t += period_min * 60
    S.decoy(name, 'bot platform: %d customer bots, own cards, platform /24 + runtime string, shared %d-min cron digest template' % (n, period_min), members)
    return members


def decoy_agency(S, name, n):
    """content agency: one invoice for client workspaces, SEO templates from the office"""
    r = S.r
    inv = S.fp('inv')
    org = 'org-' + ''.join(r.choice(B36) for _ in range(10))
    oip, oasn = S.home_ip('ES')
    members = []
    for i in range(n):
        a = S.account(S.created_bg(), 'ES', f"cliente{i + 1:02d}@contenidos-sol.es", plan='team', org=org, pfp=inv, kind='invoice',
                      signup_ip=oip, asn=oasn, add_payment=(i == 0))
        if i:
            S.payments.append((a['id'], inv, 'invoice', 'ES', a['created']))
        a['ua'] = 'python-requests/2.32.3'
        a['tz'] = 1
        members.append(a)
    for a in members:
        for _ in range(int(r.lognormvariate(3.8, 0.6))):
            day = S.start + r.randrange(S.days) * DAY
            t = S.local_time(a, day, 8, 18)
            kw = ' '.join(r.choice(TOPICS).split()[:3])
            p = r.choice([f"Escribe un artículo de blog de {r.choice([600, 800, 1000])} palabras optimizado para SEO sobre '{kw}'. Incluye H2, H3 y una meta descripción.",
                          f"Write a {r.choice([600, 800, 1200])}-word SEO blog post about '{kw}' with H2/H3 headings, an FAQ section and a meta description.",
                          f"Genera 10 títulos SEO y 5 meta descripciones para la palabra clave '{kw}'."])
            S.q(a, t, p, 'writing', ip=oip, asn=oasn, otok=int(r.lognormvariate(7.0, 0.3)))
    S.decoy(name, 'content agency: %d client workspaces on one invoice, office IP, SEO article templates (long outputs)' % n, members)
    return members


def decoy_natcrowd(S, name, pool, n):
    """strangers behind one carrier NAT / VPN exit pool (individual behaviour)"""
    r = S.r
    members = []
    for i in range(n):
        cc = pool[1] or r.choice(['US', 'GB', 'DE'])
        a = S.account(S.created_bg(), cc, S.email(cc), plan=r.choice(['free', 'payg']), card=r.random() < 0.6,
                      signup_ip=r.choice(pool[3]), asn=pool[2])
        members.append(a)
        S.human_sessions(a, int(r.lognormvariate(1.8, 1.0)), lang=LANG_OF.get(cc, 'en'),
                         ip_choices=[(x, pool[2]) for x in r.sample(pool[3], 3)])
    S.decoy(name, 'strangers behind one %s pool (%s): %d unrelated individuals' % (pool[0], pool[2], n), members)
    return members


def decoy_cat_plugin(S, name, n):
    """freelance translators using the same CAT-tool plugin: same client string and prompt template, own cards,
    own home IPs, no coordination"""
    r = S.r
    members = []
    for i in range(n):
        c = r.choice(['DE', 'FR', 'ES', 'IT', 'PL', 'BR', 'JP'])
        a = S.account(S.created_bg(), c, S.email(c), plan='payg')
        a['ua'] = 'lingotool-ai-plugin/5.1.2'
        members.append(a)
        tgt = {'DE': 'German', 'FR': 'French', 'ES': 'Spanish', 'IT': 'Italian', 'PL': 'Polish', 'BR': 'Portuguese (Brazil)', 'JP': 'Japanese'}[c]
        for _ in range(int(r.lognormvariate(4.0, 0.8))):
            day = S.start + r.randrange(S.days) * DAY
            t = S.local_time(a, day, 8, 20)
            p = (f"Translate the following segment from English into {tgt}. Respect the glossary and keep tags like <b> intact. "
                 f"Explain briefly any terminology choice you were unsure about.\nGlossary: {words(r, 3)}\nSegment: {para(r, r.randint(1, 3))}")
            S.q(a, t, p, 'translation', otok=int(r.lognormvariate(5.2, 0.5)))
    S.decoy(name, 'CAT-tool plugin users: %d freelance translators, same plugin client string + template, own cards/IPs' % n, members)
    return members


def decoy_households(S, name, nfam):
    """families: 2-4 accounts on one card and one home IP each"""
    r = S.r
    members = []
    for f in range(nfam):
        c = wpick(r, countries_w())
        ip, asn = S.home_ip(c)
        card = S.fp()
        dom = wpick(r, FREEMAIL)
        for i in range(r.randint(2, 4)):
            a = S.account(S.created_bg(), c, S.email(c, dom), plan='payg', pfp=card, signup_ip=ip, asn=asn, add_payment=(i == 0))
            if i:
                S.payments.append((a['id'], card, 'card', c, a['created']))
            members.append(a)
            S.human_sessions(a, int(r.lognormvariate(2.0, 1.0)), lang=LANG_OF.get(c, 'en'), ip_choices=[(ip, asn)])
    S.decoy(name, 'households: %d families, 2-4 accounts each on one card and one home IP' % nfam, members)
    return members


def decoy_tutoring(S, name, n):
    """an online tutoring company: tutors' accounts on one invoice, tutoring platform prompt template asking for
    step-by-step model answers, used during class hours"""
    r = S.r
    inv = S.fp('inv')
    org = 'org-' + ''.join(r.choice(B36) for _ in range(10))
    sub, asn = S.dc_subnet('AS16509')
    members = []
    for i in range(n):
        c = r.choice(['IN', 'IN', 'US', 'PH'] if False else ['IN', 'IN', 'US'])
        a = S.account(S.created_bg(), c, S.email(c, 'brightpath-tutors.com', style=0), plan='team', org=org, pfp=inv, kind='invoice',
                      signup_ip='%s.%d' % (sub, r.randint(2, 254)), asn=asn, add_payment=(i == 0))
        if i:
            S.payments.append((a['id'], inv, 'invoice', 'US', a['created']))
        a['ua'] = 'brightpath-classroom/4.0.7'
        members.append(a)
        for _ in range(int(r.lognormvariate(4.2, 0.6))):
            day = S.start + r.randrange(S.days) * DAY
            t = S.local_time(a, day, 15, 21)
            p = f"Tutor mode. Grade level: {r.randint(6, 12)}. Student's question: {question(r)}\nGive a step-by-step model solution the tutor can walk through, then one similar practice problem."
            S.q(a, t, p, 'education', ip='%s.%d' % (sub, r.randint(2, 254)), asn=asn, otok=int(r.lognormvariate(6.6, 0.4)))
    S.decoy(name, 'tutoring company: %d tutor accounts on one invoice via its platform (one cloud /24), step-by-step model-solution template' % n, members)
    return members


def countries_w():
    return [(c, w) for c, w, _ in COUNTRIES]

# ----------------------------------------------------------------------------- writers

def acct_rows(S):
    for a in S.accounts:
        yield a


def write_accounts_csv(S, path, extra_cols):
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['account_id', 'created_at', 'email', 'org_id', 'country', 'plan', 'status', 'payment_fingerprint', 'signup_ip'] + extra_cols)
        for a in S.accounts:
            w.writerow([a['id'], iso(a['created']), a['email'], a['org'], a['country'], a['plan'], a['status'], a['pfp'], a['signup_ip']] +
                       [a['extra'].get(k, '') for k in extra_cols])


def write_accounts_jsonl_gz(S, path):
    with gzopen(path) as f:
        for i, a in enumerate(S.accounts):
            d = {'account_id': a['id']}
            # created_at in several allowed forms: Z, offset, epoch seconds
            m = i % 3
            d['created_at'] = iso(a['created']) if m == 0 else (iso(a['created'], off_h=a['tz'] if a['tz'] == int(a['tz']) else 0) if m == 1 else int(a['created']))
            if i % 4 == 0:
                d['email_domain'] = a['email'].split('@', 1)[1]
            else:
                d['email'] = a['email']
            for k, col in (('org', 'org_id'), ('country', 'country'), ('plan', 'plan'), ('status', 'status'), ('pfp', 'payment_fingerprint'), ('signup_ip', 'signup_ip')):
                if a[k]:
                    d[col] = a[k]
            d.update(a['extra'])
            f.write(json.dumps(d, ensure_ascii=False) + '\n')


def write_payments_csv(S, path):
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['account_id', 'payment_fingerprint', 'kind', 'bin_country', 'added_at'])
        for aid, pf, kind, bc, t in S.payments:
            w.writerow([aid, pf, kind, bc, iso(t)])


def write_links(S, path):
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['account_a', 'account_b', 'kind', 'weight', 'note'])
        for a, b, k, wt, note in S.links:
            w.writerow([a, b, k, wt, note])


QCOLS = ['ts', 'account_id', 'api_key', 'ip', 'asn', 'user_agent', 'model', 'input_tokens', 'output_tokens', 'category', 'prompt']

def row_dict(row, tsform, rid):
    ts, aid, key, ip, asn, ua, model, it, ot, cat, prompt = row
    d = {'ts': tsform(ts), 'account_id': aid, 'api_key': key, 'ip': ip, 'asn': asn, 'user_agent': ua, 'model': model,
         'input_tokens': it, 'output_tokens': ot, 'category': cat, 'prompt': prompt, 'request_id': rid}
    return d


def gen_links(S):
    r = S.r
    # referrals between random accounts (noise), a few inside companies and households
    ids = [a['id'] for a in S.accounts]
    for _ in range(len(ids) // 60):
        a, b = r.sample(ids, 2)
        S.links.append((a, b, 'referral', 0.2, 'signup referral code'))
    orgs = {}
    for a in S.accounts:
        if a['org']:
            orgs.setdefault(a['org'], []).append(a['id'])
    for org, mem in orgs.items():
        if len(mem) > 1 and r.random() < 0.3:
            S.links.append((mem[0], mem[1], 'same_org_admin', 0.5, 'added by org admin'))


def finish(S, outdir, variant):
    r = S.r
    S.rows.sort(key=lambda x: (x[0], x[1]))
    os.makedirs(outdir, exist_ok=True)
    gen_links(S)
    nq = len(S.rows)
    if variant == 'a':
        write_accounts_csv(S, os.path.join(outdir, 'accounts.csv'), ['promo_code', 'sso', 'department'])
        write_payments_csv(S, os.path.join(outdir, 'payments.csv'))
        write_links(S, os.path.join(outdir, 'links.csv'))
        with gzopen(os.path.join(outdir, 'queries.jsonl.gz')) as f:
            for i, row in enumerate(S.rows):
                f.write(json.dumps(row_dict(row, lambda t: iso(t, frac=True), 'r%08x' % i), ensure_ascii=False) + '\n')
    else:
        write_accounts_jsonl_gz(S, os.path.join(outdir, 'accounts.jsonl.gz'))
        write_payments_csv(S, os.path.join(outdir, 'payments.csv'))
        write_links(S, os.path.join(outdir, 'links.csv'))
        qd = os.path.join(outdir, 'queries')
        os.makedirs(qd, exist_ok=True)
        # split rows in time order into weekly partitions; each has two parts in different formats
        fmts = ['jsonl.gz', 'csv', 'jsonl', 'csv.gz', 'ndjson', 'jsonl']
        tsforms = [lambda t: iso(t, frac=True), lambda t: str(int(t * 1000)), lambda t: iso(t, off_h=2),
                   lambda t: iso(t, frac=True, off_h=-5), lambda t: int(t * 1000), lambda t: iso(t)]
        week = 7 * DAY
        chunks = {}
        for row in S.rows:
            k = int((row[0] - S.start) // week)
            chunks.setdefault(k, []).append(row)
        pi = 0
        for k in sorted(chunks):
            rows = chunks[k]
            dname = 'dt=' + datetime.datetime.utcfromtimestamp(S.start + max(k, 0) * week).strftime('%Y-%m-%d')
            if k < 0:
                dname = 'dt=0000-early'
            os.makedirs(os.path.join(qd, dname), exist_ok=True)
            half = len(rows) // 2
            for part, sl in enumerate((rows[:half], rows[half:])):
                fmt = fmts[pi % len(fmts)]
                tsf = tsforms[pi % len(tsforms)]
                path = os.path.join(qd, dname, 'part-%d.%s' % (part, fmt))
                opener = gzopen if fmt.endswith('.gz') else (lambda p: open(p, 'w', encoding='utf-8', newline=''))
                with opener(path) as f:
                    if fmt.startswith('csv'):
                        w = csv.writer(f)
                        cols = QCOLS[:]
                        cols = cols[1:3] + [cols[0]] + cols[3:] + ['request_id']   # column order is free
                        w.writerow([c.upper() if c == 'model' else c for c in cols])
                        for i, row in enumerate(sl):
                            d = row_dict(row, tsf, 'q%d-%d' % (pi, i))
                            w.writerow([d[c] for c in cols])
                    else:
                        for i, row in enumerate(sl):
                            d = row_dict(row, tsf, 'q%d-%d' % (pi, i))
                            if r.random() < 0.1:
                                d.pop('category')
                            f.write(json.dumps(d, ensure_ascii=(i % 2 == 1)) + '\n')
                pi += 1
    truth = {'accounts': len(S.accounts), 'decoys': S.decoys, 'queries': nq, 'rings': S.rings}
    return truth


# ----------------------------------------------------------------------------- the two sources

def build_13a(out):
    S = Source('13a', 130013, ep(2026, 8, 24), 42)
    pools = carrier_nat(S, 6)
    r = S.r
    ring_metronome(S, 'ring-metronome', 28, 11, (3, 5), set(range(13, 23)), 20, 'qlite-client/0.9.4 (linux; py3.11)')
    ring_chorus(S, 'ring-chorus', 24, 6, 12, ['c1', 'c2'])
    ring_pods(S, 'ring-pods', 5, 8, [('claude-opus-4', 6), ('claude-3-haiku-20240307', 4)])
    ring_reseller(S, 'ring-reseller', 36, 0.8)
    ring_dust(S, 'ring-dust', 170, [p for p in pools if p[0] == 'vpn'])
    ring_edu_mimic(S, 'ring-edu-mimic', 40, ['mail.westbrook.edu', 'student.lakeridge.edu'])
    ring_relay(S, 'ring-relay', 30, (1.0, 2.5))
    ring_paraphrase(S, 'ring-paraphrase', 22, [p for p in pools if p[0] == 'nat'][0], 19)
    decoy_course(S, 'course-1040', 110, 'mail.westbrook.edu', 1, 15, 6)
    decoy_evallab(S, 'eval-lab', 5)
    decoy_enterprise(S, 'enterprise-sso', 60)
    decoy_hackathon(S, 'hackathon', 70)
    decoy_botplatform(S, 'bot-platform', 45, 10, 0.06)
    decoy_agency(S, 'seo-agency', 25)
    decoy_natcrowd(S, 'carrier-nat', [p for p in pools if p[0] == 'nat'][0], 40)
    decoy_households(S, 'households', 40)
    ring_rows = len(S.rows)
    background(S, 15000 - len(S.accounts), 250000 - ring_rows, pools)
    return S, finish(S, os.path.join(out, '13a'), 'a')


def build_13b(out):
    S = Source('13b', 13130013, ep(2026, 9, 7), 56)
    pools = carrier_nat(S, 9)
    ring_metronome(S, 'ring-metronome', 40, 7, (2, 4), set(range(0, 24)) - {5, 6, 7}, 30, 'harvestkit/2.3.1')
    ring_chorus(S, 'ring-chorus', 32, 8, 10, ['c1', 'c2', 'c3'])
    ring_pods(S, 'ring-pods', 7, 9, [('claude-3-opus-20240229', 5), ('claude-3-5-haiku-20241022', 5)])
    ring_reseller(S, 'ring-reseller', 55, 0.7)
    ring_dust(S, 'ring-dust', 200, [p for p in pools if p[0] == 'vpn'])
    ring_edu_mimic(S, 'ring-edu-mimic', 50, ['my.stonehaven.edu', 'students.pinemont.edu', 'mail.westfield.edu'])
    ring_relay(S, 'ring-relay', 45, (0.7, 2.0))
    ring_paraphrase(S, 'ring-paraphrase', 30, [p for p in pools if p[0] == 'nat'][3], 1)
    ring_wrapper(S, 'ring-studypal', 18)
    decoy_course(S, 'course-1040', 150, 'my.stonehaven.edu', 2, 14, 8)
    decoy_course(S, 'course-nihongo', 40, 'kokusai-gakuin.ac.jp', 3, 1, 8, lang='ja')
    decoy_evallab(S, 'eval-lab', 7)
    decoy_enterprise(S, 'enterprise-sso', 90)
    decoy_hackathon(S, 'hackathon', 90)
    decoy_botplatform(S, 'bot-platform', 60, 5, 0.03)
    decoy_agency(S, 'seo-agency', 30)
    decoy_cat_plugin(S, 'cat-plugin', 35)
    decoy_tutoring(S, 'tutoring-co', 30)
    decoy_natcrowd(S, 'carrier-nat', [p for p in pools if p[0] == 'nat'][3], 60)
    decoy_natcrowd(S, 'vpn-exit', [p for p in pools if p[0] == 'vpn'][0], 50)
    decoy_households(S, 'households', 60)
    ring_rows = len(S.rows)
    background(S, 30000 - len(S.accounts), 500000 - ring_rows, pools)
    return S, finish(S, os.path.join(out, '13b'), 'b')


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    which = sys.argv[2:] or ['13a', '13b']
    for name, fn in (('13a', build_13a), ('13b', build_13b)):
        if name not in which:
            continue
        S, truth = fn(out)
        with open(os.path.join(out, name + '.truth.json'), 'w') as f:
            json.dump(truth, f, indent=2, sort_keys=True)
        rowsby = {}
        for row in S.rows:
            rowsby[row[1]] = rowsby.get(row[1], 0) + 1
        print(f"{name}: {truth['accounts']} accounts, {truth['queries']} queries, {len(S.payments)} payments, {len(S.links)} links")
        for grp in truth['rings'] + truth['decoys']:
            q = sum(rowsby.get(a, 0) for a in grp['accounts'])
            print(f"  {grp['name']:18s} {len(grp['accounts']):4d} accts {q:7d} queries  {grp.get('style') or grp.get('kind')}")


if __name__ == '__main__':
    main()
