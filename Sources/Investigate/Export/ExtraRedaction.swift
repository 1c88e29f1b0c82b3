/// Under `--redact`, the values of the source's extra fields: every key of a query row or an
/// account row that the data format does not name (`messages`, `user_email`, `billing_email`)
/// may hold anything, so none travels in clear. Each leaf, at any depth of a nested object or
/// array, becomes the keyed-hash pseudonym `extra-<20 hex>` of its text (`Redactor.pseudonym`),
/// so equal values stay joinable across rows, keys and files. Key names, at any depth (the
/// field's own name too), become `field-<20 hex>` (`extraKey`): a nested object may be keyed by
/// an email or an account. The shape of objects and arrays, `null` and the empty string (which
/// hold nothing) are kept.
extension Redactor {
    /// The pseudonym kind of every extra field's value.
    static let extraKind = "extra"
    /// The pseudonym kind of every extra field's key name.
    static let extraKeyKind = "field"

    /// An extra key name as a redacted bundle carries it: its pseudonym, "" kept.
    func extraKey(_ name: String) -> String { name.isEmpty ? "" : pseudonym(Self.extraKeyKind, name) }

    /// An extra object (its members already redacted) with each key name its pseudonym. Two
    /// names with one pseudonym (an 80-bit collision) keep the first value by name order.
    func extraKeys(_ members: [String: JSONValue]) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for key in members.keys.sorted() where out[extraKey(key)] == nil { out[extraKey(key)] = members[key]! }
        return out
    }

    /// An extra field's value as a redacted bundle carries it: `value` is the source's exact
    /// bytes, `isRaw` true when it was a bare JSON value (a number, `true`, an object) rather
    /// than a string. A bare object or array that is valid JSON keeps its shape, its leaves
    /// pseudonymised; any other value is one leaf, hashed as its exact bytes.
    func extra(_ value: ExactText, isRaw: Bool) -> JSONValue {
        if isRaw {
            if value.bytes == Array("null".utf8) { return .null }
            if let first = value.bytes.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
                RawJSONCheck.isValid(value.bytes), let parsed = try? JSONValue.parseKeepingNumberText(value.bytes)
            {
                return extra(parsed)
            }
        }
        return value.bytes.isEmpty ? .string("") : .string(pseudonym(Self.extraKind, value))
    }

    /// A parsed extra value with every leaf pseudonymised: a string by its text, a number by its
    /// text as the source wrote it (`.raw`, from `parseKeepingNumberText`: `1.50` and `1.5` are
    /// two values, as they are at the top level), `true`/`false` by their names; `null` and `""` kept.
    func extra(_ value: JSONValue) -> JSONValue {
        switch value {
        case .null: return .null
        case .object(let members): return .object(extraKeys(members.mapValues { extra($0) }))
        case .array(let items): return .array(items.map { extra($0) })
        case .string(let text): return text.isEmpty ? .string("") : .string(pseudonym(Self.extraKind, text))
        case .bool(let flag): return .string(pseudonym(Self.extraKind, flag ? "true" : "false"))
        case .int(let number): return .string(pseudonym(Self.extraKind, String(number)))
        case .number, .raw: return .string(pseudonym(Self.extraKind, leafText(value)))
        }
    }

    /// A number leaf's text: a raw value as written, a decimal (a value not read by
    /// `parseKeepingNumberText`) as the canonical writer gives it.
    private func leafText(_ value: JSONValue) -> String {
        if case .raw(let text) = value { return text }
        return value.canonical
    }
}
