import ByteCore
import Testing
@testable import Investigate

/// The cuts run over the accounts in a link, renumbered in order (`LinkedAccounts`), and keep
/// exactly the links they keep over every account's number.
@Suite struct LinkedAccountsTests {
    /// Spreads small account numbers over a large population, keeping their order.
    static func spread(_ links: [UInt64], by step: Int, from first: Int) -> [UInt64] {
        links.map { key in
            SparseCutTests.key(first + Int(key >> 32) * step, first + Int(key & 0xFFFF_FFFF) * step)
        }
    }

    /// The links both ways: renumbered, and over every account.
    static func bothWays(_ links: [UInt64], accounts n: Int) -> (renumbered: [UInt64], whole: [UInt64]) {
        (LinkedAccounts.kept(links), SparseCut.kept(BridgeCut.kept(links, accounts: n), accounts: n))
    }

    @Test func renumbersInOrderAndBack() {
        let links = [SparseCutTests.key(7, 900), SparseCutTests.key(7, 40), SparseCutTests.key(40, 900_000)]
        let graph = LinkedAccounts(links)
        #expect(graph.names == [7, 40, 900, 900_000])
        #expect(graph.links == [SparseCutTests.key(0, 2), SparseCutTests.key(0, 1), SparseCutTests.key(1, 3)])
        #expect(LinkedAccounts.kept(links) == links)
        #expect(LinkedAccounts.kept([]).isEmpty)
    }

    @Test func aSparseCutAmongManyAccountsIsTheSameCut() {
        // A ring of 190 and a course of 60 joined by two pairs (`SparseCutTests`), their numbers
        // spread over a million accounts: the same two links are dropped either way.
        let ring = SparseCutTests.sampledRing(0..<190, degree: 6, salt: 7)
        let course = SparseCutTests.clique(190..<250)
        let links = Self.spread((ring + course + [SparseCutTests.key(5, 200), SparseCutTests.key(17, 231)]).sorted(), by: 3_989, from: 11)
        let (renumbered, whole) = Self.bothWays(links, accounts: 1_000_000)
        #expect(renumbered == whole)
        #expect(renumbered.count == links.count - 2)
    }

    @Test func aBridgeAmongManyAccountsIsTheSameBridge() {
        // Two triangles held by one link, and a pair hanging on one of them by another.
        let small: [UInt64] = [
            SparseCutTests.key(0, 1), SparseCutTests.key(1, 2), SparseCutTests.key(0, 2), SparseCutTests.key(2, 3),
            SparseCutTests.key(3, 4), SparseCutTests.key(4, 5), SparseCutTests.key(3, 5), SparseCutTests.key(5, 6),
            SparseCutTests.key(6, 7),
        ]
        let links = Self.spread(small, by: 70_001, from: 3)
        let (renumbered, whole) = Self.bothWays(links, accounts: 600_000)
        #expect(renumbered == whole)
        #expect(renumbered.count == links.count - 1)
    }

    @Test func randomGraphsKeepTheSameLinks() {
        // Groups of random sizes and densities, a few links between them, over scattered numbers.
        for seed in UInt64(1)...6 {
            var state = seed
            func next(_ bound: Int) -> Int {
                state = ByteHash.mix(state &+ 0x9E37_79B9_7F4A_7C15)
                return Int(state % UInt64(bound))
            }
            var links = Set<UInt64>()
            var first = 0
            var groups: [Range<Int>] = []
            for _ in 0..<(3 + next(4)) {
                let size = 6 + next(60)
                let members = first..<(first + size)
                groups.append(members)
                for a in members {
                    for _ in 0..<(2 + next(4)) {
                        let b = members.lowerBound + next(size)
                        if a != b { links.insert(SparseCutTests.key(min(a, b), max(a, b))) }
                    }
                }
                first += size
            }
            for _ in 0..<(1 + next(4)) {
                let a = groups[next(groups.count)].randomElement(using: &state)
                let b = groups[next(groups.count)].randomElement(using: &state)
                if a != b { links.insert(SparseCutTests.key(min(a, b), max(a, b))) }
            }
            let scattered = Self.spread(links.sorted(), by: 1_009 + next(5_000), from: next(1_000))
            let (renumbered, whole) = Self.bothWays(scattered, accounts: 3_000_000)
            #expect(renumbered == whole, "seed \(seed)")
        }
    }
}

extension Range<Int> {
    /// A member picked by a seeded generator (deterministic).
    fileprivate func randomElement(using state: inout UInt64) -> Int {
        state = ByteHash.mix(state &+ 0x9E37_79B9_7F4A_7C15)
        return lowerBound + Int(state % UInt64(count))
    }
}
