import Testing
@testable import Investigate

/// A shared question's prompts, found again from their text (`QuestionPrompts`, read by
/// `queries --question`): the ring's bank questions in its wrapper belong to the questions the
/// index found; the same words not asking for reasoning, or another question, do not.
@Suite struct QuestionPromptsTests {
    @Test func namesAreQAndEightHexDigits() {
        #expect(QuestionPrompts.band(ofName: Array("q-be3f96b2".utf8)) == 0xBE3F_96B2)
        #expect(QuestionPrompts.band(ofName: Array("q-065fd84f".utf8)) == 0x065F_D84F)
        for bad in ["q-65fd84f", "q-BE3F96B2", "q-be3f96b2 ", "x-be3f96b2", "q-be3f96bz", "", "q-"] {
            #expect(QuestionPrompts.band(ofName: Array(bad.utf8)) == nil, "\(bad)")
        }
    }

    @Test func theBanksPromptsAreFoundAgainFromTheirText() throws {
        let inv = try SharedQuestionTests.ringOnABank(background: 200).investigate()
        var rng = SeededRandom(seed: 77)
        let bank = (0..<40).map { _ in SharedQuestionTests.question(&rng) }
        let count = inv.index.valueCount(.question)
        #expect(count > 0)
        var held = 0
        for value in 0..<count {
            let name = inv.index.valueExact(.question, Int32(value))
            let found = try #require(QuestionPrompts(named: name, index: inv.index))
            #expect(found.senders == inv.index.accounts(sharing: .question, value: Int32(value)).map { Int($0) })
            #expect(found.senders.allSatisfy { inv.data.accountID($0).hasPrefix("q") })
            let holding = bank.filter { found.holds(prompt: Array(SharedQuestionTests.wrapped($0).utf8)) }
            // A question is one bank entry (rarely two whose word pairs meet in one band).
            #expect((1...2).contains(holding.count), "\(name.display)")
            held += holding.count
            // The same words not asking for reasoning are not a question's prompt.
            for question in holding { #expect(!found.holds(prompt: Array(question.utf8))) }
        }
        #expect(held >= count)
        // A well-formed name that no question has, and a misshapen one, find nothing.
        #expect(inv.index.valueIDs(.question, exact: ExactText("q-00000000")).isEmpty)
        #expect(QuestionPrompts(named: ExactText("q-00000000"), index: inv.index) == nil)
        #expect(QuestionPrompts(named: ExactText("nope"), index: inv.index) == nil)
    }
}
