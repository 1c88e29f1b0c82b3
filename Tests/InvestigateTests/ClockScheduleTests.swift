import Foundation
import Testing
@testable import Investigate

/// Clock-driven schedules in the co-firing expectation (`CoActivity.clocks`,
/// `expectedByClocks`, `collapsingClocks`): a job at the same second of most hours is a clock,
/// and meeting it there is what its clock gives.
@Suite struct ClockScheduleTests {
    static let hour: UInt32 = 3600

    /// A job firing at `second` past every hour for `hours` hours, from hour `from`.
    static func hourly(second: UInt32, hours: Int, from: Int = 0) -> [UInt32] {
        (0..<UInt32(hours)).map { (UInt32(from) + $0) * hour + second }
    }

    @Test func aJobAtTheSameSecondOfEveryHourIsAClock() throws {
        let cron = Self.hourly(second: 16, hours: 120)
        let clocks = CoActivity.clocks(cron[...], scale: 5, baseSeconds: 0)
        let hourly = try #require(clocks.first { $0.period == 3600 })
        #expect(hourly.low == 16 && hourly.coverage == 1)
        // Its 24 daily phases are the hourly clock's: not kept as daily clocks of their own.
        #expect(clocks.filter { $0.period == 86_400 }.isEmpty)
        // A job at 09:00:16 every day is a daily clock.
        let daily = (0..<UInt32(10)).map { $0 * 86_400 + 9 * Self.hour + 16 }
        #expect(CoActivity.clocks(daily[...], scale: 5, baseSeconds: 0).map(\.period) == [86_400])
    }

    /// A trial's independent crons fired 0-2 s past the hour: some hours' daily windows start a
    /// second later than the hourly clock's, and were kept as daily clocks of their own, so two
    /// such crons scored a day's coincidence (10.9 bits) instead of an hour's (6.3).
    @Test func aJitteredHourlyJobKeepsNoDailyClocks() {
        var rng = SeededRandom(seed: 5)
        let jitters: [UInt32] = [0, 0, 0, 1, 2]
        let a = (0..<UInt32(300)).map { $0 * Self.hour + jitters[rng.int(0...4)] }
        let b = (0..<UInt32(300)).map { (20 + $0) * Self.hour + jitters[rng.int(0...4)] }
        let clocks = CoActivity.clocks(a[...], scale: 5, baseSeconds: 0)
        #expect(clocks.map(\.period) == [3600])
        let firing = CoActivity(queries: QueryTable()).coFiring(seconds: a[...], b[...])
        #expect(firing.clockCoincidence && abs(firing.bits - (log2(3600.0 / 11) - CoActivity.scalePenaltyBits)) < 1e-9)
    }

    @Test func membersAScheduleFiresNowAndThenAreNoClock() {
        // A ring's member at 15% of a 20-minute grid's ticks (30 s of jitter): few of its hours.
        var rng = SeededRandom(seed: 3)
        var member: [UInt32] = []
        for tick in 0..<(7 * 36) where rng.chance(0.15) {
            member.append(UInt32(tick) * 1200 + UInt32(rng.int(0...60)))
        }
        #expect(CoActivity.clocks(member[...], scale: 5, baseSeconds: 0).filter { $0.period == 3600 }.isEmpty)
        // Two firings a day apart at one minute are not yet a clock: a repeat must be seen three times.
        let twice: [UInt32] = [100, 86_400 + 100]
        #expect(CoActivity.clocks(twice[...], scale: 5, baseSeconds: 0).isEmpty)
    }

    @Test func twoCronJobsMeetingEveryHourAreOneCoincidence() {
        let activity = CoActivity(queries: QueryTable())
        let a = Self.hourly(second: 12, hours: 100), b = Self.hourly(second: 15, hours: 100, from: 20)
        let firing = activity.coFiring(seconds: a[...], b[...])
        #expect(firing.together == 80)
        #expect(firing.clockBound)
        // Two clocks within 5 s of each other: a chance of 11 in 3,600, less the 2 bits of scales.
        #expect(firing.expected >= 79)
        #expect(abs(firing.bits - (log2(3600.0 / 11) - CoActivity.scalePenaltyBits)) < 1e-9)
        #expect(firing.clockCoincidence)
        // A daily job meeting an hourly one is that same hourly coincidence, not a daily one.
        let daily = (0..<UInt32(5)).map { $0 * 86_400 + 9 * Self.hour + 14 }
        let mixed = activity.coFiring(seconds: daily[...], a[...])
        #expect(mixed.clockBound && abs(mixed.bits - (log2(3600.0 / 11) - CoActivity.scalePenaltyBits)) < 1e-9)
        // Two daily jobs at one second of the day: 11 in 86,400.
        let other = (0..<UInt32(5)).map { $0 * 86_400 + 9 * Self.hour + 16 }
        let days = activity.coFiring(seconds: daily[...], other[...])
        #expect(days.clockBound && abs(days.bits - (log2(86_400.0 / 11) - CoActivity.scalePenaltyBits)) < 1e-9)
    }

    @Test func aMemberMeetingACronAtItsSecondIsExpected() {
        let activity = CoActivity(queries: QueryTable())
        let cron = Self.hourly(second: 16, hours: 48)
        // Fires at random seconds of random hours, but twice within 5 s of the cron's second.
        var rng = SeededRandom(seed: 9)
        var member = (0..<30).map { _ in UInt32(rng.int(0...47)) * Self.hour + UInt32(rng.int(600...3000)) }
        member += [5 * Self.hour + 14, 30 * Self.hour + 18]
        member.sort()
        let firing = activity.coFiring(seconds: member[...], cron[...])
        #expect(firing.together == 2)
        #expect(firing.clockBound && firing.bits == 0)
        // The same two meetings with an account that is no clock are evidence.
        var other = (0..<30).map { _ in UInt32(rng.int(0...47)) * Self.hour + UInt32(rng.int(600...3000)) }
        other += [5 * Self.hour + 16, 30 * Self.hour + 16]
        other.sort()
        let plain = activity.coFiring(seconds: member[...], other[...])
        #expect(plain.together >= 2 && !plain.clockBound && plain.bits > 0)
    }

    @Test func aClocksFiringsCountOnceAgainstAGroup() {
        // Epoch ms: a cron at :00:16 for 40 hours, then three firings of its own at other times.
        let cron = Self.hourly(second: 16, hours: 40).map { Int64($0) * 1000 + 1_700_000_000_000 }
        let own: [Int64] = [1_700_000_000_000 + 41 * 3_600_000 + 900_000, 1_700_000_000_000 + 42 * 3_600_000 + 1_900_000]
        let collapsed = CoActivity.collapsingClocks(cron + own, windowMs: 5000)
        #expect(collapsed == [cron[0]] + own)
        // An account keeping no clock is left as it is.
        #expect(CoActivity.collapsingClocks(own, windowMs: 5000) == own)
    }
}
