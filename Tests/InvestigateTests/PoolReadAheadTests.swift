import Testing
@testable import Investigate

/// The pool's read-ahead in sweeps (`StringPool.candidate(slot:hash:)`, `touchStart(id:)`,
/// `touchByte(at:)`) that `QueryRowBatch` runs before interning a batch: a slot names a value
/// only for a hash with its tag, and reads of absent values or starts are harmless zeros.
@Suite struct PoolReadAheadTests {
    @Test func aSlotNamesItsValueOnlyForAHashWithItsTag() {
        let pool = StringPool(expected: 16)
        let values = ["acct_1", "acct_2", "", "acct_\u{00E9}"].map { Array($0.utf8) }
        let ids = values.map { pool.intern($0) }
        for (value, id) in zip(values, ids) {
            let hash = ByteHash.hash(value.span)
            let slot = pool.touch(hash: hash)
            let named = pool.candidate(slot: slot, hash: hash)
            // The first slot probed holds the value, or another with a different tag (then -1).
            #expect(named == id || named == -1)
            if named >= 0 {
                let start = pool.touchStart(id: named)
                #expect(start >= 0)
                if let first = value.first { #expect(pool.touchByte(at: start) == UInt64(first)) }
            }
            // A hash differing in its tag never names the value.
            #expect(pool.candidate(slot: slot, hash: hash ^ 0x8000_0000_0000_0000) == -1)
        }
        #expect(pool.candidate(slot: 0, hash: 0) == -1)
    }

    @Test func readsOfAbsentValuesAndStartsAreZero() {
        let pool = StringPool(expected: 4)
        let id = pool.intern(Array("203.0.113.7".utf8))
        #expect(pool.touchStart(id: -1) == -1)
        #expect(pool.touchStart(id: id + 1) == -1)
        #expect(pool.touchStart(id: .max) == -1)
        #expect(pool.touchByte(at: -1) == 0)
        #expect(pool.touchByte(at: 1 << 40) == 0)
        #expect(pool.touchByte(at: pool.touchStart(id: id)) == UInt64(UInt8(ascii: "2")))
    }
}
