/// Small byte-level value parsers shared by the table loaders.
enum FieldParsing {
    /// A non-negative integer (digits only, at most 18 of them).
    @inline(__always)
    static func unsignedInteger(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + UInt64(byte - 0x30)
        }
        return value
    }

    /// A token count: a non-negative integer (or one written as `12.0`) of at most 18 digits.
    /// The caller clamps it to the UInt32 the table stores, and says so when it must.
    @inline(__always)
    static func tokenCount(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        if let value = unsignedInteger(bytes) { return value }
        guard let dot = bytes.firstIndex(of: 0x2E), bytes[(dot + 1)...].allSatisfy({ $0 == 0x30 }) else { return nil }
        return unsignedInteger(UnsafeRawBufferPointer(rebasing: bytes[..<dot]))
    }

    /// A weight in 0...1.
    static func weight(_ bytes: UnsafeRawBufferPointer) -> Double? {
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value >= 0, value <= 1 else { return nil }
        return value
    }

    /// A short, inert rendering of a value for messages.
    static func quote(_ bytes: UnsafeRawBufferPointer) -> String {
        "'" + TextEscaping.visible(bytes, limit: 60) + "'"
    }

    /// Interns a value with leading/trailing spaces removed; -1 when empty.
    @inline(__always)
    static func intern(_ bytes: UnsafeRawBufferPointer, in pool: StringPool) -> Int32 {
        let trimmed = trim(bytes)
        return trimmed.isEmpty ? -1 : pool.intern(trimmed)
    }

    /// Interns a value lowercased (ASCII) and trimmed; -1 when empty.
    static func internLowercased(_ bytes: UnsafeRawBufferPointer, in pool: StringPool, scratch: inout [UInt8]) -> Int32 {
        let trimmed = trim(bytes)
        if trimmed.isEmpty { return -1 }
        // Usually lowercase already: interned as it is, without a copy.
        if !trimmed.contains(where: { $0 &- 0x41 < 26 }) { return pool.intern(trimmed) }
        scratch.removeAll(keepingCapacity: true)
        for byte in trimmed { scratch.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        return scratch.withUnsafeBytes { pool.intern($0) }
    }

    /// Interns an ASN as `AS<number>` whether given as `AS16509`, `as16509` or `16509`.
    @inline(__always)
    static func internASN(_ bytes: UnsafeRawBufferPointer, in pool: StringPool, scratch: inout [UInt8]) -> Int32 {
        let trimmed = trim(bytes)
        if trimmed.isEmpty { return -1 }
        if trimmed.count > 2, trimmed[0] == 0x41, trimmed[1] == 0x53 { return pool.intern(trimmed) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(0x41)
        scratch.append(0x53)
        var start = 0
        if trimmed.count > 2, trimmed[0] | 0x20 == 0x61, trimmed[1] | 0x20 == 0x73 { start = 2 }
        for byte in trimmed[start...] { scratch.append(byte >= 0x61 && byte <= 0x7A ? byte & ~0x20 : byte) }
        return scratch.withUnsafeBytes { pool.intern($0) }
    }

    /// The bytes without leading and trailing ASCII spaces and tabs.
    @inline(__always)
    static func trim(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        if start == 0 && end == bytes.count { return bytes }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }
}
