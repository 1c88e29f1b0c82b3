/// Every link key in both directions: value -> accounts sharing it, account -> its values.
///
/// One CSR pair per `LinkKind`. Value ids are pool ids (`ValuePools.pool(for:)`), upstream link
/// row indices for `.upstream`, and family ids for `.template`. Lists are sorted and unique.
public final class LinkIndex: @unchecked Sendable {
    /// The data indexed.
    public let data: CaseData
    /// Template families (the prompt-template link key).
    public let families: TemplateFamilies
    /// One adjacency per kind, at the kind's position in `LinkKind.allCases` (an array read in
    /// place: a dictionary lookup copied the lists' references on every call).
    private(set) var byKind: [Adjacency] = []

    /// Builds the index.
    /// - Complexity: O(accounts + distinct (account, value) pairs + queries).
    public init(data: CaseData, families: TemplateFamilies? = nil) {
        self.data = data
        self.families = families ?? data.templateFamilies
        let builder = LinkPairs(data: data)
        for kind in LinkKind.allCases {
            let pairs = builder.pairs(for: kind, families: self.families)
            byKind.append(Adjacency(pairs: pairs, accountCount: data.accountCount, valueCount: valueCount(kind)))
        }
    }

    /// An index as a snapshot kept it (`LinkIndex+Snapshot.swift` checks it first).
    init(restoring data: CaseData, families: TemplateFamilies, byKind: [Adjacency]) {
        (self.data, self.families, self.byKind) = (data, families, byKind)
    }

    /// How many distinct values of a kind exist.
    public func valueCount(_ kind: LinkKind) -> Int {
        switch kind {
        case .upstream: return data.upstream.count
        case .template: return families.count
        default: return data.pools.pool(for: kind)!.count
        }
    }

    /// The accounts sharing a value, ascending.
    public func accounts(sharing kind: LinkKind, value: Int32) -> ArraySlice<Int32> {
        byKind[kind.position].accounts(of: value)
    }

    /// How many accounts share a value.
    public func shareCount(_ kind: LinkKind, value: Int32) -> Int { byKind[kind.position].accountCount(of: value) }

    /// The values of a kind an account has, ascending.
    public func values(of account: Int, kind: LinkKind) -> ArraySlice<Int32> { byKind[kind.position].values(of: account) }

    /// The printable value (raw bytes decoded; make it inert before drawing).
    public func valueString(_ kind: LinkKind, _ value: Int32) -> String {
        switch kind {
        case .upstream:
            let row = Int(value)
            let label = data.label(data.upstream.kind[row]) ?? "link"
            return "\(label) \(data.accountID(Int(data.upstream.accountA[row])))~\(data.accountID(Int(data.upstream.accountB[row])))"
        case .template:
            return families.name(of: value)
        default:
            return data.pools.pool(for: kind)!.string(value)
        }
    }

    /// Finds the id of a value written as text (`ip 1.2.3.4`, `asn AS16509` or `16509`, ...).
    public func valueID(_ kind: LinkKind, _ text: String) -> Int32? {
        switch kind {
        case .upstream:
            return (0..<data.upstream.count).first { valueString(.upstream, Int32($0)) == text }.map { Int32($0) }
        case .template:
            return families.id(named: text)
        case .asn:
            let upper = text.uppercased()
            return data.pools.asns.lookup(upper.hasPrefix("AS") ? upper : "AS" + upper)
        case .emailDomain:
            return data.pools.emailDomains.lookup(text.lowercased())
        default:
            return data.pools.pool(for: kind)!.lookup(text)
        }
    }

    /// True when a value is shared so widely (a NAT, a VPN exit, a cloud ASN, a free-mail
    /// domain) that it stays pivotable but does not merge clusters.
    public func isHub(_ kind: LinkKind, value: Int32) -> Bool {
        LinkStrength.isHub(
            kind: kind, sharedBy: shareCount(kind, value: value),
            freeMail: kind == .emailDomain && FreeMail.contains(valueString(kind, value)))
    }

    /// Heap bytes held by the adjacency lists.
    public var memoryFootprint: Int { byKind.reduce(0) { $0 + $1.memoryFootprint } }
}

/// Both directions of one link kind: account -> values and value -> accounts.
struct Adjacency {
    let accountValues: CompactRows
    let valueAccounts: CompactRows

    init(pairs: LinkPairs.Pairs, accountCount: Int, valueCount: Int) {
        let byAccount = Adjacency.csr(keys: pairs.accounts, items: pairs.values, keyCount: accountCount)
        accountValues = CompactRows(start: byAccount.0, items: byAccount.1)
        let byValue = Adjacency.csr(keys: pairs.values, items: pairs.accounts, keyCount: valueCount)
        valueAccounts = CompactRows(start: byValue.0, items: byValue.1)
    }

    func accounts(of value: Int32) -> ArraySlice<Int32> { valueAccounts.items(of: Int(value)) }

    func accountCount(of value: Int32) -> Int { valueAccounts.count(of: Int(value)) }

    func values(of account: Int) -> ArraySlice<Int32> { accountValues.items(of: account) }

    var memoryFootprint: Int { accountValues.memoryFootprint + valueAccounts.memoryFootprint }

    /// Groups `items` by `keys` (a counting sort); within a key the items come out ascending
    /// when the pairs were generated in ascending item order, and are sorted otherwise.
    static func csr(keys: [Int32], items: [Int32], keyCount: Int) -> ([Int32], [Int32]) {
        var start = [Int32](repeating: 0, count: keyCount + 1)
        for key in keys { start[Int(key) + 1] += 1 }
        for k in 0..<keyCount { start[k + 1] += start[k] }
        var cursor = start
        var out = [Int32](repeating: 0, count: items.count)
        for (key, item) in zip(keys, items) {
            out[Int(cursor[Int(key)])] = item
            cursor[Int(key)] += 1
        }
        for k in 0..<keyCount where start[k + 1] - start[k] > 1 {
            let range = Int(start[k])..<Int(start[k + 1])
            var sorted = true
            for i in range.dropFirst() where out[i - 1] > out[i] { sorted = false; break }
            if !sorted { out[range].sort() }
        }
        return (start, out)
    }
}
