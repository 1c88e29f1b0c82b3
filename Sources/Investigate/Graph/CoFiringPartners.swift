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
            + "\(PairExplanation.count(together, "time")); \(PairExplanation.format2(expected)) expected "
            + "(a time pairs one of its \(own) with one of a partner's; a firing can meet several partners)"
    }
}

extension CoActivity {
    /// Every account that fired within the widest scale of one of `account`'s bursts, kept when
    /// their co-firing is surprising (`CoFiring.bits > 0`).
    /// - Complexity: O(bursts log bursts) to order all bursts by time, then O(the account's
    ///   bursts × bursts in a window).
    public func partners(of account: Int, accountCount: Int) -> CoFiringPartners {
        var timeline: [(Int64, Int32)] = []
        timeline.reserveCapacity(totalBursts)
        for a in 0..<accountCount { for t in bursts(of: a) { timeline.append((t, Int32(a))) } }
        timeline.sort { $0.0 < $1.0 }
        var candidates = Set<Int32>()
        let own = bursts(of: account)
        let window = Int64(widestScaleSeconds) * 1000
        for t in own {
            var low = 0, high = timeline.count
            while low < high {
                let mid = (low + high) / 2
                if timeline[mid].0 < t - window { low = mid + 1 } else { high = mid }
            }
            var i = low
            while i < timeline.count && timeline[i].0 <= t + window {
                if Int(timeline[i].1) != account { candidates.insert(timeline[i].1) }
                i += 1
            }
        }
        var partners: [(account: Int, firing: CoFiring)] = []
        for other in candidates {
            let firing = coFiring(account, Int(other))
            if firing.bits > 0 { partners.append((Int(other), firing)) }
        }
        partners.sort { ($0.firing.bits, $1.account) > ($1.firing.bits, $0.account) }
        return CoFiringPartners(partners: partners, firings: own.count)
    }
}
