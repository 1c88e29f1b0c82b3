import Investigate

/// The tags a cluster's members carry, for triage's tags column when the cluster itself is
/// untagged: a trial tagged every account of two clusters one value at a time and their triage
/// rows stayed blank, as if the work was never done. Read `33/36 ring-member`: 33 of the
/// cluster's 36 accounts carry a tag, labels commonest first.
struct MemberTags: Hashable, Sendable {
    /// Members with at least one tag.
    var tagged = 0
    /// Members per label.
    var labels: [String: Int] = [:]

    /// Per cluster number, from the case's account tags (one id lookup per tagged account).
    static func byCluster(_ tags: [String: [String]], model: any ConsoleModel) -> [Int: MemberTags] {
        var out: [Int: MemberTags] = [:]
        for (key, labels) in tags where !labels.isEmpty && key.hasPrefix("account:") {
            guard let (kind, id) = MarkKey.target(key), kind == .account,
                  let index = model.accountIndex(exact: id), let cluster = model.cluster(ofAccount: index) else { continue }
            out[cluster, default: MemberTags()].add(labels)
        }
        return out
    }

    mutating func add(_ labels: [String]) {
        tagged += 1
        for label in Set(labels) { self.labels[label, default: 0] += 1 }
    }

    mutating func add(_ other: MemberTags) {
        tagged += other.tagged
        for (label, count) in other.labels { labels[label, default: 0] += count }
    }

    /// `33/36 ring-member`: the members carrying the commonest label of `size`, then it; each
    /// other label counted on its own, commonest first, joined by commas as a row's own tags
    /// are (`40/42 ring-a,2 decoy`: the count was of members with any label, `41/42
    /// decoy,ring-a`, read as 41 of each). Within `room`, the labels that do not fit are
    /// counted at the end (`40/42 ring-a,2 decoy,+3`).
    func text(size: Int, room: Int = TagsColumnRoom.maxWidth) -> String {
        let counted = labels.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        guard let first = counted.first else { return "\(Format.grouped(tagged))/\(Format.grouped(size))" }
        var text = "\(Format.grouped(first.value))/\(Format.grouped(size)) \(first.key)"
        let rest = counted.dropFirst()
        for (index, (label, count)) in rest.enumerated() {
            let next = text + ",\(Format.grouped(count)) \(label)"
            let left = rest.count - index - 1
            guard TextWidth.of(next) + (left > 0 ? TextWidth.of(",+\(left)") : 0) <= room else {
                return text + ",+\(rest.count - index)"
            }
            text = next
        }
        return text
    }
}

/// What the case's tags come to for the tags columns, counted once per change of the tags
/// (`ConsoleData.tagSummary` keeps the last): each cluster's tagged members, and the widest
/// labels on each kind of row.
struct TagSummary: Sendable {
    var byCluster: [Int: MemberTags] = [:]
    /// By mark-key prefix (`account:`): the widest labels of one row, joined as drawn.
    var widest: [String: Int] = [:]

    static func of(_ tags: [String: [String]], model: any ConsoleModel) -> TagSummary {
        var out = TagSummary(byCluster: MemberTags.byCluster(tags, model: model))
        for (key, labels) in tags {
            guard let colon = key.firstIndex(of: ":") else { continue }
            let prefix = String(key[...colon])
            out.widest[prefix] = max(out.widest[prefix] ?? 0, TextWidth.of(labels.filter { !$0.isEmpty }.joined(separator: ",")))
        }
        return out
    }
}

/// What a table's tags column shows beyond the rows' own cells, and how wide it is drawn. The
/// width follows every tag of the open case on the sheet's kind of row, not the rows on screen:
/// a trial saw the risk bar go on each page that showed a tag and come back on the next.
enum TagsColumn {
    /// Triage's member summaries by table row (clusters and operations the case left untagged
    /// whose accounts carry tags), each with the row's size, for the text the column's drawn
    /// width holds (`MemberTags.text(size:room:)`); empty on other sheets.
    static func memberSums(_ table: SheetTable, sheet: Sheet, state: AppState, summary: TagSummary) -> [Int: (tags: MemberTags, size: Int)] {
        guard sheet.kind == .triage, let model = state.data?.model else { return [:] }
        let byCluster = summary.byCluster
        guard !byCluster.isEmpty else { return [:] }
        var out: [Int: (tags: MemberTags, size: Int)] = [:]
        for (index, row) in model.triage().enumerated() where index < table.count {
            guard state.caseState.tags[table.markKeys[index]]?.isEmpty ?? true, row.tags.isEmpty else { continue }
            var sum = MemberTags()
            for cluster in row.isOperation ? row.operationClusters : [row.cluster] {
                if let members = byCluster[cluster] { sum.add(members) }
            }
            if sum.tagged > 0 { out[index] = (sum, row.size) }
        }
        return out
    }

    /// The mark-key prefix of the rows a sheet lists (`cluster:` on triage), nil when mixed.
    static func rowKeyPrefix(_ kind: SheetKind) -> String? {
        switch kind {
        case .triage: return "cluster:"
        case .cluster, .sharedValue, .singles: return "account:"
        case .account: return "value:"
        case .queries, .caseFile: return nil
        }
    }

    /// The widest tags text the sheet can show on any page, or nil when that is not known
    /// without reading every row (then the rows on screen decide).
    static func widest(_ kind: SheetKind, summary: TagSummary, memberCells: [Int: String]) -> Int? {
        guard let prefix = rowKeyPrefix(kind) else { return nil }
        return max(summary.widest[prefix] ?? 0, memberCells.values.map(TextWidth.of).max() ?? 0)
    }
}
