/// Hashes one word a byte at a time: bytes are packed eight to a register and each full
/// register is mixed in, so the per-byte work is a shift and an or.
public struct WordHasher {
    /// An empty hasher.
    public init() {}

    private var state: UInt64 = 0
    private var packed: UInt64 = 0
    private var length: UInt64 = 0
    /// Whether a digit (normalised to `0`) was added: the word then hashes as `digitWord`.
    private var holdsDigit = false

    /// True before the first byte of a word.
    @inline(__always)
    public var isEmpty: Bool { length == 0 }

    /// Adds a byte.
    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        if byte == 0x30 { holdsDigit = true }
        packed = packed << 8 | UInt64(byte)
        length &+= 1
        if length & 7 == 0 {
            state = Self.mix(state, register: packed)
            packed = 0
        }
    }

    /// The word's hash (`digitWord` for a word holding a digit); the hasher is empty again
    /// afterwards.
    @inline(__always)
    public mutating func finish() -> UInt64 {
        let value = holdsDigit ? Self.digitWord : Self.finish(state: state, packed: packed, length: length)
        self = WordHasher()
        return value
    }

    /// The hash every word holding a digit has: that of the word `0`. A number, a version, an id
    /// or a nonce (`2024`, `gpt4`, `a3f9c1`) reads as one word, so a template that tags each
    /// prompt with a fresh id (`[ref:75f67d] Provide a comprehensive answer ...`) keeps its words.
    public static var digitWord: UInt64 { finish(state: 0, packed: 0x30, length: 1) }

    /// Whether a register of normalised bytes holds a `0` (a digit) among its nonzero bytes: the
    /// zero-byte test on the register xor `0x30` in every byte (a byte of padding, 0, becomes 0x30
    /// and never matches).
    @inline(__always)
    public static func holdsDigit(_ register: UInt64) -> Bool {
        let v = register ^ 0x3030_3030_3030_3030
        return (v &- 0x0101_0101_0101_0101) & ~v & 0x8080_8080_8080_8080 != 0
    }

    /// Mixes one full register of eight bytes into the state.
    @inline(__always)
    public static func mix(_ state: UInt64, register: UInt64) -> UInt64 {
        let mixed = (state ^ register) &* 0x9E37_79B9_7F4A_7C15
        return mixed ^ mixed >> 29
    }

    /// The hash of a word from its mixed full registers, its last partial register and its length.
    @inline(__always)
    public static func finish(state: UInt64, packed: UInt64, length: UInt64) -> UInt64 {
        ByteHash.mix(state ^ packed ^ (length &* 0xFF51_AFD7_ED55_8CCD))
    }
}
