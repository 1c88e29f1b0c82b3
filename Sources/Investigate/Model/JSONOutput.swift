/// Writes JSON text by hand: sorted, deterministic, and inert. Control characters, bidi and
/// format characters are `\u` escaped and invalid UTF-8 becomes U+FFFD, so JSON printed to a
/// terminal cannot carry an escape sequence.
public enum JSONText {
    /// A JSON string literal for `bytes`.
    public static func string(_ bytes: some Collection<UInt8>) -> String {
        let data = Array(bytes)
        var out = "\""
        var i = 0
        while i < data.count {
            guard let (scalar, length) = TextEscaping.decodeScalar(data, at: i) else {
                out += "\\ufffd"
                i += 1
                continue
            }
            i += length
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if TextEscaping.isUnsafe(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A JSON string literal for a Swift string.
    public static func string(_ text: String) -> String { string(Array(text.utf8)) }

    /// A JSON number for a double (integers without a fraction; non-finite as null).
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        let rounded = (value * 1_000_000).rounded() / 1_000_000
        return String(rounded)
    }
}

/// A JSON value built in code and printed deterministically (object keys sorted).
public indirect enum JSONOut: Sendable, Equatable {
    /// A string.
    case string(String)
    /// A number.
    case number(Double)
    /// An integer.
    case int(Int)
    /// true / false.
    case bool(Bool)
    /// null.
    case null
    /// An array.
    case array([JSONOut])
    /// An object.
    case object([String: JSONOut])
    /// Text that is already JSON (a number or nested value from a source row).
    case raw(String)

    /// Compact JSON text.
    public var text: String {
        switch self {
        case .string(let s): return JSONText.string(s)
        case .number(let d): return JSONText.number(d)
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .raw(let r): return r
        case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let fields):
            return "{" + fields.keys.sorted().map { JSONText.string($0) + ":" + fields[$0]!.text }.joined(separator: ",") + "}"
        }
    }

    /// Indented JSON text (two spaces).
    public func pretty(_ indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .array(let items) where !items.isEmpty:
            return "[\n" + items.map { inner + $0.pretty(inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let fields) where !fields.isEmpty:
            return "{\n"
                + fields.keys.sorted().map { inner + JSONText.string($0) + ": " + fields[$0]!.pretty(inner) }
                .joined(separator: ",\n") + "\n" + indent + "}"
        default:
            return text
        }
    }
}

extension JSONOut {
    /// A source value exactly: a JSON string when its bytes are valid UTF-8, else `{"b64": "..."}`.
    public static func exact(_ value: ExactText) -> JSONOut {
        if let text = value.utf8String { return .string(text) }
        return .object(["b64": .string(value.base64)])
    }
}
