/// Byte comparisons and searches over spans, a word at a time, through `RawSpan`'s
/// bounds-checked loads.
public enum ByteCompare {
    /// True when `a` and `b` hold the same bytes. Compared eight at a time (values are short: a
    /// call to memcmp costs more); the last bytes are compared as one word that overlaps the
    /// previous one, never a byte at a time.
    @inlinable @inline(__always)
    public static func same(_ a: Span<UInt8>, _ b: Span<UInt8>) -> Bool {
        let count = a.count
        guard b.count == count else { return false }
        let x = a.bytes, y = b.bytes
        if count >= 8 {
            var i = 0
            while i + 8 < count {
                if x.unsafeLoadUnaligned(fromByteOffset: i, as: UInt64.self) != y.unsafeLoadUnaligned(fromByteOffset: i, as: UInt64.self) {
                    return false
                }
                i += 8
            }
            let last = count - 8
            return x.unsafeLoadUnaligned(fromByteOffset: last, as: UInt64.self)
                == y.unsafeLoadUnaligned(fromByteOffset: last, as: UInt64.self)
        }
        if count >= 4 {
            let last = count - 4
            return x.unsafeLoadUnaligned(fromByteOffset: 0, as: UInt32.self) == y.unsafeLoadUnaligned(fromByteOffset: 0, as: UInt32.self)
                && x.unsafeLoadUnaligned(fromByteOffset: last, as: UInt32.self)
                    == y.unsafeLoadUnaligned(fromByteOffset: last, as: UInt32.self)
        }
        if count >= 2 {
            let last = count - 2
            return x.unsafeLoadUnaligned(fromByteOffset: 0, as: UInt16.self) == y.unsafeLoadUnaligned(fromByteOffset: 0, as: UInt16.self)
                && x.unsafeLoadUnaligned(fromByteOffset: last, as: UInt16.self)
                    == y.unsafeLoadUnaligned(fromByteOffset: last, as: UInt16.self)
        }
        return count == 0 || a[0] == b[0]
    }

    /// The index of the first `"` or `\` in `bytes` at or after `from`, or nil.
    @inlinable @inline(__always)
    public static func firstQuoteOrBackslash(_ bytes: Span<UInt8>, from: Int) -> Int? {
        let raw = bytes.bytes
        let end = raw.byteCount
        var index = max(0, from)
        while index + 8 <= end {
            let hits = quoteOrBackslashBits(raw.unsafeLoadUnaligned(fromByteOffset: index, as: UInt64.self))
            if hits != 0 { return index + hits.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return nil
    }

    /// High bit set in each byte of `word` that is `"` or `\` (exact for the lowest such byte;
    /// bytes above it may be false positives, which callers never look at).
    @inlinable @inline(__always)
    public static func quoteOrBackslashBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), slash = word ^ (ones &* 0x5C)
        return ((quote &- ones) & ~quote & highs) | ((slash &- ones) & ~slash & highs)
    }

    /// The range of `bytes` without leading and trailing ASCII spaces and tabs.
    @inlinable @inline(__always)
    public static func trimmedRange(_ bytes: Span<UInt8>) -> Range<Int> {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return start..<end
    }

    /// The bytes decoded as UTF-8 (invalid sequences become U+FFFD).
    public static func decoded(_ bytes: Span<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends the bytes of a span to `array`.
    @inlinable
    public static func append(_ bytes: Span<UInt8>, to array: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { array.append(contentsOf: $0) }
    }

    /// True when the bytes are nothing but spaces and tabs (or none).
    @inlinable
    public static func isBlank(_ bytes: Span<UInt8>) -> Bool {
        for i in 0..<bytes.count where bytes[i] != 0x20 && bytes[i] != 0x09 { return false }
        return true
    }

    /// The bytes of a span as an array (a copy).
    @inlinable
    public static func array(_ bytes: Span<UInt8>) -> [UInt8] {
        var copy = [UInt8]()
        copy.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { copy.append(contentsOf: $0) }
        return copy
    }
}
