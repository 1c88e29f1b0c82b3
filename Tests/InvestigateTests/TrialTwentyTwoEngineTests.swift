import Foundation
import Testing
@testable import Investigate

/// Session 21's new-user trial leftovers in the engine, fixed in session 22: one rule for
/// expected counts, a plain weight of 1, and one order for accounts that tie on risk.
@Suite struct TrialTwentyTwoEngineTests {
    /// At most two decimals, trailing zeros dropped; a count above 0 that two decimals would
    /// show as 0 is `under 0.01` (the trial read `0.087`, `0.09` and `0.1` for one kind of count).
    @Test func expectedCountsFollowOneRule() {
        #expect(ExpectedCount.text(0) == "0" && ExpectedCount.text(-1) == "0" && ExpectedCount.text(.nan) == "0")
        #expect(ExpectedCount.text(0.0012) == "under 0.01" && ExpectedCount.text(0.0012, compact: true) == "<0.01")
        #expect(ExpectedCount.text(0.087) == "0.09" && ExpectedCount.text(0.17) == "0.17" && ExpectedCount.text(0.5) == "0.5")
        #expect(ExpectedCount.text(1.237) == "1.24" && ExpectedCount.text(1.2) == "1.2" && ExpectedCount.text(14) == "14")
        #expect(ExpectedCount.text(0.996) == "1" && ExpectedCount.text(123.456) == "123.46")
        // Never more than two decimals (the report rejects more).
        for step in 1...5_000 {
            let text = ExpectedCount.text(Double(step) / 997)
            #expect(text.split(separator: ".").dropFirst().first.map { $0.count <= 2 } ?? true, "\(text)")
        }
    }

    /// A weight of 1 is said plainly: the account takes its cluster's risk, with no prompts named.
    @Test func aWeightOfOneSaysTheAccountTakesItsClustersRisk() {
        let lone = AccountRiskWeight(clusterRisk: 0.62, prompted: 16, reasoning: 5, clusterShare: nil)
        #expect(lone.explanation == "0.6200 (cluster) x 1.0000 = 0.6200; weight 1: the account takes its cluster's risk")
        let asMuch = AccountRiskWeight(clusterRisk: 0.62, prompted: 16, reasoning: 5, clusterShare: 0.3125)
        #expect(!asMuch.explanation.contains("step-by-step"))
        // A weight below 1 still says why.
        let short = AccountRiskWeight(clusterRisk: 0.62, prompted: 16, reasoning: 5, clusterShare: 0.9)
        #expect(short.explanation.contains("5 of its 16 queries with a prompt ask for step-by-step reasoning"))
    }

    /// Accounts that tie on risk come in their ids' byte order, not the source's.
    @Test func tiesComeInIdByteOrder() throws {
        var s = SignalTestSource()
        for id in ["zed", "amy", "Mia", "bob"] { s.account(.init(id: id)) }
        for id in ["zed", "amy", "Mia", "bob"] { s.query(id, at: SignalTestSource.base, prompt: "hello") }
        let inv = try s.investigate()
        let all = Array(0..<inv.data.accountCount)
        #expect(Set(all.map { inv.accountRisk[$0] }).count == 1, "all tie")
        #expect(inv.riskiestFirst(all).map { inv.data.accountID($0) } == ["Mia", "amy", "bob", "zed"])
        #expect(inv.riskiestFirst(all.reversed()).map { inv.data.accountID($0) } == ["Mia", "amy", "bob", "zed"])
        #expect(inv.riskiestFirst(all, limit: 2).map { inv.data.accountID($0) } == ["Mia", "amy"])
    }
}
