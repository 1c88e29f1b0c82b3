/// The links among case accounts as account-value incidence: every value at least two case
/// accounts share, with the case accounts that share it. Never expands a value into account
/// pairs, so a value shared by N case accounts costs N, not N(N-1)/2.
///
/// - Complexity: O(sum over the case accounts' distinct values of how many accounts in the
///   source share each), which is bounded by the link index's size: linear, however widely
///   a value is shared.
public struct CaseLinks {
    /// One value shared by two or more case accounts.
    public struct SharedValue {
        /// The link kind.
        public var kind: LinkKind
        /// The value's id in the link index.
        public var id: Int32
        /// The value as exported (payment fingerprints pseudonymised under `--redact`).
        public var text: ExactText
        /// The link strength of the value (how much sharing it says about its sharers).
        public var weight: Double
        /// The case accounts sharing it (source account indices), sorted by exact id.
        public var sharers: [Int32]
        /// How many accounts in the whole source share it.
        public var sharedBy: Int
        /// Too common to find pairs by (`Investigation.isHub`): drawn last in the report's graph.
        public var hub = false
    }

    /// The shared values, sorted by (kind, exact value).
    public let values: [SharedValue]

    /// The number of (case account, shared value) incidences: the rows of `edges.csv`.
    public var incidenceCount: Int { values.reduce(0) { $0 + $1.sharers.count } }

    /// Computes the links of a bundle input.
    public init(_ input: BundleInput) {
        let index = input.investigation.index
        let data = input.data
        // Ranks by exact id, so sharers sort without comparing strings again and again.
        var rank: [Int32: Int] = [:]
        let ordered = input.accounts.map { (data.accountExactID($0.index), Int32($0.index)) }.sorted { $0.0 < $1.0 }
        for (position, account) in ordered.enumerated() { rank[account.1] = position }
        var values: [SharedValue] = []
        for kind in LinkKind.allCases {
            var seen = Set<Int32>()
            for (_, account) in input.accounts {
                for value in index.values(of: account, kind: kind) where seen.insert(value).inserted {
                    var sharers = index.accounts(sharing: kind, value: value).filter { input.accountSet.contains($0) }
                    guard sharers.count >= 2 else { continue }
                    sharers.sort { rank[$0, default: .max] < rank[$1, default: .max] }
                    let printable = index.valueString(kind, value)
                    // Pseudonyms of the exact bytes, as accounts.csv and queries.jsonl give them
                    // (the lossy text gave two invalid fingerprints one pseudonym, and another).
                    let exact = index.valueExact(kind, value)
                    let text: ExactText
                    switch kind {
                    case .payment: text = input.payment(exact: exact)
                    case .mailbox: text = input.email(exact: exact)
                    default: text = exact
                    }
                    let total = index.shareCount(kind, value: value)
                    let weight = LinkStrength.strength(
                        kind: kind, sharedBy: total, freeMail: kind == .emailDomain && FreeMail.contains(printable))
                    values.append(
                        SharedValue(
                            kind: kind, id: value, text: text, weight: weight, sharers: sharers, sharedBy: total,
                            hub: input.investigation.isHub(kind, value: value)))
                }
            }
        }
        values.sort { ($0.kind, $0.text) < ($1.kind, $1.text) }
        self.values = values
    }
}
