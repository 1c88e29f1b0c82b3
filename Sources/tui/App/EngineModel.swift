import Foundation
import Investigate

/// Adapts the engine's `Investigation` (data, link index, ranked clusters, risk) to the view
/// models the console draws. Details are built on first use and memoised, so a frame never
/// recomputes a cluster or an account.
final class EngineModel: ConsoleModel, @unchecked Sendable {
    let investigation: Investigation
    private let lock = NSLock()
    private var clusterCache: [Int: ClusterDetail] = [:]
    private var accountCache: [Int: AccountDetail] = [:]
    private var sketchCache: [Int: [SketchLine]] = [:]
    private var queryCache: [QueryScope: QueryDetail] = [:]
    private var valueCache: [ValueKey: SharedValueDetail] = [:]
    private var firingCache: [Int: AccountFiring] = [:]
    private var triageRows: [TriageRow]?
    private var singlesPage: AccountPage?
    /// Drawn on every triage frame: counted once.
    private var counts: TriageCounts?
    /// Rows per page of a capped sheet, and the current page length of each.
    static let pageSize = 2_000
    private var queryLimits: [QueryScope: Int] = [:]
    private var singlesLimit = EngineModel.pageSize
    /// Account ids in order, for `:open` completion; built in the background after load.
    private var sortedIDs: [String] = []

    /// A (kind, value) pair as a cache key.
    struct ValueKey: Hashable {
        let kind: LinkKind
        let value: Int32
    }

    init(_ investigation: Investigation) {
        self.investigation = investigation
        let data = investigation.data
        let multi = investigation.clusters.filter { $0.size > 1 }.count
        totals = Format.plural(data.accountCount, "account") + ", " + Format.plural(data.queries.count, "query", "queries") + ", "
            + Format.plural(multi, "linked cluster")
        referenceTime = investigation.ageReference
        DispatchQueue.global(qos: .utility).async { [self] in
            let pool = investigation.data.pools.accountIDs
            let ids = (0..<pool.count).map { pool.string(Int32($0)) }.sorted()
            lock.lock()
            sortedIDs = ids
            lock.unlock()
        }
    }

