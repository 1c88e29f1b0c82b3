#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The named columns a table understands, matched case-insensitively.
public struct TableSchema: Sendable {
    /// The known column names, lowercased; a column's slot is its index here.
    public let columns: [String]
    /// Columns that every row must carry.
    public let required: [String]
    private let lookup: [String: Int]
    /// Open-addressed table of (hash of the lowercased name, slot) for byte lookups.
    private let byteTable: [(hash: UInt64, slot: Int)]
    /// The lowercased column names as bytes.
    private let columnBytes: [[UInt8]]
    private static let tableSize = 64

    /// Creates a schema from known and required column names.
    public init(columns: [String], required: [String]) {
        self.columns = columns.map { $0.lowercased() }
        self.required = required
        var table: [String: Int] = [:]
        for (index, name) in self.columns.enumerated() { table[name] = index }
        lookup = table
        var byteTable = [(hash: UInt64, slot: Int)](repeating: (0, -1), count: Self.tableSize)
        for (index, name) in self.columns.enumerated() {
            let hash = Self.lowercaseHash(Array(name.utf8))
            var i = Int(hash % UInt64(Self.tableSize))
            while byteTable[i].slot >= 0 { i = (i + 1) % Self.tableSize }
            byteTable[i] = (hash, index)
        }
        self.byteTable = byteTable
        columnBytes = self.columns.map { Array($0.utf8) }
    }

    @inline(__always)
    static func lowercaseHash<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for var byte in bytes {
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return hash
    }

    /// The slot of a column name (case-insensitive), or nil for an extra column.
    public func slot(of name: String) -> Int? { lookup[name.lowercased()] }

    /// The slot of a column name given as bytes.
    @inline(__always)
    public func slot(of bytes: UnsafeRawBufferPointer) -> Int? {
        let hash = Self.lowercaseHash(bytes)
        var i = Int(hash % UInt64(Self.tableSize))
        while true {
            let entry = byteTable[i]
            if entry.slot < 0 { return nil }
            if entry.hash == hash && matches(columnBytes[entry.slot], bytes) { return entry.slot }
            i = (i + 1) % Self.tableSize
        }
    }

    @inline(__always)
    private func matches(_ name: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
        if name.count != bytes.count { return false }
        for i in 0..<name.count {
            var byte = bytes[i]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != name[i] { return false }
        }
        return true
    }
}

/// The fields of one record, as byte ranges into a reusable scratch buffer.
///
/// Readers fill it for each row; table loaders read the known slots and the extras. Nothing here
/// allocates per row once the scratch buffer has grown to the widest row.
public final class RecordFields {
    /// 1-based line on which the record starts.
    public var line = 0
    /// Offset of the record in the decompressed stream.
    public var offset = 0
    private var scratch: UnsafeMutableRawPointer
    private var capacity: Int
    private(set) var used = 0
    private let slotCount: Int
    private let starts: UnsafeMutablePointer<Int>
    private let lengths: UnsafeMutablePointer<Int>
    /// A slot's bytes when they live outside the scratch buffer (in the line being parsed), or nil.
    private let external: UnsafeMutablePointer<UnsafeRawPointer?>
    /// Whether each slot's value was JSON null or an empty CSV cell.
    private let isNull: UnsafeMutablePointer<Bool>
    /// The keys of the previous JSON line by position: their bytes (`keyWidth` at most), lengths
    /// (-1: none remembered) and slots (-1: an extra key).
    private let keyBytes: UnsafeMutableRawPointer
    private let keyLengths: UnsafeMutablePointer<Int>
    private let keySlots: UnsafeMutablePointer<Int>
    private static let keyPositions = 32, keyWidth = 32
    /// Extra (unknown) columns: name and value ranges.
    private(set) var extraRanges: [(nameStart: Int, nameLength: Int, valueStart: Int, valueLength: Int)] = []

    /// Creates an empty record for a schema of `slotCount` known columns.
    public init(slotCount: Int) {
        capacity = 1 << 16
        scratch = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        self.slotCount = slotCount
        starts = .allocate(capacity: max(1, slotCount))
        starts.initialize(repeating: 0, count: max(1, slotCount))
        lengths = .allocate(capacity: max(1, slotCount))
        lengths.initialize(repeating: -1, count: max(1, slotCount))
        isNull = .allocate(capacity: max(1, slotCount))
        isNull.initialize(repeating: false, count: max(1, slotCount))
        external = .allocate(capacity: max(1, slotCount))
        external.initialize(repeating: nil, count: max(1, slotCount))
        keyBytes = .allocate(byteCount: Self.keyPositions * Self.keyWidth, alignment: 8)
        keyLengths = .allocate(capacity: Self.keyPositions)
        keyLengths.initialize(repeating: -1, count: Self.keyPositions)
        keySlots = .allocate(capacity: Self.keyPositions)
        keySlots.initialize(repeating: -1, count: Self.keyPositions)
    }

    deinit {
        scratch.deallocate()
        starts.deallocate()
        lengths.deallocate()
        isNull.deallocate()
        external.deallocate()
        keyBytes.deallocate()
        keyLengths.deallocate()
        keySlots.deallocate()
    }

