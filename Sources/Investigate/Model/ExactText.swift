import Foundation

/// A value from a case source as the exact bytes the source held: an account id, a prompt, a
/// shared value. Accounts choose their own ids and texts, so nothing here assumes valid UTF-8.
///
/// It is stored, compared, tagged and exported as those bytes. `display` (escaped) is for
/// screens and text meant for people only; machine-readable files use `jsonValue` (a JSON
/// string when the bytes are valid UTF-8, else `{"b64": "..."}`) or `base64`.
public struct ExactText: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The bytes, exactly as read.
    public let bytes: [UInt8]

    /// The bytes of a value.
    public init(bytes: some Sequence<UInt8>) { self.bytes = Array(bytes) }

    /// The UTF-8 bytes of a Swift string (always valid UTF-8).
    public init(_ string: String) { bytes = Array(string.utf8) }

    /// The text when the bytes are valid UTF-8, else nil. Never repairs.
    public var utf8String: String? { String(validating: bytes, as: UTF8.self) }

    /// True when the bytes are valid UTF-8.
    public var isValidUTF8: Bool { utf8String != nil }

    /// The bytes made inert for a screen or a report (`\x1b`, `\u{202E}`).
    public var display: String { TextEscaping.visible(bytes) }

    /// Standard base64 of the bytes.
    public var base64: String { Data(bytes).base64EncodedString() }

    /// The value in machine-readable JSON: the string itself when valid UTF-8 (the writer
    /// `\u`-escapes what must be), else the object `{"b64": "<base64>"}`.
    public var jsonValue: JSONValue {
        if let text = utf8String { return .string(text) }
        return .object(["b64": .string(base64)])
    }

    /// Reads a value written by `jsonValue`; nil for anything else.
    public init?(json: JSONValue) {
        switch json {
        case .string(let text): self.init(text)
        case .object(let members):
            guard members.count == 1, let encoded = members["b64"]?.stringValue,
                let data = Data(base64Encoded: encoded)
            else { return nil }
            self.init(bytes: data)
        default: return nil
        }
    }

    /// Reads standard base64 (its `=` padding may be left off); nil when it is not.
    public init?(base64: String) {
        let padded = base64 + String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: padded) else { return nil }
        self.init(bytes: data)
    }

    public var description: String { display }

    /// Byte order (what SQLite's BLOB comparison and `sort` on the exported files use).
    public static func < (a: ExactText, b: ExactText) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }
}

extension ExactText: ExpressibleByStringInterpolation {
    /// The UTF-8 bytes of a literal (tests and fixed values).
    public init(stringLiteral value: String) { self.init(value) }
}
