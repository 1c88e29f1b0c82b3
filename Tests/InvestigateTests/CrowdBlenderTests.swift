import Foundation
import Testing
@testable import Investigate

/// A "crowd blender": members share only values thousands hold and fire on a shared schedule
/// with tens of seconds of jitter. Co-firing is measured at several scales
/// (`CoActivity+Scales.swift`), pairs are proposed by timing buckets (`TimingCandidates`), and
/// the look-alikes (cron jobs at the top of the hour, a class in its lecture hour, a crowd
/// moment) give no timing evidence or no proposals.
@Suite struct CrowdBlenderTests {
    /// A 23-minute grid (it does not divide the hour, so ticks fall at many minutes of it).
    static let grid: UInt32 = 23 * 60

    /// Two members of a scheduled ring: both fire at every 7th tick, 20 s after it and 15 s
    /// before it (35 s apart: never within 5 s), and each at other ticks of its own. Every 7th
    /// tick is 161 minutes on: the meetings fall at every minute of the hour in turn.
    static func jitteredPair() -> (x: [UInt32], y: [UInt32]) {
        var x: [UInt32] = [], y: [UInt32] = []
        for tick in 0..<UInt32(600) {
            let at = 100_000 + tick * grid
            if tick % 7 == 0 {
                x.append(at + 20)
                y.append(at - 15)
            } else if tick % 7 == 3 {
                x.append(at + 7)
            } else if tick % 7 == 5 {
                y.append(at + 2)
            }
        }
        return (x, y)
    }

    @Test func aScheduleWithTensOfSecondsOfJitterIsSurprisingAtAWiderScale() {
        let activity = CoActivity(queries: QueryTable())
        let (x, y) = Self.jitteredPair()
        // Within the 5 s window they never meet: the old measure saw nothing.
        #expect(CoActivity.together(x[...], y[...], scale: 5).0 == 0)
        let firing = activity.coFiring(seconds: x[...], y[...])
        #expect(firing.windowSeconds == 45)
        // 86 meetings, counted once per minute of the hour: 60.
        #expect(CoActivity.together(x[...], y[...], scale: 45).0 == 86)
        #expect(firing.together == 60)
        #expect(firing.expected < 5)
        // Far beyond what a link needs at any population size (the scale penalty taken off).
        #expect(firing.bits > 60)
        #expect(CoActivity.scaleSeconds(window: 5) == [5, 15, 45, 135])
    }

    @Test func cronJobsAtTheTopOfTheHourAreOneCoincidenceOfClocks() {
        let activity = CoActivity(queries: QueryTable())
        // Two jobs every hour, 3 s and 15 s past the hour, for 200 hours.
        let cronA = (0..<UInt32(200)).map { $0 * 3600 + 3 }
        let cronB = (0..<UInt32(200)).map { $0 * 3600 + 15 }
        #expect(CoActivity.together(cronA[...], cronB[...], scale: 15).0 == 200)
        // Counted once per minute of the hour at the wider scales: one minute, no evidence.
        #expect(CoActivity.together(cronA[...], cronB[...], scale: 15, clockOrigin: 0).0 == 1)
        #expect(activity.coFiring(seconds: cronA[...], cronB[...]).bits == 0)
        // A member of a ring firing at :00, :20 and :40 with jitter meets a job at the top of
        // the hour at every :00 tick: one minute on the job's side, no evidence.
        var member: [UInt32] = []
        for tick in 0..<UInt32(600) where tick % 2 == 0 { member.append(tick * 1200 + 30 + tick % 50) }
        let (together, _, _) = CoActivity.together(member[...], cronA[...], scale: 45, clockOrigin: 0)
        #expect(together == 1)
        #expect(activity.coFiring(seconds: member[...], cronA[...]).bits == 0)
        // The minute of the hour is found before 1970 too.
        #expect(CoActivity.minuteOfHour(second: -1) == 59)
        #expect(CoActivity.minuteOfHour(second: 3_600 * 5 + 61) == 1)
    }

