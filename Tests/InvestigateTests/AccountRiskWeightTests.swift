import Testing
@testable import Investigate

/// An account's risk is its cluster's times a weight for how much of the cluster's behaviour it
/// shows, and the breakdown writes the sum out so it can be redone.
@Suite struct AccountRiskWeightTests {
    @Test func aMemberAsReasoningHeavyAsItsClusterTakesTheClustersRisk() {
        let typical = AccountRiskWeight(clusterRisk: 0.8, prompted: 30, reasoning: 12, clusterShare: 0.4)
        #expect(typical.weight == 1.0 && typical.risk == 0.8)
        let heavier = AccountRiskWeight(clusterRisk: 0.8, prompted: 30, reasoning: 30, clusterShare: 0.4)
        #expect(heavier.weight == 1.0)
        let short = AccountRiskWeight(clusterRisk: 0.8, prompted: 30, reasoning: 6, clusterShare: 0.4)
        #expect(abs(short.weight - (1 - 0.3 * 0.2)) < 1e-12)
        let never = AccountRiskWeight(clusterRisk: 0.8, prompted: 10, reasoning: 0, clusterShare: 1)
        #expect(never.weight == 0.7)
        // A cluster that hardly asks (0.4%) barely moves a member that never does.
        let faint = AccountRiskWeight(clusterRisk: 0.55, prompted: 9, reasoning: 0, clusterShare: 0.004)
        #expect(faint.weight > 0.99)
    }

    @Test func aClusterThatAsksForNoReasoningWeighsEveryPromptedMemberWhole() {
        let w = AccountRiskWeight(clusterRisk: 0.73, prompted: 13, reasoning: 0, clusterShare: 0)
        #expect(w.weight == 1.0 && w.risk == 0.73)
        #expect(w.explanation == "0.7300 (cluster) x 1.0000 = 0.7300; weight 1: the account takes its cluster's risk")
    }

    @Test func anAccountWithoutPromptsTakesTheFloorAndSaysWhy() {
        let w = AccountRiskWeight(clusterRisk: 0.66, prompted: 0, reasoning: 0, clusterShare: 0.5)
        #expect(w.reasoningShare == nil && w.weight == 0.7)
        #expect(w.explanation == "0.6600 (cluster) x 0.7000 = 0.4620; weight 0.7: the account sent no prompt to read, so it takes the floor")
    }

    @Test func theExplanationShowsEachTermAndTheShownNumbersMultiplyOut() {
        let w = AccountRiskWeight(clusterRisk: 0.6025, prompted: 16, reasoning: 5, clusterShare: 0.9375)
        #expect(w.explanation == "0.6025 (cluster) x 0.8125 = 0.4895; weight 0.8125 = 1 - 0.3 x (94% - 31%): 5 of its 16 queries with a prompt ask for step-by-step reasoning, 94% across its cluster")
        let one = AccountRiskWeight(clusterRisk: 0.5, prompted: 1, reasoning: 1, clusterShare: 0.5)
        #expect(one.explanation == "0.5000 (cluster) x 1.0000 = 0.5000; weight 1: the account takes its cluster's risk")
    }

    @Test func theInvestigationsAccountRiskIsTheWeightsRiskAndATypicalRingMemberIsAtItsClustersRisk() throws {
        var s = SignalTestSource()
        s.addBackground()
        SignalTests.ring(&s)
        let inv = try s.investigate()
        for account in 0..<inv.data.accountCount {
            let w = inv.accountRisk.weight(of: account)
            #expect(w.risk == inv.accountRisk[account])
            #expect(w.clusterRisk == inv.cluster(ofAccount: account).risk)
            // A lone account is its own cluster: with prompts, it is rated as its cluster is.
            if inv.cluster(ofAccount: account).size == 1 && w.prompted > 0 { #expect(w.weight == 1) }
        }
        let ring = try #require(inv.data.accountIndex("r0"))
        let cluster = inv.cluster(ofAccount: ring)
        #expect(cluster.size > 1)
        let members = cluster.members.map { inv.accountRisk.weight(of: Int($0)) }
        let total = members.reduce(0) { $0 + $1.prompted }, asking = members.reduce(0) { $0 + $1.reasoning }
        #expect(members.allSatisfy { $0.clusterShare == Double(asking) / Double(total) })
    }
}
