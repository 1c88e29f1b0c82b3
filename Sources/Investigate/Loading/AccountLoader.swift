/// Loads `accounts.*` rows into an `AccountTable`.
struct AccountLoader {
    static let schema = TableSchema(
        columns: [
            "account_id", "created_at", "email", "email_domain", "org_id", "country", "plan", "status",
            "payment_fingerprint", "signup_ip",
        ],
        required: ["account_id"])
    /// Slot numbers of the schema columns.
    private enum Slot {
        static let id = 0, created = 1, email = 2, domain = 3, org = 4, country = 5, plan = 6, status = 7
        static let payment = 8, signupIP = 9
    }

    let pools: ValuePools
    let table: AccountTable
    let log: IssueLog
    /// The names of the accounts files, in load order (`SourceFiles.accounts`): a duplicate
    /// whose first copy is in another file names that file (`first at accounts.csv:2`).
    var fileNames: [String] = []
    /// The accounts written with spaces around their id, over every accounts file of the load.
    var padded = PaddedAccountIDs()

    func load(_ entry: SourceFiles.Entry, progress: (Int) -> Void) throws -> Int {
        var rows = 0
        var scratch: [UInt8] = []
        var idBytes: [UInt8] = [], payment: [UInt8] = [], signupIP: [UInt8] = [], address: [UInt8] = [], mailbox: [UInt8] = []
        var touched: UInt64 = 0
        defer { StringPool.touchedSlots.bitwiseXor(touched, ordering: .relaxed) }
        if let estimate = RowEstimate.rows(in: entry) {
            for pool in [pools.accountIDs, pools.payments, pools.ips] {
                pool.reserve(values: pool.count + estimate)
            }
            table.reserve(rows: estimate)
        }
        table.fileStart.append(table.count)
        let reader = TableReader(path: entry.path, displayName: entry.name, schema: Self.schema)
        // Zone-less timestamps counted here, given to the log once.
        var zoneless = ZonelessTimes()
        defer { log.addZoneless(zoneless, file: entry.name) }
        // Rows giving a key twice (`AccountKeysTwice`), given to the log once.
        var keysTwice = AccountKeysTwice()
        defer { log.add(keysTwice, file: entry.name, into: \.accountKeysTwice) }
        try reader.forEachRow(progress: progress, onError: { log.skip(entry.name, $0, $1) },
            onWarning: { log.warn(entry.name, $0, $1) }, onUnknownLoss: { log.lostUnknown(entry.name) }) { row in
            FieldParsing.copyAccountID(row, Slot.id, into: &idBytes)
            guard !idBytes.isEmpty else { return log.skip(entry.name, row.line, "missing account_id") }
            // Every account loaded can be tagged: an id longer than a tag target may hold
            // (`CaseText.maxTargetBytes`) is refused here, counted, not left to fail a whole
            // cluster's tag later (a trial's 5 KB id stopped `T` on its ring).
            guard idBytes.count <= CaseText.maxTargetBytes else {
                return log.skip(
                    entry.name, row.line,
                    "account_id of \(PairExplanation.grouped(idBytes.count)) bytes, longer than the "
                        + "\(PairExplanation.grouped(CaseText.maxTargetBytes)) an account id may hold")
            }
            if row.withBytes(Slot.id, { ByteCompare.trimmedRange($0).count != $0.count }) {
                guard log.warn(entry.name, row.line, Self.paddedID(row, Slot.id, pool: pools.accountIDs)) else { return false }
                let bare = row.withBytes(Slot.id) { ByteCompare.array($0.extracting(ByteCompare.trimmedRange($0))) }
                if padded.byBare[bare] == nil { padded.byBare[bare] = "\(entry.name):\(row.line)" }
            } else if !padded.byBare.isEmpty, let at = padded.byBare[idBytes] {
                let reason = "account_id \(FieldParsing.quote(idBytes.span)) is written with spaces around it too, as another "
                    + "account (\(at)): take care not to act on one for the other"
                guard log.warn(entry.name, row.line, reason) else { return false }
            }
            // The three large pools' slots are fetched together: each is usually a cache miss.
            row.copyBytes(Slot.payment, trimmed: true, into: &payment)
            row.copyBytes(Slot.signupIP, trimmed: true, into: &signupIP)
            let idHash = ByteHash.hash(idBytes), paymentHash = ByteHash.hash(payment), ipHash = ByteHash.hash(signupIP)
            touched ^= pools.accountIDs.touch(hash: idHash) ^ pools.payments.touch(hash: paymentHash) ^ pools.ips.touch(hash: ipHash)
            let before = pools.accountIDs.count
            let id = pools.accountIDs.intern(idBytes.span, hash: idHash)
            guard Int(id) == before else {
                let first = table.source(ofAccount: Int(id))
                let here = table.fileStart.count - 1
                let at = first.file == here || first.file >= fileNames.count ? "line \(first.line)" : "\(fileNames[first.file]):\(first.line)"
                return log.skip(
                    entry.name, row.line,
                    "duplicate account_id \(FieldParsing.quote(idBytes.span)) (first at \(at))")
            }
            var created = Int64.min
            if row.hasValue(Slot.created) {
                if let parsed = row.withTrimmedBytes(Slot.created, Timestamp.parse) {
                    created = parsed.millis
                    if !parsed.zoned,
                        !log.noteZoneless(
                            entry.name, row.line, "created_at", into: &zoneless, { row.withBytes(Slot.created, FieldParsing.quote) })
                    {
                        return false
                    }
                } else if !log.warn(
                    entry.name, row.line,
                    "bad created_at \(row.withBytes(Slot.created, FieldParsing.quote)); kept without it")
                {
                    return false
                }
            }
            // The address itself is not kept (read again when shown or exported); its domain is.
            var domain = row.withBytes(Slot.domain) {
                FieldParsing.internLowercased($0, in: pools.emailDomains, scratch: &scratch)
            }
            row.copyBytes(Slot.email, trimmed: true, into: &address)
            table.mailboxCheck.append(MailboxAddress.check(address.span, scratch: &mailbox))
            if domain < 0 {
                if let at = address.lastIndex(of: 0x40), at + 1 < address.count {
                    domain = FieldParsing.internLowercased(
                        address.span.extracting((at + 1)..<address.count), in: pools.emailDomains, scratch: &scratch)
                }
            }
            table.createdAt.append(created)
            table.emailDomain.append(domain)
            table.org.append(row.withBytes(Slot.org) { FieldParsing.intern($0, in: pools.orgs) })
            table.country.append(row.withBytes(Slot.country) { FieldParsing.internLowercased($0, in: pools.labels, scratch: &scratch) })
            table.plan.append(row.withBytes(Slot.plan) { FieldParsing.intern($0, in: pools.labels) })
            table.status.append(row.withBytes(Slot.status) { FieldParsing.internLowercased($0, in: pools.labels, scratch: &scratch) })
            table.payment.append(payment.isEmpty ? -1 : pools.payments.intern(payment.span, hash: paymentHash))
            table.signupIP.append(signupIP.isEmpty ? -1 : pools.ips.intern(signupIP.span, hash: ipHash))
            table.line.append(Int32(clamping: row.line))
            let firstExtra = table.extraKey.count
            row.forEachExtra { name, value in
                table.extraKey.append(pools.extraKeys.intern(name))
                table.extraValue.append(pools.extraValues.intern(value))
            }
            table.extraStart.append(Int32(table.extraKey.count))
            // An unknown key given twice (`x`, or `\u0078`), or two names that read as one: readers
            // disagree on which value holds; the last is kept, and said once per file (a trial's
            // `{"x":1,"x":2}` lost its 1 without a word; a CSV header said it on every row).
            if let twice = AccountKeysTwice.twice(table.extraKey, from: firstExtra, names: pools.extraKeys) {
                guard log.noteKeyTwice(entry.name, row.line, into: &keysTwice, { twice }) else { return false }
            }
            rows += 1
            return true
        }
        return rows
    }

