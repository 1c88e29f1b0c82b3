import Testing
@testable import Investigate

/// Triage rows: an operation is one row at its highest-ranked listed cluster, with all of its
/// clusters; one-account clusters rated low are not listed; `limit` counts rows, not clusters.
@Suite struct TriageRowsTests {
    /// Eight ranked clusters: c2, c5 and c8 form operation 0; c4 and c6 form operation 1; c3 and
    /// c7 are one account rated low.
    let sizes = [30, 12, 1, 6, 9, 4, 1, 3]
    let risks = [0.9, 0.8, 0.45, 0.7, 0.6, 0.55, 0.2, 0.1]
    let operationOf: [Int: Int] = [1: 0, 4: 0, 7: 0, 3: 1, 5: 1]
    let clustersOf = [[1, 4, 7], [3, 5]]

    func rows(limit: Int = .max) -> [TriageEntry] {
        TriageRows.rows(
            count: sizes.count, size: { sizes[$0] }, risk: { risks[$0] }, operationOf: { operationOf[$0] },
            clustersOf: { clustersOf[$0] }, limit: limit)
    }

    @Test func anOperationIsOneRowAtItsFirstClusterWithAllItsClusters() {
        #expect(rows() == [
            TriageEntry(clusters: [0], operation: nil, rankedAt: 0),
            TriageEntry(clusters: [1, 4, 7], operation: 0, rankedAt: 1),
            TriageEntry(clusters: [3, 5], operation: 1, rankedAt: 3),
        ])
    }

    @Test func theLimitCountsRowsNotClusters() {
        let two = rows(limit: 2)
        #expect(two.count == 2)
        #expect(two.flatMap(\.clusters) == [0, 1, 4, 7])
        #expect(rows(limit: 0).isEmpty)
    }

    @Test func aLoneAccountIsListedOnlyWhenRatedHigh() {
        #expect(TriageRows.listed(size: 1, risk: TriageOrder.flagged))
        #expect(!TriageRows.listed(size: 1, risk: 0.49))
        #expect(TriageRows.listed(size: 2, risk: 0))
        let lone = TriageRows.rows(
            count: 3, size: { _ in 1 }, risk: { [0.7, 0.3, 0.5][$0] }, operationOf: { _ in nil }, clustersOf: { _ in [] })
        #expect(lone.map(\.rankedAt) == [0, 2])
    }

    @Test func anOperationWhoseFirstClusterIsUnlistedTakesItsFirstListedPlace() {
        let found = TriageRows.rows(
            count: 3, size: { [1, 5, 4][$0] }, risk: { [0.3, 0.6, 0.2][$0] }, operationOf: { $0 == 1 ? nil : 0 },
            clustersOf: { _ in [0, 2] })
        #expect(found == [
            TriageEntry(clusters: [1], operation: nil, rankedAt: 1),
            TriageEntry(clusters: [0, 2], operation: 0, rankedAt: 2),
        ])
    }
}