    /// Forgets every field.
    @inline(__always)
    public func reset() {
        used = 0
        for i in 0..<slotCount { lengths[i] = -1; external[i] = nil }
        if !extraRanges.isEmpty { extraRanges.removeAll(keepingCapacity: true) }
    }

    /// True when the slot has a value (present and not JSON null / empty CSV cell).
    @inline(__always)
    public func has(_ slot: Int) -> Bool { lengths[slot] > 0 || (lengths[slot] == 0 && !isNull[slot]) }

    /// True when the slot has a non-empty value.
    @inline(__always)
    public func hasValue(_ slot: Int) -> Bool { lengths[slot] > 0 }

    /// The bytes of a slot (empty when absent).
    @inline(__always)
    public func bytes(_ slot: Int) -> UnsafeRawBufferPointer {
        let length = lengths[slot]
        if length <= 0 { return UnsafeRawBufferPointer(start: nil, count: 0) }
        if let pointer = external[slot] { return UnsafeRawBufferPointer(start: pointer, count: length) }
        return UnsafeRawBufferPointer(start: scratch + starts[slot], count: length)
    }

    /// A slot's value as a String (lossy UTF-8), or nil when absent or empty.
    public func string(_ slot: Int) -> String? {
        let raw = bytes(slot)
        return raw.isEmpty ? nil : String(decoding: raw, as: UTF8.self)
    }

    /// The extra columns, as (name, value) byte pairs.
    public func forEachExtra(_ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void) {
        for extra in extraRanges {
            body(
                UnsafeRawBufferPointer(start: scratch + extra.nameStart, count: extra.nameLength),
                UnsafeRawBufferPointer(start: scratch + extra.valueStart, count: extra.valueLength))
        }
    }

    /// Number of extra columns.
    public var extraCount: Int { extraRanges.count }

    // MARK: Filling

    /// Starts a value in scratch; returns its start offset.
    @inline(__always)
    func beginValue() -> Int { used }

    /// Appends bytes to the value being built.
    @inline(__always)
    func append(_ source: UnsafeRawPointer, _ count: Int) {
        if used + count > capacity { grow(to: used + count) }
        (scratch + used).copyMemory(from: source, byteCount: count)
        used += count
    }

    /// Appends one byte to the value being built.
    @inline(__always)
    func append(byte: UInt8) {
        if used + 1 > capacity { grow(to: used + 1) }
        scratch.storeBytes(of: byte, toByteOffset: used, as: UInt8.self)
        used += 1
    }

    /// Bytes appended since `start`.
    @inline(__always)
    func view(from start: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: scratch + start, count: used - start)
    }

    /// Records the value started at `start` as slot `slot`.
    @inline(__always)
    func setSlot(_ slot: Int, start: Int, null: Bool = false) {
        starts[slot] = start
        lengths[slot] = used - start
        isNull[slot] = null
        external[slot] = nil
    }

    /// What the previous line's key at `position` was when it had exactly these bytes: its slot,
    /// or -1 for an extra key; nil when it had other bytes (or none was remembered).
    @inline(__always)
    func rememberedKey(at position: Int, _ name: UnsafeRawBufferPointer) -> Int? {
        guard position < Self.keyPositions, keyLengths[position] == name.count, let base = name.baseAddress else {
            return nil
        }
        let remembered = keyBytes + position * Self.keyWidth
        return StringPool.sameBytes(remembered, base, name.count) ? keySlots[position] : nil
    }

    /// Remembers the key at `position` and its slot (-1 for an extra key) for the next line.
    @inline(__always)
    func rememberKey(_ name: UnsafeRawBufferPointer, slot: Int, at position: Int) {
        guard position < Self.keyPositions else { return }
        guard name.count <= Self.keyWidth, let base = name.baseAddress else {
            keyLengths[position] = -1
            return
        }
        (keyBytes + position * Self.keyWidth).copyMemory(from: base, byteCount: name.count)
        keyLengths[position] = name.count
        keySlots[position] = slot
    }

    /// Records bytes outside the scratch buffer (valid until the next `reset`) as slot `slot`.
    @inline(__always)
    func setSlot(_ slot: Int, pointer: UnsafeRawPointer, count: Int) {
        external[slot] = pointer
        lengths[slot] = count
        isNull[slot] = false
    }

    /// Makes sure `bytes` more bytes fit in scratch without moving it.
    @inline(__always)
    func reserve(_ bytes: Int) {
        if used + bytes > capacity { grow(to: used + bytes) }
    }

    /// The address of scratch offset `offset` (stable until scratch grows).
    @inline(__always)
    func address(_ offset: Int) -> UnsafeRawPointer { UnsafeRawPointer(scratch + offset) }

    /// Records an extra column whose name and value were appended.
    @inline(__always)
    func addExtra(nameStart: Int, nameLength: Int, valueStart: Int) {
        extraRanges.append((nameStart, nameLength, valueStart, used - valueStart))
    }

    /// Drops bytes appended since `start` (an unused key, say).
    @inline(__always)
    func truncate(to start: Int) { used = start }

    private func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        bigger.copyMemory(from: scratch, byteCount: used)
        scratch.deallocate()
        scratch = bigger
        capacity = size
    }
}
