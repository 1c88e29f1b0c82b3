/// The accounts one account fires together with, as a pivot: "fires with N accounts, K times,
/// k expected".
public struct CoFiringPartners: Sendable {
    /// Partners whose co-firing is surprising (at least two, more than expected), most bits first.
    public var partners: [(account: Int, firing: CoFiring)]
    /// Co-firings with those partners.
    public var together: Int { partners.reduce(0) { $0 + $1.firing.together } }
    /// Co-firings expected with them at their own rates.
    public var expected: Double { partners.reduce(0) { $0 + $1.firing.expected } }
    /// The account's own firings (its queries collapsed into bursts), which each partner's
    /// count pairs one to one with the partner's.
    public var firings = 0

    /// "fires with 3 accounts within 5 s, 37 times; 0.4 expected (a time pairs one of its 30
    /// firings with one of a partner's; ...)" (each partner at the scale its co-firing is most
    /// surprising at: "within 5-45 s" when they differ), or "fires with no account ... more often
    /// than chance".
    public var summary: String {
        let scales = partners.map(\.firing.windowSeconds)
        let low = scales.min() ?? PairExplanation.timingWindowSeconds, high = scales.max() ?? low
        let window = "within \(low == high ? "\(low)" : "\(low)-\(high)") s"
        let own = PairExplanation.count(firings, "firing")
        guard !partners.isEmpty else { return "fires with no account \(window) more often than chance (\(own))" }
        return "fires with \(PairExplanation.count(partners.count, "account")) \(window), "
            + "\(PairExplanation.count(together, "time")); \(ExpectedCount.text(expected)) expected "
            + "(a time pairs one of its \(own) with one of a partner's; a firing can meet several partners)"
    }
}

extension CoActivity {
    /// Every account that fired within the widest co-firing scale (`widestScaleSeconds`) of one
    /// of `account`'s bursts, kept when their co-firing is surprising (`CoFiring.bits > 0`).
    /// - Complexity: O(the account's bursts × bursts in the buckets around each, plus the
    ///   bursts of the accounts found there), once the population's bursts are in time order
    ///   (`burstTimeline()`: O(queries) on the first call of a process, kept for the next).
    public func partners(of account: Int, accountCount: Int) -> CoFiringPartners {
        var own: [UInt32] = [], theirs: [UInt32] = []
        seconds(of: account, into: &own)
        // A bucket read whole may add accounts with no burst within the window: they meet
        // `account` 0 times, so 0 bits, and are not kept.
        let candidates = accountsFiringNear(own, of: account, accountCount: accountCount)
        var partners: [(account: Int, firing: CoFiring)] = []
        for other in candidates.map({ Int($0) }) {
            // As `coFiring(account, other)`: the smaller account's bursts first.
            seconds(of: other, into: &theirs)
            let firing = other < account ? coFiring(seconds: theirs[...], own[...]) : coFiring(seconds: own[...], theirs[...])
            if firing.bits > 0 { partners.append((other, firing)) }
        }
        partners.sort { ($0.firing.bits, $1.account) > ($1.firing.bits, $0.account) }
        return CoFiringPartners(partners: partners, firings: own.count)
    }
}
