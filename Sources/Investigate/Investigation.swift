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
    public let clusters: ClusterList
    /// The position in `clusters` of each account's cluster.
    public let clusterOfAccount: [Int32]
    /// Each account's own risk in 0...1.
    public let accountRisk: AccountRisks
    /// Seconds spent indexing, clustering and scoring.
    public let timings: [String: Double]
    /// Resident memory (MiB) after each build step, for `investigate bench`.
    public let residentMiB: [String: Double]

    /// Indexes, clusters and scores a loaded source (which `CaseLoader` left compacted).
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
        let families = data.templateFamilies
        lap("templates")
        let index = LinkIndex(data: data, families: families)
        self.index = index
        releaseFreedMemory()
        lap("link_index")
        var groups: MemberRows? = Clusterer().componentRows(index: index)
        lap("cluster")
        let features = AccountFeatures(data: data, index: index)
        self.features = features
        lap("features")
        let population = PopulationBaseline(features: features, index: index)
        let ranking = ClusterRanking(
            groups: groups.take()!, index: index, features: features, population: population, scorer: scorer)
        clusters = ClusterList(ranking: ranking)
        var owner = [Int32](repeating: -1, count: data.accountCount)
        for rank in 0..<ranking.count {
            for member in ranking.members(of: rank) { owner[Int(member)] = Int32(rank) }
        }
        clusterOfAccount = owner
        accountRisk = AccountRisks(
            scorer: scorer, clusterRisks: ranking.risks, clusterOfAccount: owner, features: features, population: population)
        releaseFreedMemory()
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

/// The process's peak resident memory so far, in bytes (getrusage).
public func peakResidentMemoryBytes() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    return usage.ru_maxrss * 1024
}

/// The process's resident memory now, from /proc/self/statm (0 where unavailable).
public func residentMemoryBytes() -> Int {
    guard let file = fopen("/proc/self/statm", "r") else { return 0 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 128)
    guard fgets(&line, Int32(line.count), file) != nil else { return 0 }
    let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let fields = text.split(separator: " ")
    guard fields.count >= 2, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
