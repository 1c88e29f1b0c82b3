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
        let reach = TemplateFamilyReachProbe.reach(clusterOfHolders: [[0, 0, 0, 0], [0, 1, 2, 3], [0, 0, 0, 1, 2], [5, 5]])
        #expect(reach.ownership(of: 0, holders: 4) == 1)
        #expect(reach.ownership(of: 1, holders: 4) == 0)
        // Three holders in one cluster are one group: three groups of five holders.
        #expect(abs(reach.ownership(of: 2, holders: 5) - 0.5) < 1e-9)
        // Two holders, both in one cluster: it holds them all, owned.
        #expect(reach.ownership(of: 3, holders: 2) == 1)
        // One holder, or a family it does not know, counts as owned.
        #expect(reach.ownership(of: 0, holders: 1) == 1)
        #expect(reach.ownership(of: 99, holders: 5) == 1)
    }

    @Test func pairsOfAPublicFamilysHoldersDoNotGatherIt() {
        // Twelve holders linked in pairs (a public wrapper's users who also share a popular
        // question): each holder counts one, so the family stays public; four pairs and a
        // group of four: the group counts one.
        let reach = TemplateFamilyReachProbe.reach(clusterOfHolders: [[0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5], [0, 0, 1, 1, 2, 2, 3, 3, 9, 9, 9, 9]])
        #expect(reach.ownership(of: 0, holders: 12) == 0)
        #expect(abs(reach.ownership(of: 1, holders: 12) - (1 - 8.0 / 11)) < 1e-9)
    }

    @Test func aPairOfACoursesStudentsGetsLittleTemplateCredit() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.course(&s, count: 24)
        let inv = try s.investigate()
        // The two on one card, and a few classmates who also sent two of the same homework
        // questions (`SharedQuestions`) beside the template: a small group of the 24.
        let pair = inv.cluster(ofAccount: inv.data.accountIndex("s0")!)
        try #require(pair.size >= 2 && pair.size <= 6)
        let family = try #require(inv.index.values(of: inv.data.accountIndex("s0")!, kind: .template).first)
        let holders = inv.index.shareCount(.template, value: family)
        #expect(holders >= 20)
        let ownership = inv.clusters.ranking.familyReach.ownership(of: family, holders: holders)
        // Most holders stay apart: the family is mostly public, and credited only as far as it
        // is gathered (the small group counts one, each other holder one).
        #expect(ownership < 0.4, "ownership \(ownership)")
        let score = try #require(inv.signal("template_share", of: "s0"))
        #expect(score.contribution <= 0.5 * ownership + 1e-9)
        #expect(score.explanation.contains("a public family: its \(holders) holders fall in"))
        #expect(pair.risk < 0.5)
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
        var inCluster = [Int32](repeating: 0, count: 64)
        var touched: [Int] = []
        return TemplateFamilyReach(
            clustersPerFamily: clusterOfHolders.map { TemplateFamilyReach.groups(clusters: $0.map(Int.init), inCluster: &inCluster, touched: &touched) })
    }
}
