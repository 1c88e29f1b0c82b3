/// The fields of one record, as byte ranges into a reusable scratch buffer.
///
/// Readers fill it for each row; table loaders read the known slots and the extras, lent as
/// `Span`s for the length of a call. A JSON line is copied into the scratch buffer first, so a
/// value without escapes is a range of that copy; decoded strings and CSV cells follow it.
/// Nothing here allocates per row once the scratch buffer has grown to the widest row. Every
/// slot and range is bounds-checked.
///
/// A line of `referencedLineBytes` or more is not copied: the record keeps a reference to it
/// (`referenceLine`), and positions below `lineBase` are the line's own bytes, positions from it
/// on are scratch's. A long prompt then sits in memory once, in the line reader's buffer. The
/// reader of such a record calls `releaseLine()` once done with it, before the line reader reads
/// on (its buffer is then reused).
public final class RecordFields {
    // `@exclusivity(unchecked)` on the stored properties below: they are read and written on every
    // field of every row from code inlined into the loaders (`withBytes`, `reset`, the JSON
    // parser), by the one thread that owns the record, and no access to them is held across a
    // call. Their dynamic exclusivity checks cost about 7% of a load's CPU (1M rows, both orders,
    // session 35); bounds checks stay on.
    /// 1-based line on which the record starts.
    @exclusivity(unchecked) public var line = 0
    /// Offset of the record in the decompressed stream.
    @exclusivity(unchecked) public var offset = 0
    /// The record's bytes: values, names and the copied line, back to back.
    @usableFromInline let scratch = GrowableBuffer<UInt8>()
    /// The line referenced instead of copied (empty unless `lineBase` > 0).
    @exclusivity(unchecked) @usableFromInline var referencedLine: LineView?
    /// Positions below it are bytes of `referencedLine`; from it on, `scratch`'s (position - `lineBase`).
    @exclusivity(unchecked) @usableFromInline var lineBase = 0
    /// Lines at least this long are referenced, not copied.
    public static let referencedLineBytes = 1 << 20
    /// The number of known columns (slots).
    public let slotCount: Int
    @usableFromInline let starts: GrowableBuffer<Int>
    /// -1 while a slot holds no value.
    @usableFromInline let lengths: GrowableBuffer<Int>
    /// Whether each slot's value was JSON null or an empty CSV cell.
    @usableFromInline let isNull: GrowableBuffer<Bool>
    /// Whether each slot's value was a JSON string (false for a number, literal, object or array,
    /// and for every CSV cell).
    @usableFromInline let isText: GrowableBuffer<Bool>
    /// The keys of the previous JSON line by position: their bytes (`keyWidth` at most), lengths
    /// (-1: none remembered) and slots (-1: an extra key).
    private let keyBytes: GrowableBuffer<UInt8>
    private let keyLengths: GrowableBuffer<Int>
    private let keySlots: GrowableBuffer<Int>
    private static let keyPositions = 32, keyWidth = 32
    /// The first extra key of the record whose name is not valid UTF-8 (JSON lines), or nil:
    /// such names read alike once repaired (`\xff` and `\xfe` both U+FFFD), which the loader says.
    @exclusivity(unchecked) public private(set) var extraNameNotUTF8: [UInt8]?
    /// Extra (unknown) columns: name and value ranges in `scratch`, and the value's kind.
    @exclusivity(unchecked) private(set) var extraRanges: [(nameStart: Int, nameLength: Int, valueStart: Int, valueLength: Int, kind: ExtraKind)] = []

    /// What an extra column's value was in its row.
    public enum ExtraKind: Sendable {
        /// A CSV cell, or a JSON string (its text unescaped).
        case text
        /// A bare JSON value (a number, `true`, `false`, an object or an array), as written.
        case bare
        /// A JSON `null` (its value is empty).
        case null
    }

    /// Creates an empty record for a schema of `slotCount` known columns.
    public init(slotCount: Int) {
        precondition(slotCount >= 0, "RecordFields: negative slot count")
        self.slotCount = slotCount
        scratch.reserve(1 << 16)
        starts = GrowableBuffer(repeating: 0, count: slotCount)
        lengths = GrowableBuffer(repeating: -1, count: slotCount)
        isNull = GrowableBuffer(repeating: false, count: slotCount)
        isText = GrowableBuffer(repeating: false, count: slotCount)
        keyBytes = GrowableBuffer(repeating: 0, count: Self.keyPositions * Self.keyWidth)
        keyLengths = GrowableBuffer(repeating: -1, count: Self.keyPositions)
        keySlots = GrowableBuffer(repeating: -1, count: Self.keyPositions)
    }

