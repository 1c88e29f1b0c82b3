import Testing
@testable import Investigate

/// A trial (session 36) found scalars the escaper let through that a terminal draws as nothing
/// or as a blank, so two different ids looked the same: noncharacters (U+FFFE, U+10FFFF, which
/// tmux draws as a blank), private-use characters, and marks on ASCII letters that fonts draw as
/// nothing (U+16FE4, U+1DA9B, U+1E94B) or as part of the letter (U+0332, U+0338). Tag labels
/// holding them were accepted and shown as the built-ins they are not.
@Suite struct InvisibleScalarEscapingTests {
    @Test(arguments: [0xFFFE, 0xFFFF, 0x10FFFF, 0x1FFFE, 0xFDD0, 0xE000, 0xF8FF, 0xF0000, 0x100000])
    func noncharactersAndPrivateUseAreEscaped(value: UInt32) {
        let scalar = Unicode.Scalar(value)!
        let shown = TextEscaping.visible("acct_X" + String(scalar) + "Y")
        #expect(shown == "acct_X\\u{\(String(value, radix: 16, uppercase: true))}Y")
        #expect(TextEscaping.isUnsafe(scalar))
    }

    @Test(arguments: [0x16FE4, 0x1DA9B, 0x1E94B, 0x0332, 0x0338, 0x20E3])
    func aMarkOnAnASCIILetterIsEscaped(value: UInt32) {
        let mark = String(Unicode.Scalar(value)!)
        let hex = String(value, radix: 16, uppercase: true)
        #expect(TextEscaping.visible("acct_X" + mark) == "acct_X\\u{\(hex)}")
        #expect(TextEscaping.visible(mark + "acct") == "\\u{\(hex)}acct", "at the start")
        #expect(TextEscaping.visible("a" + mark + mark) == "a\\u{\(hex)}\\u{\(hex)}", "a second mark on the same base")
    }

    @Test func marksOnOtherLettersAndOrdinaryTextAreShownAsTheyAre() {
        for text in ["Hawaiʻi", "東京 ー 大阪", "Xー", "/ˈhɛləʊ/", "a \u{301}", "café", "josé_99", "हिन्दी", "ภาษาไทย", "日本語のプロンプト", "naïve résumé", "emoji 😀 ok", "Ελληνικά", "עִבְרִית"] {
            #expect(TextEscaping.visible(text) == text, "\(text)")
            #expect(TextEscaping.showsAsWritten(text), "\(text)")
        }
        #expect(TextEscaping.showsAsWritten("corp\\alice"))
        #expect(!TextEscaping.showsAsWritten("acct_X\u{332}"))
        #expect(!TextEscaping.showsAsWritten("x\u{10FFFF}"))
    }

    @Test func labelsThatWouldShowEscapedAreRefused() throws {
        for label in ["ring-member\u{16FE4}", "benign\u{10FFFF}", "decoy\u{E000}", "needs-review\u{332}"] {
            #expect(throws: CaseStoreError.self, "\(TextEscaping.visible(label))") { try TagLabel.validate(label) }
        }
        #expect(try TagLabel.validate("ring-member") == "ring-member")
        #expect(try TagLabel.validate("wave-3 (café)") == "wave-3 (café)")
        #expect(try TagLabel.validate("調査中") == "調査中")
    }
}

/// The review of session 36: a tag stored under the earlier, looser label rules (the trial's
/// `ring-member` + U+16FE4) could no longer be retracted, since `untag` validated its label as a
/// new tag's. A retraction names the label as stored.
@Suite struct RetractOldLabelTests {
    @Test func aLabelTheNewRulesRefuseCanStillBeNamedForARetraction() throws {
        let old = "ring-member\u{16FE4}"
        #expect(throws: CaseStoreError.self) { try TagLabel.validate(old) }
        #expect(try TagLabel.forRetraction("  " + old + " ") == old)
        #expect(throws: CaseStoreError.self) { try TagLabel.forRetraction("   ") }
    }
}
