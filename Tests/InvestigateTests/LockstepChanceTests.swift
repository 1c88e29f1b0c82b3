import Testing
@testable import Investigate

/// Lock-step synchrony is judged against what members share at their own pace
/// (`LockstepChance`): members who sit through the same afternoon at a query a minute share
/// minutes by chance; a scheduler firing them in one minute every half hour does not.
@Suite struct LockstepChanceTests {
    /// A deterministic stream of numbers (a linear congruential generator).
    struct Stream {
        var state: UInt64
        mutating func next(below bound: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % bound
        }
    }

    /// The share of member-minutes in minutes when `quorum` or more members are active.
    static func synchrony(_ minutes: [[Int64]], quorum: Int) -> Double {
        var active: [Int64: Int] = [:]
        for own in minutes { for m in own { active[m, default: 0] += 1 } }
        let together = active.values.filter { $0 >= quorum }.reduce(0, +)
        return Double(together) / Double(minutes.map(\.count).reduce(0, +))
    }

    @Test func membersSittingThroughTheSameAfternoonShareMinutesByChance() {
        var stream = Stream(state: 3)
        // Six members, each active in 60% of the minutes of its own two-hour sitting; the
        // sittings overlap through one afternoon.
        let members: [[Int64]] = (0..<6).map { k in
            let start = Int64(600 + 20 * k)
            return (start..<(start + 120)).filter { _ in stream.next(below: 10) < 6 }
        }
        let observed = Self.synchrony(members, quorum: 3)
        let chance = LockstepChance.expectedSynchrony(members, quorum: 3)
        #expect(observed > 0.3)
        #expect(abs(observed - chance) < 0.15)
    }

    @Test func aSchedulerFiringMembersInOneMinuteIsBeyondChance() {
        // Six members active in the same minute every 30 minutes for a day, and nothing else.
        let ticks = (0..<48).map { Int64(30 * $0) }
        let members = Array(repeating: ticks, count: 6)
        #expect(Self.synchrony(members, quorum: 3) == 1)
        #expect(LockstepChance.expectedSynchrony(members, quorum: 3) < 0.05)
    }

    @Test func thePoissonTailIsExact() {
        #expect(LockstepChance.poissonTail(atLeast: 0, mean: 2) == 1)
        #expect(LockstepChance.poissonTail(atLeast: 3, mean: 0) == 0)
        // P(X >= 2) for mean 1: 1 - 2/e.
        #expect(abs(LockstepChance.poissonTail(atLeast: 2, mean: 1) - (1 - 2 / 2.718281828459045)) < 1e-12)
    }

    /// Each member-minute's tail recomputed, in order, with no reuse: what `expectedSynchrony`
    /// must equal bit for bit (it computes each distinct tail once).
    static func termByTerm(_ minutes: [[Int64]], quorum: Int) -> Double {
        let all = minutes.flatMap { $0 }.sorted()
        let p = LockstepChance.paceMinutes
        var expected = 0.0
        for own in minutes {
            for m in own {
                let around = LockstepChance.count(all, m - p, m + p) - LockstepChance.count(all, m, m)
                let ownAround = LockstepChance.count(own, m - p, m + p) - 1
                expected += LockstepChance.poissonTail(atLeast: quorum - 1, mean: Double(max(0, around - ownAround)) / Double(2 * p))
            }
        }
        return expected / Double(all.count)
    }

    @Test func reusedTailsGiveTheSameSumBitForBit() {
        var stream = Stream(state: 11)
        // 40 members over a busy afternoon and a quorum of 13: many member-minutes share a
        // count of others around them.
        let members: [[Int64]] = (0..<40).map { _ in
            (Int64(0)..<Int64(240)).filter { _ in stream.next(below: 10) < 3 }
        }
        for quorum in [3, 13] {
            let reused = LockstepChance.expectedSynchrony(members, quorum: quorum)
            #expect(reused.bitPattern == Self.termByTerm(members, quorum: quorum).bitPattern)
            #expect(reused > 0)
        }
    }
}
