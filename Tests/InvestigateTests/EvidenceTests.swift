import Foundation
import Testing
@testable import Investigate

/// The evidence model, coordinated timing and operations on hand-made accounts whose answer is known.
@Suite struct EvidenceTests {
    typealias S = SignalTestSource

    @Test func weightsFollowRarityInThisPopulation() {
        let w = EvidenceWeights(accounts: 272_636, sharingShare: [.userAgent: 1, .payment: 0.02])
        // A client string 120 accounts use: log2(272636 / 120) bits.
        #expect(abs(w.weight(.userAgent, sharedBy: 120) - log2(272_636.0 / 120)) < 1e-9)
        // python-requests on 40,000 accounts: a hub, proposing no pairs.
        #expect(w.isHub(.userAgent, sharedBy: 40_000))
        #expect(!w.isHub(.userAgent, sharedBy: 120))
        // A card two accounts share, in a population where few accounts share cards, links alone.
        #expect(w.weight(.payment, sharedBy: 2) >= w.threshold)
        // ...and the same client shared by two does not.
        #expect(w.weight(.userAgent, sharedBy: 2) < w.threshold)
        // Rarer is stronger; a value nobody else holds is no evidence.
        #expect(w.weight(.payment, sharedBy: 3) > w.weight(.payment, sharedBy: 30))
        #expect(w.weight(.payment, sharedBy: 1) == 0)
    }

