import Foundation
import Testing
@testable import Investigate

/// Co-firing as evidence: the expectation counts the hours of the week both accounts keep, and
/// timing adds at most half a link (`CoActivity.sharedHoursFactor`, `EvidenceWeights.countedTiming`).
@Suite struct TimingEvidenceTests {
    static let hour: UInt32 = 3600
    static let week: UInt32 = 168 * 3600

    /// `count` bursts in one hour of the week, a week apart (offset by `minute` within it).
    static func sameHourEveryWeek(_ count: Int, hourOfWeek: UInt32, minute: UInt32) -> [UInt32] {
        (0..<UInt32(count)).map { $0 * week + hourOfWeek * hour + minute * 60 }
    }

    @Test func keepingTheSameHoursRaisesTheExpectation() {
        let x = Self.sameHourEveryWeek(10, hourOfWeek: 40, minute: 5)
        let y = Self.sameHourEveryWeek(10, hourOfWeek: 40, minute: 20)
        // Both keep one hour of the 168: they meet 168 times as often as two accounts spread evenly.
        #expect(abs(CoActivity.sharedHoursFactor(x[...], y[...], baseSeconds: 0) - 168) < 1e-9)
        // Different hours: never below 1 (the factor only ever lowers the evidence).
        let z = Self.sameHourEveryWeek(10, hourOfWeek: 100, minute: 0)
        #expect(CoActivity.sharedHoursFactor(x[...], z[...], baseSeconds: 0) == 1)
        // An account spread over every hour of the week against any other: 1.
        let everyHour = (0..<UInt32(168)).map { $0 * Self.hour + 30 }
        #expect(abs(CoActivity.sharedHoursFactor(everyHour[...], x[...], baseSeconds: 0) - 1) < 1e-9)
        // Before 1970 (a negative origin) the hours are still found, the same way.
        let before = CoActivity.sharedHoursFactor(x[...], y[...], baseSeconds: -168 * 3600 * 52)
        #expect(abs(before - 168) < 1e-9)
        let offHour = CoActivity.sharedHoursFactor(x[...], y[...], baseSeconds: -1)
        #expect(offHour >= 1 && offHour <= 168)
    }

    @Test func twoOfficeWorkersMeetingTwiceAreLessSurprisingThanTwoRoundTheClockAccounts() {
        let activity = CoActivity(queries: QueryTable())
        // Two accounts in the same hour each week, meeting within 5 s in two of the ten weeks.
        var x = Self.sameHourEveryWeek(10, hourOfWeek: 40, minute: 5)
        var y = Self.sameHourEveryWeek(10, hourOfWeek: 40, minute: 30)
        x[3] = y[3] + 2
        x[7] = y[7] + 4
        let office = activity.coFiring(seconds: x[...], y[...])
        #expect(office.together == 2)
        // The same two meetings between accounts whose other bursts are spread over the week.
        var spreadX = x, spreadY = y
        for i in [0, 1, 2, 4, 5, 6, 8, 9] {
            spreadX[i] = UInt32(i) * Self.week + UInt32(i * 17 % 168) * Self.hour
            spreadY[i] = UInt32(i) * Self.week + UInt32((i * 17 + 60) % 168) * Self.hour
        }
        let spread = activity.coFiring(seconds: spreadX[...], spreadY[...])
        #expect(spread.together == 2)
        #expect(office.expected > spread.expected)
        #expect(office.bits < spread.bits)
    }

    @Test func timingAddsAtMostHalfALinkUnlessOverwhelming() {
        let w = EvidenceWeights(accounts: 110_000, sharingShare: [:])
        #expect(w.countedTiming(bits: 3) == 3)
        #expect(w.countedTiming(bits: 30) == w.threshold / 2)
        // Twice what a link needs (2 x 17.7 bits here) is a link on its own, never more.
        #expect(w.countedTiming(bits: 2 * w.threshold - 0.01) == w.threshold / 2)
        #expect(w.countedTiming(bits: 2 * w.threshold) == w.threshold)
        #expect(w.countedTiming(bits: 500) == w.threshold)
    }

    /// Two accounts that share nothing, firing `count` times 1 s apart: at irregular moments
    /// (minutes drawn at random, hours apart), or on a clock (every 30 minutes, on the minute).
    static func pairFiringTogether(irregular: Bool, count: Int = 40) throws -> Investigation {
        var s = SignalTestSource()
        s.addBackground(count: 30)
        var rng = SeededRandom(seed: 77)
        var moments: [Int64] = []
        var t = SignalTestSource.base
        for _ in 0..<count {
            t += irregular ? Int64(3 + rng.next() % 20) * 3_600_000 + Int64(rng.next() % 3600) * 1000 : 1_800_000
            moments.append(t)
        }
        for id in ["a", "b"] {
            s.account(.init(id: id, created: "2025-11-01T08:00:00Z", email: "\(id)@gmail.com", payment: "own-\(id)"))
            for (q, moment) in moments.enumerated() {
                s.query(
                    id, at: moment + (id == "a" ? 0 : 1000), prompt: PromptMaker.human(&rng),
                    ip: "77.\(id == "a" ? 1 : 2).\(q % 200).1", agent: "client-\(id)/1")
            }
        }
        return try s.investigate()
    }