    /// Forgets every field.
    @inline(__always)
    public func reset() {
        scratch.truncate(to: 0)
        if lineBase != 0 {
            referencedLine = nil
            lineBase = 0
        }
        for i in 0..<slotCount { lengths[i] = -1 }
        if !extraRanges.isEmpty { extraRanges.removeAll(keepingCapacity: true) }
        if extraNameNotUTF8 != nil { extraNameNotUTF8 = nil }
    }

    /// Notes an extra key whose name (`name` in the record) is not valid UTF-8; the first is kept.
    func noteExtraNameNotUTF8(_ name: Range<Int>) {
        guard extraNameNotUTF8 == nil else { return }
        extraNameNotUTF8 = withRange(name) { ByteCompare.array($0) }
    }

    // MARK: Reading

    /// True when the slot has a value (present and not JSON null / empty CSV cell). A slot out of
    /// range stops the program.
    @inlinable @inline(__always)
    public func has(_ slot: Int) -> Bool { lengths[slot] > 0 || (lengths[slot] == 0 && !isNull[slot]) }

    /// True when the slot's value was written as a JSON string (`"300"`, not `300`).
    @inlinable @inline(__always)
    public func wasJSONString(_ slot: Int) -> Bool { lengths[slot] >= 0 && isText[slot] }

    /// True when the slot has a non-empty value.
    @inlinable @inline(__always)
    public func hasValue(_ slot: Int) -> Bool { lengths[slot] > 0 }

    /// Calls `body` with the bytes of a slot (empty when absent).
    @inlinable @inline(__always)
    public func withBytes<R>(_ slot: Int, _ body: (Span<UInt8>) throws -> R) rethrows -> R {
        let length = lengths[slot]
        let start = starts[slot]
        if start >= lineBase || length <= 0 {
            return try scratch.withSpan(length > 0 ? start - lineBase..<start - lineBase + length : 0..<0, body)
        }
        return try referencedLine!.withBytes { try body($0.extracting(start..<start + length)) }
    }

    /// Calls `body` with the record's bytes at `range` (of the referenced line, or of scratch).
    @inlinable @inline(__always)
    func withRange<R>(_ range: Range<Int>, _ body: (Span<UInt8>) throws -> R) rethrows -> R {
        if range.lowerBound >= lineBase || range.isEmpty {
            return try scratch.withSpan(range.isEmpty ? 0..<0 : range.lowerBound - lineBase..<range.upperBound - lineBase, body)
        }
        return try referencedLine!.withBytes { try body($0.extracting(range)) }
    }

    /// Takes `line` as the record's first bytes without copying it (see the type's notes).
    func referenceLine(_ line: LineView) {
        precondition(scratch.count == 0 && lineBase == 0, "RecordFields: a line referenced into a record not reset")
        referencedLine = line
        lineBase = line.count
    }

    /// Drops a referenced line and every field (a record read from a long line is done with).
    @inline(__always)
    public func releaseLine() {
        if lineBase != 0 { reset() }
    }

    /// Heap bytes held by the record's buffers (a referenced line is not counted: it is the reader's).
    public var memoryFootprint: Int { scratch.memoryFootprint }

    /// Calls `body` with the bytes of a slot without leading and trailing spaces and tabs.
    @inlinable @inline(__always)
    public func withTrimmedBytes<R>(_ slot: Int, _ body: (Span<UInt8>) throws -> R) rethrows -> R {
        try withBytes(slot) { bytes in try body(bytes.extracting(ByteCompare.trimmedRange(bytes))) }
    }

    /// Replaces the contents of `array` with the bytes of a slot (trimmed of spaces and tabs when
    /// `trimmed`), reusing its capacity.
    public func copyBytes(_ slot: Int, trimmed: Bool = false, into array: inout [UInt8]) {
        array.removeAll(keepingCapacity: true)
        withBytes(slot) { bytes in
            let part = bytes.extracting(trimmed ? ByteCompare.trimmedRange(bytes) : 0..<bytes.count)
            part.withUnsafeBufferPointer { array.append(contentsOf: $0) }
        }
    }

    /// The bytes of a slot (a copy; empty when absent).
    public func bytes(_ slot: Int) -> [UInt8] { withBytes(slot) { ByteCompare.array($0) } }

