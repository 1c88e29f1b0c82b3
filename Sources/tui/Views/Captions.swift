/// The "N of M" lines of cut lists: whenever a list is cut, the screen says so and how to see
/// more.
enum Captions {
    /// `50 of 183 clusters shown; 257,000 single accounts hidden; press X to show them`,
    /// said shorter (`X shows them`) when that does not fit in `width` columns.
    static func triage(_ c: TriageCounts, width: Int = .max) -> String {
        // "Clusters" are the linked ones (two accounts or more); single accounts are counted apart.
        var out = "\(Format.grouped(c.linkedShown)) of \(Format.plural(c.linked, "cluster")) shown"
        let hidden = c.singles - c.singlesShown
        if hidden > 0 && c.singlesShown > 0 {
            // Single accounts rated high are listed with the clusters; the rest are hidden.
            out += "; \(Format.plural(c.singlesShown, "single account")) shown, \(Format.grouped(hidden)) hidden"
            let full = out + "; press X to list them all"
            if TextWidth.of(full) <= width { return full }
            if TextWidth.of(out + " (X lists all)") <= width { return out + " (X lists all)" }
            // 80 columns with large counts: shorter words, the key kept.
            return "\(Format.grouped(c.linkedShown)) of \(Format.grouped(c.linked)) clusters; "
                + "\(Format.plural(c.singlesShown, "single")) shown, \(Format.grouped(hidden)) hidden (X: all)"
        } else if hidden > 0 {
            out += "; \(Format.plural(hidden, "single account")) hidden"
            let full = out + "; press X to show them"
            if TextWidth.of(full) <= width { return full }
            if TextWidth.of(out + " (X shows them)") <= width { return out + " (X shows them)" }
            // Beside a filter at 80 columns (17b read `filter 'risk>0.5 size>10': 7 of 3,443
            // clusters shown; 23,479 single accounts hi…`): shorter words, the key kept.
            return "\(Format.grouped(c.linkedShown)) of \(Format.grouped(c.linked)) clusters; "
                + "\(Format.plural(hidden, "single")) hidden (X: all)"
        } else if c.singles > 0 {
            out += "; \(Format.plural(c.singles, "single account")) shown too"
        }
        return out
    }

    /// `  4 columns hidden: Enter shows them` when the width drops columns of `table`, or "".
    static func hiddenColumns(_ table: SheetTable, width: Int) -> String {
        let widths = ViewLayout.columnWidths(table.columns, total: width)
        let hidden = zip(table.columns, widths).filter { !$0.0.blank && $0.1 == 0 }.count
        return hidden == 0 ? "" : "  \(Format.plural(hidden, "column")) hidden: Enter shows \(hidden == 1 ? "it" : "them")"
    }

    /// `  no category on any row` for `table`'s blank columns (never drawn), or "": said after
    /// `line` where it fits in `width` columns (the hidden columns' hint, which a key acts on, first).
    static func blankColumns(_ table: SheetTable, after line: String, width: Int) -> String {
        let blank = table.columns.filter(\.blank).map(\.title)
        guard !blank.isEmpty else { return "" }
        let note = "  no " + blank.joined(separator: ", ") + " on any row"
        return TextWidth.of(line + note) <= width - 1 ? note : ""
    }

    /// `2,000 of 3,000 queries, newest first (+ shows more)`, or `12 queries`.
    static func queries(_ d: QueryDetail) -> String {
        let total = d.total ?? d.rows.count
        guard total > d.rows.count else { return Format.plural(total, "query", "queries") + ", newest first" }
        return "\(Format.grouped(d.rows.count)) of \(Format.plural(total, "query", "queries")), newest first (+ shows more)"
    }

    /// The triage counts as the sheet shows them: with a filter (or sort) in force, the clusters
    /// and single accounts among its visible rows, so the caption counts what is shown.
    static func triageShown(_ state: AppState, _ counts: TriageCounts) -> TriageCounts {
        guard let order = state.current.order, state.current.kind == .triage else { return counts }
        let table = AppUpdate.table(state, state.current)
        guard let size = table.columns.firstIndex(where: { $0.title == "size" }) else { return counts }
        var shown = counts
        shown.linkedShown = 0
        shown.singlesShown = 0
        for row in order where row < table.count {
            guard case .cluster? = table.targets[row] else { continue }
            if table.rows[row][size] == "1" { shown.singlesShown += 1 } else { shown.linkedShown += 1 }
        }
        return shown
    }

    /// The triage caption for the state: `filter 'risk>0.5': 4 of 13 clusters shown; ...` when
    /// a filter is in force, else `triage(_:width:)`.
    /// Sorted with operations in the table, it says they show unsorted (their rows are left out).
    static func triage(_ state: AppState, _ counts: TriageCounts, width: Int) -> String {
        var tail = ""
        if state.current.sortColumn != nil, state.current.order != nil {
            let table = AppUpdate.table(state, state.current)
            if table.markKeys.indices.contains(where: { RowQuery.isOperation(table, $0) }) {
                tail = "; operations show unsorted"
            }
        }
        let room = max(0, width - TextWidth.of(tail))
        guard let filter = state.current.filter, state.current.order != nil else {
            return triage(state.current.order == nil ? counts : triageShown(state, counts), width: room) + tail
        }
        let lead = "filter '\(filter)': "
        return lead + triage(triageShown(state, counts), width: max(0, room - TextWidth.of(lead))) + tail
    }

    /// A capped sheet's cut: rows loaded and rows in all (query history, single accounts); nil
    /// when the sheet holds every row.
    static func loadedCap(_ state: AppState, _ kind: SheetKind) -> (loaded: Int, total: Int, noun: String)? {
        guard let model = state.data?.model else { return nil }
        switch kind {
        case .queries(let scope):
            let d = model.queries(scope)
            guard let total = d.total, total > d.rows.count else { return nil }
            return (d.rows.count, total, "queries")
        case .singles:
            let page = model.singles()
            guard page.total > page.rows.count else { return nil }
            return (page.rows.count, page.total, "single accounts")
        default:
            return nil
        }
    }

    /// What a filter on a capped sheet covers: `filter covers the 2,000 loaded of 3,000 queries;
    /// press + to load more`; nil when no filter is in force or nothing is cut.
    static func filterCoverage(_ state: AppState, _ sheet: Sheet) -> String? {
        guard sheet.filter != nil, let cap = loadedCap(state, sheet.kind) else { return nil }
        let key = state.keymap.keys(for: .showMore).first.map { KeyNames.name($0) } ?? ":show-more"
        return "filter covers the \(Format.grouped(cap.loaded)) loaded of \(Format.grouped(cap.total)) \(cap.noun); "
            + "press \(key) to load more"
    }

    /// `2,000 of 257,000 single accounts shown (+ shows more)`.
    static func page(_ shown: Int, of total: Int, noun: String) -> String {
        guard total > shown else { return "all \(Format.plural(total, noun)) shown" }
        return "\(Format.grouped(shown)) of \(Format.plural(total, noun)) shown (+ shows more)"
    }
}
