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

    /// Session 35's trial: four more ids read exactly as others in `clusters`, `why` and the
    /// cluster sheet: a blank Braille pattern after the id, a Roman numeral `ⅽ`, a mathematical
    /// digit `𝟶` and the IPA `ɑ`.
    @Test func compatibilityFormsIPALettersAndBlankPatternsAreEscaped() {
        #expect(TextEscaping.visible("acct_0001\u{2800}") == "acct_0001\\u{2800}")
        #expect(TextEscaping.visible("a\u{217D}\u{217D}t_0002") == "a\\u{217D}\\u{217D}t_0002")
        #expect(TextEscaping.visible("acct_\u{1D7F6}003") == "acct_\\u{1D7F6}003")
        #expect(TextEscaping.visible("\u{0251}cct_0004") == "\\u{251}cct_0004")
        #expect(TextEscaping.visible("acct_\u{FF41}") == "acct_\\u{FF41}", "fullwidth a")
        #expect(TextEscaping.visible("user_\u{24D0}") == "user_\\u{24D0}", "circled a")
        #expect(LatinLookAlikes.latin("\u{217D}") == "c")
        #expect(LatinLookAlikes.latin("\u{1D7F6}") == "0")
        #expect(LatinLookAlikes.latin("\u{2122}") == nil, "TM folds to two letters: no single look-alike")
        // The gate opens for each of those blocks, and not for curly quotes, dashes or emoji.
        for text in ["a\u{217D}", "\u{24D0}", "\u{FF41}", "\u{1D7F6}", "\u{1F130}", "\u{0251}", "\u{0430}"] {
            #expect(LatinLookAlikes.mayHoldLookAlike(Array(text.utf8)), "\(text)")
        }
        for text in ["\u{201C}quoted\u{201D} \u{2014} text", "ok \u{1F600}", "caf\u{E9}", "\u{2022} item"] {
            #expect(!LatinLookAlikes.mayHoldLookAlike(Array(text.utf8)), "\(text)")
        }
    }

    @Test func accentedLatinAndOtherSymbolsStayAsTheyAre() {
        for text in ["jos\u{E9}_99", "caf\u{E9} au lait", "Stra\u{DF}e 5", "\u{201C}quoted\u{201D} text", "\u{2192} next", "\u{2116} 5"] {
            #expect(TextEscaping.visible(text) == text, "\(text)")
        }
    }
}