    /// The first extra key id given twice among `keys[from...]` (one row's), or nil. A few keys
    /// are compared pairwise; more go through a set, so a hostile row of 100,000 keys costs
    /// linear time, not ten billion comparisons.
    static func keyGivenTwice(_ keys: [Int32], from: Int) -> Int32? {
        guard keys.count - from >= 2 else { return nil }
        if keys.count - from <= 16 {
            for i in (from + 1)..<keys.count where keys[from..<i].contains(keys[i]) { return keys[i] }
            return nil
        }
        var seen = Set<Int32>(minimumCapacity: keys.count - from)
        for i in from..<keys.count where !seen.insert(keys[i]).inserted { return keys[i] }
        return nil
    }
}

extension AccountLoader {
    /// The warning for an account id written with spaces around it: kept exactly, another
    /// account than the one written without them (which the warning names when it is loaded
    /// already), so that an export never takes one for the other unsaid.
    static func paddedID(_ row: RecordFields, _ slot: Int, pool: StringPool) -> String {
        let written = row.withBytes(slot) { FieldParsing.quote($0) }
        let (bare, loaded) = row.withBytes(slot) { bytes in
            let trimmed = bytes.extracting(ByteCompare.trimmedRange(bytes))
            return (FieldParsing.quote(trimmed), pool.lookup(ByteCompare.array(trimmed)) != nil)
        }
        return "account_id \(written) has spaces around it; kept as written, another account than \(bare)"
            + (loaded ? ", which is an account of this source too: take care not to act on one for the other" : "")
    }
}

/// The accounts written with spaces around their id, by the bare id: where each was (file and
/// line), so that a bare id loaded after its padded look-alike, in any accounts file, is said too.
/// Used by the one worker that loads the tables, one file after another.
final class PaddedAccountIDs: @unchecked Sendable {
    var byBare: [[UInt8]: String] = [:]
}
