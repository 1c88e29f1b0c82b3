#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reduces a prompt to what detection needs: a near-duplicate sketch and a few flags.
///
/// Normalisation lowercases ASCII, turns every run of digits into `0`, replaces quoted spans
/// with one placeholder and splits on whitespace and punctuation. The sketch is a MinHash over
/// word bigrams folded into two 32-bit bands: prompts from one template share at least one band.
public struct PromptDigest: Sendable {
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
    /// Multipliers and offsets of the four MinHash functions `h * a + b` over a mixed shingle hash.
    private static let multipliers: (UInt64, UInt64, UInt64, UInt64) =
        (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7345, 0xA409_3822_299F_31D1, 0x082E_FA98_EC4E_6C89)
    private static let offsets: (UInt64, UInt64, UInt64, UInt64) =
        (0x4528_21E6_38D0_1377, 0xBE54_66CF_34E9_0C6C, 0xC0AC_29B7_C97C_50DD, 0x3F84_D5B5_B547_0917)

    /// Creates a digester using a reasoning lexicon.
    public init(lexicon: ReasoningLexicon = .standard) { self.lexicon = lexicon }

    /// The sketch and flags of a prompt.
    public func digest(_ prompt: UnsafeRawBufferPointer) -> (sketch: UInt64, flags: UInt8) {
        var minima: (UInt64, UInt64, UInt64, UInt64) = (.max, .max, .max, .max)
        var previousWord: UInt64 = 0
        var beforePrevious: UInt64 = 0
        var words = 0
        var reasoning = false
        var nonASCII = false
        var word: UInt64 = 0xCBF2_9CE4_8422_2325
        var inWord = false
        var inQuote: UInt8 = 0

        func finishWord(_ value: UInt64) {
            let shingle = ByteHash.mix(words == 0 ? value : ReasoningLexicon.combine(previousWord, value))
            minima.0 = min(minima.0, shingle &* Self.multipliers.0 &+ Self.offsets.0)
            minima.1 = min(minima.1, shingle &* Self.multipliers.1 &+ Self.offsets.1)
            minima.2 = min(minima.2, shingle &* Self.multipliers.2 &+ Self.offsets.2)
            minima.3 = min(minima.3, shingle &* Self.multipliers.3 &+ Self.offsets.3)
            if !reasoning {
                reasoning = lexicon.matches(
                    word: value, previous: words > 0 ? previousWord : 0,
                    beforePrevious: words > 1 ? beforePrevious : 0)
            }
            beforePrevious = previousWord
            previousWord = value
            words += 1
        }

        var i = 0
        let n = prompt.count
        guard let bytes = prompt.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return (0, Flags.hasPrompt) }
        while i < n {
            var byte = bytes[i]
            i += 1
            if inQuote != 0 {
                if byte == inQuote { inQuote = 0 }
                continue
            }
            if byte == 0x22 || byte == 0x60 {  // " or `
                if inWord { finishWord(word); inWord = false }
                // A quoted span becomes one placeholder word when it closes within 400 bytes.
                let limit = min(n, i + 400)
                var j = i
                while j < limit && bytes[j] != byte { j += 1 }
                if j < limit {
                    inQuote = byte
                    finishWord(0x5155_4F54)
                    continue
                }
                continue
            }
            if byte >= 0x30 && byte <= 0x39 {
                while i < n && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
                byte = 0x30
            }
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            let isWordByte = byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) || byte == 0x30 || byte == 0x27
            if byte >= 0x80 { nonASCII = true }
            if isWordByte {
                if !inWord { word = 0xCBF2_9CE4_8422_2325; inWord = true }
                word = (word ^ UInt64(byte)) &* 0x100_0000_01B3
            } else if inWord {
                finishWord(word)
                inWord = false
            }
        }
        if inWord { finishWord(word) }
        if !reasoning && nonASCII { reasoning = lexicon.matchesUnsegmented(prompt) }
        guard words > 0 else { return (0, Flags.hasPrompt) }
        let bandA = ByteHash.mix(minima.0 ^ minima.1 &* 3) & 0xFFFF_FFFF
        let bandB = ByteHash.mix(minima.2 ^ minima.3 &* 3) & 0xFFFF_FFFF
        var flags = Flags.hasPrompt
        if reasoning { flags |= Flags.reasoning }
        return (bandA << 32 | bandB | 1, flags)
    }

    /// The sketch of a prompt given only as a fingerprint.
    public func digest(fingerprint: UnsafeRawBufferPointer) -> (sketch: UInt64, flags: UInt8) {
        (ByteHash.hash(fingerprint) | 1, Flags.fingerprintOnly)
    }

    /// Convenience for tests and tools.
    public func digest(_ prompt: String) -> (sketch: UInt64, flags: UInt8) {
        var copy = prompt
        return copy.withUTF8 { digest(UnsafeRawBufferPointer($0)) }
    }

    /// Hashes one normalised word as `digest` does (for lexicon building).
    static func wordHash(_ word: Substring) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }
}
