import Foundation
import Testing
@testable import Investigate

/// Shared sittings as evidence (`CoActivity.sittings`, `SittingCandidates`): accounts active in
/// the same hours of the span far more often than their own hours predict, which a relay's
/// members are (one asks, the next critiques a minute or two later) and people keeping the same
/// habit are not.
@Suite struct SittingsTests {
    static let hour: UInt32 = 3600

    /// Bursts of a sitting starting at `start`: `count` queries `gap` seconds apart.
    static func sitting(at start: UInt32, count: Int = 8, gap: UInt32 = 300) -> [UInt32] {
        (0..<UInt32(count)).map { start + $0 * gap }
    }

    /// Fourteen sittings on days and hours drawn at random over sixty days.
    static func sittingStarts(seed: UInt64) -> [UInt32] {
        var rng = SeededRandom(seed: seed)
        let days = Array(0..<60).shuffled(using: &rng).prefix(14).sorted()
        return days.map { UInt32($0) * 24 * hour + UInt32(rng.int(0...22)) * hour + UInt32(rng.int(0...1200)) }
    }

    @Test func aRelaysSittingsStandOutWhereItsSecondsDoNot() throws {
        let activity = CoActivity(queries: QueryTable())
        let starts = Self.sittingStarts(seed: 11)
        // The critic sends each follow-up 90 s after the asker's query, so the two fire in the
        // same hours but never within 5 s; each firing meets the other's at its own pace.
        let asker = starts.flatMap { Self.sitting(at: $0) }
        let critic = starts.flatMap { Self.sitting(at: $0 + 90) }
        let shared = try #require(activity.sittings(asker[...], critic[...]))
        #expect(shared.sittings && shared.windowSeconds == 3600)
        #expect(shared.together >= 14)
        #expect(shared.bits > 20)
        #expect(activity.coFiring(seconds: asker[...], critic[...]).bits < shared.bits)
        #expect(activity.linkTiming(seconds: asker[...], critic[...]).sittings)
        // A stranger keeping sittings of its own on other days shares too few hours to be read.
        let stranger = Self.sittingStarts(seed: 12).flatMap { Self.sitting(at: $0) }
        let chance = activity.sittings(asker[...], stranger[...])
        #expect(chance == nil || chance!.bits == 0)
    }

    @Test func twoAccountsKeepingTheSameDailyHabitAreNoEvidence() {
        let activity = CoActivity(queries: QueryTable())
        // Both active every evening at eight for sixty days: they meet every day, as their
        // habit says they would (the hours of the week both keep).
        let first = (0..<UInt32(60)).flatMap { Self.sitting(at: $0 * 24 * Self.hour + 20 * Self.hour + 60, count: 4) }
        let second = (0..<UInt32(60)).flatMap { Self.sitting(at: $0 * 24 * Self.hour + 20 * Self.hour + 700, count: 4) }
        let shared = activity.sittings(first[...], second[...])
        #expect(shared != nil && shared!.together == 60)
        #expect(shared!.expected >= 59)
        #expect(shared!.bits == 0)
    }

    @Test func sittingsCountHalfTheirBitsUpToHalfALinkUntilTwiceALink() {
        let w = EvidenceWeights(accounts: 110_000, sharingShare: [:])
        func counted(_ bits: Double) -> Double {
            w.countedTiming(CoFiring(together: 20, expected: 1, bits: bits, windowSeconds: 3600, sittings: true))
        }
        #expect(counted(4) == 2)
        #expect(counted(w.threshold) == w.threshold / 2)
        #expect(counted(2 * w.threshold - 0.01) == w.threshold / 2)
        #expect(counted(2 * w.threshold) == w.threshold)
        #expect(counted(500) == w.threshold)
        // Firing within seconds keeps its own rule: its whole bits up to half a link.
        #expect(w.countedTiming(CoFiring(together: 20, expected: 1, bits: 6, windowSeconds: 5)) == 6)
    }

    @Test func theHoursAnAccountNeedsGrowWithTheLinkAndTheCrowding() throws {
        let spread = try #require(SittingCandidates.minimumHours(bits: 30, effectiveHours: 1440))
        let crowded = try #require(SittingCandidates.minimumHours(bits: 30, effectiveHours: 300))
        let stricter = try #require(SittingCandidates.minimumHours(bits: 42, effectiveHours: 1440))
        #expect(spread < crowded && spread < stricter)
        // The fewest: one hour fewer falls short.
        func worth(_ h: Int, _ hours: Double) -> Double {
            CoActivity.surpriseBits(h, expected: Double(h * h) / hours) - CoActivity.sittingPenaltyBits
        }
        #expect(worth(spread, 1440) >= 30 && worth(spread - 1, 1440) < 30)
        #expect(SittingCandidates.minimumHours(bits: 30, effectiveHours: 2) == nil)
        #expect(SittingCandidates.merged([1, 4, 9], [2, 4, 10]) == [1, 2, 4, 9, 10])
    }

