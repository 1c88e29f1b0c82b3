import Investigate

/// Builds the text table of each sheet kind from the model.
enum SheetTables {
    /// The table for a sheet kind (empty for the case sheet, which is built from the state).
    static func build(_ kind: SheetKind, model: any ConsoleModel) -> SheetTable {
        switch kind {
        case .triage: return triage(model.triage())
        case .cluster(let n): return accounts(model.cluster(n)?.members ?? [])
        case .account(let a): return values(model.account(a)?.values ?? [])
        case .sharedValue(let kind, let value): return accounts(model.sharedValue(kind, value)?.members ?? [], clusters: true)
        case .queries(let scope): return queries(model.queries(scope).rows, scope: scope)
        case .caseFile: return .empty
        case .singles: return accounts(model.singles().rows)
        }
    }

    /// Triage. Its links column widens on a wide screen up to its widest cell, from the width the
    /// accounts and signals columns would leave blank (a trial's wide screen still cut
    /// `payment,ip,user_agent,template` at 14).
    static func triage(_ rows: [TriageRow]) -> SheetTable {
        var table = SheetTable(
            columns: [.init(title: "cluster", width: 7), .init(title: "risk", width: 4, alignRight: true),
                      .init(title: "", width: 6, droppable: true, isBar: true),
                      .init(title: "size", width: 5, alignRight: true),
                      .init(title: "links", width: 14),
                      .init(title: "accounts", width: 14, flexible: true), .init(title: "signals", width: 12, flexible: true),
                      .init(title: "tags", width: 6)],
            rows: rows.map { r in
                if r.isOperation {
                    return [r.operation ?? "op", Format.risk(r.risk), Format.risk(r.risk), "\(r.size)", r.strongestKinds.joined(separator: ","),
                            Format.plural(r.operationClusters.count, "cluster") + ": " + r.sampleAccounts.joined(separator: " "),
                            "tied by " + r.ties.joined(separator: ", "), r.tags.joined(separator: ",")]
                }
                // A cluster of an operation is indented under the operation's row.
                return [(r.operation == nil ? "" : "  ") + "c\(r.cluster)", Format.risk(r.risk), Format.risk(r.risk), "\(r.size)",
                        r.strongestKinds.joined(separator: ","), r.sampleAccounts.joined(separator: " "),
                        r.topSignals.joined(separator: ","), r.tags.joined(separator: ",")]
            },
            ids: rows.map { $0.isOperation ? $0.operation ?? "op" : "c\($0.cluster)" },
            targets: rows.map { $0.isOperation ? nil : .cluster($0.cluster) },
            markKeys: rows.map { $0.isOperation ? MarkKey.operation($0.operation ?? "op") : MarkKey.cluster($0.cluster) })
        for (index, title) in table.columns.enumerated().map({ ($0.offset, $0.element.title) }) where ["links", "accounts", "signals"].contains(title) {
            let widest = table.rows.map { TextWidth.of($0[index]) }.max() ?? 0
            if title == "links" { table.columns[index].widensTo = widest } else { table.columns[index].contentWidth = widest }
        }
        return table
    }

    /// Accounts as rows; with `clusters`, each row's cluster beside its id (a shared value's
    /// holders span clusters: `cluster=c6` filters them).
    static func accounts(_ rows: [AccountRow], clusters: Bool = false) -> SheetTable {
        var columns: [TableColumn] = [.init(title: "account", width: 14, flexible: true), .init(title: "age", width: 5, alignRight: true),
                                      .init(title: "ctry", width: 4), .init(title: "plan", width: 6, droppable: true),
                                      .init(title: "status", width: 9), .init(title: "queries", width: 7, alignRight: true),
                                      .init(title: "out tok", width: 7, alignRight: true),
                                      .init(title: "risk", width: 4, alignRight: true), .init(title: "tags", width: 8)]
        if clusters { columns.insert(.init(title: "cluster", width: 7), at: 1) }
        return SheetTable(
            columns: columns,
            rows: rows.map { r in
                var cells = [r.id, r.ageDays.map { "\($0)d" } ?? "-", r.country, r.plan, r.status, Format.count(r.queries),
                             Format.count(r.outputTokens), Format.risk(r.risk), r.tags.joined(separator: ",")]
                if clusters { cells.insert(r.cluster.map { "c\($0)" } ?? "-", at: 1) }
                return cells
            },
            ids: rows.map(\.id),
            targets: rows.map { .account($0.account) },
            markKeys: rows.map { MarkKey.account($0.exactID) })
    }

