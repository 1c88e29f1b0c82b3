import Testing
@testable import Investigate

/// The features' compact columns (`AccountCounts`, `SparseFloats`) read exactly as the plain
/// arrays they replace, sparse or dense, and back to those arrays for a snapshot.
@Suite struct FeatureColumnsTests {
    @Test func countsKeepLargeValuesAside() {
        let values: [Int32] = [0, 1, 65_534, 65_535, 65_536, 2_000_000, 7, 0]
        var counts = AccountCounts(values)
        #expect(Array(counts) == values)
        counts[3] = 2
        #expect(counts[3] == 2 && counts.wide[3] == nil)
        counts[0] = 70_000
        #expect(counts[0] == 70_000)
        var built = AccountCounts(count: values.count)
        for (account, value) in values.enumerated() { built[account] = value }
        #expect(built == AccountCounts(values))
    }

    @Test func sparseFloatsReadAsTheirColumn() {
        var column = [Float](repeating: -1, count: 1000)
        for account in stride(from: 3, to: 1000, by: 37) { column[account] = Float(account) / 1000 }
        column[999] = 0.5
        column[64] = 0
        let sparse = SparseFloats(column, absent: -1)
        #expect(sparse.isSparse)
        #expect(Array(sparse).map(\.bitPattern) == column.map(\.bitPattern))
        var builder = SparseFloats.Builder(count: column.count, absent: -1)
        for (account, value) in column.enumerated() where value != -1 || account % 2 == 0 { builder.set(account, value) }
        #expect(SparseFloats(builder) == sparse)
    }

    @Test func mostlyMeasuredColumnsStayDense() {
        let column: [Float] = (0..<200).map { $0 % 100 == 0 ? 0 : Float($0) / 7 }
        let kept = SparseFloats(column, absent: 0)
        #expect(!kept.isSparse)
        #expect(Array(kept) == column)
        // With a tenth of the accounts unmeasured, the sparse form is smaller and is chosen.
        let tenth = SparseFloats((0..<200).map { $0 % 10 == 0 ? 0 : Float($0) / 7 }, absent: 0)
        #expect(tenth.isSparse)
    }

    @Test func zeroSignsAndEmptyColumns() {
        let column: [Float] = [0, -0.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        let kept = SparseFloats(column, absent: 0)
        #expect(Array(kept).map(\.bitPattern) == column.map(\.bitPattern))
        #expect(SparseFloats([], absent: -1).isEmpty)
    }
}
