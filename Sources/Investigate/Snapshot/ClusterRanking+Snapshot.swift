extension ClusterRanking {
    func writeSnapshot(_ out: SnapshotFileWriter) throws {
        // The dense starts, the risks and the link starts streamed, never made whole.
        try out.put("rank.offsets", streaming: denseStarts)
        try out.put("rank.members", rankedRows.members)
        try out.put("rank.risks", streaming: riskColumn)
        try out.put("rank.link_start", streaming: linkStarts)
        try out.put("rank.link_entries", linkEntries)
        // The kept signals, rank after rank, each column streamed from them.
        let ranks = keptSignals.keys.sorted()
        let signals = ranks.lazy.flatMap { [keptSignals] in keptSignals[$0]! }
        let kept = keptSignals
        let starts = sequence(state: (rank: -1, end: Int32(0))) { state -> Int32? in
            guard state.rank < ranks.count else { return nil }
            if state.rank >= 0 { state.end += Int32(kept[ranks[state.rank]]!.count) }
            state.rank += 1
            return state.end
        }
        try out.put("signals.ranks", ranks)
        try out.put("signals.starts", streaming: starts)
        try out.put("signals.names", strings: signals.map(\.name))
        try out.put("signals.explanations", strings: signals.map(\.explanation))
        try out.put("signals.values", streaming: signals.map(\.value))
        try out.put("signals.baselines", streaming: signals.map(\.baseline))
        try out.put("signals.contributions", streaming: signals.map(\.contribution))
    }

    /// Reads the ranking and checks it: the rows are a partition of the accounts, each ascending;
    /// one risk in 0...1 per cluster; link entries of known kinds; kept signals of real clusters.
    /// Returns it with each account's cluster position.
    static func readSnapshot(
        _ input: SnapshotFileReader, accounts: Int, index: LinkIndex, features: AccountFeatures, population: PopulationBaseline,
        coActivity: CoActivity
    ) throws -> (ClusterRanking, clusterOfAccount: [Int32]) {
        // Each plain column is read, checked and made compact before the next is read: at 10M
        // queries they are 4-9 MB each, and held together with their compact forms they set a
        // warm open's peak.
        let offsets = try input.array("rank.offsets", Int32.self)
        try SnapshotCheck.starts("rank.offsets", offsets, end: accounts)
        let clusters = offsets.count - 1
        let risks = try Self.readRisks(input, clusters: clusters)
        let linkEntries = try input.array("rank.link_entries", UInt64.self)
        let links = try Self.readLinkRows(input, clusters: clusters, entries: linkEntries.count)
        for entry in linkEntries where Int(entry >> 32) >= LinkKind.allCases.count {
            throw SnapshotDamage("section rank.link_entries: unknown kind")
        }
        let members = try input.array("rank.members", Int32.self)
        try SnapshotCheck.count("rank.members", members.count, accounts)
        try SnapshotCheck.ids("rank.members", members, below: accounts, absent: false)
        var owner = [Int32](repeating: -1, count: accounts)
        for cluster in 0..<clusters {
            let range = Int(offsets[cluster])..<Int(offsets[cluster + 1])
            guard !range.isEmpty else { throw SnapshotDamage("section rank.offsets: empty cluster") }
            for i in range {
                let member = Int(members[i])
                guard owner[member] < 0, i == range.lowerBound || members[i - 1] < members[i] else {
                    throw SnapshotDamage("section rank.members: not a partition of the accounts")
                }
                owner[member] = Int32(cluster)
            }
        }
        let rows = RankedRows(MemberRows(offsets: offsets, members: members))
        let kept = try readSignals(input, clusters: clusters)
        let ranking = ClusterRanking(
            restoring: rows, risks: risks, links: links, linkEntries: linkEntries, keptSignals: kept, index: index,
            features: features, population: population, scorer: RiskScorer(), coActivity: coActivity,
            familyReach: TemplateFamilyReach(index: index, clusterOf: owner))
        return (ranking, owner)
    }

    /// One risk in 0...1 per cluster, kept as `RankRisks`.
    private static func readRisks(_ input: SnapshotFileReader, clusters: Int) throws -> RankRisks {
        let risks = try input.array("rank.risks", Double.self)
        try SnapshotCheck.count("rank.risks", risks.count, clusters)
        try SnapshotCheck.finite("rank.risks", risks, in: 0...1)
        return RankRisks(risks)
    }

    /// Where each cluster's link entries start, checked, kept only for clusters that have any.
    private static func readLinkRows(_ input: SnapshotFileReader, clusters: Int, entries: Int) throws -> (ranks: [Int32], starts: [Int32]) {
        let linkStart = try input.array("rank.link_start", Int32.self)
        try SnapshotCheck.starts("rank.link_start", linkStart, entries: clusters + 1, end: entries)
        return ClusterRanking.linkRows(fromStarts: linkStart)
    }

    private static func readSignals(_ input: SnapshotFileReader, clusters: Int) throws -> [Int: [SignalScore]] {
        let ranks = try input.array("signals.ranks", Int.self)
        let starts = try input.array("signals.starts", Int32.self)
        let names = try input.strings("signals.names")
        let explanations = try input.strings("signals.explanations")
        let values = try input.array("signals.values", Double.self)
        let baselines = try input.array("signals.baselines", Double.self)
        let contributions = try input.array("signals.contributions", Double.self)
        let total = names.count
        for (name, count) in [
            ("explanations", explanations.count), ("values", values.count), ("baselines", baselines.count),
            ("contributions", contributions.count),
        ] {
            try SnapshotCheck.count("signals." + name, count, total)
        }
        try SnapshotCheck.starts("signals.starts", starts, entries: ranks.count + 1, end: total)
        for (i, rank) in ranks.enumerated() where rank < 0 || rank >= clusters || (i > 0 && ranks[i - 1] >= rank) {
            throw SnapshotDamage("section signals.ranks: rank out of range")
        }
        var kept: [Int: [SignalScore]] = [:]
        kept.reserveCapacity(ranks.count)
        for (i, rank) in ranks.enumerated() {
            kept[rank] = (Int(starts[i])..<Int(starts[i + 1])).map {
                SignalScore(
                    name: names[$0], value: values[$0], baseline: baselines[$0], contribution: contributions[$0],
                    explanation: explanations[$0])
            }
        }
        return kept
    }
}

