import Investigate

/// The named commands of `ConsoleCommands`, applied to the state.
extension AppUpdate {
    static func run(_ s: inout AppState, _ effects: inout [Effect], _ id: CommandID) {
        let page = max(1, ViewLayout.tableHeight(s.current.kind, s.size) - 1)
        if s.current.pane == 1, case .cluster(let n) = s.current.kind, handleSketchPane(&s, &effects, id, cluster: n) { return }
        if s.current.pane == 3, case .cluster(let n) = s.current.kind, handleGraphPane(&s, &effects, id, cluster: n) { return }
        if showsRiskPane(s), handleRiskPane(&s, id) { return }
        if showsFiringPane(s), case .account(let a) = s.current.kind, handleFiringPane(&s, &effects, id, account: a) { return }
        switch id {
        case .moveDown: move(&s, by: 1)
        case .moveUp: move(&s, by: -1)
        case .top: move(&s, by: -Int.max / 2)
        case .bottom: move(&s, by: Int.max / 2)
        case .pageDown: move(&s, by: page)
        case .pageUp: move(&s, by: -page)
        case .open: open(&s, &effects)
        case .back:
            guard s.stack.count > 1 else { s.status = "already at triage"; return }
            s.forwardStack.append(s.stack.removeLast())
            s.status = ""
            scrollIntoView(&s)
        case .forward:
            guard let next = s.forwardStack.popLast() else { s.status = "nothing to go forward to"; return }
            s.stack.append(next)
            s.status = ""
            if isPending(s, next) { effects.append(.prepare(next.kind)) }
            scrollIntoView(&s)
        case .nextPane:
            s.current.pane = (s.current.pane + 1) % ViewLayout.paneCount(s.current.kind)
            s.current.paneCursor = 0
            requestFiring(s, &effects)
        case .search:
            s.overlay = .search(text: "")
            s.search.origin = s.current.cursor
        case .searchNext, .searchPrev:
            guard !s.search.query.isEmpty else { s.status = "no search yet (/)"; return }
            guard !isPending(s, s.current) else {
                TextInput.startSearch(&s, &effects, s.search.query, from: s.current.cursor)
                return
            }
            let forward = (id == .searchNext) == s.search.forward
            s.search.origin = nil
            s.search.generation += 1
            effects.append(.search(query: s.search.query, from: s.current.cursor + (forward ? 1 : -1),
                                     forward: forward, generation: s.search.generation))
        case .filter:
            s.overlay = .filter(text: s.current.filter ?? "")
            s.promptSelected = s.current.filter != nil
        case .triage:
            guard s.stack.count > 1 else { s.status = "already at triage"; return }
            s.forwardStack += s.stack.dropFirst().reversed()
            s.stack = [s.stack[0]]
            scrollIntoView(&s)
            s.status = "triage (] goes forward again)"
        case .columnLeft, .columnRight:
            let columns = table(s, s.current).columns.count
            guard columns > 0 else { return }
            let step = id == .columnRight ? 1 : -1
            let column = max(0, min(columns - 1, (s.current.column ?? 0) + (s.current.column == nil ? 0 : step)))
            s.current.column = column
            s.status = "column: \(table(s, s.current).columns[column].title) (s sorts by it)"
        case .sort:
            let columns = table(s, s.current).columns.count
            guard columns > 0 else { return }
            if let column = s.current.column, column < columns {
                // Sort by the column under the column cursor, largest first; again: smallest first;
                // a third time: table order.
                if s.current.sortColumn != column {
                    s.current.sortColumn = column
                    s.current.sortAscending = false
                } else if !s.current.sortAscending {
                    s.current.sortAscending = true
                } else {
                    s.current.sortColumn = nil
                    s.current.sortAscending = false
                }
            } else {
                // No column cursor yet: step through the columns.
                let next = (s.current.sortColumn ?? -1) + 1
                s.current.sortColumn = next < columns ? next : nil
            }
            effects.append(.computeOrder(depth: s.stack.count - 1))
            s.status = s.current.sortColumn.map {
                "sorted by \(table(s, s.current).columns[$0].title), " + (s.current.sortAscending ? "smallest first" : "largest first")
            } ?? "table order"
        case .mark:
            guard let (t, row) = selectedRow(s) else { return }
            let key = t.markKeys[row]
            if s.marks.contains(key) { s.marks.remove(key) } else { s.marks.insert(key) }
            s.status = "\(Format.grouped(s.marks.count)) marked"
            move(&s, by: 1)
        case .compare: compareMarked(&s)
        case .undo: askUndo(&s)
        case .caseField: askCaseField(&s)
        case .markAll: markAll(&s)
        case .invertMarks: invertMarks(&s)
        case .markMatching: PromptLock.open(&s, "mark ")
        case .showMore:
            switch s.current.kind {
            case .queries, .singles:
                effects.append(.showMore(s.current.kind))
                s.status = "reading more rows..."
            default: s.status = "this list is not cut (+ grows query history and single accounts)"
            }
        case .singles:
            guard s.data != nil else { s.status = notLoaded(s); return }
            push(&s, &effects, .singles)
        case .tag:
            PromptLock.open(&s, "tag ")
            s.status = tagTargetText(s)
        case .tagCluster:
            PromptLock.open(&s, "tagcluster ")
            s.status = tagClusterTargetText(s)
        case .note:
            PromptLock.open(&s, "note ")
            s.status = "adds a note to the open case (Esc cancels)"
        case .casePicker:
            effects.append(.listCases)
            s.pickerTypeAhead = []
        case .export: askExport(&s)
        case .copyID:
            guard let (t, row) = selectedRow(s) else { s.status = "nothing to copy"; return }
            effects.append(.copy(t.ids[row]))
            s.status = "copying \(t.ids[row])..."
        case .history: openHistory(&s, &effects)
        case .commandLine:
            s.overlay = .commandLine(text: "", completions: [])
            s.promptLock = ""
            s.status = ""
        case .help: s.overlay = .help(offset: 0)
        case .quit: s.quitting = true
        case .closeOverlay:
            if s.overlay == nil && !s.marks.isEmpty {
                if s.clearMarksArmed {
                    s.marks.removeAll()
                    s.clearMarksArmed = false
                    s.status = "marks cleared"
                } else {
                    s.clearMarksArmed = true
                    s.status = "Esc again clears \(Format.plural(s.marks.count, "mark")) (there is no undo)"
                }
            }
            s.overlay = nil
        }
    }

