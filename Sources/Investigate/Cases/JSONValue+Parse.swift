import ByteCore

/// A strict reader for `JSONValue`, the inverse of the canonical writer: parsing canonical text
/// and writing it again gives the same bytes (the audit chain and `verify` rely on it).
public struct JSONParseError: Error, CustomStringConvertible, Sendable {
    /// Byte offset where reading stopped.
    public var offset: Int
    /// What was expected.
    public var reason: String
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

extension JSONValue {
    /// Parses one JSON document.
    /// - Throws: `JSONParseError`.
    public static func parse(_ text: String) throws -> JSONValue { try parse(Array(text.utf8)) }

    /// Parses one JSON document from UTF-8 bytes.
    /// - Throws: `JSONParseError`.
    public static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.index == bytes.count else { throw reader.error("trailing bytes") }
        return value
    }

    /// Parses one JSON document keeping each number's text as written (`.raw`: `1.50` stays
    /// `1.50`, not the decimal 1.5), for values that are bytes (`Redactor.extra`). Writing the
    /// result gives the numbers back as the document spelled them.
    /// - Throws: `JSONParseError`.
    static func parseKeepingNumberText(_ bytes: [UInt8]) throws -> JSONValue {
        var reader = JSONReader(bytes: bytes)
        reader.keepsNumberText = true
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.index == bytes.count else { throw reader.error("trailing bytes") }
        return value
    }
}

/// The cursor behind `JSONValue.parse`.
struct JSONReader {
    let bytes: [UInt8]
    var index = 0
    /// Numbers read as their text (`.raw`), not as `.int`/`.number` (`parseKeepingNumberText`).
    var keepsNumberText = false

    init(bytes: [UInt8]) { self.bytes = bytes }

    func error(_ reason: String) -> JSONParseError { JSONParseError(offset: index, reason: reason) }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func expect(_ literal: String) throws {
        let lit = Array(literal.utf8)
        guard index + lit.count <= bytes.count, Array(bytes[index..<index + lit.count]) == lit else {
            throw error("expected \(literal)")
        }
        index += lit.count
    }

    /// The value at the cursor, inside `depth` objects and arrays; an object or array nested
    /// deeper than `JSONNesting.limit` (the loader's limit) is refused.
    mutating func value(depth: Int) throws -> JSONValue {
        skipSpace()
        guard index < bytes.count else { throw error("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            guard depth < JSONNesting.limit else { throw error("nesting too deep") }
            index += 1
            var members: [String: JSONValue] = [:]
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipSpace()
                let key = try string()
                skipSpace()
                try expect(":")
                // A name given twice is read differently by different readers (the first or
                // the last wins): a document that holds one is refused, never half-read.
                guard members[key] == nil else { throw error("a member name given twice in one object") }
                members[key] = try value(depth: depth + 1)
                skipSpace()
                guard index < bytes.count else { throw error("unterminated object") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                try expect("}")
                return .object(members)
            }
        case UInt8(ascii: "["):
            guard depth < JSONNesting.limit else { throw error("nesting too deep") }
            index += 1
            var items: [JSONValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw error("unterminated array") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                try expect("]")
                return .array(items)
            }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        default: return try number()
        }
    }

    mutating func number() throws -> JSONValue {
        let start = index
        var isDecimal = false
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { isDecimal = true }
            guard
                (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+")
                    || isDecimal
                        && (b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E"))
            else { break }
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if !isDecimal, let i = Int64(text) { return keepsNumberText ? .raw(text) : .int(i) }
        guard let d = Double(text) else { index = start; throw error("expected a value") }
        return keepsNumberText ? .raw(text) : .number(d)
    }

    mutating func string() throws -> String {
        try expect("\"")
        var units: [UInt16] = []
        var raw: [UInt8] = []
        func flushRaw() {
            units.append(contentsOf: String(decoding: raw, as: UTF8.self).utf16)
            raw.removeAll()
        }
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let b = bytes[index]
            index += 1
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { throw error("raw control byte in string") }
            if b != UInt8(ascii: "\\") { raw.append(b); continue }
            flushRaw()
            guard index < bytes.count else { throw error("unterminated escape") }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): units.append(0x22)
            case UInt8(ascii: "\\"): units.append(0x5C)
            case UInt8(ascii: "/"): units.append(0x2F)
            case UInt8(ascii: "b"): units.append(0x08)
            case UInt8(ascii: "f"): units.append(0x0C)
            case UInt8(ascii: "n"): units.append(0x0A)
            case UInt8(ascii: "r"): units.append(0x0D)
            case UInt8(ascii: "t"): units.append(0x09)
            case UInt8(ascii: "u"):
                guard index + 4 <= bytes.count,
                    let unit = UInt16(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                else { throw error("bad \\u escape") }
                units.append(unit)
                index += 4
            default: throw error("bad escape")
            }
        }
        flushRaw()
        return String(decoding: units, as: UTF16.self)
    }
}
