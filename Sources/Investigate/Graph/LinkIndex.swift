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
    let byKind: [Adjacency]

    /// Builds the index: the template families first (unless given; finding them frees the
    /// prompt sketches before the pairs are made), then the other kinds' adjacencies in jobs on
    /// every core (`adjacencyJobs`).
    /// - Complexity: O(accounts + distinct (account, value) pairs + queries).
    public convenience init(data: CaseData, families: TemplateFamilies? = nil) {
        let found = families ?? data.templateFamilies
        var built: [LinkKind: Adjacency] = [:]
        for part in ParallelMap.run(LinkIndex.adjacencyJobs.count, { LinkIndex.adjacencies(LinkIndex.adjacencyJobs[$0], data: data) }) {
            built.merge(part) { first, _ in first }
        }
        self.init(data: data, families: found, adjacencies: built)
    }

    /// The jobs that build every kind's adjacency but the template families': the kinds read
    /// from query contexts together (one pass over the queries), each other kind alone.
    static let adjacencyJobs: [[LinkKind]] = [LinkPairs.contextKinds] + [[.payment], [.emailDomain], [.org], [.upstream], [.modelMix], [.mailbox]]

    /// The index from the template families and the adjacency of every other kind.
    convenience init(data: CaseData, families: TemplateFamilies, adjacencies: [LinkKind: Adjacency]) {
        var byKind = adjacencies
        byKind[.template] = LinkIndex.adjacency(.template, pairs: families.pairs(), data: data, families: families)
        // Shared questions were found with the families, from the sketches they freed: their
        // pairs become the adjacency once, which the families keep for another index (its lists
        // shared, not copied).
        if let built = families.questionAdjacency {
            byKind[.question] = built
        } else {
            let built = Adjacency(
                sortedPairs: families.questionPairs ?? LinkPairs.Pairs(), accountCount: data.accountCount,
                valueCount: data.pools.questions.count)
            families.questionPairs = nil
            families.questionAdjacency = built
            byKind[.question] = built
        }
        // Client families come from the clients' adjacency (`ClientFamilies`).
        if byKind[.userAgent] == nil { byKind[.userAgent] = LinkIndex.adjacencies([.userAgent], data: data)[.userAgent]! }
        byKind[.clientFamily] = Adjacency(
            sortedPairs: ClientFamilies.pairs(data: data, clients: byKind[.userAgent]!), accountCount: data.accountCount,
            valueCount: data.pools.clientFamilies.count)
        self.init(
            restoring: data, families: families,
            byKind: LinkKind.allCases.map { byKind[$0] ?? LinkIndex.adjacencies([$0], data: data)[$0]! })
    }

    /// The adjacency of each of `kinds` (none `.template`). Each kind's pairs are given up as its
    /// adjacency is built, so they never sit beside the finished lists of every kind.
    /// - Complexity: O(accounts + the kinds' (account, value) pairs), plus one pass over the
    ///   queries for the context kinds.
    static func adjacencies(_ kinds: [LinkKind], data: CaseData) -> [LinkKind: Adjacency] {
        let builder = LinkPairs(data: data)
        var pairs = kinds.allSatisfy(LinkPairs.contextKinds.contains) ? builder.contextPairs(kinds) : kinds.map { builder.pairs(for: $0, families: nil) }
        var out: [LinkKind: Adjacency] = [:]
        for (position, kind) in kinds.enumerated() {
            let kindPairs = pairs[position]
            pairs[position] = LinkPairs.Pairs()
            out[kind] = adjacency(kind, pairs: kindPairs, data: data, families: nil)
        }
        return out
    }

    /// One kind's adjacency from its pairs (`families` is read only for `.template`).
    static func adjacency(_ kind: LinkKind, pairs: consuming LinkPairs.Pairs, data: CaseData, families: TemplateFamilies?) -> Adjacency {
        let values: Int =
            switch kind {
            case .upstream: data.upstream.count
            case .template: families?.count ?? 0
            default: data.pools.pool(for: kind)!.count
            }
        return Adjacency(pairs: pairs, accountCount: data.accountCount, valueCount: values)
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

    /// Reads an account's values of a kind into cache (the list's head, and a longer list's start
    /// and first value: `CompactRows.warm`).
    @inline(__always)
    func warmValues(of account: Int, kind: LinkKind) -> Int32 { byKind[kind.position].warmValues(of: account) }

    /// How many values of a kind an account holds, as the spread discount counts them
    /// (`EvidenceWeights.spreadBits`): a template asking for reasoning is held as a MinHash family
    /// and as its frame family (`TemplateFamilies`), one template in two values, so templates
    /// count as the larger of the two (frames, other families).
    public func heldCount(of account: Int, kind: LinkKind) -> Int { heldCount(values(of: account, kind: kind), kind: kind) }

    /// `heldCount(of:kind:)` for an account's values of `kind`, already read.
    @inline(__always)
    func heldCount(_ values: ArraySlice<Int32>, kind: LinkKind) -> Int {
        guard kind == .template else { return values.count }
        var frames = 0
        for value in values where families.isFrame(family: value) { frames += 1 }
        return max(frames, values.count - frames)
    }

    /// The printable value: `valueExact`'s bytes decoded (invalid UTF-8 repaired, so two values
    /// may read the same: text for people escapes `valueExact` instead; make it inert before
    /// drawing).
    public func valueString(_ kind: LinkKind, _ value: Int32) -> String {
        String(decoding: valueExact(kind, value).bytes, as: UTF8.self)
    }

    /// The value's exact bytes, for machine-readable output (`JSONOut.exact`): a pooled value's
    /// bytes as the source held them (a client string need not be valid UTF-8), a family's
    /// name, an upstream link's label and its two accounts' exact ids (`label A~B`).
    public func valueExact(_ kind: LinkKind, _ value: Int32) -> ExactText {
        switch kind {
        case .upstream:
            let row = Int(value)
            let labelID = data.upstream.kind[row]
            let label = labelID < 0 ? Array("link".utf8) : data.pools.labels.bytes(labelID)
            let a = data.accountExactID(Int(data.upstream.accountA[row])).bytes
            let b = data.accountExactID(Int(data.upstream.accountB[row])).bytes
            return ExactText(bytes: label + Array(" ".utf8) + a + Array("~".utf8) + b)
        case .template:
            return ExactText(families.name(of: value))
        default:
            return ExactText(bytes: data.pools.pool(for: kind)!.bytes(value))
        }
    }

    /// Finds the id of a value written as text (`ip 1.2.3.4`, `asn AS16509` or `16509`, ...).
    public func valueID(_ kind: LinkKind, _ text: String) -> Int32? { valueID(kind, exact: ExactText(text)) }

    /// Every value a text names: one at most, except an upstream link, whose text (`label A~B`)
    /// two links can share when an id holds `~` or a space (`a~b`-`c` and `a`-`b~c`).
    public func valueIDs(_ kind: LinkKind, exact: ExactText) -> [Int32] {
        guard kind == .upstream else { return valueID(kind, exact: exact).map { [$0] } ?? [] }
        return (0..<data.upstream.count).filter { valueExact(.upstream, Int32($0)) == exact }.map { Int32($0) }
    }

    /// Finds the id of a value given as its exact bytes (a value that is not valid UTF-8 is
    /// found by its own bytes, never by a repaired decoding). An ASN may omit `AS` and a mail
    /// domain's ASCII case does not matter, as the loader folds them.
    public func valueID(_ kind: LinkKind, exact: ExactText) -> Int32? {
        let bytes = exact.bytes
        switch kind {
        case .upstream:
            return valueIDs(.upstream, exact: exact).first
        case .template:
            return exact.utf8String.flatMap { families.id(named: $0) }
        case .asn:
            let upper = bytes.map { $0 &- 0x61 < 26 ? $0 - 0x20 : $0 }
            return data.pools.asns.lookup(upper.starts(with: Array("AS".utf8)) ? upper : Array("AS".utf8) + upper)
        case .subnet:
            // The loader writes networks itself (an IPv6 one in RFC 5952 form), so a typed
            // `2001:0DB8:0::/48` is the network `2001:db8::/48`.
            if let network = Self.canonicalNetwork(bytes), let id = data.pools.subnets.lookup(network) { return id }
            return data.pools.subnets.lookup(bytes.map { $0 &- 0x41 < 26 ? $0 + 0x20 : $0 })
        case .emailDomain:
            // The loader folds a mail domain's case, so a typed `Example.ORG` is the same value.
            return data.pools.emailDomains.lookup(bytes.map { $0 &- 0x41 < 26 ? $0 + 0x20 : $0 })
        case .ip:
            // Any spelling of an address finds it (`010.001.002.003`, `::ffff:10.1.2.3`).
            return data.ipKeys.key(typed: bytes, in: data.pools.ips)
        case .userAgent:
            // A client string with or without its invisible characters finds the client.
            return data.userAgentKeys.key(typed: bytes, in: data.pools.userAgents)
        case .mailbox:
            // Any address of the inbox finds it (`A.Lee+x@googlemail.com` is `alee@gmail.com`).
            return MailboxAddress.canonical(bytes).flatMap { data.pools.mailboxes.lookup($0) }
        default:
            return data.pools.pool(for: kind)!.lookup(bytes)
        }
    }

    /// The loader's text for a typed network `ADDRESS/24` or `ADDRESS/48`, when the address's
    /// network has that prefix length; nil otherwise.
    static func canonicalNetwork(_ typed: [UInt8]) -> [UInt8]? {
        guard let slash = typed.lastIndex(of: 0x2F) else { return nil }
        let address = Array(typed[..<slash])
        var network: [UInt8] = []
        guard IPNetwork.subnet(of: address.span, into: &network), network.suffix(typed.count - slash).elementsEqual(typed[slash...]) else { return nil }
        return network
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

    /// Both directions from (account, value) pairs, which it consumes: the pairs' arrays are
    /// released as soon as the account rows hold their values (`AdjacencyRows`).
    init(pairs: consuming LinkPairs.Pairs, accountCount: Int, valueCount: Int) {
        var byAccount = AdjacencyRows(pairs: pairs, keyCount: accountCount)
        valueAccounts = byAccount.transposed(keyCount: valueCount).packed()
        accountValues = byAccount.packed()
    }

    /// Both directions from (account, value) pairs sorted by account then value, unique, when
    /// few accounts hold any (`CompactRows.init(sortedKeys:items:keyCount:)`).
    init(sortedPairs pairs: LinkPairs.Pairs, accountCount: Int, valueCount: Int) {
        accountValues = CompactRows(sortedKeys: pairs.accounts, items: pairs.values, keyCount: accountCount)
        let byValue = zip(pairs.values, pairs.accounts).sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        valueAccounts = CompactRows(sortedKeys: byValue.map(\.0), items: byValue.map(\.1), keyCount: valueCount)
    }

    func accounts(of value: Int32) -> ArraySlice<Int32> { valueAccounts.items(of: Int(value)) }

    func accountCount(of value: Int32) -> Int { valueAccounts.count(of: Int(value)) }

    func values(of account: Int) -> ArraySlice<Int32> { accountValues.items(of: account) }

    /// `CompactRows.warm` on the account's values.
    @inline(__always)
    func warmValues(of account: Int) -> Int32 { accountValues.warm(account) }

    var memoryFootprint: Int { accountValues.memoryFootprint + valueAccounts.memoryFootprint }
}
