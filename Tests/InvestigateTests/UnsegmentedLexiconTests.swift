import Testing
@testable import Investigate

/// Phrases of scripts written without spaces are found as substrings, in one pass over a prompt,
/// wherever they sit (and a phrase cut short by the end of the text is not a match).
@Suite struct UnsegmentedLexiconTests {
    static func matches(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return ReasoningLexicon.standard.matchesUnsegmented(bytes.span)
    }

    @Test func phrasesAreFoundAnywhereAndOnlyWhole() {
        #expect(Self.matches("逐步"))
        #expect(Self.matches("请逐步"))
        #expect(Self.matches("Hello 👋 こんにちは、ステップバイステップで説明して"))
        #expect(Self.matches("단계별로 설명해 주세요"))
        #expect(Self.matches("ascii then 推理过程"))
        #expect(!Self.matches("推理过"))
        #expect(!Self.matches("逐"))
        #expect(!Self.matches("こんにちは、お願いします： Provide the answer."))
        #expect(!Self.matches(""))
        #expect(!Self.matches("plain ascii text, step by step"))
    }
}
