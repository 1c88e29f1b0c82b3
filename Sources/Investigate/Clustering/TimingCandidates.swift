/// Pairs proposed by coordinated timing: accounts that fire in the same time bucket in at least
/// two buckets. A ring that shares only values thousands of strangers also hold (a cloud ASN, a
/// common SDK, a common model mix) is never proposed by those hubs; what it shares is the
/// moment it fires, again and again.
///
/// The bucket is as wide as the widest co-firing scale (`CoActivity.widestScaleSeconds`), unless
/// the population is so busy that a bucket would hold more than `meanOccupancy` firing accounts
/// on average; then it is narrowed to that (the cost bound: about `meanOccupancy / 2` proposed
/// pairs per account burst, linear in the bursts). A bucket holding more than `blockSize`
/// accounts is a crowd moment (a lecture, an evening's news) and proposes nothing.
/// Only accounts firing in two buckets or more take part. The pairs are then scored like any
/// other candidate (`PairScan`): timing still counts at most half a link, so a proposed pair
/// links only with shared values worth half a link beside it.
struct TimingCandidates {
    /// Accounts per bucket, on average, at most (a cost bound, not a fitted figure).
    static let meanOccupancy = 8

    /// The pairs, by smaller account.
    let pairs: CandidatePairs
    /// The bucket width used (seconds).
    let bucketSeconds: Int64

    /// Buckets the firing accounts of `coActivity`.
    /// - Complexity: O(bursts log bursts + proposed pairs).
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
        // (bucket << 32 | account) for each bucket an account fires in, ascending.
        var entries: [UInt64] = []
        entries.reserveCapacity(firing)
        for account in 0..<n {
            coActivity.seconds(of: account, into: &bursts)
            guard bursts.count >= 2 else { continue }
            let first = entries.count
            var last: Int64 = -1
            for t in bursts {
                let bucket = Int64(t) / width
                if bucket == last { continue }
                last = bucket
                entries.append(UInt64(bucket) << 32 | UInt64(UInt32(account)))
            }
            // One bucket only: no pair can repeat.
            if entries.count - first < 2 { entries.removeLast(entries.count - first) }
        }
        entries.sort()
        var holders: [Int32] = []
        pairs = CandidatePairs(accountCount: n, blockSize: blockSize, sampledDegree: 1, minimumRepeats: 2) { visit in
            var i = 0
            while i < entries.count {
                var j = i + 1
                while j < entries.count && entries[j] >> 32 == entries[i] >> 32 { j += 1 }
                if j - i >= 2 && j - i <= blockSize {
                    holders.removeAll(keepingCapacity: true)
                    for k in i..<j { holders.append(Int32(truncatingIfNeeded: entries[k] & 0xFFFF_FFFF)) }
                    visit(.ip, Int32(truncatingIfNeeded: entries[i] >> 32), holders[...])
                }
                i = j
            }
        }
    }
}
