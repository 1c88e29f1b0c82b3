import Foundation
import Testing
@testable import Investigate
import TestScratch

/// Detection measured on the scenarios written after issue 13's held-out sources: the bar there
/// (top 6, risk >= 0.5: every ring >= 90% covered, no decoy, precision >= 0.95, recall >= 0.9),
/// and the earlier clustering's failure on them, so the scenarios keep reproducing the issue.
@Suite struct ScenarioEvaluationTests {
    static func source(_ scenario: Scenario) throws -> (CaseData, JSONTruth) {
        let dir = TestScratch.root + "inv-scenario-\(scenario.rawValue)-" + UUID().uuidString
        var generator = SyntheticSource(accounts: 2000, seed: 3)
        generator.scenario = scenario
        let truth = try generator.write(to: dir)
        let data = try CaseLoader().load(dir)
        return (data, try JSONTruth(jsonText: truth.json.pretty()))
    }

    @Test(arguments: [Scenario.tooling, .pods])
    func evidenceClusteringMeetsTheBar(_ scenario: Scenario) throws {
        let (data, truth) = try Self.source(scenario)
        let result = Evaluation(investigation: Investigation(data: data), truth: truth, top: 6)
        #expect(result.decoysFlagged.isEmpty, "\(result.decoysFlagged)")
        #expect(result.precision >= 0.95)
        #expect(result.recall >= 0.9)
        for ring in result.ringCoverage { #expect(ring.coverage >= 0.9, "\(ring.name) \(ring.coverage)") }
    }

    @Test(arguments: [Scenario.tooling, .pods])
    func legacyClusteringMissesTheRingTiedOnlyByToolingAndTiming(_ scenario: Scenario) throws {
        let (data, truth) = try Self.source(scenario)
        let result = Evaluation(investigation: Investigation(data: data, clustering: .legacy), truth: truth, top: 6)
        #expect(result.ringCoverage.contains { $0.coverage < 0.9 })
    }

    @Test func scenariosPlantWhatTheyPromise() throws {
        let (_, tooling) = try Self.source(.tooling)
        #expect(tooling.rings.map(\.accounts.count) == [120, 50])
        #expect(tooling.decoys.contains { $0.name == "benign-reseller" && $0.accounts.count == 50 })
        let (_, pods) = try Self.source(.pods)
        #expect(pods.rings.map(\.accounts.count) == [150, 150])
        #expect(pods.decoys.contains { $0.name == "classroom" && $0.accounts.count == 80 })
    }
}
