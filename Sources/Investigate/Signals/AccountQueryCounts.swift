/// Each account's number of queries, read from the query table (rows grouped by account)
/// instead of kept in a column.
public struct AccountQueryCounts: RandomAccessCollection, Sendable {
    let queries: QueryTable

    /// The first account.
    public var startIndex: Int { 0 }
    /// The number of accounts.
    public var endIndex: Int { queries.accountStart.count - 1 }

    /// The number of queries `account` made.
    /// - Complexity: O(1).
    public subscript(account: Int) -> Int32 { Int32(queries.queryCount(of: account)) }
}
