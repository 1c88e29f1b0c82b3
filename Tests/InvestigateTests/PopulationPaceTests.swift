import Testing
@testable import Investigate

/// Expected co-firing follows the population's own activity (`CoActivity+PopulationPace.swift`):
/// unrelated accounts meeting at a public moment (a challenge opening, a deadline) are what the
/// moment makes likely; a scheduler ring meeting at moments nobody else crowds is not.
@Suite struct PopulationPaceTests {
    static let day: UInt32 = 86_400
    static let week: UInt32 = 7 * day

    /// A deterministic stream of numbers (a linear congruential generator).
    struct Stream {
        var state: UInt64
        mutating func next(below bound: UInt32) -> UInt32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt32((state >> 33) % UInt64(bound))
        }
    }

    /// Bursts (seconds) of a population: 100 background accounts firing 20 times each at random
    /// over a week; 150 public-challenge entrants firing 12 times each at random and once at each
    /// of three public moments (at other days, hours and minutes), up to 20 s either side of it;
    /// and a scheduler ring of 4 firing within 2 s of each tick of a scheduler that ticks every
    /// half hour, up to 10 minutes late, for two days.
    static func population() -> (accounts: [[UInt32]], crowd: Range<Int>, ring: Range<Int>) {
        var stream = Stream(state: 42)
        var accounts: [[UInt32]] = []
        for _ in 0..<100 { accounts.append((0..<20).map { _ in stream.next(below: week) }.sorted()) }
        let moments: [UInt32] = [1 * day + 14 * 3_600 + 7 * 60, 3 * day + 9 * 3_600 + 41 * 60, 5 * day + 20 * 3_600 + 23 * 60]
        let crowdStart = accounts.count
        for _ in 0..<150 {
            var bursts = (0..<12).map { _ in stream.next(below: week) }
            for moment in moments { bursts.append(moment - 20 + stream.next(below: 41)) }
            accounts.append(bursts.sorted())
        }
        let ringStart = accounts.count
        // The scheduler's ticks drift (up to 10 minutes past each half hour), so its members are
        // no clocks (`CoActivity.clocks`): a job at the same second of every hour is one.
        let drift = (0..<96).map { _ in stream.next(below: 600) }
        for _ in 0..<4 {
            accounts.append((0..<UInt32(96)).map { tick in 2 * day + tick * 1_800 + drift[Int(tick)] + stream.next(below: 3) })
        }
        return (accounts, crowdStart..<ringStart, ringStart..<accounts.count)
    }

    /// A co-activity holding the population's bursts per second, as `CoActivity.init` counts
    /// them from a query table.
    static func activity(_ accounts: [[UInt32]]) -> CoActivity {
        var counts = [UInt32](repeating: 0, count: Int(week) + 2)
        for bursts in accounts { for t in bursts { counts[Int(t)] += 1 } }
        var cumulative = [UInt32](repeating: 0, count: counts.count + 1)
        for i in counts.indices { cumulative[i + 1] = cumulative[i] + counts[i] }
        return CoActivity(restoring: QueryTable(), window: 5, base: 0, bucketSeconds: 1, cumulative: cumulative)
    }

    @Test func aPublicMomentCrowdStaysUnlinkedAndASchedulerRingIsLinked() {
        let (accounts, crowd, ring) = Self.population()
        let paced = Self.activity(accounts)
        // Without the population (own rates only) every pair of entrants meeting at the three
        // moments looks coordinated; at the population's pace none does.
        let flat = CoActivity(queries: QueryTable())
        var flatSurprising = 0, pacedMost = 0.0
        for a in crowd.lowerBound..<(crowd.lowerBound + 30) {
            for b in (a + 1)..<(crowd.lowerBound + 30) {
                let (x, y) = (accounts[a][...], accounts[b][...])
                if flat.coFiring(seconds: x, y).bits >= 8 { flatSurprising += 1 }
                pacedMost = max(pacedMost, paced.coFiring(seconds: x, y).bits)
            }
        }
        #expect(flatSurprising >= 100)
        #expect(pacedMost < 1)
        // The ring meets at 96 ticks that only its own members keep: far beyond a link.
        for a in ring {
            for b in (a + 1)..<ring.upperBound {
                let firing = paced.coFiring(seconds: accounts[a][...], accounts[b][...])
                #expect(firing.together == 96)
                #expect(firing.bits > 100)
            }
        }
    }

    @Test func aCrowdMomentIsReadFromThePopulationLessThePair() {
        let x: [UInt32] = [100, 2_000, 4_000], y: [UInt32] = [101, 2_001, 4_001]
        // Two accounts alone in their population: their own meetings make no crowd.
        #expect(Self.activity([x, y]).crowdFirings(x[...], y[...], scale: 5) == 0)
        // Ten others firing at x's second moment are a few more than the hour's pace, not a crowd.
        let ten = (0..<10).map { _ in [UInt32(2_000)] }
        #expect(Self.activity([x, y] + ten).crowdFirings(x[...], y[...], scale: 5) == 0)
        // Eighty are more than a block beyond it: x's firing there is a meeting expected.
        let eighty = (0..<80).map { _ in [UInt32(2_000)] }
        let crowded = Self.activity([x, y] + eighty)
        #expect(crowded.crowdFirings(x[...], y[...], scale: 5) == 1)
        #expect(crowded.populationBursts(seconds: 1_995, 2_005) == 82)
        #expect(crowded.coFiring(seconds: x[...], y[...]).expected >= 1)
    }
}
