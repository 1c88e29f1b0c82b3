/// Remembers the last values a column held and the ids they were interned to, so a run of rows
/// that repeat a value (an account's rows usually sit together in an export) skips the hash
/// lookup. With more than one entry, values are placed by their length and end bytes: a column
/// with a handful of distinct values (models, categories) then finds each without hashing.
///
/// Values longer than `width` bytes are not remembered.
final class RepeatCache {
    private let width = 256
    private let entries: Int
    /// Each entry's bytes (`width` per entry), length (-1: none) and id.
    private let storage: GrowableBuffer<UInt8>
    private let lengths: GrowableBuffer<Int>
    private let ids: GrowableBuffer<Int32>

    /// A cache of `entries` values (a power of two; 1 remembers the last value only).
    init(entries: Int = 1) {
        precondition(entries > 0 && entries & (entries - 1) == 0, "RepeatCache: entries must be a power of two")
        self.entries = entries
        storage = GrowableBuffer(repeating: 0, count: width * entries)
        lengths = GrowableBuffer(repeating: -1, count: entries)
        ids = GrowableBuffer(repeating: 0, count: entries)
    }

    /// The entry a value of these bytes would occupy.
    @inline(__always)
    private func entry(_ bytes: Span<UInt8>) -> Int {
        guard entries > 1, bytes.count > 0 else { return 0 }
        let first = Int(bytes[0]), last = Int(bytes[bytes.count - 1])
        return (bytes.count &* 31 &+ first &* 7 &+ last) & (entries - 1)
    }

    /// The id remembered for exactly these bytes, or nil.
    @inline(__always)
    func id(for bytes: Span<UInt8>) -> Int32? {
        let slot = entry(bytes)
        guard bytes.count == lengths[slot] else { return nil }
        let from = slot * width
        return storage.withSpan(from..<from + bytes.count) { ByteCompare.same($0, bytes) } ? ids[slot] : nil
    }

    /// Remembers `bytes` -> `id`.
    @inline(__always)
    func remember(_ bytes: Span<UInt8>, as id: Int32) {
        let slot = entry(bytes)
        guard bytes.count <= width else {
            lengths[slot] = -1
            return
        }
        let from = slot * width
        for i in 0..<bytes.count { storage[from + i] = bytes[i] }
        lengths[slot] = bytes.count
        ids[slot] = id
    }

    /// The cached id of `bytes`, or `intern(bytes)` remembered for next time.
    @inline(__always)
    func id(for bytes: Span<UInt8>, orIntern intern: (Span<UInt8>) -> Int32) -> Int32 {
        if let known = id(for: bytes) { return known }
        let fresh = intern(bytes)
        remember(bytes, as: fresh)
        return fresh
    }
}
