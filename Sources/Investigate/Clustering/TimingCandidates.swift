import ByteCore

/// Pairs proposed by coordinated timing: accounts that fire in the same time bucket in at least
/// three buckets. A ring that shares only values thousands of strangers also hold (a cloud ASN, a
/// common SDK, a common model mix) is never proposed by those hubs; what it shares is the
/// moment it fires, again and again.
///
/// The bucket is as wide as the widest co-firing scale (`CoActivity.widestScaleSeconds`), unless
/// the population is so busy that a bucket would hold more than `meanOccupancy` firing accounts
/// on average; then it is narrowed to that (the cost bound: about `meanOccupancy / 2` proposed
/// pairs per account burst, linear in the bursts, counted in a byte each before the repeated
/// ones are kept). A bucket holding more than `blockSize` accounts is a crowd moment (a lecture,
/// an evening's news) and proposes nothing.
/// Only accounts firing in three buckets or more take part. The pairs are then scored like any
/// other candidate (`PairScan`): timing still counts at most half a link, so a proposed pair
/// links only with shared values worth half a link beside it.
struct TimingCandidates {
    /// Accounts per bucket, on average, at most (a cost bound, not a fitted figure).
    static let meanOccupancy = 4

    /// Buckets an account must fire in to take part: above the window a pair needs three
    /// meetings (`CoActivity.meetingsAboveWindow`), and an account in fewer buckets has fewer.
    static let minimumBuckets = 3

    /// The pairs, by smaller account.
    let pairs: CandidatePairs
    /// The bucket width used (seconds).
    let bucketSeconds: Int64

    /// Buckets the firing accounts of `coActivity`.
    /// - Complexity: O(queries + buckets + proposed pairs).
    init(coActivity: CoActivity, accountCount n: Int, blockSize: Int) {
        var bursts: [UInt32] = []
        var firing = 0
        for account in 0..<n {
            coActivity.seconds(of: account, into: &bursts)
            if bursts.count >= 2 { firing += bursts.count }
        }
        let span = max(1, coActivity.spanSeconds)
        let widest = Int64(coActivity.widestScaleSeconds)
        let busy = firing == 0 ? widest : span * Int64(Self.meanOccupancy) / Int64(firing)
        let width = max(1, min(widest, max(coActivity.window / 1000, busy)))
        bucketSeconds = width
        // The accounts firing in each bucket, ascending, bucket after bucket (a counting sort:
        // 4 bytes an entry, no sort scratch). An account takes part with enough buckets.
        let buckets = Int(span / width) + 2
        var start = [Int32](repeating: 0, count: buckets + 1)
        func forEachBucket(of account: Int, _ body: (Int) -> Void) {
            coActivity.seconds(of: account, into: &bursts)
            var distinct = 0
            var last: Int64 = -1
            for t in bursts where Int64(t) / width != last {
                last = Int64(t) / width
                distinct += 1
            }
            guard distinct >= Self.minimumBuckets else { return }
            last = -1
            for t in bursts where Int64(t) / width != last {
                last = Int64(t) / width
                body(min(buckets - 1, Int(last)))
            }
        }
        for account in 0..<n { forEachBucket(of: account) { start[$0 + 1] += 1 } }
        for b in 0..<buckets { start[b + 1] += start[b] }
        var entries = [Int32](repeating: 0, count: Int(start[buckets]))
        var fill = start
        for account in 0..<n {
            forEachBucket(of: account) {
                entries[Int(fill[$0])] = Int32(account)
                fill[$0] += 1
            }
        }
        fill = []
        // Every pair of every bucket a block or smaller, as (smaller, larger).
        func forEachProposal(_ body: (Int32, Int32) -> Void) {
            for b in 0..<buckets {
                let (low, high) = (Int(start[b]), Int(start[b + 1]))
                guard high - low >= 2 && high - low <= blockSize else { continue }
                for i in low..<high { for j in (i + 1)..<high { body(entries[i], entries[j]) } }
            }
        }
        // A pair must be proposed by `minimumBuckets` buckets. Proposals are first counted in a
        // table of 2-bit saturating counters (four slots a proposal: one byte), so only the
        // pairs that may repeat are written out and counted exactly (`CandidatePairs`); a
        // collision only adds a candidate, which the exact count then drops.
        var proposals = 0
        forEachProposal { _, _ in proposals += 1 }
        var slots = 1 << 16
        while slots < proposals * 4 && slots < 1 << 34 { slots <<= 1 }
        var counters = [UInt64](repeating: 0, count: slots / 32)
        func slot(_ a: Int32, _ b: Int32) -> Int {
            Int(truncatingIfNeeded: ByteHash.mix(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)))) & (slots - 1)
        }
        forEachProposal { a, b in
            let s = slot(a, b), shift = UInt64(s & 31) * 2
            let count = counters[s >> 5] >> shift & 3
            if count < 3 { counters[s >> 5] += 1 << shift }
        }
        let needed = UInt64(min(3, Self.minimumBuckets))
        var pair: [Int32] = [0, 0]
        pairs = CandidatePairs(accountCount: n, blockSize: blockSize, sampledDegree: 1, minimumRepeats: Self.minimumBuckets) { visit in
            forEachProposal { a, b in
                let s = slot(a, b)
                guard counters[s >> 5] >> (UInt64(s & 31) * 2) & 3 >= needed else { return }
                (pair[0], pair[1]) = (a, b)
                visit(.ip, -1, pair[...])
            }
        }
    }
}