    /// `e` and `:export`: an export writes a bundle and an audit entry, so it asks for its own
    /// Enter, and the case sheet shows it exported only once the store says so (`caseSynced`).
    static func askExport(_ s: inout AppState) {
        let name = s.caseState.id ?? "the open case"
        PromptLock.open(
            &s, "export", completions: ["Enter exports \(name) as a signed bundle, Esc cancels (a new file; earlier bundles are kept)"])
    }

    private static func open(_ s: inout AppState, _ effects: inout [Effect]) {
        guard let (t, row) = selectedRow(s) else { s.status = s.data == nil ? notLoaded(s) : "no rows"; return }
        guard let target = t.targets[row] else { openRecord(&s, &effects, table: t, row: row); return }
        push(&s, &effects, target)
    }

    private static func openHistory(_ s: inout AppState, _ effects: inout [Effect]) {
        switch s.current.kind {
        case .account(let a): push(&s, &effects, .queries(.account(a)))
        case .cluster(let c): push(&s, &effects, .queries(.cluster(c)))
        default:
            if let (t, row) = selectedRow(s), let target = t.targets[row] {
                switch target {
                case .account(let a): push(&s, &effects, .queries(.account(a)))
                case .cluster(let c): push(&s, &effects, .queries(.cluster(c)))
                default: s.status = "query history needs an account or a cluster"
                }
            } else {
                s.status = "query history needs an account or a cluster"
            }
        }
    }

    /// Records a write in the case audit trail.
    static func audit(_ s: inout AppState, _ command: String, _ detail: String) {
        s.caseState.audit.append(CaseAuditLine(user: s.user, time: s.now, command: command, detail: detail))
    }

    /// What `t` will tag, said beside its prompt: marks survive pivots, so they may lie on
    /// other sheets than the one in view.
    static func tagTargetText(_ s: AppState) -> String {
        guard !s.marks.isEmpty else {
            guard let (t, row) = selectedRow(s) else { return "nothing selected to tag (Esc cancels)" }
            return "tags the selected row \(MarkKey.display(t.markKeys[row]).text) (Esc cancels)"
        }
        let here = Set(table(s, s.current).markKeys)
        let away = s.marks.filter { !here.contains($0) }.count
        var text = "tags \(Format.plural(s.marks.count, "marked row"))"
        if away > 0 { text += ", \(Format.grouped(away)) of them not on this sheet" }
        // The marks win over the cursor: when the row in view is not one of them, say so.
        if let (t, row) = selectedRow(s), !s.marks.contains(t.markKeys[row]) {
            text += "; not the row under the cursor"
        }
        return text + " (Esc cancels; Esc again clears the marks)"
    }

