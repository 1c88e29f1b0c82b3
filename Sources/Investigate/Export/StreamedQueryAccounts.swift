/// Checks, as `queries.jsonl` streams past chunk by chunk, that every row names exactly one
/// `account_id` (a top-level member of its JSON object) and that it is a case account, and
/// totals each account's rows and token counts (`totals`, held to `accounts.csv` by
/// `BundleQueryTotalsCheck`). It holds no row: only the bytes of the `account_id`,
/// `input_tokens` and `output_tokens` values it is reading (at most `maxIDBytes`) and the
/// structure's depth, so a row with a prompt of any length costs nothing more.
struct StreamedQueryAccounts {
    /// One account's rows in the file, and the sums of their token counts as the loader reads
    /// them (`loadedTokens`: a count over `UInt32.max` as `UInt32.max`, null as 0).
    struct Totals: Equatable {
        var rows = 0
        var inputTokens: UInt64? = 0
        var outputTokens: UInt64? = 0
    }

    /// The longest `account_id` value read (in its JSON form).
    static let maxIDBytes = 1 << 20
    /// The most rows named in the problems.
    static let maxNamed = 8

    let accounts: Set<ExactText>
    /// What differs, one line each.
    private(set) var problems: [String] = []
    private(set) var rows = 0
    /// Rows and token sums by account, for the rows that name a case account.
    private(set) var totals: [ExactText: Totals] = [:]
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
    /// Which member is captured: 0 `account_id`, 1 `input_tokens`, 2 `output_tokens`.
    private var capturedMember = 0
    private var value: [UInt8] = []
    private var ids: [[UInt8]?] = []
    private var tokens: [[[UInt8]?]] = [[], []]
    /// The row's top-level member names so far (as read, `\u` escapes decoded), and the first
    /// one given twice.
    private var names: Set<[UInt8]> = []
    private var twice: [UInt8]? = nil
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
                let name = Self.decodedName(key)
                if !names.insert(name).inserted, twice == nil { twice = name }
                if let member = Self.capturedMember(key) {
                    capturing = true
                    capturedMember = member
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
        let kept = value.count <= Self.maxIDBytes ? value : nil
        if capturedMember == 0 { ids.append(kept) } else { tokens[capturedMember - 1].append(kept) }
    }

    private static let capturedKeys = ["account_id", "input_tokens", "output_tokens"]

    /// A member name as read (its `\u` escapes decoded; as written when they do not decode).
    private static func decodedName(_ key: [UInt8]) -> [UInt8] {
        guard key.contains(UInt8(ascii: "\\")), let text = try? JSONValue.parse([UInt8(ascii: "\"")] + key + [UInt8(ascii: "\"")]),
            let name = text.stringValue
        else { return key }
        return Array(name.utf8)
    }

    /// The member a key names among `capturedKeys` (written plainly or with `\u` escapes), or nil.
    private static func capturedMember(_ key: [UInt8]) -> Int? {
        if let plain = capturedKeys.firstIndex(where: { Array($0.utf8) == key }) { return plain }
        guard key.contains(UInt8(ascii: "\\")), let text = try? JSONValue.parse([UInt8(ascii: "\"")] + key + [UInt8(ascii: "\"")]),
            let name = text.stringValue
        else {
            return nil
        }
        return capturedKeys.firstIndex(of: name)
    }

    /// A token count as the loader keeps it (`QueryLoader.tokens`): a JSON string read as its
    /// text, a bare value as written, each trimmed and read by `FieldParsing.tokenCount` (`44`,
    /// `"44"`, `44.0`), clamped to `UInt32.max`; 0 for a missing member, `null`, or anything the
    /// loader would not read as a count (kept as 0 with a warning). Nil only for a member given
    /// twice (refused on its own).
    static func loadedTokens(_ values: [[UInt8]?]) -> UInt64? {
        guard let first = values.first else { return 0 }
        guard values.count == 1, let written = first else { return nil }
        var text = written
        if written.first == UInt8(ascii: "\"") {
            guard let json = try? JSONValue.parse(written), let string = json.stringValue else { return 0 }
            text = Array(string.utf8)
        }
        let span = text.span
        guard let value = FieldParsing.tokenCount(span.extracting(ByteCompare.trimmedRange(span))) else { return 0 }
        return min(value, UInt64(UInt32.max))
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
            tokens[0].removeAll(keepingCapacity: true)
            tokens[1].removeAll(keepingCapacity: true)
            names.removeAll(keepingCapacity: true)
            twice = nil
            empty = true
            malformed = false
        }
        if empty { return }
        rows += 1
        let problem: String?
        if malformed || depth != 0 || inString {
            problem = "is not one JSON object"
        } else if let twice, twice != Array("account_id".utf8) {
            problem = "gives member \(TextEscaping.visible(twice, limit: 60)) twice (readers disagree on which one holds)"
        } else if ids.count != 1 {
            problem = ids.isEmpty ? "has no account_id" : "has \(ids.count) account_id members"
        } else if let bytes = ids[0], let json = try? JSONValue.parse(bytes), let id = ExactText(json: json) {
            problem =
                accounts.contains(id) ? nil : "names account \(BundleCaseFacts.shown(id)), which is not a case account in the audit trail"
            if problem == nil {
                var sums = totals[id] ?? Totals()
                sums.rows += 1
                sums.inputTokens = sums.inputTokens.flatMap { sum in Self.loadedTokens(tokens[0]).map { sum + $0 } }
                sums.outputTokens = sums.outputTokens.flatMap { sum in Self.loadedTokens(tokens[1]).map { sum + $0 } }
                totals[id] = sums
            }
        } else {
            problem = "has an account_id that is not an id as the exporter writes it"
        }
        guard let problem else { return }
        wrong += 1
        if wrong <= Self.maxNamed { problems.append("queries.jsonl: row \(rows) \(problem)") }
    }
}
