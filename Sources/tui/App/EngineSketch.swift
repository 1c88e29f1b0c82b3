import Investigate

/// Text summaries drawn from the engine: how a cluster's members connect, activity per day.
enum EngineSketch {
    /// One line per shared value inside the cluster, most-shared first:
    /// `payment 4f3a..  ==  acct_1 acct_2 acct_3 (+4)`.
    /// - Complexity: O(sampled members x their values); no value's full account list is read.
    static func lines(members: [Int32], model: EngineModel, limit: Int = 30) -> [String] {
        /// How many sampled members share a value, and the first few of them.
        struct Shared { var count = 0; var first: [Int32] = [] }
        var shared: [EngineModel.ValueKey: Shared] = [:]
        for account in members.prefix(5_000) {
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
        let ranked = shared.filter { $0.value.count > 1 }
            .sorted { ($0.value.count, $1.key.kind, $1.key.value) > ($1.value.count, $0.key.kind, $0.key.value) }
        return ranked.prefix(limit).map { key, entry in
            let names = entry.first.map { Chrome.short(model.accountID(Int($0))) }.joined(separator: " ")
            let more = entry.count > 4 ? " (+\(entry.count - 4))" : ""
            let value = TextFit.truncate(model.valueText(key.kind, key.value), to: 24, ellipsis: "..")
            return "\(key.kind.rawValue) \(value) == \(names)\(more)"
        }
    }

    /// Queries per day over the accounts' active span, in at most 60 buckets.
    static func dailyCounts(accounts: [Int], data: CaseData, buckets: Int = 60) -> [Int] {
        var times: [Int64] = []
        for account in accounts.prefix(5_000) {
            for row in data.queries.rows(of: account) { times.append(data.queries.timestamp(row)) }
            if times.count > 500_000 { break }
        }
        guard let first = times.min(), let last = times.max() else { return [] }
        let day: Int64 = 86_400_000
        let days = Int((last - first) / day) + 1
        let width = min(buckets, days)
        var counts = [Int](repeating: 0, count: width)
        for t in times { counts[min(width - 1, Int((t - first) / day) * width / days)] += 1 }
        return counts
    }
}
