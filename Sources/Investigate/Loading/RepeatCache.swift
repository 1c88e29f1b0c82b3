/// Remembers the last values a column held and the ids they were interned to, so a run of rows
/// that repeat a value (an account's rows usually sit together in an export) skips the hash
/// lookup. With more than one entry, values are placed by their length and end bytes: a column
/// with a handful of distinct values (models, categories) then finds each without hashing.
///
/// Values longer than `width` bytes are not remembered.
final class RepeatCache {
    private let storage: UnsafeMutableRawPointer
    private let width = 256
    private let entries: Int
    private let lengths: UnsafeMutablePointer<Int>
    private let ids: UnsafeMutablePointer<Int32>

    /// A cache of `entries` values (a power of two; 1 remembers the last value only).
    init(entries: Int = 1) {
        precondition(entries > 0 && entries & (entries - 1) == 0, "RepeatCache: entries must be a power of two")
        self.entries = entries
        storage = UnsafeMutableRawPointer.allocate(byteCount: width * entries, alignment: 8)
        lengths = .allocate(capacity: entries)
        lengths.initialize(repeating: -1, count: entries)
        ids = .allocate(capacity: entries)
        ids.initialize(repeating: 0, count: entries)
    }

    deinit {
        storage.deallocate()
        lengths.deallocate()
        ids.deallocate()
    }

    /// The entry a value of these bytes would occupy.
    @inline(__always)
    private func entry(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard entries > 1, let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        let first = Int(base.load(as: UInt8.self)), last = Int(base.load(fromByteOffset: bytes.count - 1, as: UInt8.self))
        return (bytes.count &* 31 &+ first &* 7 &+ last) & (entries - 1)
    }

    /// The id remembered for exactly these bytes, or nil.
    @inline(__always)
    func id(for bytes: UnsafeRawBufferPointer) -> Int32? {
        let slot = entry(bytes)
        guard bytes.count == lengths[slot] else { return nil }
        guard let base = bytes.baseAddress else { return ids[slot] }
        return StringPool.sameBytes(base, storage + slot * width, bytes.count) ? ids[slot] : nil
    }

    /// Remembers `bytes` -> `id`.
    @inline(__always)
    func remember(_ bytes: UnsafeRawBufferPointer, as id: Int32) {
        let slot = entry(bytes)
        guard bytes.count <= width else {
            lengths[slot] = -1
            return
        }
        if let base = bytes.baseAddress { (storage + slot * width).copyMemory(from: base, byteCount: bytes.count) }
        lengths[slot] = bytes.count
        ids[slot] = id
    }

    /// The cached id of `bytes`, or `intern(bytes)` remembered for next time.
    @inline(__always)
    func id(for bytes: UnsafeRawBufferPointer, orIntern intern: (UnsafeRawBufferPointer) -> Int32) -> Int32 {
        if let known = id(for: bytes) { return known }
        let fresh = intern(bytes)
        remember(bytes, as: fresh)
        return fresh
    }
}
