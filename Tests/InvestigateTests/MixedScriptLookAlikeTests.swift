import Testing
@testable import Investigate

/// Session 32's trial: `acct_А` (a Cyrillic `А`) showed exactly as `acct_A` in the console and in
/// `account`'s list of accounts it fires with, so two accounts read as one.
@Suite struct MixedScriptLookAlikeTests {
    @Test func aLookAlikeAmongLatinLettersIsEscaped() {
        #expect(TextEscaping.visible("acct_\u{0410}") == "acct_\\u{410}")
        #expect(TextEscaping.visible("acct_\u{0410}") != TextEscaping.visible("acct_A"))
        #expect(TextEscaping.visible("p\u{0430}ypal-\u{03BF}ps") == "p\\u{430}ypal-\\u{3BF}ps")
        #expect(TextEscaping.visible("\u{0410}123") == "\\u{410}123", "beside A123")
        // The escaped form of a look-alike is not any other id's: a literal backslash is doubled.
        #expect(TextEscaping.visible("acct_\\u{410}") == "acct_\\\\u{410}")
    }

    @Test func cyrillicAndGreekTextOnItsOwnIsShownAsItIs() {
        for text in ["сервер", "Ελληνικά", "привет мир", "acct_ключ", "Как настроить API ключ?"] {
            #expect(TextEscaping.visible(text) == text, "\(text)")
        }
        // A word mixing both is escaped only where a letter passes for a Latin one.
        #expect(TextEscaping.visible("API-сервер ok") == "API-\\u{441}\\u{435}\\u{440}в\\u{435}\\u{440} ok")
    }

    @Test func theScreensSecondPassLeavesTextAsItIs() {
        #expect(TextEscaping.visible("acct_\u{0410}", doublingBackslashes: false) == "acct_\u{0410}")
    }
}
