/// Compressed rows of one link direction while an `Adjacency` is built: key `k`'s items are
/// `items[start[k]..<start[k + 1]]`, ascending (`start` has one entry per key and one more).
///
/// Built so that the index's peak memory stays low: pairs that come grouped by ascending
/// account (every kind's but upstream links' and, possibly, template families') hand their
/// values array over as the items, in place, and their accounts array is released at once; the
/// other direction is counted out from these rows, filled from the rows' ends so that it comes
/// out ascending without a sort or a cursor array.
struct AdjacencyRows {
    private(set) var start: [Int32]
    private(set) var items: [Int32]

    /// Rows by account of `pairs`, which it consumes; `keyCount` accounts. The rows hold exactly
    /// the items a counting sort of the pairs by account gives, each row sorted.
    /// - Complexity: O(keyCount + pairs), plus sorting rows that come out of order.
    init(pairs: consuming LinkPairs.Pairs, keyCount: Int) {
        precondition(pairs.accounts.count == pairs.values.count, "AdjacencyRows: pairs of unequal lengths")
        start = Self.starts(counting: pairs.accounts, keyCount: keyCount)
        if Self.isNonDecreasing(pairs.accounts) {
            pairs.accounts = []
            items = pairs.values
            pairs.values = []
        } else {
            items = Self.scatter(keys: pairs.accounts, items: pairs.values, start: start)
            pairs = LinkPairs.Pairs()
        }
        sortRows()
    }

    private init(start: [Int32], items: [Int32]) {
        (self.start, self.items) = (start, items)
    }

    /// The same pairs grouped the other way: for each of `keyCount` keys (the items here), the
    /// keys here holding it, ascending.
    /// - Complexity: O(keyCount + items).
    func transposed(keyCount: Int) -> AdjacencyRows {
        // Counts, then running totals: `ends[v]` is where row v ends.
        var ends = [Int32](repeating: 0, count: keyCount + 1)
        for item in items { ends[Int(item)] += 1 }
        for key in stride(from: 1, to: keyCount, by: 1) { ends[key] += ends[key - 1] }
        ends[keyCount] = Int32(items.count)
        // Filled from each row's end, the largest key here first: every row ascends, and each
        // entry ends as its row's start.
        var turned = [Int32](repeating: 0, count: items.count)
        for row in stride(from: start.count - 2, through: 0, by: -1) {
            for position in stride(from: Int(start[row + 1]) - 1, through: Int(start[row]), by: -1) {
                let key = Int(items[position])
                ends[key] -= 1
                turned[Int(ends[key])] = Int32(row)
            }
        }
        return AdjacencyRows(start: ends, items: turned)
    }

    /// The rows packed for reading (`CompactRows`); these are released with it.
    consuming func packed() -> CompactRows { CompactRows(start: start, items: items) }

    /// Row starts of keys counted from `keys` (`keyCount + 1` entries).
    private static func starts(counting keys: [Int32], keyCount: Int) -> [Int32] {
        var start = [Int32](repeating: 0, count: keyCount + 1)
        for key in keys { start[Int(key) + 1] += 1 }
        for key in 0..<keyCount { start[key + 1] += start[key] }
        return start
    }

    private static func isNonDecreasing(_ keys: [Int32]) -> Bool {
        for index in keys.indices.dropFirst() where keys[index - 1] > keys[index] { return false }
        return true
    }

    /// `items` placed by their keys, in the order given within a key (a counting sort).
    private static func scatter(keys: [Int32], items: [Int32], start: [Int32]) -> [Int32] {
        var cursor = start
        var out = [Int32](repeating: 0, count: items.count)
        for (key, item) in zip(keys, items) {
            out[Int(cursor[Int(key)])] = item
            cursor[Int(key)] += 1
        }
        return out
    }

    /// Sorts each row that is not ascending already.
    private mutating func sortRows() {
        for key in 0..<(start.count - 1) where start[key + 1] - start[key] > 1 {
            let range = Int(start[key])..<Int(start[key + 1])
            for index in range.dropFirst() where items[index - 1] > items[index] {
                items[range].sort()
                break
            }
        }
    }
}
