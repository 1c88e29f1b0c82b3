import Testing
@testable import tui

@Suite struct SanitizerTests {
    @Test(arguments: [
        ("\u{1B}]0;title\u{07}", #"\x1b]0;title\x07"#),
        ("\u{1B}[2J", #"\x1b[2J"#),
        ("a\u{202E}b", #"a\u{202E}b"#),
        ("\u{2066}x\u{2069}", #"\u{2066}x\u{2069}"#),
        ("l\u{200E}r\u{200F}", #"l\u{200E}r\u{200F}"#),
        ("c1\u{9B}31m", #"c1\u{9B}31m"#),
        ("tab\tnl\n", #"tab\tnl\n"#),
        ("del\u{7F}", #"del\x7f"#),
        ("plain ascii", "plain ascii"),
        ("日本語", "日本語"),
    ])
    func hostileStringsBecomeVisible(input: String, expected: String) {
        #expect(Sanitizer.inert(input) == expected)
    }

    @Test func invalidUTF8BytesAreEscaped() {
        let bytes: [UInt8] = [0x61, 0xFF, 0xC3, 0x28, 0xE2, 0x82, 0x62, 0xED, 0xA0, 0x80]
        #expect(Sanitizer.inert(bytes: bytes) == #"a\xff\xc3(\xe2\x82b\xed\xa0\x80"#)
    }

    @Test func asciiModeEscapesEverythingNonASCII() {
        #expect(Sanitizer.inert("é日\u{1F600}", ascii: true) == #"\u{E9}\u{65E5}\u{1F600}"#)
        #expect(Sanitizer.inert("\u{1B}[31m", ascii: true) == #"\x1b[31m"#)
    }

    @Test func nothingUnsafeReachesTheBuffer() {
        var buffer = ScreenBuffer(rows: 1, cols: 60)
        buffer.put("x\u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}y\u{9B}", row: 0, col: 0)
        for col in 0..<60 {
            for scalar in buffer[0, col].text?.unicodeScalars ?? "".unicodeScalars {
                #expect(scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80..<0xA0).contains(scalar.value))
                #expect(!(0x202A...0x202E).contains(scalar.value))
            }
        }
        #expect(buffer.line(0) == #"x\x1b]0;pwned\x07\x1b[2J\u{202E}y\u{9B}"#)
    }
}

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("abc", 3), ("日本", 4), ("한국", 4), ("\u{1F600}", 2), ("e\u{301}", 1), ("\u{2764}\u{FE0F}", 2),
        ("ｱ", 1), ("Ａ", 2), ("", 0), ("\u{200B}", 0), ("🇯🇵", 1),
    ])
    func widths(text: String, width: Int) {
        #expect(TextWidth.of(text) == width)
    }

    @Test func truncationMeasuresColumns() {
        #expect(TextFit.truncate("abcdef", to: 4) == "abc…")
        #expect(TextFit.truncate("日本語テキスト", to: 5) == "日本…")
        #expect(TextFit.truncate("abcdef", to: 4, ellipsis: "~") == "abc~")
        #expect(TextFit.pad("日本", to: 6) == "日本  ")
        #expect(TextFit.pad("7", to: 3, right: true) == "  7")
        #expect(TextFit.truncate("abc", to: 3) == "abc")
    }

    @Test func wideCharactersNeverSplitAtTheEdge() {
        var buffer = ScreenBuffer(rows: 1, cols: 5)
        let end = buffer.put("ab日本", row: 0, col: 0)
        #expect(end == 5)
        // Cut short, the text ends in the ellipsis (no silent cut), never half a wide character.
        #expect(buffer.line(0) == "ab日…")
        #expect(buffer[0, 3].isContinuation)
        #expect(buffer[0, 4].text == "…")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(rows: 1, cols: 6)
        buffer.put("日本語", row: 0, col: 0)
        buffer.put("x", row: 0, col: 1)
        #expect(buffer.line(0) == " x本語")
        #expect(buffer.lines().allSatisfy { TextWidth.of($0) <= 6 })
    }

    @Test func emojiAndCJKRowsAlignInTables() {
        var buffer = ScreenBuffer(rows: 2, cols: 20)
        buffer.putFitted("日本語のユーザー名です", row: 0, col: 0, width: 10)
        buffer.put("|", row: 0, col: 10)
        buffer.putFitted("😀😀😀😀😀😀", row: 1, col: 0, width: 10)
        buffer.put("|", row: 1, col: 10)
        #expect(buffer.lines() == ["日本語の… |", "😀😀😀😀… |"])
    }
}
