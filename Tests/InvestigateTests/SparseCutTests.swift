import Foundation
import ByteCore
import Testing
@testable import Investigate

/// Groups that meet through fewer links than a typical member of the smaller keeps inside it
/// come apart (`SparseCut`); a sparse but well-knit ring stays whole.
@Suite struct SparseCutTests {
    static func key(_ a: Int, _ b: Int) -> UInt64 { BridgeCutTests.key(a, b) }

    /// Components after keeping `SparseCut.kept(links)`, as sorted member lists (lone accounts left out).
    static func groups(_ links: [UInt64], accounts n: Int) -> [[Int]] {
        BridgeCutTests.components(SparseCut.kept(links, accounts: n), accounts: n).filter { $0.count > 1 }
    }

    /// Every pair of `members`.
    static func clique(_ members: Range<Int>) -> [UInt64] {
        var links: [UInt64] = []
        for a in members { for b in members where b > a { links.append(key(a, b)) } }
        return links
    }

    /// A ring held together as sampled tooling pairs hold one: for each of `values` shared values,
    /// each member linked to the next `degree` members of a hashed order of the value's holders.
    static func sampledRing(_ members: Range<Int>, degree: Int, salt: UInt64, values: Int = 2) -> [UInt64] {
        var links = Set<UInt64>()
        for value in 0..<UInt64(values) {
            let order = members.sorted { ByteHash.mix(UInt64($0) ^ salt ^ value << 40) < ByteHash.mix(UInt64($1) ^ salt ^ value << 40) }
            for i in order.indices { for step in 1...degree { links.insert(key(order[i], order[(i + step) % order.count])) } }
        }
        return links.sorted()
    }

    @Test func aCourseAndARingMeetingThroughTwoPairsComeApart() {
        // A ring of 190 (two shared values sampled six partners deep: about 24 links each) and a
        // course of 60 that all know each other, joined by two pairs.
        let ring = Self.sampledRing(0..<190, degree: 6, salt: 7)
        let course = Self.clique(190..<250)
        let links = (ring + course + [Self.key(5, 200), Self.key(17, 231)]).sorted()
        #expect(Self.groups(links, accounts: 250) == [Array(0..<190), Array(190..<250)])
    }

    @Test func aSparseRingStaysWhole() {
        for salt in [1, 2, 3] as [UInt64] {
            let ring = Self.sampledRing(0..<400, degree: 2, salt: salt)
            #expect(SparseCut.kept(ring, accounts: 400) == ring)
        }
        // One shared value only: a chain of holders in hashed order, each with the next three
        // (its slow mode gives cuts of low conductance, but every one crosses 12 links, twice
        // the 6 a member keeps).
        let chain = Self.sampledRing(0..<190, degree: 3, salt: 7, values: 1)
        #expect(SparseCut.kept(chain, accounts: 190) == chain)
        // Beside a clique joined to it by two pairs: the clique comes off, the chain stays whole.
        let links = (chain + Self.clique(190..<250) + [Self.key(5, 200), Self.key(17, 231)]).sorted()
        #expect(Self.groups(links, accounts: 250) == [Array(0..<190), Array(190..<250)])
    }

    @Test func groupsJoinedByAsManyLinksAsAMemberKeepsHold() {
        // Two cliques of 8 (7 links each inside) joined by 7 links: as many as a member keeps
        // inside, so not a sparse cut.
        let across = (0..<7).map { Self.key($0, 8 + $0) }
        let links = Self.clique(0..<8) + Self.clique(8..<16) + across
        #expect(SparseCut.kept(links, accounts: 16) == links)
        // With 6 across they come apart.
        let fewer = Self.clique(0..<8) + Self.clique(8..<16) + across.dropLast()
        #expect(Self.groups(fewer, accounts: 16) == [Array(0..<8), Array(8..<16)])
    }

    @Test func aChainOfCommunitiesSplitsIntoEach() {
        // Five cliques of 12, each joined to the next by three links.
        var links: [UInt64] = []
        for c in 0..<5 {
            links += Self.clique((12 * c)..<(12 * c + 12))
            if c > 0 { links += (0..<3).map { Self.key(12 * c - 1 - $0, 12 * c + $0) } }
        }
        #expect(Self.groups(links, accounts: 60) == (0..<5).map { Array((12 * $0)..<(12 * $0 + 12)) })
    }

    @Test func smallSidesAndSmallInputsStay() {
        // A triangle hanging on a clique by two links: its members keep 2 links inside, so two
        // across hold it.
        let links = Self.clique(0..<10) + Self.clique(10..<13) + [Self.key(0, 10), Self.key(1, 11)]
        #expect(SparseCut.kept(links, accounts: 13) == links)
        #expect(SparseCut.kept([], accounts: 4).isEmpty)
        let pair = [Self.key(0, 1)]
        #expect(SparseCut.kept(pair, accounts: 2) == pair)
    }

    @Test func aCutThatStrandsAPairIsRefused() {
        // Two cliques of 10 joined by two links, plus a pair hanging on the second by one link
        // to each of two members: the cliques come apart, the pair stays with its clique.
        let links = Self.clique(0..<10) + Self.clique(10..<20) + [Self.key(0, 10), Self.key(1, 11)]
            + [Self.key(20, 21), Self.key(20, 12), Self.key(21, 13)]
        #expect(Self.groups(links, accounts: 22) == [Array(0..<10), Array(10..<22)])
    }

    @Test func theResultDoesNotDependOnTheLinksOrder() {
        let ring = Self.sampledRing(0..<120, degree: 6, salt: 11)
        let links = ring + Self.clique(120..<150) + [Self.key(3, 125), Self.key(40, 140)]
        let forward = Set(SparseCut.kept(links, accounts: 150))
        let backward = Set(SparseCut.kept(links.reversed(), accounts: 150))
        #expect(forward == backward)
        #expect(forward.count == links.count - 2)
    }
}

/// The tridiagonal eigen-solver under `FiedlerVectors`, on matrices whose answer is known.
@Suite struct TridiagonalEigenTests {
    @Test func leadingVectorsOfTheSecondDifferenceMatrix() {
        // tridiag(-1, 2, -1) of size n: eigenvalues 2 - 2cos(kπ/(n+1)), vectors sin(jkπ/(n+1));
        // the largest is k = n.
        let n = 9
        let vectors = TridiagonalEigen.leading(diagonal: [Double](repeating: 2, count: n), offDiagonal: [Double](repeating: -1, count: n - 1), count: 2)
        #expect(vectors.count == 2)
        for (rank, k) in [n, n - 1].enumerated() {
            var expected = (1...n).map { j in sin(Double(j * k) * .pi / Double(n + 1)) }
            let norm = expected.reduce(0) { $0 + $1 * $1 }.squareRoot()
            expected = expected.map { $0 / norm }
            let dot = zip(expected, vectors[rank]).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(abs(dot) - 1) < 1e-8)
        }
    }

    @Test func aDiagonalMatrixAndTinyOnes() {
        // No coupling: the leading vectors are the unit vectors of the two largest entries.
        let vectors = TridiagonalEigen.leading(diagonal: [0.5, 3, 1, 2], offDiagonal: [0, 0, 0], count: 2)
        #expect(abs(abs(vectors[0][1]) - 1) < 1e-9)
        #expect(abs(abs(vectors[1][3]) - 1) < 1e-9)
        #expect(TridiagonalEigen.leading(diagonal: [4], offDiagonal: [], count: 2).map { $0.map(abs) } == [[1]])
        #expect(TridiagonalEigen.leading(diagonal: [], offDiagonal: [], count: 2).isEmpty)
    }
}
