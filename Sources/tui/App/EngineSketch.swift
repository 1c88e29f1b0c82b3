import Investigate

/// Text summaries drawn from the engine: how a cluster's members connect, activity per day.
enum EngineSketch {
    /// One line per shared value inside the cluster, most-shared first:
    /// `payment 4f3a..  ==  acct_1 acct_2 acct_3 (+4)`.
    /// - Complexity: O(sampled members x their values); no value's full account list is read.
    /// Hubs (values too common to link on) come last, whatever their count. A cut list ends in a
    /// line (no pivot) saying how many more values there are, and a cluster past the members
    /// read says its counts are of the first ones: no silent cap.
    static func lines(members: [Int32], model: EngineModel, limit: Int = 200, sampled: Int = 5_000) -> [SketchLine] {
        /// How many sampled members share a value, and the first few of them.
        struct Shared { var count = 0; var first: [Int32] = [] }
        var shared: [EngineModel.ValueKey: Shared] = [:]
        for account in members.prefix(sampled) {
            for kind in LinkKind.allCases {
                for value in model.index.values(of: Int(account), kind: kind) {
                    let key = EngineModel.ValueKey(kind: kind, value: value)
                    var entry = shared[key] ?? Shared()
                    entry.count += 1
                    if entry.first.count < 4 { entry.first.append(account) }
                    shared[key] = entry
                }
            }
        }
        let hub = { (key: EngineModel.ValueKey) in model.investigation.isHub(key.kind, value: key.value) }
        let ranked = shared.filter { $0.value.count > 1 }.map { (key: $0.key, entry: $0.value, hub: hub($0.key)) }
            .sorted { a, b in
                if a.hub != b.hub { return !a.hub }
                return (a.entry.count, b.key.kind, b.key.value) > (b.entry.count, a.key.kind, a.key.value)
            }
        let kept = Array(ranked.prefix(limit))
        // Values of one kind that would read alike once cut (two builds of one client) are cut
        // in the middle instead, so each line names its own value.
        let shown = TextFit.distinct(kept.map { model.valueText($0.key.kind, $0.key.value) }, to: 24, ellipsis: "..")
        let listed = zip(kept, shown).map { ranked, value in
            let (key, entry, isHub) = ranked
            let holders = entry.first.map { Chrome.short(model.accountID(Int($0))) }
            let more = entry.count > 4 ? " (+\(entry.count - 4))" : ""
            let shared = "\(key.kind.rawValue) \(value)"
            return SketchLine(text: "\(shared) == \(holders.joined(separator: " "))\(more)" + (isHub ? "  (hub)" : ""),
                              kind: key.kind, value: key.value, isHub: isHub, shared: shared, holders: holders, holderCount: entry.count,
                              wholeShared: "\(key.kind.rawValue) \(model.valueText(key.kind, key.value))")
        }
        return listed + capNotes(values: ranked.count, listed: kept.count, members: members.count, sampled: sampled)
    }

    /// The lines that say what a cut sketch leaves out (none when nothing is cut): the values
    /// not listed, and the members not read. They pivot on nothing.
    static func capNotes(values: Int, listed: Int, members: Int, sampled: Int) -> [SketchLine] {
        var notes: [SketchLine] = []
        if values > listed {
            notes.append(SketchLine(text: "+\(Format.grouped(values - listed)) more shared values: \(Format.grouped(listed)) of "
                + "\(Format.grouped(values)) listed, the most shared first (:pivot KIND VALUE opens any)"))
        }
        if members > sampled {
            notes.append(SketchLine(text: "counted over the first \(Format.grouped(sampled)) of \(Format.grouped(members)) members"))
        }
        return notes
    }

    /// Queries per day over the accounts' active span, in at most 60 buckets, and the note on the
    /// rows left out: the span is that of the rows in the timing analysis (`ChartRows`), so three
    /// rows dated 1970 and 9999 do not squeeze a month of activity into one bucket.
    static func dailyCounts(accounts: [Int], in investigation: Investigation, buckets: Int = 60) -> (counts: [Int], note: String?) {
        let data = investigation.data
        var rows = ChartRows(investigation)
        var times: [Int64] = []
        for account in accounts.prefix(5_000) {
            for row in data.queries.rows(of: account) where rows.add(data.queries.timestamp(row)) {
                times.append(data.queries.timestamp(row))
            }
            if times.count > 500_000 { break }
        }
        guard let first = times.min(), let last = times.max() else { return ([], rows.shortNote) }
        let day: Int64 = 86_400_000
        let days = Int((last - first) / day) + 1
        let width = min(buckets, days)
        var counts = [Int](repeating: 0, count: width)
        for t in times { counts[min(width - 1, Int((t - first) / day) * width / days)] += 1 }
        return (counts, rows.shortNote)
    }
}
