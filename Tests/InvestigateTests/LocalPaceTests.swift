import Testing
@testable import Investigate

/// Co-firing is expected at each account's own pace around each firing
/// (`CoActivity+LocalPace.swift`): two unrelated accounts whose sittings overlap (a query a
/// minute for a couple of hours, once in a while) meet within seconds by chance; one that fires
/// within seconds of the other at every firing of the same sittings does not.
@Suite struct LocalPaceTests {
    static let day: UInt32 = 86_400

    /// A deterministic stream of numbers (a linear congruential generator).
    struct Stream {
        var state: UInt64
        mutating func next(below bound: UInt32) -> UInt32 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt32((state >> 33) % UInt64(bound))
        }
    }

    /// A sitting: `count` queries from `start`, 10 to 120 s apart (a person or a benchmark
    /// script working through a question set).
    static func sitting(from start: UInt32, count: Int, _ stream: inout Stream) -> [UInt32] {
        var t = start, out: [UInt32] = []
        for _ in 0..<count {
            out.append(t)
            t += 10 + stream.next(below: 111)
        }
        return out
    }

    @Test func overlappingSittingsMeetAtTheirPaceAndCopiesDoNot() {
        var stream = Stream(state: 7)
        // Two entrants of a public challenge: one lone query days apart from a two-hour sitting,
        // the sittings overlapping by about an hour.
        let x = [1 * Self.day] + Self.sitting(from: 9 * Self.day + 14 * 3_600, count: 120, &stream)
        let y = Self.sitting(from: 9 * Self.day + 15 * 3_600, count: 120, &stream) + [20 * Self.day]
        let activity = CoActivity(queries: QueryTable())
        let met = activity.coFiring(seconds: x[...], y[...])
        // They meet within seconds many times, about as often as their pace in that hour gives:
        // no evidence. At their average rate over the weeks their spans cover, it looked like
        // coordination.
        #expect(met.together >= 5)
        let spanAverage = CoActivity.expected(
            CoActivity.firings(x[...], scale: 5), CoActivity.firings(y[...], scale: 5), spanOf: x[...], y[...], scale: 5)
            * CoActivity.sharedHoursFactor(x[...], y[...], baseSeconds: 0)
        #expect(CoActivity.surpriseBits(met.together, expected: spanAverage) > 8)
        #expect(met.expected >= Double(met.together) / 2)
        #expect(met.bits < 2)

        // A copier: the same sitting as x's, each query sent again 1-3 s later. It meets x at
        // every firing, far beyond a query a minute's chance.
        let sittingOfX = Array(x.dropFirst())
        var jitter = Stream(state: 11)
        let copier = sittingOfX.map { $0 + 1 + jitter.next(below: 3) }
        let copied = activity.coFiring(seconds: x[...], copier[...])
        #expect(copied.together == sittingOfX.count)
        #expect(copied.bits > 50)
    }

    @Test func aFiringExpectsTheOtherAtItsPaceInTheHourAroundIt() {
        // y fires once a minute for an hour; x fires once, in the middle of it. Within 5 s, x's
        // firing expects y's 59 firings outside its own 11 s over the rest of the hour, times 11 s.
        let y = (0..<60).map { UInt32(10_000 + 60 * $0) }
        let x: [UInt32] = [10_000 + 1_800]
        let expected = CoActivity.expectedAtLocalPace(x[...], y[...], scale: 5)
        #expect(abs(expected - 59.0 / (3_600 - 11) * 11) < 1e-9)
        // A firing outside y's span (widened by the scale) expects nothing of it.
        #expect(CoActivity.expectedAtLocalPace([UInt32(50_000)][...], y[...], scale: 5) == 0)
        // A scheduler's tick every 30 minutes expects a few hundredths of a meeting per tick.
        let ticks = (0..<48).map { UInt32(1_800 * $0) }
        let perTick = CoActivity.expectedAtLocalPace(ticks[...], ticks.map { $0 + 1 }[...], scale: 5) / 48
        #expect(perTick < 0.01)
    }
}