    /// Background people, and a relay of three (`r0` asks, `r1` critiques 60-150 s later, `r2`
    /// rewrites after that) sitting fourteen times at random hours; the three share no value.
    static func relaySource() -> SignalTestSource {
        var s = SignalTestSource()
        s.addBackground(count: 40)
        var rng = SeededRandom(seed: 21)
        let starts = sittingStarts(seed: 31).map { SignalTestSource.base + Int64($0) * 1000 }
        for i in 0..<3 {
            s.account(.init(id: "r\(i)", created: "2025-10-0\(i + 1)T08:00:00Z", email: "r\(i)x@yahoo.com", payment: "own-r\(i)"))
        }
        let wrappers = [
            "Solve the following problem and show every step of your reasoning: ",
            "Here is a student's attempt at a problem. Find each mistake, explain why, and give the corrected derivation step by step: ",
            "Rewrite this as a textbook worked example with numbered steps and a justification for each: ",
        ]
        for start in starts {
            var t = start
            for _ in 0..<6 {
                let problem = "a train leaves at \(rng.int(1...12)) and travels \(rng.int(20...90)) km at \(rng.int(30...120)) km/h, when does it arrive"
                var at = t
                for i in 0..<3 {
                    s.query(
                        "r\(i)", at: at, prompt: wrappers[i] + problem, input: 80, output: 900, ip: "9\(i).4.\(i).7", asn: "AS70\(i)",
                        agent: "browser/\(i)", category: "math")
                    at += Int64(rng.int(60...150)) * 1000
                }
                t = at + Int64(rng.int(60...400)) * 1000
            }
        }
        return s
    }

    @Test func aRelayIsProposedByItsSittingsAndLinkedAsOneCluster() throws {
        let inv = try Self.relaySource().investigate()
        let index = { (id: String) throws -> Int in try #require(inv.data.accountIndex(id)) }
        let (r0, r1, r2) = (try index("r0"), try index("r1"), try index("r2"))
        let found = SittingCandidates(
            coActivity: inv.coActivity, accountCount: inv.data.accountCount, blockSize: 48, linkBits: inv.weights.threshold)
        func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(min(a, b)) << 32 | UInt64(max(a, b)) }
        #expect(Set(found.keys) == [key(r0, r1), key(r0, r2), key(r1, r2)])
        #expect(found.accounts >= 3)
        // One cluster of the three, and no one else.
        let cluster = inv.cluster(ofAccount: r0)
        #expect(Set(cluster.members.map { Int($0) }) == [r0, r1, r2])
        // `why` says what linked them.
        let evidence = PairEvidence.measure(r0, r2, index: inv.index, weights: inv.weights, coActivity: inv.coActivity)
        #expect(evidence.linked)
        let lines = PairExplanation.lines(evidence, index: inv.index, weights: inv.weights)
        let line = try #require(lines.first { $0.hasPrefix("sent queries in the same ") })
        let timing = try #require(evidence.timing)
        #expect(line.contains("\(timing.together) clock hours of their common span") && line.contains("counted as one link"))
        #expect(timing.hoursA >= timing.together && timing.hoursB >= timing.together)
    }

    @Test func anAccountsSittingsPartnersAreItsRelayAndNoOneElse() throws {
        let inv = try Self.relaySource().investigate()
        let index = { (id: String) throws -> Int in try #require(inv.data.accountIndex(id)) }
        let (r0, r1, r2) = (try index("r0"), try index("r1"), try index("r2"))
        let sitting = inv.coActivity.sittingPartners(of: r1, accountCount: inv.data.accountCount)
        #expect(Set(sitting.partners.map(\.account)) == [r0, r2])
        // The figures are the pair's own, as `why` reads them.
        for (other, figures) in sitting.partners {
            let pair = inv.coActivity.linkTiming(r1, other)
            #expect(pair.sittings && figures.together == pair.together && figures.bits == pair.bits)
        }
        #expect(sitting.partners.map(\.sittings.bits) == sitting.partners.map(\.sittings.bits).sorted(by: >))
        let opening = "sits with 2 accounts in the same clock hours beyond chance (\(sitting.together) shared hours in all, "
        #expect(sitting.summary.hasPrefix(opening))
        #expect(sitting.summary.hasSuffix(" expected; \(sitting.compared) accounts share 3 or more of its \(sitting.hours) active hours)"))
        #expect(sitting.partners.allSatisfy { $0.sittings.bits >= sitting.bar } && sitting.bar == log2(Double(max(2, sitting.compared))))
        // A background account keeps its own hours: nobody sits with it beyond chance.
        let person = try #require(
            (0..<inv.data.accountCount).first { ![r0, r1, r2].contains($0) && inv.data.queries.queryCount(of: $0) >= 2 })
        let alone = inv.coActivity.sittingPartners(of: person, accountCount: inv.data.accountCount)
        #expect(alone.partners.allSatisfy { ![r0, r1, r2].contains($0.account) })
    }
}
