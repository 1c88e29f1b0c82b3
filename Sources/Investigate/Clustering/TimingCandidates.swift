import ByteCore

/// Pairs proposed by coordinated timing: accounts that fire in the same time bucket in at least
/// three buckets. A ring that shares only values thousands of strangers also hold (a cloud ASN, a
/// common SDK, a common model mix) is never proposed by those hubs; what it shares is the
/// moment it fires, again and again.
///
/// The buckets cover the activity window (`ActivityWindow`), at most `bucketLimit` of them.
/// The bucket is as wide as the widest co-firing scale (`CoActivity.widestScaleSeconds`), unless
/// the population is so busy that a bucket would hold more than `meanOccupancy` firing accounts
/// on average; then it is narrowed to that. The mean is not the bound: a population's busy
/// hours fill their buckets many times over, and a bucket proposes every pair of its accounts.
/// So the proposals are bounded at `proposalsPerEntry` a bucket entry (linear in the bursts,
/// counted exactly one account at a time, never held together): a bucket of more accounts than
/// its share keeps a sample of them, the same accounts in every bucket (sampled above K, as
/// values are), so the bucket entries, the structure's memory, are bounded with the proposals. A bucket holding more than `blockSize` accounts is a crowd moment (a lecture, an
/// evening's news) and proposes nothing.
/// Only accounts firing in three buckets or more take part. The pairs are then scored like any
/// other candidate (`PairScan`): timing counts at most half a link, so a proposed pair links
/// with shared values worth half a link beside it, or alone when its co-firing is overwhelming
/// (`EvidenceWeights.countedTiming`).
struct TimingCandidates {
    /// Accounts per bucket, on average, at most (a cost bound, not a fitted figure).
    static let meanOccupancy = 4

    /// Buckets an account must fire in to take part: above the window a pair needs three
    /// meetings (`CoActivity.meetingsAboveWindow`), and an account in fewer buckets has fewer.
    static let minimumBuckets = 3

    /// The pairs as keys (smaller << 32 | larger), ascending. They are few (a pair needs three
    /// meetings; 2 at 10M queries of a population without a ring of this kind), so they are held
    /// as they are: a row index would cost 4 bytes an account while the value pairs are built.
    let keys: [UInt64]
    /// The bucket width used (seconds).
    let bucketSeconds: Int64
    /// Accounts a bucket kept, about, at most (`proposalsPerEntry`): more were sampled.
    let sampledOccupancy: Int

    /// Buckets at most (a memory bound, 13 bytes a bucket: 52 MiB; `CoActivity.bucketLimit`'s
    /// count). The span is the activity window's (`ActivityWindow`), so only a population whose
    /// own rows run for decades without a year's pause reaches it.
    static let bucketLimit = CoActivity.bucketLimit

    /// Proposals a bucket entry (an account firing in a bucket), at most: the cost bound of
    /// `meanOccupancy` made a bound whatever the skew (busy hours hold more than the mean).
    static let proposalsPerEntry = meanOccupancy / 2

    /// Proposals allowed however few the entries (a small population is never sampled).
    static let minimumBudget = 1 << 16