    /// What `T` will tag, said beside its prompt: the whole cluster (operation, shared value)
    /// under the cursor, never the marks, and that the marks are not used when there are any.
    static func tagClusterTargetText(_ s: AppState) -> String {
        var text: String
        if case .cluster(let c) = s.current.kind {
            text = "tags c\(c) and its \(Format.plural(table(s, s.current).count, "account"))"
            if let data = s.data { text += ClusterTagScope.of([c], model: data.model).promptNote }
        } else if let (t, row) = selectedRow(s), case .cluster(let c)? = t.targets[row], let data = s.data {
            text = "tags c\(c) and its \(Format.plural(data.table(.cluster(c)).count, "account"))"
                + ClusterTagScope.of([c], model: data.model).promptNote
        } else if case .sharedValue(let kind, let value) = s.current.kind, let data = s.data {
            let shown = TextFit.truncate(data.model.valueText(kind, value), to: 40, ellipsis: "..")
            let count = isPending(s, s.current) ? "the accounts" : Format.plural(table(s, s.current).count, "account")
            text = "tags \(kind.rawValue) \(shown) and \(count) sharing it"
        } else if let op = selectedOperation(s) {
            text = "tags operation \(op.operation ?? "") whole: \(Format.plural(op.operationClusters.count, "cluster"))"
                + " and their \(Format.plural(op.size, "account"))"
            if let data = s.data { text += ClusterTagScope.of(op.operationClusters, model: data.model).promptNote }
        } else {
            return "no cluster here: Enter writes nothing (T tags a cluster, an operation or a shared value's accounts)"
        }
        if !s.marks.isEmpty { text += " (\(Format.plural(s.marks.count, "mark")) not used: t tags marked rows)" }
        return text + " (Esc cancels)"
    }

    /// Tags the marked rows, or the selected one when nothing is marked.
    static func tag(_ s: inout AppState, _ effects: inout [Effect], label: String) {
        var keys = Array(s.marks).sorted()
        if keys.isEmpty, let (t, row) = selectedRow(s) { keys = [t.markKeys[row]] }
        guard !keys.isEmpty else { s.status = "nothing to tag"; return }
        rememberForUndo(&s, .tag(label: label, keys: keys.filter { !(s.caseState.tags[$0] ?? []).contains(label) }))
        for key in keys where !(s.caseState.tags[key] ?? []).contains(label) {
            s.caseState.tags[key, default: []].append(label)
        }
        audit(&s, "tag", "\(label): " + keys.map { MarkKey.display($0).text }.joined(separator: " "))
        effects.append(.persist(.tag(label: label, keys: keys)))
        s.status = "tagged \(keys.count) row\(keys.count == 1 ? "" : "s") '\(label)'" + caseSuffix(s)
    }

