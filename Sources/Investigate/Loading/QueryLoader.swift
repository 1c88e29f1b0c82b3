/// Parses query rows (`queries.*` and `queries/`) of one file or slice into `QueryRows`: the hot
/// path of a load. Account ids are interned into the slice's own pool, so this runs while the
/// accounts file is still loading; `QueryMerge` resolves them.
struct QueryLoader {
    static let schema = TableSchema(
        columns: [
            "ts", "account_id", "api_key", "ip", "asn", "user_agent", "model", "input_tokens", "output_tokens",
            "category", "prompt", "prompt_fingerprint",
        ],
        required: ["ts", "account_id"])
    /// Slot numbers of the schema columns.
    private enum Slot {
        static let ts = 0, account = 1, apiKey = 2, ip = 3, asn = 4, userAgent = 5, model = 6
        static let input = 7, output = 8, category = 9, prompt = 10, fingerprint = 11
    }

    /// The slice's own pools (account ids included).
    let pools: ValuePools
    let table: QueryRows
    let log: IssueLog
    let digest: PromptDigest
    /// Each account's last value ids in this slice's pools (the same object across a worker's slices).
    let memo: AccountRowMemo

    /// Loads one file, or one slice of it (only the lines `lineOwner` gives this worker, when
    /// set; read through `file` when the file was opened once for all its slices); returns rows
    /// loaded and lines read. Rows keep their
    /// line plus `lineOffset` (the lines of the files before this one in the same part); issues
    /// name the line in the file (or slice).
    func load(
        _ entry: SourceFiles.Entry, byteRange: Range<Int>? = nil, file: OpenFile? = nil, lineOffset: Int = 0,
        lineOwner: (owner: Int, owners: Int)? = nil, progress: (Int) -> Void
    ) throws -> (rows: Int, lines: Int) {
        var rows = 0
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        // Each cache and pool in a local constant: the row closure then borrows them instead of
        // retaining and releasing an array element or a pool property on every row.
        let accountCache = RepeatCache(), apiKeyCache = RepeatCache(), ipCache = RepeatCache()
        let asnCache = RepeatCache(), userAgentCache = RepeatCache()
        // Models and categories change row to row among a few values: several entries each.
        let modelCache = RepeatCache(entries: 16), categoryCache = RepeatCache(entries: 32)
        let accountPool = pools.accountIDs, apiKeyPool = pools.apiKeys, ipPool = pools.ips
        let asnPool = pools.asns, userAgentPool = pools.userAgents, modelPool = pools.models
        let categoryPool = pools.categories
        let table = self.table, log = self.log, digest = self.digest, memo = self.memo
        let batch = QueryRowBatch()
        let valueCaches = (apiKey: apiKeyCache, ip: ipCache, asn: asnCache, userAgent: userAgentCache)
        func flush() {
            batch.flush(
                accounts: accountPool, accountCache: accountCache, values: pools, caches: valueCaches, memo: memo,
                into: table, scratch: &scratch)
        }
        var reader = TableReader(path: entry.path, displayName: entry.name, schema: Self.schema, byteRange: byteRange)
        reader.keepsExtras = false
        reader.lineOwner = lineOwner
        reader.file = file
        // Rows parsed before a failure are kept, as they were when each row was appended at once.
        defer { flush() }
        // Zone-less timestamps counted here, given to the log once.
        var zoneless = ZonelessTimes()
        defer { log.addZoneless(zoneless, file: entry.name) }
        // Rows with an extra key not valid UTF-8 (`KeysNotUTF8`), given to the log once.
        var keysNotUTF8 = KeysNotUTF8()
        defer { log.addKeysNotUTF8(keysNotUTF8, file: entry.name) }
        let lines = try reader.forEachRow(progress: progress, onError: { log.skip(entry.name, $0, $1) },
            onWarning: { log.warn(entry.name, $0, $1) }, onUnknownLoss: { log.lostUnknown(entry.name) }) { row in
            guard row.line + lineOffset <= Int(UInt32.max) else {
                throw LoadFailure.unreadable(file: entry.name, reason: "more than \(UInt32.max) lines in one file")
            }
            guard row.hasValue(Slot.ts) else { return log.skip(entry.name, row.line, "missing required field 'ts'") }
            guard row.hasValue(Slot.account) else {
                return log.skip(entry.name, row.line, "missing required field 'account_id'")
            }
            let parsedTs = row.withBytes(Slot.ts) { Timestamp.parse($0.extracting(ByteCompare.trimmedRange($0))) }
            guard let parsed = parsedTs else {
                return log.skip(entry.name, row.line, "bad timestamp \(row.withBytes(Slot.ts) { FieldParsing.quote($0) }) in 'ts'")
            }
            let ts = parsed.millis
            if let key = row.extraNameNotUTF8 {
                guard log.noteKeyNotUTF8(entry.name, row.line, into: &keysNotUTF8, { FieldParsing.quote(key.span) }) else {
                    return false
                }
            }
            if !parsed.zoned {
                guard
                    log.noteZoneless(entry.name, row.line, "ts", into: &zoneless, { row.withBytes(Slot.ts) { FieldParsing.quote($0) } })
                else {
                    return false
                }
            }
            // The account id, when it repeats the last one; else resolved with the batch. Ids are
            // exact bytes (`FieldParsing.accountIDRange`): one written with spaces around it names
            // the account written so, and is a query for an unknown account when there is none.
            let knownAccount: Int32? = row.withBytes(Slot.account) { bytes in
                let range = FieldParsing.accountIDRange(bytes)
                return range.isEmpty ? -1 : accountCache.id(for: bytes)
            }
            // Token counts are optional: one that is not a whole number keeps the row without
            // it (warned); one past the UInt32 the table stores is kept at the limit (warned).
            var input: UInt32 = 0
            var output: UInt32 = 0
            if row.hasValue(Slot.input) {
                guard let value = Self.tokens("input_tokens", Slot.input, row, entry, log) else { return false }
                input = value
            }
            if row.hasValue(Slot.output) {
                guard let value = Self.tokens("output_tokens", Slot.output, row, entry, log) else { return false }
                output = value
            }
            var sketch: UInt64 = 0
            var flags: UInt8 = 0
            if row.hasValue(Slot.prompt) {
                (sketch, flags) = row.withBytes(Slot.prompt) { digest.digest($0) }
            } else if row.hasValue(Slot.fingerprint) {
                (sketch, flags) = row.withBytes(Slot.fingerprint) { digest.digest(fingerprint: $0.extracting(ByteCompare.trimmedRange($0))) }
            }
            var bounds = SIMD8<Int32>(repeating: 0)
            bounds[0] = knownAccount == nil ? row.withBytes(Slot.account) { batch.stash($0, trimmed: false) } : batch.arenaEnd
            bounds[1] = row.withBytes(Slot.apiKey) { batch.stash($0) }
            bounds[2] = row.withBytes(Slot.ip) { batch.stash($0) }
            bounds[3] = row.withBytes(Slot.asn) { batch.stash($0) }
            bounds[4] = row.withBytes(Slot.userAgent) { batch.stash($0) }
            bounds[5] = batch.arenaEnd
            batch.add(
                .init(
                    timestamp: ts, account: knownAccount ?? QueryRowBatch.unresolved,
                    model: row.withBytes(Slot.model) { bytes in modelCache.id(for: bytes) { FieldParsing.intern($0, in: modelPool) } },
                    category: row.withBytes(Slot.category) { bytes in
                        categoryCache.id(for: bytes) { FieldParsing.intern($0, in: categoryPool) }
                    },
                    inputTokens: input, outputTokens: output, sketch: sketch, flags: flags,
                    line: UInt32(row.line + lineOffset), bounds: bounds))
            if batch.isFull { flush() }
            rows += 1
            return true
        }
        return (rows, lines)
    }

