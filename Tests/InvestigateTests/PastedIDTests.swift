import Testing
@testable import Investigate

/// A value shown escaped can be pasted back: `TextEscaping.bytes(fromVisible:)` inverts
/// `visible`, and `CaseData.accountIndex(given:)` finds an account by either form.
@Suite struct PastedIDTests {
    static let hostile: [[UInt8]] = [
        Array("acct\u{200D}x".utf8), Array("a\\b\\\\c".utf8), [0x61, 0xFF, 0x1B, 0x5B, 0x32, 0x4A], Array("\u{202E}evil\n\t\r".utf8),
        Array("plain_id-42".utf8), [], Array("\\x41 is not A".utf8), Array("emoji 🙂 and \u{FEFF}".utf8),
    ]

    @Test func theDisplayedFormReadsBackToTheSameBytes() {
        for bytes in Self.hostile {
            #expect(TextEscaping.bytes(fromVisible: TextEscaping.visible(bytes)) == bytes)
        }
    }

    @Test func textThatIsNotADisplayedFormIsRefused() {
        for text in ["a\\", "a\\q", "\\x4", "\\xzz", "\\u{}", "\\u{110000}", "\\u{41", "\\u41", "\\u{D800}"] {
            #expect(TextEscaping.bytes(fromVisible: text) == nil)
        }
        #expect(TextEscaping.bytes(fromVisible: "\\u{1F642}") == Array("🙂".utf8))
    }

    @Test func anAccountIsFoundByItsExactOrItsDisplayedID() throws {
        var s = SignalTestSource()
        s.account(.init(id: "acct\u{200D}x"))
        s.account(.init(id: "acct\\u{200D}x"))
        s.account(.init(id: "plain"))
        s.account(.init(id: "b\u{202E}y"))
        for id in ["acct\u{200D}x", "acct\\u{200D}x", "plain", "b\u{202E}y"] { s.query(id, at: 1_767_225_600_000, prompt: "hello") }
        let data = try s.investigate().data
        let joiner = try #require(data.accountIndex(exact: ExactText("acct\u{200D}x")))
        let literal = try #require(data.accountIndex(exact: ExactText("acct\\u{200D}x")))
        // The literal backslash id is found by its own bytes, and by its displayed form
        // (backslash doubled). The joiner's displayed form is the literal's exact id, and the
        // exact bytes win; the joiner is found by its own bytes.
        #expect(data.accountIndex(given: ExactText("acct\\u{200D}x")) == literal)
        #expect(data.accountIndex(given: ExactText(TextEscaping.visible("acct\\u{200D}x"))) == literal)
        #expect(data.accountIndex(given: ExactText(TextEscaping.visible("acct\u{200D}x"))) == literal)
        #expect(data.accountIndex(given: ExactText("acct\u{200D}x")) == joiner)
        // Where no account has the displayed text as its id, the displayed form finds the account.
        let override = try #require(data.accountIndex(exact: ExactText("b\u{202E}y")))
        #expect(TextEscaping.visible("b\u{202E}y") == "b\\u{202E}y")
        #expect(data.accountIndex(given: ExactText(TextEscaping.visible("b\u{202E}y"))) == override)
        #expect(data.accountIndex(given: ExactText("plain")) != nil)
        #expect(data.accountIndex(given: ExactText("nobody\\x41")) == nil)
    }
}
