import Testing
@testable import Investigate

/// `CandidatePairs` (counted, then written into exact rows by smaller account) gives exactly the
/// pairs the clusterer's former list gave: every pair of a value's holders, grown by appending,
/// then sorted and deduplicated.
@Suite struct CandidatePairsTests {
    /// One value's holders, ascending.
    typealias Value = (kind: LinkKind, value: Int32, holders: [Int32])

    /// The former generation, kept here as the reference: keys appended value by value, then
    /// sorted and made unique.
    static func formerKeys(_ values: [Value], blockSize: Int, degree: Int) -> [UInt64] {
        var pairs: [UInt64] = []
        var order: [(UInt64, Int32)] = []
        for (kind, v, holders) in values where holders.count >= 2 {
            let count = holders.count
            if count <= blockSize {
                for (i, a) in holders.enumerated() {
                    for b in holders.dropFirst(i + 1) { pairs.append(UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))) }
                }
                continue
            }
            order.removeAll(keepingCapacity: true)
            let salt = UInt64(kind.position) << 40 ^ UInt64(UInt32(v))
            for a in holders { order.append((ByteHash.mix(salt ^ UInt64(UInt32(a)) << 8), a)) }
            order.sort { $0.0 < $1.0 }
            for i in 0..<count {
                for step in 1...min(degree, count - 1) {
                    let a = order[i].1, b = order[(i + step) % count].1
                    pairs.append(a < b ? UInt64(UInt32(a)) << 32 | UInt64(UInt32(b)) : UInt64(UInt32(b)) << 32 | UInt64(UInt32(a)))
                }
            }
        }
        return Array(Set(pairs)).sorted()
    }

    static func built(_ values: [Value], accounts: Int, blockSize: Int, degree: Int) -> CandidatePairs {
        CandidatePairs(accountCount: accounts, blockSize: blockSize, sampledDegree: degree) { visit in
            for (kind, value, holders) in values where holders.count >= 2 { visit(kind, value, holders[...]) }
        }
    }

    /// Checks the rows against the former keys, and the rows' own shape.
    static func expectSamePairs(_ values: [Value], accounts: Int, blockSize: Int, degree: Int) {
        let pairs = built(values, accounts: accounts, blockSize: blockSize, degree: degree)
        let expected = formerKeys(values, blockSize: blockSize, degree: degree)
        #expect(pairs.keys == expected)
        #expect(pairs.count == expected.count)
        #expect(pairs.start.count == accounts + 1 && pairs.start.first == 0 && pairs.start.last == Int32(pairs.count))
        // Sized exactly: the duplicates' room was given back.
        #expect(pairs.partners.memoryFootprint == pairs.count * MemoryLayout<Int32>.stride)
        for a in 0..<accounts {
            let row = pairs.partners(of: a)
            #expect(row == expected.filter { Int($0 >> 32) == a }.map { Int32($0 & 0xFFFF_FFFF) })
            for position in Int(pairs.start[a])..<Int(pairs.start[a + 1]) { #expect(pairs.account(holding: position) == a) }
        }
    }

    @Test func valuesAtAndJustAboveTheBlockSizeGiveTheFormerPairs() {
        // Exactly K holders propose every pair; K + 1 are sampled; with the default sizes too.
        for (blockSize, degree) in [(4, 2), (5, 3), (48, 6)] {
            let k = blockSize
            let values: [Value] = [
                (.payment, 0, Array(0..<Int32(k))),
                (.payment, 1, Array(stride(from: Int32(3), to: Int32(3 + 2 * (k + 1)), by: 2))),
                (.ip, 0, Array(Int32(1)...Int32(k + 1))),
            ]
            Self.expectSamePairs(values, accounts: 2 * k + 8, blockSize: blockSize, degree: degree)
        }
    }

    @Test func pairsProposedByManyValuesAreKeptOnce() {
        // The same accounts share a card, a subnet and an ASN: each pair once.
        let values: [Value] = [
            (.payment, 7, [2, 5, 9]), (.subnet, 3, [2, 5, 9]), (.asn, 1, [0, 2, 5, 9, 11]), (.ip, 4, [5, 9]),
            (.userAgent, 2, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
        ]
        Self.expectSamePairs(values, accounts: 12, blockSize: 4, degree: 2)
        Self.expectSamePairs(values, accounts: 12, blockSize: 48, degree: 6)
    }

    @Test func sampledValuesWithFewHoldersWrapWithoutSelfPairs() {
        // Degree above count - 1: each holder meets every other, never itself.
        let values: [Value] = [(.apiKey, 0, [1, 4, 6]), (.org, 9, [0, 2, 3, 7])]
        Self.expectSamePairs(values, accounts: 8, blockSize: 1, degree: 6)
        let pairs = Self.built(values, accounts: 8, blockSize: 1, degree: 6)
        #expect(pairs.keys.allSatisfy { $0 >> 32 < $0 & 0xFFFF_FFFF })
    }

    @Test func tooManyPairsShrinkTheBlocksInsteadOfOverflowing() {
        // 40 holders propose 780 pairs in one block; under a limit of 200 the blocks and the
        // sampled partners are halved until the proposal fits, and the pairs are then exactly
        // those of the smaller sizes.
        let values: [Value] = [(.userAgent, 0, Array(0..<40)), (.ip, 1, [3, 8, 30])]
        let pairs = CandidatePairs(accountCount: 40, blockSize: 48, sampledDegree: 6, pairLimit: 200) { visit in
            for (kind, value, holders) in values { visit(kind, value, holders[...]) }
        }
        #expect(pairs.blockSize == 24 && pairs.sampledDegree == 3)
        #expect(pairs.count <= 200)
        #expect(pairs.keys == Self.formerKeys(values, blockSize: 24, degree: 3))
        // Within the limit, nothing changes.
        let unlimited = Self.built(values, accounts: 40, blockSize: 48, degree: 6)
        #expect(unlimited.blockSize == 48 && unlimited.sampledDegree == 6 && unlimited.count == 780)
    }

    @Test func noValuesGiveNoPairs() {
        let pairs = Self.built([], accounts: 5, blockSize: 48, degree: 6)
        #expect(pairs.count == 0 && pairs.keys.isEmpty && pairs.start == [0, 0, 0, 0, 0, 0])
        let none = Self.built([], accounts: 0, blockSize: 48, degree: 6)
        #expect(none.count == 0 && none.start == [0])
    }

    @Test func randomValuesGiveTheFormerPairs() {
        var rng = SeededRandom(seed: 5)
        for _ in 0..<20 {
            let accounts = rng.int(2...60)
            var values: [Value] = []
            for v in 0..<rng.int(1...25) {
                let holders = Set((0..<rng.int(2...30)).map { _ in Int32(rng.int(0...(accounts - 1))) }).sorted()
                values.append((LinkKind.allCases[rng.int(0...(LinkKind.allCases.count - 1))], Int32(v), holders))
            }
            Self.expectSamePairs(values, accounts: accounts, blockSize: rng.int(2...12), degree: rng.int(1...6))
        }
    }

    @Test func nearPairsWithoutALinkedAccountAreDropped() {
        // Accounts 0-4 all paired (positions 0...9: 0-1 0-2 0-3 0-4 1-2 1-3 1-4 2-3 2-4 3-4); 1-5 linked.
        let pairs = Self.built([(.payment, 0, [0, 1, 2, 3, 4])], accounts: 6, blockSize: 48, degree: 6)
        let bits: [[UInt64]] = [[1 << 0 | 1 << 4 | 1 << 9]]
        let near = EvidenceClusterer.nearPairs(pairs, bits: bits, touching: [[], [1 << 32 | 5]])
        #expect(near == [0 << 32 | 1, 1 << 32 | 2])
        #expect(EvidenceClusterer.nearPairs(pairs, bits: bits, touching: []).isEmpty)
    }

    @Test func nearPairsAcrossScanChunks() {
        // 200 holders: 19,900 pairs, two chunks; near bits on both sides of the boundary and at the end.
        let holders = Array(Int32(0)..<200)
        let pairs = Self.built([(.ip, 3, holders)], accounts: 200, blockSize: 200, degree: 6)
        let keys = pairs.keys
        #expect(keys.count == 19_900)
        let chunk = EvidenceClusterer.scanChunk
        var bits = [[UInt64]](repeating: [UInt64](repeating: 0, count: chunk / 64), count: 2)
        let marked = [5, chunk - 1, chunk, keys.count - 1]
        for p in marked { bits[p / chunk][(p % chunk) >> 6] |= 1 << UInt64(p % 64) }
        let everyone: [[UInt64]] = [keys]
        let markedKeys: [UInt64] = marked.map { keys[$0] }
        #expect(EvidenceClusterer.nearPairs(pairs, bits: bits, touching: everyone) == markedKeys)
        // Only pairs touching account 198 or 199 (the last pair).
        let touching199 = EvidenceClusterer.nearPairs(pairs, bits: bits, touching: [[198 << 32 | 199]])
        let expected: [UInt64] = markedKeys.filter { key in key >> 32 >= 198 || key & 0xFFFF_FFFF >= 198 }
        #expect(touching199 == expected)
    }
}
