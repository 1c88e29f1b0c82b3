import Testing
@testable import Investigate

/// `Adjacency` built from pairs in place (`AdjacencyRows`) holds exactly the lists a plain
/// grouping of the pairs gives, whatever order the pairs come in.
@Suite struct LinkIndexAdjacencyTests {
    /// A deterministic generator (SplitMix64), so every run checks the same pairs.
    private struct Mix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Unique (account, value) pairs: some accounts with none, some with many, a few values
    /// held by many accounts, some by none.
    private static func pairs(accounts: Int, values: Int, seed: UInt64) -> [(Int32, Int32)] {
        var mix = Mix(state: seed)
        var out: [(Int32, Int32)] = []
        for account in 0..<accounts {
            let held = mix.next(4) == 0 ? 0 : (mix.next(10) == 0 ? 20 + mix.next(30) : 1 + mix.next(3))
            var chosen = Set<Int32>()
            for _ in 0..<held { chosen.insert(Int32(mix.next(3) == 0 ? mix.next(5) : mix.next(values))) }
            for value in chosen { out.append((Int32(account), value)) }
        }
        return out
    }

    private static func check(_ list: [(Int32, Int32)], accounts: Int, values: Int) {
        var made = LinkPairs.Pairs()
        for (account, value) in list { made.add(account, value) }
        let adjacency = Adjacency(pairs: made, accountCount: accounts, valueCount: values)
        var byAccount = [[Int32]](repeating: [], count: accounts)
        var byValue = [[Int32]](repeating: [], count: values)
        for (account, value) in list {
            byAccount[Int(account)].append(value)
            byValue[Int(value)].append(account)
        }
        for account in 0..<accounts { #expect(Array(adjacency.values(of: account)) == byAccount[account].sorted()) }
        for value in 0..<values {
            #expect(Array(adjacency.accounts(of: Int32(value))) == byValue[value].sorted())
            #expect(adjacency.accountCount(of: Int32(value)) == byValue[value].count)
        }
    }

    @Test func pairsGroupedByAccountWithValuesOutOfOrder() {
        // Grouped by ascending account (as the context kinds, payments and columns give them),
        // values within an account in set order, not sorted.
        Self.check(Self.pairs(accounts: 400, values: 300, seed: 1), accounts: 400, values: 300)
    }

    @Test func pairsInAnyOrder() {
        // Upstream links and template families need not come grouped by account.
        var list = Self.pairs(accounts: 400, values: 300, seed: 2)
        var mix = Mix(state: 3)
        for index in stride(from: list.count - 1, to: 0, by: -1) { list.swapAt(index, mix.next(index + 1)) }
        Self.check(list, accounts: 400, values: 300)
    }

    @Test func sparseAndEmptyKinds() {
        // Few accounts holding anything (the sparse row form), and no pairs at all.
        Self.check([(3, 0), (3, 1), (90, 1), (150, 0)], accounts: 200, values: 2)
        Self.check([], accounts: 50, values: 0)
        Self.check([], accounts: 0, values: 0)
    }
}
