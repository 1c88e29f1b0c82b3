/// Whether an account line read again still holds what the loader took from it.
///
/// The exporter reads each account's line again for its email (not kept in memory) and takes
/// every other column from the loaded table. A line changed in place since the load (same id,
/// another country, status, card or creation time) would then give a bundle that mixes two
/// versions of the source, signed as one. So every column the table keeps is compared with the
/// line (the email through the load's keyed check of its mailbox), normalised exactly as `AccountLoader` normalises it (trimmed; country, status and email
/// domain lowercased); a difference makes the line "changed since the load", as an id that
/// differs does.
enum AccountRowCheck {
    /// True when `value(column)` (the line's trimmed bytes of each schema column, nil when the
    /// line has none) gives the values loaded for `account`.
    static func matches(_ value: (String) -> [UInt8]?, account: Int, data: CaseData) -> Bool {
        let table = data.accounts, pools = data.pools
        func same(_ column: String, _ id: Int32, _ pool: StringPool, lowercased: Bool = false) -> Bool {
            isValue(value(column) ?? [], id: id, in: pool, lowercased: lowercased)
        }
        guard same("org_id", table.org[account], pools.orgs),
            same("country", table.country[account], pools.labels, lowercased: true),
            same("plan", table.plan[account], pools.labels),
            same("status", table.status[account], pools.labels, lowercased: true),
            same("payment_fingerprint", table.payment[account], pools.payments),
            same("signup_ip", table.signupIP[account], pools.ips)
        else { return false }
        // The domain: its own column when it has one, else the address's part after its last `@`.
        var domain = value("email_domain") ?? []
        if domain.isEmpty, let address = value("email"), let at = address.lastIndex(of: 0x40), at + 1 < address.count {
            domain = Array(address[(at + 1)...])
        }
        guard isValue(domain, id: table.emailDomain[account], in: pools.emailDomains, lowercased: true) else { return false }
        // The address itself is not kept, only a keyed 16-bit check of its canonical mailbox
        // (`AccountTable.mailboxCheck`, made per process, so absent after a snapshot is read):
        // a changed local part (`a@x.com` to `c@x.com`) fails it but for one chance in 65,536;
        // one that keeps the canonical mailbox (case, a `+` tag) passes.
        if account < table.mailboxCheck.count {
            var scratch: [UInt8] = []
            let address = value("email") ?? []
            guard MailboxAddress.check(address.span, scratch: &scratch) == table.mailboxCheck[account] else { return false }
        }
        // The creation time as read (a time that did not parse was kept as none).
        let created = value("created_at").flatMap { $0.isEmpty ? nil : Timestamp.parseMillis($0.span) } ?? Int64.min
        return created == table.createdAt[account]
    }

    /// True when `bytes`, trimmed and, when asked, lowercased (ASCII) as `internLowercased` keeps
    /// them, are the pool's value `id`; an empty value is the id -1. Exact values go through
    /// `FieldParsing.loads`, as query rows do.
    static func isValue(_ bytes: [UInt8], id: Int32, in pool: StringPool, lowercased: Bool) -> Bool {
        guard lowercased else { return FieldParsing.loads(bytes.span, as: id, in: pool) }
        let range = ByteCompare.trimmedRange(bytes.span)
        if range.isEmpty { return id < 0 }
        guard id >= 0 else { return false }
        let loaded = pool.bytes(id)
        guard loaded.count == range.count else { return false }
        for (offset, index) in range.enumerated() {
            var byte = bytes[index]
            if lowercased && byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != loaded[offset] { return false }
        }
        return true
    }
}