extension Operation {
    /// Writes operations as row tables (clusters and ties per operation).
    static func writeSnapshot(_ operations: [Operation], _ out: SnapshotFileWriter) throws {
        var clusterStart: [Int32] = [0], clusters: [Int] = [], accounts: [Int] = []
        var tieStart: [Int32] = [0], tieKinds: [Int32] = [], tieValues: [Int32] = [], tieClusters: [Int] = []
        for op in operations {
            clusters += op.clusters
            clusterStart.append(Int32(clusters.count))
            accounts.append(op.accounts)
            for tie in op.ties {
                tieKinds.append(Int32(tie.kind.position))
                tieValues.append(tie.value)
                tieClusters.append(tie.clusters)
            }
            tieStart.append(Int32(tieKinds.count))
        }
        try out.put("ops.cluster_start", clusterStart)
        try out.put("ops.clusters", clusters)
        try out.put("ops.accounts", accounts)
        try out.put("ops.tie_start", tieStart)
        try out.put("ops.tie_kinds", tieKinds)
        try out.put("ops.tie_values", tieValues)
        try out.put("ops.tie_clusters", tieClusters)
    }

    /// Reads operations over `clusters` ranked clusters, every reference checked.
    static func readSnapshot(_ input: SnapshotFileReader, clusters count: Int, index: LinkIndex) throws -> [Operation] {
        let clusterStart = try input.array("ops.cluster_start", Int32.self)
        let clusters = try input.array("ops.clusters", Int.self)
        let accounts = try input.array("ops.accounts", Int.self)
        let tieStart = try input.array("ops.tie_start", Int32.self)
        let tieKinds = try input.array("ops.tie_kinds", Int32.self)
        let tieValues = try input.array("ops.tie_values", Int32.self)
        let tieClusters = try input.array("ops.tie_clusters", Int.self)
        let operations = accounts.count
        try SnapshotCheck.starts("ops.cluster_start", clusterStart, entries: operations + 1, end: clusters.count)
        try SnapshotCheck.starts("ops.tie_start", tieStart, entries: operations + 1, end: tieKinds.count)
        try SnapshotCheck.count("ops.tie_values", tieValues.count, tieKinds.count)
        try SnapshotCheck.count("ops.tie_clusters", tieClusters.count, tieKinds.count)
        for c in clusters where c < 0 || c >= count { throw SnapshotDamage("section ops.clusters: cluster out of range") }
        var out: [Operation] = []
        for op in 0..<operations {
            let range = Int(clusterStart[op])..<Int(clusterStart[op + 1])
            guard !range.isEmpty else { throw SnapshotDamage("section ops.cluster_start: empty operation") }
            var ties: [(kind: LinkKind, value: Int32, clusters: Int)] = []
            for t in Int(tieStart[op])..<Int(tieStart[op + 1]) {
                guard tieKinds[t] >= 0, Int(tieKinds[t]) < LinkKind.allCases.count else { throw SnapshotDamage("section ops.tie_kinds: unknown kind") }
                let kind = LinkKind.allCases[Int(tieKinds[t])]
                guard tieValues[t] >= 0, Int(tieValues[t]) < index.valueCount(kind) else {
                    throw SnapshotDamage("section ops.tie_values: value out of range")
                }
                ties.append((kind, tieValues[t], tieClusters[t]))
            }
            out.append(Operation(id: "op\(op + 1)", clusters: Array(clusters[range]), accounts: accounts[op], ties: ties))
        }
        return out
    }
}
