import Testing

@testable import ByteCore

/// `GrowableBuffer` and `ChunkedColumn`: values survive growth, reads are checked, and
/// out-of-range reads return nil (checked forms) or stop the program (subscripts).
@Suite struct ByteCoreBufferTests {
    @Test func growableBufferAppendsReadsAndLendsSpans() {
        let buffer = GrowableBuffer<UInt32>()
        for i in 0..<10_000 { buffer.append(UInt32(i) &* 7) }
        buffer.append(contentsOf: [1, 2, 3])
        #expect(buffer.count == 10_003)
        #expect(buffer[9_999] == 69_993 && buffer[10_002] == 3)
        #expect(buffer.withSpan(9_998..<10_001) { span in (0..<span.count).map { span[$0] } } == [69_986, 69_993, 1])
        buffer.truncate(to: 2)
        #expect(buffer.values == [0, 7])
        buffer.trim()
        #expect(buffer.memoryFootprint == 2 * 4)
    }

    @Test func growableBufferCheckedReadsReturnNil() {
        let buffer = GrowableBuffer<Int>(repeating: 5, count: 3)
        #expect(buffer.value(at: 2) == 5)
        #expect(buffer.value(at: 3) == nil)
        #expect(buffer.value(at: -1) == nil)
        #expect(GrowableBuffer<UInt8>().value(at: 0) == nil)
        #expect(buffer.withSpan(3..<3) { $0.count } == 0)
    }

    @Test func growableBufferOutOfRangeStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let buffer = GrowableBuffer<Int>(repeating: 1, count: 4)
            _ = buffer[4]
        }
        await #expect(processExitsWith: .failure) {
            let buffer = GrowableBuffer<Int>(repeating: 1, count: 4)
            _ = buffer.withSpan(2..<5) { $0.count }
        }
    }

    @Test func chunkedColumnAcrossChunks() {
        let column = ChunkedColumn<UInt64>()
        let total = (1 << 16) * 2 + 100
        for i in 0..<total { column.append(UInt64(i) &* 3) }
        #expect(column.count == total)
        #expect(column[(1 << 16) - 1] == UInt64((1 << 16) - 1) &* 3 && column[1 << 16] == UInt64(1 << 16) &* 3)
        #expect(column.value(at: total) == nil && column.value(at: -1) == nil)
        #expect(column.isContiguous(10, count: 50))
        #expect(!column.isContiguous((1 << 16) - 2, count: 4))
        #expect(!column.isContiguous(total - 10, count: 11))
        column.withMutableSpan(10, count: 3) { span in
            span[0] = 1
            span[2] = 2
        }
        #expect(column[10] == 1 && column[11] == 33 && column[12] == 2)
        var seen = 0, firsts: [Int] = []
        column.drainSpans { span, first in
            seen += span.count
            firsts.append(first)
        }
        #expect(seen == total && firsts == [0, 1 << 16, 2 << 16] && column.count == 0)
    }

    @Test func chunkedColumnUninitializedReadsZeroAndFills() {
        let column = ChunkedColumn<Int32>(uninitializedCount: 70_000)
        #expect(column.count == 70_000 && column[69_999] == 0)
        column[69_999] = -4
        #expect(column[69_999] == -4)
    }

    @Test func chunkedColumnOutOfRangeStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let column = ChunkedColumn<Int32>()
            column.append(1)
            // Within the first chunk's mapping, but past the values: still refused.
            _ = column[1]
        }
        await #expect(processExitsWith: .failure) {
            let column = ChunkedColumn<Int32>()
            for i in 0..<100 { column.append(Int32(i)) }
            column.withMutableSpan(90, count: 20) { _ in }
        }
    }
}
