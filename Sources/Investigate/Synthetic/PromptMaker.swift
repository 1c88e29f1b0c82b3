/// Writes prompts: diverse human ones for benign users, and the templated, reasoning-hungry
/// ones rings send, in several languages, with a sprinkling of hostile bytes.
struct PromptMaker {
    static let words: [String] = {
        let base = """
            recipe garden invoice budget python rust swift kernel docker cluster poem story essay letter resume travel
            flight hotel museum history physics chemistry biology algebra geometry calculus statistics marketing sales
            customer email meeting agenda summary translate french spanish german japanese chinese korean contract lease
            tenant landlord mortgage interest loan salary tax refund deduction startup pitch investor board strategy plan
            product launch roadmap sprint backlog ticket bug crash memory leak thread lock database index query schema
            migration backup restore server network router firewall vpn proxy latency throughput cache cdn dns domain
            birthday wedding anniversary gift dinner party playlist movie novel chapter character plot villain hero
            dragon castle forest river mountain ocean island desert weather climate carbon energy solar wind battery car
            bike train bus commute office remote hybrid team manager hiring interview feedback review promotion career
            dog cat puppy kitten vet diet workout running yoga sleep stress anxiety focus habit journal diary morning
            evening weekend holiday vacation beach camping hiking fishing cooking baking bread pasta salad soup coffee
            tea wine beer cocktail cheese chocolate dessert breakfast lunch snack spreadsheet formula chart pivot macro
            slide deck speech toast joke riddle puzzle chess football basketball tennis golf guitar piano violin song
            lyrics melody painting sketch photo camera lens portrait landscape design logo brand website landing page
            """
        return base.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }()

    static let openers = [
        "Can you help me", "Please", "I need to", "How do I", "What is the best way to", "Could you",
        "Write", "Explain", "Give me ideas for", "Summarise", "Draft", "Fix", "Why does", "Compare",
    ]

    static let hostile = [
        "\u{1B}]0;owned\u{07}", "\u{1B}[2J\u{1B}[H", "\u{202E}gnp.exe", "=HYPERLINK(\"http://x\",\"y\")",
        "../../etc/passwd", "\u{1B}[31mred\u{1B}[0m", "\u{9B}6n", "\u{7}\u{7}",
    ]

    /// A human prompt: an opener and 4-14 random words (rarely, something hostile).
    static func human(_ rng: inout SeededRandom) -> String {
        var text = rng.pick(openers)
        for _ in 0..<rng.int(4...14) { text += " " + rng.pick(words) }
        if rng.chance(0.15) { text += " \(rng.int(1...999))" }
        if rng.chance(0.01) { text += " " + rng.pick(hostile) }
        return text + (rng.chance(0.5) ? "?" : ".")
    }

    /// Ring templates: fixed scaffolding, a slot or two of varying words and numbers.
    static let ringTemplates: [[String]] = [
        [
            "Solve the following problem step by step and show your reasoning before the final answer:",
            "Problem {n}: {w} {w} with {n} items.",
        ],
        ["You are an expert tutor. Think step-by-step. Explain your reasoning in detail for this {w} question:", "{w} {w} {n}?"],
        ["Provide a detailed chain of thought, then a rationale, then the answer. Task {n} about", "{w} and {w}."],
        ["Resuelve paso a paso y explica tu razonamiento completo:", "problema {n} sobre {w}."],
        ["Grade the response below against the rubric and justify your answer with intermediate steps.", "Response {n}: {w} {w}."],
        ["请一步一步地推理并给出详细的思维链，然后回答：", "题目{n} {w}"],
    ]

    /// A prompt from template `index`.
    static func ring(_ index: Int, _ rng: inout SeededRandom, hostileRate: Double = 0.005) -> String {
        let template = ringTemplates[index % ringTemplates.count]
        var text = template[0] + " "
        var slot = template[1]
        while let range = slot.range(of: "{w}") { slot.replaceSubrange(range, with: rng.pick(words)) }
        while let range = slot.range(of: "{n}") { slot.replaceSubrange(range, with: String(rng.int(1...99999))) }
        text += slot
        if rng.chance(hostileRate) { text += " " + rng.pick(hostile) }
        return text
    }

    /// An evaluation firm's benchmark item: templated, multiple choice, tiny answers wanted.
    static func benchmark(_ rng: inout SeededRandom) -> String {
        "Answer with a single letter (A, B, C or D) only. Question \(rng.int(1...20000)): which \(rng.pick(words)) "
            + "best matches \(rng.pick(words))? A) \(rng.pick(words)) B) \(rng.pick(words)) C) \(rng.pick(words)) D) \(rng.pick(words))"
    }
}
