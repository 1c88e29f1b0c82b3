import Testing

@testable import ByteCore

/// `ByteSearch.firstOffset`: the first occurrence, whatever byte of the needle candidates are
/// found by (the anchor), checked against a plain scan on haystacks built to mislead it.
@Suite struct ByteSearchTests {
    /// The first offset where `needle` occurs in `haystack`, by brute force.
    static func naive(_ needle: [UInt8], _ haystack: [UInt8]) -> Int? {
        if needle.isEmpty { return 0 }
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            return start
        }
        return nil
    }

    @Test func everyAnchorFindsTheFirstOccurrence() {
        let needle = Array(#""account_id""#.utf8)
        var state: UInt64 = 0x1234_5678
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        // Pieces that share the needle's bytes: partial keys, escaped keys, underscores, quotes.
        let pieces: [[UInt8]] = [
            Array(#""account_i""#.utf8), Array(#"_id""#.utf8), Array(#"\"account_id\""#.utf8), Array("\"".utf8),
            Array("_".utf8), Array(#""ts":"2026-05-02T00:00:34Z","#.utf8), Array(#""account_"#.utf8), needle, Array("x".utf8),
        ]
        for _ in 0..<3_000 {
            var haystack: [UInt8] = []
            for _ in 0..<next(8) { haystack += pieces[next(pieces.count)] }
            let expected = Self.naive(needle, haystack)
            for anchor in 0..<needle.count {
                #expect(ByteSearch.firstOffset(of: needle.span, in: haystack.span, anchor: anchor) == expected)
            }
            #expect(ByteSearch.firstOffset(of: needle.span, in: haystack.span) == expected)
        }
    }

    @Test func edgeCases() {
        let needle = Array("ab_c".utf8)
        #expect(ByteSearch.firstOffset(of: needle.span, in: Array("ab_".utf8).span, anchor: 2) == nil)
        #expect(ByteSearch.firstOffset(of: needle.span, in: Array("ab_c".utf8).span, anchor: 3) == 0)
        #expect(ByteSearch.firstOffset(of: needle.span, in: Array("_ab_cab_c".utf8).span, anchor: 2) == 1)
        // An anchor byte before any room for the needle's start is not a match.
        #expect(ByteSearch.firstOffset(of: needle.span, in: Array("_c".utf8).span, anchor: 2) == nil)
        #expect(ByteSearch.firstOffset(of: [UInt8]().span, in: Array("x".utf8).span, anchor: 0) == 0)
    }
}
