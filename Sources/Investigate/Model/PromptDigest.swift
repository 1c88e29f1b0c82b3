/// Reduces a prompt to what detection needs: a near-duplicate sketch and a few flags.
///
/// Normalisation lowercases ASCII, turns every word holding a digit into `0` (a number, a
/// version, an id or a per-prompt nonce: a template that tags each prompt `[ref:75f67d]` keeps
/// its frame and its bigrams), replaces quoted spans with one placeholder and splits on
/// whitespace and punctuation. The sketch holds two 32-bit
/// bands. The first is a MinHash over word bigrams: prompts from one template share it. The
/// bigrams inside a reasoning phrase of the lexicon ("step by", "by step", "think step") are
/// left out of the MinHash: every prompt asking for reasoning has them, so two unrelated
/// templates whose minima both fell on them made one family (a trial's class homework, `explain
/// step by step how Dijkstra's algorithm handles X`, and a lab's `how many fruits? Let's think
/// step by step`, which share nothing else). The request is the frame's business (below). The
/// second is another MinHash band, except for a prompt that asks for reasoning, where it is the
/// prompt's *frame*: its five words at the end where the reasoning request is (the first five
/// when the request ends in the first half of the prompt, else the last five). A harvester's
/// wrapper (`Solve this and show your full reasoning step by step: {question}`, or a question
/// then `Explain each step in detail.`) keeps one frame whatever question it carries, where the
/// whole-prompt MinHash of a short fixed wrapper around a varied question seldom matches; a
/// public plugin's header or a chat opener that asks for nothing is left to the MinHash as
/// before. The frame band is marked by bit 1 of the second band (`isFrame` in `TemplateFamilies`).
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
        /// Three bits of a hash of the prompt's exact bytes (bits 3-5; 0 without a sketch or for a
        /// fingerprint, whose sketch is already exact): two prompts of one sketch that differ in
        /// their numbers or quoted spans, which the sketch folds, still differ here 7 times in 8
        /// (`PairedPrompts`). They ride in the flags' unused bits, so they cost no memory.
        public static let exactBits: UInt8 = 0x38
    }

    private let lexicon: ReasoningLexicon
    /// Splits prompts into word hashes, sixteen bytes at a time.
    private let words: PromptWords
    /// Multipliers and offsets of the four MinHash functions `h * a + b` over a mixed shingle hash.
    fileprivate static let multipliers: (UInt64, UInt64, UInt64, UInt64) =
        (0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7345, 0xA409_3822_299F_31D1, 0x082E_FA98_EC4E_6C89)
    fileprivate static let offsets: (UInt64, UInt64, UInt64, UInt64) =
        (0x4528_21E6_38D0_1377, 0xBE54_66CF_34E9_0C6C, 0xC0AC_29B7_C97C_50DD, 0x3F84_D5B5_B547_0917)

    /// Creates a digester using a reasoning lexicon; prompts longer than `blockBytes` are read a
    /// block at a time (the sketch does not depend on it: tests set it small).
    public init(lexicon: ReasoningLexicon = .standard, blockBytes: Int = 64 << 10) {
        self.lexicon = lexicon
        words = PromptWords(blockBytes: blockBytes)
    }

    /// The sketch and flags of a prompt. A long prompt is read a block of words at a time, so
    /// the digester's buffers stay at `PromptWords`' block size whatever the prompt's length.
    ///
    /// Default-ignorable scalars (zero-width spaces and joiners, the byte-order mark, soft
    /// hyphens, bidi controls, variation selectors: `DefaultIgnorables`) are read as absent: a
    /// ring sprinkling them into its prompts keeps its words, its frame and its exact bits. An
    /// ASCII prompt pays nothing for it; a prompt with other non-ASCII bytes pays one scan; one
    /// holding an ignorable is read again without them (the stored prompt keeps them).
    ///
    /// Letters drawn like ASCII ones mixed into Latin words (`pаy` with a Cyrillic `а`:
    /// `MixedScriptFolding`) are read as the ASCII letters: a ring writing half its letters so
    /// keeps its templates. Only a prompt with a byte that can start one pays a decode.
    public func digest(_ prompt: Span<UInt8>) -> (sketch: UInt64, flags: UInt8) {
        let (result, highBytes) = digestText(prompt)
        guard highBytes else { return result }
        let ignorables = DefaultIgnorables.contains(prompt)
        if ignorables { DefaultIgnorables.removing(from: prompt, into: &visible) }
        let shown = visible
        if let folded = ignorables ? MixedScriptFolding.folded(shown.span) : MixedScriptFolding.folded(prompt) {
            return digestText(folded.span).result
        }
        return ignorables ? digestText(shown.span).result : result
    }

    /// The prompt's bytes without their default-ignorable scalars (kept between prompts).
    private var visible: [UInt8] = []

    /// `digest` of the bytes as they are, and whether they hold a non-ASCII byte.
    private func digestText(_ prompt: Span<UInt8>) -> (result: (sketch: UInt64, flags: UInt8), highBytes: Bool) {
        guard !prompt.isEmpty else { return ((0, Flags.hasPrompt), false) }
        var sketch = SketchState()
        let lexicon = self.lexicon
        let (count, highBytes) = words.forEachBlock(prompt) { hashes in sketch.add(hashes, lexicon: lexicon) }
        sketch.commitPending()
        var reasoning = sketch.reasoning
        if !reasoning && highBytes { reasoning = lexicon.matchesUnsegmented(prompt) }
        guard count > 0 else { return ((0, Flags.hasPrompt), highBytes) }
        let bandA = ByteHash.mix(sketch.minima.0 ^ sketch.minima.1 &* 3) & 0xFFFF_FFFF
        let bandB = reasoning
            ? ByteHash.mix(sketch.frame) & 0xFFFF_FFFC | Self.frameBit
            : ByteHash.mix(sketch.minima.2 ^ sketch.minima.3 &* 3) & 0xFFFF_FFFC
        var flags = Flags.hasPrompt
        if reasoning { flags |= Flags.reasoning }
        flags |= UInt8(truncatingIfNeeded: ByteHash.hash(prompt) >> 61) << 3
        return ((bandA << 32 | bandB | 1, flags), highBytes)
    }

    /// The bit of a sketch that marks its second band as a frame (bit 0 marks a sketch).
    static let frameBit: UInt64 = 2

    /// Heap bytes held by the digester's buffers.
    public var memoryFootprint: Int { words.memoryFootprint }

    /// What the sketch needs of the words read so far: the MinHash minima over word bigrams, the
    /// last two words (a bigram or a lexicon phrase may go on into the next block) and whether a
    /// reasoning phrase was found.
    struct SketchState {
        var minima: (UInt64, UInt64, UInt64, UInt64) = (.max, .max, .max, .max)
        var previousWord: UInt64 = 0
        var beforePrevious: UInt64 = 0
        var reasoning = false
        /// Words read so far.
        var index = 0
        /// The first `frameWords` words, combined in order.
        var opening: UInt64 = 0
        /// The last `frameWords` words read, the newest last.
        var closing: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        /// The word at which the first reasoning phrase ended (0 when none was found in words:
        /// text without spaces, matched whole, takes the opening).
        var reasoningAt = 0
        /// The word at which the first reasoning phrase started.
        var reasoningFrom = 0
        /// The word at which the latest reasoning phrase ended (-1 before any).
        var lastPhraseEnd = -1
        /// The opening words up to the end of the request (the last phrase ending in a run of
        /// phrases from the first), at least `shortestFrame` of them, when that is inside the
        /// first `frameWords` words; else 0.
        var openingToRequest: UInt64 = 0
        /// The last word's shingle, not yet in the minima: a phrase of three words ending at the
        /// next word takes it out (`nil` when there is none or it was taken out).
        var pending: UInt64? = nil

        /// Folds a shingle into MinHash minima.
        @inline(__always)
        static func fold(_ shingle: UInt64, into minima: inout (UInt64, UInt64, UInt64, UInt64)) {
            minima.0 = min(minima.0, shingle &* PromptDigest.multipliers.0 &+ PromptDigest.offsets.0)
            minima.1 = min(minima.1, shingle &* PromptDigest.multipliers.1 &+ PromptDigest.offsets.1)
            minima.2 = min(minima.2, shingle &* PromptDigest.multipliers.2 &+ PromptDigest.offsets.2)
            minima.3 = min(minima.3, shingle &* PromptDigest.multipliers.3 &+ PromptDigest.offsets.3)
        }

        /// Adds the last word's shingle once the prompt has no more words.
        mutating func commitPending() {
            if let shingle = pending { Self.fold(shingle, into: &minima) }
            pending = nil
        }

        /// Words at each end of a prompt that make its frame at most (design: a wrapper's fixed
        /// words around a question; a shorter frame would be shared by chance openers).
        static let frameWords = 5
        /// Words a frame holds at least, when the prompt has them.
        static let shortestFrame = 3

        /// Words of its own, besides the request, that a wrapper needs for its frame to stop
        /// where its request stops.
        static let ownWords = 2

        /// The frame band's key: the five words at the end of the prompt where its first
        /// reasoning request is (the opening when that ends in the first half).
        ///
        /// A wrapper with words of its own stops where its request stops (at least three
        /// words): the words of `Explain with complete reasoning: {question}` past `reasoning`
        /// are the question's, and a frame holding the question's first word split one wrapper
        /// into as many frames as its questions have openers (a ring rotating five such
        /// wrappers never made one family). A bare common request (`Explain step by step:`,
        /// `Think step by step.`) has one word of its own at most: stopping there would make
        /// one family of every account using the phrase, so its frame keeps the five words.
        var frame: UInt64 {
            if reasoningAt * 2 < index {
                return openingToRequest != 0 && reasoningFrom >= Self.ownWords ? openingToRequest : opening
            }
            let span = index - reasoningFrom
            let trimmed = span < Self.frameWords && index - 1 - lastPhraseEnd >= Self.ownWords
            let words = min(index, Self.frameWords, trimmed ? max(Self.shortestFrame, span) : Self.frameWords)
            var end: UInt64 = 0
            if words >= 5 { end = ReasoningLexicon.combine(end, closing.0) }
            if words >= 4 { end = ReasoningLexicon.combine(end, closing.1) }
            if words >= 3 { end = ReasoningLexicon.combine(end, closing.2) }
            if words >= 2 { end = ReasoningLexicon.combine(end, closing.3) }
            if words >= 1 { end = ReasoningLexicon.combine(end, closing.4) }
            return end
        }

        /// Reads the next words.
        /// A shingle is held back one word (`pending`): the bigrams inside a phrase of the lexicon
        /// (one for two words, two for three) are known only at its last word, and are left out.
        @inline(__always)
        mutating func add(_ hashes: Span<UInt64>, lexicon: ReasoningLexicon) {
            var minima = self.minima, previousWord = self.previousWord, beforePrevious = self.beforePrevious
            var reasoning = self.reasoning, index = self.index, pending = self.pending
            for position in 0..<hashes.count {
                let value = hashes[position]
                let pair = index == 0 ? 0 : ReasoningLexicon.combine(previousWord, value)
                let shingle = ByteHash.mix(index == 0 ? value : pair)
                let phrase = lexicon.phraseWords(
                    endingAt: value, pair: pair, previous: index > 0 ? previousWord : 0,
                    beforePrevious: index > 1 ? beforePrevious : 0)
                if phrase > 0 && !reasoning { (reasoning, reasoningAt, reasoningFrom) = (true, index, index + 1 - phrase) }
                // A phrase overlapping or touching the one before extends the request (`step
                // by` then `by step`); the opening up to it is taken again below.
                let extendsRequest = phrase > 0 && lastPhraseEnd >= 0 && index + 1 - phrase <= lastPhraseEnd + 1
                if phrase > 0 { lastPhraseEnd = index }
                // The first word's shingle is never inside a phrase's bigrams (a phrase of two or
                // three words ends at the second word at the earliest, and takes bigrams only).
                if phrase != 3, let held = pending { Self.fold(held, into: &minima) }
                pending = phrase >= 2 ? nil : shingle
                beforePrevious = previousWord
                previousWord = value
                if index < Self.frameWords { opening = ReasoningLexicon.combine(opening, value) }
                if reasoning && (openingToRequest == 0 || extendsRequest) && index >= max(reasoningAt, Self.shortestFrame - 1) {
                    // A request running to the fifth word or past it takes the whole opening.
                    openingToRequest = index < Self.frameWords - 1 ? opening : 0
                }
                closing = (closing.1, closing.2, closing.3, closing.4, value)
                index += 1
            }
            self.minima = minima
            self.pending = pending
            self.previousWord = previousWord
            self.beforePrevious = beforePrevious
            self.reasoning = reasoning
            self.index = index
        }
    }

    /// The sketch of a prompt given only as a fingerprint.
    public func digest(fingerprint: Span<UInt8>) -> (sketch: UInt64, flags: UInt8) {
        (ByteHash.hash(fingerprint) & ~Self.frameBit | 1, Flags.fingerprintOnly)
    }

    /// Convenience for tests and tools.
    public func digest(_ prompt: String) -> (sketch: UInt64, flags: UInt8) {
        var copy = prompt
        return copy.withUTF8 { digest($0.span) }
    }

    /// Hashes one normalised word as `digest` does (for lexicon building).
    static func wordHash(_ word: Substring) -> UInt64 { PromptWords.wordHash(Array(word.utf8)) }
}

