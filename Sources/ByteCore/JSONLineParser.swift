/// Parses one JSON object per line into `RecordFields`, byte by byte.
///
/// Known keys (per `TableSchema`) fill slots; every other key is kept as an extra column whose
/// value is the decoded string, or the raw JSON text for numbers, literals, objects and arrays.
/// String escapes, `\u` sequences and surrogate pairs are decoded (a lone surrogate to its WTF-8
/// bytes); invalid bytes are kept as-is.
///
/// The line is copied once into the record's scratch buffer, so a string without escapes is a
/// range of that copy (no copy per value). Keys are matched first against the key seen at the same position on the
/// previous line (exports repeat one key order; extra keys too), then through the schema's hash
/// table.
public struct JSONLineParser {
    /// The schema whose columns fill slots.
    public let schema: TableSchema
    /// Whether unknown keys are kept as extras (tables whose rows are re-read from disk skip them).
    public let keepsExtras: Bool

    /// Creates a parser for a schema.
    public init(schema: TableSchema, keepsExtras: Bool = true) {
        self.schema = schema
        self.keepsExtras = keepsExtras
    }

    /// Parses `line` into `fields`; returns a reason when the line is not one JSON object.
    public func parse(_ line: Span<UInt8>, into fields: RecordFields) -> String? {
        fields.reset()
        guard !line.isEmpty else { return "empty line" }
        // The copy at offset 0: a value without escapes is the same range of the copy.
        fields.append(line)
        return line.withUnsafeBytes { raw in parseCopied(Cursor(raw), into: fields) }
    }

    /// Parses a line from `LineReader`. A line of `RecordFields.referencedLineBytes` or more is
    /// referenced by `fields`, not copied: call `fields.releaseLine()` when done with the record,
    /// before the reader reads on.
    public func parse(_ line: LineView, into fields: RecordFields) -> String? {
        guard line.count >= RecordFields.referencedLineBytes else { return line.withBytes { parse($0, into: fields) } }
        fields.reset()
        fields.referenceLine(line)
        return line.withBytes { bytes in bytes.withUnsafeBytes { raw in parseCopied(Cursor(raw), into: fields) } }
    }

    /// Parses the bytes of an array slice.
    public func parse(_ line: ArraySlice<UInt8>, into fields: RecordFields) -> String? { parse(line.span, into: fields) }

    /// Parses the bytes of an array.
    public func parse(_ line: [UInt8], into fields: RecordFields) -> String? { parse(line.span, into: fields) }

    /// Parses a line whose bytes `fields` holds from offset 0 and `cursor` reads.
    private func parseCopied(_ start: Cursor, into fields: RecordFields) -> String? {
        var cursor = start
        cursor.skipSpace()
        guard cursor.peek() == UInt8(ascii: "{") else {
            return cursor.atEnd ? "empty line" : "not a JSON object (starts with \(describe(cursor.peek())))"
        }
        cursor.index += 1
        cursor.skipSpace()
        if cursor.peek() == UInt8(ascii: "}") {
            cursor.index += 1
            return trailing(&cursor)
        }
        var position = 0
        while true {
            cursor.skipSpace()
            guard cursor.peek() == UInt8(ascii: "\"") else { return cursor.failure("expected a key") }
            let scratchMark = fields.used
            var error: String?
            guard let name = readString(&cursor, into: fields, error: &error) else { return error }
            // Inline (the call alone cost 3% of a load): the previous line's key at this
            // position when the bytes are the same, else a schema lookup.
            let slot: Int?
            if let remembered = fields.withRange(name, { fields.rememberedKey(at: position, $0) }) {
                slot = remembered < 0 ? nil : remembered
                if remembered == Self.extraNotUTF8 { fields.noteExtraNameNotUTF8(name) }
            } else {
                slot = lookUpKey(name, at: position, fields: fields)
            }
            position += 1
            if slot != nil { fields.truncate(to: scratchMark) }
            cursor.skipSpace()
            guard cursor.peek() == UInt8(ascii: ":") else { return cursor.failure("expected ':'") }
            cursor.index += 1
            cursor.skipSpace()
            let keep = slot != nil || keepsExtras
            var value = 0..<0
            var isNull = false, isText = false
            switch cursor.peek() {
            case UInt8(ascii: "\""):
                isText = true
                if keep {
                    guard let text = readString(&cursor, into: fields, error: &error) else { return error }
                    value = text
                } else if let error = skipString(&cursor) {
                    return error
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let from = cursor.index
                if let error = skipNested(&cursor) { return error }
                value = from..<cursor.index
            case UInt8(ascii: "n"):
                guard cursor.consume("null") else { return cursor.failure("invalid literal") }
                isNull = true
            case UInt8(ascii: "t"):
                guard cursor.consume("true") else { return cursor.failure("invalid literal") }
                value = cursor.index - 4..<cursor.index
            case UInt8(ascii: "f"):
                guard cursor.consume("false") else { return cursor.failure("invalid literal") }
                value = cursor.index - 5..<cursor.index
            case let byte where byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39):
                let from = cursor.index
                cursor.index += 1
                while !cursor.atEnd {
                    let c = cursor.peek()
                    if (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: ".") || c == UInt8(ascii: "e")
                        || c == UInt8(ascii: "E") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-")
                    {
                        cursor.index += 1
                    } else {
                        break
                    }
                }
                value = from..<cursor.index
            default:
                return cursor.atEnd ? "line ends inside an object (truncated?)" : cursor.failure("expected a value")
            }
            if let slot {
                // A known key given twice (`account_id` and `ACCOUNT_ID`, or `account\u005fid`):
                // which one is meant is not known, so the row is not guessed at.
                if fields.lengths[slot] != -1 {
                    return "duplicate key '\(schema.columns[slot])' (given twice, in any case or escaping)"
                }
                if isNull {
                    fields.setSlot(slot, range: fields.used..<fields.used, null: true)
                } else {
                    fields.setSlot(slot, range: value, text: isText)
                }
            } else if keepsExtras {
                fields.addExtra(
                    name: name, value: isNull ? name.upperBound..<name.upperBound : value,
                    kind: isNull ? .null : isText ? .text : .bare)
            }
            cursor.skipSpace()
            let next = cursor.peek()
            cursor.index += 1
            if next == UInt8(ascii: ",") { continue }
            if next == UInt8(ascii: "}") { return trailing(&cursor) }
            cursor.index -= 1
            return cursor.atEnd ? "line ends inside an object (truncated?)" : cursor.failure("expected ',' or '}'")
        }
    }

