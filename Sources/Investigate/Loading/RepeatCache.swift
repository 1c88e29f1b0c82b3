/// Remembers the last value a column held and the id it was interned to, so a run of rows that
/// repeat a value (an account's rows usually sit together in an export) skips the hash lookup.
///
/// Values longer than `capacity` bytes are not remembered.
final class RepeatCache {
    private let storage: UnsafeMutableRawPointer
    private let capacity = 256
    private var length = -1
    private var id: Int32 = 0

    init() { storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8) }

    deinit { storage.deallocate() }

    /// The id remembered for exactly these bytes, or nil.
    @inline(__always)
    func id(for bytes: UnsafeRawBufferPointer) -> Int32? {
        guard bytes.count == length else { return nil }
        guard let base = bytes.baseAddress else { return id }
        return StringPool.sameBytes(base, storage, length) ? id : nil
    }

    /// Remembers `bytes` -> `id`.
    @inline(__always)
    func remember(_ bytes: UnsafeRawBufferPointer, as id: Int32) {
        guard bytes.count <= capacity else {
            length = -1
            return
        }
        if let base = bytes.baseAddress { storage.copyMemory(from: base, byteCount: bytes.count) }
        length = bytes.count
        self.id = id
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
