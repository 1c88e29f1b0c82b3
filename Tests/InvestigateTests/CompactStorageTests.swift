import Dispatch
import Synchronization
import Testing
@testable import Investigate

/// The compact forms kept after a load: pools trimmed and frozen, clusters in rows.
@Suite struct CompactStorageTests {
    /// Values with invalid UTF-8, an empty value and repeats.
    static let values: [[UInt8]] = [
        Array("acct_1".utf8), [0xFF, 0xFE, 0x41], [], Array("203.0.113.7".utf8), Array("acct_1".utf8),
        [0xC3], Array(String(repeating: "x", count: 300).utf8),
    ]

    private func intern(_ bytes: [UInt8], in pool: StringPool) -> Int32 {
        pool.intern(bytes)
    }

    @Test func compactKeepsIdsAndRawBytes() {
        let pool = StringPool(expected: 2)
        let ids = Self.values.map { intern($0, in: pool) }
        for i in 0..<5_000 { pool.intern("v\(i)") }
        let before = pool.memoryFootprint
        pool.compact()
        #expect(pool.memoryFootprint < before)
        for (value, id) in zip(Self.values, ids) {
            #expect(Array(pool.bytes(id)) == value)
            #expect(pool.length(id) == value.count)
            #expect(pool.withSpan(id) { ByteCompare.array($0) } == value)
            #expect(pool.lookup(value) == id)
        }
        #expect(pool.string(ids[1]) == "\u{FFFD}\u{FFFD}A")
        #expect(pool.lookup("v4999") == Int32(Set(Self.values).count + 4_999))
        #expect(pool.lookup("absent") == nil)
    }

    @Test func byteEqualityAtEveryLengthAndPosition() {
        // Overlapping word compares must see a difference in any byte, at any length.
        for length in 0...40 {
            let a = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let itself = ByteCompare.same(a.span, a.span)
            #expect(itself)
            for position in 0..<length {
                var b = a
                b[position] ^= 0x20
                let differs = !ByteCompare.same(a.span, b.span)
                #expect(differs)
            }
        }
        // A pool finds values of every length that differ only in their last byte.
        let pool = StringPool()
        let values = (1...40).flatMap { length in ["a", "b"].map { String(repeating: "x", count: length - 1) + $0 } }
        let ids = values.map { pool.intern($0) }
        #expect(Set(ids).count == values.count)
        #expect(values.map { pool.lookup($0) } == ids)
    }