    /// The schema's slot of a key the previous line did not have at this position (nil for an
    /// extra key), remembered for the next line.
    @inline(never)
    private func lookUpKey(_ name: Range<Int>, at position: Int, fields: RecordFields) -> Int? {
        let (slot, notUTF8) = fields.withRange(name) { bytes in
            let slot = schema.slot(of: bytes)
            let notUTF8 = slot == nil && !Self.isValidUTF8(bytes)
            fields.rememberKey(bytes, slot: slot ?? (notUTF8 ? Self.extraNotUTF8 : -1), at: position)
            return (slot, notUTF8)
        }
        if notUTF8 { fields.noteExtraNameNotUTF8(name) }
        return slot
    }

    /// The remembered slot of an extra key whose name is not valid UTF-8 (-1: any other extra).
    private static let extraNotUTF8 = -2

    /// Whether the bytes are valid UTF-8 (checked once per new key, not per row).
    private static func isValidUTF8(_ bytes: Span<UInt8>) -> Bool {
        for i in 0..<bytes.count where bytes[i] >= 0x80 {
            return String(validating: ByteCompare.array(bytes), as: UTF8.self) != nil
        }
        return true
    }

    private func trailing(_ cursor: inout Cursor) -> String? {
        cursor.skipSpace()
        return cursor.atEnd ? nil : cursor.failure("unexpected text after the object")
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16)
    }

    /// Reads a JSON string at the cursor (which sits on the opening quote); returns its range in
    /// `fields`' scratch: without escapes, its range in the line (copied at offset 0); with
    /// escapes, the decoded bytes appended to scratch. Nil when the string is malformed, with the
    /// reason in `error`.
    @inline(__always)
    private func readString(_ cursor: inout Cursor, into fields: RecordFields, error: inout String?) -> Range<Int>? {
        cursor.index += 1
        let start = cursor.index
        guard let stop = cursor.firstQuoteOrBackslash(from: start) else {
            cursor.index = cursor.end
            error = "line ends inside a string (truncated?)"
            return nil
        }
        cursor.index = stop
        if cursor.byte(at: stop) == UInt8(ascii: "\"") {
            cursor.index += 1
            return start..<stop
        }
        let from = fields.used
        cursor.append(start..<stop, to: fields)
        if let failure = decodeEscapes(&cursor, into: fields) {
            error = failure
            return nil
        }
        return from..<fields.used
    }

    /// Skips a string value nobody keeps, checking it is closed.
    private func skipString(_ cursor: inout Cursor) -> String? {
        cursor.index += 1
        while let stop = cursor.firstQuoteOrBackslash(from: cursor.index) {
            if cursor.byte(at: stop) == UInt8(ascii: "\"") {
                cursor.index = stop + 1
                return nil
            }
            cursor.index = stop + 2
        }
        cursor.index = cursor.end
        return "line ends inside a string (truncated?)"
    }

    /// Decodes the rest of a string whose first backslash is at the cursor, appending to scratch;
    /// leaves the cursor past the closing quote. Returns a reason when malformed or unterminated.
    private func decodeEscapes(_ cursor: inout Cursor, into fields: RecordFields) -> String? {
        var runStart = cursor.index
        while cursor.index < cursor.end {
            guard let stop = cursor.firstQuoteOrBackslash(from: cursor.index) else { break }
            cursor.index = stop
            let byte = cursor.byte(at: stop)
            cursor.append(runStart..<stop, to: fields)
            cursor.index += 1
            if byte == UInt8(ascii: "\"") { return nil }
            guard cursor.index < cursor.end else { break }
            let escape = cursor.byte(at: cursor.index)
            cursor.index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): fields.append(byte: escape)
            case UInt8(ascii: "b"): fields.append(byte: 0x08)
            case UInt8(ascii: "f"): fields.append(byte: 0x0C)
            case UInt8(ascii: "n"): fields.append(byte: 0x0A)
            case UInt8(ascii: "r"): fields.append(byte: 0x0D)
            case UInt8(ascii: "t"): fields.append(byte: 0x09)
            case UInt8(ascii: "u"):
                guard var scalar = cursor.hex4() else { return cursor.failure("bad \\u escape") }
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate: pair it with the low surrogate that should follow.
                    let save = cursor.index
                    if cursor.consume("\\u"), let low = cursor.hex4(), low >= 0xDC00 && low < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        cursor.index = save
                    }
                }
                // A lone surrogate is kept as its own three bytes (WTF-8: `\ud800` is ED A0 80),
                // not as U+FFFD: values are bytes, and `\ud800` and `\udc00` must stay apart.
                appendUTF8(scalar, to: fields)
            default:
                return cursor.failure("bad escape in a string")
            }
            runStart = cursor.index
        }
        cursor.index = cursor.end
        return "line ends inside a string (truncated?)"
    }

    private func appendUTF8(_ scalar: UInt32, to fields: RecordFields) {
        switch scalar {
        case 0..<0x80:
            fields.append(byte: UInt8(scalar))
        case 0x80..<0x800:
            fields.append(byte: UInt8(0xC0 | (scalar >> 6)))
            fields.append(byte: UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            fields.append(byte: UInt8(0xE0 | (scalar >> 12)))
            fields.append(byte: UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            fields.append(byte: UInt8(0x80 | (scalar & 0x3F)))
        default:
            fields.append(byte: UInt8(0xF0 | (scalar >> 18)))
            fields.append(byte: UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            fields.append(byte: UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            fields.append(byte: UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Skips a nested object or array, respecting strings.
    private func skipNested(_ cursor: inout Cursor) -> String? {
        var depth = 0
        var inString = false
        while cursor.index < cursor.end {
            let byte = cursor.peek()
            cursor.index += 1
            if inString {
                if byte == UInt8(ascii: "\\") { cursor.index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth > JSONNesting.limit { return "nesting too deep" }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return nil }
            default: break
            }
        }
        return "line ends inside a nested value (truncated?)"
    }
}

/// A read position over one line's bytes, lent by `parse` for the call. Every read is checked
/// against the line's length (the checks stay in optimised builds).
struct Cursor {
    private let base: UnsafeRawPointer?
    let end: Int
    var index = 0

    init(_ line: UnsafeRawBufferPointer) {
        base = line.baseAddress
        end = line.count
    }

    var atEnd: Bool { index >= end }

    /// Byte `i` of the line; `i` out of range stops the program.
    @inline(__always)
    func byte(at i: Int) -> UInt8 {
        precondition(i >= 0 && i < end, "JSON cursor out of the line")
        return base.unsafelyUnwrapped.load(fromByteOffset: i, as: UInt8.self)
    }

    /// The byte at the cursor, or 0 at (or past) the end.
    @inline(__always)
    func peek() -> UInt8 { index >= 0 && index < end ? base.unsafelyUnwrapped.load(fromByteOffset: index, as: UInt8.self) : 0 }

    @inline(__always)
    mutating func skipSpace() {
        while index < end {
            let byte = self.byte(at: index)
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { index += 1 } else { return }
        }
    }

    /// The offset of the first `"` or `\` at or after `from`, or nil; eight bytes a step, each
    /// word read only when it lies within the line.
    @inline(__always)
    func firstQuoteOrBackslash(from: Int) -> Int? {
        precondition(from >= 0, "JSON cursor before the line")
        var index = from
        while index + 8 <= end {
            let word = base.unsafelyUnwrapped.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let hits = ByteCompare.quoteOrBackslashBits(word)
            if hits != 0 { return index + hits.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end {
            let byte = self.byte(at: index)
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return nil
    }

    /// Appends line bytes `range` to `fields`' scratch; a range outside the line stops the program.
    @inline(__always)
    func append(_ range: Range<Int>, to fields: RecordFields) {
        precondition(range.lowerBound >= 0 && range.upperBound <= end, "JSON cursor range out of the line")
        guard !range.isEmpty else { return }
        fields.append(Span<UInt8>(_unsafeStart: base.unsafelyUnwrapped.assumingMemoryBound(to: UInt8.self) + range.lowerBound, count: range.count))
    }

    mutating func consume(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= end else { return false }
        for i in 0..<count where byte(at: index + i) != literal.utf8Start[i] {
            return false
        }
        index += count
        return true
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= end else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = byte(at: index)
            let digit: UInt32
            switch c {
            case 0x30...0x39: digit = UInt32(c - 0x30)
            case 0x41...0x46: digit = UInt32(c - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    func failure(_ what: String) -> String { "\(what) at column \(index + 1)" }
}
