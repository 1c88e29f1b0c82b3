import Investigate

/// Operations on triage (issue 13: clusters tied by rare tooling) and the cluster sheet's panes:
/// `T` on an operation's row tags it whole; the "how members connect" pane has its own cursor,
/// scrolls and pivots.
extension AppUpdate {
    /// The operation row under the cursor on triage, if any.
    static func selectedOperation(_ s: AppState) -> TriageRow? {
        guard s.current.kind == .triage, let (t, row) = selectedRow(s), t.markKeys[row].hasPrefix("operation:"),
              let rows = s.data?.model.triage(), row < rows.count, rows[row].isOperation
        else { return nil }
        return rows[row]
    }

    /// Tags every cluster of an operation and every account in them, in one write; when some
    /// accounts are rated low on their own, asks first as a cluster's `T` does (`tagCluster`).
    static func tagOperation(_ s: inout AppState, _ effects: inout [Effect], label: String, _ op: TriageRow, onlyStrong: Bool? = nil) {
        guard let data = s.data else { s.status = notLoaded(s); return }
        let id = op.operation ?? "operation"
        let scope = ClusterTagScope.of(op.operationClusters, model: data.model)
        if onlyStrong == nil, askWhichMembers(&s, label: label, scope: scope, what: id) { return }
        let only = onlyStrong == true && !scope.weak.isEmpty
        let clusterKeys = only ? [] : scope.clusterKeys
        let members = only ? scope.strong : op.operationClusters.flatMap { data.table(.cluster($0)).markKeys }
        let keys = clusterKeys + members
        rememberForUndo(&s, .tag(label: label, keys: keys.filter { !(s.caseState.tags[$0] ?? []).contains(label) }))
        for key in keys where !(s.caseState.tags[key] ?? []).contains(label) {
            s.caseState.tags[key, default: []].append(label)
        }
        let clusters = op.operationClusters.map { "c\($0)" }.joined(separator: " ")
        let choice = scope.weak.isEmpty ? "" : "; " + scope.choiceText(onlyStrong: only)
        audit(&s, "tag-operation", "\(label): \(id) (\(clusters); \(Format.plural(members.count, "account"))\(choice))")
        if scope.weak.isEmpty {
            effects.append(.persist(.tag(label: label, keys: keys)))
        } else {
            effects.append(.persist(.tagChosen(label: label, keys: keys,
                                               context: ["operation": id, "members": scope.choiceText(onlyStrong: only)])))
        }
        let suffix = caseSuffix(s)
        s.status = StatusFit.write(only
            ? ["tagged \(Format.plural(members.count, "account")) of operation \(id) '\(label)' (\(Format.grouped(scope.weak.count)) rated \(scope.spanText) left out, and its clusters)" + suffix,
               "tagged \(Format.grouped(members.count)) of \(id)'s \(Format.plural(scope.members.count, "account")) '\(label)' (\(Format.grouped(scope.weak.count)) rated lower left out)" + suffix,
               "tagged \(Format.grouped(members.count)) of \(id)'s \(Format.plural(scope.members.count, "account")) '\(label)'" + suffix]
            : ["tagged operation \(id): \(Format.plural(clusterKeys.count, "cluster")) and \(Format.plural(members.count, "account")) '\(label)'" + suffix,
               "tagged \(id): \(Format.plural(clusterKeys.count, "cluster")), \(Format.plural(members.count, "account")) '\(label)'" + suffix])
    }

    /// Enter on an operation's row: what ties it, as a record whose tying values j/k select and
    /// Enter opens. Each says how many of the operation's clusters it ties (held by half or more of its
    /// members in each, the engine's rule) and then, as `pivot` and the value's sheet say it, every cluster
    /// its holders sit in (a trial saw "2 clusters" here and 5 in `pivot`, with nothing saying why).
    static func operationRecord(_ op: TriageRow, model: (any ConsoleModel)?) -> RecordView {
        let id = op.operation ?? ""
        let choices = op.tieValues.map { tie -> RecordChoice in
            let text = model.map { $0.valueText(tie.kind, tie.value) } ?? ""
            let held = model?.heldIn(tie.kind, tie.value) ?? []
            let all = held.isEmpty ? "" : "; " + HeldInCaption.line(held, width: 160)
            return RecordChoice(
                text: "\(tie.kind.rawValue) \(text): ties \(tie.clusters) of \(id)'s clusters (held by half or more of each one's members)\(all)",
                target: .sharedValue(tie.kind, tie.value))
        }
        var fields = [RecordField("clusters", op.operationClusters.map { "c\($0)" }.joined(separator: " ")),
                      RecordField("accounts", Format.grouped(op.size)), RecordField("risk", Format.risk(op.risk))]
        if choices.isEmpty { fields.append(RecordField("tied by", op.ties.joined(separator: "\n"))) }
        fields.append(RecordField("keys", "T tags the operation whole; its clusters are the rows beneath it"
                                  + (choices.isEmpty ? "" : "; j/k select a tying value below, Enter opens it with every account that holds it")))
        return RecordView(title: "operation \(id)", fields: fields, choices: choices)
    }

    /// Keys on the cluster's graph pane: j/k move between accounts, Enter opens the account.
    static func handleGraphPane(_ s: inout AppState, _ effects: inout [Effect], _ id: CommandID, cluster: Int) -> Bool {
        guard let graph = s.data?.model.clusterGraph(cluster) else { return false }
        let page = max(1, ViewLayout.tableHeight(s.current.kind, s.size) - 4)
        if movePaneCursor(&s, id, count: graph.accounts.count, page: page) { return true }
        guard id == .open else { return false }
        let cursor = s.current.paneCursor
        if cursor < graph.accounts.count { push(&s, &effects, .account(graph.accounts[cursor].account)) }
        return true
    }

    /// The move and page keys on a pane with its own cursor over `count` lines; false for
    /// any other command.
    static func movePaneCursor(_ s: inout AppState, _ id: CommandID, count: Int, page: Int) -> Bool {
        var cursor = s.current.paneCursor
        switch id {
        case .moveDown: cursor += 1
        case .moveUp: cursor -= 1
        case .pageDown: cursor += page
        case .pageUp: cursor -= page
        case .top: cursor = 0
        case .bottom: cursor = count - 1
        default: return false
        }
        s.current.paneCursor = max(0, min(max(0, count - 1), cursor))
        return true
    }

    /// Keys on the cluster sheet's "how members connect" pane: move its cursor, page, and
    /// Enter pivots on the shared value. False for other commands (run as usual).
    static func handleSketchPane(_ s: inout AppState, _ effects: inout [Effect], _ id: CommandID, cluster: Int) -> Bool {
        let count = s.data?.model.clusterSketch(cluster).count ?? 0
        let page = max(1, ViewLayout.tableHeight(s.current.kind, s.size) - 1)
        if movePaneCursor(&s, id, count: count, page: page) { return true }
        guard id == .open else { return false }
        guard let line = s.data?.model.clusterSketch(cluster).dropFirst(s.current.paneCursor).first, let kind = line.kind else {
            s.status = "nothing to pivot on here"
            return true
        }
        push(&s, &effects, .sharedValue(kind, line.value))
        return true
    }
}
