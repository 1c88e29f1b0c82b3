import Foundation
import Testing
@testable import Investigate

/// `address_rotation` on hand-made accounts: a ring rotating through a private pool of home
/// addresses is credited; a household, a campus and a carrier NAT, shared with strangers or
/// spread over few networks, are not.
@Suite struct AddressRotationSignalTests {
    typealias S = SignalTestSource

    /// Members `prefix0...` sending `queries` queries each, every one from an address `address`
    /// picks.
    static func members(
        _ s: inout S, prefix: String, count: Int, queries: Int = 30, seed: UInt64, asn: String = "AS7922",
        address: (inout SeededRandom) -> String
    ) {
        var rng = SeededRandom(seed: seed)
        for i in 0..<count {
            let id = "\(prefix)\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 9)T19:00:00Z", email: "\(id)@campus.edu", payment: "pf-\(id)"))
            for _ in 0..<queries {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    input: rng.int(50...300), output: rng.int(400...1200), ip: address(&rng), asn: asn,
                    category: rng.pick(["math", "science"]))
            }
        }
    }

    /// The signal measured on the accounts `prefix0..<count` as one cluster.
    static func score(_ inv: Investigation, prefix: String, count: Int) -> SignalScore? {
        let members = (0..<count).map { Int32(inv.data.accountIndex("\(prefix)\($0)")!) }
        let evidence = ClusterEvidence(
            members: members, links: [:], features: inv.features, population: PopulationBaseline(features: inv.features, index: inv.index),
            index: inv.index)
        return AddressRotationSignal().measure(evidence)
    }

    /// Forty home addresses, each in its own network.
    static func homePool(_ rng: inout SeededRandom) -> String { "73.\(rng.int(0...9)).\(rng.int(0...3) * 40 + 10).21" }

    @Test func aRingRotatingThroughAPrivatePoolIsCredited() throws {
        var s = S()
        s.addBackground(count: 120)
        Self.members(&s, prefix: "rot", count: 6, seed: 7, address: Self.homePool)
        let inv = try s.investigate()
        let score = try #require(Self.score(inv, prefix: "rot", count: 6))
        #expect(score.contribution > 0.2, "\(score)")
        #expect(score.contribution <= AddressRotationSignal.weight)
        #expect(score.baseline == 2)
        #expect(score.value > 10)
        #expect(score.explanation.hasPrefix("members each send from a median of "), "\(score.explanation)")
        let bar = "networks (9 in 10 accounts with about as many queries use at most 2 networks); "
        #expect(score.explanation.contains(bar), "\(score.explanation)")
        #expect(score.explanation.contains(" addresses are used by members only; member by member, "), "\(score.explanation)")
        #expect(score.explanation.hasSuffix("% of their addresses are another member's too and nobody else's"), "\(score.explanation)")
        // The background's accounts (one home line each) are not rotating.
        #expect(Self.score(inv, prefix: "bg", count: 20) == nil)
    }

    @Test func aHouseholdOrOfficeOnOneOrTwoAddressesIsNotCredited() throws {
        var s = S()
        s.addBackground(count: 120)
        Self.members(&s, prefix: "home", count: 5, seed: 8) { rng in "84.9.3.\(rng.int(1...2))" }
        let inv = try s.investigate()
        #expect(Self.score(inv, prefix: "home", count: 5) == nil)
    }

    @Test func aCampusNetworkStrangersUseTooIsNotCredited() throws {
        var s = S()
        s.addBackground(count: 120)
        // Twelve campus networks of four addresses each.
        let campus: (inout SeededRandom) -> String = { rng in "128.32.\(rng.int(0...11)).\(rng.int(1...4))" }
        Self.members(&s, prefix: "class", count: 8, seed: 9, address: campus)
        // Other students on the same networks, lightly.
        Self.members(&s, prefix: "student", count: 60, queries: 3, seed: 10, address: campus)
        let inv = try s.investigate()
        let score = try #require(Self.score(inv, prefix: "class", count: 8))
        #expect(score.value > score.baseline)
        #expect(score.contribution == 0, "\(score)")
        #expect(score.explanation.contains(" of the 48 addresses "), "\(score.explanation)")
    }

    @Test func aMobileCarrierPoolManyStrangersUseIsNotCredited() throws {
        var s = S()
        s.addBackground(count: 120)
        let carrier: (inout SeededRandom) -> String = { rng in "172.58.\(rng.int(0...39)).\(rng.int(0...1) + 7)" }
        Self.members(&s, prefix: "phone", count: 8, seed: 11, asn: "AS21928", address: carrier)
        Self.members(&s, prefix: "caller", count: 80, queries: 2, seed: 12, asn: "AS21928", address: carrier)
        let inv = try s.investigate()
        let score = try #require(Self.score(inv, prefix: "phone", count: 8))
        #expect(score.contribution == 0, "\(score)")
        let risk = RiskScorer().score(
            members: (0..<8).map { Int32(inv.data.accountIndex("phone\($0)")!) }, links: [:], features: inv.features,
            population: PopulationBaseline(features: inv.features, index: inv.index), index: inv.index)
        #expect(risk.1.first { $0.name == "address_rotation" }?.contribution == 0)
    }

    @Test func theBarIsTheNinetiethPercentileOfComparableAccountsAndNeverUnderTwo() {
        #expect(AddressSpread.group(queries: 0) == 0)
        #expect(AddressSpread.group(queries: 1) == 1)
        #expect(AddressSpread.group(queries: 3) == 2)
        #expect(AddressSpread.group(queries: 40) == 6)
        #expect(AddressSpread().bar(queries: 40) == AddressSpread.floorNetworks)
        var histograms = [[Int]](repeating: [Int](repeating: 0, count: AddressSpread.cap + 1), count: AddressSpread.groups)
        // Group 6: 540 accounts on 3 networks and 40 on 60 (a ring): the bar is 3.
        histograms[6][3] = 540
        histograms[6][60] = 40
        #expect(AddressSpread.bar(around: 6, histograms) == 3)
        // Group 10 holds a ring of 40 and 20 accounts on 1 network: the bar is read down to
        // group 6's accounts too, and the ring does not set it.
        histograms[6][60] = 0
        histograms[10][50] = 40
        histograms[10][1] = 20
        #expect(AddressSpread.bar(around: 10, histograms) == 3)
        // Fewer than 500 accounts in all: the bar is read over all of them.
        var small = [[Int]](repeating: [Int](repeating: 0, count: AddressSpread.cap + 1), count: AddressSpread.groups)
        small[2][4] = 100
        small[20][1] = 10
        #expect(AddressSpread.bar(around: 20, small) == 4)
        // Nobody anywhere: the floor.
        let empty = [[Int]](repeating: [Int](repeating: 0, count: AddressSpread.cap + 1), count: AddressSpread.groups)
        #expect(AddressSpread.bar(around: 4, empty) == AddressSpread.floorNetworks)
    }

    @Test func theExplanationCountsInWords() {
        let one = AddressRotationSignal.explanation(addresses: 38, networks: 31, bar: 2, own: 236, pool: 240, sharedShare: 0.97)
        #expect(
            one == "members each send from a median of 38 addresses in 31 networks (9 in 10 accounts with about as many "
                + "queries use at most 2 networks); 236 of the 240 addresses are used by members only; member by member, "
                + "97% of their addresses are another member's too and nobody else's")
        let many = AddressRotationSignal.explanation(addresses: 1, networks: 1, bar: 1, own: 1, pool: 2_400, sharedShare: 0)
        #expect(many.contains("a median of 1 address in 1 network (") && many.contains("at most 1 network)"), "\(many)")
        #expect(many.contains("; 1 of the 2,400 addresses is used by members only; member by member, 0% of"), "\(many)")
        let none = AddressRotationSignal.explanation(addresses: 20, networks: 19, bar: 2, own: 0, pool: 19, sharedShare: 0)
        #expect(none.hasSuffix("; 0 of the 19 addresses are used by members only"), "\(none)")
    }

    @Test func addressesEachMemberUsesAloneAreNotASharedPool() throws {
        var s = S()
        s.addBackground(count: 120)
        // Each student's own ever-changing home lines (no two members on one), plus the
        // course's NAT address that only they use.
        var next = 0
        for i in 0..<6 {
            Self.members(&s, prefix: "solo\(i)-", count: 1, seed: UInt64(20 + i)) { rng in
                next += 1
                return rng.int(0...9) == 0 ? "10.77.0.1" : "98.\(next / 200).\(next % 200).5"
            }
        }
        let inv = try s.investigate()
        let members = (0..<6).map { Int32(inv.data.accountIndex("solo\($0)-0")!) }
        let evidence = ClusterEvidence(
            members: members, links: [:], features: inv.features, population: PopulationBaseline(features: inv.features, index: inv.index),
            index: inv.index)
        let score = try #require(AddressRotationSignal().measure(evidence))
        #expect(score.value > 10)
        #expect(score.contribution == 0, "\(score)")
        #expect(score.explanation.contains(" addresses are used by members only; member by member, "), "\(score.explanation)")
    }
}
