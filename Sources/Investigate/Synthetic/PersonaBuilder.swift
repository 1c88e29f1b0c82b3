/// The ring styles the generator plants.
public enum RingStyle: String, CaseIterable, Sendable {
    /// Few shared cards, datacenter IPs, one client, a creation burst, lock-step scheduling.
    case cardFarm = "card-farm"
    /// Hydra: every account its own card and residential proxy IP; shared tooling and templates only.
    case hydra
    /// Many accounts on one custom mail domain, each just under volume limits, uniform.
    case slowDrip = "slow-drip"
    /// New accounts reusing the cards and API tooling of banned accounts.
    case recidivist
}

/// Builds personas for each population.
struct PersonaBuilder {
    var rng: SeededRandom
    let start: Int64
    private var serial = 0
    private var issued = Set<String>()
    let day: Int64 = 86_400_000

    init(rng: SeededRandom, start: Int64) {
        self.rng = rng
        self.start = start
    }

    /// A fresh account id, never one already issued.
    private mutating func newID() -> String {
        serial += 1
        while true {
            let id = "acct_" + rng.hex(10)
            if issued.insert(id).inserted { return id }
        }
    }

    mutating func base(created: Int64? = nil) -> Persona {
        let ip = PersonaParts.residentialIP(&rng)
        let user = PromptMaker.words[rng.int(0...PromptMaker.words.count - 1)] + String(rng.int(1...9999))
        return Persona(
            id: newID(), createdAt: created ?? start - Int64(rng.int(1...700)) * day - Int64(rng.int(0...86_399)) * 1000,
            email: user + "@" + rng.pick(PersonaParts.freeMail), country: rng.pick(PersonaParts.countries),
            payment: "pf_" + rng.hex(16), signupIP: ip.0, ips: [ip], userAgent: rng.pick(PersonaParts.benignAgents),
            apiKey: "sk-ant-" + rng.hex(8), queries: 1 + rng.geometric(mean: 8),
            categories: (0..<rng.int(1...4)).map { _ in rng.pick(PersonaParts.categories) })
    }

    mutating func individuals(_ count: Int) -> [Persona] {
        (0..<count).map { _ in
            var p = base()
            if rng.chance(0.2) { p.ips.append(PersonaParts.residentialIP(&rng)) }
            if rng.chance(0.02) { p.nickname = rng.pick(PromptMaker.hostile) }
            p.outputMean = Double(rng.int(80...700))
            return p
        }
    }

    mutating func company(name: String, size: Int, enterprise: Bool = false) -> [Persona] {
        let domain = String(name.dropFirst(4)) + (enterprise ? ".example" : ".io")
        let invoice = "inv_" + rng.hex(16)
        let office = "198.\(rng.int(18...19)).\(rng.int(0...255))"
        let asn = "AS\(rng.int(64_512...65_000))"
        return (0..<size).map { _ in
            var p = base()
            p.email = "staff" + rng.hex(4) + "@" + domain
            p.org = name
            p.plan = enterprise ? "enterprise" : "team"
            p.payment = invoice
            p.paymentKind = "invoice"
            p.country = "us"
            let ip = (office + ".\(rng.int(1...254))", asn)
            p.ips = [ip]
            p.signupIP = ip.0
            p.timing = .office
            p.queries = enterprise ? 10 + rng.geometric(mean: 30) : 3 + rng.geometric(mean: 12)
            p.outputMean = Double(rng.int(200...900))
            return p
        }
    }

    mutating func natStrangers(_ count: Int) -> [Persona] {
        let ip = ("128.32.\(rng.int(0...255)).\(rng.int(1...254))", "AS25")
        return (0..<count).map { _ in
            var p = base()
            p.ips = [ip]
            p.signupIP = ip.0
            p.email = "student" + rng.hex(5) + "@" + rng.pick(["gmail.com", "berkeley.edu"])
            return p
        }
    }

