import ByteCore

/// The pairs `EvidenceClusterer` scores, grouped by their smaller account: row `a` holds the
/// larger accounts paired with `a`, ascending and unique. Read row after row, they are the
/// sorted, deduplicated keys (smaller << 32 | larger) in order.
///
/// Built for a low memory peak: the pairs each value proposes are first counted by smaller
/// account, then written straight into their rows (4 bytes a pair, sized exactly: no array
/// grown by doubling, no global sort and its scratch), and each row is sorted and deduplicated
/// in place; the duplicates' room is then given back in place.
///
/// Each value proposes every pair of its holders when it has at most `blockSize` of them, and
/// otherwise pairs each holder with its next `sampledDegree` in an order hashed per value, so
/// chains span the value.
struct CandidatePairs {
    /// Where each account's row starts in `partners` (`accountCount + 1` entries; at most
    /// `pairLimit` pairs are proposed).
    let start: [Int32]
    /// The larger account of each pair, row after row.
    let partners: GrowableBuffer<Int32>
    /// The block size used: the one asked for, unless the pairs had to be cut to fit `pairLimit`.
    let blockSize: Int
    /// The sampled partners per holder used, likewise.
    let sampledDegree: Int

    /// One value's holders (ascending, at least two) and the value they share; `EvidenceClusterer`
    /// visits every value that may propose pairs.
    typealias Visit = (_ kind: LinkKind, _ value: Int32, _ holders: ArraySlice<Int32>) -> Void

    /// The pairs proposed by the values `forEachValue` visits (it is called twice, and must visit
    /// the same values both times), for accounts `0..<accountCount`.
    /// - Complexity: O(accounts + proposed pairs + Σ over sampled values n log n), and each
    ///   row's sort.
    ///
    /// Rows are indexed in `Int32`, so at most `pairLimit` pairs (`Int32.max` unless a test sets
    /// less) may be proposed. A source that would propose more (billions of pairs: far beyond
    /// tens of millions of queries, but a hostile source may try) is not stopped by an overflow:
    /// the values are proposed again with smaller blocks and fewer sampled partners, halved until
    /// the pairs fit (at the least, blocks of 2 and one partner each: about one pair per holding).
    /// `blockSize` and `sampledDegree` then say what was used.
    ///
    /// With `minimumRepeats` above 1, a pair is kept only when that many visited values propose
    /// it (timing buckets: one shared moment is chance, several are a pattern).
    init(
        accountCount n: Int, blockSize: Int, sampledDegree: Int, pairLimit: Int = Int(Int32.max), minimumRepeats: Int = 1,
        forEachValue: (Visit) -> Void
    ) {
        var (blockSize, sampledDegree) = (blockSize, sampledDegree)
        var order: [(UInt64, Int32)] = []
        // Counted by smaller account, at `bound[a + 1]` (wrapping; the total, in `Int`, says
        // whether any row or the sum could have wrapped).
        var bound: [Int32] = []
        var total = 0
        while true {
            bound = [Int32](repeating: 0, count: n + 1)
            total = 0
            forEachValue { kind, value, holders in
                if holders.count <= blockSize {
                    // The holder at position i pairs with each holder after it.
                    var after = holders.count - 1
                    total += holders.count * after / 2
                    for a in holders {
                        bound[Int(a) + 1] &+= Int32(truncatingIfNeeded: after)
                        after -= 1
                    }
                } else {
                    Self.sampledPairs(kind, value, holders, degree: sampledDegree, order: &order) { a, _ in
                        bound[Int(a) + 1] &+= 1
                        total += 1
                    }
                }
            }
            if total <= pairLimit || (blockSize <= 2 && sampledDegree <= 1) { break }
            (blockSize, sampledDegree) = (max(blockSize / 2, 2), max(sampledDegree / 2, 1))
        }
        precondition(total <= pairLimit, "CandidatePairs: \(total) pairs even at the smallest blocks; more than \(pairLimit) cannot be indexed")
        self.blockSize = blockSize
        self.sampledDegree = sampledDegree
        for a in 0..<n { bound[a + 1] += bound[a] }
        let proposed = Int(bound[n])
        // Each row filled from its end: `bound[a + 1]` ends as row a's start.
        let partners = GrowableBuffer<Int32>(repeating: 0, count: proposed)
        forEachValue { kind, value, holders in
            func place(_ a: Int32, _ b: Int32) {
                bound[Int(a) + 1] -= 1
                partners[Int(bound[Int(a) + 1])] = b
            }
            if holders.count <= blockSize {
                for (i, a) in holders.enumerated() {
                    for b in holders.dropFirst(i + 1) { place(a, b) }
                }
            } else {
                Self.sampledPairs(kind, value, holders, degree: sampledDegree, order: &order, place)
            }
        }
        bound.removeFirst()
        bound.append(Int32(proposed))
        Self.sortAndDeduplicateRows(partners, start: &bound, minimumRepeats: minimumRepeats)
        partners.trim()
        start = bound
        self.partners = partners
    }

