import Foundation
import Testing
@testable import Investigate

/// The signals that tell benign look-alikes from rings, each on hand-made accounts whose answer is known.
@Suite struct SignalLookAlikeTests {
    typealias S = SignalTestSource

    /// 30 students: old accounts on one campus IP, one homework template in the same weekly
    /// lecture hour, math only, short answers, chatty follow-ups.
    static func classroom(_ s: inout S) {
        var rng = SeededRandom(seed: 31)
        let lecture = S.base + 2 * S.day + 10 * 3_600_000
        for i in 0..<30 {
            let id = "st\(i)"
            s.account(.init(id: id, created: "2023-09-0\(1 + i % 9)T08:00:00Z", email: "st\(i)@uni.example.edu", payment: "pf-st\(i)"))
            for week in 0..<4 {
                for k in 0..<4 {
                    let at = lecture + Int64(week) * 7 * S.day + Int64(rng.int(0...3_599)) * 1000
                    let prompt = k % 2 == 0 ? ScenarioPrompts.template(8, &rng) : PromptMaker.human(&rng)
                    s.query(
                        id, at: at, prompt: prompt, input: 150, output: rng.int(60...160), ip: "169.229.1.1", asn: "AS25",
                        agent: "Mozilla/5.0", category: "math")
                }
            }
        }
    }

    /// A scheduler ring: 12 young accounts, three fired within seconds every 30 minutes.
    static func schedulerRing(_ s: inout S) {
        var rng = SeededRandom(seed: 32)
        for i in 0..<12 {
            s.account(.init(id: "sr\(i)", created: "2026-01-0\(1 + i % 5)T08:00:00Z", email: "sr\(i)@gmail.com", payment: "pf-sr\(i)"))
        }
        for tick in 0..<400 {
            let at = S.base + Int64(tick) * 1_800_000
            var picked = Set<Int>()
            while picked.count < 3 { picked.insert(rng.int(0...11)) }
            for i in picked.sorted() {
                s.query(
                    "sr\(i)", at: at + Int64(rng.int(0...3000)), prompt: ScenarioPrompts.template(tick % 2, &rng), input: 120,
                    output: 1300, ip: "92.\(i).\(tick % 200).3", asn: "AS3215", agent: "acme-batch/1.2",
                    category: PersonaParts.categories[tick % 12])
            }
        }
    }

    @Test func classroomStaysBelowHalfForReasonsShown() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.classroom(&s)
        let inv = try s.investigate()
        #expect(inv.clusterRisk(of: "st0") < 0.5)
        let lowered = inv.cluster(ofAccount: inv.data.accountIndex("st0")!).signals.filter { $0.contribution < 0 }.map(\.name)
        for name in ["regular_hours", "established_accounts", "one_subject"] {
            #expect(lowered.contains(name), "\(name) did not lower the classroom's risk: \(lowered)")
        }
        #expect((inv.signal("regular_hours", of: "st0")?.explanation ?? "").contains("same 2 hours of the week"))
        // Lecture hours are not coordination: their bursts are even within the hour.
        #expect(inv.signal("coordinated_firing", of: "st0") == nil)
    }

    @Test func schedulerRingFiresTogetherAndRisesAboveHalf() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.schedulerRing(&s)
        let inv = try s.investigate()
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("sr0")!).size == 12)
        let firing = inv.signal("coordinated_firing", of: "sr0")
        #expect((firing?.contribution ?? 0) > 0.2)
        #expect((firing?.value ?? 0) > 20 * (firing?.baseline ?? 1))
        #expect(inv.signal("regular_hours", of: "sr0") == nil)
        #expect(inv.signal("established_accounts", of: "sr0") == nil)
        #expect(inv.clusterRisk(of: "sr0") >= 0.5)
    }

    @Test func aSignalOfZeroNeverAddsRisk() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.classroom(&s)
        Self.schedulerRing(&s)
        let inv = try s.investigate()
        for cluster in inv.clusters.prefix(10) {
            for signal in cluster.signals where signal.value == 0 { #expect(signal.contribution <= 0, "\(signal.name)") }
        }
    }
}
