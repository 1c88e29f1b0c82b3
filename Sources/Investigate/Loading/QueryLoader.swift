/// Loads query rows (`queries.*` and `queries/`) into a `QueryTable`: the hot path of a load.
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

    /// The accounts (read-only here, so several loaders may share it).
    let accountIDs: StringPool
    let pools: ValuePools
    let table: QueryTable
    let log: IssueLog
    let digest: PromptDigest

    /// Loads one file, or one slice of it; returns rows loaded and lines read.
    func load(
        _ entry: SourceFiles.Entry, fileIndex: Int, byteRange: Range<Int>? = nil,
        progress: (Int) -> Void
    ) throws -> (rows: Int, lines: Int) {
        var rows = 0
        var scratch: [UInt8] = []
        scratch.reserveCapacity(64)
        let fileBits = UInt64(fileIndex) << 48
        let reader = TableReader(path: entry.path, displayName: entry.name, schema: Self.schema, byteRange: byteRange)
        let lines = try reader.forEachRow(progress: progress, onError: { log.skip(entry.name, $0, $1) }) { row in
            guard row.hasValue(Slot.ts) else { return log.skip(entry.name, row.line, "missing required field 'ts'") }
            guard row.hasValue(Slot.account) else {
                return log.skip(entry.name, row.line, "missing required field 'account_id'")
            }
            let tsBytes = row.bytes(Slot.ts)
            guard let ts = Timestamp.parseMillis(FieldParsing.trim(tsBytes)) else {
                return log.skip(entry.name, row.line, "bad timestamp \(FieldParsing.quote(tsBytes)) in 'ts'")
            }
            let accountBytes = FieldParsing.trim(row.bytes(Slot.account))
            guard let account = accountIDs.lookup(accountBytes) else {
                return log.skip(entry.name, row.line, "query for unknown account \(FieldParsing.quote(accountBytes))")
            }
            var input: UInt32 = 0
            var output: UInt32 = 0
            if row.hasValue(Slot.input) {
                guard let value = FieldParsing.tokenCount(FieldParsing.trim(row.bytes(Slot.input))) else {
                    return log.skip(
                        entry.name, row.line,
                        "input_tokens \(FieldParsing.quote(row.bytes(Slot.input))) is not a whole number")
                }
                input = value
            }
            if row.hasValue(Slot.output) {
                guard let value = FieldParsing.tokenCount(FieldParsing.trim(row.bytes(Slot.output))) else {
                    return log.skip(
                        entry.name, row.line,
                        "output_tokens \(FieldParsing.quote(row.bytes(Slot.output))) is not a whole number")
                }
                output = value
            }
            let context = table.contexts.intern(
                apiKey: FieldParsing.intern(row.bytes(Slot.apiKey), in: pools.apiKeys),
                ip: FieldParsing.intern(row.bytes(Slot.ip), in: pools.ips),
                asn: FieldParsing.internASN(row.bytes(Slot.asn), in: pools.asns, scratch: &scratch),
                userAgent: FieldParsing.intern(row.bytes(Slot.userAgent), in: pools.userAgents),
                model: FieldParsing.intern(row.bytes(Slot.model), in: pools.models))
            var sketch: UInt64 = 0
            var flags: UInt8 = 0
            if row.hasValue(Slot.prompt) {
                (sketch, flags) = digest.digest(row.bytes(Slot.prompt))
            } else if row.hasValue(Slot.fingerprint) {
                (sketch, flags) = digest.digest(fingerprint: FieldParsing.trim(row.bytes(Slot.fingerprint)))
            }
            table.append(
                timestamp: ts, account: account, context: context,
                category: FieldParsing.intern(row.bytes(Slot.category), in: pools.categories),
                inputTokens: input, outputTokens: output, sketch: sketch, flags: flags,
                location: fileBits | UInt64(row.offset))
            rows += 1
            return true
        }
        return (rows, lines)
    }
}
