/// Prompt templates of the extra scenarios: written apart from `PromptMaker.ringTemplates` so
/// that detection tuned on one generator is measured on scaffolds it has never seen.
enum ScenarioPrompts {
    /// Fixed scaffolding and a slot of varying words (`{w}`) and numbers (`{n}`).
    static let templates: [(String, String)] = [
        // 0, 1: chain-of-thought families a tooling ring alternates.
        ("Work through this carefully. First list every assumption, then reason one step at a time, and only then state the result.",
         "Case {n}: {w} {w}."),
        ("Let us think about this in stages. Write out your full internal reasoning, numbered, before you answer.",
         "Item {n}: {w} versus {w}."),
        // 2, 3: distillation data requests (a reseller's).
        ("Generate a high-quality training example: an instruction, a detailed expert response and the reasoning trace behind it.",
         "Seed {n} on {w}."),
        ("Rewrite the answer below as a teacher would, with a complete explanation of every step, suitable for fine-tuning data.",
         "Source {n}: {w} {w} {w}."),
        // 4, 5: an annotation operation's pods.
        ("SYSTEM: respond as an expert annotator. Produce a rationale, then a label, then a confidence score for the input.",
         "INPUT#{n}: {w} {w}"),
        ("SYSTEM: respond as an expert annotator. Compare the two candidate answers and explain which is better and why.",
         "PAIR#{n}: {w} / {w}"),
        // 6, 7: a ring that shares nothing but templates and timing.
        ("Explain step by step how you would answer the question, justify each step, then give the final answer.",
         "Q{n}: {w} {w}?"),
        ("Give three different worked solutions to the exercise, each with its full derivation and a short rationale.",
         "Exercise {n} on {w}."),
        // 8: a course's weekly homework.
        ("Intro Statistics homework: a sample has the mean and size given. Compute the 95% confidence interval and show the steps.",
         "Problem {n}: n = {n}, {w}."),
    ]

    /// A prompt from template `index`.
    static func template(_ index: Int, _ rng: inout SeededRandom) -> String {
        let (scaffold, pattern) = templates[index % templates.count]
        var slot = pattern
        while let range = slot.range(of: "{w}") { slot.replaceSubrange(range, with: rng.pick(PromptMaker.words)) }
        while let range = slot.range(of: "{n}") { slot.replaceSubrange(range, with: String(rng.int(1...99999))) }
        return scaffold + " " + slot
    }
}
