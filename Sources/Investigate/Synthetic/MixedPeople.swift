/// Benign accounts and look-alikes of the `mixed` scenario: people in several time zones with
/// sessions and a heavy-tailed volume, small teams sharing a card, strangers behind a mobile
/// carrier's NAT, and three organisations that look like rings in one respect or another.
struct MixedPeople {
    var rng: SeededRandom
    let clock: MixedClock
    private var issued = Set<String>()

    init(seed: UInt64, clock: MixedClock) {
        rng = SeededRandom(seed: seed)
        self.clock = clock
    }

    static let homeASNs = ["AS7922", "AS22773", "AS3320", "AS5410", "AS3215", "AS12389", "AS4134", "AS2516", "AS4713", "AS9829", "AS28573", "AS1221"]
    static let clients: [(String, Double)] = [
        ("anthropic-sdk-python/0.40.0", 30), ("anthropic-sdk-typescript/0.33.0", 14), ("Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0", 9),
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Mobile/15E148", 8), ("litellm/1.52.0", 8), ("curl/8.11.0", 5),
        ("llm-cli/0.19", 4), ("continue-vscode/0.8.60", 7), ("okhttp/4.12.0", 5), ("axios/1.7.9", 6), ("reqwest/0.12", 4),
    ]
    static let models: [(String, Double)] = [("claude-sonnet-4-5", 60), ("claude-haiku-4-5", 25), ("claude-opus-4-1", 15)]
    static let categories = [
        "programming", "mathematics", "logic", "essay", "translation", "biology", "chemistry", "legal", "health", "economics",
        "chitchat", "fiction", "data", "history", "education",
    ]
    /// Time zones (UTC offsets in hours) and how many people live in each.
    static let zones: [(Int, Double)] = [(-8, 12), (-5, 18), (-3, 6), (0, 8), (1, 14), (3, 5), (5, 8), (8, 14), (9, 8), (10, 3)]

    /// A fresh account id, never one already issued (a different shape from the other scenarios').
    mutating func newID() -> String {
        while true {
            let id = "u-" + rng.hex(4) + "-" + rng.hex(8)
            if issued.insert(id).inserted { return id }
        }
    }

    mutating func homeIP() -> (ip: String, asn: String) {
        ("\(rng.pick([5, 37, 49, 71, 86, 99, 112, 141, 177, 183, 190, 217])).\(rng.int(0...255)).\(rng.int(0...255)).\(rng.int(1...254))",
         rng.pick(Self.homeASNs))
    }

    /// A person: own card, home network, a client from the common mix, one main model.
    mutating func person(created: Int64? = nil) -> MixedAccount {
        let ip = homeIP()
        let main = rng.weighted(Self.models.map { ($0.0, $0.1) })
        return MixedAccount(
            id: newID(), created: created ?? clock.end - Int64(rng.int(3...900)) * clock.day - Int64(rng.int(0...86_399_999)),
            email: rng.pick(MixedPrompts.vocabulary) + "." + rng.hex(3) + "@" + rng.pick(["gmail.com", "outlook.com", "yahoo.co.jp", "gmx.de", "naver.com", "proton.me"]),
            country: rng.pick(["US", "DE", "JP", "BR", "IN", "GB", "KR", "FR", "MX", "AU", "CN", "NG"]),
            instruments: [("card_" + rng.hex(20), "card")], signupIP: ip.ip, networks: [ip],
            client: rng.weighted(Self.clients), apiKey: "sk-ant-api03-" + rng.hex(10),
            models: Self.models.map { ($0.0, $0.0 == main ? 85 : 5) },
            categories: (0..<rng.int(1...5)).map { _ in rng.pick(Self.categories) }, prompts: .chat,
            outputMedian: rng.logNormal(median: 320, sigma: 0.6))
    }

    /// Individuals: heavy-tailed volume (5% power users), sessions in their own time zone.
    mutating func individuals(_ count: Int) -> [MixedAccount] {
        (0..<count).map { _ in
            var a = person()
            if rng.chance(0.25) { a.networks.append(homeIP()) }
            let volume = rng.chance(0.05) ? 20 + rng.geometric(mean: 120) : 1 + rng.geometric(mean: 9)
            a.times = clock.sessions(volume, offset: rng.weighted(Self.zones), from: a.created, rng: &rng)
            return a
        }
    }

    /// Small teams of 2-6 sharing one company card and a company mail domain, working hours.
    mutating func teams(_ count: Int) -> [MixedAccount] {
        var out: [MixedAccount] = []
        for _ in 0..<count {
            let card = ("card_" + rng.hex(20), "card")
            let domain = rng.pick(MixedPrompts.vocabulary) + rng.hex(2) + ".co"
            let zone = rng.weighted(Self.zones)
            for _ in 0..<rng.int(2...6) {
                var a = person()
                a.instruments = [card]
                a.email = "dev" + rng.hex(3) + "@" + domain
                a.plan = "team"
                a.times = clock.officeHours(3 + rng.geometric(mean: 25), offset: zone, from: a.created, rng: &rng)
                out.append(a)
            }
        }
        return out
    }

