import Testing

@testable import ByteCore

/// Prefetch hints: any index, in range or not, is accepted and changes nothing.
@Suite struct PrefetchTests {
    @Test func bufferHintsTakeAnyIndexAndChangeNothing() {
        let empty = GrowableBuffer<UInt64>()
        for index in [-1, 0, 1, Int.max, Int.min] { empty.prefetch(index) }
        #expect(empty.count == 0)
        let buffer = GrowableBuffer<UInt32>(repeating: 7, count: 100)
        for index in [-1, 0, 50, 99, 100, 1 << 40, Int.max, Int.min] { buffer.prefetch(index) }
        #expect(buffer.count == 100 && buffer.values == Array(repeating: 7, count: 100))
    }

    @Test func poolHintsTakeAnyInputAndChangeNothing() {
        let pool = StringPool(expected: 4)
        let ids = ["acct_1", "acct_2", ""].map { pool.intern($0) }
        for hash: UInt64 in [0, 1, UInt64.max, ByteHash.hash("acct_1")] { pool.prefetchSlot(hash: hash) }
        for id: Int32 in [-1, 0, 2, 3, Int32.max, Int32.min] { pool.prefetchStart(id: id) }
        for start in [-1, 0, 5, 12, 13, Int.max] { pool.prefetchByte(at: start) }
        #expect(pool.count == 3 && ids == [0, 1, 2])
        #expect(pool.lookup("acct_2") == 1 && pool.string(0) == "acct_1")
        // After `compact()` the slot table is gone: a slot hint is no read at all.
        pool.compact()
        pool.prefetchSlot(hash: ByteHash.hash("acct_1"))
        #expect(pool.lookup("acct_1") == 0)
    }
}
