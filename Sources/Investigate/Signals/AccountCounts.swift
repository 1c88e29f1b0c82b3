/// Each account's count of some kind of query (prompted, asking for reasoning), 2 bytes an
/// account: a count of 65,535 or more is kept aside (exact), since a busy account can pass it.
public struct AccountCounts: RandomAccessCollection, Equatable, Sendable {
    var narrow: [UInt16]
    var wide: [Int: Int32] = [:]

    /// Counts for `count` accounts, all 0.
    init(count: Int) { narrow = [UInt16](repeating: 0, count: count) }

    /// The counts of `values` (a snapshot's column, one count an account).
    init(_ values: [Int32]) {
        self.init(count: values.count)
        for (account, value) in values.enumerated() where value != 0 { self[account] = value }
    }

    /// The first account.
    public var startIndex: Int { 0 }
    /// The number of accounts.
    public var endIndex: Int { narrow.count }

    /// The count of `account`.
    /// - Complexity: O(1).
    public subscript(account: Int) -> Int32 {
        get {
            let value = narrow[account]
            return value == .max ? wide[account] ?? Int32(value) : Int32(value)
        }
        set {
            if newValue >= 0 && newValue < Int32(UInt16.max) {
                narrow[account] = UInt16(newValue)
                wide[account] = nil
            } else {
                narrow[account] = .max
                wide[account] = newValue
            }
        }
    }
}
