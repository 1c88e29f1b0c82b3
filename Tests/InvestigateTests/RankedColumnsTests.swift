import Testing
@testable import Investigate

/// The ranking's compact columns (`RankedRows`, `RankRisks`) read exactly as the plain columns
/// they replace: members and sizes per rank, risks per rank, and back to the plain form a
/// snapshot keeps.
@Suite struct RankedColumnsTests {
    /// Groups of the given sizes over accounts 0..<sum, each ascending, interleaved by account.
    static func groups(sizes: [Int]) -> MemberRows {
        var groupOf: [Int32] = []
        var left = sizes
        var g = 0
        while left.contains(where: { $0 > 0 }) {
            if left[g] > 0 {
                groupOf.append(Int32(g))
                left[g] -= 1
            }
            g = (g + 1) % sizes.count
        }
        return MemberRows(groupOf: groupOf, sizes: sizes.map(Int32.init))
    }

    @Test func rowsReadAsTheReorderedPlainRows() {
        let groups = Self.groups(sizes: [1, 3, 1, 1, 2, 1, 5, 1, 1, 2])
        let order: [Int32] = [6, 1, 0, 9, 4, 2, 3, 5, 7, 8]
        let plain = groups.reordered(by: order)
        let ranked = RankedRows(RankedRows(groups), order: order)
        #expect(ranked.count == plain.count)
        for rank in 0..<plain.count {
            #expect(Array(ranked.members(of: rank)) == Array(plain.members(of: rank)))
            #expect(ranked.size(of: rank) == plain.size(of: rank))
        }
        #expect(ranked.dense.offsets == plain.offsets)
        #expect(ranked.dense.members == plain.members)
        let restored = RankedRows(plain)
        for rank in 0..<plain.count { #expect(Array(restored.members(of: rank)) == Array(plain.members(of: rank))) }
    }

    @Test func rowsOfSingletonsOnlyAndOfOneBigGroup() {
        let singletons = Self.groups(sizes: [1, 1, 1, 1])
        let ranked = RankedRows(RankedRows(singletons), order: [3, 2, 1, 0])
        #expect((0..<4).map { Array(ranked.members(of: $0)) } == [[3], [2], [1], [0]])
        let one = RankedRows(RankedRows(Self.groups(sizes: [4])), order: [0])
        #expect(Array(one.members(of: 0)) == [0, 1, 2, 3])
        #expect(one.dense.offsets == [0, 4])
        let none = RankedRows(RankedRows(MemberRows(groupOf: [], sizes: [])), order: [])
        #expect(none.count == 0 && none.dense.offsets == [0])
    }

    @Test func risksKeptAsRunsWhenThatIsSmaller() {
        let values: [Double] = [0.9, 0.7, 0.7, 0.7, 0.2, 0.2, 0, 0, 0, 0, 0, 0]
        let risks = RankRisks(values)
        #expect(risks.isRunLength)
        #expect(Array(risks) == values)
        #expect(risks.count == values.count)
    }

    @Test func risksKeptPlainWhenRunsWouldBeLarger() {
        let values = (0..<50).map { 1 / Double($0 + 2) }
        let risks = RankRisks(values)
        #expect(!risks.isRunLength)
        #expect(Array(risks) == values)
    }

    @Test func risksKeepZeroSignsAndEmpty() {
        let values: [Double] = [0.5, 0.5, -0.0, 0.0, 0.0, 0.0]
        let risks = RankRisks(values)
        #expect(risks.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(RankRisks([]).isEmpty)
    }
}
