import Foundation
import Testing
@testable import Investigate

/// `creation_burst` counts every wave of sign-ups, not only the largest: a ring made in batches
/// on several days is as much a burst as one made in one batch, and a few members who joined on
/// other days (fewer than a wave) add nothing.
@Suite struct CreationWavesTests {
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 24 * hour

    @Test func eachDenseWindowIsAWaveLargestFirst() {
        // Waves of 6, 8 and 5 members, ten days apart, and three members on days of their own.
        var times: [Int64] = []
        for i in 0..<6 { times.append(Int64(i) * Self.hour) }
        for i in 0..<8 { times.append(10 * Self.day + Int64(i) * 2 * Self.hour) }
        for i in 0..<5 { times.append(20 * Self.day + Int64(i) * 5 * Self.hour) }
        times += [30 * Self.day, 40 * Self.day, 50 * Self.day]
        times.sort()
        #expect(CreationBurstSignal.waves(times, window: 72 * Self.hour, wave: 5) == [8, 6, 5])
        // A window needs the wave's size: with 6, the third batch is not one.
        #expect(CreationBurstSignal.waves(times, window: 72 * Self.hour, wave: 6) == [8, 6])
    }

    @Test func oneBurstIsTheDensestWindowAsBefore() {
        let times = (0..<7).map { Int64($0) * Self.hour } + [9 * Self.day, 19 * Self.day, 29 * Self.day]
        #expect(CreationBurstSignal.waves(times, window: 72 * Self.hour, wave: 5) == [7])
        // The densest window counts even when it is small (the share formula weighs it).
        #expect(CreationBurstSignal.waves([0, 10 * Self.day, 20 * Self.day], window: 72 * Self.hour, wave: 5) == [1])
    }

    /// A ring of 18 on one card, IP and client, created in three batches of six ten days apart, beside a
    /// background whose accounts were created over nine months: all 18 count, in three waves.
    @Test func aRingMadeInThreeBatchesCountsEveryBatch() throws {
        typealias S = SignalTestSource
        var s = S()
        s.addBackground(count: 60)
        var rng = SeededRandom(seed: 9)
        for i in 0..<18 {
            let day = 1 + (i / 6) * 10, hour = 8 + i % 6
            s.account(.init(id: "w\(i)", created: String(format: "2025-12-%02dT%02d:00:00Z", day, hour), email: "w\(i)@mail.example", payment: "card-w"))
            for _ in 0..<12 {
                s.query("w\(i)", at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng), ip: "66.1.0.2", agent: "batch-tool/1")
            }
        }
        let inv = try s.investigate()
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("w0")!).size == 18)
        let burst = try #require(inv.signal("creation_burst", of: "w0"))
        #expect(burst.value == 1)
        #expect(burst.contribution > 0.3)
        #expect(burst.explanation.hasPrefix("18 of 18 members were created in 3 waves of 72 hours (6, 6, 6)"))
    }
}