    /// A ring of 12 with own cards, IPs and free-mail addresses, tied only by a rare client, two
    /// alternating chain-of-thought families and a network nobody else uses (three kinds strangers
    /// share, each at most half a link: it takes two or more together).
    static func toolingRing(_ s: inout S, size: Int = 12) {
        var rng = SeededRandom(seed: 21)
        for i in 0..<size {
            let id = "t\(i)"
            s.account(.init(id: id, created: "2025-11-0\(1 + i % 9)T08:00:00Z", email: "t\(i)@gmail.com", payment: "own-t\(i)"))
            for q in 0..<24 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: ScenarioPrompts.template(q % 2, &rng),
                    input: 120, output: 1100, ip: "88.\(i).\(q).7", asn: "AS64999", agent: "acme-batch/1.2",
                    category: PersonaParts.categories[q % 12])
            }
        }
    }

    @Test func severalWeakLinksMakeAStrongOne() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.toolingRing(&s)
        let inv = try s.investigate()
        let t0 = inv.data.accountIndex("t0")!, t5 = inv.data.accountIndex("t5")!
        #expect(inv.cluster(ofAccount: t0).size == 12)
        let why = inv.why(t0, t5)
        #expect(why.linked)
        #expect(why.shared.contains { $0.kind == .userAgent && $0.sharedBy == 12 && $0.bits > 0 })
        #expect(why.shared.contains { $0.kind == .template && $0.bits > 0 })
        // No single value carries the link on its own.
        #expect(why.shared.allSatisfy { $0.bits < why.threshold })
        let lines = inv.explainPair(t0, t5)
        #expect(lines.contains { $0.contains("both use client acme-batch/1.2, which 12 of 72 accounts use") })
        #expect(lines.last!.hasSuffix(": linked"))
        // The client's bits can be recomputed from the q the explanation prints.
        let formula = try #require(lines.first { $0.hasPrefix("a shared value's bits are -log2(q × holders / accounts)") })
        let printedQ = try #require(formula.split(separator: " ").drop { $0 != "user_agent" }.dropFirst().first)
        let q = try #require(Double(printedQ.trimmingCharacters(in: CharacterSet(charactersIn: ",;"))))
        // A model mix's q is not a share of accounts (it can pass 1), and the line says so.
        #expect(formula.contains("can pass 1") == why.shared.contains { $0.kind == .modelMix })
        let client = try #require(why.shared.first { $0.kind == .userAgent })
        #expect(abs(-log2(q * 12 / 72) - client.bits) < 0.1)
        // A background account shares nothing rare with the ring.
        #expect(!inv.why(t0, inv.data.accountIndex("bg0")!).linked)
    }

    @Test func oneHubMakesNothing() throws {
        var s = S()
        s.addBackground(count: 60)
        var rng = SeededRandom(seed: 6)
        for i in 0..<40 {
            let id = "n\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "s\(i)@gmail.com", payment: "pfn\(i)"))
            for _ in 0..<10 {
                s.query(id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng), ip: "128.32.1.1", asn: "AS25")
            }
        }
        let inv = try s.investigate()
        let n0 = inv.data.accountIndex("n0")!, n1 = inv.data.accountIndex("n1")!
        #expect(!inv.why(n0, n1).linked)
        #expect(inv.cluster(ofAccount: n0).size == 1)
    }

    @Test func coFiringCountsAgainstOwnRates() throws {
        var s = S()
        s.addBackground(count: 20)
        var rng = SeededRandom(seed: 2)
        for id in ["a", "b", "c"] {
            s.account(.init(id: id, created: "2025-06-01T00:00:00Z", email: "\(id)@gmail.com", payment: "pf-\(id)"))
        }
        for k in 0..<12 {
            let tick = S.base + Int64(k) * 2 * S.day + Int64(rng.int(0...80_000)) * 1000
            s.query("a", at: tick, prompt: PromptMaker.human(&rng))
            s.query("b", at: tick + 2000, prompt: PromptMaker.human(&rng))
            s.query("c", at: tick + 7 * 3_600_000, prompt: PromptMaker.human(&rng))
        }
        let inv = try s.investigate()
        let a = inv.data.accountIndex("a")!, b = inv.data.accountIndex("b")!, c = inv.data.accountIndex("c")!
        let ab = inv.coActivity.coFiring(a, b), ac = inv.coActivity.coFiring(a, c)
        #expect(ab.together == 12)
        #expect(ab.expected < 0.1)
        #expect(ab.bits > inv.weights.threshold)
        #expect(ac.together == 0 && ac.bits == 0)
        #expect(inv.why(a, b).linked)
        let partners = inv.coActivity.partners(of: a, accountCount: inv.data.accountCount)
        #expect(partners.partners.map(\.account) == [b])
        #expect(partners.summary.hasPrefix("fires with 1 account within 5 s, 12 times; "))
        // The account's JSON carries the same timing pivot, partner by partner.
        guard case .object(let account) = Reports.account(a, in: inv), case .object(let timing)? = account["timing"],
            case .array(let listed)? = timing["partners"], case .object(let first)? = listed.first
        else {
            Issue.record("account JSON has no timing partners")
            return
        }
        #expect(listed.count == 1)
        #expect(timing["together"] == .int(12) && timing["window_seconds"] == .int(5))
        #expect(first["account_id"] == .exact(ExactText(bytes: Array("b".utf8))) && first["together"] == .int(12))
        guard case .object(let quiet) = Reports.account(c, in: inv), case .object(let none)? = quiet["timing"] else {
            Issue.record("account JSON has no timing section")
            return
        }
        #expect(none["partners"] == .array([]) && none["together"] == .int(0))
    }

    @Test func surpriseIsZeroWithoutRepeatsOrAboveExpectation() {
        #expect(CoActivity.surpriseBits(0, expected: 0.01) == 0)
        #expect(CoActivity.surpriseBits(1, expected: 0.0001) == 0)
        #expect(CoActivity.surpriseBits(3, expected: 5) == 0)
        // P(Poisson(0.1) >= 2) ≈ 0.00468: about 7.7 bits.
        #expect(abs(CoActivity.surpriseBits(2, expected: 0.1) - 7.74) < 0.05)
        #expect(CoActivity.surpriseBits(37, expected: 0.4) > CoActivity.surpriseBits(10, expected: 0.4))
    }

    @Test func pluralsAndGroupedNumbers() {
        #expect(PairExplanation.count(1, "account") == "1 account")
        #expect(PairExplanation.count(2, "time") == "2 times")
        #expect(PairExplanation.count(0, "account") == "0 accounts")
        #expect(PairExplanation.grouped(272_636) == "272,636")
        #expect(PairExplanation.grouped(120) == "120")
        #expect(PairExplanation.formatShare(0.4137) == "0.41")
        #expect(PairExplanation.formatShare(0.003_21) == "0.0032")
        #expect(PairExplanation.formatShare(0.099_96) == "0.100")
        #expect(PairExplanation.formatShare(1) == "1")
        #expect(PairExplanation.formatShare(2.84) == "2.8")
        #expect(PairExplanation.formatShare(0) == "0")
    }

    @Test func operationsTiePodsByRareTemplates() throws {
        var s = S()
        s.addBackground(count: 60)
        s.addTemplatePods()
        let inv = try s.investigate()
        // Split the pods by hand (as if no link tied them): the finder ties them by their templates.
        var clusterOf = [Int32](repeating: -1, count: inv.data.accountCount)
        for a in 0..<inv.data.accountCount {
            let id = inv.data.accountID(a)
            clusterOf[a] = id.hasPrefix("p0") ? 0 : id.hasPrefix("p1") ? 1 : Int32(2 + a)
        }
        let operations = OperationFinder.find(
            clusterOf: clusterOf, sizes: { $0 < 2 ? 6 : 1 }, index: inv.index, weights: inv.weights)
        #expect(operations.count == 1)
        #expect(operations.first?.clusters == [0, 1])
        #expect(operations.first?.accounts == 12)
        #expect(operations.first?.ties.contains { $0.kind == .template } == true)
        // The same templates, when most of their holders are alone (only two of each pod sit in a
        // cluster, the rest in none): strangers' tooling, so no operation ties the two pairs.
        var scattered = [Int32](repeating: -1, count: inv.data.accountCount)
        for a in 0..<inv.data.accountCount {
            let id = inv.data.accountID(a)
            scattered[a] = id == "p0-0" || id == "p0-1" ? 0 : id == "p1-0" || id == "p1-1" ? 1 : Int32(2 + a)
        }
        let none = OperationFinder.find(clusterOf: scattered, sizes: { $0 < 2 ? 2 : 1 }, index: inv.index, weights: inv.weights)
        #expect(none.isEmpty)
    }
}
