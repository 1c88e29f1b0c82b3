/// The `mixed` scenario's rings, in styles none of the other scenarios plant.
extension MixedPeople {
    /// Client rotation: every account its own card, home IP, time zone habits and client
    /// string (SDK versions rotated so no two share one by design); what they share is an
    /// unusual model mix (old haiku and opus, half and half) and one distillation scaffold, each
    /// account in its own wording. Created over six weeks; no burst, no schedule.
    mutating func clientRotationRing(_ size: Int) -> [MixedAccount] {
        var clients = Set<String>()
        return (0..<size).map { _ in
            var a = person(created: clock.end - Int64(rng.int(20...62)) * clock.day - Int64(rng.int(0...86_399_999)))
            // Versions are drawn until one is new; once most of the few hundred are taken, a
            // repeat is allowed (a large ring shares some, as real rotation pools do).
            var client = "", tries = 0
            repeat {
                tries += 1
                client = rng.pick([
                    "anthropic-sdk-python/0.\(rng.int(28...45)).\(rng.int(0...9))", "anthropic-sdk-typescript/0.\(rng.int(20...33)).\(rng.int(0...9))",
                    "httpx/0.\(rng.int(20...28)).\(rng.int(0...9))", "aiohttp/3.\(rng.int(8...11)).\(rng.int(0...9))",
                ])
            } while !clients.insert(client).inserted && tries < 50
            a.client = client
            a.models = [("claude-opus-4-1", 1), ("claude-3-haiku-20240307", 1)]
            a.prompts = .scaffold(variant: MixedPrompts.scaffoldVariant(&rng), share: 0.85)
            a.categories = Self.categories
            a.outputMedian = rng.logNormal(median: 1100, sigma: 0.25)
            a.times = clock.sessions(30 + rng.int(0...40), offset: rng.pick([8, 9, 3, 5]), from: a.created, rng: &rng)
            return a
        }
    }

    /// Many small cards in bursts: waves of 5-8 accounts made within two hours, a prepaid card
    /// per two or three accounts, each account busy in two or three short bursts within days
    /// of its creation, then silent; dataset-row templates; common client, home networks.
    mutating func burstCardRing(_ size: Int) -> [MixedAccount] {
        var out: [MixedAccount] = []
        while out.count < size {
            let waveSize = min(size - out.count, rng.int(5...8))
            let born = clock.start + Int64(rng.int(0...(clock.days - 4) * 86_400)) * 1000
            var cards: [(String, String)] = []
            let perCard = rng.int(2...3)
            for member in 0..<waveSize {
                if member % perCard == 0 { cards.append(("card_" + rng.hex(20), "prepaid")) }
                var a = person(created: born + Int64(rng.int(0...7_200_000)))
                a.instruments = [cards[cards.count - 1]]
                a.client = "python-requests/2.32.3"
                a.networks = (0..<3).map { _ in homeIP() }
                a.signupIP = a.networks[0].ip
                a.prompts = .datasetRows
                a.categories = Self.categories
                a.outputMedian = rng.logNormal(median: 1300, sigma: 0.2)
                for _ in 0..<rng.int(2...3) {
                    let at = a.created + Int64(rng.int(1...72)) * clock.hour + Int64(rng.int(0...3_599_999))
                    a.times += clock.burst(rng.int(15...35), at: at, rng: &rng)
                }
                a.times.sort()
                out.append(a)
            }
        }
        return out
    }

    /// Office-hours mimicry: accounts on one business ISP, mail on a handful of consultancy-like
    /// domains, own cards, created over two months; queries only on weekdays 9:00-17:30 at
    /// UTC-5 with a lunch dip, asking for memos with numbered reasoning over every subject.
    mutating func officeMimicRing(_ size: Int) -> [MixedAccount] {
        let domains = (0..<5).map { _ in rng.pick(MixedPrompts.vocabulary) + "-" + rng.pick(["consulting", "advisory", "partners"]) + ".com" }
        return (0..<size).map { _ in
            var a = person(created: clock.end - Int64(rng.int(35...95)) * clock.day)
            a.email = rng.pick(MixedPrompts.names).lowercased() + "." + rng.hex(3) + "@" + rng.pick(domains)
            a.country = "US"
            a.plan = rng.chance(0.5) ? "team" : "payg"
            a.networks = [("\(rng.int(12...99)).\(rng.int(0...255)).\(rng.int(0...255)).\(rng.int(1...254))", "AS7018")]
            a.signupIP = a.networks[0].ip
            a.client = rng.pick(["Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edge/131.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) Safari/605.1.15"])
            a.prompts = .memos(share: 0.75)
            a.categories = Self.categories
            a.outputMedian = rng.logNormal(median: 1250, sigma: 0.2)
            a.times = clock.officeHours(40 + rng.int(0...40), offset: -5, from: a.created, rng: &rng)
            return a
        }
    }
}
