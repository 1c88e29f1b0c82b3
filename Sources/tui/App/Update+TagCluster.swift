import Investigate

/// `T`: tag a whole cluster (an operation's clusters, a shared value's accounts), saying first
/// what it tags, and asking when some members are rated below their cluster on their own.
extension AppUpdate {
    /// The `:` words of `T`, one for each thing it tags: `tagcluster` (also accepted anywhere,
    /// as before), `tagvalue` on a shared value's sheet, `tagoperation` on an operation's row.
    static let tagWholeWords = ["tagcluster", "tagvalue", "tagoperation"]

    /// The word `T`'s prompt opens with here, naming what Enter tags: a trial read `:tagcluster`
    /// on a shared value's sheet, where `T` tags the value and its accounts.
    static func tagWholeWord(_ s: AppState) -> String {
        if case .cluster = s.current.kind { return "tagcluster" }
        if let (t, row) = selectedRow(s), case .cluster? = t.targets[row] { return "tagcluster" }
        if case .sharedValue = s.current.kind { return "tagvalue" }
        return selectedOperation(s) != nil ? "tagoperation" : "tagcluster"
    }

    /// What `T` will tag, said beside its prompt: the whole cluster (operation, shared value)
    /// under the cursor, never the marks, and that the marks are not used when there are any.
    /// Where the prompt leaves too little room, the members rated below and the bar are kept
    /// and what is tagged is said shorter: a trial at 80 columns read `tags c3 and its 75
    /// accounts; 1 rated below the cluster's 0.79,…`, the part the prompt exists for cut.
    static func tagClusterTargetText(_ s: AppState) -> String {
        StatusFit.first(tagClusterTargetWordings(s), room: besidePromptRoom(s))
    }

