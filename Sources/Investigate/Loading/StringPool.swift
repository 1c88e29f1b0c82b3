#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Interns byte strings into dense `Int32` ids.
///
/// Values from a case source repeat heavily (account ids, IPs, user agents), so every such
/// column is stored as an id into a pool. The pool keeps the raw bytes exactly as read
/// (invalid UTF-8 included) so that the renderer can show hostile bytes as escapes.
public final class StringPool: @unchecked Sendable {
    private var storage: [UInt8] = []
    private var starts: [Int] = [0]
    private var slots: [Int32]
    private var mask: Int

    /// Creates an empty pool sized for roughly `expected` distinct values.
    public init(expected: Int = 64) {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    /// The number of distinct values interned.
    public var count: Int { starts.count - 1 }

    /// Returns the id of `bytes`, adding it when new.
    /// - Complexity: O(length) expected.
    @inline(__always)
    public func intern(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        let hash = ByteHash.hash(bytes)
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[index]
            if id < 0 { break }
            if equals(id, bytes) { return id }
            index = (index + 1) & mask
        }
        let id = Int32(count)
        storage.append(contentsOf: bytes)
        starts.append(storage.count)
        slots[index] = id
        if count * 2 > slots.count { grow() }
        return id
    }

    /// Interns a Swift string's UTF-8 bytes.
    @discardableResult
    public func intern(_ string: String) -> Int32 {
        var copy = string
        return copy.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// Returns the id of `bytes` when interned, without adding it.
    public func lookup(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        let hash = ByteHash.hash(bytes)
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[index]
            if id < 0 { return nil }
            if equals(id, bytes) { return id }
            index = (index + 1) & mask
        }
    }

    /// Returns the id of a Swift string when interned.
    public func lookup(_ string: String) -> Int32? {
        var copy = string
        return copy.withUTF8 { lookup(UnsafeRawBufferPointer($0)) }
    }

    /// The raw bytes of value `id`.
    public func bytes(_ id: Int32) -> ArraySlice<UInt8> {
        storage[starts[Int(id)]..<starts[Int(id) + 1]]
    }

    /// The value decoded as UTF-8 (invalid sequences become U+FFFD).
    public func string(_ id: Int32) -> String {
        let slice = bytes(id)
        return String(decoding: slice, as: UTF8.self)
    }

    /// The byte length of value `id`.
    public func length(_ id: Int32) -> Int { starts[Int(id) + 1] - starts[Int(id)] }

    /// Calls `body` with the bytes of value `id`.
    public func withBytes<R>(_ id: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let start = starts[Int(id)], end = starts[Int(id) + 1]
        return try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Approximate heap bytes held.
    public var memoryFootprint: Int { storage.capacity + starts.capacity * 8 + slots.capacity * 4 }

    @inline(__always)
    private func equals(_ id: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = starts[Int(id)], end = starts[Int(id) + 1]
        if end - start != bytes.count { return false }
        if bytes.isEmpty { return true }
        return storage.withUnsafeBytes { all in
            memcmp(all.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        storage.withUnsafeBytes { all in
            for id in 0..<count {
                let start = starts[id], end = starts[id + 1]
                let hash = ByteHash.hash(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                var index = Int(truncatingIfNeeded: hash) & mask
                while slots[index] >= 0 { index = (index + 1) & mask }
                slots[index] = Int32(id)
            }
        }
    }
}
