/// The links of the evidence graph renumbered over the accounts that hold one, so that the cuts
/// (`BridgeCut`, `SparseCut`) keep their per-account arrays for those accounts alone: at 10M
/// queries a few tens of thousands of 1.1M accounts are in a link, and the cuts' five columns
/// of every account (about 23 MB) made one of the build's peaks (613 MiB against 606-610 for
/// the other steps, `bench` session 45).
///
/// The renumbering keeps the accounts' order (local `i` < local `j` exactly when account `i` <
/// account `j`), so keys stay smaller << 32 | larger and every ordering the cuts make is the
/// same; `SparseCut` seeds its vectors from the accounts' own numbers (`names`).
struct LinkedAccounts {
    /// The accounts in a link, ascending: local number → account.
    let names: [Int32]
    /// The links in local numbers, in the order given.
    let links: [UInt64]

    /// Renumbers `links` (smaller account << 32 | larger).
    /// - Complexity: O(links log links).
    init(_ accountLinks: [UInt64]) {
        var ends: [Int32] = []
        ends.reserveCapacity(accountLinks.count * 2)
        for key in accountLinks {
            ends.append(Int32(truncatingIfNeeded: key >> 32))
            ends.append(Int32(truncatingIfNeeded: key & 0xFFFF_FFFF))
        }
        ends.sort()
        var names: [Int32] = []
        for end in ends where names.last != end { names.append(end) }
        ends = []
        func local(_ account: UInt64) -> UInt64 {
            var (low, high) = (0, names.count)
            while low < high {
                let middle = (low + high) / 2
                if UInt64(UInt32(bitPattern: names[middle])) < account { low = middle + 1 } else { high = middle }
            }
            return UInt64(low)
        }
        links = accountLinks.map { local($0 >> 32) << 32 | local($0 & 0xFFFF_FFFF) }
        self.names = names
    }

    /// The links to keep, in account numbers: those `BridgeCut` and then `SparseCut` keep.
    static func kept(_ accountLinks: [UInt64]) -> [UInt64] {
        guard !accountLinks.isEmpty else { return accountLinks }
        let graph = LinkedAccounts(accountLinks)
        let n = graph.names.count
        let kept = SparseCut.kept(BridgeCut.kept(graph.links, accounts: n), accounts: n, names: graph.names)
        func account(_ local: UInt64) -> UInt64 { UInt64(UInt32(bitPattern: graph.names[Int(local)])) }
        return kept.map { account($0 >> 32) << 32 | account($0 & 0xFFFF_FFFF) }
    }
}
