/// Parses one JSON object per line into `RecordFields`, byte by byte.
///
/// Known keys (per `TableSchema`) fill slots; every other key is kept as an extra column whose
/// value is the decoded string, or the raw JSON text for numbers, literals, objects and arrays.
/// String escapes, `\u` sequences and surrogate pairs are decoded; invalid bytes are kept as-is.
public struct JSONLineParser {
    /// The schema whose columns fill slots.
    public let schema: TableSchema

    /// Creates a parser for a schema.
    public init(schema: TableSchema) { self.schema = schema }

    /// Parses `line` into `fields`; returns a reason when the line is not one JSON object.
    public func parse(_ line: UnsafeRawBufferPointer, into fields: RecordFields) -> String? {
        fields.reset()
        guard let base = line.baseAddress, !line.isEmpty else { return "empty line" }
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
        while true {
            cursor.skipSpace()
            guard cursor.peek() == UInt8(ascii: "\"") else { return cursor.failure("expected a key") }
            let nameStart = fields.beginValue()
            if let error = decodeString(&cursor, into: fields) { return error }
            let nameLength = fields.used - nameStart
            let slot = schema.slot(of: fields.view(from: nameStart))
            if slot != nil { fields.truncate(to: nameStart) }
            cursor.skipSpace()
            guard cursor.peek() == UInt8(ascii: ":") else { return cursor.failure("expected ':'") }
            cursor.index += 1
            cursor.skipSpace()
            let valueStart = fields.beginValue()
            var isNull = false
            switch cursor.peek() {
            case UInt8(ascii: "\""):
                if let error = decodeString(&cursor, into: fields) { return error }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let from = cursor.index
                if let error = skipNested(&cursor) { return error }
                fields.append(base + from, cursor.index - from)
            case UInt8(ascii: "n"):
                guard cursor.consume("null") else { return cursor.failure("invalid literal") }
                isNull = true
            case UInt8(ascii: "t"):
                guard cursor.consume("true") else { return cursor.failure("invalid literal") }
                fields.append(base + cursor.index - 4, 4)
            case UInt8(ascii: "f"):
                guard cursor.consume("false") else { return cursor.failure("invalid literal") }
                fields.append(base + cursor.index - 5, 5)
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
                fields.append(base + from, cursor.index - from)
            default:
                return cursor.atEnd ? "line ends inside an object (truncated?)" : cursor.failure("expected a value")
            }
            if let slot {
                fields.setSlot(slot, start: valueStart, null: isNull)
            } else {
                fields.addExtra(nameStart: nameStart, nameLength: nameLength, valueStart: valueStart)
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

    private func trailing(_ cursor: inout Cursor) -> String? {
        cursor.skipSpace()
        return cursor.atEnd ? nil : cursor.failure("unexpected text after the object")
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16)
    }

    /// Decodes a JSON string at the cursor (which sits on the opening quote) into `fields`.
    private func decodeString(_ cursor: inout Cursor, into fields: RecordFields) -> String? {
        cursor.index += 1
        var runStart = cursor.index
        let base = cursor.base
        while cursor.index < cursor.end {
            // Skip eight plain bytes at a time (no quote, no backslash among them).
            while cursor.index + 8 <= cursor.end {
                let word = base.loadUnaligned(fromByteOffset: cursor.index, as: UInt64.self)
                if Self.hasQuoteOrBackslash(word) { break }
                cursor.index += 8
            }
            guard cursor.index < cursor.end else { break }
            let byte = base.load(fromByteOffset: cursor.index, as: UInt8.self)
            if byte == UInt8(ascii: "\"") {
                fields.append(base + runStart, cursor.index - runStart)
                cursor.index += 1
                return nil
            }
            if byte != UInt8(ascii: "\\") {
                cursor.index += 1
                continue
            }
            fields.append(base + runStart, cursor.index - runStart)
            cursor.index += 1
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
        return "line ends inside a string (truncated?)"
    }

    @inline(__always)
    private static func hasQuoteOrBackslash(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22), slash = word ^ (ones &* 0x5C)
        return ((quote &- ones) & ~quote & highs) | ((slash &- ones) & ~slash & highs) != 0
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
