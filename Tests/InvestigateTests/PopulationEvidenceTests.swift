import Foundation
import Testing
@testable import Investigate

/// Evidence read against the population it comes from: accounts holding many values of a kind,
/// values local to one country, ties to banned accounts that chance explains, schedules, and an
/// academic domain's onboarding. Hand-made accounts whose answer is known.
@Suite struct PopulationEvidenceTests {
    typealias S = SignalTestSource

    @Test func manyHeldValuesDiscountEachSharedOne() {
        let w = EvidenceWeights(accounts: 5_000, sharingShare: [.asn: 1, .payment: 0.02], medianHeld: [.asn: 2, .payment: 1])
        #expect(w.spreadBits(.asn, heldA: 2, heldB: 1) == 0)
        #expect(abs(w.spreadBits(.asn, heldA: 20, heldB: 10) - (log2(10) + log2(5))) < 1e-9)
        // A card is issued to one operator however many cards each side holds.
        #expect(w.spreadBits(.payment, heldA: 20, heldB: 20) == 0)
    }

    /// `count` accounts each connecting through 12 of 20 carrier ASNs (as a mobile user or a
    /// rotating proxy does), with one app client.
    static func roamers(_ s: inout S, count: Int, country: String = "") {
        var rng = SeededRandom(seed: 41)
        for i in 0..<count {
            let id = "m\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "m\(i)@gmail.com", payment: "pm-m\(i)", country: country))
            let carriers = (0..<12).map { (i + $0) % 20 }
            for (q, c) in carriers.enumerated() {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    input: 100, output: 300, ip: "100.\(c).\(i).\(q)", asn: "AS64\(500 + c)", agent: "app/\(i % 3)")
            }
        }
    }

    @Test func roamersSharingCommonCarriersAreNotLinked() throws {
        var s = S()
        s.addBackground(count: 80)
        Self.roamers(&s, count: 30)
        let inv = try s.investigate()
        let a = inv.data.accountIndex("m0")!, b = inv.data.accountIndex("m3")!
        let why = inv.why(a, b)
        #expect(why.shared.filter { $0.kind == .asn }.count >= 4)
        #expect(why.shared.contains { $0.kind == .asn && $0.spread > 0 })
        #expect(!why.linked)
        #expect(inv.explainPair(a, b).contains { $0.hasPrefix("they hold more asn values than a typical holder (12 and 12; 1 typical)") })
    }

    @Test func aNationalValueIsReadAgainstItsCountry() throws {
        var s = S()
        s.addBackground(count: 80)
        var rng = SeededRandom(seed: 43)
        // Twenty accounts of one small country on its national ISP; two of another country on it too.
        for i in 0..<22 {
            let id = "n\(i)"
            s.account(.init(id: id, created: "2025-03-1\(i % 10)T08:00:00Z", email: "n\(i)@mail.example", payment: "pm-n\(i)", country: i < 20 ? "is" : "fo"))
            for _ in 0..<5 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    ip: "130.208.\(i).1", asn: "AS6677")
            }
        }
        let inv = try s.investigate()
        let i0 = inv.data.accountIndex("n0")!, i1 = inv.data.accountIndex("n1")!, f = inv.data.accountIndex("n20")!
        let local = try #require(inv.why(i0, i1).shared.first { $0.kind == .asn })
        let across = try #require(inv.why(i0, f).shared.first { $0.kind == .asn })
        #expect(local.scope == 20)
        #expect(across.scope == nil)
        #expect(local.bits < across.bits)
        #expect(inv.explainPair(i0, i1).contains { $0.contains("which 22 of 102 accounts use; it is local to country IS (where most of its holders are), read against that country's 20 accounts, as both these are of it") })
    }

    @Test func aCommonClientSharedWithBannedAccountsTiesNothing() throws {
        var s = S()
        s.addBackground(count: 60)
        var rng = SeededRandom(seed: 44)
        // A tenth of the population is banned; everyone uses the same SDK string.
        for i in 0..<12 {
            s.account(.init(id: "x\(i)", created: "2025-02-0\(1 + i % 9)T08:00:00Z", email: "x\(i)@gmail.com", payment: "pm-x\(i)", status: "banned"))
            for _ in 0..<5 { s.query("x\(i)", at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng), ip: "9.9.\(i).1") }
        }
        let inv = try s.investigate()
        let score = inv.signal("recidivism", of: "bg3")
        #expect((score?.contribution ?? 0) == 0, "\(score?.explanation ?? "")")
    }

    @Test func aWeeklyRunLowersRiskAndRoundTheClockDoesNot() throws {
        var s = S()
        s.addBackground(count: 60)
        var rng = SeededRandom(seed: 45)
        for i in 0..<6 {
            let id = "w\(i)"
            s.account(.init(id: id, created: "2025-01-0\(1 + i)T08:00:00Z", email: "w\(i)@evals.example", payment: "pm-eval", org: "org_evals"))
            for q in 0..<40 {
                // A third of the queries in one weekly slot (Tuesdays 14:00), the rest spread.
                let at = q % 3 == 0
                    ? S.base + Int64(q / 3 % 4) * 7 * S.day + 14 * 3_600_000 + Int64(rng.int(0...3_000)) * 1000
                    : S.base + Int64(rng.int(0...2_500_000)) * 1000
                s.query(id, at: at, prompt: "Eval item \(q): think step by step.", input: 80, output: 400, ip: "34.1.\(i).1", asn: "AS16509")
            }
        }
        let inv = try s.investigate()
        let weekly = try #require(inv.signal("regular_hours", of: "w0"))
        #expect(weekly.contribution < -0.05, "\(weekly.explanation)")
        #expect(inv.signal("regular_hours", of: "bg0") == nil)
    }

    @Test func anAcademicDomainsTermStartIsOneOnboarding() throws {
        var s = S()
        s.addBackground(count: 60)
        var rng = SeededRandom(seed: 46)
        for i in 0..<20 {
            let id = "u\(i)"
            s.account(.init(id: id, created: "2025-09-0\(1 + i % 2)T1\(i % 10):00:00Z", email: "u\(i)@northfield.ac.uk"))
            for q in 0..<6 {
                s.query(id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: "STAT 110 lab \(q): explain step by step.", ip: "131.1.1.\(i)", asn: "AS786")
            }
        }
        let inv = try s.investigate()
        let burst = try #require(inv.signal("creation_burst", of: "u0"))
        #expect(burst.contribution == 0)
        #expect(burst.explanation.contains("academic mail domain"))
    }
}

