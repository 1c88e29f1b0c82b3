/// A fast non-cryptographic 64-bit hash over bytes (8 bytes per step, multiply-mix).
///
/// Reads go through `RawSpan`'s bounds-checked loads.
public enum ByteHash {
    /// The default seed.
    @inlinable public static var defaultSeed: UInt64 { 0x9E37_79B9_7F4A_7C15 }

    /// Hashes `bytes`; stable across runs and platforms of the same endianness.
    @inlinable @inline(__always)
    public static func hash(_ bytes: Span<UInt8>, seed: UInt64 = defaultSeed) -> UInt64 {
        let raw = bytes.bytes
        let n = raw.byteCount
        var h = seed ^ (UInt64(n) &* 0xFF51_AFD7_ED55_8CCD)
        var i = 0
        while i + 8 <= n {
            let word = raw.unsafeLoadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ mix(word)) &* 0x9E37_79B9_7F4A_7C15
            i += 8
        }
        if i < n {
            h = (h ^ mix(tail(raw, from: i, count: n))) &* 0x9E37_79B9_7F4A_7C15
        }
        return mix(h)
    }

    /// Hashes an array's bytes.
    public static func hash(_ bytes: [UInt8], seed: UInt64 = defaultSeed) -> UInt64 { hash(bytes.span, seed: seed) }

    /// The 1 to 7 bytes from `from` to `count` as one little-endian word (first byte lowest),
    /// read as overlapping words rather than a byte at a time: a value of 8 bytes or more
    /// re-reads its last 8; a shorter one combines two overlapping halves.
    @inlinable @inline(__always)
    static func tail(_ raw: RawSpan, from: Int, count: Int) -> UInt64 {
        let length = count - from
        if count >= 8 {
            return raw.unsafeLoadUnaligned(fromByteOffset: count - 8, as: UInt64.self) >> UInt64(8 * (8 - length))
        }
        if length >= 4 {
            let low = UInt64(raw.unsafeLoadUnaligned(fromByteOffset: from, as: UInt32.self))
            let high = UInt64(raw.unsafeLoadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return low | high << UInt64(8 * (length - 4))
        }
        if length >= 2 {
            let low = UInt64(raw.unsafeLoadUnaligned(fromByteOffset: from, as: UInt16.self))
            let high = UInt64(raw.unsafeLoadUnaligned(fromByteOffset: count - 2, as: UInt16.self))
            return low | high << UInt64(8 * (length - 2))
        }
        return UInt64(raw.unsafeLoad(fromByteOffset: from, as: UInt8.self))
    }

    /// A 64-bit finaliser (splitmix64).
    @inlinable @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Hashes a Swift string's UTF-8 bytes.
    public static func hash(_ string: String) -> UInt64 {
        var copy = string
        return copy.withUTF8 { hash($0.span) }
    }
}
