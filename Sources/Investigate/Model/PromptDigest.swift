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
    public func digest(_ prompt: UnsafeRawBufferPointer) -> (sketch: UInt64, flags: UInt8) {
        guard prompt.baseAddress != nil else { return (0, Flags.hasPrompt) }
        let (count, highBytes) = words.split(prompt)
        let hashes = words.hashes
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

    /// Splits a prompt into `hashes` a byte at a time, quoted spans included; returns how many
    /// words it has and whether it holds a non-ASCII byte. `hashes` has room for one word per
    /// byte (`a""` already makes two words of three bytes).
    static func wordsByteByByte(
        _ prompt: UnsafeRawBufferPointer, into hashes: UnsafeMutablePointer<UInt64>
    ) -> (count: Int, highBytes: Bool) {
        guard let bytes = prompt.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return (0, false) }
        var count = 0
        func body(_ value: UInt64) {
            hashes[count] = value
            count += 1
        }
        let classes = Self.byteClasses
        var highBits: UInt8 = 0
        var word = WordHasher()
        var i = 0
        let n = prompt.count
        while i < n {
            let raw = bytes[i]
            i += 1
            let mapped = classes[Int(raw)]
            if mapped >= Self.firstWordByte {
                highBits |= raw
                word.append(mapped)
                if mapped == 0x30 {
                    // A run of digits is one `0`.
                    while i < n && bytes[i] &- 0x30 < 10 { i += 1 }
                }
                continue
            }
            if !word.isEmpty { body(word.finish()) }
            if mapped == Self.quoteClass {
                // A quoted span becomes one placeholder word when it closes within 400 bytes.
                let limit = min(n, i + 400)
                var j = i
                while j < limit && bytes[j] != raw { j += 1 }
                if j < limit {
                    body(Self.quotePlaceholder)
                    i = j + 1
                }
            }
        }
        if !word.isEmpty { body(word.finish()) }
        return (count, highBits >= 0x80)
    }

    /// Byte classes of the normaliser: 0 separates words, `quoteClass` opens a quoted span, and
    /// anything from `firstWordByte` up is the byte's normalised form inside a word (ASCII
    /// lowercased, every digit `0`, apostrophes and non-ASCII bytes as they are).
    nonisolated(unsafe) private static let byteClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            var mapped: UInt8 = 0
            switch byte {
            case 0x22, 0x60: mapped = quoteClass
            case 0x30...0x39: mapped = 0x30
            case 0x41...0x5A: mapped = UInt8(byte | 0x20)
            case 0x61...0x7A, 0x27, 0x80...0xFF: mapped = UInt8(byte)
            default: mapped = 0
            }
            table[byte] = mapped
        }
        return UnsafePointer(table)
    }()
    private static let quoteClass: UInt8 = 1
    private static let firstWordByte: UInt8 = 0x27
    private static let quotePlaceholder: UInt64 = ByteHash.mix(0x5155_4F54)

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
        var hasher = WordHasher()
        for byte in word.utf8 { hasher.append(byte) }
        return hasher.finish()
    }
}

/// Hashes one word a byte at a time: bytes are packed eight to a register and each full
/// register is mixed in, so the per-byte work is a shift and an or.
struct WordHasher {
    private var state: UInt64 = 0
    private var packed: UInt64 = 0
    private var length: UInt64 = 0

    /// True before the first byte of a word.
    @inline(__always)
    var isEmpty: Bool { length == 0 }

    /// Adds a byte.
    @inline(__always)
    mutating func append(_ byte: UInt8) {
        packed = packed << 8 | UInt64(byte)
        length &+= 1
        if length & 7 == 0 {
            state = Self.mix(state, register: packed)
            packed = 0
        }
    }

    /// The word's hash; the hasher is empty again afterwards.
    @inline(__always)
    mutating func finish() -> UInt64 {
        let value = Self.finish(state: state, packed: packed, length: length)
        self = WordHasher()
        return value
    }

    /// Mixes one full register of eight bytes into the state.
    @inline(__always)
    static func mix(_ state: UInt64, register: UInt64) -> UInt64 {
        let mixed = (state ^ register) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ mixed >> 29
    }

    /// The hash of a word from its mixed full registers, its last partial register and its length.
    @inline(__always)
    static func finish(state: UInt64, packed: UInt64, length: UInt64) -> UInt64 {
        ByteHash.mix(state ^ packed ^ (length &* 0xFF51_AFD7_ED55_8CCD))
    }
}