    /// Tags every member of the current (or selected) cluster, and the cluster. When some
    /// members are rated low on their own (`ClusterTagScope`), Enter first asks: Enter again
    /// tags them all (`onlyStrong` false), `o` only the others and not the cluster (true).
    static func tagCluster(_ s: inout AppState, _ effects: inout [Effect], label: String, onlyStrong: Bool? = nil) {
        var cluster: Int?
        if case .cluster(let c) = s.current.kind { cluster = c }
        if cluster == nil, let (t, row) = selectedRow(s), case .cluster(let c)? = t.targets[row] { cluster = c }
        if cluster == nil, case .sharedValue(let kind, let value) = s.current.kind {
            tagSharedValue(&s, &effects, label: label, kind: kind, value: value)
            return
        }
        if cluster == nil, let op = selectedOperation(s) {
            tagOperation(&s, &effects, label: label, op, onlyStrong: onlyStrong)
            return
        }
        guard let cluster, let data = s.data else {
            s.status = "no cluster here (T tags a cluster, or on a shared value its accounts)"
            return
        }
        let scope = ClusterTagScope.of([cluster], model: data.model)
        if onlyStrong == nil, askWhichMembers(&s, label: label, scope: scope, what: "c\(cluster)") { return }
        let only = onlyStrong == true && !scope.weak.isEmpty
        let members = only ? scope.strong : scope.members
        let keys = only ? members : members + [MarkKey.cluster(cluster)]
        rememberForUndo(&s, .tag(label: label, keys: keys.filter { !(s.caseState.tags[$0] ?? []).contains(label) }))
        for key in keys where !(s.caseState.tags[key] ?? []).contains(label) {
            s.caseState.tags[key, default: []].append(label)
        }
        let choice = scope.weak.isEmpty ? "" : "; " + scope.choiceText(onlyStrong: only)
        audit(&s, "tag-cluster", "\(label): c\(cluster) (\(Format.plural(members.count, "account"))\(choice))")
        if scope.weak.isEmpty {
            let ids = members.compactMap { MarkKey.target($0)?.target }
            effects.append(.persist(.tagCluster(label: label, cluster: "c\(cluster)", members: ids)))
        } else {
            effects.append(.persist(.tagChosen(label: label, keys: keys,
                                               context: ["cluster": "c\(cluster)", "members": scope.choiceText(onlyStrong: only)])))
        }
        s.status = (only
            ? "tagged \(Format.plural(members.count, "account")) of c\(cluster) '\(label)' (\(Format.grouped(scope.weak.count)) rated \(scope.barText) left out, and c\(cluster) itself)"
            : "tagged cluster c\(cluster) and \(members.count) account\(members.count == 1 ? "" : "s") '\(label)'") + caseSuffix(s)
    }

    /// Holds `T`'s write on a question when some members are rated below their cluster on
    /// their own: the prompt stays open with the line as typed, the count beside it and the
    /// keys beneath: Enter tags all, `o` switches to only the others (and back), Esc cancels.
    /// True when asked.
    static func askWhichMembers(_ s: inout AppState, label: String, scope: ClusterTagScope, what: String) -> Bool {
        guard !scope.weak.isEmpty else { return false }
        let all = Format.grouped(scope.members.count)
        let others = "only the \(Format.plural(scope.strong.count, "other")) (not \(what) itself)"
        let allKeys = "Enter tags all \(all)" + (scope.strong.isEmpty ? "" : "; o: \(others) instead") + "; Esc cancels"
        let onlyKeys = scope.strong.isEmpty ? allKeys : "Enter tags \(others); o: all \(all) instead; Esc cancels"
        let held = HeldClusterTag(
            label: label, allKeys: allKeys, onlyKeys: onlyKeys,
            count: "\(Format.grouped(scope.weak.count)) of \(all) rated below "
                + (scope.clusterRisk.map { "\(what)'s \(Format.risk($0))" } ?? "their cluster's rating") + " on their own, \(scope.depthText)")
        s.heldClusterTag = held
        PromptLock.open(&s, "tagcluster \(label)", completions: [allKeys])
        s.status = held.count
        return true
    }

    /// Tags every account sharing a value, and the value itself, in one write.
    static func tagSharedValue(_ s: inout AppState, _ effects: inout [Effect], label: String, kind: LinkKind, value: Int32) {
        guard let data = s.data else { s.status = notLoaded(s); return }
        guard !isPending(s, s.current) else { s.status = "still reading the accounts of this value"; return }
        let members = data.table(.sharedValue(kind, value)).markKeys
        let valueKey = MarkKey.value(kind, data.model.exactValue(kind, value))
        let keys = members + [valueKey]
        rememberForUndo(&s, .tag(label: label, keys: keys.filter { !(s.caseState.tags[$0] ?? []).contains(label) }))
        for key in keys where !(s.caseState.tags[key] ?? []).contains(label) {
            s.caseState.tags[key, default: []].append(label)
        }
        let shown = TextFit.truncate(data.model.valueText(kind, value), to: 40, ellipsis: "..")
        audit(&s, "tag-value", "\(label): \(kind.rawValue) \(shown) (\(Format.plural(members.count, "account")))")
        effects.append(.persist(.tag(label: label, keys: keys)))
        s.status = "tagged \(Format.plural(members.count, "account")) sharing \(kind.rawValue) \(shown), and the value, '\(label)'"
            + caseSuffix(s)
    }

    /// ` in case-0003` (or ` in a new case` before the store has one): a write says where it went.
    static func caseSuffix(_ s: AppState) -> String {
        s.caseState.id.map { " in \($0)" } ?? " in a new case"
    }
}
