import Testing
@testable import Investigate

/// The lexicon reads a request for reasoning however it is worded: the noun on its own, a step
/// asked to be justified, and the idioms such requests are made of (each step, one's working or
/// thinking shown, reasoning it out); ordinary prompts that only mention a reason, a step or
/// working hours stay unflagged.
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

    @Test func theIdiomsOfARequestAsk() {
        #expect(asksForReasoning("Work through the problem one step at a time. Number every step."))
        #expect(asksForReasoning("Please show all of your working and explain why each step follows."))
        #expect(asksForReasoning("Think out loud inside <scratchpad> tags, then give the answer."))
        #expect(asksForReasoning("Explain your thinking before you answer."))
        #expect(asksForReasoning("Break it into small steps and explain each."))
        #expect(asksForReasoning("Reason it out in detail first."))
        #expect(asksForReasoning("A worked solution with the full derivation, please."))
        #expect(asksForReasoning("Resuelve el problema y explica cada paso."))
    }

    @Test func theIdiomsWordsAloneDoNotAsk() {
        #expect(!asksForReasoning("What are your working hours on Saturday?"))
        #expect(!asksForReasoning("What is the reason it broke after the update?"))
        #expect(!asksForReasoning("Is a home office a tax deduction in Germany?"))
        #expect(!asksForReasoning("Write a haiku about the first step on the moon."))
    }

    @Test func aReasonIsNotReasoning() {
        #expect(!asksForReasoning("What is the reason my sourdough collapsed?"))
        #expect(!asksForReasoning("Give me three reasons to visit Lisbon"))
        #expect(!asksForReasoning("Translate: the delivery was late and the product was damaged."))
    }
}