    @Test func twoMeetingsAboveTheWindowAreNotEvidence() {
        let activity = CoActivity(queries: QueryTable())
        // Two light accounts, six bursts each over a month, meeting 30 s apart on two days (at
        // other hours and minutes): two meetings within tens of seconds
        // happen by chance to some of the many pairs timing looks at.
        let day: UInt32 = 86_400
        var a: [UInt32] = [1 * day, 4 * day + 7_000, 9 * day + 50_000, 15 * day, 22 * day + 3_000, 27 * day]
        var b: [UInt32] = [2 * day, 9 * day + 50_030, 11 * day, 18 * day + 4_000, 22 * day + 3_030, 29 * day]
        #expect(CoActivity.together(a[...], b[...], scale: 45, clockOrigin: 0).0 == 2)
        #expect(activity.coFiring(seconds: a[...], b[...]).bits == 0)
        // A third meeting, at another day, hour and minute: now it shows something.
        a.insert(12 * day + 20_100, at: 3)
        b.insert(12 * day + 20_130, at: 3)
        let three = activity.coFiring(seconds: a[...], b[...])
        #expect(three.together == 3 && three.windowSeconds == 45)
        #expect(three.bits > 0)
    }

    @Test func oneOverlappingSittingIsOneMeeting() {
        let activity = CoActivity(queries: QueryTable())
        // Two people each firing every two minutes through one shared half hour, and a few times
        // on other days of their own.
        let start: UInt32 = 5 * 86_400 + 40_000
        var a = (0..<UInt32(15)).map { start + $0 * 120 }
        var b = (0..<UInt32(15)).map { start + 50 + $0 * 120 }
        a += [86_400 * 9, 86_400 * 12 + 7_000, 86_400 * 15]
        b = [86_400 * 2 + 300, 86_400 * 3] + b + [86_400 * 11]
        // Fifteen firings within 135 s of each other in the one sitting: one meeting, no evidence.
        #expect(CoActivity.together(a[...], b[...], scale: 135).0 >= 8)
        #expect(CoActivity.together(a[...], b[...], scale: 135, clockOrigin: 0).0 == 1)
        #expect(activity.coFiring(seconds: a[...], b[...]).bits == 0)
    }

    @Test func studentsInTheSameLectureHourAreNotSurprisingAtAnyScale() {
        let activity = CoActivity(queries: QueryTable())
        var rng = SeededRandom(seed: 5)
        let week: UInt32 = 168 * 3600
        // Ten weeks, one lecture hour, 12 bursts each at random moments of it.
        func student() -> [UInt32] {
            var out: [UInt32] = []
            for w in 0..<UInt32(10) {
                let hour = w * week + 40 * 3600
                out += (0..<12).map { _ in hour + UInt32(rng.int(0...3599)) }
            }
            return out.sorted()
        }
        let a = student(), b = student()
        let firing = activity.coFiring(seconds: a[...], b[...])
        #expect(firing.together > 0)
        #expect(firing.bits < 2)
    }

    /// A ring of eight on a 23-minute grid, each firing at 40% of the ticks for two days up
    /// to 30 s either side; the background's people at their own times.
    static func ringSource() -> SignalTestSource {
        var s = SignalTestSource()
        s.addBackground(count: 40)
        var rng = SeededRandom(seed: 9)
        for i in 0..<8 {
            s.account(.init(id: "b\(i)", created: "2026-01-0\(1 + i % 5)T08:00:00Z", email: "b\(i)@gmail.com", payment: "pf-b\(i)"))
        }
        for tick in 0..<125 {
            let at = SignalTestSource.base + 3 * SignalTestSource.day + Int64(tick) * 1_380_000
            for i in 0..<8 where rng.chance(0.4) {
                s.query("b\(i)", at: at + Int64(rng.int(-30...30)) * 1000, prompt: PromptMaker.human(&rng), output: 1500, ip: "34.1.\(i).9")
            }
        }
        return s
    }