    /// `tagClusterTargetText`'s wordings, fullest first: the footer says the first that fits
    /// beside the prompt as the label is typed.
    static func tagClusterTargetWordings(_ s: AppState) -> [String] {
        var what: String
        var scope: ClusterTagScope?
        var owner = ""
        var shorter: [String] = []
        // Shorter wordings that leave out a weak scope's counts: after those.
        var shortest: [String] = []
        if case .cluster(let c) = s.current.kind {
            what = "tags c\(c) and its \(Format.plural(table(s, s.current).count, "account"))"
            if let data = s.data { scope = ClusterTagScope.of([c], model: data.model) }
            owner = "c\(c)'s"
        } else if let (t, row) = selectedRow(s), case .cluster(let c)? = t.targets[row], let data = s.data {
            what = "tags c\(c) and its \(Format.plural(data.table(.cluster(c)).count, "account"))"
            scope = ClusterTagScope.of([c], model: data.model)
            owner = "c\(c)'s"
        } else if case .sharedValue(let kind, let value) = s.current.kind, let data = s.data {
            let shown = TextFit.truncate(data.model.valueText(kind, value), to: 40, ellipsis: "..")
            let count = isPending(s, s.current) ? "the accounts" : Format.plural(table(s, s.current).count, "account")
            what = "tags \(kind.rawValue) \(shown) and \(count) sharing it"
            // 16b's lumen-fetch agent at 80 columns read `tags user_agent lumen-fetch/0.4.7 (linux;
            // cpython3.11) and 60 ac…`: the value cut in its middle, then unnamed.
            let middle = TextFit.truncateMiddle(data.model.valueText(kind, value), to: 16)
            shorter = ["tags \(kind.rawValue) \(middle) and \(count)", "tags the value and \(count)"]
        } else if let op = selectedOperation(s) {
            what = "tags operation \(op.operation ?? "") whole: \(Format.plural(op.operationClusters.count, "cluster"))"
                + " and their \(Format.plural(op.size, "account"))"
            if let data = s.data { scope = ClusterTagScope.of(op.operationClusters, model: data.model) }
            owner = "\(op.operation ?? "the operation")'s"
            // 17b's op2 at 80 columns read `tags operation op2 whole: 4 clusters and their 29
            // acco…` once `ring-b` was typed.
            let name = op.operation ?? "the operation"
            let clusters = Format.plural(op.operationClusters.count, "cluster")
            shortest = ["tags \(name) whole: \(clusters), \(Format.plural(op.size, "account"))",
                        "tags \(name): \(clusters), \(Format.plural(op.size, "account"))", "tags \(name) whole"]
        } else {
            return ["no cluster here: Enter writes nothing (T tags a cluster, an operation or a shared value's accounts)"]
        }
        // A cluster (operation) rated under the flag line is said to be: a trial tagged a benign
        // course's cluster at 0.46 `ring-member` with nothing said.
        var underLine: (rated: String, noted: String)?
        // Said last, where the room is shortest: the rating under the line, whatever else goes.
        var underOnly: [String] = []
        if let risk = scope?.clusterRisk, risk < TriageOrder.flagged {
            let under = "(under \(Format.risk(TriageOrder.flagged)))"
            let note = ", rated \(Format.risk(risk)) \(under)"
            underLine = ("\(owner) \(Format.risk(risk))", "\(owner) \(Format.risk(risk)) \(under)")
            let name = owner.hasSuffix("'s") ? String(owner.dropLast(2)) : owner
            underOnly = ["tags \(name)\(note)", "\(name) rated \(Format.risk(risk)) \(under)"]
            what += note
            shorter = shorter.map { $0 + note }
            shortest = shortest.map { $0 + note }
        }
        let marks = s.marks.isEmpty ? "" : " (\(Format.plural(s.marks.count, "mark")) not used: t tags marked rows)"
        let fewerMarks = s.marks.isEmpty ? "" : " (\(Format.plural(s.marks.count, "mark")) not used)"
        let full = what + (scope?.promptNote ?? "") + marks
        var wordings = [full + " (Esc cancels)", full, what + (scope?.promptNote ?? "") + fewerMarks] + shorter
        if let scope, !scope.weak.isEmpty {
            let short = scope.shortPromptNote(owner: owner)
            let shortWordings = [short + marks, short + fewerMarks, short, scope.shortPromptNote(owner: owner, asks: false),
                                 scope.shortPromptNote(owner: owner, asks: false, clusters: false)]
            // Under the flag line, that is kept before anything else is left out (a trial at 80
            // and 100 columns read `1 of 41 rated below c2's 0.16, ...`, the 0.50 line unsaid).
            if let underLine {
                wordings += shortWordings.map { $0.replacingOccurrences(of: underLine.rated, with: underLine.noted) }
            }
            wordings += shortWordings + scope.shortestCounts(owner: owner)
        }
        // With marks, the marks it leaves said first, before what it tags is said whole (17b's
        // op2 with 2 marks read `... and their 29 accounts (…`).
        return wordings + (s.marks.isEmpty ? shortest : shortest.map { $0 + fewerMarks } + shortest) + underOnly
    }

    /// The columns a status has beside the open `:` prompt with the cursor at its end
    /// (`Chrome.drawFooter`: the prompt's sign, text and cursor, three spaces, the last
    /// column never written).
    static func besidePromptRoom(_ s: AppState) -> Int {
        guard case .commandLine(let text, _)? = s.overlay else { return StatusFit.width }
        return s.size.cols - 1 - (TextWidth.of(":" + text) + 1) - 3
    }