    /// The number of pairs.
    var count: Int { partners.count }

    /// The larger accounts paired with `account`, ascending.
    func partners(of account: Int) -> [Int32] {
        (Int(start[account])..<Int(start[account + 1])).map { partners[$0] }
    }

    /// The account whose row holds pair `position` (`0..<count`).
    /// - Complexity: O(log accounts).
    func account(holding position: Int) -> Int {
        precondition(position >= 0 && position < count, "CandidatePairs: pair position out of range")
        // The last account whose row starts at or before `position`, with a non-empty row.
        var low = 0, high = start.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(start[mid]) <= position { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Every pair as a key (smaller << 32 | larger), ascending.
    var keys: [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(count)
        for a in 0..<(start.count - 1) {
            for position in Int(start[a])..<Int(start[a + 1]) { out.append(UInt64(a) << 32 | UInt64(UInt32(partners[position]))) }
        }
        return out
    }

    /// The pairs a value with more than `blockSize` holders proposes, as (smaller, larger): in
    /// an order hashed per value, each holder meets its next `degree`, wrapping around.
    static func sampledPairs(
        _ kind: LinkKind, _ value: Int32, _ holders: ArraySlice<Int32>, degree: Int, order: inout [(UInt64, Int32)],
        _ body: (Int32, Int32) -> Void
    ) {
        let count = holders.count
        guard count >= 2 else { return }
        order.removeAll(keepingCapacity: true)
        let salt = UInt64(kind.position) << 40 ^ UInt64(UInt32(value))
        for a in holders { order.append((ByteHash.mix(salt ^ UInt64(UInt32(a)) << 8), a)) }
        order.sort { $0.0 < $1.0 }
        for i in 0..<count {
            for step in 1...min(degree, count - 1) {
                let a = order[i].1, b = order[(i + step) % count].1
                if a < b { body(a, b) } else { body(b, a) }
            }
        }
    }

    /// Sorts each row of `partners` (rows at `start`) and keeps each partner once (when it
    /// appears at least `minimumRepeats` times), moving the rows down over the dropped ones;
    /// `start` is left as the new rows' starts, `partners` truncated to them.
    private static func sortAndDeduplicateRows(_ partners: GrowableBuffer<Int32>, start: inout [Int32], minimumRepeats: Int) {
        var row: [Int32] = []
        var written = 0
        for a in 0..<(start.count - 1) {
            let (low, high) = (Int(start[a]), Int(start[a + 1]))
            start[a] = Int32(written)
            switch high - low {
            case 0: continue
            case 1 where minimumRepeats <= 1:
                partners[written] = partners[low]
                written += 1
            default:
                row.removeAll(keepingCapacity: true)
                for position in low..<high { row.append(partners[position]) }
                row.sort()
                var i = 0
                while i < row.count {
                    var j = i + 1
                    while j < row.count && row[j] == row[i] { j += 1 }
                    if j - i >= minimumRepeats {
                        partners[written] = row[i]
                        written += 1
                    }
                    i = j
                }
            }
        }
        start[start.count - 1] = Int32(written)
        partners.truncate(to: written)
    }
}
