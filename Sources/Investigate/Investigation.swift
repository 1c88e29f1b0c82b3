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
    /// Clusters in triage order (`TriageOrder`; `clusters[0].id == "c1"`).
    public let clusters: ClusterList
    /// The position in `clusters` of each account's cluster.
    public let clusterOfAccount: [Int32]
    /// Each account's own risk in 0...1.
    public let accountRisk: AccountRisks
    /// Match weights of shared values, measured on this population.
    public let weights: EvidenceWeights
    /// Each account's firings, for coordinated-timing evidence.
    public let coActivity: CoActivity
    /// Clusters tied by rare tooling into operations, riskiest first.
    public let operations: [Operation]
    /// The position in `operations` of each cluster that belongs to one (by cluster position).
    public let operationOfCluster: [Int: Int]
    /// How the clusters were found.
    public let clustering: ClusteringMode
    /// Seconds spent indexing, clustering and scoring: each phase's (`1 index` ... `4 score`),
    /// and within a phase each step's own (`1.templates`; a phase runs its steps side by side).
    public let timings: [String: Double]
    /// Resident memory (MiB) after each build step, for `investigate bench`.
    public let residentMiB: [String: Double]

    /// Indexes, clusters and scores a loaded source (which `CaseLoader` left compacted).
    public init(data: CaseData, scorer: RiskScorer = RiskScorer(), clustering: ClusteringMode = .evidence) {
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
        // The link index and burst counts, in waves of jobs side by side (`IndexPhase`).
        let phase = IndexPhase(data: data)
        let index = phase.index, coActivity = phase.coActivity
        self.index = index
        self.coActivity = coActivity
        self.clustering = clustering
        releaseFreedMemory()
        lap("1 index")
        for (step, seconds) in phase.seconds { timings["1." + step] = seconds }
        // The evidence weights beside the features (both read the index and data alone), then
        // the population baseline (which reads the features).
        var measuredFeatures: AccountFeatures?
        var measuredWeights: EvidenceWeights?
        let halves = ParallelMap.run(2) { job -> (EvidenceWeights?, AccountFeatures?, Double) in
            let started = monotonicSeconds()
            return job == 0
                ? (nil, AccountFeatures(data: data), monotonicSeconds() - started)
                : (EvidenceWeights(index: index), nil, monotonicSeconds() - started)
        }
        for (weights, features, elapsed) in halves {
            if let weights { (measuredWeights, timings["2.weights"]) = (weights, elapsed) }
            if let features { (measuredFeatures, timings["2.features"]) = (features, elapsed) }
        }
        let weights = measuredWeights ?? EvidenceWeights(index: index)
        let features = measuredFeatures ?? AccountFeatures(data: data)
        self.weights = weights
        self.features = features
        releaseFreedMemory()
        let started = monotonicSeconds()
        let population = PopulationBaseline(features: features, index: index)
        timings["2.population"] = monotonicSeconds() - started
        // The features' and weights' threads, and the baseline, leave freed blocks in malloc's
        // arenas (about 20 MiB at 10M queries): hand them back before clustering.
        releaseFreedMemory()
        lap("2 evidence")
        var groups: MemberRows? =
            switch clustering {
            case .evidence:
                EvidenceClusterer().componentRows(index: index, weights: weights, coActivity: coActivity) { step, seconds in
                    timings["3." + step] = seconds
                }
            case .legacy: Clusterer().componentRows(index: index)
            }
        lap("3 cluster")
        var stepStarted = monotonicSeconds()
        func step(_ name: String) {
            let now = monotonicSeconds()
            timings["4." + name] = now - stepStarted
            stepStarted = now
        }
        let ranking = ClusterRanking(
            groups: groups.take()!, index: index, features: features, population: population, scorer: scorer,
            coActivity: coActivity)
        clusters = ClusterList(ranking: ranking)
        var owner = [Int32](repeating: -1, count: data.accountCount)
        for rank in 0..<ranking.count {
            for member in ranking.members(of: rank) { owner[Int(member)] = Int32(rank) }
        }
        clusterOfAccount = owner
        step("ranking")
        let operations = OperationFinder.find(clusterOf: owner, sizes: { ranking.size(of: $0) }, index: index, weights: weights)
        self.operations = operations
        var operationOf: [Int: Int] = [:]
        for (i, op) in operations.enumerated() { for c in op.clusters { operationOf[c] = i } }
        operationOfCluster = operationOf
        step("operations")
        accountRisk = AccountRisks(
            scorer: scorer, clusterRisks: ranking.riskColumn, clusterOfAccount: owner, features: features,
            clusterCount: ranking.count, members: { ranking.members(of: $0) })
        step("account_risks")
        releaseFreedMemory()
        step("release")
        lap("4 score")
        self.timings = timings
        residentMiB = resident
    }

    /// An investigation restored from a snapshot's parts (`InvestigationSnapshot`), not built.
    init(
        restoring data: CaseData, index: LinkIndex, features: AccountFeatures, ranking: ClusterRanking, clusterOfAccount: [Int32],
        weights: EvidenceWeights, coActivity: CoActivity, operations: [Operation], population: PopulationBaseline,
        clustering: ClusteringMode, timings: [String: Double]
    ) {
        (self.data, self.index, self.features, self.clusterOfAccount) = (data, index, features, clusterOfAccount)
        (self.weights, self.coActivity, self.operations, self.clustering) = (weights, coActivity, operations, clustering)
        clusters = ClusterList(ranking: ranking)
        var operationOf: [Int: Int] = [:]
        for (i, op) in operations.enumerated() { for c in op.clusters { operationOf[c] = i } }
        operationOfCluster = operationOf
        accountRisk = AccountRisks(
            scorer: ranking.scorer, clusterRisks: ranking.riskColumn, clusterOfAccount: clusterOfAccount, features: features,
            clusterCount: ranking.count, members: { ranking.members(of: $0) })
        self.timings = timings
        residentMiB = [:]
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

    /// The clusters `accounts` fall in, with how many of them each holds: most first, then by
    /// rank (`pivot`'s "held in").
    public func heldIn(_ accounts: [Int]) -> [(cluster: Int, holders: Int)] {
        var perCluster: [Int: Int] = [:]
        for account in accounts { perCluster[Int(clusterOfAccount[account]), default: 0] += 1 }
        return perCluster.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Why two accounts are (or are not) linked: each shared value with its weight, their
    /// co-firing against their own rates, and the total against the link threshold.
    public func why(_ a: Int, _ b: Int) -> PairEvidence {
        PairEvidence.measure(a, b, index: index, weights: weights, coActivity: coActivity)
    }

    /// `why(a, b)` as sentences an investigator can paste.
    public func explainPair(_ a: Int, _ b: Int) -> [String] {
        PairExplanation.lines(why(a, b), index: index, weights: weights, isHub: isHub)
    }

    /// Whether a value is too common to propose pairs in the clustering this investigation ran:
    /// under the evidence graph, one worth under a quarter of a link (`EvidenceWeights.isHub`);
    /// under the legacy clusterer, one over its merge limits (`LinkIndex.isHub`). What the console,
    /// `why`, `account` and a bundle call a hub is this, so they agree with what clustered.
    public func isHub(_ kind: LinkKind, value: Int32) -> Bool {
        switch clustering {
        case .evidence: weights.isHub(kind, sharedBy: index.shareCount(kind, value: value))
        case .legacy: index.isHub(kind, value: value)
        }
    }
}

/// How clusters are found.
public enum ClusteringMode: String, Sendable, CaseIterable {
    /// Communities of the evidence graph (`EvidenceClusterer`): the default.
    case evidence
    /// Hub-aware union-find over strong kinds plus the template-and-client join (`Clusterer`).
    case legacy
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
