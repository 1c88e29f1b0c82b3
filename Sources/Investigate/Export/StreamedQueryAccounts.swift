/// Checks, as `queries.jsonl` streams past chunk by chunk, that every row is one JSON object
/// that names exactly one `account_id` (a top-level member) and that it is a case account,
/// that no object in it, nested ones (`extra`) too, gives a member name twice, and that its
/// `ts_utc` is the instant its `ts` reads as (`BundleRowTime`); and totals each account's rows
/// and token counts (`totals`, held to `accounts.csv` by `BundleQueryTotalsCheck`). It holds no
/// row: only the bytes of the `account_id`, `input_tokens`, `output_tokens`, `ts` and `ts_utc`
/// values it is reading, and the member names of the objects open (at most `maxIDBytes` each,
/// hashed past it), so a row with a prompt of any length costs nothing more. A captured value is
/// kept up to `maxValueBytes`, the file's size in the signed manifest: the loader trims a `ts`
/// padded with a megabyte of spaces and keeps the row, the exporter writes the value exactly, and
/// a fixed 1 MiB made such an honest bundle fail (`has a ts too long to be a time`, session 35).
struct StreamedQueryAccounts {
    /// One account's rows in the file, and the sums of their token counts as the loader reads
    /// them (`loadedTokens`: a count over `UInt32.max` as `UInt32.max`, null as 0).
    struct Totals: Equatable {
        var rows = 0
        var inputTokens: UInt64? = 0
        var outputTokens: UInt64? = 0
    }

    /// The longest member name kept whole (past it, hashed), and the default `maxValueBytes`.
    static let maxIDBytes = 1 << 20
    /// The most rows named in the problems.
    static let maxNamed = 8

    let accounts: Set<ExactText>
    /// Whether each row's `extra` object must hold only pseudonyms (`ExtraPseudonymCheck`): the
    /// manifest lists `extra` among its redacted fields. Only then is `extra` captured.
    let checksExtraPseudonyms: Bool
    /// Whether the `extra` object's key names must be pseudonyms too (`extra_key` listed).
    let checksExtraKeys: Bool
    /// The longest captured value kept (longer ones are refused as not the exporter's).
    let maxValueBytes: Int
    /// What differs, one line each.
    private(set) var problems: [String] = []
    private(set) var rows = 0
    /// Rows and token sums by account, for the rows that name a case account.
    private(set) var totals: [ExactText: Totals] = [:]
    private var wrong = 0

    // The row being read.
    /// The open containers, innermost last: an object's member names so far (as read, `\u`
    /// escapes decoded), nil for an array.
    private var frames: [Set<[UInt8]>?] = []
    private var inString = false
    private var escaped = false
    private var expectingKey = false
    private var collectingKey = false
    private var key: [UInt8] = []
    /// A member name's bytes past `maxIDBytes`, hashed (`keyHasher`) instead of kept.
    private var keyOverflow = false
    private var keyHasher = Hasher()
    private var keyDone = false
    /// The top-level member being read (its name as read), for naming a nested problem.
    private var topMember: [UInt8] = []
    private var capturing = false
    /// Which member is captured, an index into `capturedKeys`.
    private var capturedMember = 0
    private var value: [UInt8] = []
    /// Each captured member's values in this row (nil for one past `maxValueBytes`), by
    /// `capturedKeys` index.
    private var captured: [[[UInt8]?]] = Array(repeating: [], count: capturedKeys.count)
    /// The first member name given twice in one object, and the top-level member it is inside
    /// (nil at the top level).
    private var twice: (name: [UInt8], inside: [UInt8]?)? = nil
    /// Whether the row's object has closed (anything after it but spaces is malformed).
    private var closed = false
    private var empty = true
    private var malformed = false

