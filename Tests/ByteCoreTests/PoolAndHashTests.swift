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
            #expect(pool.hasValue(id, equalTo: value.span))
        }
        #expect(pool.bytesIfPresent(4) == nil && pool.bytesIfPresent(-1) == nil)
        #expect(!pool.contains(4) && pool.contains(3))
        #expect(!pool.hasValue(9, equalTo: values[0].span))
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
        let bytes: [UInt8] = (0..<40).map { UInt8($0 &* 13) }
        for start in 0..<8 {
            for length in 0...(40 - start) {
                let copy = Array(bytes[start..<start + length])
                #expect(ByteHash.hash(bytes.span.extracting(start..<start + length)) == ByteHash.hash(copy))
            }
        }
        #expect(ByteHash.hash([1, 2, 3]) != ByteHash.hash([1, 2, 4]))
        #expect(ByteHash.hash("abc") == ByteHash.hash(Array("abc".utf8)))
    }

    @Test func byteComparisonAtEveryLengthAndPosition() {
        for length in 0...40 {
            let a = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(ByteCompare.same(a.span, a.span))
            #expect(!ByteCompare.same(a.span, (a + [0]).span))
            for position in 0..<length {
                var b = a
                b[position] ^= 0x20
                #expect(!ByteCompare.same(a.span, b.span))
            }
        }
    }

    @Test func scanningHelpers() {
        let text = Array(#"abcdefghij"klm\n"#.utf8)
        #expect(ByteCompare.firstQuoteOrBackslash(text.span, from: 0) == 10)
        #expect(ByteCompare.firstQuoteOrBackslash(text.span, from: 11) == 14)
        #expect(ByteCompare.firstQuoteOrBackslash(text.span, from: 15) == nil)
        #expect(ByteCompare.firstQuoteOrBackslash(text.span, from: 99) == nil)
        #expect(ByteCompare.trimmedRange(Array(" \tab c\t ".utf8).span) == 2..<6)
        #expect(ByteCompare.trimmedRange(Array("   ".utf8).span).isEmpty)
        #expect(ByteCompare.array(text.span.extracting(0..<3)) == Array("abc".utf8))
    }
}
