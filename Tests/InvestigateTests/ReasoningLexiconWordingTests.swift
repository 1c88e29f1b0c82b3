import Testing
@testable import Investigate

/// The lexicon reads a request for reasoning however it is worded: the noun on its own, and a
/// step asked to be justified; ordinary prompts that only mention a reason stay unflagged.
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

    @Test func aJustifiedStepAsks() {
        #expect(asksForReasoning("Give (1) the working, each step justified; (2) the answer."))
        #expect(asksForReasoning("Solve it with all steps justified."))
        #expect(asksForReasoning("Justify your answer."))
        #expect(!asksForReasoning("Make the text justified on both margins"))
    }

    @Test func aReasonIsNotReasoning() {
        #expect(!asksForReasoning("What is the reason my sourdough collapsed?"))
        #expect(!asksForReasoning("Give me three reasons to visit Lisbon"))
        #expect(!asksForReasoning("Translate: the delivery was late and the product was damaged."))
    }
}
