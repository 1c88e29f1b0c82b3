#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Phrases that ask a model to show its reasoning, in several languages.
///
/// Space-separated phrases (up to three words) are matched on normalised words; phrases in
/// scripts written without spaces (Chinese, Japanese, Korean) are matched as substrings.
/// Extend it with `adding(_:)`.
public struct ReasoningLexicon: Sendable {
    private var unigrams: Set<UInt64> = []
    private var bigrams: Set<UInt64> = []
    private var trigrams: Set<UInt64> = []
    private var unsegmented: [[UInt8]] = []
    /// Whether some phrase of `unsegmented` starts with this byte: a text is scanned once for
    /// such bytes, not once per phrase.
    private var unsegmentedStarts = [Bool](repeating: false, count: 256)
    /// A 4096-bit filter over the last word of every two- and three-word phrase: a word that
    /// misses it ends no such phrase, so the pair and triple are not looked up.
    private var lastWords = [UInt64](repeating: 0, count: 64)
    /// A 4096-bit prefilter over every hash in the three sets: most words miss it cheaply.
    private var prefilter = [UInt64](repeating: 0, count: 64)
    /// A 4096-bit filter over every word that is a one-word phrase or ends a longer one: a word
    /// that misses it completes no phrase, and is dismissed with one read.
    private var endWords = [UInt64](repeating: 0, count: 64)
    /// The phrases the lexicon holds.
    public private(set) var phrases: [String] = []

    /// The built-in lexicon.
    ///
    /// Each language's noun for reasoning is a phrase of its own ("reasoning", "razonamiento",
    /// "raisonnement", "рассуждение", "추론"): a request for a "detailed chain of reasoning" or
    /// an answer "with complete reasoning" asks for the same thing as "show your reasoning".
    /// "Justified" alone is not one (a paragraph justified in CSS); a step justified is.
    ///
    /// A request for reasoning is worded in many ways besides the canonical "step by step", and
    /// whoever writes a harvesting template picks their own. So the lexicon also holds the idioms
    /// such requests are made of: every or each step taken in turn ("one step at a time", "number
    /// every step", "no skipped steps"), one's working or thinking shown ("show your working",
    /// "think out loud", "explain your thinking"), reasoning it out or through, a worked solution
    /// or derivation, a scratchpad. Words that also mean something else stay out unless paired
    /// ("deduction" alone is a tax deduction, "each deduction" is not; "your working hours" and
    /// "the reason it broke" are not requests, "show your working" and "reason it out" are).
    public static let standard = ReasoningLexicon(phrases: [
        "step by step", "step-by-step", "chain of thought", "chain-of-thought", "reasoning",
        "show your work", "think step", "let's think",
        "think through", "rationale", "rationales", "rubric", "grade this", "grade the", "score the response",
        "justify", "justifying", "step justified", "steps justified", "justification", "walk me through", "reason carefully", "intermediate steps", "thought process",
        "each step", "every step", "small steps", "skipped steps", "skip steps", "step at a",
        "show your working", "all your working", "of your working", "show working", "show all working", "your thinking", "think out", "thinking out", "think aloud", "thinking aloud",
        "think carefully", "think hard", "reason it out", "reason it through", "reason through", "reason out", "explain your", "explain each",
        "explain every", "explain the logic", "walk through", "break down", "break it down", "break it into",
        "worked solution", "worked example", "scratchpad", "derivation", "each deduction", "every deduction",
        "verify each",
        "cada paso", "chaque étape", "jeden schritt", "ogni passaggio", "каждый шаг",
        "paso a paso", "razonamiento", "schritt für schritt", "begründe", "étape par étape", "raisonnement",
        "pas à pas", "passo a passo", "ragionamento", "шаг за шагом", "пошагово", "рассуждение",
        "一步一步", "逐步", "思维链", "推理过程", "段階的", "ステップバイステップ", "思考過程", "단계별", "추론",
    ])

    /// Creates a lexicon from phrases.
    public init(phrases: [String]) {
        self = ReasoningLexicon()
        self = adding(phrases)
    }

    private init() {}

    /// A lexicon with more phrases.
    public func adding(_ more: [String]) -> ReasoningLexicon {
        var copy = self
        for phrase in more {
            copy.phrases.append(phrase)
            let lowered = phrase.lowercased()
            if lowered.unicodeScalars.contains(where: { $0.value >= 0x2E80 && $0.value < 0xD7B0 }) {
                copy.unsegmented.append(Array(lowered.utf8))
                copy.unsegmentedStarts[Int(lowered.utf8.first!)] = true
                continue
            }
            let words = lowered.split(whereSeparator: { c in
                !(c.isLetter || c.isNumber || c == "'")
            }).map { PromptDigest.wordHash($0) }
            let key: UInt64
            switch words.count {
            case 1: key = words[0]; copy.unigrams.insert(key)
            case 2: key = Self.combine(words[0], words[1]); copy.bigrams.insert(key)
            case 3: key = Self.combine(Self.combine(words[0], words[1]), words[2]); copy.trigrams.insert(key)
            default: continue
            }
            if let last = words.last, words.count > 1 { copy.lastWords[Int(last & 4095) >> 6] |= 1 << (last & 63) }
            if let last = words.last { copy.endWords[Int(last & 4095) >> 6] |= 1 << (last & 63) }
            copy.prefilter[Int(key & 4095) >> 6] |= 1 << (key & 63)
        }
        return copy
    }

    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let x = (a &* 0x9E37_79B9_7F4A_7C15) ^ b
        return (x ^ (x >> 31)) &* 0xBF58_476D_1CE4_E5B9
    }

    /// The number of words (1-3) of the longest phrase the word ending here completes, 0 when it
    /// completes none; `pair` is `combine(previous, word)` (the caller has it already), and
    /// `previous` / `beforePrevious` are 0 where there is no such word.
    @inline(__always)
    func phraseWords(endingAt word: UInt64, pair: UInt64, previous: UInt64, beforePrevious: UInt64) -> Int {
        if endWords[Int(word & 4095) >> 6] & (1 << (word & 63)) == 0 { return 0 }
        if previous != 0 && lastWords[Int(word & 4095) >> 6] & (1 << (word & 63)) != 0 {
            if beforePrevious != 0 {
                let triple = Self.combine(Self.combine(beforePrevious, previous), word)
                if mayContain(triple) && trigrams.contains(triple) { return 3 }
            }
            if mayContain(pair) && bigrams.contains(pair) { return 2 }
        }
        if mayContain(word) && unigrams.contains(word) { return 1 }
        return 0
    }

    @inline(__always)
    private func mayContain(_ key: UInt64) -> Bool {
        prefilter[Int(key & 4095) >> 6] & (1 << (key & 63)) != 0
    }

    /// Substring search for phrases of scripts written without spaces, in one pass over the
    /// text: only where a phrase's first byte occurs are the phrases compared.
    func matchesUnsegmented(_ text: Span<UInt8>) -> Bool {
        guard !unsegmented.isEmpty else { return false }
        for i in 0..<text.count where unsegmentedStarts[Int(text[i])] {
            for phrase in unsegmented where phrase[0] == text[i] && phrase.count <= text.count - i {
                var k = 1
                while k < phrase.count && text[i + k] == phrase[k] { k += 1 }
                if k == phrase.count { return true }
            }
        }
        return false
    }
}
