import Testing

@testable import ByteCore

/// `HugePages.filledArray`: the same array as `Array(repeating:count:)` on either side of the
/// threshold (the page advice changes where memory sits, never what it holds).
struct HugePagesTests {
    @Test func smallTablesAreOrdinaryArrays() {
        let table = HugePages.filledArray(repeating: UInt32.max, count: 1000)
        #expect(table == [UInt32](repeating: .max, count: 1000))
        #expect(HugePages.filledArray(repeating: UInt64(7), count: 0).isEmpty)
    }

    @Test func largeTablesHoldEveryValue() {
        let count = HugePages.threshold / MemoryLayout<UInt64>.stride * 3 + 5
        var table = HugePages.filledArray(repeating: UInt64(0), count: count)
        #expect(table.count == count)
        #expect(table.allSatisfy { $0 == 0 })
        table[count - 1] = 9
        table[0] = 3
        #expect(table[count - 1] == 9 && table[0] == 3 && table[count / 2] == 0)
    }

    @Test func poolsRehashedIntoLargeTablesFindEveryValue() {
        // Enough values that the slot table passes the threshold (8 bytes a slot).
        let pool = StringPool()
        let values = (0..<(HugePages.threshold / 8)).map { Array("value-\($0)".utf8) }
        let ids = values.map { pool.intern($0) }
        #expect(ids == values.indices.map { Int32($0) })
        #expect(values.indices.allSatisfy { pool.lookup(values[$0]) == Int32($0) })
    }
}
