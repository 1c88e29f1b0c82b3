import Testing
@testable import Investigate

/// A signal that measured nothing adds no risk, and explanations count in words that read right.
@Suite struct SignalWordingTests {
    /// A signal whose value is 0 but whose terms would add risk anyway.
    struct MeasuredNothing: DetectionSignal {
        let name = "measured_nothing"
        func measure(_ e: ClusterEvidence) -> SignalScore? {
            SignalScore(name: name, value: 0, baseline: 0, contribution: 0.1, explanation: "nothing")
        }
    }

    @Test func aZeroValueNeverAddsRisk() throws {
        var s = SignalTestSource()
        s.addBackground()
        SignalTests.ring(&s)
        let inv = try s.investigate()
        var scorer = RiskScorer()
        scorer.signals = [MeasuredNothing()]
        let account = inv.data.accountIndex("r0")!
        let members = inv.cluster(ofAccount: account).members
        let (risk, scores) = scorer.score(
            members: members, links: [:], features: inv.features,
            population: PopulationBaseline(features: inv.features, index: inv.index), index: inv.index)
        #expect(risk == 0)
        #expect(scores.first { $0.name == "measured_nothing" }?.contribution == 0)
    }

    @Test func infrastructureCountsAccountsAndSubnets() throws {
        var s = SignalTestSource()
        s.addBackground()
        SignalTests.ring(&s)
        let inv = try s.investigate()
        let explanation = try #require(inv.signal("infrastructure", of: "r0")).explanation
        #expect(explanation.contains("8 accounts on 1 subnet"), "\(explanation)")
        #expect(!explanation.contains("per network") && !explanation.contains("on 1 network"))
    }
}
