/// Loads `payments.*` rows.
struct PaymentLoader {
    static let schema = TableSchema(
        columns: ["account_id", "payment_fingerprint", "kind", "bin_country", "added_at"],
        required: ["account_id", "payment_fingerprint"])

    let pools: ValuePools
    let table: PaymentTable
    let log: IssueLog

    func load(_ entry: SourceFiles.Entry, progress: (Int) -> Void) throws -> Int {
        var rows = 0
        var scratch: [UInt8] = []
        var nextAccount: Int32 = 0, nextFingerprint: Int32 = 0
        if let estimate = RowEstimate.rows(in: entry) {
            // Mostly the accounts' own cards, already in the pool: room for as many again would
            // only rehash it into a table twice the size.
            pools.payments.reserve(values: max(pools.payments.count, estimate))
            table.reserve(rows: estimate)
        }
        var idBytes: [UInt8] = [], fingerprintBytes: [UInt8] = []
        let reader = TableReader(path: entry.path, displayName: entry.name, schema: Self.schema)
        // Zone-less timestamps counted here, given to the log once.
        var zoneless = ZonelessTimes()
        defer { log.addZoneless(zoneless, file: entry.name) }
        try reader.forEachRow(progress: progress, onError: { log.skip(entry.name, $0, $1) },
            onWarning: { log.warn(entry.name, $0, $1) }, onUnknownLoss: { log.lostUnknown(entry.name) }) { row in
            FieldParsing.copyAccountID(row, 0, into: &idBytes)
            guard !idBytes.isEmpty else { return log.skip(entry.name, row.line, "missing account_id") }
            // Exports list payments in account order: the next account and the next card are
            // checked first, without hashing.
            var account = nextAccount
            if !pools.accountIDs.hasValue(account, equalTo: idBytes.span) {
                guard let found = pools.accountIDs.lookup(idBytes) else {
                    return log.skip(entry.name, row.line, "unknown account \(FieldParsing.quote(idBytes.span))")
                }
                account = found
            }
            nextAccount = account + 1
            row.copyBytes(1, trimmed: true, into: &fingerprintBytes)
            guard !fingerprintBytes.isEmpty else { return log.skip(entry.name, row.line, "missing payment_fingerprint") }
            var fingerprint = nextFingerprint
            if !pools.payments.hasValue(fingerprint, equalTo: fingerprintBytes.span) {
                fingerprint = pools.payments.intern(fingerprintBytes)
            }
            nextFingerprint = fingerprint + 1
            if row.hasValue(4) {
                if let parsed = row.withTrimmedBytes(4, Timestamp.parse) {
                    if !parsed.zoned,
                        !log.noteZoneless(entry.name, row.line, "added_at", into: &zoneless, { row.withBytes(4, FieldParsing.quote) })
                    {
                        return false
                    }
                } else if !log.warn(entry.name, row.line, "bad added_at \(row.withBytes(4, FieldParsing.quote)); kept without it") {
                    return false
                }
            }
            table.account.append(account)
            table.fingerprint.append(fingerprint)
            table.kind.append(row.withBytes(2) { FieldParsing.internLowercased($0, in: pools.labels, scratch: &scratch) })
            rows += 1
            return true
        }
        return rows
    }
}

/// Loads `links.*` rows (relations computed upstream).
struct LinkLoader {
    static let schema = TableSchema(
        columns: ["account_a", "account_b", "kind", "weight", "note"],
        required: ["account_a", "account_b", "kind"])

    let pools: ValuePools
    let table: UpstreamLinkTable
    let log: IssueLog

    func load(_ entry: SourceFiles.Entry, progress: (Int) -> Void) throws -> Int {
        var rows = 0
        var scratch: [UInt8] = []
        var idBytes: [UInt8] = []
        let reader = TableReader(path: entry.path, displayName: entry.name, schema: Self.schema)
        try reader.forEachRow(progress: progress, onError: { log.skip(entry.name, $0, $1) },
            onWarning: { log.warn(entry.name, $0, $1) }, onUnknownLoss: { log.lostUnknown(entry.name) }) { row in
            var ends: [Int32] = []
            for slot in 0..<2 {
                FieldParsing.copyAccountID(row, slot, into: &idBytes)
                let column = slot == 0 ? "account_a" : "account_b"
                guard !idBytes.isEmpty else { return log.skip(entry.name, row.line, "missing \(column)") }
                guard let account = pools.accountIDs.lookup(idBytes) else {
                    return log.skip(entry.name, row.line, "unknown account \(FieldParsing.quote(idBytes.span)) in \(column)")
                }
                ends.append(account)
            }
            let kind = row.withBytes(2) { FieldParsing.internLowercased($0, in: pools.labels, scratch: &scratch) }
            guard kind >= 0 else { return log.skip(entry.name, row.line, "missing kind") }
            var weight = 1.0
            if row.hasValue(3) {
                guard let value = row.withTrimmedBytes(3, FieldParsing.weight) else {
                    return log.skip(entry.name, row.line, "weight \(row.withBytes(3, FieldParsing.quote)) is not in 0...1")
                }
                weight = value
            }
            table.accountA.append(ends[0])
            table.accountB.append(ends[1])
            table.kind.append(kind)
            table.weight.append(weight)
            table.note.append(row.withBytes(4) { FieldParsing.intern($0, in: pools.labels) })
            rows += 1
            return true
        }
        return rows
    }
}
