import Synchronization

/// Interns byte strings into dense `Int32` ids.
///
/// Values from a case source repeat heavily (account ids, IPs, user agents), so every such
/// column is stored as an id into a pool. The pool keeps the raw bytes exactly as read
/// (invalid UTF-8 included) so that the renderer can show hostile bytes as escapes.
///
/// Memory: the bytes of all values back to back, one `UInt32` start per value, and, while
/// values are being added, an open-addressing table (load factor <= 0.75) whose 8-byte slots
/// hold the value's id and the high half of its hash. The slot index is taken from that same
/// half, so a probe only reads a value's bytes when the hashes agree and growing the table
/// never reads the values again.
/// The bytes and starts live in `GrowableBuffer`s (grown by half, moved rather than copied).
/// `compact()` trims them to fit and drops the slot table once a load is done; the next
/// `lookup` or `intern` rebuilds it.
public final class StringPool: @unchecked Sendable {
    @usableFromInline let storage = GrowableBuffer<UInt8>()
    /// Where each value starts in `storage`, plus one more entry: its end.
    @usableFromInline let starts = GrowableBuffer<UInt32>()
    /// `hash >> 32 << 32 | id + 1` per used slot, 0 when free; empty while `slotsReady` is
    /// false (after `compact()`).
    // `@exclusivity(unchecked)`: the slot table and mask are read and written from inlined code in other modules,
    // where the runtime's dynamic exclusivity check on a class property costs more than the
    // access (a third of a load); no access to them is ever held across a call. Bounds stay checked.
    @exclusivity(unchecked) @usableFromInline var slots: [UInt64]
    @exclusivity(unchecked) @usableFromInline var mask: Int
    /// Whether `slots` is built; read before touching `slots`, so that concurrent lookups after
    /// `compact()` rebuild it once, under `rebuildLock`.
    @usableFromInline let slotsReady = Atomic<Bool>(true)
    private let rebuildLock = Mutex<Void>(())

    /// Creates an empty pool sized for roughly `expected` distinct values.
    public init(expected: Int = 64) {
        let size = Self.tableSize(for: expected)
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        starts.append(0)
    }

    /// The number of distinct values interned.
    @inlinable public var count: Int { starts.count - 1 }

    /// Returns the id of `bytes`, adding it when new. Not safe to call concurrently with any
    /// other use of the pool.
    /// - Complexity: O(length) expected.
    @inlinable @inline(__always)
    public func intern(_ bytes: Span<UInt8>) -> Int32 { intern(bytes, hash: ByteHash.hash(bytes)) }

