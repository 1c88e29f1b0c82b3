import Testing
@testable import Investigate

/// A value shown to a byte limit is cut where a character starts: the cut never shows the first
/// bytes of an emoji or an accented letter as invalid bytes the value does not hold.
@Suite struct CutAtCharacterTests {
    @Test(arguments: [18, 20, 21, 22, 23])
    func anEmojiAcrossTheLimitIsLeftOut(prefixLength: Int) {
        let id = String(repeating: "a", count: prefixLength) + "\u{1F600}tail"
        let shown = TextEscaping.visible(Array(id.utf8), limit: 24)
        #expect(!shown.contains("\\x"))
        let fits = prefixLength + 4 <= 24
        #expect(shown == String(repeating: "a", count: prefixLength) + (fits ? "\u{1F600}" + String("tail".prefix(24 - prefixLength - 4)) : "") + "…")
    }

    @Test func aTwoByteLetterAtTheLimitIsLeftOut() {
        #expect(TextEscaping.visible(Array("abcé".utf8), limit: 4) == "abc…")
        #expect(TextEscaping.visible(Array("abcé".utf8), limit: 5) == "abcé")
    }

    @Test func invalidBytesAtTheLimitAreStillShown() {
        // Bytes that start no valid character are the value's own: they stay, escaped.
        #expect(TextEscaping.visible([0x61, 0xF0, 0x9F, 0x41, 0x42], limit: 3) == "a\\xf0\\x9f…")
        #expect(TextEscaping.visible([0x61, 0x62, 0xFF, 0xFF], limit: 3) == "ab\\xff…")
    }
}