    /// The accounts a bucket keeps, about, at most: the largest number (2 to a block) at which the
    /// buckets' pairs stay within `budget` (`occupancy`: each bucket's accounts, 0 for a bucket
    /// that proposes nothing).
    static func keptPerBucket(occupancy: [UInt8], budget: Int, blockSize: Int) -> Int {
        func proposed(kept: Int) -> Int {
            var sum = 0
            for k in occupancy where k != 0 { sum += min(kept, Int(k)) * (min(kept, Int(k)) - 1) / 2 }
            return sum
        }
        var (low, high) = (2, max(2, blockSize))
        guard proposed(kept: high) > budget else { return high }
        while low < high {
            let middle = (low + high + 1) / 2
            if proposed(kept: middle) <= budget { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// An account's place in the sample (the same in every bucket): 32 bits of a hash of it.
    static func sampleHash(_ account: Int32) -> UInt64 {
        ByteHash.mix(UInt64(UInt32(account)) ^ 0x9E37_79B9_7F4A_7C15) >> 32
    }

    /// Buckets the firing accounts of `coActivity`. Each pass over the accounts runs in
    /// `parts` ranges of accounts side by side (their counts summed, their pairs joined in
    /// order), except the fill of the buckets' entries, which writes one shared array.
    /// - Complexity: O(queries + buckets + Σ over buckets of sampled occupancy²); memory 5 bytes
    ///   a bucket (4 more for each further part while counting), 4 a sampled bucket entry (only
    ///   buckets that may propose keep theirs), the longest row of one account's proposals, and
    ///   the kept pairs.
    init(coActivity: CoActivity, accountCount n: Int, blockSize: Int, parts partCount: Int = 2) {
        let parts = Self.ranges(n, count: partCount)
        let firing = ParallelMap.run(parts.count) { p -> Int in
            var bursts: [UInt32] = [], firing = 0
            for account in parts[p] {
                coActivity.seconds(of: account, into: &bursts)
                if bursts.count >= 2 { firing += bursts.count }
            }
            return firing
        }.reduce(0, +)
        let span = max(1, coActivity.spanSeconds)
        let widest = Int64(coActivity.widestScaleSeconds)
        let busy = firing == 0 ? widest : span * Int64(Self.meanOccupancy) / Int64(firing)
        // At most `bucketLimit` buckets, whatever the span (wider buckets past it).
        let width = max(1, min(widest, max(coActivity.window / 1000, busy)), (span + Self.bucketLimit - 1) / Self.bucketLimit)
        bucketSeconds = width
        let buckets = Int(span / width) + 2
        let walker = BucketWalker(coActivity: coActivity, width: width, buckets: buckets)
        // Per bucket, how many accounts of each part `counted` accepts, summed over the parts.
        func countPerBucket(_ counted: (Int, Int) -> Bool) -> [Int32] {
            var sums: [Int32] = []
            for counts in ParallelMap.run(parts.count, { p -> [Int32] in
                var counts = [Int32](repeating: 0, count: buckets), walk = walker
                for account in parts[p] { walk.forEachBucket(of: account) { b in if counted(account, b) { counts[b] += 1 } } }
                return counts
            }) {
                if sums.isEmpty { sums = counts } else { for b in 0..<buckets { sums[b] += counts[b] } }
            }
            return sums.isEmpty ? [Int32](repeating: 0, count: buckets) : sums
        }
        // How many accounts fire in each bucket (accounts in three buckets or more).
        var occupancy = [UInt8](repeating: 0, count: buckets)
        do {
            let counts = countPerBucket { _, _ in true }
            for b in 0..<buckets {
                let k = Int(counts[b])
                // A lone account proposes nothing, and a bucket holding more than a block is a
                // crowd moment.
                if k >= 2 && k <= min(blockSize, Int(UInt8.max)) { occupancy[b] = UInt8(k) }
            }
        }
        // The proposals are bounded by `proposalsPerEntry` a bucket entry, whatever the skew of
        // the population's day: a bucket keeps at most about `kept` of its accounts, sampled by
        // a hash of the account (the same accounts in every bucket, so two sampled accounts keep
        // all their meetings), `kept` the largest that keeps the pairs in the budget. The
        // entries shrink with it: they are the structure's memory.
        var entryCount = 0
        for b in 0..<buckets { entryCount += Int(occupancy[b]) }
        let budget = max(Self.minimumBudget, Self.proposalsPerEntry * entryCount)
        let kept = Self.keptPerBucket(occupancy: occupancy, budget: budget, blockSize: blockSize)
        sampledOccupancy = kept
        let takesPart = { [occupancy] (account: Int, b: Int) -> Bool in
            let k = Int(occupancy[b])
            guard k != 0 else { return false }
            return k <= kept || Self.sampleHash(Int32(account)) <= UInt64(Double(UInt32.max) * Double(kept) / Double(k))
        }
        // The sampled accounts of each bucket, ascending (a counting sort: 4 bytes an entry, no
        // scratch): bucket b holds `start[b + 1]..<start[b + 2]` once filled.
        var start = [Int32](repeating: 0, count: buckets + 2)
        do {
            let counts = countPerBucket(takesPart)
            for b in 0..<buckets { start[b + 1] = counts[b] }
        }
        for b in 0..<buckets { start[b + 1] += start[b] }
        start[buckets + 1] = start[buckets]
        var entries = [Int32](repeating: 0, count: Int(start[buckets]))
        // Filled from the last account down, each bucket from its end: ascending in each bucket.
        var walk = walker
        for account in stride(from: n - 1, through: 0, by: -1) {
            walk.forEachBucket(of: account) { b in
                guard takesPart(account, b) else { return }
                start[b + 1] -= 1
                entries[Int(start[b + 1])] = Int32(account)
            }
        }
        // Each account's proposals as the smaller of the pair, counted exactly (its row sorted):
        // a pair is kept when `minimumBuckets` buckets propose it. No table of all proposals
        // is ever held, only one account's row; the kept pairs are few, and are indexed once the
        // buckets are given up. Each part's pairs are ascending and the parts are in order.
        let filled = (start: start, entries: entries)
        keys = ParallelMap.run(parts.count) { p -> [UInt64] in
            var row: [Int32] = [], keys: [UInt64] = [], walk = walker
            for a in parts[p] {
                row.removeAll(keepingCapacity: true)
                walk.forEachBucket(of: a) { b in
                    guard takesPart(a, b) else { return }
                    for position in Int(filled.start[b + 1])..<Int(filled.start[b + 2]) where Int(filled.entries[position]) > a {
                        row.append(filled.entries[position])
                    }
                }
                guard row.count >= Self.minimumBuckets else { continue }
                row.sort()
                var i = 0
                while i < row.count {
                    var j = i + 1
                    while j < row.count && row[j] == row[i] { j += 1 }
                    if j - i >= Self.minimumBuckets { keys.append(UInt64(a) << 32 | UInt64(UInt32(row[i]))) }
                    i = j
                }
            }
            return keys
        }.flatMap { $0 }
    }

    /// `count` ranges of accounts covering `0..<n` in order (one per account at most).
    static func ranges(_ n: Int, count: Int) -> [Range<Int>] {
        let parts = max(1, min(count, n))
        return (0..<parts).map { p in (n * p / parts)..<(n * (p + 1) / parts) }
    }

    /// The distinct buckets an account fires in, when it fires in `minimumBuckets` or more (its
    /// own burst buffer: each part of a pass walks with its own copy).
    struct BucketWalker {
        let coActivity: CoActivity
        let width: Int64
        let buckets: Int
        var bursts: [UInt32] = []

        init(coActivity: CoActivity, width: Int64, buckets: Int) {
            (self.coActivity, self.width, self.buckets) = (coActivity, width, buckets)
        }

        /// Calls `body` with each distinct bucket of the account's bursts, ascending.
        mutating func forEachBucket(of account: Int, _ body: (Int) -> Void) {
            coActivity.seconds(of: account, into: &bursts)
            var distinct = 0
            var last: Int64 = -1
            for t in bursts where Int64(t) / width != last {
                last = Int64(t) / width
                distinct += 1
            }
            guard distinct >= TimingCandidates.minimumBuckets else { return }
            last = -1
            for t in bursts where Int64(t) / width != last {
                last = Int64(t) / width
                body(min(buckets - 1, Int(last)))
            }
        }
    }
}
