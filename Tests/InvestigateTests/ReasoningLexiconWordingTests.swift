import Testing
@testable import Investigate

/// The lexicon reads a request for reasoning however it is worded: the noun on its own, and
/// every form of a verb it holds; ordinary prompts that only mention a reason stay unflagged.
@Suite struct ReasoningLexiconWordingTests {
    private func asksForReasoning(_ prompt: String) -> Bool {
        PromptDigest().digest(prompt).flags & PromptDigest.Flags.reasoning != 0
    }

    @Test func theNounOnItsOwnAsks() {
        #expect(asksForReasoning("Provide a detailed chain of reasoning for the following, then the answer."))
        #expect(asksForReasoning("Q: How many play neither? A (with complete reasoning):"))
        #expect(asksForReasoning("Explain your reasoning."))
        #expect(asksForReasoning("Show your reasoning before the answer"))
    }

    @Test func everyFormOfJustifyAsks() {
        #expect(asksForReasoning("Give (1) the answer, each step justified; (2) the answer."))
        #expect(asksForReasoning("State a claim and the rule that justifies it."))
        #expect(asksForReasoning("Justify your answer."))
    }

    @Test func aReasonIsNotReasoning() {
        #expect(!asksForReasoning("What is the reason my sourdough collapsed?"))
        #expect(!asksForReasoning("Give me three reasons to visit Lisbon"))
        #expect(!asksForReasoning("Translate: the delivery was late and the product was damaged."))
    }
}
