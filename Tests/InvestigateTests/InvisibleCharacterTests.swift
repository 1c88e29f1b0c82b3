import Testing
@testable import Investigate

/// Characters that draw nothing (or break a line) never reach a terminal raw: an id with a soft
/// hyphen, a tag character or a Hangul filler inside would otherwise look like another id.
@Suite struct InvisibleCharacterTests {
    static let invisible: [UInt32] = [
        0x00AD, 0x034F, 0x115F, 0x1160, 0x17B4, 0x180B, 0x2028, 0x2029, 0x206A, 0x3164, 0xFE0F, 0xFFA0,
        0xE0001, 0xE0041, 0xE0100, 0x0600, 0x06DD, 0x110BD, 0x1D173,
    ]

    @Test(arguments: invisible)
    func anInvisibleCharacterIsEscapedAndReadsBack(value: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(value))
        var text = "A"
        text.unicodeScalars.append(scalar)
        text += "1"
        let shown = TextEscaping.visible(text)
        #expect(shown == "A\\u{\(String(value, radix: 16, uppercase: true))}1")
        #expect(TextEscaping.bytes(fromVisible: shown) == Array(text.utf8))
    }

    @Test func aC1ControlReadsBackAsItsOwnBytes() {
        let text = "a\u{85}b\u{9B}c"
        let shown = TextEscaping.visible(text)
        #expect(shown == "a\\u{85}b\\u{9B}c")
        #expect(TextEscaping.bytes(fromVisible: shown) == Array(text.utf8))
        // A raw byte that is not UTF-8 is still one `\\x` byte.
        #expect(TextEscaping.visible([0x61, 0x85]) == "a\\x85")
    }

    @Test func ordinaryTextIsLeftAlone() {
        for text in ["café", "naïve", "日本語のテキスト", "Ελληνικά", "한국어", "emoji 🙂", "a\u{301}", "¡Hola!", "§ 12 ©"] {
            #expect(TextEscaping.visible(text) == text)
        }
    }
}