    static func values(_ rows: [ValueRow]) -> SheetTable {
        SheetTable(
            columns: [.init(title: "kind", width: 12), .init(title: "value", width: 30, flexible: true),
                      .init(title: "shared by", width: 9, alignRight: true), .init(title: "hub", width: 3)],
            rows: rows.map { r in [r.kind.rawValue, r.text, "\(r.sharedBy)", r.isHub ? "hub" : ""] },
            ids: rows.map(\.text),
            targets: rows.map { .sharedValue($0.kind, $0.value) },
            markKeys: rows.map { MarkKey.value($0.kind, $0.exact ?? ExactText($0.text)) })
    }

    /// The prompt column's width before any other column is dropped for it: at 80 columns a
    /// trial's history left the prompt 14 (the whole row is Enter away).
    static let promptWidth = 40

    /// A query history. Narrow screens drop columns by use until the prompt has `promptWidth`:
    /// the account first on one account's history (the breadcrumb names it), then the model,
    /// the key, the IP and the category; a cluster's history keeps the account. A droppable
    /// column that is `-` on every row shown (category on a source without categories) is
    /// blank: not drawn, the prompt gets its room.
    static func queries(_ rows: [QueryRow], scope: QueryScope? = nil) -> SheetTable {
        var oneAccount = false
        if case .account? = scope { oneAccount = true }
        var table = SheetTable(
            columns: [.init(title: "time", width: 16),
                      .init(title: "account", width: 11, droppable: oneAccount, dropOrder: 5),
                      .init(title: "key", width: 8, droppable: true, dropOrder: 3),
                      .init(title: "ip", width: 15, droppable: true, dropOrder: 2),
                      .init(title: "model", width: 10, droppable: true, dropOrder: 4),
                      .init(title: "out tok", width: 7, alignRight: true),
                      .init(title: "category", width: 9, droppable: true, dropOrder: 1),
                      .init(title: "prompt", width: promptWidth, flexible: true)],
            rows: rows.map { r in [r.time, r.account, r.key, r.ip, r.model, Format.count(r.tokens), r.category, r.prompt] },
            ids: rows.map(\.account),
            targets: rows.map { _ in nil },
            markKeys: rows.map { "query:\($0.account)@\($0.time)" })
        // Ids whole where the width allows (up to 24: a hostile id does not take the prompt's room).
        table.columns[1].growsTo = min(24, rows.map { TextWidth.of($0.account) }.max() ?? 0)
        for index in table.columns.indices where table.columns[index].droppable && !rows.isEmpty
            && table.rows.allSatisfy({ ["-", ""].contains($0[index]) }) {
            table.columns[index].blank = true
        }
        return table
    }
}

/// Number formatting shared by tables and views.
enum Format {
    /// `0.87` (`RiskText`: a risk under 0.5 never reads as 0.50).
    static func risk(_ value: Double) -> String { RiskText.twoDecimals(value) }

    /// `257,000`: every digit, grouped by thousands (for "N of M" counts).
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// `1 account`, `3 accounts`.
    static func plural(_ n: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(grouped(n)) " + (n == 1 ? noun : plural ?? noun + "s")
    }

    /// `950`, `12.3k`, `4.1M`, `30.0G`, `1.2T` (and `P`, `E`): a huge count never reads as a
    /// small one cut short (30,064,771,065 was `30064.7M`, `30064.…` in a column).
    static func count(_ n: Int) -> String {
        if n < 10_000 { return "\(n)" }
        var unit = 1000
        for suffix in ["k", "M", "G", "T", "P"] {
            if n / unit < 1000 { return "\(n / unit).\((n % unit) / (unit / 10))\(suffix)" }
            unit *= 1000
        }
        return "\(n / unit).\((n % unit) / (unit / 10))E"
    }

    /// A bar of `width` cells filled in proportion to `fraction`.
    static func bar(_ fraction: Double, width: Int, glyphs: Glyphs) -> String {
        let filled = Int((min(1, max(0, fraction)) * Double(width)).rounded())
        return String(repeating: glyphs.barFull, count: filled) + String(repeating: glyphs.barEmpty, count: width - filled)
    }

    /// A sparkline of counts.
    static func sparkline(_ counts: [Int], glyphs: Glyphs) -> String {
        let top = max(1, counts.max() ?? 1)
        return counts.map { c in
            c == 0 ? " " : glyphs.sparks[min(7, (c * 7 + top - 1) / top)]
        }.joined()
    }
}