    /// A slot's value as a String (lossy UTF-8), or nil when absent or empty.
    public func string(_ slot: Int) -> String? {
        withBytes(slot) { bytes in
            bytes.isEmpty ? nil : bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The extra columns, as (name, value) byte pairs.
    public func forEachExtra(_ body: (Span<UInt8>, Span<UInt8>) -> Void) {
        for extra in extraRanges {
            withRange(extra.nameStart..<extra.nameStart + extra.nameLength) { name in
                withRange(extra.valueStart..<extra.valueStart + extra.valueLength) { value in body(name, value) }
            }
        }
    }

    /// The extra columns, as (name, value, kind) (see `ExtraKind`).
    public func forEachTypedExtra(_ body: (Span<UInt8>, Span<UInt8>, ExtraKind) -> Void) {
        for extra in extraRanges {
            withRange(extra.nameStart..<extra.nameStart + extra.nameLength) { name in
                withRange(extra.valueStart..<extra.valueStart + extra.valueLength) { value in body(name, value, extra.kind) }
            }
        }
    }

    /// Number of extra columns.
    public var extraCount: Int { extraRanges.count }

    // MARK: Filling

    /// Sets slot `slot` to a copy of `bytes`; `null` marks a JSON null or an empty CSV cell.
    public func setSlot(_ slot: Int, copying bytes: Span<UInt8>, null: Bool = false) {
        let start = used
        scratch.append(contentsOf: bytes)
        setSlot(slot, range: start..<used, null: null)
    }

    /// Adds an extra (unknown) column: copies of its name and value, a value of `kind`.
    public func addExtra(name: Span<UInt8>, value: Span<UInt8>, kind: ExtraKind = .text) {
        let nameStart = used
        scratch.append(contentsOf: name)
        let valueStart = used
        scratch.append(contentsOf: value)
        addExtra(name: nameStart..<valueStart, value: valueStart..<used, kind: kind)
    }

    /// The end of the bytes written so far (where the next appended byte goes).
    @inline(__always)
    var used: Int { lineBase + scratch.count }

    /// Copies `bytes` to the end of scratch; returns where they start.
    @inline(__always)
    @discardableResult
    func append(_ bytes: Span<UInt8>) -> Int {
        let start = used
        scratch.append(contentsOf: bytes)
        return start
    }

    /// Appends one byte to scratch.
    @inline(__always)
    func append(byte: UInt8) { scratch.append(byte) }

    /// Records scratch bytes `range` as slot `slot`.
    @inline(__always)
    func setSlot(_ slot: Int, range: Range<Int>, null: Bool = false, text: Bool = false) {
        precondition(
            range.lowerBound >= 0 && range.upperBound <= used && (range.lowerBound >= lineBase || range.upperBound <= lineBase),
            "RecordFields: value outside the record")
        starts[slot] = range.lowerBound
        lengths[slot] = range.count
        isNull[slot] = null
        isText[slot] = text
    }

    /// Records an extra column whose name and value are scratch bytes `name` and `value`.
    @inline(__always)
    func addExtra(name: Range<Int>, value: Range<Int>, kind: ExtraKind = .text) {
        precondition(
            name.lowerBound >= 0 && value.lowerBound >= 0 && name.upperBound <= used && value.upperBound <= used
                && (name.lowerBound >= lineBase || name.upperBound <= lineBase)
                && (value.lowerBound >= lineBase || value.upperBound <= lineBase),
            "RecordFields: extra outside the record")
        extraRanges.append((name.lowerBound, name.count, value.lowerBound, value.count, kind))
    }

    /// Drops bytes appended since `start` (an unused key, say).
    @inline(__always)
    func truncate(to start: Int) { scratch.truncate(to: start - lineBase) }

    /// What the previous line's key at `position` was when it had exactly these bytes: its slot,
    /// or -1 for an extra key; nil when it had other bytes (or none was remembered).
    @inline(__always)
    func rememberedKey(at position: Int, _ name: Span<UInt8>) -> Int? {
        guard position < Self.keyPositions, keyLengths[position] == name.count else { return nil }
        let from = position * Self.keyWidth
        return keyBytes.withSpan(from..<from + name.count) { ByteCompare.same($0, name) } ? keySlots[position] : nil
    }

    /// Remembers the key at `position` and its slot (-1 for an extra key) for the next line.
    @inline(__always)
    func rememberKey(_ name: Span<UInt8>, slot: Int, at position: Int) {
        guard position < Self.keyPositions else { return }
        guard name.count <= Self.keyWidth else {
            keyLengths[position] = -1
            return
        }
        let from = position * Self.keyWidth
        for i in 0..<name.count { keyBytes[from + i] = name[i] }
        keyLengths[position] = name.count
        keySlots[position] = slot
    }
}
