import Testing
@testable import Investigate

/// One link between two groups of their own does not merge them (`BridgeCut`).
@Suite struct BridgeCutTests {
    static func key(_ a: Int, _ b: Int) -> UInt64 { UInt64(min(a, b)) << 32 | UInt64(max(a, b)) }

    /// Components after keeping `BridgeCut.kept(links)`, as sorted member lists.
    static func groups(_ links: [UInt64], accounts n: Int) -> [[Int]] {
        components(BridgeCut.kept(links, accounts: n), accounts: n)
    }

    /// The connected groups of `links` (lone accounts too), as sorted member lists in order of
    /// their smallest member (shared with `SparseCutTests`).
    static func components(_ links: [UInt64], accounts n: Int) -> [[Int]] {
        var sets = DisjointSets(count: n)
        for k in links { sets.union(Int(k >> 32), Int(k & 0xFFFF_FFFF)) }
        var out: [Int: [Int]] = [:]
        for a in 0..<n { out[sets.find(a), default: []].append(a) }
        return out.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }

    static let triangles = [Self.key(0, 1), Self.key(1, 2), Self.key(0, 2), Self.key(3, 4), Self.key(4, 5), Self.key(3, 5)]

    @Test func oneLinkBetweenTwoGroupsIsDropped() {
        let links = Self.triangles + [Self.key(2, 3)]
        #expect(BridgeCut.kept(links, accounts: 6) == Self.triangles)
        #expect(Self.groups(links, accounts: 6) == [[0, 1, 2], [3, 4, 5]])
    }

    @Test func twoLinksBetweenTheGroupsHold() {
        let links = Self.triangles + [Self.key(2, 3), Self.key(0, 5)]
        #expect(BridgeCut.kept(links, accounts: 6) == links)
        #expect(Self.groups(links, accounts: 6) == [[0, 1, 2, 3, 4, 5]])
    }

    @Test func aLoneAccountOrAPairHangingOnAGroupStays() {
        // 6 hangs on the first triangle by one link, and the pair 7-8 on the second by one.
        let links = Self.triangles + [Self.key(2, 3), Self.key(2, 6), Self.key(5, 7), Self.key(7, 8)]
        let groups = Self.groups(links, accounts: 9)
        #expect(groups == [[0, 1, 2, 6], [3, 4, 5, 7, 8]])
        // A chain of pairs (no side of three): nothing is dropped.
        let chain = [Self.key(0, 1), Self.key(1, 2), Self.key(2, 3)]
        #expect(BridgeCut.kept(chain, accounts: 4) == chain)
    }

    @Test func bridgesInSeveralComponentsAndDeepChainsAreFound() {
        // A long path of triangles, each joined to the next by one link: every joint is dropped.
        var links: [UInt64] = []
        let count = 2000
        for t in 0..<count {
            let a = 3 * t
            links += [Self.key(a, a + 1), Self.key(a + 1, a + 2), Self.key(a, a + 2)]
            if t > 0 { links.append(Self.key(a - 1, a)) }
        }
        let kept = BridgeCut.kept(links, accounts: 3 * count)
        #expect(kept.count == 3 * count)
        #expect(Self.groups(links, accounts: 3 * count).allSatisfy { $0.count == 3 })
        #expect(BridgeCut.kept([], accounts: 5).isEmpty)
    }
}
