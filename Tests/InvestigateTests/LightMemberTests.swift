import Foundation
import Testing
@testable import Investigate

/// A ring's light members (a query or two each, their own card, IP and key, a common browser
/// client): one prompt in an established template family is a use of it
/// (`TemplateFamilies.lightUses`), so a light member firing with the ring again and again joins
/// it by the group-firing join. A benign look-alike sending the same scaffold at its own times
/// stays apart and below half.
@Suite struct LightMemberTests {
    typealias S = SignalTestSource

    /// One scaffold, the numbers varying (digits normalise to one word: the same sketch).
    static func scaffold(_ n: Int) -> String {
        "Problem \(n). Let f(x) = \(n % 90 + 2)x^3 - \(n % 70 + 3)x + \(n % 9). Find the local extrema and classify them. "
            + "Work through it carefully, numbering each step, state every intermediate result, then give the final "
            + "answer on its own line as ANSWER: <value>."
    }

    /// A scheduler ring of 12 on a rare client: three members fired within seconds every 30
    /// minutes, every prompt on the scaffold. Returns the ticks' times.
    @discardableResult
    static func ring(_ s: inout S, ticks: Int = 300) -> [Int64] {
        var rng = SeededRandom(seed: 41)
        for i in 0..<12 {
            s.account(.init(id: "r\(i)", created: "2026-01-0\(1 + i % 5)T08:00:00Z", email: "r\(i)@gmail.com", payment: "pf-r\(i)"))
        }
        var times: [Int64] = []
        for tick in 0..<ticks {
            let at = S.base + Int64(tick) * 1_800_000
            times.append(at)
            var picked = Set<Int>()
            while picked.count < 3 { picked.insert(rng.int(0...11)) }
            for i in picked.sorted() {
                s.query(
                    "r\(i)", at: at + Int64(rng.int(0...2000)), prompt: scaffold(rng.int(1...99_999)), input: 90, output: 2500,
                    ip: "92.\(i).\(tick % 200).3", asn: "AS3215", agent: "acme-batch/1.2", category: "math")
            }
        }
        return times
    }

    /// Light members: each its own card, IP and key, the background's client, `queries` prompts
    /// on the scaffold sent a second after ring ticks.
    static func lightMembers(_ s: inout S, ids: [String], queries: Int, ticks: [Int64]) {
        var rng = SeededRandom(seed: 43)
        for id in ids {
            s.account(.init(id: id, created: "2026-01-03T09:00:00Z", email: "\(id)@icloud.com", payment: "pf-\(id)"))
            for _ in 0..<queries {
                let tick = ticks[rng.int(0...(ticks.count - 1))]
                s.query(
                    id, at: tick + 1000 + Int64(rng.int(0...1500)), prompt: scaffold(rng.int(1...99_999)), input: 90, output: 2500,
                    ip: "71.\(rng.int(1...250)).\(rng.int(1...250)).8", asn: "AS7922", category: "math")
            }
        }
    }

    @Test func aLightAccountsLonePromptUsesAnEstablishedFamily() throws {
        var s = S()
        s.addBackground(count: 40)
        Self.ring(&s, ticks: 40)
        Self.lightMembers(&s, ids: ["l0"], queries: 1, ticks: [S.base + 99 * S.day])
        // A light account with one human prompt: no family.
        s.account(.init(id: "h0", created: "2026-01-03T09:00:00Z", email: "h0@icloud.com", payment: "pf-h0"))
        s.query("h0", at: S.base + 50 * S.day, prompt: "Can you suggest a name for my bakery? It sells sourdough and pastries.")
        // A scaffold only one heavy account uses, and a light account sending it once: no family
        // (a light account never makes one).
        s.account(.init(id: "solo", created: "2025-03-03T09:00:00Z", email: "solo@gmail.com", payment: "pf-solo"))
        s.account(.init(id: "l1", created: "2026-01-03T09:00:00Z", email: "l1@icloud.com", payment: "pf-l1"))
        let other = { (n: Int) in "Summarise chapter \(n) of the attached manual for the night shift in three bullet points please." }
        for q in 0..<6 { s.query("solo", at: S.base + Int64(q) * S.day, prompt: other(q)) }
        s.query("l1", at: S.base + 70 * S.day, prompt: other(9))
        let inv = try s.investigate()
        let families = inv.index.families
        func held(_ id: String) -> [Int32] { Array(inv.index.values(of: inv.data.accountIndex(id)!, kind: .template)) }
        let ringFamilies = Set(held("r0"))
        #expect(!ringFamilies.isEmpty)
        #expect(!held("l0").isEmpty && Set(held("l0")).isSubset(of: ringFamilies))
        // A use that links, not a habit: its shares stay those of an account without a family.
        #expect(families.topShare[inv.data.accountIndex("l0")!] == 0)
        #expect(families.familyShare[inv.data.accountIndex("l0")!] == 0)
        #expect(held("h0").isEmpty)
        #expect(held("solo").isEmpty && held("l1").isEmpty)
        // The family's weight is read from all its holders, the light one included.
        let family = held("l0")[0]
        #expect(inv.index.accounts(sharing: .template, value: family).contains(Int32(inv.data.accountIndex("l0")!)))
    }

    @Test func lightMembersFiringWithTheRingJoinItAndACohortOnTheScaffoldDoesNot() throws {
        var s = S()
        s.addBackground(count: 60)
        let ticks = Self.ring(&s)
        // Six light members, two queries each, a second after ring ticks.
        let light = (0..<6).map { "l\($0)" }
        Self.lightMembers(&s, ids: light, queries: 2, ticks: ticks)
        // A benign cohort sending the same scaffold, two prompts each, at times of its own
        // (evenings, days after the ring's ticks), the background's client: the look-alike.
        var rng = SeededRandom(seed: 47)
        for i in 0..<6 {
            let id = "c\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 8)-10T09:00:00Z", email: "\(id)@icloud.com", payment: "pf-\(id)"))
            for q in 0..<2 {
                s.query(
                    id, at: S.base + Int64(20 + 3 * i + q) * S.day + 1_234_567 + Int64(rng.int(0...600)) * 1000,
                    prompt: Self.scaffold(rng.int(1...99_999)), input: 90, output: 2500, ip: "66.\(i).\(q).4", asn: "AS7018",
                    category: "math")
            }
        }
        let inv = try s.investigate()
        let ring = inv.cluster(ofAccount: inv.data.accountIndex("r0")!)
        let members = Set(ring.members)
        for id in light {
            #expect(members.contains(Int32(inv.data.accountIndex(id)!)), "\(id) not in the ring's cluster")
        }
        #expect(ring.risk >= 0.5)
        for i in 0..<6 {
            let c = inv.data.accountIndex("c\(i)")!
            #expect(!members.contains(Int32(c)), "c\(i) joined the ring")
            #expect(inv.clusterRisk(of: "c\(i)") < 0.5)
        }
        // `why` says what ties a light member to a ring member: the family, and how the light
        // one fires with the rest of the cluster.
        let (l0, r0) = (inv.data.accountIndex("l0")!, inv.data.accountIndex("r0")!)
        #expect(inv.explainPair(l0, r0).contains { $0.contains("template family") })
        let evidence = inv.why(l0, r0)
        #expect(!evidence.linked)
        let note = try #require(PairClusterNote.line(evidence, a: l0, b: r0, in: inv))
        #expect(note.contains("l0 fired within 5 s of the cluster's other members in 2 of its 2 bursts"))
    }
}
