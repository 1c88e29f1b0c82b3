extension BundleReportCheck {
    /// One cluster of the case as `accounts.csv` gives it: its id, its risk as written (six
    /// decimals, so the real risk lies within half a millionth of it) and its case accounts.
    struct ClusterFigures {
        var id: String
        var risk: Double
        var members: Int

        /// Every way the report may print the risk (two decimals of the range it stands for).
        var riskTexts: Set<String> { Set([risk - 5e-7, risk, risk + 5e-7].map(RiskText.twoDecimals)) }
    }

    /// The clusters of the case's in-source accounts (`accounts.csv`), in first-seen order.
    static func clusters(_ facts: BundleCaseFacts, _ accounts: BundleAccountsCheck) -> [ClusterFigures] {
        var order: [String] = []
        var byID: [String: ClusterFigures] = [:]
        for id in facts.accounts {
            guard let row = accounts.rows[id], row.inSource else { continue }
            if byID[row.cluster] == nil {
                order.append(row.cluster)
                byID[row.cluster] = ClusterFigures(id: row.cluster, risk: Double(row.clusterRisk) ?? 0, members: 0)
            }
            byID[row.cluster]!.members += 1
        }
        return order.map { byID[$0]! }
    }

    /// The summary's figures per cluster held to `accounts.csv` (`cluster`, `cluster_risk`):
    /// how many clusters rate 0.50 or more and how many case accounts they hold, and the
    /// Accounts per cluster table (id, risk, case accounts; riskiest first, then biggest, and
    /// the clusters beyond its rows counted). Clusters whose written risks are equal may come
    /// in either order (the exporter orders them by their exact risk and the source's ranking),
    /// and a risk within half a millionth of 0.50 may count either way.
    static func clusterProblems(_ page: String, _ facts: BundleCaseFacts, accounts: BundleAccountsCheck) -> [String] {
        let all = clusters(facts, accounts)
        var problems: [String] = []
        // The lead after its opening: clusters rating 0.50 or more, and their case accounts.
        let sure = all.filter { $0.risk - 5e-7 >= 0.5 }
        let either = all.filter { $0.risk - 5e-7 < 0.5 && $0.risk + 5e-7 >= 0.5 }
        if let lead = page.ranges(of: "<p class=\"lead\">").first, either.count <= 4 {
            let opening = ReportSummary.leadOpening(
                accounts: facts.accounts.count, notInSource: accounts.notInSource.count, clusters: all.count)
            let from = page[lead.lowerBound...]
            let rest = from.hasPrefix(opening) ? from.dropFirst(opening.count) : from
            var sayings: [String] = []
            for mask in 0..<(1 << either.count) {
                let risky = sure + either.indices.filter { mask & (1 << $0) != 0 }.map { either[$0] }
                let n = risky.count, held = risky.reduce(0) { $0 + $1.members }
                sayings.append(
                    ReportText.html(
                        "\(ReportText.count(n, "cluster")) \(n == 1 ? "rates" : "rate") risk 0.50 or more and "
                            + "\(n == 1 ? "holds" : "hold") \(held) of them."))
            }
            if from.hasPrefix(opening), !sayings.contains(where: { rest.hasPrefix($0) }) {
                problems.append(
                    "\(file): the summary's count of clusters rating 0.50 or more is not what accounts.csv gives (it writes '\(TextEscaping.visible(sayings[0], limit: 120))')"
                )
            }
        }
        // The table: each row one of the riskiest clusters left.
        let open = "<div><h3>Accounts per cluster</h3><table><tbody>"
        let tables = page.ranges(of: open)
        guard tables.count == 1, let table = tables.first else {
            return problems + ["\(file): holds the Accounts per cluster table \(tables.count) times, the exporter once"]
        }
        // Riskiest first; a bundle written before the summary ranked its clusters so listed
        // those holding two or more case accounts (the report's sections) first.
        if let problem = tableProblem(page[table.upperBound...], all, sectionsFirst: false),
            tableProblem(page[table.upperBound...], all, sectionsFirst: true) != nil
        {
            problems.append(problem)
        }
        return problems
    }

    /// Why the Accounts per cluster table (from just after its opening, `rest`) is not one the
    /// exporter writes for `all`, or nil: each row one of the riskiest clusters left (among
    /// those holding two or more case accounts first, when `sectionsFirst`), then the count of
    /// the clusters beyond its rows.
    static func tableProblem(_ table: Substring, _ all: [ClusterFigures], sectionsFirst: Bool) -> String? {
        var rest = table
        var left = all
        for row in 0..<min(ReportSummary.tableRows, all.count) {
            let sections = left.indices.filter { left[$0].members >= 2 }
            let pool = sectionsFirst && !sections.isEmpty ? sections : Array(left.indices)
            let top = pool.map { left[$0].risk }.max()!
            let candidates = pool.filter { left[$0].risk == top }
            let found = candidates.lazy.compactMap { i -> (Int, String)? in
                let c = left[i]
                for risk in c.riskTexts.sorted() {
                    let line =
                        "<tr><td>\(ReportText.html(c.id))</td><td>risk \(risk)</td><td class=\"num\">\(c.members)</td></tr>"
                    if rest.hasPrefix(line) { return (i, line) }
                }
                return nil
            }.first
            guard let (i, line) = found else {
                let c = left[candidates[0]]
                return
                    "\(file): row \(row + 1) of Accounts per cluster is not what accounts.csv gives (cluster \(TextEscaping.visible(c.id, limit: 40)), risk \(c.riskTexts.sorted().joined(separator: " or ")), \(c.members) case accounts)"
            }
            rest = rest.dropFirst(line.count)
            left.remove(at: i)
        }
        var close = "</tbody></table>"
        if !left.isEmpty {
            close +=
                "<p class=\"muted\">\(ReportText.count(left.reduce(0) { $0 + $1.members }, "account")) in "
                + "\(ReportText.count(left.count, "more cluster")).</p>"
        }
        guard rest.hasPrefix(close + "</div>") else {
            return
                "\(file): Accounts per cluster holds other rows or counts than accounts.csv gives (it ends '\(TextEscaping.visible(close, limit: 120))')"
        }
        return nil
    }
}
