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
        for text in ["café", "naïve", "日本語のテキスト", "Ελληνικά", "한국어", "emoji 🙂", "¡Hola!", "§ 12 ©", "नमस्ते", "สวัสดี"] {
            #expect(TextEscaping.visible(text) == text)
        }
    }

    /// A trial's ids `acct_café` (NFC) and `acct_cafe\u{301}` (NFD), and `acct_mixed` beside
    /// `acct_mixed ` showed alike on screen, in `case show` and in the report.
    @Test func valuesThatWouldLookAlikeAreShownApart() {
        let composed = "acct_caf\u{E9}", decomposed = "acct_cafe\u{301}"
        #expect(TextEscaping.visible(composed) == composed)
        #expect(TextEscaping.visible(decomposed) == "acct_cafe\\u{301}")
        // A character NFC replaces by another (the Angstrom sign by Å) is shown escaped too.
        #expect(TextEscaping.visible("10 \u{212B}") == "10 \\u{212B}")
        // A Devanagari letter NFC decomposes (U+0958), and Hangul written as conjoining jamo.
        #expect(TextEscaping.visible("\u{958}") == "\\u{958}")
        #expect(TextEscaping.visible("\u{1100}\u{1161}") == "\\u{1100}\\u{1161}")
        #expect(TextEscaping.visible("\u{AC00}") == "\u{AC00}")
        // Curly quotes and dashes are NFC: left alone.
        #expect(TextEscaping.visible("It\u{2019}s \u{2014} fine") == "It\u{2019}s \u{2014} fine")
        // Spaces at either end, and blanks other than the ASCII space.
        #expect(TextEscaping.visible("acct_mixed ") == "acct_mixed\\x20")
        #expect(TextEscaping.visible(" a  b ") == "\\x20a  b\\x20")
        #expect(TextEscaping.visible("acct\u{A0}mixed") == "acct\\u{A0}mixed")
        #expect(TextEscaping.visible("a\u{3000}b") == "a\\u{3000}b")
        // A cut text's end is the cut, not the value's end: its spaces there are left.
        #expect(TextEscaping.visible(Array("ab  cd".utf8), limit: 3) == "ab …")
        // Every form reads back as its own bytes.
        for text in [decomposed, "10 \u{212B}", "acct_mixed ", " a  b ", "acct\u{A0}mixed", "   "] {
            #expect(TextEscaping.bytes(fromVisible: TextEscaping.visible(text)) == Array(text.utf8))
        }
    }
}
