/// Reduces a prompt to what detection needs: a near-duplicate sketch and a few flags.
///
/// Normalisation lowercases ASCII, turns every run of digits into `0`, replaces quoted spans
/// with one placeholder and splits on whitespace and punctuation. The sketch is a MinHash over
/// word bigrams folded into two 32-bit bands: prompts from one template share at least one band.
///
/// A digester keeps buffers between prompts: use one per thread.
public final class PromptDigest {
    /// Bits of `QueryTable.promptFlags`.
    public enum Flags {
        /// The row carried a prompt text.
        public static let hasPrompt: UInt8 = 1
        /// The prompt asks for step-by-step reasoning, a chain of thought, rationales or grading.
        public static let reasoning: UInt8 = 2
        /// Only a `prompt_fingerprint` was given; the sketch is its hash.
        public static let fingerprintOnly: UInt8 = 4
    }

    private let lexicon: ReasoningLexicon
    /// Splits prompts into word hashes, sixteen bytes at a time.
    private let words = PromptWords()
    /// Multipliers and offsets of the four MinHash functions `h * a + b` over a mixed shingle hash.
    private static let multipliers: (UInt64, UInt64, UInt64, UInt64) =
        (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7345, 0xA409_3822_299F_31D1, 0x082E_FA98_EC4E_6C89)
    private static let offsets: (UInt64, UInt64, UInt64, UInt64) =
        (0x4528_21E6_38D0_1377, 0xBE54_66CF_34E9_0C6C, 0xC0AC_29B7_C97C_50DD, 0x3F84_D5B5_B547_0917)

    /// Creates a digester using a reasoning lexicon.
    public init(lexicon: ReasoningLexicon = .standard) { self.lexicon = lexicon }

    /// The sketch and flags of a prompt.
    public func digest(_ prompt: Span<UInt8>) -> (sketch: UInt64, flags: UInt8) {
        guard !prompt.isEmpty else { return (0, Flags.hasPrompt) }
        let (count, highBytes) = words.split(prompt)
        return words.withHashes { hashes in finish(hashes, count: count, highBytes: highBytes, prompt: prompt) }
    }

    /// The sketch and flags from a prompt's word hashes.
    @inline(__always)
    private func finish(_ hashes: Span<UInt64>, count: Int, highBytes: Bool, prompt: Span<UInt8>) -> (sketch: UInt64, flags: UInt8) {
        var minima: (UInt64, UInt64, UInt64, UInt64) = (.max, .max, .max, .max)
        var previousWord: UInt64 = 0
        var beforePrevious: UInt64 = 0
        var reasoning = false
        for index in 0..<count {
            let value = hashes[index]
            let pair = index == 0 ? 0 : ReasoningLexicon.combine(previousWord, value)
            let shingle = ByteHash.mix(index == 0 ? value : pair)
            minima.0 = min(minima.0, shingle &* Self.multipliers.0 &+ Self.offsets.0)
            minima.1 = min(minima.1, shingle &* Self.multipliers.1 &+ Self.offsets.1)
            minima.2 = min(minima.2, shingle &* Self.multipliers.2 &+ Self.offsets.2)
            minima.3 = min(minima.3, shingle &* Self.multipliers.3 &+ Self.offsets.3)
            if !reasoning {
                reasoning = lexicon.matches(
                    word: value, pair: pair, previous: index > 0 ? previousWord : 0,
                    beforePrevious: index > 1 ? beforePrevious : 0)
            }
            beforePrevious = previousWord
            previousWord = value
        }
        if !reasoning && highBytes { reasoning = lexicon.matchesUnsegmented(prompt) }
        guard count > 0 else { return (0, Flags.hasPrompt) }
        let bandA = ByteHash.mix(minima.0 ^ minima.1 &* 3) & 0xFFFF_FFFF
        let bandB = ByteHash.mix(minima.2 ^ minima.3 &* 3) & 0xFFFF_FFFF
        var flags = Flags.hasPrompt
        if reasoning { flags |= Flags.reasoning }
        return (bandA << 32 | bandB | 1, flags)
    }

    /// The sketch of a prompt given only as a fingerprint.
    public func digest(fingerprint: Span<UInt8>) -> (sketch: UInt64, flags: UInt8) {
        (ByteHash.hash(fingerprint) | 1, Flags.fingerprintOnly)
    }

    /// Convenience for tests and tools.
    public func digest(_ prompt: String) -> (sketch: UInt64, flags: UInt8) {
        var copy = prompt
        return copy.withUTF8 { digest($0.span) }
    }

    /// Hashes one normalised word as `digest` does (for lexicon building).
    static func wordHash(_ word: Substring) -> UInt64 { PromptWords.wordHash(Array(word.utf8)) }
}

