/// Each account's first or last query time (epoch ms, `Int64.min` when it has none), read
/// from the query table (rows grouped by account, oldest first) instead of kept in a column.
public struct AccountQueryTimes: RandomAccessCollection, Sendable {
    let queries: QueryTable
    let last: Bool

    /// The first account.
    public var startIndex: Int { 0 }
    /// The number of accounts.
    public var endIndex: Int { queries.accountStart.count - 1 }

    /// The time of `account`'s first (or last) query.
    /// - Complexity: O(1).
    public subscript(account: Int) -> Int64 {
        let start = queries.accountStart[account], end = queries.accountStart[account + 1]
        guard start < end else { return .min }
        return queries.timestamp(last ? end - 1 : start)
    }
}
