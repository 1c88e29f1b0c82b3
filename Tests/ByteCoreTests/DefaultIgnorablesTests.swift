import ByteCore
import Testing

/// Default-ignorable scalars are found and removed exactly: every kind the trial sprinkled, and
/// nothing else (a visible neighbour of one, an invalid byte, a truncated sequence stay).
@Suite struct DefaultIgnorablesTests {
    static func removed(_ text: String) -> String? {
        DefaultIgnorables.removed(from: Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: [
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{2064}", "\u{2066}", "\u{2069}", "\u{206F}",
        "\u{FEFF}", "\u{00AD}", "\u{034F}", "\u{061C}", "\u{115F}", "\u{1160}", "\u{17B4}", "\u{17B5}", "\u{180B}", "\u{180E}",
        "\u{180F}", "\u{202A}", "\u{202E}", "\u{3164}", "\u{FE00}", "\u{FE0F}", "\u{FFA0}", "\u{FFF0}", "\u{FFF8}", "\u{1BCA0}",
        "\u{1BCA3}", "\u{1D173}", "\u{1D17A}", "\u{E0000}", "\u{E0001}", "\u{E0041}", "\u{E0100}", "\u{E01EF}", "\u{E0FFF}",
    ])
    func eachIgnorableIsRemoved(scalar: String) {
        #expect(Self.removed("a" + scalar + "b" + scalar) == "ab", "\(scalar.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test(arguments: [
        "plain ascii", "caf\u{E9}", "\u{200A}hair", "\u{2010}", "\u{2028}", "\u{00A0}", "\u{0350}", "\u{061B}", "\u{1161}",
        "\u{17B6}", "\u{180A}", "\u{2070}", "\u{3165}", "\u{FE10}", "\u{FEFE}", "\u{FFA1}", "\u{FFF9}", "\u{1BCA4}", "\u{1D17B}",
        "\u{E1000}", "\u{1F600}", "\u{65E5}\u{672C}",
    ])
    func visibleTextIsKept(text: String) {
        #expect(Self.removed(text) == nil)
        let bytes = Array(text.utf8)
        let holds = DefaultIgnorables.contains(bytes.span)
        #expect(!holds)
    }

    /// Only well-formed sequences match: a lead byte cut short or followed by junk is kept.
    @Test func brokenSequencesAreKept() {
        for bytes: [UInt8] in [[0xE2, 0x80], [0xE2], [0xC2], [0xF3, 0xA0, 0x80], [0xE2, 0x80, 0x41], [0xF3, 0xA0, 0x41, 0x80], [0xFF, 0xE2]] {
            #expect(DefaultIgnorables.removed(from: bytes) == nil, "\(bytes)")
        }
        var out: [UInt8] = []
        let bytes: [UInt8] = [0xFF, 0xE2, 0x80, 0x8B, 0xE2, 0x80]
        let removed = DefaultIgnorables.removing(from: bytes.span, into: &out)
        #expect(removed == 1)
        #expect(out == [0xFF, 0xE2, 0x80])
    }
}
