#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a prompt into the hashes of its normalised words, sixteen bytes at a time.
///
/// The words and their hashes are exactly those of the byte-at-a-time scanner in
/// `PromptDigest`: ASCII letters lowercased, every run of digits one `0`, apostrophes and
/// non-ASCII bytes kept, anything else a separator; a word holding a digit hashes as the word
/// `0` (`WordHasher.digitWord`: `2024`, `gpt4` and the nonce `a3f9c1` are one word). Quoted spans are not handled here: a prompt
/// holding a `"` or a backquote is left to the byte-at-a-time scanner.
public final class PromptWords {
    /// The hashes of the current block's words, in order (at most `blockBytes` of them).
    private let hashes = GrowableBuffer<UInt64>()
    /// Every word hash of the last prompt given to `split` (for tests and tools).
    private let collected = GrowableBuffer<UInt64>()
    /// Normalised bytes (room for whole 64-byte blocks and 16 bytes of zero padding), then the
    /// mask words. Every access below lies within `scratchBytes`, checked once per block.
    private var scratch: UnsafeMutableRawPointer
    private var capacity = 0
    private var scratchBytes = 16
    /// The most bytes of a prompt normalised at once: a longer prompt is split a block at a time,
    /// so the scratch buffers never grow past this whatever the prompt's length.
    public let blockBytes: Int

    /// Creates a splitter (keep one per thread: it reuses its buffers). Prompts longer than
    /// `blockBytes` (rounded up to a multiple of 64) are split a block at a time.
    public init(blockBytes: Int = 64 << 10) {
        precondition(blockBytes > 0, "PromptWords: block size must be positive")
        self.blockBytes = (blockBytes + 63) & ~63
        scratch = .allocate(byteCount: 16, alignment: 16)
    }

    deinit { scratch.deallocate() }

    /// Heap bytes held by the splitter's buffers (normalised bytes, masks and word hashes).
    public var memoryFootprint: Int { scratchBytes + hashes.memoryFootprint }

    /// Calls `body` with the hashes of the last split prompt's words.
    public func withHashes<R>(_ body: (Span<UInt64>) throws -> R) rethrows -> R { try collected.withSpan(body) }

    /// The hashes of the last split prompt's words (a copy).
    public var wordHashes: [UInt64] { collected.values }

    /// Splits `prompt` into word hashes (read through `withHashes` or `wordHashes`); returns how
    /// many words it has and whether it holds a non-ASCII byte. For tests and tools: it keeps
    /// every hash, where `forEachBlock` keeps one block's.
    public func split(_ prompt: Span<UInt8>) -> (count: Int, highBytes: Bool) {
        collected.truncate(to: 0)
        let words = collected
        return forEachBlock(prompt) { words.append(contentsOf: $0) }
    }

    /// Splits `prompt` into the hashes of its words, in order, handing them to `body` a block at a
    /// time (one call for a prompt of at most `blockBytes`); returns how many words it has and
    /// whether it holds a non-ASCII byte. The words are the same whatever the block size: a word
    /// that reaches a block's end is split again with the next block, from its first byte, and a
    /// word longer than a block is hashed a byte at a time.
    @inline(__always)
    public func forEachBlock(_ prompt: Span<UInt8>, _ body: (Span<UInt64>) -> Void) -> (count: Int, highBytes: Bool) {
        hashes.truncate(to: 0)
        let count = prompt.count
        guard count > 0 else { return (0, false) }
        // A quoted span may close up to 400 bytes on, across a block's end: a long prompt holding
        // a quote is left whole to the byte-at-a-time scanner (a short one finds out in `classify`).
        if count > blockBytes && Self.holdsQuote(prompt) { return byteByByte(prompt, body) }
        var total = 0, highBytes = false
        var at = 0
        while at < count {
            let end = min(at + blockBytes, count)
            let block = prompt.extracting(at..<end)
            let blockCount = block.count
            let maskWords = (blockCount + 63) >> 6
            if maskWords * 64 > capacity { grow(to: maskWords * 64) }
            // Every write below: bytes < maskWords * 64 + 16 and 2 * maskWords mask words.
            precondition(maskWords * 64 + 16 + 2 * maskWords * 8 <= scratchBytes && maskWords * 64 <= capacity, "PromptWords: scratch too small")
            let out = scratch
            let wordBits = (scratch + capacity + 16).assumingMemoryBound(to: UInt64.self)
            let digitBits = wordBits + capacity / 64
            guard Self.classify(block, into: out, wordBits: wordBits, digitBits: digitBits, highBytes: &highBytes) else {
                // A quote: only a prompt of one block gets here (a longer one was checked first).
                precondition(at == 0, "PromptWords: a quote in a later block")
                return byteByByte(prompt, body)
            }
            var digitRuns: UInt64 = 0
            for index in 0..<maskWords { digitRuns |= digitBits[index] }
            let runs: UnsafePointer<UInt64>? = digitRuns == 0 ? nil : UnsafePointer(digitBits)
            let words = self.hashes
            // The word reaching the end of a block that is not the prompt's last may go on in the
            // next: it is left for the next block, which starts at its first byte (after a
            // separator, so its digit runs collapse as in one pass).
            let last = end == count
            var next = end
            Self.forEachRun(wordBits, maskWords) { start, stop in
                // A run lies within the block; a word's last read ends at most 7 bytes past it.
                precondition(start >= 0 && start < stop && stop <= blockCount, "PromptWords: word outside the prompt")
                if !last && stop == blockCount {
                    next = at + start
                    return
                }
                words.append(Self.hashWord(out, start, stop, digitBits: runs))
            }
            if next == at {
                // One word fills the whole block and goes on: hashed a byte at a time to its end.
                let word = Self.longWord(prompt, from: at)
                words.append(word.hash)
                if word.highBytes { highBytes = true }
                next = word.end
            }
            total += words.count
            if words.count > 0 { words.withSpan(body) }
            words.truncate(to: 0)
            at = next
        }
        return (total, highBytes)
    }