/// `why`'s note when a pair's verdict and its clusters differ, and its silence when they agree.
@Suite struct PairClusterNoteTests {
    typealias S = SignalTestSource

    @Test func agreeingPairsGetNoNoteAndAChainGetsOne() throws {
        var s = S()
        s.addBackground(count: 60)
        EvidenceTests.toolingRing(&s)
        let inv = try s.investigate()
        let t0 = inv.data.accountIndex("t0")!, t5 = inv.data.accountIndex("t5")!, bg = inv.data.accountIndex("bg0")!
        #expect(PairClusterNote.line(inv.why(t0, t5), a: t0, b: t5, in: inv) == nil)
        #expect(PairClusterNote.line(inv.why(t0, bg), a: t0, b: bg, in: inv) == nil)
        // Unlinked evidence for two accounts of one cluster: the note says they are joined through others.
        var apart = inv.why(t0, t5)
        apart.total = 0
        let note = try #require(PairClusterNote.line(apart, a: t0, b: t5, in: inv))
        #expect(note.hasPrefix("in one cluster all the same"))
        // Linked evidence for two accounts of different clusters: the note names why they stayed apart.
        var linked = inv.why(t0, bg)
        linked.total = linked.threshold
        #expect(PairClusterNote.line(linked, a: t0, b: bg, in: inv)?.hasPrefix("linked, yet in different clusters") == true)
    }

    @Test func aPairLinkedByTimingAloneIsToldWhichTiming() throws {
        var s = S()
        s.addBackground(count: 60)
        EvidenceTests.toolingRing(&s)
        let inv = try s.investigate()
        let t0 = inv.data.accountIndex("t0")!, bg = inv.data.accountIndex("bg0")!
        #expect(inv.clusterOfAccount[t0] != inv.clusterOfAccount[bg])
        var linked = inv.why(t0, bg)
        linked.total = linked.threshold
        // Sittings worth twice a link count a whole one: the note names the sittings' keys.
        let twice = 2 * inv.weights.threshold
        linked.timing = CoFiring(together: 40, expected: 2, bits: twice, windowSeconds: 3600, sittings: true)
        let sittings = try #require(PairClusterNote.line(linked, a: t0, b: bg, in: inv))
        #expect(sittings.hasPrefix("linked by their shared sittings alone, yet in different clusters"))
        #expect(sittings.contains("\(SittingCandidates.bands) keys of their hours"))
        // Below twice a link they count half a link at most: not "alone" (the other values' note).
        linked.timing = CoFiring(together: 20, expected: 2, bits: twice - 1, windowSeconds: 3600, sittings: true)
        #expect(PairClusterNote.line(linked, a: t0, b: bg, in: inv)?.hasPrefix("linked, yet in different clusters") == true)
        // Firing within seconds worth twice a link is one too: the note names timing's proposals.
        linked.timing = CoFiring(together: 30, expected: 0.1, bits: twice, windowSeconds: 5)
        #expect(PairClusterNote.line(linked, a: t0, b: bg, in: inv)?.hasPrefix("linked by their timing alone, yet in different clusters") == true)
    }
}
