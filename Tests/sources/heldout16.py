#!/usr/bin/env python3
"""Held-out source 16: a simulated API account + query log export with planted
distillation operations and innocent look-alikes.  Stdlib only, seeded, deterministic.

usage: gen.py OUT_ROOT [a|b|both]
writes OUT_ROOT/16a/, OUT_ROOT/16a.truth.json, OUT_ROOT/16b/, OUT_ROOT/16b.truth.json
"""
import csv, gzip, hashlib, io, json, math, os, random, sys, time
from datetime import datetime, timezone, timedelta

UTC = timezone.utc
DAY = 86400_000
HOUR = 3600_000
MIN = 60_000
SEC = 1000

# --------------------------------------------------------------------------- vocab

COUNTRIES = {  # code: (utc offset hours, languages, weight)
    'US': (-5, ['en'], 22), 'GB': (0, ['en'], 6), 'CA': (-5, ['en', 'fr'], 3), 'AU': (10, ['en'], 2),
    'IN': (5.5, ['en', 'hi'], 9), 'DE': (1, ['de', 'en'], 5), 'FR': (1, ['fr'], 4), 'ES': (1, ['es'], 3),
    'MX': (-6, ['es'], 3), 'BR': (-3, ['pt'], 5), 'JP': (9, ['ja'], 4), 'KR': (9, ['ko'], 3),
    'CN': (8, ['zh'], 2), 'TW': (8, ['zh'], 1), 'RU': (3, ['ru'], 2), 'TR': (3, ['tr'], 2),
    'PH': (8, ['en'], 2), 'KE': (3, ['en'], 1), 'NG': (1, ['en'], 2), 'ID': (7, ['en'], 2),
    'VN': (7, ['en'], 1), 'PL': (1, ['en'], 1), 'NL': (1, ['en'], 1), 'IT': (1, ['it', 'en'], 2),
    'AR': (-3, ['es'], 1), 'EG': (2, ['ar', 'en'], 1), 'UA': (2, ['ru', 'en'], 1),
}
FREEMAIL = {'en': ['gmail.com'] * 8 + ['outlook.com', 'yahoo.com', 'hotmail.com', 'icloud.com', 'proton.me', 'aol.com'],
            'de': ['gmx.de', 'web.de', 'gmail.com', 't-online.de'], 'fr': ['orange.fr', 'gmail.com', 'free.fr', 'laposte.net'],
            'es': ['gmail.com', 'hotmail.es', 'yahoo.es', 'outlook.es'], 'pt': ['gmail.com', 'uol.com.br', 'bol.com.br', 'hotmail.com'],
            'ja': ['gmail.com', 'yahoo.co.jp', 'docomo.ne.jp'], 'ko': ['naver.com', 'daum.net', 'gmail.com'],
            'zh': ['qq.com', '163.com', 'gmail.com', '126.com'], 'ru': ['mail.ru', 'yandex.ru', 'gmail.com', 'rambler.ru'],
            'tr': ['gmail.com', 'hotmail.com', 'yandex.com.tr'], 'hi': ['gmail.com', 'rediffmail.com', 'yahoo.in'],
            'it': ['gmail.com', 'libero.it', 'virgilio.it'], 'ar': ['gmail.com', 'hotmail.com', 'yahoo.com']}
FIRST = ['alex', 'maria', 'john', 'wei', 'yuki', 'priya', 'omar', 'lena', 'carlos', 'anna', 'dmitri', 'sofia', 'minji', 'ahmet',
         'lucas', 'fatima', 'kenji', 'olga', 'raj', 'emma', 'noah', 'chen', 'ines', 'tomas', 'aisha', 'pierre', 'jonas', 'mei',
         'diego', 'sara', 'ivan', 'hana', 'ali', 'julia', 'marco', 'nadia', 'sam', 'leo', 'zoe', 'kofi', 'thanh', 'budi', 'ana']
LAST = ['smith', 'garcia', 'mueller', 'wang', 'tanaka', 'patel', 'hassan', 'novak', 'silva', 'kim', 'ivanov', 'rossi', 'dubois',
        'yilmaz', 'nguyen', 'okafor', 'santos', 'kowalski', 'jensen', 'lee', 'brown', 'sato', 'singh', 'lopez', 'petrov', 'ali']
WORDS = ['nova', 'river', 'pixel', 'cedar', 'quant', 'orbit', 'maple', 'vertex', 'harbor', 'summit', 'atlas', 'ember', 'lumen',
         'delta', 'prairie', 'granite', 'signal', 'copper', 'willow', 'beacon', 'forge', 'tidal', 'aurora', 'basalt', 'kite',
         'meadow', 'onyx', 'polar', 'quill', 'ripple', 'sable', 'tundra', 'umber', 'vista', 'zephyr', 'north', 'blue', 'iron']
TLD = ['com', 'io', 'ai', 'co', 'net', 'de', 'fr', 'co.uk', 'com.br', 'jp', 'in', 'es']
COMMON_UA = ['sdk-python/2.3.1', 'sdk-python/2.2.0', 'sdk-python/2.3.0', 'sdk-node/4.12.0', 'sdk-node/4.11.2',
             'python-httpx/0.27.0', 'python-requests/2.31.0', 'curl/8.5.0', 'Go-http-client/2.0', 'okhttp/4.12.0',
             'axios/1.6.7', 'node-fetch/3.3.2', 'LangChain/0.2.11 (python)', 'llama-index/0.10.43', 'sdk-java/1.4.0',
             'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
             'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
             'Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0']
UA_W = [14, 5, 4, 8, 3, 6, 6, 3, 3, 2, 2, 1, 3, 1, 1, 6, 4, 2]
BROWSERS = COMMON_UA[-3:]
MODELS = ['atlas-2-medium', 'atlas-2-large', 'atlas-2-small', 'atlas-2-reasoner', 'atlas-1-large', 'atlas-2-vision']
BG_MODEL_W = [48, 22, 20, 6, 2, 2]
CLOUD = [('AS16509', 'aws'), ('AS15169', 'gcp'), ('AS8075', 'azure'), ('AS14061', 'digitalocean'), ('AS24940', 'hetzner'),
         ('AS16276', 'ovh'), ('AS63949', 'linode'), ('AS20473', 'vultr')]


def pick_w(rng, items, weights):
    return rng.choices(items, weights)[0]


# --------------------------------------------------------------------------- network world

class Net:
    def __init__(self, rng):
        self.rng = rng
        used = set()
        def block():
            while True:
                a = rng.randint(2, 223)
                if a in (10, 100, 127, 169, 172, 192, 198, 203):
                    continue
                b = rng.randint(0, 255)
                if (a, b) not in used:
                    used.add((a, b)); return (a, b)
        self.isp = {}  # country -> list of (asn, [(a,b)])
        asn_used = set()
        def asn():
            while True:
                n = rng.choice([rng.randint(1000, 9999), rng.randint(10000, 65000), rng.randint(131072, 212000)])
                if n not in asn_used:
                    asn_used.add(n); return 'AS%d' % n
        for c in COUNTRIES:
            self.isp[c] = [(asn(), [block() for _ in range(rng.randint(1, 3))]) for _ in range(rng.randint(2, 4))]
        self.carrier = {}  # country -> list of (asn, [exit ips])   mobile CGNAT exits
        for c in COUNTRIES:
            a = asn(); bl = block()
            self.carrier[c] = (a, ['%d.%d.%d.%d' % (bl[0], bl[1], rng.randint(0, 255), rng.randint(1, 254)) for _ in range(rng.randint(6, 20))])
        self.vpn = []
        for _ in range(6):
            a = asn(); bl = block()
            self.vpn.append((a, ['%d.%d.%d.%d' % (bl[0], bl[1], rng.randint(0, 255), rng.randint(1, 254)) for _ in range(25)]))
        self.cloud = {}
        for a, name in CLOUD:
            self.cloud[a] = [block() for _ in range(6)]
        self.asn = asn
        self.block = block

    def home(self, country):
        rng = self.rng
        a, bls = rng.choice(self.isp[country])
        bl = rng.choice(bls)
        return '%d.%d.%d.%d' % (bl[0], bl[1], rng.randint(0, 255), rng.randint(2, 254)), a

    def cloud_ip(self, asn=None):
        rng = self.rng
        if asn is None:
            asn = pick_w(rng, [c[0] for c in CLOUD], [30, 14, 12, 10, 8, 6, 4, 4])
        bl = rng.choice(self.cloud[asn])
        return '%d.%d.%d.%d' % (bl[0], bl[1], rng.randint(0, 255), rng.randint(2, 254)), asn

    def cloud_24(self, asn):
        bl = self.rng.choice(self.cloud[asn])
        return '%d.%d.%d' % (bl[0], bl[1], self.rng.randint(0, 255))

    def mobile(self, country):
        a, ips = self.carrier[country]
        return self.rng.choice(ips), a

    def vpnip(self):
        a, ips = self.rng.choice(self.vpn)
        return self.rng.choice(ips), a


# --------------------------------------------------------------------------- prompts

EN_TOPICS = ['photosynthesis', 'the French Revolution', 'compound interest', 'black holes', 'the Krebs cycle', 'TCP handshakes',
             'supply and demand', 'plate tectonics', 'vaccines', 'the Roman Empire', 'machine learning', 'inflation',
             'climate change', 'the stock market', 'quantum entanglement', 'the immune system', 'blockchain', 'jazz history',
             'the water cycle', 'GDPR', 'sourdough fermentation', 'electric cars', 'the Cold War', 'CRISPR', 'sleep cycles']
LANGS_CODE = ['Python', 'JavaScript', 'TypeScript', 'Go', 'Rust', 'Java', 'C#', 'SQL', 'Bash', 'Kotlin', 'Swift', 'PHP']
CODE_TASKS = ['parse a CSV file and sum a column', 'debounce a function', 'read a JSON config with defaults', 'retry an HTTP call with backoff',
              'find duplicate rows in a table', 'resize images in a folder', 'validate an email address', 'merge two sorted lists',
              'paginate an API response', 'convert timestamps between time zones', 'deduplicate a list while keeping order',
              'write a unit test for a date parser', 'stream a large file line by line', 'implement an LRU cache']
ERRORS = ['TypeError: Cannot read properties of undefined', 'KeyError: \'id\'', 'segmentation fault (core dumped)',
          'ModuleNotFoundError: No module named \'numpy\'', 'error[E0502]: cannot borrow as mutable', 'NullPointerException',
          'CORS policy: No \'Access-Control-Allow-Origin\' header', 'deadlock detected', 'ECONNRESET', 'IndentationError']
PLACES = ['Lisbon', 'Kyoto', 'Mexico City', 'Cape Town', 'Reykjavik', 'Hanoi', 'Prague', 'Buenos Aires', 'Istanbul', 'Vancouver',
          'Marrakesh', 'Seoul', 'Edinburgh', 'Bali', 'Oaxaca', 'Tbilisi']
FOODS = ['chicken', 'lentils', 'tofu', 'salmon', 'chickpeas', 'mushrooms', 'eggplant', 'beef', 'spinach', 'rice', 'pasta']
PEOPLE = ['my landlord', 'a client', 'my manager', 'a recruiter', 'my professor', 'a supplier', 'the HOA', 'a customer', 'my team']

