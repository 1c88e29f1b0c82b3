import Foundation
import Testing
@testable import Investigate

/// `one_event`: established accounts sending most of what they ever send inside one 48-hour
/// window are an event (a hunt, a hackathon), not a standing harvest.
@Suite struct OneEventGateTests {
    typealias S = SignalTestSource

    /// A team of ten accounts made in 2022 (older than every background account): each sends 20
    /// templated reasoning prompts with long answers at random times inside a window (`days`
    /// long, from day 10), and three ordinary prompts spread over the month.
    static func team(_ s: inout S, days: Int64) {
        var rng = SeededRandom(seed: 23)
        for i in 0..<10 {
            s.account(.init(id: "t\(i)", created: "2022-0\(1 + i % 9)-05T08:00:00Z", email: "t\(i)@gmail.com", payment: "card-t\(i)"))
            for _ in 0..<20 {
                let at = S.base + 10 * S.day + Int64(rng.int(0...Int(days * 86_400))) * 1000
                s.query(
                    "t\(i)", at: at, prompt: PromptMaker.ring(0, &rng, hostileRate: 0), input: 80, output: 1400,
                    ip: "71.5.0.\(i)", asn: "AS7922", category: "reasoning")
            }
            for _ in 0..<3 {
                s.query(
                    "t\(i)", at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    input: rng.int(50...300), output: rng.int(100...600), ip: "71.5.0.\(i)", asn: "AS7922", category: "writing")
            }
        }
    }

    @Test func anEventOfOldAccountsInOneWeekendIsDamped() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.team(&s, days: 2)
        let inv = try s.investigate()
        let cluster = inv.cluster(ofAccount: inv.data.accountIndex("t0")!)
        #expect(cluster.size >= 3)
        let gate = try #require(inv.signal("one_event", of: "t0"))
        #expect(gate.contribution < 0)
        #expect(gate.value > 0.8)
        #expect(gate.explanation.contains("one-off event"))
        #expect(gate.explanation.contains("48-hour window"))
    }

    @Test func theSameTeamOverAMonthIsNotAnEvent() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.team(&s, days: 18)
        let inv = try s.investigate()
        #expect(inv.signal("one_event", of: "t0") == nil)
    }

    @Test func aBurstOfAccountsMadeForTheJobIsNotDamped() throws {
        var s = S()
        s.addBackground(count: 60)
        SignalTests.ring(&s)
        let inv = try s.investigate()
        // All of the ring's queries fall inside five hours, but its accounts are new.
        #expect(inv.signal("one_event", of: "r0") == nil)
        #expect(inv.clusterRisk(of: "r0") >= 0.5)
    }

    @Test func theBusiestWindowCountsWholeHours() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.team(&s, days: 2)
        let inv = try s.investigate()
        let gate = try #require(inv.signal("one_event", of: "t0"))
        // 20 of each member's 23 queries are in the window; an ordinary one may fall there too.
        #expect(gate.value >= 20.0 / 23.0 - 1e-9)
        #expect(gate.value < 1)
    }
}
