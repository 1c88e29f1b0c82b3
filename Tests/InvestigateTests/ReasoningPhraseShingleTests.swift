import Testing
@testable import Investigate

/// The bigrams inside a reasoning phrase ("step by", "by step", "think step") are left out of a
/// prompt's MinHash: every reasoning prompt has them, and two templates whose minima both fell on
/// them were one family. A trial's class homework and an evaluation lab's prompts, which share
/// only "step by step", made one family, and an operation tied the class to the lab at 0.74.
@Suite struct ReasoningPhraseShingleTests {
    static let lab = "Q: 28 apples and 57 oranges; how many fruits? Let's think step by step."
    static let topics = ["poem", "garden", "tensor", "policy", "galaxy", "system", "river", "matrix", "ledger", "orchard",
                         "violin", "harbor", "lantern", "canyon", "meadow", "quartz"]

    static func homework(_ topic: String, _ n: Int) -> String {
        "Homework 3 question \(n): explain step by step how Dijkstra's algorithm handles \(topic)"
    }

    @Test func templatesSharingOnlyTheRequestShareNoMinHashBand() {
        let digest = PromptDigest()
        let lab = digest.digest(Self.lab).sketch
        for (n, topic) in Self.topics.enumerated() {
            let student = digest.digest(Self.homework(topic, n % 9)).sketch
            #expect(TemplateFamilies.bandKeys(student).0 != TemplateFamilies.bandKeys(lab).0, "\(topic)")
        }
    }

    /// What the phrase leaves alone: a prompt asking for nothing keeps its sketch whole, the
    /// prompt is still flagged as asking for reasoning, and one template's prompts still share
    /// their first band when they differ in numbers only.
    @Test func theRestOfTheSketchIsAsBefore() {
        let digest = PromptDigest()
        let one = digest.digest("Q: 28 apples and 57 oranges; how many fruits? Let's think step by step.")
        let two = digest.digest("Q: 3 apples and 9 oranges; how many fruits? Let's think step by step.")
        #expect(one.flags & PromptDigest.Flags.reasoning != 0)
        #expect(one.sketch == two.sketch)
        let plain = digest.digest("Write a short poem about a river at dawn")
        #expect(plain.flags & PromptDigest.Flags.reasoning == 0)
        #expect(plain.sketch & PromptDigest.frameBit == 0)
        // A prompt that is only the request still has a sketch (its first word's shingle).
        #expect(digest.digest("step by step").sketch != 0)
    }

    /// A phrase split across the digester's blocks is found and left out the same way.
    @Test func aPhraseAcrossBlocksIsLeftOutAlike() {
        let whole = PromptDigest().digest(Self.homework("poem", 4)).sketch
        let blocked = PromptDigest(blockBytes: 16).digest(Self.homework("poem", 4)).sketch
        #expect(whole == blocked)
    }
}
