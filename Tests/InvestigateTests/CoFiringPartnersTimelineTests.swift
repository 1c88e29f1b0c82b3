import Testing
@testable import Investigate

/// `CoActivity.partners` reads the population's bursts from a timeline made once
/// (`burstTimeline()`), where it sorted every burst on every call: the partners, counts and bits
/// must be those of the sort, for every account, whether the timeline's buckets are a second
/// wide (a span under 46 days) or wider.
@Suite struct CoFiringPartnersTimelineTests {
    typealias S = SignalTestSource

    /// The former `partners`: every burst sorted by time, then a binary search per own burst
    /// reaching the widest co-firing scale.
    static func sortedPartners(_ activity: CoActivity, of account: Int, accountCount: Int) -> CoFiringPartners {
        var timeline: [(Int64, Int32)] = []
        for a in 0..<accountCount { for t in activity.bursts(of: a) { timeline.append((t, Int32(a))) } }
        timeline.sort { $0.0 < $1.0 }
        var candidates = Set<Int32>()
        let own = activity.bursts(of: account)
        let window = Int64(activity.widestScaleSeconds) * 1000
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
            let firing = activity.coFiring(account, Int(other))
            if firing.bits > 0 { partners.append((Int(other), firing)) }
        }
        partners.sort { ($0.firing.bits, $1.account) > ($1.firing.bits, $0.account) }
        return CoFiringPartners(partners: partners, firings: own.count)
    }

    /// A ring of 5 accounts firing within 4 s of one another at 12 moments spread over `days`,
    /// two accounts that meet the ring 6 s off (outside the window), and a random background.
    static func population(days: Int64, seed: UInt64) throws -> Investigation {
        var s = S()
        var rng = SeededRandom(seed: seed)
        for i in 0..<30 {
            let id = "bg\(i)"
            s.account(.init(id: id, created: "2025-06-01T00:00:00Z"))
            for k in 0..<25 { s.query(id, at: S.base + Int64(rng.int(0...Int(days * 86_400))) * 1000, prompt: "bg \(i) \(k)") }
        }
        let ring = (0..<5).map { "ring\($0)" }, near = ["near0", "near1"]
        for id in ring + near { s.account(.init(id: id, created: "2025-06-01T00:00:00Z")) }
        for k in 0..<12 {
            let tick = S.base + Int64(k) * (days * S.day / 12) + Int64(rng.int(0...3_600)) * 1000
            for (i, id) in ring.enumerated() { s.query(id, at: tick + Int64(i) * 1000, prompt: "ring \(k)") }
            for (i, id) in near.enumerated() { s.query(id, at: tick + Int64(10 + 6 * i) * 1000, prompt: "near \(k)") }
        }
        return try s.investigate()
    }

    @Test(arguments: [(Int64(20), UInt64(5)), (Int64(120), UInt64(6)), (Int64(400), UInt64(7))])
    func partnersAreThoseOfSortingEveryBurst(days: Int64, seed: UInt64) throws {
        let inv = try Self.population(days: days, seed: seed)
        let activity = inv.coActivity, count = inv.data.accountCount
        var found = 0
        for account in 0..<count {
            let indexed = activity.partners(of: account, accountCount: count)
            let sorted = Self.sortedPartners(activity, of: account, accountCount: count)
            #expect(indexed.firings == sorted.firings)
            #expect(indexed.partners.map(\.account) == sorted.partners.map(\.account))
            #expect(indexed.partners.map(\.firing) == sorted.partners.map(\.firing))
            #expect(indexed.summary == sorted.summary)
            found += indexed.partners.count
        }
        // The ring's members find one another: the comparison is not of empty lists only.
        #expect(found >= 20)
        // The timeline holds every burst once.
        #expect(activity.burstTimeline().accounts.count == activity.totalBursts)
        #expect(!activity.burstTimeline().accounts.contains(-1))
    }

    @Test func aTimelineOfNoQueriesFindsNobody() {
        let activity = CoActivity(queries: QueryTable())
        #expect(activity.burstTimeline().accounts.isEmpty)
        #expect(activity.accountsFiringNear([1, 2, 3], of: 0, accountCount: 0).isEmpty)
    }
}
