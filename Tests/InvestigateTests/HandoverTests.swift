import Foundation
import Testing
@testable import Investigate

/// `changed_hands` (`HandoverSignal`, `MemberHandover`): old accounts whose own history stops when
/// a dispatcher's traffic through shared hosting networks begins are bought or taken over; their
/// age lowers no risk. A class whose old accounts go on querying from home beside the campus
/// network, and a ring made for the job, changed no hands.
@Suite struct HandoverTests {
    typealias S = SignalTestSource

    /// `count` accounts created long ago (`prefix0` ...), each with its own home IP and a trickle
    /// of human prompts over the first two weeks; from day 15 a dispatcher sends tasks to them
    /// round-robin, every 20 s in a daily two-hour shift, from two /24s of one network, and the
    /// buyer tops each up with one card.
    static func takenOver(_ s: inout S, prefix: String, count: Int, rng: inout SeededRandom) {
        for i in 0..<count {
            let id = "\(prefix)\(i)"
            s.account(.init(id: id, created: "2024-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "\(id)@mail\(i).example", payment: "pf-\(id)"))
            s.payment(id, "pf-buyer-\(prefix)", kind: "prepaid")
            for k in 0..<6 {
                s.query(
                    id, at: S.base + Int64(k * 2) * S.day + Int64(rng.int(0...40_000)) * 1000, prompt: PromptMaker.human(&rng),
                    output: rng.int(100...500), ip: "77.\(i).\(prefix.count).4", asn: "AS3320", agent: "Mozilla/5.0 (\(id))",
                    category: "writing")
            }
        }
        var member = 0
        for day in 15..<29 {
            for tick in 0..<360 {
                let at = S.base + Int64(day) * S.day + 2 * 3_600_000 + Int64(tick) * 20_000
                let id = "\(prefix)\(member % count)"
                member += 1
                s.query(
                    id, at: at, prompt: "Answer in depth, walking through your reasoning: " + PromptMaker.human(&rng),
                    input: 60, output: rng.int(1500...4000), ip: "45.9.\(212 + tick % 2).\(rng.int(2...250))", asn: "AS64999",
                    agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0", category: PersonaParts.categories[tick % 12])
            }
        }
    }

    @Test func oldAccountsTakenOverTogetherChangedHandsAndTheirAgeLowersNothing() throws {
        var s = S()
        s.addBackground(count: 80)
        var rng = SeededRandom(seed: 41)
        Self.takenOver(&s, prefix: "to", count: 20, rng: &rng)
        let inv = try s.investigate()
        let cluster = inv.cluster(ofAccount: inv.data.accountIndex("to0")!)
        // The card links them; the clustering may cut them in parts, each all taken over.
        #expect(cluster.size >= 5 && cluster.members.allSatisfy { inv.data.accountID(Int($0)).hasPrefix("to") })
        let signal = try #require(inv.signal("changed_hands", of: "to0"))
        #expect(signal.value >= 0.9)
        #expect(signal.contribution > 0.3)
        #expect(signal.explanation.contains("\(cluster.size) of \(cluster.size) members changed hands within 72 hours"))
        // Their age is not theirs: no credit for it, and no one-off event damping either.
        #expect((inv.signal("established_accounts", of: "to0")?.contribution ?? 0) == 0)
        #expect(inv.signal("one_event", of: "to0") == nil)
    }

    /// Students with old accounts who query from home before and after the course starts, and from
    /// the campus network in its lecture hours.
    static func students(_ s: inout S, count: Int, rng: inout SeededRandom) {
        for i in 0..<count {
            let id = "cs\(i)"
            s.account(.init(id: id, created: "2023-09-0\(1 + i % 9)T08:00:00Z", email: "\(id)@uni.example.edu", payment: "pf-\(id)"))
            for day in stride(from: 0, to: 29, by: 2) {
                s.query(
                    id, at: S.base + Int64(day) * S.day + Int64(rng.int(0...40_000)) * 1000, prompt: PromptMaker.human(&rng),
                    output: rng.int(100...500), ip: "88.\(i).7.1", category: "writing")
            }
            for week in 2..<4 {
                for k in 0..<4 {
                    s.query(
                        id, at: S.base + Int64(week * 7 + 1) * S.day + 10 * 3_600_000 + Int64(rng.int(0...3_599)) * 1000,
                        prompt: ScenarioPrompts.template(8, &rng), output: rng.int(60...160), ip: "169.229.1.\(1 + k % 2)",
                        asn: "AS25", agent: "Mozilla/5.0", category: "math")
                }
            }
        }
    }

    @Test func studentsWhoGoOnQueryingFromHomeChangedNoHands() throws {
        var s = S()
        s.addBackground(count: 80)
        var rng = SeededRandom(seed: 42)
        Self.students(&s, count: 24, rng: &rng)
        let inv = try s.investigate()
        // The campus network and the homework tie them: the test reads clusters, not singletons.
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("cs0")!).size >= 3)
        for i in 0..<24 {
            let cluster = inv.cluster(ofAccount: inv.data.accountIndex("cs\(i)")!)
            #expect(MemberHandover(members: cluster.members, index: inv.index).switches.isEmpty)
            #expect(inv.signal("changed_hands", of: "cs\(i)") == nil)
        }
    }

    @Test func aRingMadeForTheJobHasNoHistoryToHandOver() throws {
        var s = S()
        s.addBackground(count: 60)
        SignalLookAlikeTests.schedulerRing(&s)
        let inv = try s.investigate()
        let cluster = inv.cluster(ofAccount: inv.data.accountIndex("sr0")!)
        #expect(MemberHandover(members: cluster.members, index: inv.index).switches.isEmpty)
        #expect(inv.signal("changed_hands", of: "sr0") == nil)
    }
}