    /// The load report's counts, said on opening (a trial's console showed `3 accounts, 5
    /// queries` where `load` said 10 rows skipped and 4 warnings).
    var loadIssues: String? {
        let report = data.report
        let parts = report.issueSummary
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    func isExactAccountID(_ text: String) -> Bool { data.accountIndex(exact: ExactText(text)) != nil }

    var data: CaseData { investigation.data }
    var index: LinkIndex { investigation.index }

    /// `N accounts, M queries, K linked clusters`.
    let totals: String

    func accountID(_ index: Int) -> String { TextEscaping.visible(data.pools.accountIDs.bytes(Int32(index))) }

    func valueText(_ kind: LinkKind, _ value: Int32) -> String { TextEscaping.visible(index.valueExact(kind, value).bytes) }

    /// The exact bytes of a value, as a tag stores them.
    func exactValue(_ kind: LinkKind, _ value: Int32) -> ExactText { index.valueExact(kind, value) }

    private func memo<K: Hashable, V>(_ cache: ReferenceWritableKeyPath<EngineModel, [K: V]>, _ key: K, _ build: () -> V) -> V {
        lock.lock()
        if let hit = self[keyPath: cache][key] { lock.unlock(); return hit }
        lock.unlock()
        let value = build()
        lock.lock()
        if self[keyPath: cache].count > 256 { self[keyPath: cache].removeAll() }
        self[keyPath: cache][key] = value
        lock.unlock()
        return value
    }

    func triage() -> [TriageRow] {
        lock.lock()
        if let rows = triageRows { lock.unlock(); return rows }
        lock.unlock()
        let inv = investigation
        var rows: [TriageRow] = []
        func row(_ position: Int) -> TriageRow {
            let cluster = inv.clusters[position]
            let top = inv.riskiestFirst(cluster.members, limit: 3)
            return TriageRow(
                cluster: position + 1, risk: cluster.risk, size: cluster.size,
                // Kinds with values that are not hubs first, as the cluster sheet and `clusters` list them.
                strongestKinds: SharedKinds.of(cluster, in: inv).prefix(3).map(\.kind.rawValue),
                topSignals: cluster.signals.filter { $0.contribution > 0 }.prefix(3).map(\.name),
                sampleAccounts: top.map { accountID(Int($0)) },
                operation: inv.operationOfCluster[position].map { inv.operations[$0].id })
        }
        // An operation is one row at its riskiest cluster's rank, its clusters beneath it.
        for entry in TriageRows.rows(of: inv, limit: 20_000) {
            guard let index = entry.operation else {
                rows.append(row(entry.rankedAt))
                if rows.count >= 20_000 { break }
                continue
            }
            let op = inv.operations[index]
            let members = op.clusters.map(row)
            rows.append(TriageRow(
                cluster: entry.rankedAt + 1, risk: members.map(\.risk).max() ?? inv.clusters[entry.rankedAt].risk, size: op.accounts,
                strongestKinds: Array(Set(op.ties.map(\.kind.rawValue))).sorted(),
                topSignals: members.first?.topSignals ?? [],
                sampleAccounts: op.clusters.map { "c\($0 + 1)" }, operation: op.id,
                operationClusters: op.clusters.map { $0 + 1 },
                ties: op.ties.prefix(3).map { "\($0.kind.rawValue) " + valueText($0.kind, $0.value) },
                tieValues: op.ties.map { OperationTie(kind: $0.kind, value: $0.value, clusters: $0.clusters) }))
            rows += members
            if rows.count >= 20_000 { break }
        }
        lock.lock()
        triageRows = rows
        lock.unlock()
        return rows
    }

    func accountRow(_ account: Int) -> AccountRow {
        let inv = investigation
        let created = data.accounts.createdAt[account]
        let age = created == Int64.min ? nil : Int(max(0, (referenceTime - created) / 86_400_000))
        return AccountRow(
            account: account, id: accountID(account), ageDays: age,
            country: data.label(data.accounts.country[account]) ?? "-",
            plan: data.label(data.accounts.plan[account]) ?? "-",
            status: data.label(data.accounts.status[account]) ?? "-",
            queries: data.queries.queryCount(of: account),
            outputTokens: Int(inv.features.outputTokens[account]), risk: inv.accountRisk[account],
            exact: data.accountExactID(account))
    }

    /// "Now" for ages: the end of the activity window (`Investigation.ageReference`), so ages are
    /// stable and an outlying time (a query dated 9999) moves none of them.
    private let referenceTime: Int64

    /// Straight from the investigation (the cluster's sheet, with its timeline, is not built).
    func clusterMembers(_ number: Int) -> ClusterMembers? { ClusterMembers.of(cluster: "c\(number)", in: investigation) }

    func cluster(_ number: Int) -> ClusterDetail? {
        guard number >= 1, number <= investigation.clusters.count else { return nil }
        return memo(\.clusterCache, number) {
            let c = investigation.clusters[number - 1]
            // Riskiest first, ties by id bytes, as `clusters` and `account` list them.
            let members = investigation.riskiestFirst(c.members).map(accountRow)
            let kinds = SharedKinds.of(c, in: investigation)
            let timeline = EngineSketch.dailyCounts(accounts: c.members.map(Int.init), in: investigation)
            return ClusterDetail(
                cluster: number, risk: c.risk, members: members,
                kindCounts: kinds.map { ($0.kind.rawValue, $0.values) },
                kindHubs: Dictionary(uniqueKeysWithValues: kinds.map { ($0.kind.rawValue, $0.hubs) }),
                timeline: timeline.counts,
                signals: c.signals.map { SignalRow(name: $0.name, value: $0.value, baseline: $0.baseline,
                                                   contribution: $0.contribution, explanation: $0.explanation) },
                timelineNote: timeline.note,
                unreadNote: c.signals.isEmpty ? SignalsUnread.line(of: c, in: investigation) : nil)
        }
    }

    /// Builds, off the input path, the sheets an investigator opens first: the top clusters
    /// and their riskiest accounts.
    func prefetchTopClusters(_ count: Int = 10) {
        DispatchQueue.global(qos: .utility).async { [self] in
            for number in 1...max(1, min(count, investigation.clusters.count)) {
                guard let detail = cluster(number) else { continue }
                _ = account(detail.members.first?.account ?? 0)
            }
        }
    }

    func clusterSketch(_ number: Int) -> [SketchLine] {
        guard number >= 1, number <= investigation.clusters.count else { return [] }
        return memo(\.sketchCache, number) { EngineSketch.lines(members: investigation.clusters[number - 1].members, model: self) }
    }

    func account(_ account: Int) -> AccountDetail? {
        guard account >= 0, account < data.accountCount else { return nil }
        return memo(\.accountCache, account) {
            let row = accountRow(account)
            var values: [ValueRow] = []
            for kind in LinkKind.allCases {
                for value in index.values(of: account, kind: kind) {
                    values.append(ValueRow(kind: kind, value: value, text: valueText(kind, value),
                                           sharedBy: index.shareCount(kind, value: value),
                                           isHub: investigation.isHub(kind, value: value), exact: exactValue(kind, value)))
                }
            }
            // What the account shares comes first (the pivots), hubs next, its own one-off values
            // last: a proxy-hopping account's hundred single-use IPs do not bury its template.
            values = Self.sharedFirst(values)
            let clusterPosition = Int(investigation.clusterOfAccount[account])
            let cluster = investigation.clusters[clusterPosition]
            let attributes: [(String, String)] = [("country", row.country), ("plan", row.plan), ("status", row.status),
                                                  ("age", row.ageDays.map { "\($0)d" } ?? "-"),
                                                  ("queries", Format.count(row.queries)), ("out", Format.count(row.outputTokens))]
            let sourceFields = data.accounts.extras(of: account).prefix(3).map { extra in
                (TextEscaping.visible(data.pools.extraKeys.string(extra.key)), TextEscaping.visible(data.pools.extraValues.bytes(extra.value)))
            }
            let timeline = EngineSketch.dailyCounts(accounts: [account], in: investigation)
            return AccountDetail(
                account: account, id: row.id, cluster: clusterPosition + 1, risk: row.risk,
                attributes: attributes, values: values,
                signals: cluster.signals.map { SignalRow(name: $0.name, value: $0.value, baseline: $0.baseline,
                                                         contribution: $0.contribution, explanation: $0.explanation) },
                timeline: timeline.counts,
                riskWeight: investigation.accountRisk.weight(of: account).explanation, sourceFields: sourceFields,
                timelineNote: timeline.note)
        }
    }

    /// Values shared with another account and not hubs first, then hubs, then values the account
    /// holds alone; within each, kinds in their usual order and rarer values first.
    static func sharedFirst(_ values: [ValueRow]) -> [ValueRow] {
        func group(_ v: ValueRow) -> Int { v.sharedBy < 2 ? 2 : (v.isHub ? 1 : 0) }
        return values.enumerated().sorted { x, y in
            let (a, b) = (x.element, y.element)
            if group(a) != group(b) { return group(a) < group(b) }
            let (ka, kb) = (LinkKind.allCases.firstIndex(of: a.kind)!, LinkKind.allCases.firstIndex(of: b.kind)!)
            if ka != kb { return ka < kb }
            if a.sharedBy != b.sharedBy { return a.sharedBy < b.sharedBy }
            return x.offset < y.offset
        }.map(\.element)
    }

    func sharedValue(_ kind: LinkKind, _ value: Int32) -> SharedValueDetail? {
        guard value >= 0, Int(value) < index.valueCount(kind) else { return nil }
        return memo(\.valueCache, ValueKey(kind: kind, value: value)) { buildSharedValue(kind, value) }
    }

    private func buildSharedValue(_ kind: LinkKind, _ value: Int32) -> SharedValueDetail {
        // Riskiest first, ties by id bytes, as `pivot` lists them.
        let members = investigation.riskiestFirst(index.accounts(sharing: kind, value: value)).map { account -> AccountRow in
            var row = accountRow(account)
            row.cluster = Int(investigation.clusterOfAccount[account]) + 1
            return row
        }
        // A family's text: one of its prompts, from its riskiest holders (reads the source files:
        // a template's sheet is built off the input path, `isExpensive`).
        let sample = kind == .template
            ? TemplateFamilies.samplePrompt(of: index.valueString(kind, value), accounts: members.map(\.account), data: data)
                .map { TextEscaping.visible($0, limit: 400) }
            : nil
        return SharedValueDetail(kind: kind, value: value, text: valueText(kind, value), members: members,
                                 rarity: Double(members.count) / Double(max(1, data.accountCount)),
                                 isHub: investigation.isHub(kind, value: value), heldIn: heldIn(kind, value), sample: sample)
    }

    func heldIn(_ kind: LinkKind, _ value: Int32) -> [HeldIn] {
        guard value >= 0, Int(value) < index.valueCount(kind) else { return [] }
        let holders = index.accounts(sharing: kind, value: value).map { Int($0) }
        return investigation.heldIn(holders).map {
            HeldIn(cluster: $0.cluster + 1, holders: $0.holders, size: investigation.clusters[$0.cluster].size)
        }
    }

    func queries(_ scope: QueryScope) -> QueryDetail {
        lock.lock()
        let limit = queryLimits[scope] ?? Self.pageSize
        lock.unlock()
        return memo(\.queryCache, scope) { EngineQueries.detail(scope, model: self, limit: limit) }
    }

    func triageCounts() -> TriageCounts {
        lock.lock()
        if let counts { lock.unlock(); return counts }
        lock.unlock()
        let rows = triage()
        let linked = investigation.clusters.filter { $0.size > 1 }.count
        let linkedShown = rows.filter { $0.size > 1 && !$0.isOperation }.count
        let counted = TriageCounts(linked: linked, linkedShown: linkedShown, singles: investigation.clusters.count - linked,
                                   singlesShown: rows.filter { $0.size == 1 && !$0.isOperation }.count)
        lock.lock()
        counts = counted
        lock.unlock()
        return counted
    }

    func singles() -> AccountPage {
        lock.lock()
        if let page = singlesPage { lock.unlock(); return page }
        let limit = singlesLimit
        lock.unlock()
        let alone = investigation.clusters.filter { $0.size == 1 }
        let rows = alone.prefix(limit).compactMap { $0.members.first.map { accountRow(Int($0)) } }
        let page = AccountPage(rows: rows, total: alone.count)
        lock.lock()
        singlesPage = page
        lock.unlock()
        return page
    }

    func showMore(_ kind: SheetKind) -> Bool {
        switch kind {
        case .queries(let scope):
            let detail = queries(scope)
            guard let total = detail.total, total > detail.rows.count else { return false }
            lock.lock()
            queryLimits[scope] = detail.rows.count + Self.pageSize
            queryCache[scope] = nil
            lock.unlock()
            return true
        case .singles:
            let page = singles()
            guard page.total > page.rows.count else { return false }
            lock.lock()
            singlesLimit = page.rows.count + Self.pageSize
            singlesPage = nil
            lock.unlock()
            return true
        default:
            return false
        }
    }

    func accountIndex(_ id: String) -> Int? { data.accountIndex(id) }

    func exactAccountID(_ index: Int) -> ExactText { data.accountExactID(index) }

    func accountIndex(exact id: ExactText) -> Int? { data.accountIndex(exact: id) }

    func cluster(ofAccount index: Int) -> Int? {
        guard index >= 0, index < data.accountCount else { return nil }
        return Int(investigation.clusterOfAccount[index]) + 1
    }

    func queryRecord(_ row: QueryRow) -> [RecordField] { EngineQueries.record(row, data: data) }

    func firing(_ account: Int, build: Bool) -> AccountFiring? {
        guard account >= 0, account < data.accountCount else { return nil }
        if !build {
            lock.lock()
            defer { lock.unlock() }
            return firingCache[account]
        }
        return memo(\.firingCache, account) { buildFiring(account) }
    }

    func isExpensive(_ kind: SheetKind) -> Bool {
        switch kind {
        case .queries, .singles: return true
        case .cluster(let n): return n >= 1 && n <= investigation.clusters.count && investigation.clusters[n - 1].size > 2_000
        // A template's sheet reads one of its prompts from the source files.
        case .sharedValue(let kind, let value): return kind == .template || index.shareCount(kind, value: value) > 5_000
        case .triage, .account, .caseFile: return false
        }
    }

    func accountIDs(prefix: String, limit: Int) -> [String] {
        lock.lock()
        let sortedIDs = self.sortedIDs
        lock.unlock()
        var low = 0, high = sortedIDs.count
        while low < high {
            let mid = (low + high) / 2
            if sortedIDs[mid] < prefix { low = mid + 1 } else { high = mid }
        }
        return Array(sortedIDs[low...].prefix { $0.hasPrefix(prefix) }.prefix(limit))
    }
}
