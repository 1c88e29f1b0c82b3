import Investigate

/// The header lines under the breadcrumb, one function per screen.
enum SheetHeaders {
    /// How an account's values are ordered (`ConsoleModel.sharedFirst`), said beside its
    /// activity while the values are shown: a trial could not tell why its template came first.
    static let accountValueOrder = "ordered by: shared, hubs, own"

    /// How a cluster's members are ordered, said after its size where it fits (and not when a
    /// column sort is in force): by their risk
    /// unrounded, so rows that all read 0.60 are still in an order, the one the account's
    /// breakdown gives to 4 places (a trial on 15b saw a sleeper listed first among its factory
    /// cluster's 0.60s: 0.6033 x 1.0000 against their 0.6033 x 0.9984, and nothing said why).
    static let clusterMemberOrder = "  riskiest first, to 4 places"

    /// `head` and the items joined by commas, as many as fit `width` with the rest counted
    /// (`links: ip 36, template 4, ..., +2 more kinds`): 16b's cluster c1 at 80 columns read
    /// `links: ..., user_agent 1, email_domai…`, the kinds after it unsaid.
    static func counted(_ head: String, _ items: [String], more: String, width: Int) -> String {
        var line = head
        for (index, item) in items.enumerated() {
            let next = line + (index == 0 ? "" : ", ") + item
            let left = items.count - index - 1
            let tail = left > 0 ? ", +\(left) \(more)" : ""
            guard TextWidth.of(next + tail) <= width || index == 0 else { return line + ", +\(items.count - index) \(more)" }
            line = next
        }
        return line
    }

    /// An account id in its sheet's header: whole when it fits the room the rest of the line
    /// leaves, else its head, tail and length (`RecordBuilder.shownID`), where a cut at the
    /// screen's edge left two long ids alike at the start showing alike.
    static func headerID(_ id: String, room: Int) -> String {
        guard TextWidth.of(id) > room else { return id }
        return RecordBuilder.shownID(id, width: max(16, room - 20))
    }

    /// An account's attributes (`country ru  plan payg ...`, then the source's own fields), as
    /// many as fit `width` whole with the rest counted (`+1 more field`): 17b's accounts at 80
    /// columns read `... out 78.6k  referrer…`, a field named and its value unsaid. The count
    /// says `+1 more` where `+1 more field` would leave out a field.
    static func attributeLine(_ attributes: [(name: String, value: String)], width: Int) -> String {
        let parts = attributes.map { "\($0.name) \($0.value)" }
        func more(_ n: Int) -> String { n > 0 ? "  +\(n) more" : "" }
        var line = ""
        for (index, part) in parts.enumerated() {
            let next = index == 0 ? part : line + "  " + part
            guard TextWidth.of(next + more(parts.count - index - 1)) <= width || index == 0 else {
                let left = parts.count - index
                let fuller = line + more(left) + " field" + (left == 1 ? "" : "s")
                return TextWidth.of(fuller) <= width ? fuller : line + more(left)
            }
            line = next
        }
        return line
    }

    /// An account's activity line: its latest days' queries in brackets and, with its values
    /// shown, how they are ordered, two spaces or more after it (the sparkline gives the caption
    /// its room). A day without queries is a blank, so at 80 columns the one space before the
    /// caption read as one more day: the sparkline ran into it. `note` (`ChartRows.shortNote`)
    /// follows the brackets when rows were left out of the strip; the caption then goes where
    /// both do not fit.
    static func accountActivity(_ timeline: [Int], note: String? = nil, valuesShown: Bool, cols: Int, glyphs: Glyphs) -> String {
        let aside = note.map { "  " + $0 } ?? ""
        var caption = valuesShown ? "  " + accountValueOrder : ""
        if !aside.isEmpty, TextWidth.of("queries []" + aside + caption) + 8 > cols - 1 { caption = "" }
        let days = max(8, cols - 1 - TextWidth.of("queries []") - TextWidth.of(caption) - TextWidth.of(aside))
        let line = "queries [" + Format.sparkline(Array(timeline.suffix(days)), glyphs: glyphs) + "]" + aside
        guard !caption.isEmpty else { return line }
        let pad = max(2, cols - 1 - TextWidth.of(line) - TextWidth.of(accountValueOrder))
        return line + String(repeating: " ", count: pad) + accountValueOrder
    }

    /// A cluster's activity line: its latest days' queries and, when rows were left out of the
    /// strip (set aside from the timing analysis at load), `note` after it (`ChartRows.shortNote`).
    static func clusterActivity(_ timeline: [Int], note: String?, cols: Int, glyphs: Glyphs) -> String {
        let aside = note.map { "  " + $0 } ?? ""
        let room = max(8, cols - 10 - TextWidth.of(aside))
        return "activity " + Format.sparkline(Array(timeline.suffix(room)), glyphs: glyphs) + aside
    }

