/// Checks, as `queries.jsonl` streams past chunk by chunk, that every row names exactly one
/// `account_id` (a top-level member of its JSON object) and that it is a case account. It holds
/// no row: only the bytes of the `account_id` value it is reading (at most `maxIDBytes`) and
/// the structure's depth, so a row with a prompt of any length costs nothing more.
struct StreamedQueryAccounts {
    /// The longest `account_id` value read (in its JSON form).
    static let maxIDBytes = 1 << 20
    /// The most rows named in the problems.
    static let maxNamed = 8

    let accounts: Set<ExactText>
    /// What differs, one line each.
    private(set) var problems: [String] = []
    private(set) var rows = 0
    private var wrong = 0

    // The row being read.
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var expectingKey = false
    private var collectingKey = false
    private var key: [UInt8] = []
    private var keyDone = false
    private var capturing = false
    private var value: [UInt8] = []
    private var ids: [[UInt8]?] = []
    private var empty = true
    private var malformed = false

    init(accounts: Set<ExactText>) { self.accounts = accounts }

    /// Adds a chunk of the file.
    mutating func add(_ chunk: some Sequence<UInt8>) {
        for byte in chunk {
            if byte == 0x0A { endRow() } else { take(byte) }
        }
    }

    /// Ends the file (a last row without a newline counts).
    mutating func finish() {
        endRow()
        if wrong > Self.maxNamed {
            problems.append("queries.jsonl: and \(wrong - Self.maxNamed) more rows that do not name a case account")
        }
    }

    private mutating func take(_ b: UInt8) {
        empty = false
        if inString {
            if capturing { keep(b) }
            if escaped {
                escaped = false
            } else if b == UInt8(ascii: "\\") {
                escaped = true
            } else if b == UInt8(ascii: "\"") {
                inString = false
                if collectingKey {
                    collectingKey = false
                    keyDone = true
                    return
                }
            }
            if collectingKey, key.count <= 256 { key.append(b) }
            return
        }
        switch b {
        case UInt8(ascii: "\""):
            inString = true
            if capturing {
                keep(b)
            } else if depth == 1 && expectingKey {
                collectingKey = true
                key.removeAll(keepingCapacity: true)
            }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if depth == 0 && b != UInt8(ascii: "{") { malformed = true }
            if capturing { keep(b) }
            depth += 1
            if depth == 1 { expectingKey = true }
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            if depth == 1 && capturing { endValue() } else if capturing { keep(b) }
            depth -= 1
            if depth < 0 { malformed = true }
        case UInt8(ascii: ","):
            if depth == 1 {
                if capturing { endValue() }
                expectingKey = true
            } else if capturing {
                keep(b)
            }
        case UInt8(ascii: ":"):
            if depth == 1 && keyDone {
                keyDone = false
                expectingKey = false
                if Self.isAccountKey(key) {
                    capturing = true
                    value.removeAll(keepingCapacity: true)
                }
            } else if capturing {
                keep(b)
            }
        case 0x20, 0x09, 0x0D: break
        default:
            if capturing { keep(b) }
            if depth == 0 { malformed = true }
        }
    }

    private mutating func keep(_ b: UInt8) {
        if value.count <= Self.maxIDBytes { value.append(b) }
    }

    private mutating func endValue() {
        capturing = false
        ids.append(value.count <= Self.maxIDBytes ? value : nil)
    }

    /// `account_id`, written plainly or with `\u` escapes.
    private static func isAccountKey(_ key: [UInt8]) -> Bool {
        if key == Array("account_id".utf8) { return true }
        guard key.contains(UInt8(ascii: "\\")), let text = try? JSONValue.parse([UInt8(ascii: "\"")] + key + [UInt8(ascii: "\"")]) else {
            return false
        }
        return text == .string("account_id")
    }

    private mutating func endRow() {
        defer {
            depth = 0
            inString = false
            escaped = false
            expectingKey = false
            collectingKey = false
            keyDone = false
            capturing = false
            ids.removeAll(keepingCapacity: true)
            empty = true
            malformed = false
        }
        if empty { return }
        rows += 1
        let problem: String?
        if malformed || depth != 0 || inString {
            problem = "is not one JSON object"
        } else if ids.count != 1 {
            problem = ids.isEmpty ? "has no account_id" : "has \(ids.count) account_id members"
        } else if let bytes = ids[0], let json = try? JSONValue.parse(bytes), let id = ExactText(json: json) {
            problem =
                accounts.contains(id) ? nil : "names account \(BundleCaseFacts.shown(id)), which is not a case account in the audit trail"
        } else {
            problem = "has an account_id that is not an id as the exporter writes it"
        }
        guard let problem else { return }
        wrong += 1
        if wrong <= Self.maxNamed { problems.append("queries.jsonl: row \(rows) \(problem)") }
    }
}
