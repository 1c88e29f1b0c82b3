/// Ring styles of the extra scenarios, after the held-out sources described in issue 13.
extension ScenarioPopulations {
    /// Own card, residential IP and free-mail address each; one client string nobody else uses,
    /// two chain-of-thought families held by about 94% and 82% of members, and a scheduler
    /// firing `perFire` members within seconds every `period`.
    mutating func toolingRing(_ size: Int, client: String, period: Int64, perFire: Int) -> [Persona] {
        let schedule = schedule(members: size, period: period, perFire: perFire, spread: 4_000)
        return (0..<size).map { member in
            var p = people.base(created: start - Int64(people.rng.int(40...400)) * day)
            p.userAgent = client
            var held: [Int] = []
            if people.rng.chance(113.0 / 120) { held.append(0) }
            if people.rng.chance(98.0 / 120) || held.isEmpty { held.append(1) }
            p.prompts = .scripted(held, share: 0.95)
            p.times = schedule[member]
            p.outputMean = Double(people.rng.int(700...1500))
            p.categories = PersonaParts.categories
            return p
        }
    }

    /// A reseller on one invoice sending nothing but distillation templates from one cloud range.
    mutating func reseller(_ size: Int) -> [Persona] {
        let invoice = "inv_" + people.rng.hex(16)
        let prefix = "\(people.rng.int(100...200)).\(people.rng.int(0...255)).\(people.rng.int(0...255))"
        return (0..<size).map { _ in
            var p = people.base(created: start - Int64(people.rng.int(10...180)) * day)
            p.org = "org_tokenmart"
            p.payment = invoice
            p.paymentKind = "invoice"
            p.plan = "team"
            p.userAgent = "openai-python/1.54.3"
            p.ips = [PersonaParts.datacenterIP(&people.rng, asn: "AS16276", prefix: prefix)]
            p.signupIP = p.ips[0].ip
            p.prompts = .scripted([2, 3], share: 1)
            p.timing = .flat
            p.queries = 30 + people.rng.int(0...50)
            p.outputMean = Double(people.rng.int(900...1800))
            p.categories = PersonaParts.categories
            return p
        }
    }

    /// Members share nothing but templates and coordinated firing: common clients, own cards
    /// and home IPs, created over weeks.
    mutating func templateTimingRing(_ size: Int, period: Int64, perFire: Int) -> [Persona] {
        let schedule = schedule(members: size, period: period, perFire: perFire, spread: 3_000)
        return (0..<size).map { member in
            var p = people.base(created: start - Int64(people.rng.int(30...90)) * day)
            let both = people.rng.chance(0.7)
            p.prompts = .scripted(both ? [6, 7] : [people.rng.int(6...7)], share: 0.9)
            p.times = schedule[member]
            p.outputMean = Double(people.rng.int(600...1400))
            p.categories = PersonaParts.categories
            return p
        }
    }

    /// One operation split into pods: each pod one card and one datacenter /24; the pods share
    /// only their templates and an unusual model mix.
    mutating func pods(_ count: Int, podSize: Int) -> [Persona] {
        var out: [Persona] = []
        for _ in 0..<count {
            let card = "pf_" + people.rng.hex(16)
            let prefix = "\(people.rng.int(100...200)).\(people.rng.int(0...255)).\(people.rng.int(0...255))"
            let asn = people.rng.pick(["AS14061", "AS24940", "AS63949", "AS16509"])
            let client = people.rng.pick(PersonaParts.benignAgents)
            let created = start - Int64(people.rng.int(20...120)) * day
            for _ in 0..<podSize {
                var p = people.base(created: created + Int64(people.rng.int(0...(5 * 86_400))) * 1000)
                p.payment = card
                p.userAgent = client
                p.ips = (0..<2).map { _ in PersonaParts.datacenterIP(&people.rng, asn: asn, prefix: prefix) }
                p.signupIP = p.ips[0].ip
                p.prompts = .scripted([4, 5], share: 1)
                p.models = ["claude-3-5-haiku", "claude-opus-4-1", "claude-opus-4-1"]
                p.timing = .flat
                p.queries = 25 + people.rng.int(0...25)
                p.outputMean = Double(people.rng.int(800...1600))
                p.categories = PersonaParts.categories
                out.append(p)
            }
        }
        return out
    }
}