    static func draw(_ state: AppState, into buffer: inout ScreenBuffer) {
        let g = buffer.glyphs
        var lines: [String] = []
        let model = state.data?.model
        switch state.current.kind {
        case .triage:
            if state.data == nil {
                let pct = Int(state.load.fraction * 100)
                lines = [state.load.failed.map { "load failed: " + $0 }
                    ?? "loading \(state.load.label)  [\(Format.bar(state.load.fraction, width: 30, glyphs: g))] \(pct)%"]
            } else {
                // The order's rule is in help (`?`): rated 0.5 or more by size x risk, then by risk.
                // Sorted by a column, the list is no longer likeliest first (a trial saw both at once).
                let order = state.current.sortColumn == nil ? "likeliest first  " : "sorted  "
                let totals = model?.totals ?? ""
                // 16b at 80 columns read `... 2,062 linked clust…`: `clusters, ` goes first.
                lines = [StatusFit.first(["clusters, " + order + totals, order + totals], room: buffer.cols),
                         model.map { Captions.triage(state, $0.triageCounts(), width: buffer.cols) } ?? ""]
            }
        case .cluster(let n):
            if AppUpdate.isPending(state, state.current) {
                lines = ["cluster c\(n)  building member list..."]
            } else if let d = model?.cluster(n) {
                let head = "cluster c\(n)  risk \(Format.risk(d.risk)) \(Format.bar(d.risk, width: 10, glyphs: g))  \(Format.plural(d.members.count, "account"))"
                // Sorted by a column, the order is that column's (the status line says which); one
                // account has no order to explain.
                let order = state.current.sortColumn == nil && d.members.count > 1 ? clusterMemberOrder : ""
                lines = [TextWidth.of(head + order) < buffer.cols ? head + order : head,
                         counted("links: ", d.kindCounts.map { SharedKind.text($0.kind, values: $0.count, hubs: d.kindHubs[$0.kind] ?? 0) },
                                 more: "more kinds", width: buffer.cols),
                         clusterActivity(d.timeline, note: d.timelineNote, cols: buffer.cols, glyphs: g)]
            }
        case .account(let a):
            if let d = model?.account(a) {
                let rest = (d.cluster.map { "cluster c\($0)  " } ?? "") + "risk \(Format.risk(d.risk)) \(Format.bar(d.risk, width: 10, glyphs: g))"
                lines = [headerID(d.id, room: buffer.cols - TextWidth.of(rest) - 2) + "  " + rest,
                         attributeLine(d.attributes + SourceColumns.parts(d.sourceFields), width: buffer.cols),
                         accountActivity(d.timeline, note: d.timelineNote, valuesShown: state.current.pane == 0, cols: buffer.cols, glyphs: g)]
            }
        case .sharedValue(let kind, let v):
            if AppUpdate.isPending(state, state.current) {
                lines = ["\(kind.rawValue) \(model?.valueText(kind, v) ?? "")  building account list..."]
            } else if let d = model?.sharedValue(kind, v) {
                let pct = d.rarity * 100
                let rarity = pct < 0.01 ? "<0.01%" : String(Int(pct * 100) / 100) + "." + pad2(Int(pct * 100) % 100) + "%"
                lines = ["\(kind.rawValue) \(d.text)",
                         "shared by \(Format.plural(d.members.count, "account")) (\(rarity) of all)" + (d.isHub ? "  HUB: too common to find pairs by" : ""),
                         d.heldIn.isEmpty ? "" : HeldInCaption.line(d.heldIn, width: buffer.cols)]
                // A family's text: one of its prompts, escaped (its line breaks read `\n`), on one
                // line cut to the width when drawn.
                if kind == .template {
                    lines.append("text: " + (d.sample ?? "(no prompt of it found in its holders' first queries)"))
                }
            }
        case .queries(let scope):
            if AppUpdate.isPending(state, state.current) {
                lines = ["reading query history..."]
            } else if let d = model?.queries(scope) {
                // A filter on a cut history covers the loaded rows only: that comes first.
                let head = Captions.filterCoverage(state, state.current).map { $0 + "  filter: " + (state.current.filter ?? "") }
                let table = AppUpdate.table(state, state.current)
                let hours = "per hour 00-23 [" + Format.sparkline(d.perHour, glyphs: g) + "]"
                    + Captions.hiddenColumns(table, width: buffer.cols)
                lines = [head ?? Captions.queries(d) + (state.current.filter.map { "  filter: \($0)" } ?? ""),
                         hours + Captions.blankColumns(table, after: hours, width: buffer.cols)]
            }
        case .singles:
            if AppUpdate.isPending(state, state.current) {
                lines = ["single accounts  reading..."]
            } else if let page = model?.singles() {
                lines = ["single accounts (linked to no other), highest risk first",
                         Captions.filterCoverage(state, state.current) ?? Captions.page(page.rows.count, of: page.total, noun: "single account")]
            }
        case .caseFile:
            let c = state.caseState
            // The title is cut so the count and the order of the tags always show.
            let title = TextFit.truncate(c.title, to: 24, ellipsis: buffer.glyphs.ellipsis)
            let apart = (c.otherSourceTags.isEmpty ? "" : " +\(Format.grouped(c.otherSourceTags.count)) of another source")
                + (c.otherMembersTags.isEmpty ? "" : " +\(Format.grouped(c.otherMembersTags.count)) of other members")
            lines = ["case: \(title)  \(Format.plural(c.tags.count, "tagged row"))\(apart) (\(CaseTable.tagOrderShort)), \(Format.plural(c.notes.count, "note")), "
                        + Format.plural(c.audit.count, "audit entry", "audit entries"),
                     "status \(c.status)  severity \(c.severity.isEmpty ? "-" : c.severity)  assignee \(c.assignee.isEmpty ? "-" : c.assignee)"
                        + "  disposition \(c.disposition.isEmpty ? "-" : c.disposition)  (S sets them)",
                     c.source.isForeign
                        // The folder last: it is long, and what the export holds must show.
                        ? "SOURCE: \(c.source.headline): its cluster tags listed apart, writes ask first; export: "
                            + ExportStatus.short(c) + String(c.source.short.dropFirst(c.source.headline.count))
                        : "export: \(ExportStatus.line(c))"]
        }
        for (i, line) in lines.prefix(ViewLayout.headerLines(state.current.kind)).enumerated() {
            buffer.put(line, row: 1 + i, col: 0, style: i == 0 ? [.bold] : [])
        }
    }

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
