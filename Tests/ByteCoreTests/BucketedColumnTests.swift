import Testing

@testable import ByteCore

/// `BucketedColumn`: values dealt into buckets read back per bucket in order, across chunks;
/// a released bucket is empty and refills; reads and appends out of range stop the program.
@Suite struct BucketedColumnTests {
    @Test func valuesReadBackPerBucketAcrossChunks() {
        let capacity = (1 << 16) * 2 + 10
        let column = BucketedColumn<UInt64>(buckets: 3, capacity: capacity)
        var expected: [[UInt64]] = [[], [], []]
        // Bucket 0 crosses two chunk boundaries; bucket 1 stays in one chunk; bucket 2 stays empty.
        for i in 0..<(capacity * 2) {
            let bucket = i % 9 == 0 ? 1 : 0
            guard expected[bucket].count < capacity else { continue }
            let value = UInt64(i) &* 0x9E37_79B9 ^ UInt64(bucket)
            column.append(value, toBucket: bucket)
            expected[bucket].append(value)
        }
        for bucket in 0..<3 {
            #expect(column.count(ofBucket: bucket) == expected[bucket].count)
            #expect((0..<column.count(ofBucket: bucket)).map { column[bucket: bucket, $0] } == expected[bucket])
        }
        #expect(column.count(ofBucket: 0) == capacity)
    }

    @Test func aReleasedBucketIsEmptyAndRefillsWhileOthersKeepTheirValues() {
        let column = BucketedColumn<UInt16>(buckets: 2, capacity: 5)
        for i in 0..<5 {
            column.append(UInt16(i), toBucket: 0)
            column.append(UInt16(100 + i), toBucket: 1)
        }
        column.releaseBucket(0)
        #expect(column.count(ofBucket: 0) == 0)
        #expect((0..<5).map { column[bucket: 1, $0] } == [100, 101, 102, 103, 104])
        column.append(7, toBucket: 0)
        #expect(column.count(ofBucket: 0) == 1 && column[bucket: 0, 0] == 7)
    }

    @Test func outOfRangeStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let column = BucketedColumn<UInt32>(buckets: 2, capacity: 4)
            column.append(1, toBucket: 0)
            _ = column[bucket: 0, 1]
        }
        await #expect(processExitsWith: .failure) {
            let column = BucketedColumn<UInt32>(buckets: 2, capacity: 4)
            column.append(1, toBucket: 2)
        }
        await #expect(processExitsWith: .failure) {
            // A full bucket takes no more (a scatter's bucket never holds more than its range).
            let column = BucketedColumn<UInt32>(buckets: 1, capacity: 2)
            for value in 0..<3 { column.append(UInt32(value), toBucket: 0) }
        }
    }
}