    /// Strangers on a mobile carrier's shared NAT addresses.
    mutating func carrierNAT(_ count: Int) -> [MixedAccount] {
        let exits = (0..<4).map { _ in ("172.58.\(rng.int(0...255)).\(rng.int(1...254))", "AS21928") }
        return (0..<count).map { _ in
            var a = person()
            a.networks = [rng.pick(exits)]
            a.signupIP = a.networks[0].ip
            a.client = "Mozilla/5.0 (Linux; Android 15; Pixel 9) Mobile"
            a.times = clock.sessions(1 + rng.geometric(mean: 6), offset: -5, from: a.created, rng: &rng)
            return a
        }
    }

    /// A CI / testing company: one invoice, cloud runners, a cron firing a quarter of the
    /// accounts within two seconds every 30 minutes of the working day; tiny JSON answers.
    mutating func ciCompany(_ count: Int) -> [MixedAccount] {
        let invoice = ("inv_" + rng.hex(20), "invoice")
        let prefix = "20.42.\(rng.int(0...255))"
        var accounts = (0..<count).map { _ -> MixedAccount in
            var a = person(created: clock.end - Int64(rng.int(200...800)) * clock.day)
            a.org = "org_shipfast"
            a.email = "ci-" + rng.hex(4) + "@shipfast.dev"
            a.plan = "enterprise"
            a.instruments = [invoice]
            a.networks = (0..<3).map { _ in ("\(prefix).\(rng.int(1...254))", "AS8075") }
            a.signupIP = a.networks[0].ip
            a.client = "shipfast-ci/4.2 (pytest)"
            a.prompts = .ciCheck
            a.categories = ["programming"]
            a.outputMedian = rng.logNormal(median: 14, sigma: 0.3)
            a.outputSigma = 0.25
            return a
        }
        for tick in clock.cronTicks(period: 30 * 60_000, fromHour: 6, toHour: 20, rng: &rng) {
            for i in accounts.indices where rng.chance(0.25) { accounts[i].times.append(tick + Int64(rng.int(0...2_000))) }
        }
        for i in accounts.indices { accounts[i].times.sort() }
        return accounts
    }

    /// A translation agency: one office network and invoice, office hours at UTC+1, one template
    /// with long source texts and answers about as long.
    mutating func translationAgency(_ count: Int) -> [MixedAccount] {
        let invoice = ("inv_" + rng.hex(20), "invoice")
        let office = "62.\(rng.int(0...255)).\(rng.int(0...255))"
        return (0..<count).map { _ in
            var a = person(created: clock.end - Int64(rng.int(60...1200)) * clock.day)
            a.org = "org_linguaworks"
            a.email = rng.pick(MixedPrompts.names).lowercased() + rng.hex(2) + "@linguaworks.de"
            a.country = "DE"
            a.plan = "team"
            a.instruments = [invoice]
            a.networks = [("\(office).\(rng.int(1...254))", "AS3209")]
            a.signupIP = a.networks[0].ip
            a.client = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edge/131.0"
            a.prompts = .translation(language: rng.pick(["German", "French", "Polish", "Italian", "Dutch", "Japanese"]))
            a.categories = ["translation"]
            a.outputMedian = rng.logNormal(median: 900, sigma: 0.2)
            a.times = clock.officeHours(30 + rng.int(0...90), offset: 1, from: a.created, rng: &rng)
            return a
        }
    }

    /// A research lab running a public maths benchmark with chain-of-thought prompts: a lab
    /// card, cloud notebooks, evaluation runs of a few hundred items each, a few accounts per run.
    mutating func benchmarkLab(_ count: Int) -> [MixedAccount] {
        let card = ("card_" + rng.hex(20), "card")
        let prefix = "35.\(rng.int(180...240)).\(rng.int(0...255))"
        var accounts = (0..<count).map { _ -> MixedAccount in
            var a = person(created: clock.end - Int64(rng.int(300...1000)) * clock.day)
            a.org = "org_openevals"
            a.email = "eval-" + rng.hex(3) + "@openevals.org"
            a.instruments = [card]
            a.networks = [("\(prefix).\(rng.int(1...254))", "AS396982")]
            a.signupIP = a.networks[0].ip
            a.client = "lm-evaluation-harness/0.4.5"
            a.prompts = .benchmark
            a.categories = ["mathematics", "mathematics", "mathematics", "logic"]
            a.models = [("claude-sonnet-4-5", 1)]
            a.outputMedian = rng.logNormal(median: 210, sigma: 0.2)
            a.outputSigma = 0.35
            return a
        }
        for _ in 0..<max(4, count / 2) {
            let runner = (0..<rng.int(1...3)).map { _ in rng.int(0...count - 1) }
            var t = clock.start + Int64(rng.int(0...(clock.days - 1) * 86_400)) * 1000
            for _ in 0..<rng.int(150...450) {
                let i = rng.pick(runner)
                if t < clock.end { accounts[i].times.append(t) }
                t += Int64(rng.int(1_500...4_000))
            }
        }
        for i in accounts.indices { accounts[i].times.sort() }
        return accounts
    }
}
