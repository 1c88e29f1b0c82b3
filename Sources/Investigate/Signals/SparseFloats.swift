/// A per-account float feature that most accounts lack (too few queries to measure it), kept
/// compactly: one bit an account (set when measured), a count of set bits per 64 accounts, and
/// the measured values alone. An account without a value reads as `absent` (the feature's
/// "not measured", such as -1). When most accounts have a value, one float an account is kept
/// instead. Values are kept exactly.
///
/// Immutable once built; safe to share across threads.
public struct SparseFloats: RandomAccessCollection, Equatable, Sendable {
    /// What an account without a stored value reads as.
    public let absent: Float
    /// One bit an account, set when its value is stored (empty when `values` holds every account's).
    private let present: [UInt64]
    /// For each word of `present`, the bits set in the words before it.
    private let presentBefore: [Int32]
    /// The stored values, in account order.
    private let values: [Float]
    /// The number of accounts.
    public let endIndex: Int

    /// The first account.
    public var startIndex: Int { 0 }

    /// The values of `column`, those bitwise equal to `absent` not stored.
    /// - Complexity: O(accounts).
    public init(_ column: [Float], absent: Float) {
        var builder = Builder(count: column.count, absent: absent)
        for (account, value) in column.enumerated() { builder.set(account, value) }
        self.init(builder)
    }

    /// The values a builder was given.
    /// - Complexity: O(accounts).
    init(_ builder: Builder) {
        absent = builder.absent
        endIndex = builder.count
        // Sparse costs 4 bytes a stored value plus about 0.19 bytes an account, dense 4 an account.
        guard builder.values.count * 4 + builder.count / 5 < builder.count * 4 else {
            var dense = [Float](repeating: builder.absent, count: builder.count)
            var next = 0
            for account in 0..<builder.count where (builder.present[account >> 6] >> UInt64(account & 63)) & 1 == 1 {
                dense[account] = builder.values[next]
                next += 1
            }
            (present, presentBefore, values) = ([], [], dense)
            return
        }
        var before = [Int32](repeating: 0, count: builder.present.count)
        var running: Int32 = 0
        for w in builder.present.indices {
            before[w] = running
            running += Int32(builder.present[w].nonzeroBitCount)
        }
        (present, presentBefore, values) = (builder.present, before, builder.values)
    }

    /// Gathers the values account by account, in ascending order.
    struct Builder {
        let count: Int
        let absent: Float
        fileprivate var present: [UInt64]
        fileprivate var values: [Float] = []
        private var lastSet = -1

        /// A builder for `count` accounts, each `absent` until set.
        init(count: Int, absent: Float) {
            (self.count, self.absent) = (count, absent)
            present = [UInt64](repeating: 0, count: (count + 63) / 64)
        }

        /// Sets the value of `account` (above every account set before).
        mutating func set(_ account: Int, _ value: Float) {
            precondition(account > lastSet && account < count, "SparseFloats: accounts set out of order")
            lastSet = account
            guard value.bitPattern != absent.bitPattern else { return }
            present[account >> 6] |= 1 << UInt64(account & 63)
            values.append(value)
        }
    }

    /// The value of `account`.
    /// - Complexity: O(1).
    public subscript(account: Int) -> Float {
        precondition(account >= 0 && account < endIndex, "SparseFloats: account out of range")
        if present.isEmpty { return values[account] }
        let word = present[account >> 6], bit = UInt64(account & 63)
        guard (word >> bit) & 1 == 1 else { return absent }
        return values[Int(presentBefore[account >> 6]) + (word & ((1 << bit) &- 1)).nonzeroBitCount]
    }

    /// Whether only the measured values are stored (for tests).
    var isSparse: Bool { !present.isEmpty }

    /// Equal when every account reads the same (bitwise).
    public static func == (a: SparseFloats, b: SparseFloats) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}
