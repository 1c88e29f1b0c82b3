/// `edges.csv` and `graph.graphml` held to the replayed case and to `accounts.csv` (itself held
/// to the trail first). Which values accounts share comes from the source, which the bundle does
/// not hold; what can be recomputed is checked:
///
/// - every row names a case account (exact bytes, `account_id_b64`) that `accounts.csv` says is
///   in the source, and each (account, value) once;
/// - each value's rows agree on its weight, `sharers` and `shared_by` (a row giving other figures
///   than most of the value's rows is the one named); `sharers` is how many
///   rows name it (at least two), `shared_by` at least that, and the weight is what
///   `LinkStrength` gives for the kind and `shared_by`;
/// - `email_domain` and `org` values are the account's own cells in `accounts.csv`, and every
///   set of two or more in-source case accounts sharing one of those, a `payment_fingerprint`
///   or a `signup_ip` there has its rows (other values come only from the source);
/// - the file is, byte for byte, what the exporter writes for those rows (its order included),
///   and `graph.graphml` is what it writes from `accounts.csv` and `edges.csv` (`GraphFiles.Model`).
enum BundleGraphCheck {
    static let edgesFile = "edges.csv"
    static let graphFile = "graph.graphml"

    private struct ValueKey: Hashable {
        var kind: LinkKind
        var text: ExactText
    }

    private struct Pair: Hashable {
        var key: ValueKey
        var account: Int
    }

    private struct Seen {
        var value: GraphFiles.Model.Value
        var row: Int
        var accounts: [Int] = []
        /// Every row naming the value: its number, where it is said, and its figures.
        var rows: [(row: Int, where_: String, figures: Figures)] = []
    }

    /// A row's figures for its value: weight, `sharers`, `shared_by`.
    private struct Figures: Hashable {
        var weight: String
        var sharers: Int
        var sharedBy: Int
    }

    /// The figures most of a value's rows give (the earliest row's on a tie), and the rows that
    /// give others: those are the rows said to differ, so one altered row is named itself, not
    /// every row beside it.
    private static func agreedFigures(_ entry: Seen) -> (figures: Figures, row: Int, outliers: [(row: Int, where_: String)]) {
        var counts: [Figures: Int] = [:]
        for row in entry.rows { counts[row.figures, default: 0] += 1 }
        let most = counts.values.max() ?? 0
        let agreed = entry.rows.first { counts[$0.figures] == most }!
        let outliers = entry.rows.filter { $0.figures != agreed.figures }.map { ($0.row, $0.where_) }
        return (agreed.figures, agreed.row, outliers)
    }