    /// Sharing nothing, a pair meeting again and again at moments no clock explains is linked by
    /// timing alone once it is twice as surprising as a link must be, and the pair view says so.
    @Test func overwhelmingTimingLinksAPairAlone() throws {
        let inv = try Self.pairFiringTogether(irregular: true)
        let a = inv.data.accountIndex("a")!, b = inv.data.accountIndex("b")!
        let why = inv.why(a, b)
        let timing = try #require(why.timing)
        #expect(timing.together >= 30 && !timing.clockBound)
        #expect(timing.bits >= 2 * why.threshold)
        #expect(why.shared.allSatisfy { $0.counted == 0 })
        #expect(why.linked)
        #expect(inv.clusterOfAccount[a] == inv.clusterOfAccount[b])
        #expect(inv.explainPair(a, b).contains { $0.contains("at least twice what a link needs: a link on its own") })
    }

    /// Two jobs on the same clock (every 30 minutes, on the minute) meet at every firing, and
    /// that is what their clocks give: one coincidence of clocks (11 in 3,600), no link alone,
    /// and the pair view names the clocks.
    @Test func twoJobsOnOneClockAreNotLinked() throws {
        let inv = try Self.pairFiringTogether(irregular: false)
        let a = inv.data.accountIndex("a")!, b = inv.data.accountIndex("b")!
        let why = inv.why(a, b)
        let timing = try #require(why.timing)
        #expect(timing.together >= 30)
        #expect(timing.clockBound && abs(timing.bits - (log2(3600.0 / 11) - CoActivity.scalePenaltyBits)) < 1e-9)
        #expect(!why.linked)
        #expect(inv.clusterOfAccount[a] != inv.clusterOfAccount[b])
        #expect(inv.explainPair(a, b).contains { $0.contains("expected by their clocks") && $0.contains("one coincidence of clocks") })
    }
}

/// The pair verdict's figures, read beside the half links above it.
@Suite struct PairVerdictFigureTests {
    @Test func aVerdictThatOneDecimalShowsAsATieGetsTwo() {
        // Two half links of a 14.9-bit threshold: one decimal printed 7.4 + 7.4 = 14.9 needed.
        // Each half link now reads 7.45, which adds up to the total shown.
        let line = PairExplanation.verdict(total: 14.9028, threshold: 14.9028, accounts: "15,310", linked: true)
        #expect(line == "evidence 14.9 bits; a link needs 14.9 (log2 of 15,310 accounts, plus 1): linked")
        let under = PairExplanation.verdict(total: 14.86, threshold: 14.9028, accounts: "15,310", linked: false)
        #expect(under.hasPrefix("evidence 14.86 bits; a link needs 14.9"))
        let clear = PairExplanation.verdict(total: 34.12, threshold: 15.93, accounts: "30,000", linked: true)
        #expect(clear.hasPrefix("evidence 34.1 bits; a link needs 15.9 "))
        #expect(PairExplanation.format2(7.4514) == "7.45")
    }
}

/// A lone account joins a group on its meetings with it from three on
/// (`EvidenceClusterer.groupFiringBits`): among the thousands of lone accounts tested, two
/// chance meetings with a busy group happen.
@Suite struct GroupFiringTests {
    @Test func twoMeetingsAreNotAgainAndAgainUnlessAsSurprisingAsALink() {
        // A trial: 2 meetings in 8 bursts, 0.16 expected (6.4 bits alone), 3,998 accounts.
        #expect(CoActivity.surpriseBits(2, expected: 0.16) > 6)
        #expect(EvidenceClusterer.groupFiringBits(2, expected: 0.16, threshold: 13) == 0)
        #expect(EvidenceClusterer.groupFiringBits(3, expected: 0.16, threshold: 13) == CoActivity.surpriseBits(3, expected: 0.16))
        #expect(EvidenceClusterer.groupFiringBits(10, expected: 0.5, threshold: 13) > 20)
        // A light member's two queries, each beside a tick of the ring: 2 meetings, 0.001 expected.
        let light = CoActivity.surpriseBits(2, expected: 0.001)
        #expect(light >= 13 && EvidenceClusterer.groupFiringBits(2, expected: 0.001, threshold: 13) == light)
    }
}
