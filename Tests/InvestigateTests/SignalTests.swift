import Foundation
import Testing
@testable import Investigate

/// Each signal on hand-made accounts where the answer is known, with its benign look-alike.
@Suite struct SignalTests {
    typealias S = SignalTestSource

    /// A ring: one card, a burst of creations, one template asking for reasoning, long answers,
    /// fired in lock-step from a hosting ASN.
    static func ring(_ s: inout S, size: Int = 8, prefix: String = "r", lockstep: Bool = true) {
        var rng = SeededRandom(seed: 9)
        for i in 0..<size {
            s.account(
                .init(id: "\(prefix)\(i)", created: "2026-01-10T0\(i % 9):00:00Z", email: "\(prefix)\(i)@mx.top", payment: "card-\(prefix)")
            )
            for q in 0..<30 {
                let at = lockstep ? S.base + Int64(q) * 600_000 + Int64(i) * 1000 : S.base + Int64(rng.int(0...2_500_000)) * 1000
                s.query(
                    "\(prefix)\(i)", at: at, prompt: PromptMaker.ring(0, &rng, hostileRate: 0), input: 80, output: 1400,
                    ip: "45.10.0.\(i)", asn: "AS14061", agent: "harvest/2", category: PersonaParts.categories[q % 12])
            }
        }
    }

    @Test func ringSignalsFireAndRiskIsHigh() throws {
        var s = S()
        s.addBackground()
        Self.ring(&s)
        let inv = try s.investigate()
        #expect(inv.clusterRisk(of: "r0") >= 0.5)
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("r0")!).size == 8)
        for name in [
            "template_share", "reasoning_elicitation", "harvest_shape", "creation_burst", "lockstep_timing",
            "infrastructure", "shared_instruments", "uniform_volume", "capability_sweep",
        ] {
            let score = inv.signal(name, of: "r0")
            #expect(score != nil, "\(name) missing")
            #expect((score?.contribution ?? 0) > 0, "\(name) did not contribute")
            #expect(!(score?.explanation.isEmpty ?? true))
        }
        #expect(inv.clusterRisk(of: "bg0") < 0.5)
    }

    @Test func enterpriseWithOneInvoiceAndHumanPromptsIsBenign() throws {
        var s = S()
        s.addBackground()
        var rng = SeededRandom(seed: 4)
        for i in 0..<30 {
            let id = "e\(i)"
            s.account(
                .init(
                    id: id, created: "2025-0\(1 + i % 9)-0\(1 + i % 9)T10:00:00Z", email: "e\(i)@globex.example", payment: "inv-globex",
                    org: "globex"))
            s.payment(id, "inv-globex", kind: "invoice")
            for _ in 0..<80 {
                let day = Int64(rng.int(0...20)), hour = Int64(rng.int(9...17))
                s.query(
                    id, at: S.base + day * S.day + hour * 3_600_000 + Int64(rng.int(0...3_599_999)), prompt: PromptMaker.human(&rng),
                    input: rng.int(50...400), output: rng.int(100...900), ip: "198.18.4.\(i)", asn: "AS64600", agent: "sdk/1.0",
                    category: rng.pick(["coding", "writing", "finance"]))
            }
        }
        let inv = try s.investigate()
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("e0")!).size == 30)
        #expect(inv.clusterRisk(of: "e0") < 0.5)
        #expect((inv.signal("shared_instruments", of: "e0")?.contribution ?? 0) == 0)
        #expect((inv.signal("creation_burst", of: "e0")?.contribution ?? 0) == 0)
    }

    @Test func evaluationFirmWithTinyAnswersIsDamped() throws {
        var s = S()
        s.addBackground()
        var rng = SeededRandom(seed: 5)
        for i in 0..<3 {
            let id = "ev\(i)"
            s.account(.init(id: id, created: "2024-03-01T00:00:00Z", email: "b\(i)@evalworks.ai", payment: "inv-eval", org: "evalworks"))
            for q in 0..<300 {
                s.query(
                    id, at: S.base + Int64(q) * 60_000 + Int64(i) * 500, prompt: PromptMaker.benchmark(&rng), input: 120, output: 2,
                    ip: "52.14.0.\(i)", asn: "AS16509", agent: "evalharness/0.4", category: PersonaParts.categories[q % 12])
            }
        }
        let inv = try s.investigate()
        #expect(inv.clusterRisk(of: "ev0") < 0.5)
        #expect((inv.signal("small_outputs", of: "ev0")?.contribution ?? 0) < 0)
        #expect((inv.signal("harvest_shape", of: "ev0")?.contribution ?? 0) == 0)
    }

    @Test func strangersBehindOneNATAreNotOneCluster() throws {
        var s = S()
        s.addBackground()
        var rng = SeededRandom(seed: 6)
        for i in 0..<40 {
            let id = "n\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "s\(i)@berkeley.edu", payment: "pfn\(i)"))
            for _ in 0..<10 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng), ip: "128.32.1.1", asn: "AS25")
            }
        }
        let inv = try s.investigate()
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("n0")!).size == 1)
        let ip = inv.index.valueID(.ip, "128.32.1.1")!
        #expect(inv.index.shareCount(.ip, value: ip) == 40)
        #expect(inv.index.isHub(.ip, value: ip))
    }

    @Test func hydraRingJoinsOnTemplateAndClientAlone() throws {
        var s = S()
        s.addBackground()
        var rng = SeededRandom(seed: 7)
        for i in 0..<10 {
            let id = "h\(i)"
            s.account(.init(id: id, created: "2026-01-10T0\(i % 9):30:00Z", email: "h\(i)@gmail.com", payment: "own-\(i)"))
            for q in 0..<25 {
                s.query(
                    id, at: S.base + Int64(q) * 900_000 + Int64(i) * 2000, prompt: PromptMaker.ring(1, &rng, hostileRate: 0), input: 90,
                    output: 1200,
                    ip: "73.\(i).\(q).1", asn: "AS7922", agent: "qbot/3.3", category: PersonaParts.categories[q % 12])
            }
        }
        let inv = try s.investigate()
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("h0")!).size == 10)
        #expect(inv.clusterRisk(of: "h0") >= 0.5)
    }

    @Test func recidivismFromABannedAccountsCard() throws {
        var s = S()
        s.addBackground()
        s.account(.init(id: "old", created: "2025-01-01T00:00:00Z", email: "old@x.io", payment: "card-r", status: "banned"))
        Self.ring(&s)
        let inv = try s.investigate()
        let score = inv.signal("recidivism", of: "r0")
        #expect((score?.contribution ?? 0) > 0)
        #expect(inv.signal("recidivism", of: "bg0") == nil)
    }

    @Test func staggeredRingStillUniformButNotLockstep() throws {
        var s = S()
        s.addBackground()
        Self.ring(&s, lockstep: false)
        let inv = try s.investigate()
        let lockstep = inv.signal("lockstep_timing", of: "r0")
        #expect((lockstep?.value ?? 1) < 0.3)
        #expect((inv.signal("uniform_volume", of: "r0")?.contribution ?? 0) > 0)
    }
}
