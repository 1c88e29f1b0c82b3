/// Splits a prompt into the hashes of its normalised words, sixteen bytes at a time.
///
/// The words and their hashes are exactly those of the byte-at-a-time scanner in
/// `PromptDigest`: ASCII letters lowercased, every run of digits one `0`, apostrophes and
/// non-ASCII bytes kept, anything else a separator. Quoted spans are not handled here: a prompt
/// holding a `"` or a backquote is left to the byte-at-a-time scanner.
final class PromptWords {
    /// The hashes of the last prompt's words, in order.
    private(set) var hashes: UnsafeMutablePointer<UInt64>
    /// Normalised bytes (room for whole 64-byte blocks and 16 bytes of zero padding), then the
    /// mask words.
    private var scratch: UnsafeMutableRawPointer
    private var capacity = 0

    init() {
        hashes = .allocate(capacity: 1)
        scratch = .allocate(byteCount: 16, alignment: 16)
    }

    deinit {
        hashes.deallocate()
        scratch.deallocate()
    }

    /// Splits `prompt` into `hashes`; returns how many words it has and whether it holds a
    /// non-ASCII byte.
    @inline(__always)
    func split(_ prompt: UnsafeRawBufferPointer) -> (count: Int, highBytes: Bool) {
        let count = prompt.count
        guard let source = prompt.baseAddress, count > 0 else { return (0, false) }
        let maskWords = (count + 63) >> 6
        if maskWords * 64 > capacity { grow(to: maskWords * 64) }
        let out = scratch
        let wordBits = (scratch + capacity + 16).assumingMemoryBound(to: UInt64.self)
        let digitBits = wordBits + capacity / 64
        var highBytes = false
        guard Self.classify(source, count, into: out, wordBits: wordBits, digitBits: digitBits, highBytes: &highBytes) else {
            return PromptDigest.wordsByteByByte(prompt, into: hashes)
        }
        var words = 0
        let hashes = self.hashes
        var digitRuns: UInt64 = 0
        for index in 0..<maskWords { digitRuns |= digitBits[index] }
        let runs: UnsafePointer<UInt64>? = digitRuns == 0 ? nil : UnsafePointer(digitBits)
        Self.forEachRun(wordBits, maskWords) { start, end in
            hashes[words] = Self.hashWord(out, start, end, digitBits: runs)
            words += 1
        }
        return (words, highBytes)
    }

    private func grow(to bytes: Int) {
        capacity = max(bytes, capacity * 2)
        hashes.deallocate()
        scratch.deallocate()
        // A word is at least one byte (and a quoted span at least two), but words need no
        // separator between them once quotes are involved: `a""` is two words in three bytes.
        hashes = .allocate(capacity: capacity + 1)
        scratch = .allocate(byteCount: capacity + 16 + capacity / 64 * 2 * 8, alignment: 16)
    }

    /// Normalises `count` bytes into `out` (separators as 0, then 16 zero bytes) and sets one bit
    /// per byte in `wordBits` (a word byte) and `digitBits` (a digit following a digit), sixteen
    /// bytes at a time. False on a quote.
    @inline(__always)
    private static func classify(
        _ source: UnsafeRawPointer, _ count: Int, into out: UnsafeMutableRawPointer,
        wordBits: UnsafeMutablePointer<UInt64>, digitBits: UnsafeMutablePointer<UInt64>, highBytes: inout Bool
    ) -> Bool {
        let k = Constants()
        var quotes = SIMD16<UInt8>(repeating: 0), highs = SIMD16<UInt8>(repeating: 0)
        var previousDigit: UInt64 = 0
        var words: UInt64 = 0, digits: UInt64 = 0
        let laneCount = (count + 15) >> 4
        for lane in 0..<laneCount {
            let at = lane << 4
            var block = SIMD16<UInt8>(repeating: 0)
            if at + 16 <= count {
                block = source.loadUnaligned(fromByteOffset: at, as: SIMD16<UInt8>.self)
            } else {
                // The last bytes, zero padded (zero is a separator).
                withUnsafeMutableBytes(of: &block) { $0.copyMemory(from: UnsafeRawBufferPointer(start: source + at, count: count - at)) }
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
}