EN_T = {
    'coding': ['Write a {lang} function to {task}.', 'How do I {task} in {lang}? Keep it short.',
               'I get this error in my {lang} code: {err}. What does it mean and how do I fix it?',
               'Refactor this {lang} snippet to be more readable:\n\n{code}', 'Explain what this code does:\n{code}',
               'Can you review my {lang} code for bugs?\n```\n{code}\n```', 'what is the difference between {lang} and {lang2} for backend work'],
    'writing': ['Write a polite email to {person} asking for {thing}.', 'Rewrite this paragraph to sound more professional: {para}',
                'Give me 5 title ideas for a blog post about {topic}.', 'Proofread: {para}', 'Make this shorter: {para}',
                'Write a LinkedIn post announcing {thing}.', 'Draft a cover letter for a {job} position. I have {n} years experience.'],
    'qa': ['Explain {topic} like I am 12.', 'What are the pros and cons of {topic}?', 'Summarize the main ideas of {topic} in 5 bullets.',
           'Is it true that {claim}?', 'why is {topic} important', 'Give me a short history of {topic}.', 'tell me about {topic}'],
    'life': ['Plan a {n}-day trip to {place} on a budget.', 'What can I cook with {food} and {food2}?', 'Suggest a weekly workout plan for a beginner.',
             'Give me a recipe for {food} that takes under 30 minutes.', 'How do I ask {person} for a raise?', 'gift ideas for my {rel} who likes {hobby}'],
    'math': ['Solve for x: {a}x + {b} = {c}', 'What is {a}% of {c}?', 'Explain how to compute the derivative of x^{a} * sin(x).',
             'A train leaves at {h}:00 going {a} km/h. Another leaves an hour later at {c} km/h. When does it catch up? Explain step by step.',
             'Can you explain step by step how to find the area of a triangle with sides {a}, {b}, {a2}?', 'simplify ({a}x^2 + {b}x) / x'],
    'business': ['Write a product description for {product}.', 'Create a SWOT analysis for a {biz} in {place}.',
                 'Summarize this customer feedback into themes: {para}', 'Draft an agenda for a 30 minute meeting about {thing}.',
                 'What KPIs should a {biz} track?', 'Write a job posting for a {job}.'],
    'data': ['Extract the names and dates from this text as JSON: {para}', 'Classify the sentiment of: "{review}"',
             'Convert this to a markdown table: {csvline}', 'Write a SQL query that returns {sqltask}.', 'Write a regex that matches {regex}.'],
    'creative': ['Write a short poem about {topic}.', 'Write a bedtime story about a {animal} who learns {lesson}.',
                 'Give me a D&D encounter for level {n} players in a {setting}.', 'Continue this story: {para}', 'write a haiku about {place}'],
}
FILL = {
    'thing': ['an extension on the deadline', 'a refund', 'feedback on my proposal', 'a meeting next week', 'our new product launch',
              'a reference letter', 'time off in December', 'the updated invoice'],
    'para': ['we was going to the meeting but it got cancel and nobody told us so we waited there for one hour',
             'Our quarterly revenue increased due to strong demand in the APAC region, although costs also rose.',
             'The app keeps crashing when I upload photos, support never answers, and the new update made everything slower.',
             'She opened the door and the hallway was darker than she remembered. Somewhere a clock was ticking.',
             'Meeting on 12 March with Dr. Alvarez; follow-up scheduled 3 April with the Lisbon office.',
             'I think the proposal is good but the budget section needs more detail and the timeline is too optimistic.'],
    'job': ['data analyst', 'nurse', 'backend engineer', 'marketing coordinator', 'teacher', 'accountant', 'UX designer', 'sales rep'],
    'claim': ['we only use 10% of our brains', 'goldfish have a 3 second memory', 'lightning never strikes twice', 'bulls hate red'],
    'rel': ['dad', 'sister', 'girlfriend', 'boss', 'grandma', 'friend'], 'hobby': ['gardening', 'chess', 'hiking', 'vinyl', 'baking', 'anime'],
    'product': ['a bamboo toothbrush', 'noise-cancelling headphones', 'a standing desk', 'handmade soap', 'a budgeting app'],
    'biz': ['coffee shop', 'bike repair shop', 'SaaS startup', 'dental clinic', 'bakery', 'online bookstore'],
    'review': ['Arrived late and the box was crushed.', 'Absolutely love it, works perfectly!', 'It is ok I guess, nothing special.'],
    'csvline': ['name,age,city; Ana,31,Porto; Ben,45,Leeds', 'sku,qty; A1,4; B7,12; C3,0'],
    'sqltask': ['the top 10 customers by revenue last month', 'users who signed up but never ordered', 'daily active users per country'],
    'regex': ['UK postcodes', 'ISO dates', 'hex colours', 'US phone numbers', 'semantic version strings'],
    'animal': ['fox', 'turtle', 'dragon', 'owl', 'robot', 'hedgehog'], 'lesson': ['patience', 'to share', 'to ask for help', 'courage'],
    'setting': ['swamp', 'abandoned mine', 'desert city', 'haunted library'],
    'code': ['for i in range(len(a)):\n    if a[i] == x: return i', 'const r = arr.map(x => x*2).filter(x => x > 3)',
             'SELECT * FROM orders o JOIN users u ON u.id = o.user_id WHERE o.total > 100', 'func f(m map[string]int) { for k := range m { delete(m, k) } }'],
}
FOREIGN = {
    'es': ['¿Puedes explicarme {t} de forma sencilla?', 'Escribe un correo formal para pedir {x}.', 'Dame una receta fácil con {f}.',
           'Resume este texto en tres frases: {p}', 'Traduce al inglés: "{p}"', '¿Cuáles son las ventajas de estudiar {t}?'],
    'de': ['Kannst du mir {t} einfach erklären?', 'Schreib eine kurze E-Mail an meinen Vermieter wegen {x}.', 'Fasse diesen Text zusammen: {p}',
           'Übersetze ins Englische: "{p}"', 'Wie schreibe ich eine Bewerbung als {j}?', 'Was ist der Unterschied zwischen {t} und {t2}?'],
    'fr': ['Explique-moi {t} simplement.', 'Rédige un e-mail pour demander {x}.', 'Résume ce texte : {p}', 'Traduis en anglais : « {p} »',
           'Donne-moi des idées de dîner avec {f}.', 'Quels sont les avantages et inconvénients de {t} ?'],
    'pt': ['Me explica {t} de um jeito simples.', 'Escreva um e-mail pedindo {x}.', 'Resuma este texto: {p}', 'Traduza para o inglês: "{p}"',
           'Me dá uma receita com {f}.', 'Quais são os prós e contras de {t}?'],
    'ja': ['{t}について簡単に説明してください。', '次の文章を要約してください：{p}', '上司に{x}をお願いするメールを書いてください。',
           '{f}を使った簡単なレシピを教えて。', '次の文を英語に翻訳してください：「{p}」', '{t}のメリットとデメリットは？'],
    'zh': ['请用简单的话解释{t}。', '帮我写一封邮件，请求{x}。', '总结一下这段文字：{p}', '把这句话翻译成英文：“{p}”', '用{f}能做什么菜？', '{t}有哪些优缺点？'],
    'ru': ['Объясни простыми словами, что такое {t}.', 'Напиши письмо с просьбой о {x}.', 'Кратко перескажи текст: {p}',
           'Переведи на английский: «{p}»', 'Что приготовить из {f}?', 'Какие плюсы и минусы у {t}?'],
    'ko': ['{t}에 대해 쉽게 설명해 주세요.', '{x}을(를) 요청하는 이메일을 써 주세요.', '이 글을 요약해 주세요: {p}', '영어로 번역해 주세요: "{p}"', '{f}로 만들 수 있는 요리 추천해 줘.'],
    'tr': ['{t} konusunu basitçe açıklar mısın?', '{x} istemek için resmi bir e-posta yaz.', 'Bu metni özetle: {p}', 'İngilizceye çevir: "{p}"'],
    'hi': ['{t} को आसान भाषा में समझाइए।', '{x} के लिए एक ईमेल लिखिए।', 'इस पाठ का सारांश दीजिए: {p}', 'अंग्रेज़ी में अनुवाद करें: "{p}"'],
    'it': ['Spiegami {t} in modo semplice.', 'Scrivi una email per chiedere {x}.', 'Riassumi questo testo: {p}', 'Traduci in inglese: "{p}"'],
    'ar': ['اشرح لي {t} بطريقة بسيطة.', 'اكتب بريدًا إلكترونيًا لطلب {x}.', 'لخّص هذا النص: {p}', 'ترجم إلى الإنجليزية: "{p}"'],
}
FOREIGN_FILL = {
    'es': dict(t=['la fotosíntesis', 'la inflación', 'el aprendizaje automático', 'la Revolución Francesa', 'los agujeros negros'],
               x=['un reembolso', 'más plazo', 'una reunión'], f=['pollo', 'lentejas', 'arroz'], p=['El proyecto se retrasó dos semanas por falta de personal y el cliente está molesto.']),
    'de': dict(t=['Photosynthese', 'Inflation', 'maschinelles Lernen', 'Zinseszins', 'Quantenverschränkung'],
               x=['der Heizung', 'der Nebenkosten', 'des Schimmels'], j=['Krankenpfleger', 'Entwickler', 'Lehrerin'], p=['Die Lieferung kam zu spät und die Verpackung war beschädigt.']),
    'fr': dict(t=['la photosynthèse', "l'inflation", "l'apprentissage automatique", 'la Révolution française'], x=['un remboursement', 'un délai', 'un rendez-vous'],
               f=['poulet', 'lentilles', 'courgettes'], p=['Le train avait deux heures de retard et personne ne nous a informés.']),
    'pt': dict(t=['a fotossíntese', 'a inflação', 'o aprendizado de máquina', 'juros compostos'], x=['um reembolso', 'mais prazo', 'uma reunião'],
               f=['frango', 'feijão', 'mandioca'], p=['A entrega atrasou e o produto veio com defeito.']),
    'ja': dict(t=['光合成', 'インフレ', '機械学習', '量子もつれ', '複利'], x=['休暇', '締め切りの延長', '打ち合わせ'], f=['鶏肉', '豆腐', 'なす'],
               p=['会議は来週の火曜日に延期されました。資料の準備をお願いします。']),
    'zh': dict(t=['光合作用', '通货膨胀', '机器学习', '量子纠缠', '复利'], x=['退款', '延期', '开会'], f=['鸡肉', '豆腐', '土豆'], p=['项目进度比预期慢了两周，客户很不满意。']),
    'ru': dict(t=['фотосинтез', 'инфляция', 'машинное обучение', 'сложные проценты'], x=['возврате денег', 'переносе срока', 'встрече'],
               f=['курицы', 'гречки', 'картошки'], p=['Поставка задержалась на неделю, и клиент недоволен.']),
    'ko': dict(t=['광합성', '인플레이션', '머신러닝', '복리'], x=['환불', '마감 연장', '회의'], f=['닭고기', '두부', '김치'], p=['회의가 다음 주 화요일로 연기되었습니다.']),
    'tr': dict(t=['fotosentez', 'enflasyon', 'makine öğrenmesi'], x=['iade', 'süre uzatımı', 'toplantı'], p=['Teslimat gecikti ve ürün hasarlı geldi.']),
    'hi': dict(t=['प्रकाश संश्लेषण', 'महंगाई', 'मशीन लर्निंग'], x=['छुट्टी', 'रिफंड', 'बैठक'], p=['परियोजना दो सप्ताह देरी से चल रही है।']),
    'it': dict(t=['la fotosintesi', "l'inflazione", "l'apprendimento automatico"], x=['un rimborso', 'una proroga', 'un appuntamento'], p=['La consegna è arrivata in ritardo e il pacco era rotto.']),
    'ar': dict(t=['التمثيل الضوئي', 'التضخم', 'تعلم الآلة'], x=['استرداد المبلغ', 'تمديد الموعد', 'اجتماع'], p=['تأخر المشروع أسبوعين والعميل غير راضٍ.']),
}
CAT_OF = {'coding': 'coding', 'writing': 'writing', 'qa': 'qa', 'life': 'other', 'math': 'math', 'business': 'business',
          'data': 'coding', 'creative': 'creative'}


