/// Every burst of the population in time order, as the account that fired it, bucket after
/// bucket of `CoActivity.cumulative` (bucket `b`'s bursts are `cumulative[b]..<cumulative[b + 1]`,
/// within it by account): 4 bytes a burst. Made once, on the first question about who fired
/// near an account, so that each question reads only the buckets around that account's bursts.
struct BurstTimeline: Sendable {
    /// The account of each burst, in bucket order.
    let accounts: [Int32]
}

extension CoActivity {
    /// The population's bursts by time (`BurstTimeline`), made on the first call and kept: a
    /// console asks for many accounts' partners, a `clusters` run for none.
    /// - Complexity: O(queries) on the first call, O(1) after.
    func burstTimeline() -> BurstTimeline {
        timeline.withLock { made in
            if let made { return made }
            let built = makeTimeline()
            made = built
            return built
        }
    }

    /// Deals every account's bursts into their buckets, accounts in order (a counting sort
    /// whose counts are `cumulative`). A burst whose bucket is already full is left out; that
    /// cannot happen when the counts were made from these queries (`init`, or a snapshot's,
    /// which its reader checks against them).
    private func makeTimeline() -> BurstTimeline {
        let buckets = cumulative.count - 1
        guard buckets > 0 else { return BurstTimeline(accounts: []) }
        var next = Array(cumulative[0..<buckets])
        var accounts = [Int32](repeating: -1, count: Int(cumulative[buckets]))
        let bucketSeconds = self.bucketSeconds
        for account in 0..<max(0, queries.accountStart.count - 1) {
            CoActivity.forEachBurst(queries, account, base: base, window: windowSeconds, within: activity) { t in
                let b = Int(Int64(t) / bucketSeconds)
                guard b < buckets, next[b] < cumulative[b + 1] else { return }
                accounts[Int(next[b])] = Int32(truncatingIfNeeded: account)
                next[b] += 1
            }
        }
        return BurstTimeline(accounts: accounts)
    }

    /// The accounts other than `account` (and below `accountCount`) with a burst within the
    /// widest co-firing scale (`widestScaleSeconds`, so every scale's meetings) of one of
    /// `bursts` (seconds after `base`, ascending), and maybe a few more: a bucket wider than a
    /// second is read whole. Each at most once, in no set order.
    /// - Complexity: O(bursts × bursts in the buckets around each).
    func accountsFiringNear(_ bursts: [UInt32], of account: Int, accountCount: Int) -> Set<Int32> {
        let timeline = burstTimeline().accounts
        let buckets = cumulative.count - 1
        var near = Set<Int32>()
        guard buckets > 0 else { return near }
        let window = Int64(widestScaleSeconds)
        for t in bursts {
            let low = Int(max(0, Int64(t) - window) / bucketSeconds)
            let high = min(buckets - 1, Int((Int64(t) + window) / bucketSeconds))
            guard low <= high else { continue }
            for i in Int(cumulative[low])..<Int(cumulative[high + 1]) where i < timeline.count {
                let other = Int(timeline[i])
                if other >= 0, other != account, other < accountCount { near.insert(Int32(other)) }
            }
        }
        return near
    }
}
