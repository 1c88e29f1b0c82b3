import Testing

@testable import ByteCore

/// `ChunkStash`: an emptied column's chunks kept as granules, taken by a `BucketedColumn` made
/// with the stash (values read back across chunks as without it) and kept again when a bucket is
/// released, moved under a column's chunks (`adoptMemory`, whole chunks only), trimmed and given
/// back by `releaseAll()`; a column whose chunks are not whole granules keeps nothing.
@Suite struct ChunkStashTests {
    @Test func anEmptiedColumnsChunksAreKeptAsGranules() {
        let stash = ChunkStash()
        let column = ChunkedColumn<UInt32>()
        for value in 0..<((1 << 16) + 5) { column.append(UInt32(value)) }
        column.removeAll(keepingMemoryIn: stash)
        #expect(column.count == 0)
        // Two chunks of 256 KiB: four granules of 128 KiB.
        #expect(stash.count == 2 * (1 << 16) * 4 / ChunkStash.granuleBytes)
        column.append(9)
        #expect(column.count == 1 && column[0] == 9)
        stash.releaseAll()
        #expect(stash.count == 0)
    }

    @Test func bytesColumnsKeepNothing() {
        let stash = ChunkStash()
        let column = ChunkedColumn<UInt8>()
        for value in 0..<1000 { column.append(UInt8(value & 0xFF)) }
        column.removeAll(keepingMemoryIn: stash)
        #expect(stash.count == 0 && column.count == 0)
    }

    @Test func bucketsTakeTheKeptGranulesAndReadBackTheirOwnValues() {
        let stash = ChunkStash()
        let source = ChunkedColumn<UInt64>()
        for value in 0..<(1 << 17) { source.append(UInt64(value) &* 0x9E37_79B9_7F4A_7C15) }
        source.removeAll(keepingMemoryIn: stash)
        let kept = stash.count
        #expect(kept == 8)
        // 16-byte values: 8,192 a granule; bucket 0 spans three granules.
        let capacity = 20_000
        let column = BucketedColumn<SIMD2<UInt64>>(buckets: 2, capacity: capacity, stash: stash)
        var expected: [[SIMD2<UInt64>]] = [[], []]
        for i in 0..<capacity {
            let value = SIMD2(UInt64(i), UInt64(i) ^ 0xABCD)
            column.append(value, toBucket: 0)
            expected[0].append(value)
            if i % 7 == 0 {
                column.append(value &+ 1, toBucket: 1)
                expected[1].append(value &+ 1)
            }
        }
        #expect(stash.count == kept - 4)
        for bucket in 0..<2 {
            #expect((0..<column.count(ofBucket: bucket)).map { column[bucket: bucket, $0] } == expected[bucket])
        }
        column.releaseBucket(0)
        #expect(column.count(ofBucket: 0) == 0)
        #expect(stash.count == kept - 1)
        column.append(SIMD2(1, 2), toBucket: 0)
        #expect(column[bucket: 0, 0] == SIMD2(1, 2))
        #expect((0..<column.count(ofBucket: 1)).map { column[bucket: 1, $0] } == expected[1])
    }

    @Test func anEmptyStashMapsFreshGranules() {
        let stash = ChunkStash()
        let column = BucketedColumn<UInt32>(buckets: 3, capacity: 100_000, stash: stash)
        for i in 0..<100_000 { column.append(UInt32(i), toBucket: i % 3) }
        #expect(stash.count == 0)
        #expect(column.count(ofBucket: 2) == 33_333)
        #expect(column[bucket: 2, 33_332] == 99_998)
    }

    @Test func adoptedMemoryLiesUnderWholeChunksOnly() {
        let stash = ChunkStash()
        let source = ChunkedColumn<UInt64>()
        for value in 0..<(3 << 16) { source.append(UInt64(value)) }
        source.removeAll(keepingMemoryIn: stash)
        #expect(stash.count == 12)
        let chunk = 1 << 16
        let column = ChunkedColumn<UInt32>(uninitializedCount: 2 * chunk + 100)
        // Not a whole chunk: nothing moves.
        column.adoptMemory(ofValues: 10..<(chunk + 5), from: stash)
        #expect(stash.count == 12)
        // Chunk 1 (two granules), then the last chunk, which ends the column.
        column.adoptMemory(ofValues: chunk..<(2 * chunk), from: stash)
        #expect(stash.count == 10)
        column.adoptMemory(ofValues: (2 * chunk)..<column.count, from: stash)
        #expect(stash.count == 8)
        for index in 0..<column.count { column[index] = UInt32(index) &* 7 }
        #expect((0..<column.count).allSatisfy { column[$0] == UInt32($0) &* 7 })
        stash.trim(toAtMost: 3)
        #expect(stash.count == 3)
        stash.releaseAll()
        #expect(stash.count == 0)
        // An empty stash moves nothing; the column's own pages stay.
        column.adoptMemory(ofValues: 0..<chunk, from: stash)
        column[5] = 1
        #expect(column[5] == 1 && column[6] == 42)
    }
}