    mutating func vpnUsers(_ count: Int) -> [Persona] {
        let exits = (0..<3).map { _ in ("185.\(rng.int(100...250)).\(rng.int(0...255)).\(rng.int(1...254))", "AS9009") }
        return (0..<count).map { _ in
            var p = base()
            p.ips = [rng.pick(exits)]
            if rng.chance(0.5) { p.ips.append(rng.pick(exits)) }
            return p
        }
    }

    mutating func evalFirm() -> [Persona] {
        let invoice = "inv_" + rng.hex(16)
        return (0..<3).map { _ in
            var p = base(created: start - 600 * day)
            p.org = "org_evalworks"
            p.email = "bench" + rng.hex(3) + "@evalworks.ai"
            p.payment = invoice
            p.paymentKind = "invoice"
            p.plan = "enterprise"
            p.ips = [PersonaParts.datacenterIP(&rng, asn: "AS16509", prefix: "52.14.\(rng.int(0...255))")]
            p.userAgent = "evalharness/0.4.1"
            p.prompts = .benchmark
            p.timing = .flat
            p.queries = 300 + rng.int(0...300)
            p.outputMean = 3
            p.categories = PersonaParts.categories
            return p
        }
    }

    mutating func bannedAccounts(_ count: Int) -> [Persona] {
        (0..<count).map { _ in
            var p = base()
            p.status = "banned"
            p.userAgent = "hx-collector/1.9"
            p.queries = 5 + rng.int(0...20)
            p.prompts = .ring(4)
            return p
        }
    }

    mutating func ring(style: RingStyle, index: Int, size: Int, banned: [Persona]) -> [Persona] {
        let burst = start - Int64(rng.int(20...200)) * day
        let cards = (0..<max(1, size / 12)).map { _ in "pf_" + rng.hex(16) }
        let client = ["dc-harvest/2.3 (python-httpx/0.27)", "aiohttp/3.9.5 worker", "node-fetch/3.3 qbot", "hx-collector/1.9"][index % 4]
        let dcASN = ["AS14061", "AS16276", "AS24940", "AS20473"][index % 4]
        let domain = "mx" + rng.hex(4) + ".top"
        let prefixes = (0..<max(1, size / 25)).map { _ in "\(rng.int(100...200)).\(rng.int(0...255)).\(rng.int(0...255))" }
        return (0..<size).map { member in
            var p = base(created: burst + Int64(rng.int(0...60 * 3600)) * 1000)
            p.userAgent = client
            p.prompts = .ring(index)
            p.categories = PersonaParts.categories
            p.outputMean = Double(rng.int(700...1600))
            p.plan = "payg"
            switch style {
            case .cardFarm:
                p.payment = rng.pick(cards)
                p.ips = (0..<3).map { _ in PersonaParts.datacenterIP(&rng, asn: dcASN, prefix: rng.pick(prefixes)) }
                p.timing = .lockstep(index)
                p.queries = 20 + rng.int(0...30)
            case .hydra:
                p.ips = (0..<2).map { _ in PersonaParts.residentialIP(&rng) }
                p.timing = .lockstep(index)
                p.queries = 15 + rng.int(0...15)
            case .slowDrip:
                p.email = "u" + rng.hex(6) + "@" + domain
                p.ips = [PersonaParts.datacenterIP(&rng, asn: dcASN, prefix: rng.pick(prefixes))]
                p.timing = .flat
                p.queries = 40 + rng.int(0...4)
            case .recidivist:
                // Every banned account's card comes back at least once.
                p.payment = member < banned.count ? banned[member].payment : rng.pick(banned).payment
                p.ips = [PersonaParts.datacenterIP(&rng, asn: dcASN, prefix: rng.pick(prefixes))]
                p.timing = .flat
                p.queries = 20 + rng.int(0...25)
            }
            p.signupIP = p.ips[0].ip
            return p
        }
    }
}
