import ByteCore

/// Pairs whose shared sittings (`CoActivity.sittings`) are a link on their own: accounts whose
/// sets of active hours (hours of the span with a burst) are alike far beyond chance. A relay's
/// members sit on the same days out of weeks, minutes apart, so no time bucket of seconds holds
/// two of them (`TimingCandidates`), and they share no value rare enough to propose them.
///
/// Found by locality-sensitive hashing: each account's hours get `bands` keys, each of
/// `rowsPerBand` MinHash minima, and the accounts of a key held by 2 to `blockSize` accounts (more
/// is a crowd, as a hub value is) are compared pair by pair. Two accounts whose hours agree in a
/// share J of their union meet in a band with probability J^4: with eight bands, 19 in 20 pairs at
/// J = 0.75, one in 1,250 at J = 0.1. The comparisons of a band are bounded as timing's proposals
/// are (`TimingCandidates.proposalsPerEntry` an account taking part, at least `minimumBudget`):
/// where the keys' pairs would pass that (a source crowding its accounts into small groups), keys
/// held by more than the largest size that fits compare nothing. A pair is kept only when its sittings are worth twice the
/// link threshold, a link on their own (`EvidenceWeights.countedTiming`); below that, sittings
/// count only beside values that propose the pair, as half a link at most (`PairScan`).
///
/// Only accounts active in enough hours to reach that take part (`minimumHours`, against the
/// population's own concentration of activity in hours). Nothing is kept per hour: each account
/// taking part holds its `bands` keys (4 bytes each) while the bands are read one at a time.
struct SittingCandidates {
    /// Keys per account (design: the LSH banding above, not fitted to a source).
    static let bands = 8
    /// MinHash minima per key.
    static let rowsPerBand = 4

    /// The pairs kept (smaller << 32 | larger), ascending and unique.
    let keys: [UInt64]
    /// Accounts that took part (active in at least `minimumHours` hours).
    let accounts: Int
    /// Pairs compared (a pair meeting in several bands counts each time).
    let compared: Int

    /// The fewest active hours whose sharing, whole, is worth `bits` when the population's
    /// activity spreads as over `effectiveHours` equally busy hours:
    /// `CoActivity.surpriseBits(h, h² / effectiveHours)` less the sittings' penalty; nil when no
    /// count is.
    static func minimumHours(bits: Double, effectiveHours: Double) -> Int? {
        let most = Int(effectiveHours.rounded(.down))
        guard most >= CoActivity.meetingsAboveWindow else { return nil }
        for h in CoActivity.meetingsAboveWindow...most {
            let expected = Double(h) * Double(h) / effectiveHours
            if CoActivity.surpriseBits(h, expected: expected) - CoActivity.sittingPenaltyBits >= bits { return h }
            if expected >= Double(h) { break }
        }
        return nil
    }

    /// Compares the accounts of every shared key and keeps the pairs whose sittings reach twice
    /// `linkBits`.
    /// - Complexity: O(bursts × bands × rowsPerBand + compared pairs × their bursts); memory
    ///   `bands` × 4 bytes an account taking part, and 8 bytes each for one band's keys.
    init(coActivity: CoActivity, accountCount n: Int, blockSize: Int, linkBits: Double) {
        let need = 2 * linkBits
        guard let least = Self.minimumHours(bits: need, effectiveHours: coActivity.effectiveHours) else {
            (keys, accounts, compared) = ([], 0, 0)
            return
        }
        let seeds = (0..<(Self.bands * Self.rowsPerBand)).map { UInt64($0 + 1) &* 0xD6E8_FEB8_6659_FD93 }
        // Each account taking part, and its band keys one after another.
        var members: [Int32] = []
        var signatures: [UInt32] = []
        var bursts: [UInt32] = []
        var smallest = [UInt64](repeating: 0, count: seeds.count)
        for account in 0..<n {
            coActivity.seconds(of: account, into: &bursts)
            guard bursts.count >= least else { continue }
            var hours = 0
            var last: UInt32? = nil
            for k in smallest.indices { smallest[k] = .max }
            for t in bursts where last != coActivity.sittingHour(t) {
                let h = coActivity.sittingHour(t)
                last = h
                hours += 1
                for (k, seed) in seeds.enumerated() { smallest[k] = min(smallest[k], ByteHash.mix(UInt64(h) ^ seed)) }
            }
            guard hours >= least else { continue }
            members.append(Int32(account))
            for band in 0..<Self.bands {
                var key = UInt64(band)
                for row in 0..<Self.rowsPerBand { key = ByteHash.mix(key ^ smallest[band * Self.rowsPerBand + row]) }
                signatures.append(UInt32(truncatingIfNeeded: key >> 32))
            }
        }
        accounts = members.count
        var kept: [UInt64] = []
        var compared = 0
        var keys: [UInt64] = []
        keys.reserveCapacity(members.count)
        var groupBursts: [[UInt32]] = []
        let budget = max(TimingCandidates.minimumBudget, TimingCandidates.proposalsPerEntry * members.count)
        for band in 0..<Self.bands {
            keys.removeAll(keepingCapacity: true)
            for i in members.indices { keys.append(UInt64(signatures[i * Self.bands + band]) << 32 | UInt64(UInt32(members[i]))) }
            keys.sort()
            // The largest group that compares its pairs: the block size, less where the band's
            // pairs would pass the budget.
            var sizes: [UInt8] = []
            Self.forEachGroup(keys) { at, next in if next - at <= min(blockSize, Int(UInt8.max)) { sizes.append(UInt8(next - at)) } }
            let largest = TimingCandidates.keptPerBucket(occupancy: sizes, budget: budget, blockSize: blockSize)
            Self.forEachGroup(keys) { at, next in
                if next - at <= largest {
                    // The group's bursts read once, then every pair of it compared.
                    groupBursts.removeAll(keepingCapacity: true)
                    for k in at..<next {
                        coActivity.seconds(of: Int(keys[k] & 0xFFFF_FFFF), into: &bursts)
                        groupBursts.append(bursts)
                    }
                    for i in 0..<(next - at) {
                        for j in (i + 1)..<(next - at) {
                            compared += 1
                            guard let shared = coActivity.sittings(groupBursts[i][...], groupBursts[j][...]), shared.bits >= need else {
                                continue
                            }
                            kept.append((keys[at + i] & 0xFFFF_FFFF) << 32 | (keys[at + j] & 0xFFFF_FFFF))
                        }
                    }
                }
            }
        }
        kept.sort()
        var unique = 0
        for k in kept.indices where unique == 0 || kept[unique - 1] != kept[k] {
            kept[unique] = kept[k]
            unique += 1
        }
        kept.removeLast(kept.count - unique)
        self.keys = kept
        self.compared = compared
    }

    /// Calls `body` with the bounds of each run of equal keys (`key >> 32`) of two accounts or more.
    private static func forEachGroup(_ keys: [UInt64], _ body: (Int, Int) -> Void) {
        var at = 0
        while at < keys.count {
            var next = at + 1
            while next < keys.count && keys[next] >> 32 == keys[at] >> 32 { next += 1 }
            if next - at >= 2 { body(at, next) }
            at = next
        }
    }

    /// Two ascending, unique key lists as one.
    static func merged(_ a: [UInt64], _ b: [UInt64]) -> [UInt64] {
        guard !b.isEmpty else { return a }
        guard !a.isEmpty else { return b }
        var out: [UInt64] = []
        out.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i])
                i += 1
            } else {
                if i < a.count && a[i] == b[j] { i += 1 }
                out.append(b[j])
                j += 1
            }
        }
        return out
    }
}
