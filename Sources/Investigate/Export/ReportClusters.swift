/// The clusters a case's accounts fall in, as `report.html` presents them: clusters holding two
/// or more case accounts get a section each (riskiest, then biggest, first; at most
/// `maxSections`), the rest share one compact table. Also the account-value incidence of each
/// section, taken from `CaseLinks` in one linear pass.
struct ReportClusters {
    /// One cluster with the case accounts in it.
    struct Entry {
        var cluster: Cluster
        /// Case accounts in the cluster (source indices), in exact-id order.
        var members: [Int32]
        /// Indices into `CaseLinks.values` of the values two or more of `members` share, with
        /// those members (exact-id order).
        var values: [(value: Int, sharers: [Int32])] = []
    }

    /// At most this many clusters get a section of their own.
    static let maxSections = 25

    /// Clusters with a section, in report order.
    let sections: [Entry]
    /// Clusters without one (one case account each, or beyond `maxSections`), in report order.
    let others: [Entry]
    /// Every case account's exact id, by source index.
    let exactIDs: [Int32: ExactText]

    init(_ input: BundleInput, _ links: CaseLinks) {
        var ids: [Int32: ExactText] = [:]
        for (_, index) in input.accounts { ids[Int32(index)] = input.data.accountExactID(index) }
        exactIDs = ids
        var byCluster: [Int: [Int32]] = [:]
        for (_, index) in input.accounts {
            byCluster[Int(input.investigation.clusterOfAccount[index]), default: []].append(Int32(index))
        }
        var entries = byCluster.map { position, members in
            Entry(cluster: input.investigation.clusters[position], members: members.sorted { ids[$0]! < ids[$1]! })
        }
        entries.sort(by: Self.riskiestFirst)
        var sectionEntries = Array(entries.filter { $0.members.count >= 2 }.prefix(Self.maxSections))
        let withSection = Set(sectionEntries.map(\.cluster.position))
        others = entries.filter { !withSection.contains($0.cluster.position) }
        // Which section each case account is in, then each shared value's sharers per section.
        var sectionOf: [Int32: Int] = [:]
        for (s, entry) in sectionEntries.enumerated() { for member in entry.members { sectionOf[member] = s } }
        for (v, value) in links.values.enumerated() {
            var perSection: [Int: [Int32]] = [:]
            for sharer in value.sharers { if let s = sectionOf[sharer] { perSection[s, default: []].append(sharer) } }
            for (s, sharers) in perSection where sharers.count >= 2 { sectionEntries[s].values.append((v, sharers)) }
        }
        sections = sectionEntries
    }

    /// Case accounts per cluster, in report order (sections, then the rest).
    var all: [Entry] { sections + others }

    /// Case accounts per cluster, riskiest first (then most case accounts, then the source's
    /// ranking), for the summary: report order puts every cluster with a section first, so a
    /// riskier cluster holding one case account came after clusters of risk 0.00.
    var ranked: [Entry] { all.sorted(by: Self.riskiestFirst) }

    /// Riskiest first, then most case accounts, then the source's ranking.
    static func riskiestFirst(_ a: Entry, _ b: Entry) -> Bool {
        if a.cluster.risk != b.cluster.risk { return a.cluster.risk > b.cluster.risk }
        if a.members.count != b.members.count { return a.members.count > b.members.count }
        return a.cluster.position < b.cluster.position
    }
}