    @Test func accountsFiringInTheSameMomentsAgainAndAgainAreProposed() throws {
        let inv = try Self.ringSource().investigate()
        let n = inv.data.accountCount
        let candidates = TimingCandidates(coActivity: inv.coActivity, accountCount: n, blockSize: 48)
        // A quiet population: buckets as wide as the widest scale.
        #expect(candidates.bucketSeconds == 135)
        let keys = Set(candidates.keys)
        let ring = (0..<8).map { inv.data.accountIndex("b\($0)")! }
        var proposed = 0
        for (i, a) in ring.enumerated() {
            for b in ring.dropFirst(i + 1) where keys.contains(UInt64(min(a, b)) << 32 | UInt64(max(a, b))) { proposed += 1 }
        }
        #expect(proposed == 28)
        // The background meets by chance in one bucket now and then, seldom in two.
        let background = Set((0..<40).map { inv.data.accountIndex("bg\($0)")! })
        let chance = keys.filter { background.contains(Int($0 >> 32)) && background.contains(Int($0 & 0xFFFF_FFFF)) }
        #expect(chance.count < 10)
    }

    @Test func aCrowdMomentProposesNothing() throws {
        // Sixty accounts all firing in the same second on two evenings (a newsroom on election
        // night, a class at an exam): each bucket holds more than a block.
        var s = SignalTestSource()
        s.addBackground(count: 10)
        for i in 0..<60 {
            s.account(.init(id: "n\(i)", created: "2025-05-01T08:00:00Z", email: "n\(i)@herald.com", payment: "pf-n\(i)"))
            for evening in 0..<2 {
                let at = SignalTestSource.base + Int64(10 + evening) * SignalTestSource.day + 500
                s.query("n\(i)", at: at, prompt: "Summarise the results in district \(i)", ip: "64.12.33.\(i)")
            }
        }
        let inv = try s.investigate()
        let candidates = TimingCandidates(coActivity: inv.coActivity, accountCount: inv.data.accountCount, blockSize: 48)
        let crowd = Set((0..<60).map { inv.data.accountIndex("n\($0)")! })
        #expect(!candidates.keys.contains { crowd.contains(Int($0 >> 32)) && crowd.contains(Int($0 & 0xFFFF_FFFF)) })
    }

    @Test func timingRepeatedInTwoBucketsIsKeptOnceAndSingleMeetingsAreDropped() {
        // Three "buckets": {0,1,2}, {0,1}, {2,3}: only (0,1) repeats.
        let buckets: [[Int32]] = [[0, 1, 2], [0, 1], [2, 3]]
        let pairs = CandidatePairs(accountCount: 4, blockSize: 48, sampledDegree: 1, minimumRepeats: 2) { visit in
            for (i, holders) in buckets.enumerated() { visit(.ip, Int32(i), holders[...]) }
        }
        #expect(pairs.keys == [UInt64(0) << 32 | 1])
        let all = CandidatePairs(accountCount: 4, blockSize: 48, sampledDegree: 1) { visit in
            for (i, holders) in buckets.enumerated() { visit(.ip, Int32(i), holders[...]) }
        }
        #expect(all.keys.count == 4)
    }

    @Test func busyBucketsAreSampledToTheBudgetByAccount() {
        // 1,000 buckets of 40 accounts propose 780,000 pairs; a budget of 80,000 (2 a bucket
        // entry) keeps 13 accounts a bucket (78 pairs each, 78,000 in all; 14 would be 91,000).
        let occupancy = [UInt8](repeating: 40, count: 1_000) + [0, 0]
        #expect(TimingCandidates.keptPerBucket(occupancy: occupancy, budget: 80_000, blockSize: 48) == 13)
        // Within the budget nothing is sampled.
        #expect(TimingCandidates.keptPerBucket(occupancy: occupancy, budget: 780_000, blockSize: 48) == 48)
        // An account's place in the sample is the same in every bucket, and the places spread.
        #expect(TimingCandidates.sampleHash(7) == TimingCandidates.sampleHash(7))
        let share = UInt64(Double(UInt32.max) * 13 / 40)
        let kept = (0..<Int32(4_000)).filter { TimingCandidates.sampleHash($0) <= share }.count
        #expect(kept > 1_100 && kept < 1_500)
    }
}
