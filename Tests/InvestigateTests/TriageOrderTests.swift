import Testing
@testable import Investigate

/// The triage order (`TriageOrder`): clusters rated high by the ring accounts they are expected
/// to hold, the rest by risk.
@Suite struct TriageOrderTests {
    typealias Key = (risk: Double, size: Int, first: Int32)

    static func ranked(_ keys: [Key]) -> [Key] { keys.sorted { TriageOrder.before($0, $1) } }

    @Test func aLargeRingRatedHighIsNotPushedOutByManyPairs() {
        var keys: [Key] = (0..<30).map { (risk: 0.74, size: 2, first: Int32(100 + $0)) }
        keys.append((risk: 0.61, size: 90, first: 7))
        keys.append((risk: 0.78, size: 70, first: 3))
        let order = Self.ranked(keys)
        // 70 × 0.78 = 54.6 expected ring accounts, then 90 × 0.61 = 54.9: the ring of 90 first.
        #expect(order[0].size == 90)
        #expect(order[1].size == 70)
        #expect(order[2...].allSatisfy { $0.size == 2 })
    }

    @Test func clustersBelowTheBarNeverRiseAboveOnesAtIt() {
        let order = Self.ranked([
            (risk: 0.49, size: 5000, first: 0), (risk: 0.5, size: 1, first: 9), (risk: 0.3, size: 40, first: 2),
            (risk: 0.45, size: 2, first: 4),
        ])
        #expect(order.map(\.first) == [9, 0, 4, 2])
    }

    @Test func tiesFallBackToRiskThenSizeThenFirstMember() {
        let order = Self.ranked([
            (risk: 0.9, size: 2, first: 5), (risk: 0.6, size: 3, first: 1), (risk: 0.9, size: 2, first: 4),
            (risk: 0.2, size: 3, first: 8), (risk: 0.2, size: 6, first: 9),
        ])
        // 0.9 × 2 = 1.8 against 0.6 × 3 = 1.8 (a hair less in floating point); equal keys by
        // smallest member; below the bar, equal risks by size.
        #expect(order.map(\.first) == [4, 5, 1, 9, 8])
    }
}
