/// How many networks an account sends from, against how many queries it sends: the population's
/// bar for "rotating through addresses" (`AddressRotationSignal`).
///
/// Accounts are grouped by the power of two of their query count (none, 1, 2-3, 4-7, ...). A
/// group's bar is the 90th percentile of its accounts' distinct networks (IPv4 /24 or IPv6 /48,
/// the signup address included), read over the neighbouring groups too until at least
/// `floorAccounts` accounts are in it, so that a ring of fewer than fifty accounts is under a
/// tenth of the accounts it is compared with and cannot set its own bar; and it is never under
/// `floorNetworks` (a person's home line and phone).
///
/// Read from the link index's rows (their lengths, O(1) each): nothing is kept per account, and
/// the bars are a few dozen integers, worked out again when a snapshot is restored.
public struct AddressSpread: Sendable, Equatable {
    /// The share of comparable accounts that use at most the bar's networks (design, not fitted).
    public static let percentile = 0.9
    /// A bar is read over at least this many accounts (design: five hundred, so that a ring of
    /// fewer than fifty is under the tenth of them the bar leaves out).
    public static let floorAccounts = 500
    /// No bar is under this many networks (a home line and a phone).
    public static let floorNetworks = 2
    /// Networks per account above this count as this (the histograms' last bin).
    static let cap = 1024
    /// Query-count groups: none, then one per power of two up to `Int32.max`.
    static let groups = 33

    /// The bar per query-count group (`group(queries:)`).
    public private(set) var bars: [Int]

    /// Bars as given (tests; a population with no accounts has every bar at `floorNetworks`).
    public init(bars: [Int] = []) { self.bars = bars }

    /// The bars of the accounts in `index`, each with its query count in `queries`.
    /// - Complexity: O(accounts + `groups` × `cap`).
    public init(queries: AccountQueryCounts, index: LinkIndex) {
        var histograms = [[Int]](repeating: [Int](repeating: 0, count: Self.cap + 1), count: Self.groups)
        for account in 0..<index.data.accountCount {
            let networks = min(Self.cap, index.values(of: account, kind: .subnet).count)
            histograms[Self.group(queries: Int(queries[account]))][networks] += 1
        }
        bars = (0..<Self.groups).map { Self.bar(around: $0, histograms) }
    }

    /// The group of an account sending `queries` queries: 0 for none, then 1 + the floor of its
    /// base-2 logarithm.
    static func group(queries: Int) -> Int {
        queries <= 0 ? 0 : min(groups - 1, Int.bitWidth - queries.leadingZeroBitCount)
    }

    /// The networks that `percentile` of the accounts sending about as many queries as `queries`
    /// use at most.
    public func bar(queries: Int) -> Int {
        let g = Self.group(queries: queries)
        return g < bars.count ? bars[g] : Self.floorNetworks
    }

    /// Group `g`'s bar: the percentile over the groups within a widening window around it.
    static func bar(around g: Int, _ histograms: [[Int]]) -> Int {
        var merged = [Int](repeating: 0, count: cap + 1)
        var total = 0
        for width in 0..<groups {
            for h in Set([g - width, g + width]) where h >= 0 && h < groups {
                for (networks, count) in histograms[h].enumerated() where count > 0 {
                    merged[networks] += count
                    total += count
                }
            }
            if total >= floorAccounts { break }
        }
        guard total > 0 else { return floorNetworks }
        // The value at the percentile's position in the sorted counts (as `busyPrompts` reads it).
        let position = Int(Double(total - 1) * percentile)
        var seen = 0
        for (networks, count) in merged.enumerated() {
            seen += count
            if seen > position { return max(floorNetworks, networks) }
        }
        return max(floorNetworks, cap)
    }
}
