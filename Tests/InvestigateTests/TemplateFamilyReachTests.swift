import Foundation
import Testing
@testable import Investigate

/// `TemplateFamilyReach` and what `template_share` makes of it: a family whose holders clustering
/// leaves apart (a course's homework template) is public, and credited only as far as it is
/// gathered; a ring's family, all in one cluster, keeps its whole credit.
@Suite struct TemplateFamilyReachTests {
    typealias S = SignalTestSource

    /// `count` old accounts ("s0"...) on their own cards, home IPs and mail, each sending 30 prompts
    /// of one homework template at random times; the first two share a card (so clustering joins
    /// them, and only them).
    static func course(_ s: inout S, count: Int) {
        var rng = SeededRandom(seed: 17)
        for i in 0..<count {
            s.account(
                .init(id: "s\(i)", created: "2024-0\(1 + i % 9)-12T08:00:00Z", email: "s\(i)@gmail.com", payment: i < 2 ? "card-shared" : "card-s\(i)"))
            for _ in 0..<30 {
                s.query(
                    "s\(i)", at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.ring(0, &rng, hostileRate: 0),
                    input: 80, output: 1400, ip: "92.40.\(i).7", asn: "AS5089", agent: "browser/\(i)", category: "math")
            }
        }
    }

    @Test func ownershipIsOneForOneClusterAndZeroForNoTwoTogether() {
        let reach = TemplateFamilyReachProbe.reach(clusterOfHolders: [[0, 0, 0, 0], [0, 1, 2, 3], [0, 0, 1, 2]])
        #expect(reach.ownership(of: 0, holders: 4) == 1)
        #expect(reach.ownership(of: 1, holders: 4) == 0)
        #expect(abs(reach.ownership(of: 2, holders: 4) - 1.0 / 3) < 1e-9)
        // One holder, or a family it does not know, counts as owned.
        #expect(reach.ownership(of: 0, holders: 1) == 1)
        #expect(reach.ownership(of: 99, holders: 5) == 1)
    }

    @Test func aPairOfACoursesStudentsGetsLittleTemplateCredit() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.course(&s, count: 24)
        let inv = try s.investigate()
        let pair = inv.cluster(ofAccount: inv.data.accountIndex("s0")!)
        try #require(pair.size == 2)
        let family = try #require(inv.index.values(of: inv.data.accountIndex("s0")!, kind: .template).first)
        let holders = inv.index.shareCount(.template, value: family)
        #expect(holders >= 20)
        let ownership = inv.clusters.ranking.familyReach.ownership(of: family, holders: holders)
        #expect(ownership < 0.1)
        let score = try #require(inv.signal("template_share", of: "s0"))
        #expect(score.contribution <= 0.5 * 0.1)
        #expect(score.explanation.contains("a public family: its \(holders) holders fall in"))
    }

    @Test func aRingsFamilyInOneClusterKeepsItsCredit() throws {
        var s = S()
        s.addBackground()
        SignalTests.ring(&s)
        let inv = try s.investigate()
        let score = try #require(inv.signal("template_share", of: "r0"))
        #expect(score.contribution > 0.3)
        #expect(!score.explanation.contains("public family"))
    }
}

/// Builds a reach by hand: family `f`'s holders are accounts numbered after each other, and
/// `clusterOfHolders[f]` gives each holder's cluster.
enum TemplateFamilyReachProbe {
    static func reach(clusterOfHolders: [[Int32]]) -> TemplateFamilyReach {
        TemplateFamilyReach(clustersPerFamily: clusterOfHolders.map { Int32(Set($0).count) })
    }
}