    /// What differs in `edges.csv`, one line each, and, when nothing does and `accounts.csv`
    /// held, the model both graph files are written from.
    static func edges(_ bytes: [UInt8], _ facts: BundleCaseFacts, accounts: BundleAccountsCheck?) -> (
        problems: [String], model: GraphFiles.Model?
    ) {
        let file = edgesFile
        let table: BundleCSVRows
        do { table = try BundleCSVRows(bytes, header: GraphFiles.edgesHeader, file: file) } catch { return (["\(error)"], nil) }
        let position = Dictionary(uniqueKeysWithValues: facts.accounts.enumerated().map { ($1, $0) })
        var problems: [String] = []
        // Problems of one row, said in row order with the rest.
        var rowProblems: [(row: Int, text: String)] = []
        var seen: [ValueKey: Seen] = [:]
        var pairs: Set<Pair> = []
        for i in table.rows.indices {
            let cells = table.rows[i]
            let id: ExactText
            do { id = try table.accountID(row: i, file: file) } catch {
                rowProblems.append((i + 1, "\(error)"))
                continue
            }
            let where_ = "\(file): row \(i + 1) (account \(BundleCaseFacts.shown(id)))"
            guard let a = position[id] else {
                rowProblems.append((
                    i + 1,
                    "\(file): row \(i + 1) names account \(BundleCaseFacts.shown(id)), which is not a case account in the audit trail"))
                continue
            }
            let row = accounts?.rows[id]
            if let row, !row.inSource {
                rowProblems.append((i + 1, "\(where_): accounts.csv says the account is not in the exported source, so it shares no value there"))
                continue
            }
            guard let kind = LinkKind(rawValue: cells[2]) else {
                rowProblems.append((i + 1, "\(where_): kind '\(TextEscaping.visible(cells[2], limit: 40))' is not a link kind"))
                continue
            }
            guard let text = ExactText(base64: cells[4]), text.base64 == cells[4], CSVValue.text(text) == cells[3] else {
                rowProblems.append((i + 1, "\(where_): value and value_b64 do not name the same bytes"))
                continue
            }
            let shownValue = "\(kind.rawValue) \(TextEscaping.visible(text.bytes, limit: 80))"
            guard let sharers = Int(cells[6]), let sharedBy = Int(cells[7]), String(sharers) == cells[6], String(sharedBy) == cells[7]
            else {
                rowProblems.append((i + 1, "\(where_): sharers or shared_by of \(shownValue) is not a count"))
                continue
            }
            let value = GraphFiles.Model.Value(kind: kind, text: text, weight: cells[5], sharers: sharers, sharedBy: sharedBy)
            if let row, kind == .emailDomain || kind == .org, row.linkValues[kind] != text {
                rowProblems.append((i + 1, "\(where_): \(shownValue) is not the account's \(kind == .org ? "org_id" : "email_domain") in accounts.csv"))
            }
            let key = ValueKey(kind: kind, text: text)
            if !pairs.insert(Pair(key: key, account: a)).inserted {
                rowProblems.append((i + 1, "\(where_): names \(shownValue) again"))
                continue
            }
            let figures = Figures(weight: value.weight, sharers: sharers, sharedBy: sharedBy)
            seen[key, default: Seen(value: value, row: i + 1)].accounts.append(a)
            seen[key]!.rows.append((i + 1, where_, figures))
        }
        // Rows of a value that give other figures than most of its rows.
        for key in seen.keys {
            let entry = seen[key]!
            let (agreed, row, outliers) = agreedFigures(entry)
            seen[key]!.value.weight = agreed.weight
            (seen[key]!.value.sharers, seen[key]!.value.sharedBy, seen[key]!.row) = (agreed.sharers, agreed.sharedBy, row)
            let shownValue = "\(key.kind.rawValue) \(TextEscaping.visible(key.text.bytes, limit: 80))"
            let others = entry.rows.count - outliers.count
            for outlier in outliers {
                rowProblems.append(
                    (outlier.row, "\(outlier.where_): weight, sharers or shared_by of \(shownValue) differ from row \(row)"
                        + (others > 1 ? " and the \(others - 1) other\(others == 2 ? " that agrees" : "s that agree") with it" : "")))
            }
        }
        for (key, entry) in seen.sorted(by: { $0.value.row < $1.value.row }) {
            let v = entry.value
            let shownValue = "\(key.kind.rawValue) \(TextEscaping.visible(key.text.bytes, limit: 80))"
            let freeMail = key.kind == .emailDomain && FreeMail.contains(key.text.utf8String ?? key.text.display)
            let weight = JSONValue.decimal(LinkStrength.strength(kind: key.kind, sharedBy: v.sharedBy, freeMail: freeMail))
            if v.sharers != entry.accounts.count || v.sharers < 2 {
                rowProblems.append((
                    entry.row,
                    "\(file): \(shownValue) (row \(entry.row)) says \(v.sharers) case accounts share it, \(entry.accounts.count) rows name it"
                        + (entry.accounts.count < 2 ? " (a value of one case account is not a link)" : "")))
            } else if v.sharedBy < v.sharers {
                rowProblems.append((
                    entry.row,
                    "\(file): \(shownValue) (row \(entry.row)) is shared by \(v.sharedBy) accounts, fewer than its \(v.sharers) rows"))
            } else if v.weight != weight {
                rowProblems.append((
                    entry.row,
                    "\(file): \(shownValue) (row \(entry.row)) weighs \(TextEscaping.visible(v.weight, limit: 40)), the link strength of a \(key.kind.rawValue) shared by \(v.sharedBy) is \(weight)"
                ))
            }
        }
        problems = rowProblems.enumerated().sorted { ($0.element.row, $0.offset) < ($1.element.row, $1.offset) }.map(\.element.text) + problems
        if let accounts { problems += missingLinks(seen, accounts, facts, position) }
        if problems.count > 12 { problems = Array(problems.prefix(12)) + ["\(file): and \(problems.count - 12) more differences"] }
        guard problems.isEmpty, let accounts else { return (problems, nil) }
        let model = model(seen, accounts, facts)
        if GraphFiles.edges(model).bytes != bytes {
            return (["\(file): rows are not in the exporter's order (by account id bytes, then kind and value)"], nil)
        }
        return ([], model)
    }