class Fmt(dict):
    def __init__(self, rng, extra=None):
        self.rng = rng; self.extra = extra or {}
    def __missing__(self, k):
        r = self.rng
        if k in self.extra: return r.choice(self.extra[k])
        if k in ('topic', 'topic2'): return r.choice(EN_TOPICS)
        if k in ('lang', 'lang2'): return r.choice(LANGS_CODE)
        if k == 'task': return r.choice(CODE_TASKS)
        if k == 'err': return r.choice(ERRORS)
        if k == 'place': return r.choice(PLACES)
        if k in ('food', 'food2'): return r.choice(FOODS)
        if k == 'person': return r.choice(PEOPLE)
        if k in ('n',): return str(r.randint(2, 12))
        if k in ('a', 'b', 'a2'): return str(r.randint(2, 60))
        if k == 'c': return str(r.randint(10, 900))
        if k == 'h': return str(r.randint(6, 11))
        if k in FILL: return r.choice(FILL[k])
        if k in ('t', 't2'): return r.choice(EN_TOPICS)
        return k


def bg_prompt(rng, lang):
    """returns (prompt, category)"""
    if lang == 'en' or rng.random() < 0.12:
        kind = pick_w(rng, list(EN_T), [24, 18, 16, 10, 8, 8, 8, 8])
        p = rng.choice(EN_T[kind]).format_map(Fmt(rng))
        r = rng.random()
        if r < 0.15: p = p.lower()
        elif r < 0.22: p = p + ' ' + rng.choice(['Thanks!', 'pls', 'Be concise.', 'Use bullet points.', 'In simple terms.', ':)'])
        return p, CAT_OF[kind]
    p = rng.choice(FOREIGN[lang]).format_map(Fmt(rng, FOREIGN_FILL[lang]))
    if rng.random() < 0.05:
        p += ' 🙏'
    return p, rng.choice(['qa', 'writing', 'translation', 'other'])


# ---- distillation question bank (what rings feed through their wrappers)
SCI = ['why the sky appears blue', 'how a transistor amplifies current', 'why ice floats on water', 'how mRNA vaccines train immunity',
       'why the Moon shows phases', 'how a heat pump moves heat uphill', 'what limits the speed of a CPU clock', 'how enzymes lower activation energy',
       'why compound interest grows exponentially', 'how GPS computes position', 'why metals conduct electricity', 'how a bloom filter works',
       'why antibiotics do not work on viruses', 'how public-key cryptography allows signatures', 'why rainbows are curved']
LOGIC = ['Three boxes are labelled apples, oranges and mixed, all wrongly. You may draw one fruit from one box. How do you relabel them?',
         'A bat and a ball cost {p1} in total. The bat costs {p2} more than the ball. How much is the ball?',
         'If it takes {k} machines {k} minutes to make {k} widgets, how long would {m} machines take to make {m} widgets?',
         'Five people shake hands once with each other person. How many handshakes happen? Generalise to {m} people.',
         'A snail climbs {k} metres by day and slips {j} metres by night in a {m} metre well. On which day does it get out?']
CODEQ = ['Implement {algo} in {lang} and analyse its time complexity.', 'Find the bug: a binary search in {lang} that loops forever when the target is missing.',
         'Write {lang} code that {task}, and explain each design decision.', 'Prove that {algo} terminates and is correct.']
ALGOS = ['Dijkstra\'s algorithm', 'quicksort with median-of-three', 'a trie with deletion', 'union-find with path compression', 'the KMP string search',
         'topological sort', 'a min-heap', 'Floyd cycle detection', 'the edit distance DP', 'reservoir sampling']


def question(rng):
    r = rng.random()
    if r < 0.35:
        a, b, c = rng.randint(2, 99), rng.randint(2, 99), rng.randint(100, 9999)
        return rng.choice([
            'A shop sells pens at {a} cents and notebooks at {b} cents. Mia spends exactly {c} cents on {n} items. How many of each did she buy?',
            'The sum of two numbers is {c} and their difference is {a}. Find both numbers.',
            'A tank fills in {a} hours through pipe A and empties in {b} hours through pipe B. With both open, how long to fill it?',
            'Find all integer solutions of {a}x + {b}y = {c}.',
            'What is the remainder when {a}^{b} is divided by {n}?',
            'A rectangle has perimeter {c} and area {ab}. What are its sides?',
            'How many ways can {n} people sit at a round table if two of them refuse to sit together?',
            'Compute the probability of getting at least {k} heads in {n} fair coin tosses.']).format(
            a=a, b=b, c=c, n=rng.randint(5, 19), ab=a * b, k=rng.randint(2, 5)), 'math'
    if r < 0.55:
        return 'Explain ' + rng.choice(SCI) + '.', 'qa'
    if r < 0.7:
        k = rng.randint(3, 9)
        return rng.choice(LOGIC).format(p1='$%d.%02d' % (rng.randint(1, 3), rng.choice([10, 20, 50])), p2='$%d.00' % rng.randint(1, 2),
                                        k=k, m=rng.randint(10, 120), j=rng.randint(1, k - 1)), 'reasoning'
    return rng.choice(CODEQ).format(algo=rng.choice(ALGOS), lang=rng.choice(LANGS_CODE), task=rng.choice(CODE_TASKS)), 'coding'


def fp(s):
    # upstream redaction keeps a fingerprint of the prompt normalised the way the platform's dedup does it:
    # lower case, runs of digits folded to one 0, whitespace collapsed
    import re
    n = ' '.join(re.sub(r'[0-9]+', '0', s.lower()).split())
    return hashlib.sha256(n.encode('utf-8', 'surrogatepass')).hexdigest()[:20]


# --------------------------------------------------------------------------- world builder

class World:
    def __init__(self, seed, t0, days, scale):
        self.rng = random.Random(seed)
        self.seed = seed
        self.t0 = t0
        self.days = days
        self.t1 = t0 + days * DAY
        self.scale = scale
        self.net = Net(self.rng)
        self.accounts = []      # dicts
        self.payments = []      # (acct, fp, kind, bin_country, added_at_ms)
        self.links = []
        self.rows = []          # tuples
        self.ids = set()
        self.rings = []
        self.decoys = []
        self.uid = 0

    # ---- ids
    def new_id(self):
        r = self.rng
        while True:
            i = 'c%s-%s' % (''.join(r.choice('0123456789abcdefghjkmnpqrstvwxyz') for _ in range(4)),
                            ''.join(r.choice('0123456789abcdefghjkmnpqrstvwxyz') for _ in range(6)))
            if i not in self.ids:
                self.ids.add(i); return i

    def card(self, kind='card'):
        return ('pm_' if kind == 'card' else ('inv_' if kind == 'invoice' else 'px_')) + '%016x' % self.rng.getrandbits(64)

    def email(self, lang, domain=None, local=None):
        r = self.rng
        if local is None:
            f, l = r.choice(FIRST), r.choice(LAST)
            local = r.choice(['%s.%s' % (f, l), '%s%s' % (f, l), '%s_%s%d' % (f, l[:3], r.randint(1, 99)), '%s%d' % (f, r.randint(70, 2009)),
                              '%s.%s%d' % (f[0], l, r.randint(1, 9)), r.choice(WORDS) + r.choice(WORDS) + str(r.randint(1, 999))])
        if domain is None:
            domain = r.choice(FREEMAIL.get(lang, FREEMAIL['en']))
        return '%s@%s' % (local, domain)

    def add_account(self, created, email, country, plan='free', status='active', org=None, pay=None, pay_kind='card',
                    signup_ip=None, extra=None, tz=None, lang=None):
        a = dict(account_id=self.new_id(), created_at=int(created), email=email, country=country, plan=plan, status=status,
                 org_id=org or '', payment_fingerprint=pay or '', signup_ip=signup_ip or '', extra=extra or {})
        a['tz'] = COUNTRIES[country][0] if tz is None else tz
        a['lang'] = lang or self.rng.choice(COUNTRIES[country][1])
        a['key'] = 'key-%s%s' % ('%08x' % self.rng.getrandbits(32), '*' * 6)
        a['idx'] = len(self.accounts)
        self.accounts.append(a)
        if pay:
            self.payments.append((a['account_id'], pay, pay_kind, country if pay_kind == 'card' else '', int(created) + self.rng.randint(0, 3 * DAY)))
        return a

    def q(self, a, ts, ip, asn, ua, model, tin, tout, cat, prompt, redact=False, key=None):
        ts = int(ts)
        if ts % 1000 == 0:  # API logs carry milliseconds
            ts += self.rng.randint(0, 999)
        if ts < self.t0 or ts >= self.t1 or ts < a['created_at']:
            return
        if redact:
            self.rows.append((int(ts), a['idx'], ip, asn, ua, model, tin, tout, cat, None, fp(prompt), key or a['key']))
        else:
            self.rows.append((int(ts), a['idx'], ip, asn, ua, model, tin, tout, cat, prompt, None, key or a['key']))

    # ---- time helpers
    def created_past(self, years_back_max=6.0, min_days=1):
        r = self.rng
        back = min(years_back_max * 365, r.expovariate(1 / 500.0) + min_days)
        return self.t0 - int(back * DAY) - r.randint(0, DAY)

    def local_hour_ts(self, day, tz, hour_float):
        """ms timestamp of local time hour_float on day index day (relative to t0)."""
        return self.t0 + day * DAY + int((hour_float - tz) * HOUR)

    def human_hour(self, night_owl=False):
        r = self.rng
        if night_owl:
            return (r.gauss(23, 2.5)) % 24
        return pick_w(r, [r.gauss(10.5, 1.5), r.gauss(15, 2), r.gauss(21, 1.8)], [4, 5, 4]) % 24

    def tokens(self, prompt, kind='bg'):
        r = self.rng
        tin = max(5, int(len(prompt) / 3.7) + r.randint(0, 40))
        if kind == 'bg':
            tout = int(min(4000, r.lognormvariate(5.3, 0.8)))
        elif kind == 'distill':
            tout = int(min(8000, r.lognormvariate(7.0, 0.35)))
        else:
            tout = int(min(6000, r.lognormvariate(6.2, 0.5)))
        if r.random() < 0.3:
            tin += r.randint(50, 1500)  # system prompt / context
        return tin, max(1, tout)

    def model(self, weights=BG_MODEL_W):
        return pick_w(self.rng, MODELS, weights)


# --------------------------------------------------------------------------- background population

