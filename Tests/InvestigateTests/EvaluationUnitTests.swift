import Foundation
import Testing
@testable import Investigate

/// `evaluate --unit rows` counts triage rows: two pods tied into one operation are one row, so
/// the top row covers both pods where the top cluster covers one.
@Suite struct EvaluationUnitTests {
    typealias S = SignalTestSource

    /// Two pods of six, each on its own card and datacenter /24, running the same rare templates
    /// at harvest volume, among a benign background.
    private func pods() throws -> Investigation {
        var s = S()
        s.addBackground(count: 60)
        s.addTemplatePods(input: 60, output: 1800)
        return try s.investigate()
    }

    private func truth() throws -> JSONTruth {
        let ring = (0..<2).flatMap { pod in (0..<6).map { "\"p\(pod)-\($0)\"" } }.joined(separator: ",")
        return try JSONTruth(jsonText: #"{"rings": [{"name": "pods", "accounts": [\#(ring)]}], "decoys": [{"name": "people", "accounts": ["bg1", "bg2"]}]}"#)
    }

    @Test func theTopRowHoldsBothPodsTheTopClusterOne() throws {
        let inv = try pods()
        // The setting this test needs: the pods are two clusters rated high, tied into one operation.
        let podClusters = Set(["p0-0", "p1-0"].map { Int(inv.clusterOfAccount[inv.data.accountIndex($0)!]) })
        #expect(podClusters.count == 2)
        #expect(inv.operations.count == 1)
        #expect(Set(inv.operations.first?.clusters ?? []) == podClusters)
        for position in podClusters { #expect(inv.clusters[position].risk >= TriageOrder.flagged) }

        let truth = try truth()
        let byCluster = Evaluation(investigation: inv, truth: truth, top: 1, unit: .clusters)
        let byRow = Evaluation(investigation: inv, truth: truth, top: 1, unit: .rows)
        #expect(byCluster.flagged == 6)
        #expect(byCluster.ringCoverage.first?.coverage == 0.5)
        #expect(byRow.flagged == 12)
        #expect(byRow.ringCoverage.first?.coverage == 1)
        #expect(byRow.precision == 1)
        #expect(byRow.decoysFlagged.isEmpty)
        // With room for both clusters the two units agree.
        #expect(Evaluation(investigation: inv, truth: truth, top: 2, unit: .clusters).recall == byRow.recall)
    }

    @Test func truthAccountsTheSourceDoesNotHoldAreCountedAndMissed() throws {
        let inv = try pods()
        let truth = try JSONTruth(jsonText: #"{"rings": [{"name": "half", "accounts": ["p0-0", "p0-1", "ghost-1", "ghost-2"]}], "decoys": [{"name": "d", "accounts": ["ghost-3", "bg1"]}]}"#)
        let result = Evaluation(investigation: inv, truth: truth, top: Int.max, unit: .clusters)
        #expect(result.truthAccounts == 6)
        #expect(result.truthAccountsMissing == 3)
        #expect(result.ringCoverage.first?.coverage == 0.5)
    }
}