    /// Tags every member of the current (or selected) cluster, and the cluster. When some
    /// members are rated below their cluster on their own (`ClusterTagScope`), Enter first asks
    /// (`askWhichMembers`); `onlyStrong` is the answer: false all, true only the others and not
    /// the cluster, nil not asked yet.
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
        let suffix = caseSuffix(s)
        s.status = StatusFit.write(only
            ? ["tagged \(Format.plural(members.count, "account")) of c\(cluster) '\(label)' (\(Format.grouped(scope.weak.count)) rated \(scope.barText()) left out, and c\(cluster) itself)" + suffix,
               "tagged \(Format.grouped(members.count)) of c\(cluster)'s \(Format.plural(scope.members.count, "account")) '\(label)' (\(Format.grouped(scope.weak.count)) rated low left out)" + suffix,
               "tagged \(Format.grouped(members.count)) of c\(cluster)'s \(Format.plural(scope.members.count, "account")) '\(label)'" + suffix]
            : ["tagged cluster c\(cluster) and \(members.count) account\(members.count == 1 ? "" : "s") '\(label)'" + suffix,
               "tagged c\(cluster) and \(Format.plural(members.count, "account")) '\(label)'" + suffix])
    }

    /// Holds `T`'s write on a question when some members are rated below their cluster on
    /// their own: the prompt stays open with the line as typed, the count beside it and the
    /// keys beneath: Enter tags all, `o` switches to only the others (and back), Esc cancels.
    /// True when asked.
    static func askWhichMembers(_ s: inout AppState, label: String, scope: ClusterTagScope, what: String) -> Bool {
        guard !scope.weak.isEmpty else { return false }
        let all = Format.grouped(scope.members.count)
        let (allKeys, onlyKeys) = questionKeys(all: all, strong: scope.strong.count, what: what, room: s.size.cols - 2)
        PromptLock.open(&s, "\(tagWholeWord(s)) \(label)", completions: [allKeys])
        // Said whole beside the prompt: an operation's `or of their cluster's` goes before the
        // bar is cut (a trial read `7 of 126 rated 0.38-0.41, under 0.85 of op2's 0.…`).
        let of = "\(Format.grouped(scope.weak.count)) of \(all) "
        let counts = (scope.isOperation
            ? [of + scope.ratedText(owner: "\(what)'s"), of + scope.shortRatedText(owner: "\(what)'s")]
            : [of + "rated \(scope.barText(owner: "\(what)'s")) on their own, \(scope.depthText)",
               of + scope.ratedText(owner: "\(what)'s")]) + scope.shortestCounts(owner: "\(what)'s")
        let count = StatusFit.first(counts, room: besidePromptRoom(s))
        s.heldClusterTag = HeldClusterTag(label: label, allKeys: allKeys, onlyKeys: onlyKeys, count: count)
        s.status = count
        s.statusWordings = counts
        return true
    }

    /// The key lines beneath `T`'s question, Enter tagging all and Enter tagging only the others,
    /// each the fullest wording within `room` (the footer's leading space and never-written last
    /// column taken off): 16b's op2 at 80 columns read `Enter tags all 126; o: only the 119 rated
    /// like op2 (not op2 itself); Esc cance…`, two over.
    static func questionKeys(all: String, strong: Int, what: String, room: Int) -> (all: String, only: String) {
        let allOnly = "Enter tags all \(all); Esc cancels"
        guard strong > 0 else { return (allOnly, allOnly) }
        let count = Format.grouped(strong)
        // "the 33 rated like c2", not "the 33 others": a trial read "others" as the 3 rated below.
        let others = ["only the \(count) rated like \(what) (not \(what) itself)", "only the \(count) rated like \(what) (not \(what))",
                      "\(count) like \(what) (not \(what))"]
        let allWordings = ["Enter tags all \(all); o: \(others[0]); Esc cancels"]
            + others.map { "Enter: all \(all); o: \($0); Esc cancels" } + ["Enter: all \(all); o: \(others[2]); Esc: cancel"]
        let onlyWordings = ["Enter tags \(others[0]); o: all \(all); Esc cancels"]
            + others.map { "Enter: \($0); o: all \(all); Esc cancels" } + ["Enter: \(others[2]); o: all \(all); Esc: cancel"]
        return (StatusFit.first(allWordings, room: room), StatusFit.first(onlyWordings, room: room))
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
        let suffix = caseSuffix(s)
        s.status = StatusFit.write(
            ["tagged \(Format.plural(members.count, "account")) sharing \(kind.rawValue) \(shown), and the value, '\(label)'" + suffix,
             "tagged \(kind.rawValue) \(TextFit.truncateMiddle(data.model.valueText(kind, value), to: 16)) and its \(Format.plural(members.count, "account")) '\(label)'" + suffix,
             "tagged the value and \(Format.plural(members.count, "account")) '\(label)'" + suffix])
    }
}
