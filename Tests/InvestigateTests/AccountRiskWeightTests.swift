import Testing
@testable import Investigate

/// An account's risk is its cluster's times a weight its own prompts set, and the breakdown
/// writes the sum out so it can be redone.
@Suite struct AccountRiskWeightTests {
    @Test func theWeightRisesWithReasoningPromptsAndCapsAtTwoThirds() {
        let none = AccountRiskWeight(clusterRisk: 0.8, prompted: 10, reasoning: 0)
        #expect(none.weight == 0.7)
        let third = AccountRiskWeight(clusterRisk: 0.8, prompted: 30, reasoning: 10)
        #expect(abs(third.weight - (0.7 + 0.3 * 0.5)) < 1e-12)
        let most = AccountRiskWeight(clusterRisk: 0.8, prompted: 30, reasoning: 25)
        #expect(most.weight == 1.0)
        #expect(abs(third.risk - 0.8 * third.weight) < 1e-12)
    }

    @Test func anAccountWithoutPromptsTakesTheFloorAndSaysWhy() {
        let w = AccountRiskWeight(clusterRisk: 0.66, prompted: 0, reasoning: 0)
        #expect(w.reasoningShare == nil)
        #expect(w.weight == 0.7)
        #expect(w.explanation == "0.66 (cluster) x 0.70 = 0.46; weight 0.7: the account sent no prompt to read, so it takes the floor")
    }

    @Test func theExplanationShowsEachTermAndCountsInWords() {
        let w = AccountRiskWeight(clusterRisk: 0.66, prompted: 40, reasoning: 19)
        #expect(w.explanation == "0.66 (cluster) x 0.91 = 0.60; weight 0.91 = 0.7 + 0.3 x min(1, 1.5 x 48%): 19 of its 40 prompts ask for step-by-step reasoning")
        let one = AccountRiskWeight(clusterRisk: 0.5, prompted: 1, reasoning: 1)
        #expect(one.explanation.hasSuffix("(capped at 1): 1 of its 1 prompt asks for step-by-step reasoning"))
    }

    @Test func theInvestigationsAccountRiskIsTheWeightsRisk() throws {
        var s = SignalTestSource()
        s.addBackground()
        SignalTests.ring(&s)
        let inv = try s.investigate()
        for account in 0..<inv.data.accountCount {
            let w = inv.accountRisk.weight(of: account)
            #expect(w.risk == inv.accountRisk[account])
            #expect(w.clusterRisk == inv.cluster(ofAccount: account).risk)
        }
        let ring = try #require(inv.data.accountIndex("r0"))
        #expect(inv.accountRisk.weight(of: ring).prompted > 0)
    }
}