    /// `intern(_:)` with the value's `ByteHash.hash` already computed (see `touch(hash:)`).
    @inlinable @inline(__always)
    public func intern(_ bytes: Span<UInt8>, hash: UInt64) -> Int32 {
        ensureSlots()
        let tag = hash & Self.tagMask
        var index = Int(truncatingIfNeeded: hash >> 32) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { break }
            if slot & Self.tagMask == tag, case let id = Int32(truncatingIfNeeded: slot &- 1), equals(id, bytes) { return id }
            index = (index + 1) & mask
        }
        let id = Int32(count)
        precondition(storage.count + bytes.count <= Int(UInt32.max), "StringPool: more than 4 GiB of distinct values")
        storage.append(contentsOf: bytes)
        starts.append(UInt32(storage.count))
        slots[index] = tag | UInt64(id + 1)
        if count * 4 > slots.count * 3 { rehash(size: slots.count * 2) }
        return id
    }

    /// Interns the bytes of an array.
    @discardableResult
    public func intern(_ bytes: [UInt8]) -> Int32 { intern(bytes.span) }

    /// Adds a value the caller knows is not in the pool yet, without hashing it (for a pool whose
    /// values are told apart elsewhere); returns its id. The slot table is dropped, and the next
    /// `intern` or `lookup` rebuilds it. Not safe to call concurrently with any other use.
    public func appendDistinct(_ bytes: Span<UInt8>) -> Int32 {
        if !slots.isEmpty {
            slotsReady.store(false, ordering: .releasing)
            slots = []
            mask = 0
        }
        let id = Int32(count)
        precondition(storage.count + bytes.count <= Int(UInt32.max), "StringPool: more than 4 GiB of distinct values")
        storage.append(contentsOf: bytes)
        starts.append(UInt32(storage.count))
        return id
    }

    /// Interns a Swift string's UTF-8 bytes.
    @discardableResult
    public func intern(_ string: String) -> Int32 {
        var copy = string
        return copy.withUTF8 { intern($0.span) }
    }

    /// Returns the id of `bytes` when interned, without adding it. Safe to call from several
    /// threads at once (while nothing interns).
    @inlinable
    public func lookup(_ bytes: Span<UInt8>) -> Int32? {
        ensureSlots()
        let hash = ByteHash.hash(bytes)
        let tag = hash & Self.tagMask
        var index = Int(truncatingIfNeeded: hash >> 32) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { return nil }
            if slot & Self.tagMask == tag, case let id = Int32(truncatingIfNeeded: slot &- 1), equals(id, bytes) { return id }
            index = (index + 1) & mask
        }
    }

    /// True when a lookup answers at once: the hash table is built (after `compact()` the
    /// first lookup rebuilds it, 160 ms over a 10.02M-query source's IPs).
    public var lookupIsReady: Bool { slotsReady.load(ordering: .acquiring) }

    /// Returns the id of an array's bytes when interned.
    public func lookup(_ bytes: [UInt8]) -> Int32? { lookup(bytes.span) }

    /// Returns the id of a Swift string when interned.
    public func lookup(_ string: String) -> Int32? {
        var copy = string
        return copy.withUTF8 { lookup($0.span) }
    }

    /// The raw bytes of value `id`; an id out of range stops the program.
    public func bytes(_ id: Int32) -> [UInt8] {
        withSpan(id) { ByteCompare.array($0) }
    }

    /// The raw bytes of value `id`, or nil when there is no such value.
    public func bytesIfPresent(_ id: Int32) -> [UInt8]? {
        contains(id) ? bytes(id) : nil
    }

    /// True when `id` names a value of the pool.
    @inlinable @inline(__always)
    public func contains(_ id: Int32) -> Bool { id >= 0 && Int(id) < count }

    /// The value decoded as UTF-8 (invalid sequences become U+FFFD).
    public func string(_ id: Int32) -> String {
        withSpan(id) { span in span.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) } }
    }

    /// Reads the slot where a value of this hash is looked for first and returns it, so that
    /// several values' slots are fetched from memory together, before their `intern` or `lookup`
    /// needs them one after the other (the caller folds the results into something it keeps,
    /// or the read would be dropped). Only while the slot table is built (not after `compact()`).
    @inlinable @inline(__always)
    public func touch(hash: UInt64) -> UInt64 {
        slots.isEmpty ? 0 : slots[Int(truncatingIfNeeded: hash >> 32) & mask]
    }

    /// `touch(hash:)`, then, when that slot holds a value of this hash, that value's start and
    /// first byte: the three reads an `intern` of a value already present waits on, one after
    /// the other. Done for a batch of values before interning them, the batch's reads overlap.
    @inlinable @inline(__always)
    public func touchValue(hash: UInt64) -> UInt64 {
        let slot = touch(hash: hash)
        guard slot != 0, slot & Self.tagMask == hash & Self.tagMask else { return slot }
        return slot &+ touch(id: Int32(truncatingIfNeeded: slot &- 1))
    }

    /// The value a slot read by `touch(hash:)` names when its tag is this hash's, else -1: a
    /// batch's slots read in one sweep, their values' starts (`touchStart(id:)`) in a second and
    /// first bytes (`touchByte(at:)`) in a third, so the reads of different values overlap
    /// instead of waiting one after the other value by value.
    @inlinable @inline(__always)
    public func candidate(slot: UInt64, hash: UInt64) -> Int32 {
        slot != 0 && slot & Self.tagMask == hash & Self.tagMask ? Int32(truncatingIfNeeded: slot &- 1) : -1
    }

    /// Reads value `id`'s start (see `candidate(slot:hash:)`); -1 when there is no such value.
    @inlinable @inline(__always)
    public func touchStart(id: Int32) -> Int {
        contains(id) ? Int(starts[Int(id)]) : -1
    }

    /// Reads the stored byte at `start` (a start from `touchStart(id:)`); 0 out of range.
    @inlinable @inline(__always)
    public func touchByte(at start: Int) -> UInt64 {
        start < 0 ? 0 : UInt64(storage.value(at: start) ?? 0)
    }

    /// Reads value `id`'s start and first byte (see `touch(hash:)`); 0 when there is no such value.
    @inlinable @inline(__always)
    public func touch(id: Int32) -> UInt64 {
        guard contains(id) else { return 0 }
        let start = Int(starts[Int(id)])
        return UInt64(start) &+ UInt64(storage.value(at: start) ?? 0)
    }

    /// Where callers of `touch(hash:)` leave what they read (once per file or per loop, not per
    /// read), so that the reads are kept.
    public static let touchedSlots = Atomic<UInt64>(0)

    /// True when value `id` exists and is exactly `bytes` (a guess checked without hashing).
    @inlinable @inline(__always)
    public func hasValue(_ id: Int32, equalTo bytes: Span<UInt8>) -> Bool {
        contains(id) && equals(id, bytes)
    }

    /// The byte length of value `id`; an id out of range stops the program.
    public func length(_ id: Int32) -> Int { Int(starts[Int(id) + 1] - starts[Int(id)]) }

    /// Calls `body` with the bytes of value `id`; an id out of range stops the program.
    @inlinable @inline(__always)
    public func withSpan<R>(_ id: Int32, _ body: (Span<UInt8>) throws -> R) rethrows -> R {
        let start = Int(starts[Int(id)]), end = Int(starts[Int(id) + 1])
        return try storage.withSpan(start..<end, body)
    }

    /// Approximate heap bytes held.
    public var memoryFootprint: Int { storage.memoryFootprint + starts.memoryFootprint + slots.capacity * 8 }

    /// Sizes the table for `values` distinct values, so that adding that many does not rehash.
    public func reserve(values: Int) {
        ensureSlots()
        let size = Self.tableSize(for: values)
        if size > slots.count { rehash(size: size) }
        starts.reserve(values + 1)
    }

    /// Trims the value arrays to their size and drops the slot table (4 to 16 bytes a value);
    /// the next `lookup` or `intern` rebuilds it. Call once the pool is filled, while no other
    /// thread uses it. Ids and bytes do not change.
    /// - Complexity: O(total bytes).
    public func compact() {
        storage.trim()
        starts.trim()
        slotsReady.store(false, ordering: .releasing)
        slots = []
        mask = 0
    }

    /// Empties the pool and frees its memory (for a loading slice's pool once the merge has
    /// renumbered it). Not safe to call concurrently with any other use of the pool.
    public func removeAll() {
        storage.removeAll()
        starts.removeAll()
        starts.append(0)
        slots = Array(repeating: 0, count: Self.tableSize(for: 0))
        mask = slots.count - 1
        slotsReady.store(true, ordering: .releasing)
    }

    @inlinable @inline(__always)
    func ensureSlots() {
        if !slotsReady.load(ordering: .acquiring) { rebuildSlots() }
    }

    @usableFromInline
    func rebuildSlots() {
        rebuildLock.withLock { _ in
            guard !slotsReady.load(ordering: .acquiring) else { return }
            rehash(size: Self.tableSize(for: count))
            slotsReady.store(true, ordering: .releasing)
        }
    }

    @inlinable @inline(__always)
    func equals(_ id: Int32, _ bytes: Span<UInt8>) -> Bool {
        let start = Int(starts[Int(id)]), end = Int(starts[Int(id) + 1])
        if end - start != bytes.count { return false }
        if bytes.isEmpty { return true }
        return storage.withSpan(start..<end) { ByteCompare.same($0, bytes) }
    }

    @inlinable static var tagMask: UInt64 { 0xFFFF_FFFF_0000_0000 }

    /// Moves the slots to a table of `size` (a power of two), from their tags alone.
    @usableFromInline
    func rehash(size: Int) {
        guard !slots.isEmpty || count == 0 else { return rebuild(size: size) }
        var table = [UInt64](repeating: 0, count: size)
        let tableMask = size - 1
        for slot in slots where slot != 0 {
            var index = Int(truncatingIfNeeded: slot >> 32) & tableMask
            while table[index] != 0 { index = (index + 1) & tableMask }
            table[index] = slot
        }
        slots = table
        mask = tableMask
    }

    /// Builds the slot table at `size` (a power of two) from the stored values.
    private func rebuild(size: Int) {
        var table = [UInt64](repeating: 0, count: size)
        let tableMask = size - 1
        for id in 0..<count {
            let hash = withSpan(Int32(id)) { ByteHash.hash($0) }
            var index = Int(truncatingIfNeeded: hash >> 32) & tableMask
            while table[index] != 0 { index = (index + 1) & tableMask }
            table[index] = hash & Self.tagMask | UInt64(id + 1)
        }
        slots = table
        mask = tableMask
    }

    /// The smallest power of two (at least 16) holding `values` at a load factor <= 0.75.
    private static func tableSize(for values: Int) -> Int {
        var size = 16
        while size * 3 < values * 4 { size <<= 1 }
        return size
    }
}
