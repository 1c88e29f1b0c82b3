import Foundation

/// Whether a source row's raw JSON text (a number, a literal or a nested value, copied as the
/// loader found it) is valid JSON, so `queries --format jsonl` and a bundle's `queries.jsonl`
/// can copy it and still write JSON. A nested value giving a member name twice is not (readers
/// disagree on which holds; `verify` refuses such a row).
/// The loader reads numbers leniently (`007`, `+5`, `1.`), which JSON does not allow; such a
/// value is printed as a string of its exact text instead.
public enum RawJSONCheck {
    /// True when `bytes` is one valid JSON value (RFC 8259), a number checked by its grammar.
    public static func isValid(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39) { return isNumber(bytes) }
        if bytes == Array("true".utf8) || bytes == Array("false".utf8) || bytes == Array("null".utf8) { return true }
        guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
        return (try? JSONValue.parse(bytes)) != nil && !containsLenientNumber(bytes)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    static func isNumber(_ b: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Int {
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            return i - start
        }
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits() == 0 {
            return false
        }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == b.count
    }

    /// True when a nested value holds a number JSON does not allow (a leading zero): some
    /// parsers accept `[007]`; the check above must not rest on theirs.
    static func containsLenientNumber(_ b: [UInt8]) -> Bool {
        var inString = false, escaped = false
        var i = 0
        while i < b.count {
            let c = b[i]
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            if c == UInt8(ascii: "\"") {
                inString = true
                i += 1
                continue
            }
            if c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39) {
                var j = i
                while j < b.count, !([UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D].contains(b[j])) { j += 1 }
                if !isNumber(Array(b[i..<j])) { return true }
                i = j
                continue
            }
            i += 1
        }
        return false
    }
}
