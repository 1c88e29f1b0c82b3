extension IssueLog {
    /// Warns once when IP values are addresses written another way (`010.001.002.003`,
    /// `::ffff:10.1.2.3` beside `10.1.2.3`): they link as one address (`SpellingKeys`), and the
    /// values stay as written. Counted by spelling, at the first one's line: a signup IP's in the
    /// accounts files, else the earliest query row's.
    /// - Complexity: O(accounts), plus O(queries) when no signup IP is spelled otherwise.
    func reportIPSpellings(_ keys: SpellingKeys, data: (pools: ValuePools, accounts: AccountTable, queries: QueryTable), files: SourceFiles) {
        guard keys.variantCount > 0 else { return }
        func isVariant(_ ip: Int32) -> Bool { ip >= 0 && keys.key(ip) != ip }
        var first: (file: String, line: Int, ip: Int32)?
        for account in 0..<data.accounts.count where isVariant(data.accounts.signupIP[account]) {
            let (file, line) = data.accounts.source(ofAccount: account)
            first = (file < files.accounts.count ? files.accounts[file].name : "accounts", line, data.accounts.signupIP[account])
            break
        }
        if first == nil {
            let contexts = data.queries.contexts
            let variantContext = (0..<contexts.count).map { isVariant(contexts.ip[$0]) }
            var best: (file: Int, line: Int, ip: Int32)?
            for row in 0..<data.queries.count where variantContext[Int(data.queries.context[row])] {
                let (file, line) = data.queries.source(ofRow: row)
                if best.map({ ($0.file, $0.line) < (file, line) }) ?? false { continue }
                best = (file, line, contexts.ip[Int(data.queries.context[row])])
            }
            if let best { first = (best.file < files.queries.count ? files.queries[best.file].name : "queries", best.line, best.ip) }
        }
        guard let first else { return }
        let written = data.pools.ips.bytes(first.ip)
        let shown = TextEscaping.visible(written, limit: 80)
        let canonical = IPNetwork.canonicalAddress(written.span).map { String(decoding: $0, as: UTF8.self) } ?? shown
        let count = keys.variantCount
        let reason =
            count == 1
            ? "ip \(shown) is \(canonical) written another way: it links as that address (the value is kept as written)"
            : "\(count) ip values are addresses written another way, the first here (\(shown) is \(canonical)): each links as its address (the values are kept as written)"
        _ = warn(first.file, first.line, reason)
        report.warningCount += count - 1
    }
}