    @Test func byteHashTailsReadAsWordsHashAsBytes() {
        // The hash as first written: the last 1 to 7 bytes gathered a byte at a time.
        func reference(_ bytes: [UInt8]) -> UInt64 {
            var h = 0x9E37_79B9_7F4A_7C15 ^ (UInt64(bytes.count) &* 0xFF51_AFD7_ED55_8CCD)
            var i = 0
            while i + 8 <= bytes.count {
                var word: UInt64 = 0
                for k in 0..<8 { word |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
                h = (h ^ ByteHash.mix(word)) &* 0x9E37_79B9_7F4A_7C15
                i += 8
            }
            if i < bytes.count {
                var tail: UInt64 = 0
                for k in i..<bytes.count { tail |= UInt64(bytes[k]) << (8 * UInt64(k - i)) }
                h = (h ^ ByteHash.mix(tail)) &* 0x9E37_79B9_7F4A_7C15
            }
            return ByteHash.mix(h)
        }
        var random = SeededRandom(seed: 3)
        for length in 0...70 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8(random.int(0...255)) }
                #expect(ByteHash.hash(bytes) == reference(bytes), "length \(length)")
            }
        }
    }

    @Test func internAfterCompactRebuildsTheTable() {
        let pool = StringPool()
        let a = pool.intern("a")
        pool.compact()
        #expect(pool.intern("a") == a)
        let b = pool.intern("b")
        #expect(b == a + 1)
        pool.compact()
        pool.compact()
        #expect(pool.lookup("b") == b)
        #expect(pool.count == 2)
    }

    @Test func concurrentLookupsAfterCompact() {
        let pool = StringPool()
        for i in 0..<20_000 { pool.intern("k\(i)") }
        pool.compact()
        let misses = DispatchQueue.concurrentPerform(count: 8) { worker in
            (0..<20_000).filter { i in pool.lookup("k\((i + worker * 997) % 20_000)") != Int32((i + worker * 997) % 20_000) }
                .count
        }
        #expect(misses == 0)
    }

    @Test func growableBufferKeepsValuesThroughGrowthAndTrim() {
        // Past the 64 KiB mapping threshold, so realloc moves pages rather than copying.
        useMappingsForLargeBlocks()
        let buffer = GrowableBuffer<UInt32>()
        for i in 0..<300_000 { buffer.append(UInt32(i) &* 2_654_435_761) }
        buffer.reserve(2_000_000)
        #expect(buffer.memoryFootprint == 2_000_000 * 4)
        let chunk: [UInt32] = [1, 2, 3]
        buffer.append(contentsOf: chunk)
        buffer.trim()
        #expect(buffer.count == 300_003 && buffer.memoryFootprint == 300_003 * 4)
        #expect((0..<300_000).allSatisfy { buffer[$0] == UInt32($0) &* 2_654_435_761 })
        #expect(buffer[300_002] == 3)
        buffer[5] = 7
        #expect(buffer[5] == 7)
        buffer.removeAll()
        #expect(buffer.count == 0 && buffer.memoryFootprint == 0)
        buffer.append(9)
        #expect(buffer[0] == 9)
    }

    @Test func tokenSumsPast32BitsStayExact() {
        var sums = AccountTokenSums(count: 3)
        sums[0] = 12
        sums[1] = Int64(UInt32.max) + 5
        sums[2] = Int64(UInt32.max) - 1
        #expect(sums[0] == 12 && sums[1] == Int64(UInt32.max) + 5 && sums[2] == Int64(UInt32.max) - 1)
        sums[1] = 7
        #expect(sums[1] == 7)
    }

    @Test func removeAllEmptiesAPoolForReuse() {
        let pool = StringPool()
        for i in 0..<50_000 { pool.intern("value-\(i)") }
        pool.removeAll()
        #expect(pool.count == 0 && pool.lookup("value-1") == nil)
        #expect(pool.intern("fresh") == 0 && pool.string(0) == "fresh")
    }

    @Test func memberRowsGroupAndReorder() {
        let rows = MemberRows(groupOf: [0, 1, 0, 2, 1, 0], sizes: [3, 2, 1])
        #expect(rows.count == 3)
        #expect(Array(rows.members(of: 0)) == [0, 2, 5])
        #expect(Array(rows.members(of: 1)) == [1, 4])
        #expect(rows.size(of: 2) == 1)
        let reordered = rows.reordered(by: [2, 0, 1])
        #expect((0..<3).map { Array(reordered.members(of: $0)) } == [[3], [0, 2, 5], [1, 4]])
    }

    @Test func clusterViewsMatchTheirRows() throws {
        let (inv, _, _) = GraphTests.generated
        #expect(inv.clusters.map(\.size).reduce(0, +) == inv.data.accountCount)
        for (position, cluster) in inv.clusters.prefix(20).enumerated() {
            #expect(cluster.id == "c\(position + 1)")
            #expect(cluster.members == cluster.members.sorted())
            #expect(cluster.signals == cluster.signals)
            for member in cluster.members { #expect(Int(inv.clusterOfAccount[Int(member)]) == position) }
            #expect(cluster.linkCounts == Clusterer.linkCounts(members: cluster.members, index: inv.index))
        }
        let keys = inv.clusters.map { (risk: $0.risk, size: $0.size, first: $0.members[0]) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { !TriageOrder.before($1, $0) })
    }
}

extension DispatchQueue {
    /// Runs `body` on `count` threads and sums the results.
    fileprivate static func concurrentPerform(count: Int, _ body: @Sendable (Int) -> Int) -> Int {
        let total = Mutex(0)
        concurrentPerform(iterations: count) { i in
            let n = body(i)
            total.withLock { $0 += n }
        }
        return total.withLock { $0 }
    }
}
