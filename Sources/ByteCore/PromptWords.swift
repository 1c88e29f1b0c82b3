/// Splits a prompt into the hashes of its normalised words, sixteen bytes at a time.
///
/// The words and their hashes are exactly those of the byte-at-a-time scanner in
/// `PromptDigest`: ASCII letters lowercased, every run of digits one `0`, apostrophes and
/// non-ASCII bytes kept, anything else a separator. Quoted spans are not handled here: a prompt
/// holding a `"` or a backquote is left to the byte-at-a-time scanner.
public final class PromptWords {
    /// The hashes of the last prompt's words, in order.
    private let hashes = GrowableBuffer<UInt64>()
    /// Normalised bytes (room for whole 64-byte blocks and 16 bytes of zero padding), then the
    /// mask words. Every access below lies within `scratchBytes`, checked once per prompt.
    private var scratch: UnsafeMutableRawPointer
    private var capacity = 0
    private var scratchBytes = 16

    /// Creates a splitter (keep one per thread: it reuses its buffers).
    public init() {
        scratch = .allocate(byteCount: 16, alignment: 16)
    }

    deinit { scratch.deallocate() }

    /// Calls `body` with the hashes of the last split prompt's words.
    @inline(__always)
    public func withHashes<R>(_ body: (Span<UInt64>) throws -> R) rethrows -> R { try hashes.withSpan(body) }

    /// The hashes of the last split prompt's words (a copy).
    public var wordHashes: [UInt64] { hashes.values }

    /// Splits `prompt` into word hashes (read through `withHashes`); returns how many words it
    /// has and whether it holds a non-ASCII byte.
    @inline(__always)
    public func split(_ prompt: Span<UInt8>) -> (count: Int, highBytes: Bool) {
        hashes.truncate(to: 0)
        let count = prompt.count
        guard count > 0 else { return (0, false) }
        let maskWords = (count + 63) >> 6
        if maskWords * 64 > capacity { grow(to: maskWords * 64) }
        // Every write below: bytes < maskWords * 64 + 16 and 2 * maskWords mask words.
        precondition(maskWords * 64 + 16 + 2 * maskWords * 8 <= scratchBytes && maskWords * 64 <= capacity, "PromptWords: scratch too small")
        let out = scratch
        let wordBits = (scratch + capacity + 16).assumingMemoryBound(to: UInt64.self)
        let digitBits = wordBits + capacity / 64
        var highBytes = false
        guard Self.classify(prompt, into: out, wordBits: wordBits, digitBits: digitBits, highBytes: &highBytes) else {
            let words = self.hashes
            return Self.wordsByteByByte(prompt) { words.append($0) }
        }
        var digitRuns: UInt64 = 0
        for index in 0..<maskWords { digitRuns |= digitBits[index] }
        let runs: UnsafePointer<UInt64>? = digitRuns == 0 ? nil : UnsafePointer(digitBits)
        let words = self.hashes
        Self.forEachRun(wordBits, maskWords) { start, end in
            // A run lies within the prompt; a word's last read ends at most 7 bytes past it.
            precondition(start >= 0 && start < end && end <= count, "PromptWords: word outside the prompt")
            words.append(Self.hashWord(out, start, end, digitBits: runs))
        }
        return (words.count, highBytes)
    }

    private func grow(to bytes: Int) {
        capacity = max(bytes, capacity * 2)
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
        if let digitBits, hasBits(digitBits, start, end) {
            var hasher = WordHasher()
            for position in start..<end where digitBits[position >> 6] >> UInt64(position & 63) & 1 == 0 {
                hasher.append(out.load(fromByteOffset: position, as: UInt8.self))
            }
            return hasher.finish()
        }
        let length = end - start
        if length < 8 {
            let packed = out.loadUnaligned(fromByteOffset: start, as: UInt64.self).byteSwapped &>> UInt64(64 - 8 * length)
            return WordHasher.finish(state: 0, packed: packed, length: UInt64(length))
        }
        var state: UInt64 = 0
        var at = start
        while end - at >= 8 {
            state = WordHasher.mix(state, register: out.loadUnaligned(fromByteOffset: at, as: UInt64.self).byteSwapped)
            at += 8
        }
        let tail = end - at
        let packed = tail == 0 ? 0 : out.loadUnaligned(fromByteOffset: at, as: UInt64.self).byteSwapped &>> UInt64(64 - 8 * tail)
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
