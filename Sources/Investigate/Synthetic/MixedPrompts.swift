/// Prompts of the `mixed` scenario, with a vocabulary and scaffolds of their own (none taken
/// from `PromptMaker` or `ScenarioPrompts`), so template detection meets wording it never saw.
enum MixedPrompts {
    static let vocabulary: [String] = """
        invoice quarterly kubernetes terraform ansible regex pandas numpy tensor gradient jacobian eigenvalue matrix
        sonnet haiku limerick ballad screenplay dialogue monologue pitch headline tagline slogan newsletter podcast
        landlord deposit warranty refund complaint appeal visa passport customs itinerary layover hostel ferry
        sourdough ferment brine marinade risotto dumpling curry tortilla glaze frosting espresso matcha kombucha
        marathon interval deadlift stretching posture insomnia migraine allergy vaccine dosage pediatric dental
        mortgage annuity dividend ledger payroll audit compliance gdpr contract clause indemnity arbitration patent
        telescope nebula quasar photosynthesis enzyme protein genome isotope catalyst polymer alloy turbine circuit
        volcano glacier monsoon tundra savanna reef estuary aquifer erosion sediment tectonic fossil mammoth
        renaissance baroque dynasty empire treaty revolution parliament senate referendum census ballot tariff
        chess sudoku crossword origami pottery knitting embroidery woodwork soldering drone rocketry aquarium bonsai
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    static let chatOpeners = [
        "hey, quick question about", "I'm stuck on", "what's a good way to handle", "help me rewrite this bit on",
        "can u check my", "ELI5:", "pros and cons of", "my boss wants a summary of", "is it normal that my",
        "give me a checklist for", "how long does it take to learn", "rank these for me:",
    ]

    /// A human prompt: an opener, 3-12 words, sometimes a number or a typo-ish tail.
    static func chat(_ rng: inout SeededRandom) -> String {
        var text = rng.pick(chatOpeners)
        for _ in 0..<rng.int(3...12) { text += " " + rng.pick(vocabulary) }
        if rng.chance(0.2) { text += " (\(rng.int(2...2040)))" }
        if rng.chance(0.1) { text += " thx" }
        if rng.chance(0.005) { text += " " + rng.pick(PromptMaker.hostile) }
        return text + rng.pick(["?", "", ".", "??"])
    }

    /// The client-rotation ring's scaffold: each part has phrasings; an account keeps one per
    /// part (its variant), so members' prompts are near-duplicates, rarely identical.
    static let scaffoldParts: [[String]] = [
        ["You are a meticulous senior specialist.", "Act as a meticulous senior expert.", "You are a careful domain expert."],
        ["Answer the request below in full depth,", "Respond to the following request in complete depth,"],
        ["laying out each intermediate inference", "spelling out every intermediate step of your thought process",
         "working step by step through each inference"],
        ["before a concise final verdict.", "and end with a short final verdict."],
        ["Format: numbered reasoning, then VERDICT.", "Output format: numbered reasoning followed by VERDICT."],
    ]

    /// A scaffold prompt in `variant`'s wording with a varying request.
    static func scaffold(_ variant: [Int], _ rng: inout SeededRandom) -> String {
        var text = zip(scaffoldParts, variant).map { $0[$1 % $0.count] }.joined(separator: " ")
        text += " Request \(rng.int(1...999_999)): \(rng.pick(vocabulary)) \(rng.pick(vocabulary)) \(rng.pick(vocabulary))"
        return text
    }

    /// A random variant for `scaffold`.
    static func scaffoldVariant(_ rng: inout SeededRandom) -> [Int] { scaffoldParts.map { rng.int(0...$0.count - 1) } }

    static let datasetTemplates = [
        "### Row {n}\nInstruction: write an exhaustive answer about {w} for a {w} audience.\nRequirements: include the full reasoning trace, then the answer.",
        "### Row {n}\nInstruction: solve and explain the {w} puzzle involving {w}.\nRequirements: show your work in detail, then the answer.",
        "### Row {n}\nInstruction: compare {w} and {w} critically.\nRequirements: give a rationale for every claim, then a summary.",
    ]

    /// A dataset-generation request (the burst ring's), one of three rotated templates.
    static func datasetRow(_ rng: inout SeededRandom) -> String { fill(rng.pick(datasetTemplates), &rng) }

    /// A business memo request asking for numbered reasoning (the office-hours ring's).
    static func memo(_ rng: inout SeededRandom) -> String {
        fill(
            "Draft a thorough internal memo analysing {w} for the {w} team. Walk me through your analysis in numbered steps, "
                + "state every assumption, and close with three recommendations. Reference code {n}.", &rng)
    }

    /// A CI smoke test: an instruction expecting a tiny JSON reply.
    static func ciCheck(_ rng: inout SeededRandom) -> String {
        fill("Return exactly the JSON {\"ok\": true, \"check\": \"{w}-{n}\"} and nothing else.", &rng)
    }

    /// A translation job: fixed instructions and a long product text.
    static func translation(_ language: String, _ rng: inout SeededRandom) -> String {
        var text = "Translate the following product description from English into \(language). Keep the formatting, brand names "
            + "and tone. Do not add anything. Text:"
        for _ in 0..<rng.int(150...400) { text += " " + rng.pick(vocabulary) }
        return text
    }

    static let names = ["Ayesha", "Bruno", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Jules", "Kiri", "Lena"]

    /// A grade-school maths benchmark item with a chain-of-thought cue.
    static func benchmark(_ rng: inout SeededRandom) -> String {
        let name = rng.pick(names), thing = rng.pick(vocabulary)
        return "Q: \(name) has \(rng.int(2...90)) \(thing) kits and buys \(rng.int(2...40)) more each week for \(rng.int(2...9)) weeks, "
            + "then gives away \(rng.int(1...30)). How many \(thing) kits does \(name) have? A: Let's think step by step."
    }

    /// Fills `{w}` with words and `{n}` with numbers.
    private static func fill(_ pattern: String, _ rng: inout SeededRandom) -> String {
        var text = pattern
        while let range = text.range(of: "{w}") { text.replaceSubrange(range, with: rng.pick(vocabulary)) }
        while let range = text.range(of: "{n}") { text.replaceSubrange(range, with: String(rng.int(1...99_999))) }
        return text
    }
}
