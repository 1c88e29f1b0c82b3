import Dispatch
import Synchronization

/// What scoring one block of groups produced, beyond the risks: link entries and signals, both
/// of multi-member groups only (a singleton shares no value with another member).
private struct ScoredBlock {
    var signals: [Int32: [SignalScore]] = [:]
    /// Groups with link entries, ascending.
    var linkGroups: [Int32] = []
    var linkEntries: [UInt64] = []
    /// End of each of `linkGroups`' entries in `linkEntries`.
    var linkEnds: [Int32] = []
}

/// Scoring's results as the blocks hand them in: every group's risk in group order, written in
/// place, and each block's other parts.
private struct ScoredGroups {
    var risks: [Double]
    var blocks: [ScoredBlock?]
}

/// The clusters of an investigation in triage order (`TriageOrder`), in compact columns: members in compressed
/// rows (`RankedRows`), risks as runs of equal values (`RankRisks`), and link counts only for
/// clusters that have shared values. Signals are
/// kept from scoring for multi-member clusters (the ones an investigator opens, and the slow ones
/// to measure); `signals(of:)` measures a singleton again (with the scorer, features and
/// baseline kept here), so a million singleton clusters hold no explanation strings.
///
/// Immutable once built; safe to share across threads.
final class ClusterRanking: @unchecked Sendable {
    /// Members of each cluster, in rank order.
    let rankedRows: RankedRows
    /// Risk of each cluster, in rank order.
    let riskColumn: RankRisks
    /// Ranks of the clusters with link entries, ascending.
    private let linkRanks: [Int32]
    /// Start of each of `linkRanks`' entries in `linkEntries` (one more entry at the end).
    private let linkRankStart: [Int32]
    /// `LinkKind` position << 32 | shared value count, for kinds with a count above 0, cluster
    /// after cluster in rank order.
    let linkEntries: [UInt64]
    let scorer: RiskScorer
    let features: AccountFeatures
    let population: PopulationBaseline
    private let index: LinkIndex
    private let coActivity: CoActivity?
    /// How each template family's holders fall into these clusters (read by `template_share`).
    let familyReach: TemplateFamilyReach
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
        // The groups in compact rows (the members shared, the starts of a million singletons
        // dropped), so that scoring and ranking hold one start column fewer.
        let source = RankedRows(groups)
        groups = MemberRows(groupOf: [], sizes: [])
        let count = source.count
        let familyReach = TemplateFamilyReach(
            index: index,
            clusterOf: TemplateFamilyReach.clusterOf(accountCount: index.data.accountCount, groups: count) { source.members(of: $0) })
        self.familyReach = familyReach
        // Groups are scored in blocks on every core; each block writes its risks into one column
        // and hands in its other parts (small), under a lock, once per block.
        let blockSize = 4096
        let blocks = (count + blockSize - 1) / blockSize
        let columns = EvidenceColumns(features: features, population: population)
        let collected = Mutex(ScoredGroups(risks: [Double](repeating: 0, count: count), blocks: .init(repeating: nil, count: blocks)))
        do {
            DispatchQueue.concurrentPerform(iterations: blocks) { [source] block in
                var scored = ScoredBlock()
                let range = (block * blockSize)..<min(count, (block + 1) * blockSize)
                var risks: [Double] = []
                risks.reserveCapacity(range.count)
                for g in range {
                    let members = Array(source.members(of: g))
                    let links = Clusterer.linkCounts(members: members, index: index)
                    let (risk, signals) = scorer.score(
                        members: members, links: links, columns: columns, index: index, coActivity: coActivity, familyReach: familyReach)
                    risks.append(risk)
                    if members.count > 1 { scored.signals[Int32(g)] = signals }
                    let entriesBefore = scored.linkEntries.count
                    for (position, kind) in LinkKind.allCases.enumerated() {
                        if let shared = links[kind], shared > 0 { scored.linkEntries.append(UInt64(position) << 32 | UInt64(shared)) }
                    }
                    if scored.linkEntries.count > entriesBefore {
                        scored.linkGroups.append(Int32(g))
                        scored.linkEnds.append(Int32(scored.linkEntries.count))
                    }
                }
                collected.withLock { state in
                    for (offset, risk) in risks.enumerated() { state.risks[range.lowerBound + offset] = risk }
                    state.blocks[block] = scored
                }
                // Scoring a group allocates and frees small blocks (explanations of the
                // signals): hand the freed memory back now and then, not only at the end.
                if block % 64 == 63 { releaseFreedMemory() }
            }
        }
        // Taken out of the lock (left empty), so that each part is freed when its last use ends.
        var (groupRisks, results) = collected.withLock { state in
            defer { state = ScoredGroups(risks: [], blocks: []) }
            return (state.risks, state.blocks)
        }
        var linkGroups: [Int32] = [], linkGroupEnd: [Int32] = [], groupEntries: [UInt64] = []
        var measured: [Int32: [SignalScore]] = [:]
        for block in results.indices {
            guard let scored = results[block] else { continue }
            results[block] = nil
            let base = Int32(groupEntries.count)
            linkGroups += scored.linkGroups
            groupEntries += scored.linkEntries
            linkGroupEnd += scored.linkEnds.map { base + $0 }
            measured.merge(scored.signals) { first, _ in first }
        }
        results = []
        // The blocks' memory is free now; hand it back before the ranked copies are made.
        releaseFreedMemory()
        var order = (0..<Int32(count)).map { $0 }
        order.sort { a, b in
            TriageOrder.before(
                (groupRisks[Int(a)], source.size(of: Int(a)), source.members[source.range(of: Int(a)).lowerBound]),
                (groupRisks[Int(b)], source.size(of: Int(b)), source.members[source.range(of: Int(b)).lowerBound]))
        }
        // Each intermediate is freed once its ranked form exists, so that few are held at once.
        riskColumn = RankRisks(count: count) { groupRisks[Int(order[$0])] }
        groupRisks = []
        // Groups with links or signals (multi-member ones), marked for a quick test by rank.
        var marked = [UInt64](repeating: 0, count: (count + 63) / 64)
        for g in linkGroups { marked[Int(g) >> 6] |= 1 << UInt64(g & 63) }
        for g in measured.keys { marked[Int(g) >> 6] |= 1 << UInt64(g & 63) }
        var linkRanks: [Int32] = [], linkRankStart: [Int32] = [0], rankedEntries: [UInt64] = []
        rankedEntries.reserveCapacity(groupEntries.count)
        var kept: [Int: [SignalScore]] = [:]
        kept.reserveCapacity(measured.count)
        for (rank, g) in order.enumerated() where marked[Int(g) >> 6] & (1 << UInt64(g & 63)) != 0 {
            if let signals = measured.removeValue(forKey: g) { kept[rank] = signals }
            if let k = Self.position(of: g, in: linkGroups) {
                let start = k == 0 ? 0 : Int(linkGroupEnd[k - 1])
                rankedEntries.append(contentsOf: groupEntries[start..<Int(linkGroupEnd[k])])
                linkRanks.append(Int32(rank))
                linkRankStart.append(Int32(rankedEntries.count))
            }
        }
        marked = []
        (self.linkRanks, self.linkRankStart, self.linkEntries) = (linkRanks, linkRankStart, rankedEntries)
        keptSignals = kept
        rankedRows = RankedRows(source, order: order)
    }

    /// A ranking as a snapshot kept it (`ClusterRanking+Snapshot.swift` checks it first and
    /// makes each compact part as soon as its section is read, so that the plain columns do not
    /// all coexist with them).
    init(
        restoring rows: RankedRows, risks: RankRisks, links: (ranks: [Int32], starts: [Int32]), linkEntries: [UInt64],
        keptSignals: [Int: [SignalScore]], index: LinkIndex, features: AccountFeatures, population: PopulationBaseline,
        scorer: RiskScorer, coActivity: CoActivity?, familyReach: TemplateFamilyReach
    ) {
        (rankedRows, riskColumn, self.linkEntries, self.keptSignals) = (rows, risks, linkEntries, keptSignals)
        self.familyReach = familyReach
        (self.linkRanks, self.linkRankStart) = links
        (self.index, self.features, self.population, self.scorer, self.coActivity) = (index, features, population, scorer, coActivity)
    }

    /// The ranks that have link entries and where each one's entries start (plus the end), from
    /// a plain start per rank.
    static func linkRows(fromStarts linkStart: [Int32]) -> (ranks: [Int32], starts: [Int32]) {
        var linkRanks: [Int32] = [], linkRankStart: [Int32] = [0]
        for rank in 0..<max(0, linkStart.count - 1) where linkStart[rank + 1] != linkStart[rank] {
            linkRanks.append(Int32(rank))
            linkRankStart.append(linkStart[rank + 1])
        }
        return (linkRanks, linkRankStart)
    }

    /// The position of `value` in `sorted` (ascending), if there.
    private static func position(of value: Int32, in sorted: [Int32]) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < sorted.count && sorted[low] == value ? low : nil
    }

    /// The number of clusters.
    var count: Int { riskColumn.count }

    /// Members of the cluster at `rank` (0-based), ascending.
    func members(of rank: Int) -> ArraySlice<Int32> { rankedRows.members(of: rank) }

    /// The number of members of the cluster at `rank`.
    func size(of rank: Int) -> Int { rankedRows.size(of: rank) }

    /// The risk of the cluster at `rank`.
    func risk(of rank: Int) -> Double { riskColumn[rank] }

    /// Distinct values shared by two or more members of the cluster at `rank`, per kind.
    func linkCounts(of rank: Int) -> [LinkKind: Int] {
        var result: [LinkKind: Int] = [:]
        guard let k = Self.position(of: Int32(rank), in: linkRanks) else { return result }
        for entry in linkEntries[Int(linkRankStart[k])..<Int(linkRankStart[k + 1])] {
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
            index: index, coActivity: coActivity, familyReach: familyReach
        ).1
    }

    // The plain columns a snapshot keeps, one value at a time (`put(_:streaming:)`).

    /// Start of each cluster's entries in `linkEntries` (`count + 1` entries), one value at a
    /// time (an iterator's state, not a column).
    var linkStarts: some Sequence<Int32> {
        let (ranks, starts, count) = (linkRanks, linkRankStart, count)
        return sequence(state: (rank: 0, next: 0, end: Int32(0))) { state -> Int32? in
            guard state.rank <= count else { return nil }
            defer { state.rank += 1 }
            guard state.rank > 0 else { return 0 }
            if state.next < ranks.count && Int(ranks[state.next]) == state.rank - 1 {
                state.end = starts[state.next + 1]
                state.next += 1
            }
            return state.end
        }
    }

    /// The start of every cluster's members in `rankedRows.members`, and their end (as
    /// `rankedRows.dense.offsets`), one value at a time.
    var denseStarts: some Sequence<Int32> {
        let (rows, count) = (rankedRows, count)
        return sequence(state: (rank: 0, end: Int32(0))) { state -> Int32? in
            guard state.rank <= count else { return nil }
            defer { state.rank += 1 }
            if state.rank > 0 { state.end += Int32(rows.size(of: state.rank - 1)) }
            return state.end
        }
    }
}
