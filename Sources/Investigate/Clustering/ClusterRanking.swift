import Dispatch
import Synchronization

/// What scoring one block of groups produced, in group order.
private struct ScoredBlock {
    var risks: [Double] = []
    var signals: [Int32: [SignalScore]] = [:]
    var linkEntries: [UInt64] = []
    /// End of each group's entries in `linkEntries`.
    var linkEnds: [Int32] = []
}

/// The clusters of an investigation in triage order (`TriageOrder`), in compact columns: members in compressed
/// rows, one risk each, and link counts only for clusters that have shared values. Signals are
/// kept from scoring for multi-member clusters (the ones an investigator opens, and the slow ones
/// to measure); `signals(of:)` measures a singleton again (with the scorer, features and
/// baseline kept here), so a million singleton clusters hold no explanation strings.
///
/// Immutable once built; safe to share across threads.
final class ClusterRanking: @unchecked Sendable {
    /// Members of each cluster, in rank order.
    let rows: MemberRows
    /// Risk of each cluster, in rank order.
    let risks: [Double]
    /// Start of each cluster's entries in `linkEntries` (`count + 1` entries).
    let linkStart: [Int32]
    /// `LinkKind` position << 32 | shared value count, for kinds with a count above 0.
    let linkEntries: [UInt64]
    let scorer: RiskScorer
    let features: AccountFeatures
    let population: PopulationBaseline
    private let index: LinkIndex
    private let coActivity: CoActivity?
    /// Signals by rank of the multi-member clusters.
    let keptSignals: [Int: [SignalScore]]

    /// Scores every group and ranks them (`TriageOrder`: clusters rated high by expected ring
    /// accounts, size × risk, then the rest by risk).
    /// - Complexity: the signals of every group, then O(groups log groups + members).
    init(groups: consuming MemberRows, index: LinkIndex, features: AccountFeatures, population: PopulationBaseline, scorer: RiskScorer,
        coActivity: CoActivity? = nil
    ) {
        self.coActivity = coActivity
        self.scorer = scorer
        self.features = features
        self.population = population
        self.index = index
        let count = groups.count
        // Groups are scored in blocks on every core; each block's results are joined in order.
        let blockSize = 4096
        let blocks = (count + blockSize - 1) / blockSize
        // Each block's result is stored under a lock, once per block (thousands of groups).
        let collected = Mutex([ScoredBlock?](repeating: nil, count: blocks))
        do {
            DispatchQueue.concurrentPerform(iterations: blocks) { [groups] block in
                var scored = ScoredBlock()
                for g in (block * blockSize)..<min(count, (block + 1) * blockSize) {
                    let members = Array(groups.members(of: g))
                    let links = Clusterer.linkCounts(members: members, index: index)
                    let (risk, signals) = scorer.score(
                        members: members, links: links, features: features, population: population, index: index,
                        coActivity: coActivity)
                    scored.risks.append(risk)
                    if members.count > 1 { scored.signals[Int32(g)] = signals }
                    for (position, kind) in LinkKind.allCases.enumerated() {
                        if let shared = links[kind], shared > 0 { scored.linkEntries.append(UInt64(position) << 32 | UInt64(shared)) }
                    }
                    scored.linkEnds.append(Int32(scored.linkEntries.count))
                }
                collected.withLock { $0[block] = scored }
                // Scoring a group allocates and frees small blocks (explanations of the
                // signals): hand the freed memory back now and then, not only at the end.
                if block % 64 == 63 { releaseFreedMemory() }
            }
        }
        var results = collected.withLock { $0 }
        var risks: [Double] = []
        risks.reserveCapacity(count)
        var linkStart: [Int32] = [0]
        linkStart.reserveCapacity(count + 1)
        var linkEntries: [UInt64] = []
        var measured: [Int32: [SignalScore]] = [:]
        for block in results.indices {
            guard let scored = results[block] else { continue }
            results[block] = nil
            let base = Int32(linkEntries.count)
            risks += scored.risks
            linkEntries += scored.linkEntries
            linkStart += scored.linkEnds.map { base + $0 }
            measured.merge(scored.signals) { first, _ in first }
        }
        // The blocks' memory is free now; hand it back before the ranked copies are made.
        releaseFreedMemory()
        var order = (0..<Int32(count)).map { $0 }
        order.sort { a, b in
            TriageOrder.before(
                (risks[Int(a)], groups.size(of: Int(a)), groups.members[Int(groups.offsets[Int(a)])]),
                (risks[Int(b)], groups.size(of: Int(b)), groups.members[Int(groups.offsets[Int(b)])]))
        }
        // Each intermediate is freed once its ranked copy exists, so that no two are held at once.
        self.risks = order.map { risks[Int($0)] }
        risks = []
        var rankedStart = [Int32](repeating: 0, count: count + 1)
        var rankedEntries: [UInt64] = []
        rankedEntries.reserveCapacity(linkEntries.count)
        for (rank, g) in order.enumerated() {
            rankedEntries.append(contentsOf: linkEntries[Int(linkStart[Int(g)])..<Int(linkStart[Int(g) + 1])])
            rankedStart[rank + 1] = Int32(rankedEntries.count)
        }
        linkEntries = []
        linkStart = []
        self.linkStart = rankedStart
        self.linkEntries = rankedEntries
        var kept: [Int: [SignalScore]] = [:]
        kept.reserveCapacity(measured.count)
        for (rank, group) in order.enumerated() {
            if let signals = measured.removeValue(forKey: group) { kept[rank] = signals }
        }
        keptSignals = kept
        rows = groups.reordered(by: order)
        groups = MemberRows(groupOf: [], sizes: [])
    }

    /// A ranking as a snapshot kept it (`ClusterRanking+Snapshot.swift` checks it first).
    init(
        restoring rows: MemberRows, risks: [Double], linkStart: [Int32], linkEntries: [UInt64], keptSignals: [Int: [SignalScore]],
        index: LinkIndex, features: AccountFeatures, population: PopulationBaseline, scorer: RiskScorer, coActivity: CoActivity?
    ) {
        (self.rows, self.risks, self.linkStart, self.linkEntries, self.keptSignals) = (rows, risks, linkStart, linkEntries, keptSignals)
        (self.index, self.features, self.population, self.scorer, self.coActivity) = (index, features, population, scorer, coActivity)
    }

    /// The number of clusters.
    var count: Int { risks.count }

    /// Members of the cluster at `rank` (0-based), ascending.
    func members(of rank: Int) -> ArraySlice<Int32> { rows.members(of: rank) }

    /// The number of members of the cluster at `rank`.
    func size(of rank: Int) -> Int { rows.size(of: rank) }

    /// The risk of the cluster at `rank`.
    func risk(of rank: Int) -> Double { risks[rank] }

    /// Distinct values shared by two or more members of the cluster at `rank`, per kind.
    func linkCounts(of rank: Int) -> [LinkKind: Int] {
        var result: [LinkKind: Int] = [:]
        for entry in linkEntries[Int(linkStart[rank])..<Int(linkStart[rank + 1])] {
            result[LinkKind.allCases[Int(entry >> 32)]] = Int(entry & 0xFFFF_FFFF)
        }
        return result
    }

    /// The signals of the cluster at `rank`, largest contribution first: kept, or (a singleton)
    /// measured again.
    func signals(of rank: Int) -> [SignalScore] {
        if let known = keptSignals[rank] { return known }
        return scorer.score(
            members: Array(members(of: rank)), links: linkCounts(of: rank), features: features, population: population,
            index: index, coActivity: coActivity
        ).1
    }
}