    /// A trimmed token count (see `FieldParsing.tokenCount`).
    private static func tokenCount(_ bytes: Span<UInt8>) -> UInt64? {
        FieldParsing.tokenCount(bytes.extracting(ByteCompare.trimmedRange(bytes)))
    }

    /// The count the table keeps for a token column's bytes, as `tokens` keeps it (without its
    /// warnings): the whole number clamped to `UInt32.max`, or 0 when it is not one.
    static func keptTokens(_ bytes: Span<UInt8>) -> UInt32 {
        tokenCount(bytes).map { UInt32(clamping: $0) } ?? 0
    }

    /// A row's token count in `slot`: the count, clamped to `UInt32.max`, or 0 when it is not a
    /// whole number; each of those with a warning. Nil when strict mode stops at the warning.
    private static func tokens(
        _ column: String, _ slot: Int, _ row: RecordFields, _ entry: SourceFiles.Entry, _ log: IssueLog
    ) -> UInt32? {
        guard let value = row.withBytes(slot, Self.tokenCount) else {
            let shown = row.withBytes(slot) { FieldParsing.quote($0) }
            return log.warn(entry.name, row.line, "\(column) \(shown) is not a whole number; the row is kept without it") ? 0 : nil
        }
        if value <= UInt64(UInt32.max) { return UInt32(value) }
        let shown = value == UInt64.max ? row.withBytes(slot) { FieldParsing.quote($0) } : "\(value)"
        return log.warn(entry.name, row.line, "\(column) \(shown) is over \(UInt32.max); kept as \(UInt32.max)") ? UInt32.max : nil
    }
}