    /// Sets of two or more in-source case accounts that share an `email_domain`, `org_id`,
    /// `payment_fingerprint` or `signup_ip` in `accounts.csv` and lack their rows.
    private static func missingLinks(
        _ seen: [ValueKey: Seen], _ accounts: BundleAccountsCheck, _ facts: BundleCaseFacts, _ position: [ExactText: Int]
    ) -> [String] {
        var groups: [ValueKey: [ExactText]] = [:]
        for id in facts.accounts {
            guard let row = accounts.rows[id], row.inSource else { continue }
            for (kind, text) in row.linkValues { groups[ValueKey(kind: kind, text: text), default: []].append(id) }
        }
        var problems: [String] = []
        for (key, ids) in groups.sorted(by: { ($0.key.kind, $0.key.text) < ($1.key.kind, $1.key.text) }) where ids.count >= 2 {
            let linked = Set(seen[key]?.accounts ?? [])
            for id in ids where !linked.contains(position[id]!) {
                problems.append(
                    "\(edgesFile): case account \(BundleCaseFacts.shown(id)) lacks its row for \(key.kind.rawValue) \(TextEscaping.visible(key.text.bytes, limit: 80)), which \(ids.count) case accounts share in accounts.csv"
                )
            }
        }
        return problems
    }

    /// The model of rows that held: accounts as `accounts.csv` gives them, values in the
    /// exporter's order (kind, then exact value).
    private static func model(_ seen: [ValueKey: Seen], _ accounts: BundleAccountsCheck, _ facts: BundleCaseFacts) -> GraphFiles.Model {
        let nodes: [GraphFiles.Model.Account] = facts.accounts.map { id in
            let row = accounts.rows[id]!
            return row.inSource
                ? GraphFiles.Model.Account(id: id, inSource: true, risk: row.risk, cluster: row.cluster, tags: row.tags)
                : GraphFiles.Model.Account(id: id, inSource: false, tags: row.tags)
        }
        let keys = seen.keys.sorted { ($0.kind, $0.text) < ($1.kind, $1.text) }
        var incidences: [GraphFiles.Incidence] = []
        for (v, key) in keys.enumerated() {
            for a in seen[key]!.accounts { incidences.append(GraphFiles.Incidence(account: a, value: v)) }
        }
        return GraphFiles.Model(accounts: nodes, values: keys.map { seen[$0]!.value }, incidences: incidences.sorted())
    }

    /// What differs in `graph.graphml`: an account node for an account not in the case, and,
    /// with `model` (`edges.csv` and `accounts.csv` held), the first line that is not what the
    /// exporter writes from them.
    static func graphML(_ bytes: [UInt8], _ facts: BundleCaseFacts, model: GraphFiles.Model?) -> [String] {
        let file = graphFile
        guard let page = String(validating: bytes, as: UTF8.self) else { return ["\(file): not valid UTF-8"] }
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        var problems: [String] = []
        let open = "<data key=\"n_id_b64\">"
        for (n, line) in lines.enumerated() where line.hasPrefix("<node id=\"a") {
            guard let start = line.range(of: open), let end = line[start.upperBound...].range(of: "</data>") else {
                problems.append("\(file): line \(n + 1) is an account node without id_b64")
                continue
            }
            let b64 = String(line[start.upperBound..<end.lowerBound])
            guard let id = ExactText(base64: b64) else {
                problems.append("\(file): line \(n + 1): id_b64 is not base64")
                continue
            }
            if !facts.accountSet.contains(id) {
                problems.append(
                    "\(file): line \(n + 1) names account \(BundleCaseFacts.shown(id)), which is not a case account in the audit trail")
            }
        }
        guard problems.isEmpty, let model else { return problems }
        let expected = GraphFiles.graphML(model).bytes
        guard expected != bytes else { return [] }
        let written = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let n = zip(written, lines).prefix { $0 == $1 }.count
        var about = ""
        if n < written.count, let account = Self.account(in: written[n], model) {
            about = " (account \(BundleCaseFacts.shown(account)))"
        }
        return ["\(file): line \(n + 1)\(about) is not what the exporter writes from accounts.csv and edges.csv"]
    }

    /// The account a line of the exporter's GraphML is about (an account node or an edge from one).
    private static func account(in line: Substring, _ model: GraphFiles.Model) -> ExactText? {
        for prefix in ["<node id=\"a", "<edge source=\"a"] where line.hasPrefix(prefix) {
            let digits = line.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
            if let k = Int(digits), k >= 1, k <= model.accounts.count { return model.accounts[k - 1].id }
        }
        return nil
    }
}
