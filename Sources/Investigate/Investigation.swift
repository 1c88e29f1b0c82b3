#if canImport(Glibc)
    import Glibc
#endif

/// Everything an investigation needs from one case source: the loaded data, the link index,
/// the clusters ranked by risk and each account's risk. Built once, then read-only.
public final class Investigation: @unchecked Sendable {
    /// The loaded source.
    public let data: CaseData
    /// Every link key, both directions.
    public let index: LinkIndex
    /// Per-account behaviour measured from the query history.
    public let features: AccountFeatures
    /// Clusters, riskiest first (`clusters[0].id == "c1"`).
    public let clusters: [Cluster]
    /// The position in `clusters` of each account's cluster.
    public let clusterOfAccount: [Int32]
    /// Each account's own risk in 0...1.
    public let accountRisk: [Double]
    /// Seconds spent indexing, clustering and scoring.
    public let timings: [String: Double]
    /// Resident memory (MiB) after each build step, for `investigate bench`.
    public let residentMiB: [String: Double]

    /// Indexes, clusters and scores a loaded source.
    public init(data: CaseData, scorer: RiskScorer = RiskScorer()) {
        var timings: [String: Double] = [:]
        var resident: [String: Double] = [:]
        var mark = monotonicSeconds()
        func lap(_ name: String) {
            let now = monotonicSeconds()
            timings[name] = now - mark
            resident[name] = Double(residentMemoryBytes()) / 1_048_576
            mark = now
        }
        self.data = data
        let families = TemplateFamilies(data: data)
        lap("templates")
        let index = LinkIndex(data: data, families: families)
        self.index = index
        lap("link_index")
        let groups = Clusterer().components(index: index)
        lap("cluster")
        let features = AccountFeatures(data: data, index: index)
        self.features = features
        lap("features")
        let population = PopulationBaseline(features: features, index: index)
        var scored: [Cluster] = groups.map { members in
            let links = Clusterer.linkCounts(members: members, index: index)
            let (risk, signals) = scorer.score(
                members: members, links: links, features: features,
                population: population, index: index)
            return Cluster(id: "", members: members, linkCounts: links, risk: risk, signals: signals)
        }
        scored.sort { a, b in
            if a.risk != b.risk { return a.risk > b.risk }
            if a.size != b.size { return a.size > b.size }
            return a.members[0] < b.members[0]
        }
        var owner = [Int32](repeating: -1, count: data.accountCount)
        for position in scored.indices {
            scored[position].id = "c\(position + 1)"
            for member in scored[position].members { owner[Int(member)] = Int32(position) }
        }
        clusters = scored
        clusterOfAccount = owner
        accountRisk = (0..<data.accountCount).map { account in
            scorer.accountRisk(
                account: account, clusterRisk: scored[Int(owner[account])].risk,
                features: features, population: population)
        }
        lap("score")
        self.timings = timings
        residentMiB = resident
    }

    /// Loads and builds in one step.
    public static func open(
        _ directory: String, options: LoadOptions = LoadOptions(),
        progress: @escaping (LoadProgress) -> Void = { _ in }
    ) throws -> Investigation {
        Investigation(data: try CaseLoader(options: options).load(directory, progress: progress))
    }

    /// The cluster with an id (`c3`).
    public func cluster(id: String) -> Cluster? {
        guard id.hasPrefix("c"), let rank = Int(id.dropFirst()), rank >= 1, rank <= clusters.count else { return nil }
        return clusters[rank - 1]
    }

    /// The cluster an account belongs to.
    public func cluster(ofAccount account: Int) -> Cluster { clusters[Int(clusterOfAccount[account])] }
}

/// The process's resident memory now, from /proc/self/statm (0 where unavailable).
public func residentMemoryBytes() -> Int {
    guard let file = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 128)
    guard fgets(&line, Int32(line.count), file) != nil else { return 0 }
    let fields = String(cString: line).split(separator: " ")
    guard fields.count >= 2, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
