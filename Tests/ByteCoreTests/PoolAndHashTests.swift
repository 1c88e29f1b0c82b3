import Testing

@testable import ByteCore

/// `StringPool`, `ByteHash` and `ByteCompare` over spans.
@Suite struct ByteCorePoolTests {
    @Test func internLookupAndCheckedReads() {
        let pool = StringPool(expected: 4)
        let values: [[UInt8]] = [Array("acct_1".utf8), [0xFF, 0x00, 0x41], [], Array(repeating: 0x78, count: 300)]
        let ids = values.map { pool.intern($0) }
        #expect(ids == [0, 1, 2, 3])
        #expect(pool.intern(values[0]) == 0)
        for (value, id) in zip(values, ids) {
            #expect(pool.bytes(id) == value)
            #expect(pool.lookup(value) == id)
            #expect(pool.withSpan(id) { $0.count } == value.count)
            let equal = pool.hasValue(id, equalTo: value.span)
            #expect(equal)
        }
        #expect(pool.bytesIfPresent(4) == nil && pool.bytesIfPresent(-1) == nil)
        #expect(!pool.contains(4) && pool.contains(3))
        let first = values[0]
        let absentEqual = pool.hasValue(9, equalTo: first.span)
        #expect(!absentEqual)
        #expect(pool.lookup([0x61]) == nil)
        pool.compact()
        #expect(pool.lookup(values[3]) == 3 && pool.intern("new") == 4)
    }

    @Test func appendDistinctThenLookupRebuildsTheTable() {
        let pool = StringPool()
        for i in 0..<1_000 { _ = pool.appendDistinct(Array("v\(i)".utf8).span) }
        #expect(pool.lookup("v999") == 999 && pool.lookup("v1000") == nil)
    }

    @Test func poolOutOfRangeStopsTheProgram() async {
        await #expect(processExitsWith: .failure) {
            let pool = StringPool()
            pool.intern("a")
            _ = pool.bytes(1)
        }
    }

    @Test func hashDependsOnBytesNotOnTheirAddress() {
        let bytes: [UInt8] = (0..<40).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        for start in 0..<8 {
            for length in 0...(40 - start) {
                let copy = Array(bytes[start..<start + length])
                let inPlace = ByteHash.hash(bytes.span.extracting(start..<start + length))
                #expect(inPlace == ByteHash.hash(copy))
            }
        }
        #expect(ByteHash.hash([1, 2, 3]) != ByteHash.hash([1, 2, 4]))
        #expect(ByteHash.hash("abc") == ByteHash.hash(Array("abc".utf8)))
    }

    @Test func byteComparisonAtEveryLengthAndPosition() {
        for length in 0...40 {
            let a = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let itself = ByteCompare.same(a.span, a.span), longer = ByteCompare.same(a.span, (a + [0]).span)
            #expect(itself && !longer)
            for position in 0..<length {
                var b = a
                b[position] ^= 0x20
                let differs = !ByteCompare.same(a.span, b.span)
                #expect(differs, "length \(length), byte \(position)")
            }
        }
    }

    @Test func scanningHelpers() {
        let text = Array(#"abcdefghij"klm\n"#.utf8)
        let stops = [0, 11, 15, 99].map { ByteCompare.firstQuoteOrBackslash(text.span, from: $0) }
        #expect(stops == [10, 14, nil, nil])
        let padded = Array(" \tab c\t ".utf8), blank = Array("   ".utf8)
        let trimmed = ByteCompare.trimmedRange(padded.span), empty = ByteCompare.trimmedRange(blank.span)
        #expect(trimmed == 2..<6 && empty.isEmpty)
        let head = ByteCompare.array(text.span.extracting(0..<3))
        #expect(head == Array("abc".utf8))
    }
}