    init(accounts: Set<ExactText>, maxValueBytes: Int = maxIDBytes, checksExtraPseudonyms: Bool = false, checksExtraKeys: Bool = false) {
        self.checksExtraKeys = checksExtraKeys
        self.accounts = accounts
        self.maxValueBytes = maxValueBytes
        self.checksExtraPseudonyms = checksExtraPseudonyms
    }

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
            problems.append("queries.jsonl: and \(wrong - Self.maxNamed) more rows that fail these checks")
        }
    }

    private mutating func take(_ b: UInt8) {
        empty = false
        let depth = frames.count
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
            if collectingKey { keepKey(b) }
            return
        }
        switch b {
        case UInt8(ascii: "\""):
            inString = true
            if depth == 0 { malformed = true }
            if capturing { keep(b) }
            if expectingKey, depth > 0, frames[depth - 1] != nil {
                collectingKey = true
                key.removeAll(keepingCapacity: true)
                keyOverflow = false
                keyHasher = Hasher()
            }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if depth == 0 && (b != UInt8(ascii: "{") || closed) { malformed = true }
            if capturing { keep(b) }
            let isObject = b == UInt8(ascii: "{")
            frames.append(isObject ? [] : nil)
            expectingKey = isObject
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            if depth == 1 && capturing { endValue() } else if capturing { keep(b) }
            if depth == 0 { malformed = true } else { frames.removeLast() }
            if depth == 1 { closed = true }
            expectingKey = false
        case UInt8(ascii: ","):
            if depth == 0 { malformed = true }
            if depth == 1 && capturing { endValue() } else if capturing { keep(b) }
            expectingKey = depth > 0 && frames[depth - 1] != nil
        case UInt8(ascii: ":"):
            if capturing { keep(b) }
            if keyDone, depth > 0, frames[depth - 1] != nil {
                keyDone = false
                expectingKey = false
                nameRead(depth: depth)
            } else if depth == 0 {
                malformed = true
            }
        case 0x20, 0x09, 0x0D: break
        default:
            if capturing { keep(b) }
            if depth == 0 { malformed = true }
        }
    }

    /// A member name read in full, in the object `frames[depth - 1]`.
    private mutating func nameRead(depth: Int) {
        var name = keyOverflow ? key : Self.decodedName(key)
        if keyOverflow {
            // Past `maxIDBytes`: the kept bytes, then a marker no decoded name holds, then the
            // hash of the rest.
            name.append(0xFF)
            let hash = UInt64(bitPattern: Int64(keyHasher.finalize()))
            for shift in stride(from: 0, to: 64, by: 8) { name.append(UInt8(truncatingIfNeeded: hash >> UInt64(shift))) }
        }
        if frames[depth - 1]?.insert(name).inserted == false, twice == nil {
            twice = (name, depth == 1 ? nil : topMember)
        }
        guard depth == 1 else { return }
        topMember = name
        if !keyOverflow, let member = Self.capturedMember(key), member != Self.extraMember || checksExtraPseudonyms {
            capturing = true
            capturedMember = member
            value.removeAll(keepingCapacity: true)
        }
    }

    private mutating func keepKey(_ b: UInt8) {
        if key.count < Self.maxIDBytes {
            key.append(b)
        } else {
            keyOverflow = true
            keyHasher.combine(b)
        }
    }

    private mutating func keep(_ b: UInt8) {
        if value.count <= maxValueBytes { value.append(b) }
    }

    private mutating func endValue() {
        capturing = false
        captured[capturedMember].append(value.count <= maxValueBytes ? value : nil)
    }

    /// The top-level members read: `account_id`, `input_tokens`, `output_tokens`, `ts`, `ts_utc`,
    /// and `extra` when `checksExtraPseudonyms`.
    private static let capturedKeys = ["account_id", "input_tokens", "output_tokens", "ts", "ts_utc", "extra"]
    private static let extraMember = 5

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

    /// Why the row's `extra` is not the redacted exporter's, or nil (a row without one holds).
    private func extraProblem() -> String? {
        for written in captured[Self.extraMember] {
            if let written, checksExtraKeys, ExtraPseudonymCheck.isPlainlyRedacted(written) { continue }
            guard let written, let json = try? JSONValue.parse(written) else { return "has an extra member that is not JSON" }
            if let found = ExtraPseudonymCheck.firstClear(ofExtraObject: json, keys: checksExtraKeys) { return ExtraPseudonymCheck.problem(found) }
        }
        return nil
    }

    private mutating func endRow() {
        defer {
            frames.removeAll(keepingCapacity: true)
            inString = false
            escaped = false
            expectingKey = false
            collectingKey = false
            keyDone = false
            capturing = false
            topMember.removeAll(keepingCapacity: true)
            for i in captured.indices { captured[i].removeAll(keepingCapacity: true) }
            twice = nil
            closed = false
            empty = true
            malformed = false
        }
        if empty { return }
        rows += 1
        let ids = captured[0]
        var problem: String?
        if malformed || !frames.isEmpty || inString {
            problem = "is not one JSON object"
        } else if let twice, twice.inside != nil || twice.name != Array("account_id".utf8) {
            let inside = twice.inside.map { " inside \(TextEscaping.visible($0, limit: 60))" } ?? ""
            problem = "gives member \(TextEscaping.visible(twice.name, limit: 60)) twice\(inside) (readers disagree on which one holds)"
        } else if ids.count != 1 {
            problem = ids.isEmpty ? "has no account_id" : "has \(ids.count) account_id members"
        } else if let bytes = ids[0], let json = try? JSONValue.parse(bytes), let id = ExactText(json: json) {
            if !accounts.contains(id) {
                problem = "names account \(BundleCaseFacts.shown(id)), which is not a case account in the audit trail"
            } else {
                problem = BundleRowTime.problem(ts: captured[3], tsUTC: captured[4])
            }
            if problem == nil {
                var sums = totals[id] ?? Totals()
                sums.rows += 1
                sums.inputTokens = sums.inputTokens.flatMap { sum in Self.loadedTokens(captured[1]).map { sum + $0 } }
                sums.outputTokens = sums.outputTokens.flatMap { sum in Self.loadedTokens(captured[2]).map { sum + $0 } }
                totals[id] = sums
            }
        } else {
            problem = "has an account_id that is not an id as the exporter writes it"
        }
        if problem == nil, checksExtraPseudonyms { problem = extraProblem() }
        guard let problem else { return }
        wrong += 1
        if wrong <= Self.maxNamed { problems.append("queries.jsonl: row \(rows) \(problem)") }
    }
}