    /// The byte-at-a-time scanner over the whole prompt, its hashes handed to `body` a block's
    /// worth at a time.
    private func byteByByte(_ prompt: Span<UInt8>, _ body: (Span<UInt64>) -> Void) -> (count: Int, highBytes: Bool) {
        let words = hashes, limit = blockBytes
        words.truncate(to: 0)
        let result = Self.wordsByteByByte(prompt) { hash in
            words.append(hash)
            if words.count >= limit {
                words.withSpan(body)
                words.truncate(to: 0)
            }
        }
        if words.count > 0 { words.withSpan(body) }
        words.truncate(to: 0)
        return result
    }

    /// True when the prompt holds a `"` or a backquote (`memchr` over the span).
    private static func holdsQuote(_ prompt: Span<UInt8>) -> Bool {
        prompt.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x22, bytes.count) != nil || memchr(base, 0x60, bytes.count) != nil
        }
    }

    /// The word starting at `from` (a word byte after a separator or at the prompt's start, in a
    /// prompt without quotes), hashed a byte at a time: its hash, where it ends and whether it
    /// holds a non-ASCII byte.
    private static func longWord(_ prompt: Span<UInt8>, from: Int) -> (hash: UInt64, end: Int, highBytes: Bool) {
        let classes = byteClasses
        var word = WordHasher()
        var highBits: UInt8 = 0
        var i = from
        let n = prompt.count
        while i < n {
            let raw = prompt[i]
            let mapped = classes[Int(raw)]
            guard mapped >= firstWordByte else { break }
            i += 1
            highBits |= raw
            word.append(mapped)
            if mapped == 0x30 {
                // A run of digits is one `0`.
                while i < n && prompt[i] &- 0x30 < 10 { i += 1 }
            }
        }
        return (word.finish(), i, highBits >= 0x80)
    }

    private func grow(to bytes: Int) {
        capacity = min(max(bytes, capacity * 2), blockBytes)
        scratch.deallocate()
        scratchBytes = capacity + 16 + capacity / 64 * 2 * 8
        scratch = .allocate(byteCount: scratchBytes, alignment: 16)
        // A word is at least one byte (and a quoted span at least two), but words need no
        // separator between them once quotes are involved: `a""` is two words in three bytes.
        hashes.reserve(capacity + 1)
    }

    /// Normalises `count` bytes into `out` (separators as 0, then 16 zero bytes) and sets one bit
    /// per byte in `wordBits` (a word byte) and `digitBits` (a digit following a digit), sixteen
    /// bytes at a time. False on a quote.
    @inline(__always)
    private static func classify(
        _ source: Span<UInt8>, into out: UnsafeMutableRawPointer,
        wordBits: UnsafeMutablePointer<UInt64>, digitBits: UnsafeMutablePointer<UInt64>, highBytes: inout Bool
    ) -> Bool {
        let count = source.count
        let raw = source.bytes
        let k = Constants()
        var quotes = SIMD16<UInt8>(repeating: 0), highs = SIMD16<UInt8>(repeating: 0)
        var previousDigit: UInt64 = 0
        var words: UInt64 = 0, digits: UInt64 = 0
        let laneCount = (count + 15) >> 4
        for lane in 0..<laneCount {
            let at = lane << 4
            var block = SIMD16<UInt8>(repeating: 0)
            if at + 16 <= count {
                block = raw.unsafeLoadUnaligned(fromByteOffset: at, as: SIMD16<UInt8>.self)
            } else {
                // The last bytes, zero padded (zero is a separator).
                for i in 0..<(count - at) { block[i] = source[at + i] }
            }
            quotes |= lanes(block .== k.quote) | lanes(block .== k.backquote)
            let upper = lanes((block &- k.upperA) .< k.letters)
            let digit = lanes((block &- k.zero) .< k.digits)
            let high = lanes(block .>= k.highest)
            highs |= high
            let word = upper | lanes((block &- k.lowerA) .< k.letters) | digit | high | lanes(block .== k.apostrophe)
            let normal = ((block | (upper & k.caseBit)) & ~digit | (digit & k.zero)) & word
            (out + at).storeBytes(of: normal, as: SIMD16<UInt8>.self)
            let shift = UInt64((lane & 3) << 4)
            words |= bits(word) << shift
            digits |= bits(digit) << shift
            if lane & 3 == 3 || lane == laneCount - 1 {
                wordBits[lane >> 2] = words
                // A digit whose previous byte is a digit adds nothing to its word.
                digitBits[lane >> 2] = digits & (digits << 1 | previousDigit)
                previousDigit = digits >> 63
                words = 0
                digits = 0
            }
        }
        (out + laneCount << 4).storeBytes(of: SIMD16<UInt8>(repeating: 0), as: SIMD16<UInt8>.self)
        if nonZero(quotes) { return false }
        if nonZero(highs) { highBytes = true }
        return true
    }

    /// The byte vectors `classify` compares with (Swift's comparisons against a scalar are not
    /// vectorised; against a vector they are).
    private struct Constants {
        let quote = SIMD16<UInt8>(repeating: 0x22), backquote = SIMD16<UInt8>(repeating: 0x60)
        let apostrophe = SIMD16<UInt8>(repeating: 0x27), highest = SIMD16<UInt8>(repeating: 0x80)
        let upperA = SIMD16<UInt8>(repeating: 0x41), lowerA = SIMD16<UInt8>(repeating: 0x61)
        let zero = SIMD16<UInt8>(repeating: 0x30), letters = SIMD16<UInt8>(repeating: 26)
        let digits = SIMD16<UInt8>(repeating: 10), caseBit = SIMD16<UInt8>(repeating: 0x20)
    }

    /// A comparison's lanes as bytes: 0xFF where true, 0 where false.
    @inline(__always)
    private static func lanes(_ mask: SIMDMask<SIMD16<Int8>>) -> SIMD16<UInt8> {
        unsafeBitCast(mask, to: SIMD16<UInt8>.self)
    }

    /// True when any lane is not zero.
    @inline(__always)
    private static func nonZero(_ vector: SIMD16<UInt8>) -> Bool {
        let halves = unsafeBitCast(vector, to: SIMD2<UInt64>.self)
        return halves[0] | halves[1] != 0
    }

    /// The 16 lanes of a 0xFF/0 vector as bits, lane 0 lowest.
    @inline(__always)
    private static func bits(_ lanes: SIMD16<UInt8>) -> UInt64 {
        let halves = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        let gather: UInt64 = 0x0002_0408_1020_4081, highs: UInt64 = 0x8080_8080_8080_8080
        return ((halves[0] & highs) &* gather) >> 56 | (((halves[1] & highs) &* gather) >> 56) << 8
    }

    /// Calls `body` with each run of set bits as a half-open range of bit positions.
    @inline(__always)
    private static func forEachRun(_ bits: UnsafePointer<UInt64>, _ count: Int, _ body: (Int, Int) -> Void) {
        var pending = -1
        for index in 0..<count {
            let word = bits[index], base = index << 6
            let nextLow: UInt64 = index + 1 < count ? bits[index + 1] & 1 : 0
            var starts = word & ~(word << 1 | (pending >= 0 ? 1 : 0))
            var ends = word & ~(word >> 1 | nextLow << 63)
            if pending >= 0 {
                // The run from the previous word ends at this word's first end, if any.
                if ends == 0 { continue }
                body(pending, base + ends.trailingZeroBitCount + 1)
                ends &= ends &- 1
                pending = -1
            }
            while starts != 0 {
                let start = base + starts.trailingZeroBitCount
                starts &= starts &- 1
                if ends == 0 {
                    pending = start
                    break
                }
                body(start, base + ends.trailingZeroBitCount + 1)
                ends &= ends &- 1
            }
        }
    }

    /// The hash of the normalised word in `out[start..<end]`, as `WordHasher` computes it.
    @inline(__always)
    private static func hashWord(_ out: UnsafeRawPointer, _ start: Int, _ end: Int, digitBits: UnsafePointer<UInt64>?) -> UInt64 {
        // A run of digits marks its bytes after the first: the word holds a digit.
        if let digitBits, hasBits(digitBits, start, end) { return WordHasher.digitWord }
        let length = end - start
        if length < 8 {
            let packed = out.loadUnaligned(fromByteOffset: start, as: UInt64.self).byteSwapped &>> UInt64(64 - 8 * length)
            if WordHasher.holdsDigit(packed) { return WordHasher.digitWord }
            return WordHasher.finish(state: 0, packed: packed, length: UInt64(length))
        }
        var state: UInt64 = 0
        var at = start
        while end - at >= 8 {
            let register = out.loadUnaligned(fromByteOffset: at, as: UInt64.self).byteSwapped
            if WordHasher.holdsDigit(register) { return WordHasher.digitWord }
            state = WordHasher.mix(state, register: register)
            at += 8
        }
        let tail = end - at
        let packed = tail == 0 ? 0 : out.loadUnaligned(fromByteOffset: at, as: UInt64.self).byteSwapped &>> UInt64(64 - 8 * tail)
        if WordHasher.holdsDigit(packed) { return WordHasher.digitWord }
        return WordHasher.finish(state: state, packed: packed, length: UInt64(end - start))
    }

    /// True when any bit in `start..<end` is set.
    @inline(__always)
    private static func hasBits(_ bits: UnsafePointer<UInt64>, _ start: Int, _ end: Int) -> Bool {
        let first = start >> 6, last = (end - 1) >> 6
        let head = bits[first] & (~0 &<< UInt64(start & 63))
        let tailMask: UInt64 = end & 63 == 0 ? ~0 : (1 &<< UInt64(end & 63)) &- 1
        if first == last { return head & tailMask != 0 }
        if head != 0 { return true }
        var index = first + 1
        while index < last {
            if bits[index] != 0 { return true }
            index += 1
        }
        return bits[last] & tailMask != 0
    }

    /// Splits a prompt a byte at a time, quoted spans included, handing each word's hash to
    /// `body`; returns how many words it has and whether it holds a non-ASCII byte.
    public static func wordsByteByByte(_ prompt: Span<UInt8>, _ body: (UInt64) -> Void) -> (count: Int, highBytes: Bool) {
        var count = 0
        let classes = byteClasses
        var highBits: UInt8 = 0
        var word = WordHasher()
        var i = 0
        let n = prompt.count
        while i < n {
            let raw = prompt[i]
            i += 1
            let mapped = classes[Int(raw)]
            if mapped >= firstWordByte {
                highBits |= raw
                word.append(mapped)
                if mapped == 0x30 {
                    // A run of digits is one `0`.
                    while i < n && prompt[i] &- 0x30 < 10 { i += 1 }
                }
                continue
            }
            if !word.isEmpty {
                body(word.finish())
                count += 1
            }
            if mapped == quoteClass {
                // A quoted span becomes one placeholder word when it closes within 400 bytes.
                let limit = min(n, i + 400)
                var j = i
                while j < limit && prompt[j] != raw { j += 1 }
                if j < limit {
                    body(quotePlaceholder)
                    count += 1
                    i = j + 1
                }
            }
        }
        if !word.isEmpty {
            body(word.finish())
            count += 1
        }
        return (count, highBits >= 0x80)
    }

    /// Hashes one normalised word as `split` does (for lexicon building and tests).
    public static func wordHash(_ word: [UInt8]) -> UInt64 {
        var hasher = WordHasher()
        for byte in word { hasher.append(byte) }
        return hasher.finish()
    }

    /// Byte classes of the normaliser: 0 separates words, `quoteClass` opens a quoted span, and
    /// anything from `firstWordByte` up is the byte's normalised form inside a word (ASCII
    /// lowercased, every digit `0`, apostrophes and non-ASCII bytes as they are).
    private static let byteClasses: [UInt8] = (0..<256).map { byte -> UInt8 in
        switch byte {
        case 0x22, 0x60: return quoteClass
        case 0x30...0x39: return 0x30
        case 0x41...0x5A: return UInt8(byte | 0x20)
        case 0x61...0x7A, 0x27, 0x80...0xFF: return UInt8(byte)
        default: return 0
        }
    }
    private static let quoteClass: UInt8 = 1
    private static let firstWordByte: UInt8 = 0x27
    /// The hash standing for a quoted span.
    public static let quotePlaceholder: UInt64 = ByteHash.mix(0x5155_4F54)
}