def background(w, n_accounts, target_rows):
    r = w.rng
    ctry = list(COUNTRIES); cw = [COUNTRIES[c][2] for c in ctry]
    members = []  # (account, profile)
    # companies: org with invoice, office /24, service ua
    n_comp = int(n_accounts * 0.012)
    comp_left = int(n_accounts * 0.16)
    companies = []
    for i in range(n_comp):
        c = pick_w(r, ctry, cw)
        dom = '%s%s.%s' % (r.choice(WORDS), r.choice(['labs', 'soft', 'works', 'health', 'pay', 'ly', 'hq', 'data', 'go', '']), r.choice(TLD))
        inv = w.card('invoice') if r.random() < 0.6 else None
        if r.random() < 0.5:
            o24 = '%d.%d.%d' % (w.net.block() + (r.randint(0, 255),)); oasn = r.choice(w.net.isp[c])[0]
        else:
            cip, oasn = w.net.cloud_ip(); o24 = cip.rsplit('.', 1)[0]
        ua = pick_w(r, COMMON_UA, UA_W)
        companies.append(dict(c=c, dom=dom, inv=inv, o24=o24, oasn=oasn, ua=ua, org='org_%06d' % r.randint(0, 999999),
                              created=w.created_past(5, 30)))
    kinds = []
    for i in range(n_accounts):
        x = r.random()
        if i < comp_left:
            kinds.append('employee')
        elif x < 0.62:
            kinds.append('individual')
        elif x < 0.74:
            kinds.append('student')
        elif x < 0.84:
            kinds.append('mobile')   # lives behind carrier NAT
        elif x < 0.90:
            kinds.append('vpn')
        elif x < 0.95:
            kinds.append('dev')       # indie developer running small app in the cloud
        else:
            kinds.append('bot')       # a legitimate product bot / integration
    # universities (background students, not the planted course)
    unis = []
    for i in range(max(4, n_accounts // 2500)):
        c = pick_w(r, ctry, cw)
        bl = w.net.block(); asn = w.net.asn()
        unis.append(dict(c=c, dom='%s.%s' % (r.choice(['uni-', 'univ', 'u', 'state', 'tech']) + r.choice(WORDS),
                                             {'US': 'edu', 'GB': 'ac.uk', 'JP': 'ac.jp', 'DE': 'de', 'FR': 'fr', 'IN': 'ac.in', 'BR': 'edu.br'}.get(c, 'edu')),
                         nat=['%d.%d.%d.%d' % (bl[0], bl[1], 7, r.randint(1, 30)) for _ in range(r.randint(2, 8))], asn=asn))
    integ_uas = ['notewise-backend/3.2 (+https://notewise.app)', 'inboxpilot/1.18.0', 'Zapflow-Connector/2.0', 'docsmith-worker/0.9.4',
                 'helpscout-ai-bridge/1.1', 'slackbot-gpt/5.3.2', 'discord.py/2.3.2 aiohttp/3.9.1', 'n8n/1.45.1', 'make.com-http/1.0',
                 'readwise-summarizer/2.7', 'Grammarlike-Server/4.4', 'obsidian-ai-plugin/1.6.0']
    for i, kind in enumerate(kinds):
        c = pick_w(r, ctry, cw)
        lang = r.choice(COUNTRIES[c][1])
        prof = dict(kind=kind)
        if kind == 'employee':
            co = r.choice(companies); c = co['c']; lang = r.choice(COUNTRIES[c][1])
            em = w.email(lang, domain=co['dom'])
            pay = co['inv'] or w.card()
            a = w.add_account(co['created'] + r.randint(0, 400) * DAY if co['created'] + 400 * DAY < w.t0 else w.created_past(3),
                              em, c, plan=r.choice(['team', 'enterprise', 'team']), org=co['org'], pay=pay,
                              pay_kind='invoice' if co['inv'] else 'card', signup_ip='%s.%d' % (co['o24'], r.randint(2, 250)), lang=lang,
                              extra={'company_name': co['dom'].split('.')[0].title()} if r.random() < 0.7 else None)
            if co['inv'] and co['inv'] in getattr(w, '_inv_added', set()):
                w.payments.pop()  # invoice row once per org is enough; keep the fingerprint on the account
            w.__dict__.setdefault('_inv_added', set()).add(co['inv'])
            prof.update(ips=[('%s.%d' % (co['o24'], r.randint(2, 250)), co['oasn'])] + ([w.net.home(c)] if r.random() < 0.5 else []),
                        ua=co['ua'] if r.random() < 0.8 else pick_w(r, COMMON_UA, UA_W), redact=r.random() < 0.3, workhours=True)
        elif kind == 'student':
            u = r.choice(unis); c = u['c']; lang = r.choice(COUNTRIES[c][1])
            a = w.add_account(w.created_past(4), w.email(lang, domain=u['dom'] if r.random() < 0.7 else None), c,
                              pay=w.card() if r.random() < 0.3 else None, signup_ip=r.choice(u['nat']), lang=lang)
            prof.update(ips=[(r.choice(u['nat']), u['asn']), w.net.home(c)], ua=r.choice(BROWSERS + ['sdk-python/2.3.1', 'python-requests/2.31.0']),
                        owl=r.random() < 0.5)
        elif kind == 'individual' or kind == 'mobile' or kind == 'vpn':
            home = w.net.home(c)
            ips = [home]
            if kind == 'mobile': ips = [w.net.mobile(c)] + ([home] if r.random() < 0.4 else [])
            if kind == 'vpn': ips = [w.net.vpnip(), w.net.vpnip()] + ([home] if r.random() < 0.3 else [])
            plan = pick_w(r, ['free', 'pay-as-you-go', 'pro'], [55, 30, 15])
            pk = 'prepaid-virtual' if r.random() < 0.04 else 'card'
            a = w.add_account(w.created_past(6), w.email(lang), c, plan=plan, pay=(w.card('prepaid') if pk != 'card' else w.card()) if plan != 'free' else None,
                              pay_kind=pk, signup_ip=ips[0][0], lang=lang,
                              status=pick_w(r, ['active', 'suspended', 'closed'], [96, 2, 2]))
            prof.update(ips=ips, ua=pick_w(r, COMMON_UA, UA_W), owl=r.random() < 0.2)
        elif kind == 'dev':
            ip = w.net.cloud_ip()
            a = w.add_account(w.created_past(4), w.email(lang) if r.random() < 0.6 else w.email(lang, domain=r.choice(WORDS) + '.dev'), c,
                              plan='pay-as-you-go', pay=w.card(), signup_ip=w.net.home(c)[0], lang=lang)
            prof.update(ips=[ip, w.net.home(c)], ua=pick_w(r, COMMON_UA, UA_W), spread=True)
        else:  # bot / integration
            ua = r.choice(integ_uas)
            ips = [w.net.cloud_ip() for _ in range(r.randint(1, 4))]
            a = w.add_account(w.created_past(4), w.email('en', domain=ua.split('/')[0].split('-')[0].split('.')[0].lower() + '.com', local='ops' + str(r.randint(1, 9))),
                              c, plan='business', pay=w.card(), signup_ip=ips[0][0], lang='en',
                              extra={'company_name': ua.split('/')[0].split('-')[0].split('.')[0].title()})
            prof.update(ips=ips, ua=ua, spread=True, bot=True, redact=r.random() < 0.5)
        members.append((a, prof))
    # heavy-tailed volumes, calibrated to the row target
    raw = []
    for a, p in members:
        if p['kind'] == 'bot':
            v = r.paretovariate(1.1) * 60
        elif p['kind'] == 'dev':
            v = r.paretovariate(1.3) * 12
        else:
            v = 0 if r.random() < 0.22 else r.lognormvariate(1.2, 1.3)
        raw.append(v)
    f = target_rows / sum(raw)
    for _ in range(30):  # calibrate the scale with the cap applied
        got = sum(min(v * f, 9000) for v in raw)
        f *= target_rows / max(1.0, got)
    for (a, p), v in zip(members, raw):
        n = int(min(v * f, 9000) + r.random())
        if n:
            emit_background(w, a, p, n)
    return members


def emit_background(w, a, p, n):
    r = w.rng
    start = max(w.t0, a['created_at'])
    days_avail = max(1, (w.t1 - start) // DAY)
    lang = a['lang']
    ips = p['ips']
    mw = list(BG_MODEL_W)
    fav = r.randrange(len(MODELS) - 2)
    mw[fav] += 40
    if p.get('spread'):
        # services: spread across the day, weak diurnal; batches
        while n > 0:
            day = r.randrange(days_avail)
            ts = start + day * DAY + int(r.random() * DAY)
            burst = min(n, 1 + int(r.expovariate(1 / 3.0)))
            for _ in range(burst):
                ts += int(r.expovariate(1 / 20.0) * SEC)
                pr, cat = bg_prompt(r, lang if r.random() < 0.5 else 'en')
                ip, asn = r.choice(ips)
                tin, tout = w.tokens(pr)
                w.q(a, ts, ip, asn, p['ua'], pick_w(r, MODELS, mw), tin, tout, cat, pr, redact=p.get('redact', False))
            n -= burst
        return
    off = (start - w.t0) // DAY
    tries = 0
    while n > 0 and tries < 100000:
        tries += 1
        day = off + r.randrange(days_avail)
        if p.get('workhours'):
            dow = (day + 0) % 7  # t0 is a Monday
            if dow >= 5 and r.random() < 0.85:
                continue
            h = r.uniform(8.5, 18.5)
        else:
            h = w.human_hour(p.get('owl', False))
        ts = w.local_hour_ts(day, a['tz'], h) + (start - w.t0 if start > w.t0 else 0) * 0
        sess = min(n, 1 + int(r.expovariate(1 / 2.5)))
        ip, asn = r.choice(ips)
        for _ in range(sess):
            ts += int((5 + r.expovariate(1 / 70.0)) * SEC)
            pr, cat = bg_prompt(r, lang)
            if r.random() < 0.04:
                pr = 'Explain step by step: ' + pr if r.random() < 0.5 else pr + ' Think step by step.'
            if r.random() < 0.0008:  # what real logs carry: pasted terminal output, spreadsheet cells, bidi text
                pr += r.choice([' \x1b[31mERROR\x1b[0m at line 3', ' =HYPERLINK("http://example.invalid/x","open")', ' \u202etxt.exe',
                                ' \x07\x08 pasted', ' ../../etc/passwd', ' 😀👍🏽'])
            tin, tout = w.tokens(pr)
            w.q(a, ts, ip, asn, p['ua'], pick_w(r, MODELS, mw), tin, tout, cat, pr, redact=p.get('redact', False) or r.random() < 0.03)
        n -= sess


# --------------------------------------------------------------------------- rings

def reg_ring(w, name, style, accts):
    w.rings.append(dict(name=name, style=style, accounts=[a['account_id'] for a in accts]))


def reg_decoy(w, name, kind, accts):
    w.decoys.append(dict(name=name, kind=kind, accounts=[a['account_id'] for a in accts]))


def rand_country(w, pool=None):
    ctry = pool or list(COUNTRIES)
    return pick_w(w.rng, ctry, [COUNTRIES[c][2] for c in ctry])


def ring_metronome(w, n, period_min, name):
    """own card, own home IP, own free mail; one private client string; two alternating CoT families;
    a scheduler fires 3-5 members within seconds every period."""
    r = w.rng
    ua = 'lumen-fetch/0.4.7 (linux; cpython3.11)'
    fam = [
        'Solve the following. Think through it carefully and write out every intermediate step; do not skip any. Then state the final answer on its own line beginning with "ANSWER:".\n\nTask: {q}',
        '### Instruction\nYou are a meticulous tutor. Work through the question below as a numbered chain of reasoning (Step 1, Step 2, ...), check each step, and only then give a short final answer.\n\n### Question\n{q}',
    ]
    accts = []
    base = w.t0 - r.randint(40, 200) * DAY
    for i in range(n):
        c = rand_country(w, ['US', 'GB', 'CA', 'IN', 'PH', 'NG', 'DE', 'BR'])
        home = w.net.home(c)
        a = w.add_account(base + r.randint(0, 60) * DAY + r.randint(0, DAY), w.email('en'), c, plan='pay-as-you-go', pay=w.card(),
                          signup_ip=home[0])
        a['home'] = home
        accts.append(a)
    t = w.t0 + r.randint(0, period_min) * MIN
    k = 0
    while t < w.t1:
        if r.random() > 0.06:  # scheduler occasionally skips
            for a in r.sample(accts, r.randint(3, 5)):
                ts = t + r.randint(0, 6000)
                qq, cat = question(r)
                pr = fam[k % 2].format(q=qq)
                tin, tout = w.tokens(pr, 'distill')
                ip, asn = a['home'] if r.random() < 0.93 else w.net.mobile(a['country'])
                w.q(a, ts, ip, asn, ua, pick_w(r, MODELS, [30, 50, 0, 20, 0, 0]), tin, tout, cat, pr)
        k += 1
        t += period_min * MIN + r.randint(-2000, 2000)
    reg_ring(w, name, 'metronome-private-client', accts)
    return accts


def ring_template_timing(w, n, name):
    """shares nothing but prompt templates and synchronized firing. Common SDKs, own cards, own homes, created over weeks."""
    r = w.rng
    tmpls = ['Q: {q}\nA: Let\'s work this out in a careful, step-by-step way to be sure we reach the right answer. Show all of the reasoning.',
             'Question: {q}\nPlease reason it through step by step, explaining why each step follows, and finish with "So the answer is ...".',
             '{q}\n\nLet\'s think about this step by step before answering. Show all working.']
    accts = []
    for i in range(n):
        c = rand_country(w)
        home = w.net.home(c)
        a = w.add_account(w.t0 - r.randint(3, 45) * DAY - r.randint(0, DAY), w.email(r.choice(COUNTRIES[c][1])), c,
                          plan=r.choice(['pay-as-you-go', 'pro']), pay=w.card(), signup_ip=home[0])
        a['home'] = home; a['ua'] = pick_w(r, COMMON_UA, UA_W)
        accts.append(a)
    # campaigns: ~7 a day at irregular times, each lasting ~100 s
    t = w.t0
    while True:
        t += int(r.expovariate(1 / (3.4 * HOUR)))
        if t >= w.t1: break
        part = [a for a in accts if r.random() < 0.55]
        for a in part:
            ts = t + r.randint(0, 100) * SEC
            for j in range(r.choice([1, 1, 2, 3])):
                qq, cat = question(r)
                pr = r.choice(tmpls).format(q=qq)
                tin, tout = w.tokens(pr, 'distill')
                ip, asn = a['home']
                w.q(a, ts, ip, asn, a['ua'], pick_w(r, MODELS, [40, 45, 5, 10, 0, 0]), tin, tout, cat, pr)
                ts += r.randint(8, 40) * SEC
    # a little ordinary use as cover
    for a in accts:
        emit_background(w, a, dict(kind='individual', ips=[a['home']], ua=a['ua']), r.randint(0, 12))
    reg_ring(w, name, 'template-and-timing-only', accts)
    return accts


POD_TMPL = ['[job {jid}] domain={dom}\nInstruction: {q}\nReturn three parts: (1) RATIONALE - a detailed derivation, (2) OUTPUT - the final result, (3) CRITIQUE - where the rationale could be wrong.',
            '[job {jid}] domain={dom}\nInstruction: {q}\nFirst produce a detailed RATIONALE, then the OUTPUT, then a short CRITIQUE of your own answer.']


def ring_pods(w, n_pods, pod_size, name):
    r = w.rng
    accts = []
    doms = ['math', 'physics', 'code', 'logic', 'chemistry', 'finance', 'biology']
    jid = r.randint(10000, 90000)
    for p in range(n_pods):
        asn = r.choice(['AS24940', 'AS16276', 'AS20473', 'AS14061', 'AS63949'])
        s24 = w.net.cloud_24(asn)
        card = w.card()
        c = rand_country(w, ['DE', 'NL', 'PL', 'FR', 'US', 'GB'])
        ua = r.choice(['python-requests/2.31.0', 'python-httpx/0.27.0', 'sdk-python/2.3.1', 'aiohttp/3.9.1'])
        created = w.t0 - r.randint(5, 120) * DAY
        pod = []
        for i in range(pod_size):
            a = w.add_account(created + r.randint(0, 2 * DAY), w.email('en', domain=r.choice(['gmail.com', 'proton.me', 'outlook.com', 'tutanota.com'])),
                              c, plan='pay-as-you-go', pay=card, signup_ip='%s.%d' % (s24, r.randint(2, 250)))
            a['ip'] = ('%s.%d' % (s24, r.randint(2, 250)), asn)
            pod.append(a)
        # the pod works in shifts: a few hours a day, every account steady
        for d in range(w.days):
            if r.random() < 0.15: continue
            st = w.t0 + d * DAY + r.randint(0, 20) * HOUR
            for a in pod:
                ts = st + r.randint(0, 600) * SEC
                for j in range(r.randint(3, 14)):
                    qq, cat = question(r)
                    jid += 1
                    pr = r.choice(POD_TMPL).format(jid=jid, dom=r.choice(doms), q=qq)
                    tin, tout = w.tokens(pr, 'distill')
                    w.q(a, ts, a['ip'][0], a['ip'][1], ua, pick_w(r, MODELS, [0, 10, 30, 35, 25, 0]), tin, tout, cat, pr)
                    ts += int(r.uniform(30, 600) * SEC)
        accts += pod
    reg_ring(w, name, 'pods-card-and-/24-each', accts)
    return accts


RESELL_WRAP = ['Answer the question below. Provide a thorough explanation of the reasoning process, step by step, followed by the final answer.\n\n{q}',
               'Provide a detailed chain of reasoning for the following, then the answer.\n{q}']


def ring_reseller(w, n, name):
    r = w.rng
    inv = w.card('invoice')
    dom = 'apexgate-ai.com'
    org = 'org_%06d' % r.randint(0, 999999)
    gw = [w.net.cloud_ip('AS16509') for _ in range(3)]
    accts = []
    created0 = w.t0 - r.randint(200, 500) * DAY
    for i in range(n):
        a = w.add_account(created0 + r.randint(0, 180) * DAY + r.randint(0, DAY), 'tenant%03d@%s' % (i + 1, dom), 'SG' if False else 'US', plan='business',
                          org=org, pay=inv, pay_kind='invoice', signup_ip=gw[0][0], extra={'company_name': 'ApexGate AI'})
        accts.append(a)
    w.payments = [p for p in w.payments if not (p[1] == inv)] + [(accts[0]['account_id'], inv, 'invoice', '', created0)]
    for a in accts:
        vol = int(r.lognormvariate(5.6, 0.6))
        for j in range(vol):
            ts = w.t0 + int(r.random() * w.days * DAY)
            ip, asn = r.choice(gw)
            ua = r.choice(['apexgate-proxy/2.1', 'apexgate-proxy/2.1', 'sdk-node/4.12.0'])
            if r.random() < 0.78:
                qq, cat = question(r); pr = r.choice(RESELL_WRAP).format(q=qq); kind = 'distill'
            else:
                pr, cat = bg_prompt(r, r.choice(['en', 'en', 'es', 'de', 'pt'])); kind = 'bg'
            tin, tout = w.tokens(pr, kind)
            w.q(a, ts, ip, asn, ua, pick_w(r, MODELS, [30, 50, 5, 15, 0, 0]), tin, tout, cat, pr, redact=r.random() < 0.1)
    reg_ring(w, name, 'reseller-one-invoice', accts)
    return accts


def ring_shell_tenants(w, n, name):
    """invention: a fake B2B 'support-automation' vendor. Each tenant is a separate paying company with its own
    freshly registered corporate domain, own card, own cloud egress. The distillation payload is dressed as
    support-ticket drafting with a hidden analysis section. Weekday business hours, no co-firing."""
    r = w.rng
    accts = []
    suffix = ['logistics', 'dental', 'outfitters', 'insurance', 'realty', 'motors', 'foods', 'legal', 'apparel', 'travel', 'fitness', 'homes']
    base = w.t0 - r.randint(20, 40) * DAY
    for i in range(n):
        c = rand_country(w, ['US', 'GB', 'CA', 'AU', 'IE'] if False else ['US', 'GB', 'CA', 'AU'])
        dom = '%s-%s.%s' % (r.choice(WORDS), r.choice(suffix), r.choice(['com', 'co', 'io', 'net']))
        ip = w.net.cloud_ip(r.choice(['AS16509', 'AS16509', 'AS15169', 'AS8075']))
        a = w.add_account(base + r.randint(0, 9) * DAY + r.randint(0, DAY), w.email('en', domain=dom, local=r.choice(['support', 'help', 'cx', 'hello', 'ops'])),
                          c, plan='team', pay=w.card(), signup_ip=w.net.home(c)[0],
                          extra={'company_name': dom.split('.')[0].replace('-', ' ').title()})
        a['ip'] = ip
        a['ua'] = pick_w(r, ['sdk-node/4.12.0', 'sdk-python/2.3.1', 'axios/1.6.7', 'python-httpx/0.27.0'], [5, 3, 2, 2])
        accts.append(a)
    wrap = ['Customer ticket #{tk}:\n"{q}"\n\nYou are our support agent. Before writing the reply, work through the customer\'s question in an internal ANALYSIS section, reasoning step by step and checking each step. Then write the customer-facing REPLY.',
            'Ticket {tk} from customer: {q}\nInternal: write ANALYSIS (full step-by-step reasoning, verify the result) then REPLY (friendly, concise).']
    for a in accts:
        per_day = r.uniform(8, 22)
        for d in range(w.days):
            if d % 7 >= 5: continue
            for j in range(int(r.expovariate(1 / per_day))):
                ts = w.local_hour_ts(d, COUNTRIES[a['country']][0], r.uniform(9, 17.5))
                qq, cat = question(r)
                pr = r.choice(wrap).format(tk=r.randint(100000, 999999), q=qq)
                tin, tout = w.tokens(pr, 'distill')
                w.q(a, ts, a['ip'][0], a['ip'][1], a['ua'], pick_w(r, MODELS, [45, 45, 0, 10, 0, 0]), tin, tout, 'customer_support', pr)
        # some genuine-looking tickets
        for j in range(r.randint(5, 25)):
            ts = w.t0 + int(r.random() * w.days * DAY)
            pr = 'Customer ticket #%d:\n"%s"\n\nWrite a friendly reply.' % (r.randint(100000, 999999), r.choice(
                ['Where is my order?', 'I was charged twice this month.', 'How do I reset my password?', 'Can I change my delivery address?']))
            tin, tout = w.tokens(pr)
            w.q(a, ts, a['ip'][0], a['ip'][1], a['ua'], 'atlas-2-medium', tin, tout, 'customer_support', pr)
    reg_ring(w, name, 'shell-tenants-fake-saas-customers', accts)
    return accts


def ring_proxy_churn(w, n, name, bg_members):
    """invention: accounts sent through a rented residential-proxy pool: nearly every request exits a different
    home IP on ordinary consumer ISPs (some of them real customers' own homes); browser user agents; prepaid
    virtual cards; no diurnal rhythm. The pool is shared among members, never at the same time."""
    r = w.rng
    homes = [p['ips'][0] for a, p in bg_members if p['kind'] == 'individual']
    pool = r.sample(homes, min(len(homes), 300)) + [w.net.home(rand_country(w)) for _ in range(900)]
    accts = []
    base = w.t0 - r.randint(10, 30) * DAY
    tmpl = ['{q}\n\nGive a complete, rigorous solution: state assumptions, derive every step, and justify the final result.',
            'I need a fully worked solution I can learn from. {q} Show every step of the derivation and explain the reasoning behind each one.',
            '{q} — walk me through the full reasoning, step by step, then give the final answer clearly marked.']
    for i in range(n):
        c = rand_country(w)
        ip = r.choice(pool)
        a = w.add_account(base + r.randint(0, 12) * DAY + r.randint(0, DAY), w.email(r.choice(COUNTRIES[c][1])), c, plan='pay-as-you-go',
                          pay=w.card('prepaid'), pay_kind='prepaid-virtual', signup_ip=ip[0])
        a['ua'] = r.choice(BROWSERS)
        accts.append(a)
    for a in accts:
        nq = int(r.uniform(6, 14) * w.days)
        for j in range(nq):
            ts = w.t0 + int(r.random() * w.days * DAY)
            ip, asn = r.choice(pool)
            qq, cat = question(r)
            pr = r.choice(tmpl).format(q=qq)
            tin, tout = w.tokens(pr, 'distill')
            w.q(a, ts, ip, asn, a['ua'], pick_w(r, MODELS, [35, 50, 0, 15, 0, 0]), tin, tout, cat, pr)
    reg_ring(w, name, 'residential-proxy-churn', accts)
    return accts


def ring_trial_churn(w, n, name):
    """invention: free-trial quota burners. Accounts are created in waves, each burns its free credit in
    ~1-2 days then is abandoned. Emails are dotted / plus-tagged variants of a handful of mailboxes on big
    free-mail providers. Web-playground browser UA, cheap VPS exits rotating across one provider."""
    r = w.rng
    bases = ['%s%s%d' % (r.choice(FIRST), r.choice(LAST), r.randint(10, 99)) for _ in range(6)]
    def variant(b):
        s = list(b)
        out = ''
        for ch in s:
            out += ch
            if r.random() < 0.25 and ch.isalpha(): out += '.'
        out = out.strip('.').replace('..', '.')
        if r.random() < 0.5: out += '+%s' % r.choice(['ai', 'test', 'w', 'x', str(r.randint(1, 999))])
        return out
    accts = []
    asn = 'AS14061'
    tmpl = ['Please solve this and explain your full reasoning step by step: {q}', '{q}\nExplain the reasoning in detail, step by step.',
            'Resuelve paso a paso y explica cada paso: {q}', 'Löse Schritt für Schritt und begründe jeden Schritt: {q}']
    t = w.t0 - 2 * DAY
    gap = (w.t1 - t) / n
    for i in range(n):
        created = int(t + i * gap + r.randint(-3600, 3600) * SEC)
        b = r.choice(bases)
        ip = w.net.cloud_ip(asn)
        a = w.add_account(created, '%s@%s' % (variant(b), r.choice(['gmail.com', 'gmail.com', 'googlemail.com'])), rand_country(w),
                          plan='free', signup_ip=ip[0], status='suspended' if r.random() < 0.07 else 'active')
        a['ip'] = ip
        ua = r.choice(BROWSERS)
        life = r.uniform(0.6, 2.2) * DAY
        for j in range(r.randint(35, 60)):
            ts = created + r.randint(5, 120) * MIN + int(r.random() * life)
            qq, cat = question(r)
            pr = r.choice(tmpl).format(q=qq)
            tin, tout = w.tokens(pr, 'distill')
            w.q(a, ts, ip[0], ip[1], ua, 'atlas-2-large' if r.random() < 0.7 else 'atlas-2-medium', tin, min(tout, 4096), cat, pr)
        accts.append(a)
    reg_ring(w, name, 'free-trial-alias-churn', accts)
    return accts


def ring_follow_sun(w, n_per, name):
    """invention (16b): three regional cohorts hand the same workload over in 8-hour local-daytime shifts so each
    member looks like a day worker in its own country; together the operation runs round the clock."""
    r = w.rng
    cohorts = [('APAC', ['JP', 'KR', 'AU', 'ID', 'VN', 'PH'], 1), ('EMEA', ['DE', 'FR', 'GB', 'PL', 'NL', 'IT'], 9), ('AMER', ['US', 'CA', 'MX', 'BR'], 17)]
    tmpl = ['Context: internal knowledge base draft.\nTopic question: {q}\nWrite the KB entry as: Background; Step-by-step explanation (every step justified); Final summary.',
            'KB draft request. {q}\nFormat: Background / Step-by-step explanation / Final summary. Be exhaustive in the explanation.']
    accts = []
    for cname, cs, utc_start in cohorts:
        for i in range(n_per):
            c = r.choice(cs)
            home = w.net.home(c)
            a = w.add_account(w.created_past(2, 60), w.email(r.choice(COUNTRIES[c][1])), c, plan='pro', pay=w.card(), signup_ip=home[0])
            a['home'] = home; a['ua'] = pick_w(r, COMMON_UA, UA_W)
            for d in range(w.days):
                if d % 7 == 6 and r.random() < 0.7: continue
                for j in range(r.randint(2, 9)):
                    ts = w.t0 + d * DAY + int((utc_start + r.uniform(0, 8)) * HOUR)
                    qq, cat = question(r)
                    pr = r.choice(tmpl).format(q=qq)
                    tin, tout = w.tokens(pr, 'distill')
                    w.q(a, ts, home[0], home[1], a['ua'], pick_w(r, MODELS, [50, 40, 0, 10, 0, 0]), tin, tout, cat, pr)
            accts.append(a)
    reg_ring(w, name, 'follow-the-sun-shifts', accts)
    return accts


def enterprise_with_insiders(w, n, n_in, ring_name, decoy_name):
    """16b: a real enterprise on one invoice; a small cell of its own accounts does distillation after hours
    through the corporate VPN concentrator. The rest of the org is benign."""
    r = w.rng
    inv = w.card('invoice'); org = 'org_%06d' % r.randint(0, 999999); dom = 'halvorsen-group.com'
    o24 = '%d.%d.%d' % (w.net.block() + (r.randint(0, 255),)); oasn = w.net.asn()
    vpn = ('%d.%d.%d.%d' % (w.net.block() + (r.randint(0, 255), 5)), oasn)
    accts = []
    for i in range(n):
        c = r.choice(['NO', 'SE', 'DE']) if False else r.choice(['DE', 'NL', 'GB'])
        a = w.add_account(w.created_past(3, 100), w.email('en', domain=dom), c, plan='enterprise', org=org, pay=inv, pay_kind='invoice',
                          signup_ip='%s.%d' % (o24, r.randint(2, 250)))
        accts.append(a)
    w.payments = [p for p in w.payments if p[1] != inv] + [(accts[0]['account_id'], inv, 'invoice', '', accts[0]['created_at'])]
    for a in accts:
        emit_background(w, a, dict(kind='employee', ips=[('%s.%d' % (o24, r.randint(2, 250)), oasn), vpn], ua='sdk-python/2.3.1' if r.random() < 0.7 else BROWSERS[0],
                                   workhours=True, redact=False), int(r.lognormvariate(3.5, 0.9)))
    ins = r.sample(accts, n_in)
    tmpl = 'Reasoning dataset item {k}. {q}\nRespond with a long, explicit, step-by-step reasoning trace followed by the final answer.'
    for a in ins:
        for d in range(w.days):
            for j in range(r.randint(0, 12)):
                ts = w.local_hour_ts(d, 1, r.uniform(20, 26))
                qq, cat = question(r)
                pr = tmpl.format(k=r.randint(1, 10 ** 6), q=qq)
                tin, tout = w.tokens(pr, 'distill')
                w.q(a, ts, vpn[0], vpn[1], 'sdk-python/2.3.1', 'atlas-2-large', tin, tout, cat, pr)
    reg_ring(w, ring_name, 'insider-cell-in-enterprise', ins)
    reg_decoy(w, decoy_name, 'enterprise on one invoice and office range; hosts the insider cell (other members benign)',
              [a for a in accts if a not in ins])


# --------------------------------------------------------------------------- look-alikes

def decoy_course(w, n, name):
    r = w.rng
    c = 'US'
    bl = w.net.block(); asn = w.net.asn()
    nat = [('%d.%d.%d.%d' % (bl[0], bl[1], 40, h), asn) for h in (11, 12, 13, 14)]
    dom = 'cs.%s.edu' % r.choice(WORDS)
    accts = []
    for i in range(n):
        home = w.net.home(c)
        a = w.add_account(w.t0 - r.randint(40, 48) * DAY - r.randint(0, DAY), w.email('en', domain=dom), c, plan='free', signup_ip=r.choice(nat)[0])
        accts.append(a)
        a['home'] = home; a['ua'] = r.choice(BROWSERS + ['sdk-python/2.3.1'])
    probs = ['Implement a function that returns the k-th smallest element of an unsorted list.', 'Show that the sum of the first n odd numbers is n^2.',
             'Write a recursive function for the n-th Fibonacci number and explain its running time.', 'Prove that sqrt(2) is irrational.',
             'Trace Dijkstra\'s algorithm on the graph from lecture slide 14.', 'Derive the recurrence for merge sort and solve it.']
    for wk in range(w.days // 7 + 1):
        lecture = wk * 7 + 1  # Tuesday
        for a in accts:
            if r.random() < 0.8:
                ts = w.local_hour_ts(lecture, -5, 14 + r.uniform(0.05, 0.95))
                for k in range(r.randint(1, 4)):
                    pr = 'CS 2110 - Homework %d, Problem %d: %s Explain each step of your solution.' % (wk + 5, k + 1, r.choice(probs))
                    tin, tout = w.tokens(pr, 'cot')
                    w.q(a, ts, r.choice(nat)[0], asn, a['ua'], 'atlas-2-medium', tin, tout, 'education', pr)
                    ts += r.randint(60, 400) * SEC
        for a in accts:
            emit_background(w, a, dict(kind='student', ips=[a['home'], r.choice(nat)], ua=a['ua'], owl=True), r.randint(0, 6))
    reg_decoy(w, name, 'course: students send one homework template in the weekly lecture hour from the campus NAT', accts)


def decoy_franchise(w, n, name):
    """realty franchise: each office its own account, card, local ISP; the franchise's desktop listing software
    runs its queue at 18:00 local, all offices in the same timezone; one listing template."""
    r = w.rng
    accts = []
    ua = 'ListingDesk/7.3.2 (Windows; franchise build)'
    for i in range(n):
        c = 'US'
        home = w.net.home(c)
        town = r.choice(['Ridgefield', 'Oak Harbor', 'Millbrook', 'Cedar Falls', 'Lakeview', 'Brookside', 'Fairmont', 'Pinecrest', 'Riverton'])
        a = w.add_account(w.created_past(5, 200), w.email('en', domain='%s-%s.com' % ('keystonehomes', town.lower().replace(' ', '')) if r.random() < 0.6 else None),
                          c, plan='pay-as-you-go', pay=w.card(), signup_ip=home[0], extra={'office': 'Keystone Homes %s' % town})
        a['home'] = home; a['town'] = town
        accts.append(a)
    for d in range(w.days):
        if d % 7 == 6: continue
        for a in accts:
            ts = w.local_hour_ts(d, -5, 18) + r.randint(0, 240) * SEC
            for j in range(r.randint(0, 6)):
                pr = ('Write a warm, inviting listing description (about 120 words) for a %d-bedroom %s in %s. Features: %s. Avoid the words "cozy" and "must-see".'
                      % (r.randint(1, 5), r.choice(['colonial', 'ranch home', 'townhouse', 'condo', 'craftsman bungalow']), a['town'],
                         ', '.join(r.sample(['updated kitchen', 'hardwood floors', 'two-car garage', 'fenced yard', 'finished basement', 'new roof', 'walk-in closet', 'lake view'], 3))))
                tin, tout = w.tokens(pr)
                w.q(a, ts, a['home'][0], a['home'][1], ua, 'atlas-2-medium', tin, tout, 'writing', pr)
                ts += r.randint(4, 20) * SEC
    reg_decoy(w, name, 'realty franchise offices: own cards and ISPs, same listing template, desktop software queue runs at 18:00 local', accts)


def decoy_annotation(w, n, name):
    """labelling vendor: annotators on the vendor's invoice, two office ranges in two countries, shift work,
    fact-verification template that asks for step-by-step reasoning before the label."""
    r = w.rng
    inv = w.card('invoice'); org = 'org_%06d' % r.randint(0, 999999)
    offices = []
    for c in ('PH', 'KE'):
        s = '%d.%d.%d' % (w.net.block() + (r.randint(0, 255),))
        offices.append((c, s, w.net.isp[c][0][0]))
    accts = []
    for i in range(n):
        c, s, asn = offices[i % 2]
        a = w.add_account(w.created_past(2, 20), 'annotator%04d@veritas-labelworks.com' % r.randint(1, 9999), c, plan='team', org=org, pay=inv,
                          pay_kind='invoice', signup_ip='%s.%d' % (s, r.randint(2, 250)))
        a['ip'] = ('%s.%d' % (s, r.randint(2, 250)), asn)
        accts.append(a)
    w.payments = [p for p in w.payments if p[1] != inv] + [(accts[0]['account_id'], inv, 'invoice', '', accts[0]['created_at'])]
    claims = ['The Eiffel Tower was completed in 1889.', 'Water boils at 90 C at sea level.', 'The Amazon is the longest river in Africa.',
              'Marie Curie won two Nobel Prizes.', 'Mount Everest is in Chile.', 'Python was first released in 1991.']
    for a in accts:
        shift = 6 if a['country'] == 'PH' else 8
        tz = COUNTRIES[a['country']][0]
        for d in range(w.days):
            if d % 7 >= 5: continue
            for j in range(r.randint(8, 25)):
                ts = w.local_hour_ts(d, tz, shift + r.uniform(0, 8))
                pr = ('Passage: %s\nClaim: %s\nDecide whether the claim is SUPPORTED, REFUTED, or NOT ENOUGH INFO by the passage. Explain your reasoning step by step, then give the label on the last line.'
                      % (r.choice(FILL['para']), r.choice(claims)))
                tin, tout = w.tokens(pr, 'cot')
                w.q(a, ts, a['ip'][0], a['ip'][1], 'annotate-tool/2.4 python-httpx/0.27.0', 'atlas-2-medium', tin, tout, 'classification', pr)
    reg_decoy(w, name, 'labelling vendor: annotators on one invoice in two offices, shift work, verification template asking for step-by-step reasoning', accts)


def decoy_seo_agency(w, n, name):
    r = w.rng
    office = w.net.home('GB'); vps = w.net.cloud_ip('AS24940')
    accts = []
    for i in range(n):
        biz = '%s %s' % (r.choice(WORDS).title(), r.choice(['Plumbing', 'Dental', 'Yoga', 'Bakery', 'Roofing', 'Solicitors', 'Vets']))
        a = w.add_account(w.created_past(2, 30), w.email('en', domain=biz.lower().replace(' ', '') + '.co.uk', local='marketing'), 'GB',
                          plan='pay-as-you-go', pay=w.card(), signup_ip=office[0], extra={'managed_by': 'Brightside Digital'})
        a['biz'] = biz
        accts.append(a)
    for a in accts:
        for j in range(r.randint(40, 160)):
            d = r.randrange(w.days)
            if d % 7 >= 5: continue
            ts = w.local_hour_ts(d, 0, r.uniform(9, 17.5))
            ip = office if r.random() < 0.6 else vps
            pr = 'Write a %d-word SEO blog article about "%s" for %s, a local business. Use H2 headings, include the keyword 4 times, and end with a call to action.' % (
                r.choice([600, 800, 1000, 1200]), r.choice(['emergency boiler repair', 'teeth whitening cost', 'beginner yoga tips', 'sourdough near me', 'flat roof problems', 'conveyancing fees', 'puppy vaccinations']), a['biz'])
            tin, tout = w.tokens(pr, 'distill')
            w.q(a, ts, ip[0], ip[1], 'sdk-python/2.3.1', 'atlas-2-large', tin, tout, 'writing', pr)
    reg_decoy(w, name, 'SEO agency running its clients\' own accounts from the agency office and VPS with one article template', accts)


def decoy_lawfirm(w, n, name):
    r = w.rng
    inv = w.card('invoice'); org = 'org_%06d' % r.randint(0, 999999)
    s = '%d.%d.%d' % (w.net.block() + (r.randint(0, 255),)); asn = w.net.asn()
    accts = []
    for i in range(n):
        a = w.add_account(w.created_past(1.5, 10), w.email('en', domain='morrowquist-llp.com'), 'US', plan='enterprise', org=org, pay=inv,
                          pay_kind='invoice', signup_ip='%s.%d' % (s, r.randint(2, 250)))
        accts.append(a)
    w.payments = [p for p in w.payments if p[1] != inv] + [(accts[0]['account_id'], inv, 'invoice', '', accts[0]['created_at'])]
    issues = ['a non-compete clause is enforceable against a junior employee', 'the landlord breached the implied warranty of habitability',
              'an email exchange formed a binding contract', 'the limitation period has expired', 'the force majeure clause covers a port strike',
              'the director breached the duty of loyalty']
    for a in accts:
        ip = ('%s.%d' % (s, r.randint(2, 250)), asn)
        for j in range(int(r.lognormvariate(3.8, 0.6))):
            d = r.randrange(w.days)
            if d % 7 >= 5 and r.random() < 0.8: continue
            ts = w.local_hour_ts(d, -5, r.uniform(8, 21))
            pr = ('Analyze step by step whether %s under %s law. Identify the issues, state the rule, apply it to these facts, and conclude. Facts: [client matter %d - redacted summary]'
                  % (r.choice(issues), r.choice(['New York', 'Delaware', 'California', 'Texas']), r.randint(1000, 9999)))
            tin, tout = w.tokens(pr, 'cot')
            w.q(a, ts, ip[0], ip[1], 'LexAssist-Word-Addin/3.1', 'atlas-2-large', tin, tout, 'legal', pr, redact=r.random() < 0.4)
    reg_decoy(w, name, 'law firm: associates on one invoice and office /24 asking for step-by-step legal analysis', accts)


def decoy_olympiad(w, n, name):
    """maths olympiad training club: members worldwide, nothing shared but the weekly problem set and the
    Saturday practice window; they ask for full worked solutions."""
    r = w.rng
    accts = []
    for i in range(n):
        c = rand_country(w)
        home = w.net.home(c)
        a = w.add_account(w.created_past(3, 20), w.email(r.choice(COUNTRIES[c][1])), c, plan=r.choice(['free', 'pro']),
                          pay=w.card() if r.random() < 0.5 else None, signup_ip=home[0])
        a['home'] = home; a['ua'] = pick_w(r, COMMON_UA, UA_W)
        accts.append(a)
    for wk in range(w.days // 7 + 1):
        sat = wk * 7 + 5
        pset = [question(r)[0] for _ in range(8)]
        for a in accts:
            if r.random() < 0.3: continue
            ts = w.t0 + sat * DAY + 13 * HOUR + r.randint(0, 170) * MIN
            for k in r.sample(range(8), r.randint(2, 6)):
                pr = 'Weekly practice set %d, problem %d: %s Show a complete worked solution with every step, then the answer.' % (wk + 31, k + 1, pset[k])
                tin, tout = w.tokens(pr, 'distill')
                w.q(a, ts, a['home'][0], a['home'][1], a['ua'], pick_w(r, MODELS, [40, 30, 0, 30, 0, 0]), tin, tout, 'math', pr)
                ts += r.randint(3, 25) * MIN
        for a in accts:
            emit_background(w, a, dict(kind='individual', ips=[a['home']], ua=a['ua']), r.randint(0, 5))
    reg_decoy(w, name, 'maths olympiad club: strangers worldwide, one weekly problem set in a Saturday practice window', accts)


def decoy_newsroom(w, n, name):
    r = w.rng
    inv = w.card('invoice'); org = 'org_%06d' % r.randint(0, 999999)
    s = '%d.%d.%d' % (w.net.block() + (r.randint(0, 255),)); asn = w.net.asn()
    accts = []
    for i in range(n):
        a = w.add_account(w.created_past(2, 30), w.email('en', domain='meridian-wire.news'), 'GB', plan='team', org=org, pay=inv, pay_kind='invoice',
                          signup_ip='%s.%d' % (s, r.randint(2, 250)))
        a['ip'] = ('%s.%d' % (s, r.randint(2, 250)), asn)
        accts.append(a)
    w.payments = [p for p in w.payments if p[1] != inv] + [(accts[0]['account_id'], inv, 'invoice', '', accts[0]['created_at'])]
    events = [w.t0 + int(r.random() * w.days * DAY) for _ in range(9)]
    stories = ['Central bank raises rates by 50 basis points', 'Earthquake of magnitude 6.8 strikes off the coast', 'Election results contested in two regions',
               'Major airline grounds fleet after software fault', 'Tech giant announces layoffs', 'Record heatwave hits southern Europe',
               'Ceasefire talks resume', 'Port strike halts container traffic', 'Football club sold to investment fund']
    for e, st in zip(events, stories):
        for a in accts:
            if r.random() < 0.6:
                ts = e + r.randint(20, 900) * SEC
                ip = a['ip'] if r.random() < 0.7 else w.net.mobile('GB')
                pr = 'House style: summarise this wire copy in three short bullet points and suggest a 9-word headline.\nWIRE: %s. More details to follow.' % st
                tin, tout = w.tokens(pr)
                w.q(a, ts, ip[0], ip[1], 'sdk-python/2.3.1', 'atlas-2-medium', tin, tout, 'news', pr)
        pass
    for a in accts:
        emit_background(w, a, dict(kind='employee', ips=[a['ip'], w.net.mobile('GB')], ua=BROWSERS[1], workhours=True), r.randint(10, 80))
    reg_decoy(w, name, 'newsroom: journalists on one invoice summarise the same wire copy within minutes of breaking news', accts)


def decoy_retry_storm(w, n, name):
    r = w.rng
    inv = w.card('invoice'); org = 'org_%06d' % r.randint(0, 999999)
    accts = []
    for i in range(n):
        a = w.add_account(w.created_past(2, 60), 'wh%02d-automation@trellisfreight.com' % (i + 1), 'US', plan='business', org=org, pay=inv,
                          pay_kind='invoice', signup_ip=w.net.cloud_ip('AS16509')[0])
        a['ip'] = w.net.cloud_ip('AS16509')
        accts.append(a)
    w.payments = [p for p in w.payments if p[1] != inv] + [(accts[0]['account_id'], inv, 'invoice', '', accts[0]['created_at'])]
    def doc(): return 'Extract shipper, consignee, weight_kg, pieces and PRO number from this bill of lading as JSON. Text: BOL %d / SHIPPER %s / %d PCS / %d KG' % (
        r.randint(10 ** 6, 10 ** 7), r.choice(['ACME CORP', 'NORTHWIND', 'GLOBEX', 'INITECH']), r.randint(1, 40), r.randint(50, 9000))
    for a in accts:
        for j in range(r.randint(120, 400)):
            d = r.randrange(w.days)
            ts = w.local_hour_ts(d, -6, r.uniform(6, 22))
            pr = doc(); tin, tout = w.tokens(pr)
            w.q(a, ts, a['ip'][0], a['ip'][1], 'trellis-docflow/5.0 (java 17)', 'atlas-2-small', tin, min(tout, 300), 'extraction', pr)
    for outage in [w.t0 + 4 * DAY + 15 * HOUR, w.t0 + 16 * DAY + 9 * HOUR + 20 * MIN]:
        for back in [1, 2, 4, 8, 16, 32, 64, 128]:
            for a in accts:
                for j in range(r.randint(1, 3)):
                    ts = outage + back * SEC * 10 + r.randint(0, 1500)
                    pr = doc(); tin, tout = w.tokens(pr)
                    w.q(a, ts, a['ip'][0], a['ip'][1], 'trellis-docflow/5.0 (java 17)', 'atlas-2-small', tin, min(tout, 300), 'extraction', pr)
    reg_decoy(w, name, 'freight company warehouse service accounts: after two outages all retry in lockstep (synchronized backoff)', accts)


def decoy_bookclub_referrals(w, n, name):
    """a language-exchange community: members referred each other (links.csv referral rows), created in a burst
    after a meetup, share the community's prompt template for practice dialogues in many languages."""
    r = w.rng
    accts = []
    base = w.t0 - r.randint(15, 30) * DAY
    for i in range(n):
        c = rand_country(w)
        home = w.net.home(c)
        a = w.add_account(base + r.randint(0, 3 * DAY // 1000) * 1000, w.email(r.choice(COUNTRIES[c][1])), c, plan='free', signup_ip=home[0])
        a['home'] = home; a['ua'] = r.choice(BROWSERS)
        accts.append(a)
    for i, a in enumerate(accts[1:], 1):
        ref = accts[r.randrange(0, i)]
        w.links.append((ref['account_id'], a['account_id'], 'referral', '0.3', 'invite link, spring meetup'))
    langs = ['Spanish', 'Japanese', 'German', 'Portuguese', 'Korean', 'French', 'Turkish']
    for a in accts:
        for j in range(r.randint(5, 40)):
            d = r.randrange(w.days)
            ts = w.local_hour_ts(d, a['tz'], w.human_hour())
            pr = 'Language exchange practice: play a friendly %s speaker at a %s. Keep sentences short, correct my mistakes gently in brackets. My first line: %s' % (
                r.choice(langs), r.choice(['café', 'train station', 'market', 'job interview', 'doctor\'s office']), r.choice(['Hola, ¿qué tal?', 'こんにちは', 'Guten Tag!', 'Olá!', 'Bonjour !']))
            tin, tout = w.tokens(pr)
            w.q(a, ts, a['home'][0], a['home'][1], a['ua'], 'atlas-2-medium', tin, tout, 'education', pr)
    reg_decoy(w, name, 'language-exchange community: referral chain in links.csv, signup burst after a meetup, one practice template', accts)


# --------------------------------------------------------------------------- writing

def iso(ms, form, rng=None):
    dt = datetime.fromtimestamp(ms / 1000, UTC)
    if form == 'z':
        return dt.strftime('%Y-%m-%dT%H:%M:%SZ')
    if form == 'zms':
        return dt.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (ms % 1000)
    if form.startswith('off'):
        h = {'off+0530': 330, 'off-0700': -420, 'off+0200': 120, 'off+0900': 540}[form]
        d2 = dt + timedelta(minutes=h)
        sign = '+' if h >= 0 else '-'
        return d2.strftime('%Y-%m-%dT%H:%M:%S.') + '%06d' % ((ms % 1000) * 1000) + '%s%02d:%02d' % (sign, abs(h) // 60, abs(h) % 60)
    if form == 'epoch':
        return ms
    raise ValueError(form)


def row_obj(w, row, tsform, rng):
    ts, idx, ip, asn, ua, model, tin, tout, cat, prompt, pfp, key = row
    a = w.accounts[idx]
    o = {'ts': iso(ts, tsform), 'account_id': a['account_id']}
    o['request_id'] = 'req_%012x' % rng.getrandbits(48)
    o['api_key'] = key
    o['ip'] = ip
    if rng.random() > 0.02: o['asn'] = asn
    o['user_agent'] = ua
    o['model'] = model
    o['input_tokens'] = tin
    o['output_tokens'] = tout
    if cat is not None and rng.random() > 0.1: o['category'] = cat
    if prompt is not None:
        o['prompt'] = prompt
    else:
        o['prompt_fingerprint'] = pfp
    o['latency_ms'] = int(200 + tout * rng.uniform(8, 25))
    if rng.random() < 0.01: o['status'] = rng.choice([429, 500])
    return o


QCOLS = ['ts', 'account_id', 'request_id', 'api_key', 'ip', 'asn', 'user_agent', 'model', 'input_tokens', 'output_tokens', 'category', 'prompt', 'prompt_fingerprint', 'latency_ms', 'status']


def open_out(path, gz):
    if gz:
        return io.TextIOWrapper(gzip.GzipFile(path, 'wb', compresslevel=5, mtime=0), encoding='utf-8', newline='')
    return open(path, 'w', encoding='utf-8', newline='')


def write_jsonl(path, objs, ascii_, crlf, gz, members=1):
    nl = '\r\n' if crlf else '\n'
    if gz and members > 1:
        chunk = (len(objs) + members - 1) // members
        with open(path, 'wb') as fh:
            for i in range(members):
                part = objs[i * chunk:(i + 1) * chunk]
                data = ''.join(json.dumps(o, ensure_ascii=ascii_, separators=(',', ':')) + nl for o in part).encode('utf-8')
                fh.write(gzip.compress(data, compresslevel=5, mtime=0))
        return
    with open_out(path, gz) as fh:
        for o in objs:
            fh.write(json.dumps(o, ensure_ascii=ascii_, separators=(',', ':')))
            fh.write(nl)


def write_csv(path, cols, objs, crlf, gz, header_map=None):
    with open_out(path, gz) as fh:
        wr = csv.writer(fh, lineterminator='\r\n' if crlf else '\n')
        wr.writerow([header_map.get(c, c) if header_map else c for c in cols])
        for o in objs:
            wr.writerow(['' if o.get(c) is None else o.get(c) for c in cols])


def acct_obj(a, form):
    o = {'account_id': a['account_id']}
    if form == 'epoch':
        o['created_at'] = a['created_at'] // 1000
    else:
        o['created_at'] = iso(a['created_at'], form)
    o['email'] = a['email']
    for k in ('org_id', 'country', 'plan', 'status', 'payment_fingerprint', 'signup_ip'):
        if a[k] != '': o[k] = a[k]
    o.update(a['extra'])
    return o


def finish(w, out, variant):
    rng = random.Random(w.seed + 99)
    t = time.time()
    w.rows.sort(key=lambda x: (x[0], x[1]))
    d = os.path.join(out, '16' + variant)
    if os.path.exists(d):
        import shutil; shutil.rmtree(d)
    os.makedirs(d)
    extra_cols = sorted({k for a in w.accounts for k in a['extra']})
    acols = ['account_id', 'created_at', 'email', 'org_id', 'country', 'plan', 'status', 'payment_fingerprint', 'signup_ip'] + extra_cols
    if variant == 'a':
        accs = [acct_obj(a, rng.choice(['z', 'z', 'zms', 'off+0200'])) for a in sorted(w.accounts, key=lambda a: a['created_at'])]
        write_csv(os.path.join(d, 'accounts.csv'), acols, accs, crlf=False, gz=False)
        pays = [dict(account_id=p[0], payment_fingerprint=p[1], kind=p[2], bin_country=p[3], added_at=iso(p[4], 'z')) for p in w.payments]
        write_csv(os.path.join(d, 'payments.csv'), ['account_id', 'payment_fingerprint', 'kind', 'bin_country', 'added_at'], pays, crlf=False, gz=False)
        objs = [row_obj(w, r, 'zms', rng) for r in w.rows]
        write_jsonl(os.path.join(d, 'queries.jsonl'), objs, ascii_=False, crlf=False, gz=False)
    else:
        accs = [acct_obj(a, rng.choice(['z', 'zms', 'epoch', 'off-0700'])) for a in sorted(w.accounts, key=lambda a: a['created_at'])]
        for o in accs:
            if rng.random() < 0.03: o.pop('country', None)
        write_jsonl(os.path.join(d, 'accounts.jsonl'), accs, ascii_=True, crlf=False, gz=False)
        pays = [dict(account_id=p[0], payment_fingerprint=p[1], kind=p[2], bin_country=p[3], added_at=iso(p[4], 'z')) for p in w.payments]
        write_csv(os.path.join(d, 'payments.csv.gz'), ['kind', 'account_id', 'payment_fingerprint', 'bin_country', 'added_at'], pays, crlf=True, gz=True)
        qd = os.path.join(d, 'queries'); os.makedirs(qd)
        # partitions by 3-day windows; each in its own format
        plans = [  # (ext, tsform, ascii, crlf, members)
            ('jsonl', 'z', False, False, 1), ('jsonl.gz', 'zms', True, False, 1), ('csv', 'epoch', None, True, 1),
            ('csv.gz', 'off+0530', None, False, 1), ('jsonl', 'epoch', True, True, 1), ('jsonl.gz', 'off-0700', False, False, 3),
            ('csv', 'zms', None, False, 1), ('jsonl', 'off+0900', True, False, 1)]
        part = 0
        i = 0
        nrows = len(w.rows)
        win = 3 * DAY
        start = w.t0
        while i < nrows:
            end = start + win
            j = i
            while j < nrows and w.rows[j][0] < end: j += 1
            ext, tsform, asc, crlf, mem = plans[part % len(plans)]
            folder = os.path.join(qd, 'dt=' + datetime.fromtimestamp(start / 1000, UTC).strftime('%Y-%m-%d'))
            os.makedirs(folder, exist_ok=True)
            chunk = w.rows[i:j]
            # split each window in two files (part-000, part-001) to get several files per folder
            half = len(chunk) // 2
            for pi, sub in enumerate([chunk[:half], chunk[half:]]):
                objs = [row_obj(w, r, tsform, rng) for r in sub]
                for o in objs:  # drop optional fields sometimes
                    if rng.random() < 0.05: o.pop('latency_ms', None)
                    if rng.random() < 0.03: o.pop('user_agent', None)
                    if rng.random() < 0.01: o.pop('output_tokens', None)
                p = os.path.join(folder, 'part-%03d.%s' % (pi, ext))
                if ext.startswith('csv'):
                    hm = {c: c.upper() for c in QCOLS} if part % 2 else None
                    cols = QCOLS if part % 2 else QCOLS[::-1]
                    write_csv(p, cols, objs, crlf=crlf, gz=ext.endswith('.gz'), header_map=hm)
                else:
                    write_jsonl(p, objs, ascii_=asc, crlf=crlf, gz=ext.endswith('.gz'), members=mem)
            part += 1
            i = j
            start = end
    if w.links:
        write_csv(os.path.join(d, 'links.csv'), ['account_a', 'account_b', 'kind', 'weight', 'note'],
                  [dict(account_a=l[0], account_b=l[1], kind=l[2], weight=l[3], note=l[4]) for l in w.links], crlf=False, gz=False)
    truth = dict(accounts=len(w.accounts), queries=len(w.rows),
                 rings=w.rings, decoys=w.decoys)
    with open(os.path.join(out, '16%s.truth.json' % variant), 'w') as fh:
        json.dump(truth, fh, indent=2, sort_keys=True)
    return time.time() - t


def build(variant):
    if variant == 'a':
        w = World(1601, int(datetime(2026, 10, 12, tzinfo=UTC).timestamp() * 1000), 21, 1)
        N = 25000
    else:
        w = World(1602, int(datetime(2026, 9, 7, tzinfo=UTC).timestamp() * 1000), 24, 2)
        N = 45000
    r = w.rng
    s = 1 if variant == 'a' else 1.5
    # planted operations
    ring_metronome(w, int(40 * s), 11 if variant == 'a' else 7, 'lumen')
    ring_template_timing(w, int(55 * s), 'chorus-free')
    ring_pods(w, 6 if variant == 'a' else 9, 11 if variant == 'a' else 13, 'cellblock')
    ring_reseller(w, int(30 * s), 'apexgate')
    ring_shell_tenants(w, int(36 * s), 'tenant-shells')
    ring_proxy_churn_args = int(90 * s)
    ring_trial_churn(w, 180 if variant == 'a' else 240, 'trial-burners')
    if variant == 'b':
        ring_follow_sun(w, 22, 'relay-shifts')
        enterprise_with_insiders(w, 260, 18, 'night-cell', 'halvorsen-enterprise')
    # look-alikes
    decoy_course(w, 120 if variant == 'a' else 160, 'cs2110-course')
    decoy_franchise(w, 48 if variant == 'a' else 70, 'keystone-franchise')
    decoy_annotation(w, 70 if variant == 'a' else 110, 'veritas-annotators')
    decoy_seo_agency(w, 24 if variant == 'a' else 36, 'brightside-seo')
    decoy_lawfirm(w, 40 if variant == 'a' else 55, 'morrowquist-law')
    decoy_olympiad(w, 60 if variant == 'a' else 90, 'olympiad-club')
    if variant == 'b':
        decoy_newsroom(w, 35, 'meridian-newsroom')
        decoy_retry_storm(w, 40, 'trellis-retry')
        decoy_bookclub_referrals(w, 80, 'lingua-meetup')
    planted_rows = len(w.rows)
    n_bg = N - len(w.accounts)
    target = (350000 if variant == 'a' else 700000) - planted_rows - int(90 * s) * 10 * w.days
    members = background(w, n_bg, int(max(50000, target) * 1.0))
    ring_proxy_churn(w, ring_proxy_churn_args, 'homeproxy-pool', members)
    return w


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    which = sys.argv[2] if len(sys.argv) > 2 else 'both'
    for v in (['a', 'b'] if which == 'both' else [which]):
        t = time.time()
        w = build(v)
        tb = time.time() - t
        tw = finish(w, out, v)
        print('16%s: %d accounts, %d rows, %d rings, %d decoys (build %.1fs, write %.1fs)' % (
            v, len(w.accounts), len(w.rows), len(w.rings), len(w.decoys), tb, tw), file=sys.stderr)


if __name__ == '__main__':
    main()
