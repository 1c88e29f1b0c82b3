/// Hashes one word a byte at a time: bytes are packed eight to a register and each full
/// register is mixed in, so the per-byte work is a shift and an or.
public struct WordHasher {
    /// An empty hasher.
    public init() {}

    private var state: UInt64 = 0
    private var packed: UInt64 = 0
    private var length: UInt64 = 0

    /// True before the first byte of a word.
    @inline(__always)
    public var isEmpty: Bool { length == 0 }

    /// Adds a byte.
    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        packed = packed << 8 | UInt64(byte)
        length &+= 1
        if length & 7 == 0 {
            state = Self.mix(state, register: packed)
            packed = 0
        }
    }

    /// The word's hash; the hasher is empty again afterwards.
    @inline(__always)
    public mutating func finish() -> UInt64 {
        let value = Self.finish(state: state, packed: packed, length: length)
        self = WordHasher()
        return value
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
