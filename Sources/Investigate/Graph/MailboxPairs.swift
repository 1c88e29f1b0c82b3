import Synchronization

/// The mailbox of each account whose mailbox another account shares (`LinkKind.mailbox`):
/// `j.o.h.n+trial7@googlemail.com` and `john@gmail.com` reach one inbox (`MailboxAddress`),
/// so one person likely holds both accounts. It is weighed as a kind strangers may share (at
/// most half a link, `EvidenceWeights.counted`): in some exports unrelated people's addresses
/// coincide (a name at a big provider, written with and without a dot), so it links together
/// with a second kind of evidence, never alone; and a pair sharing it does not count the mail
/// domain the mailbox implies (`PairEvidence`).
///
/// The load keeps no address (only its domain), so the accounts files are read again here, in
/// two steps that hold little at once: every account's mailbox is hashed (8 bytes an account,
/// sorted), and only the accounts whose hash another account's matches are read again, by
/// line, and grouped by their mailboxes' exact bytes; a hash never decides. Only mailboxes of
/// two or more accounts are interned (`ValuePools.mailboxes`). An email read again must give
/// the keyed check the load kept for its account (`AccountTable.mailboxCheck`), and its line the
/// load's account id: a file changed or swapped since the load gives no mailbox for such
/// lines, and `unread` counts them.
struct MailboxPairs {
    let data: CaseData

    /// Serialises interning into the shared pool (an index built twice over one source, as
    /// tests do, interns the same mailboxes again).
    private static let poolLock = Mutex(())

    /// The columns read again: the id (to check the line is still the account's) and the email.
    static let schema = TableSchema(columns: ["account_id", "email"], required: ["account_id"])

    /// The (account, mailbox) pairs, in account order, and the accounts whose line could not be
    /// read again.
    /// - Complexity: O(accounts log accounts) time, one pass over the accounts files, plus the
    ///   lines of the accounts whose hash is shared; 8 bytes an account with an email.
    func pairs() -> (pairs: LinkPairs.Pairs, unread: Int) {
        var keys: [UInt64] = []
        var unread = 0
        var scratch: [UInt8] = []
        let table = data.accounts
        /// The check of an email read again when it is the one the load read for `account` (0:
        /// no mailbox), else nil; `scratch` is left holding its canonical mailbox.
        func loadedCheck(_ account: Int, _ email: Span<UInt8>) -> UInt16? {
            let check = MailboxAddress.check(email, scratch: &scratch)
            return account < table.mailboxCheck.count && check == table.mailboxCheck[account] ? check : nil
        }
        for (file, entry) in data.files.accounts.enumerated() where file < table.fileStart.count {
            let first = table.fileStart[file]
            let end = file + 1 < table.fileStart.count ? table.fileStart[file + 1] : table.count
            var cursor = first
            var reader = TableReader(path: entry.path, displayName: entry.name, schema: Self.schema)
            reader.keepsExtras = false
            do {
                try reader.forEachRow(onError: { _, _ in true }) { row in
                    while cursor < end && Int(table.line[cursor]) < row.line { cursor += 1 }
                    guard cursor < end, Int(table.line[cursor]) == row.line else { return true }
                    let account = cursor
                    cursor += 1
                    let sameID = row.withBytes(0) { FieldParsing.loadsAccountID($0, as: Int32(account), in: data.pools.accountIDs) }
                    guard sameID else {
                        unread += 1
                        return true
                    }
                    guard let check = row.withTrimmedBytes(1, { loadedCheck(account, $0) }) else {
                        unread += 1
                        return true
                    }
                    guard check != 0 else { return true }
                    // The hash's high half, then the account: sorting groups equal hashes.
                    keys.append((ByteHash.hash(scratch.span) & 0xFFFF_FFFF_0000_0000) | UInt64(UInt32(account)))
                    return true
                }
            } catch {
                unread += end - cursor
            }
        }
        keys.sort()
        var candidates: [Int] = []
        var at = 0
        while at < keys.count {
            var next = at + 1
            while next < keys.count && keys[next] >> 32 == keys[at] >> 32 { next += 1 }
            if next - at >= 2 {
                for k in at..<next { candidates.append(Int(keys[k] & 0xFFFF_FFFF)) }
            }
            at = next
        }
        keys = []
        guard !candidates.isEmpty else { return (LinkPairs.Pairs(), unread) }
        candidates.sort()
        let read = (try? AccountRowFetcher(data: data).emails(candidates)) ?? (candidates.map { _ in nil }, candidates.count)
        unread += read.unreadable
        var holders: [[UInt8]: [Int32]] = [:]
        for (position, account) in candidates.enumerated() {
            guard let email = read.emails[position] else { continue }
            guard let check = loadedCheck(account, email.span) else {
                unread += 1
                continue
            }
            if check != 0 { holders[scratch, default: []].append(Int32(account)) }
        }
        var byAccount: [(account: Int32, mailbox: Int32)] = []
        Self.poolLock.withLock { _ in
            // Interned in byte order, so ids do not depend on the dictionary's order.
            for (mailbox, accounts) in holders.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) where accounts.count >= 2 {
                let id = data.pools.mailboxes.intern(mailbox.span, hash: ByteHash.hash(mailbox))
                for account in accounts { byAccount.append((account, id)) }
            }
        }
        byAccount.sort { $0.account < $1.account }
        var out = LinkPairs.Pairs()
        for pair in byAccount { out.add(pair.account, pair.mailbox) }
        return (out, unread)
    }
}
