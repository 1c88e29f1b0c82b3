import Foundation
import Investigate
import Testing
@testable import tui

/// The account sheet's timing pane lists the accounts an account keeps sittings with (the same
/// clock hours, day after day) below those it fires with, as the CLI `account` does: a relay's
/// members never fire within seconds, so their crew shows only here.
@Suite struct SittingsPaneTests {
    /// Forty people at their own random times over 29 days, and a relay of three (`r0` asks, `r1`
    /// follows 60-150 s later, `r2` after that) sitting on fourteen random days and hours.
    static func relaySource() throws -> TrialFourTests.Source {
        let base: Int64 = 1_767_225_600_000
        var queries: [[String: Any]] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
        let people = (0..<40).map { "bg\($0)" }
        for id in people {
            for _ in 0..<30 {
                queries.append(["ts": base + Int64(next(0...2_500_000)) * 1000, "account_id": id, "prompt": "note \(next(0...999))"])
            }
        }
        let days = Array(Set((0..<40).map { _ in next(0...28) })).sorted().prefix(14)
        for day in days {
            var t = base + Int64(day) * 86_400_000 + Int64(next(0...22)) * 3_600_000
            for _ in 0..<6 {
                var at = t
                for i in 0..<3 {
                    queries.append(["ts": at, "account_id": "r\(i)", "prompt": "step \(i) of problem \(next(0...9999))"])
                    at += Int64(next(60...150)) * 1000
                }
                t = at + Int64(next(60...400)) * 1000
            }
        }
        return try TrialFourTests.Source(accounts: people + ["r0", "r1", "r2"], queries: queries)
    }

    @Test func aRelayMembersCrewIsListedAsSittingsPartners() throws {
        let source = try Self.relaySource()
        let (r0, r1, r2) = (try source.index("r0"), try source.index("r1"), try source.index("r2"))
        let firing = try #require(source.model.firing(r1, build: true))
        let summary = firing.summary.split(separator: "\n")
        #expect(summary.count == 2 && summary[1].hasPrefix("sits with 2 accounts in the same clock hours beyond chance ("))
        let sitters = firing.partners.filter(\.sittings)
        #expect(Set(sitters.map(\.account)) == [r0, r2])
        #expect(sitters.allSatisfy { $0.windowSeconds == 3600 && $0.together >= 10 && $0.bits > 0 })
        // One row a partner, with the figures that say more, most bits first.
        #expect(Set(firing.partners.map(\.account)).count == firing.partners.count)
        #expect(firing.partners.map(\.bits) == firing.partners.map(\.bits).sorted(by: >))
        let model = source.model.investigation.coActivity
        for row in firing.partners {
            let figures = row.sittings ? model.linkTiming(r1, row.account) : model.coFiring(r1, row.account)
            #expect(row.bits == figures.bits && row.together == figures.together, "the pair's own figures, as why reads them")
        }
    }
}
