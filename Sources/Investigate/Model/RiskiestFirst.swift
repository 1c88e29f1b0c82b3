extension Investigation {
    /// `accounts` ordered riskiest first by account risk, ties by the account id's bytes
    /// ascending: how `pivot` (text and JSON), `clusters`, `account` and the console's cluster
    /// and value sheets list accounts (a trial saw tied members in source order in the CLI and
    /// in id order in the console).
    /// - Parameters:
    ///   - accounts: the accounts to order.
    ///   - limit: the most to return (the first ones of the whole order); ties past it are
    ///     never read (triage's three sample accounts of each cluster).
    /// - Complexity: O(n log n) comparisons of risks; ids are read only for ties.
    public func riskiestFirst<C: Collection>(_ accounts: C, limit: Int? = nil) -> [Int] where C.Element: BinaryInteger {
        // Each risk read once (an account's is worked out from its cluster's on each read).
        let rated = accounts.map { (account: Int($0), risk: accountRisk[Int($0)]) }.sorted { $0.risk > $1.risk }
        var order = rated.map(\.account)
        var start = 0
        let wanted = min(rated.count, limit ?? rated.count)
        while start < wanted {
            var end = start + 1
            while end < rated.count && rated[end].risk == rated[start].risk { end += 1 }
            if end - start > 1 {
                let tied = order[start..<end].map { (id: data.accountExactID($0), account: $0) }
                    .sorted { $0.id != $1.id ? $0.id < $1.id : $0.account < $1.account }
                order.replaceSubrange(start..<end, with: tied.map(\.account))
            }
            start = end
        }
        return wanted < order.count ? Array(order.prefix(wanted)) : order
    }
}
