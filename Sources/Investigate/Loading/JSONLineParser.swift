/// Parses one JSON object per line into `RecordFields`, byte by byte.
///
/// Known keys (per `TableSchema`) fill slots; every other key is kept as an extra column whose
/// value is the decoded string, or the raw JSON text for numbers, literals, objects and arrays.
/// String escapes, `\u` sequences and surrogate pairs are decoded; invalid bytes are kept as-is.
///
/// A string without escapes is not copied: its slot points into the line, which stays valid
/// until the next line. Keys are matched first against the key seen at the same position on the
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
    public func parse(_ line: UnsafeRawBufferPointer, into fields: RecordFields) -> String? {
        fields.reset()
        guard let base = line.baseAddress, !line.isEmpty else { return "empty line" }
        // Decoded strings are never longer than their escaped form, and extras copy each name and
        // value once: twice the line fits everything, so scratch addresses stay put.
        fields.reserve(2 * line.count + 16)
        var cursor = Cursor(base: base, end: line.count)
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
            let scratchMark = fields.beginValue()
            var error: String?
            guard let name = readString(&cursor, into: fields, error: &error) else { return error }
            // Inline (the call alone cost 3% of a load): the previous line's key at this
            // position when the bytes are the same, else a schema lookup.
            let slot: Int?
            if let remembered = fields.rememberedKey(at: position, name) {
                slot = remembered < 0 ? nil : remembered
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
            var value = UnsafeRawBufferPointer(start: nil, count: 0)
            var isNull = false
            switch cursor.peek() {
            case UInt8(ascii: "\""):
                if keep {
                    guard let text = readString(&cursor, into: fields, error: &error) else { return error }
                    value = text
                } else if let error = skipString(&cursor) {
                    return error
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let from = cursor.index
                if let error = skipNested(&cursor) { return error }
                value = UnsafeRawBufferPointer(start: base + from, count: cursor.index - from)
            case UInt8(ascii: "n"):
                guard cursor.consume("null") else { return cursor.failure("invalid literal") }
                isNull = true
            case UInt8(ascii: "t"):
                guard cursor.consume("true") else { return cursor.failure("invalid literal") }
                value = UnsafeRawBufferPointer(start: base + cursor.index - 4, count: 4)
            case UInt8(ascii: "f"):
                guard cursor.consume("false") else { return cursor.failure("invalid literal") }
                value = UnsafeRawBufferPointer(start: base + cursor.index - 5, count: 5)
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
                value = UnsafeRawBufferPointer(start: base + from, count: cursor.index - from)
            default:
                return cursor.atEnd ? "line ends inside an object (truncated?)" : cursor.failure("expected a value")
            }
            if let slot {
                if isNull {
                    fields.setSlot(slot, start: fields.beginValue(), null: true)
                } else if let pointer = value.baseAddress {
                    fields.setSlot(slot, pointer: pointer, count: value.count)
                } else {
                    fields.setSlot(slot, start: fields.beginValue())
                }
            } else if keepsExtras {
                // Extras live in scratch as (name, value) runs.
                let nameStart = fields.beginValue()
                if let pointer = name.baseAddress { fields.append(pointer, name.count) }
                let valueStart = fields.beginValue()
                if !isNull, let pointer = value.baseAddress { fields.append(pointer, value.count) }
                fields.addExtra(nameStart: nameStart, nameLength: name.count, valueStart: valueStart)
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
    private func lookUpKey(_ name: UnsafeRawBufferPointer, at position: Int, fields: RecordFields) -> Int? {
        let slot = schema.slot(of: name)
        fields.rememberKey(name, slot: slot ?? -1, at: position)
        return slot
    }

    private func trailing(_ cursor: inout Cursor) -> String? {
        cursor.skipSpace()
        return cursor.atEnd ? nil : cursor.failure("unexpected text after the object")
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16)
    }

    /// Reads a JSON string at the cursor (which sits on the opening quote). Without escapes the
    /// result points into the line; with escapes it is decoded into `fields`' scratch. Nil when
    /// the string is malformed, with the reason in `error`.
    @inline(__always)
    private func readString(
        _ cursor: inout Cursor, into fields: RecordFields, error: inout String?
    ) -> UnsafeRawBufferPointer? {
        cursor.index += 1
        let start = cursor.index
        guard let stop = Self.findQuoteOrBackslash(cursor.base, from: start, end: cursor.end) else {
            cursor.index = cursor.end
            error = "line ends inside a string (truncated?)"
            return nil
        }
        cursor.index = stop
        if cursor.base.load(fromByteOffset: stop, as: UInt8.self) == UInt8(ascii: "\"") {
            cursor.index += 1
            return UnsafeRawBufferPointer(start: cursor.base + start, count: stop - start)
        }
        let from = fields.beginValue()
        fields.append(cursor.base + start, stop - start)
        if let failure = decodeEscapes(&cursor, into: fields) {
            error = failure
            return nil
        }
        return UnsafeRawBufferPointer(start: fields.address(from), count: fields.used - from)
    }

    /// Skips a string value nobody keeps, checking it is closed.
    private func skipString(_ cursor: inout Cursor) -> String? {
        cursor.index += 1
        while let stop = Self.findQuoteOrBackslash(cursor.base, from: cursor.index, end: cursor.end) {
            if cursor.base.load(fromByteOffset: stop, as: UInt8.self) == UInt8(ascii: "\"") {
                cursor.index = stop + 1
                return nil
            }
            cursor.index = stop + 2
        }
        cursor.index = cursor.end
        return "line ends inside a string (truncated?)"
    }

    /// The offset of the first `"` or `\` at or after `from`, or nil.
    @inline(__always)
    static func findQuoteOrBackslash(_ base: UnsafeRawPointer, from: Int, end: Int) -> Int? {
        var index = from
        while index + 8 <= end {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let hits = quoteOrBackslashBits(word)
            if hits != 0 { return index + hits.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return nil
    }

    /// Decodes the rest of a string whose first backslash is at the cursor, appending to scratch;
    /// leaves the cursor past the closing quote. Returns a reason when malformed or unterminated.
    private func decodeEscapes(_ cursor: inout Cursor, into fields: RecordFields) -> String? {
        let base = cursor.base
        var runStart = cursor.index
        while cursor.index < cursor.end {
            guard let stop = Self.findQuoteOrBackslash(base, from: cursor.index, end: cursor.end) else { break }
            cursor.index = stop
            let byte = base.load(fromByteOffset: stop, as: UInt8.self)
            fields.append(base + runStart, stop - runStart)
            cursor.index += 1
            if byte == UInt8(ascii: "\"") { return nil }
            guard cursor.index < cursor.end else { break }
            let escape = base.load(fromByteOffset: cursor.index, as: UInt8.self)
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
                        scalar = 0xFFFD
                    }
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    scalar = 0xFFFD
                }
                appendUTF8(scalar, to: fields)
            default:
                return cursor.failure("bad escape in a string")
            }
            runStart = cursor.index
        }
        cursor.index = cursor.end
        return "line ends inside a string (truncated?)"
    }

    /// High bit set in each byte of `word` that is `"` or `\` (exact for the lowest such byte;
    /// bytes above it may be false positives, which callers never look at).
    @inline(__always)
    static func quoteOrBackslashBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), slash = word ^ (ones &* 0x5C)
        return ((quote &- ones) & ~quote & highs) | ((slash &- ones) & ~slash & highs)
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
                if depth > 512 { return "nesting too deep" }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return nil }
            default: break
            }
        }
        return "line ends inside a nested value (truncated?)"
    }
}

/// A read position over one line's bytes.
struct Cursor {
    let base: UnsafeRawPointer
    let end: Int
    var index = 0

    init(base: UnsafeRawPointer, end: Int) {
        self.base = base
        self.end = end
    }

    var atEnd: Bool { index >= end }

    @inline(__always)
    func peek() -> UInt8 { index < end ? base.load(fromByteOffset: index, as: UInt8.self) : 0 }

    @inline(__always)
    mutating func skipSpace() {
        while index < end {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { index += 1 } else { return }
        }
    }

    mutating func consume(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= end else { return false }
        for i in 0..<count where base.load(fromByteOffset: index + i, as: UInt8.self) != literal.utf8Start[i] {
            return false
        }
        index += count
        return true
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= end else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = base.load(fromByteOffset: index, as: UInt8.self)
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
