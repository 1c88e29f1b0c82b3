/// Each account's token count summed over its queries, 4 bytes an account: a sum of 2^32 - 1
/// or more is kept aside (exact), since a busy harvesting account can pass it.
public struct AccountTokenSums: Sendable {
    var narrow: [UInt32]
    var wide: [Int: Int64] = [:]

    /// Sums for `count` accounts, all 0.
    init(count: Int) { narrow = [UInt32](repeating: 0, count: count) }

    /// The sum of `account`.
    /// - Complexity: O(1).
    public subscript(account: Int) -> Int64 {
        get {
            let value = narrow[account]
            return value == .max ? wide[account] ?? Int64(value) : Int64(value)
        }
        set {
            if newValue >= 0 && newValue < Int64(UInt32.max) {
                narrow[account] = UInt32(newValue)
                wide[account] = nil
            } else {
                narrow[account] = .max
                wide[account] = newValue
            }
        }
    }
}
