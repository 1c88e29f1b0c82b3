/// The first section of `report.html`, meant to fit one screen: what was found, the recommended
/// action with the counts of `enforcement.csv`, accounts per tag and per cluster, who and when.
enum ReportSummary {
    static let tableRows = 6
    /// `enforcement.csv`'s actions, strongest first.
    static let actionOrder = ["ban", "suspend", "monitor", "review", "none"]

    /// How many case accounts `enforcement.csv` proposes each action for (same rule, same inputs).
    static func actionCounts(_ input: BundleInput, labels: CaseLabelIndex) -> [String: Int] {
        var counts: [String: Int] = [:]
        let status = input.snapshot.info.status
        for (_, index) in input.accounts {
            let proposal = AccountsCSVFile.proposal(
                labels: labels.labels(of: input, account: index), own: labels.labels(ofAccountID: input.data.accountExactID(index)),
                status: status, risk: input.investigation.accountRisk[index],
                accountStatus: input.accountStatus(index))
            counts[proposal.0, default: 0] += 1
        }
        for id in input.missingAccounts {
            counts[AccountsCSVFile.proposalNotInSource(labels: labels.labels(ofAccountID: id), status: status).0, default: 0] += 1
        }
        return counts
    }

    /// Case accounts per label (an account's own labels and its cluster's).
    static func accountsPerLabel(_ input: BundleInput, labels: CaseLabelIndex) -> [(label: String, accounts: Int)] {
        accountsPerLabel(
            input.accounts.map { labels.labels(of: input, account: $0.index) }
                + input.missingAccounts.map { labels.labels(ofAccountID: $0) })
    }

    /// Accounts per label of each account's labels (as `accounts.csv` gives them), most first.
    static func accountsPerLabel(_ labelsOfEachAccount: [[String]]) -> [(label: String, accounts: Int)] {
        var counts: [String: Int] = [:]
        for labels in labelsOfEachAccount { for label in labels { counts[label, default: 0] += 1 } }
        return counts.map { ($0.key, $0.value) }.sorted { ($1.accounts, $0.label) < ($0.accounts, $1.label) }
    }

    /// How the summary's lead begins: the case's accounts, those not in the source, and the
    /// clusters they fall in (the rest of the lead needs the source's cluster risks and signals).
    static func leadOpening(accounts: Int, notInSource: Int, clusters: Int) -> String {
        "<p class=\"lead\">"
            + ReportText.html(
                "\(ReportText.count(accounts, "account")) in this case"
                    + (notInSource == 0 ? "" : " (\(notInSource) not in the exported source)")
                    + (accounts == 1 ? " falls in " : " fall in ") + "\(ReportText.count(clusters, "cluster")); ")
    }

    /// The recommended action and the count of each action `enforcement.csv` proposes.
    static func actionBlock(_ actions: [String: Int]) -> String {
        let headline = actionOrder.first { actions[$0, default: 0] > 0 && $0 != "none" }
        var html = "<div><h3>Recommended action</h3>"
        if let headline {
            html += "<p class=\"action\">\(headline.prefix(1).uppercased() + headline.dropFirst()) "
            html += "\(ReportText.count(actions[headline]!, "account"))</p>"
        } else {
            html += "<p class=\"action\">No action</p>"
        }
        html += "<table><tbody>"
        for action in actionOrder where actions[action, default: 0] > 0 {
            html += "<tr><td>\(action)</td><td class=\"num\">\(actions[action]!)</td></tr>"
        }
        return html + "</tbody></table><p class=\"muted\">Per account, with reasons, in enforcement.csv.</p></div>\n"
    }

    /// The accounts-per-tag table (`accountsPerLabel`), at most `tableRows` labels.
    static func labelBlock(_ perLabel: [(label: String, accounts: Int)]) -> String {
        var html = "<div><h3>Accounts per tag</h3><table><tbody>"
        for row in perLabel.prefix(tableRows) {
            html += "<tr><td>\(ReportText.html(row.label))</td><td class=\"num\">\(row.accounts)</td></tr>"
        }
        if perLabel.isEmpty { html += "<tr><td>no tags</td><td></td></tr>" }
        html += "</tbody></table>"
        if perLabel.count > tableRows { html += "<p class=\"muted\">\(perLabel.count - tableRows) more labels under Tags.</p>" }
        return html + "</div>\n"
    }

    /// The summary's closing line: the case record, who opened and exported it, when, redaction.
    static func meta(_ info: CaseInfo, exportedAt: String, investigator: String, redacted: Bool) -> String {
        let facts = [
            "Status \(info.status.rawValue)", info.severity.isEmpty ? "" : "severity \(info.severity)",
            info.assignee.isEmpty ? "" : "assigned to \(info.assignee)",
            info.disposition.isEmpty ? "" : "disposition \(info.disposition)",
            "opened by \(info.createdBy) on \(ReportText.when(info.createdAt))",
            "last change \(ReportText.when(exportedAt))", "exported by \(investigator)",
            redacted ? "redacted (keyed-hash pseudonyms)" : "not redacted",
        ].filter { !$0.isEmpty }
        return "<p class=\"meta\">\(ReportText.html(facts.joined(separator: " · ")))</p>\n</section>\n"
    }

    static func render(_ input: BundleInput, _ clusters: ReportClusters, labels: CaseLabelIndex) -> String {
        let e: (String) -> String = ReportText.html
        let info = input.snapshot.info
        let total = input.accounts.count + input.missingAccounts.count
        let ranked = clusters.ranked
        let risky = ranked.filter { $0.cluster.risk >= 0.5 }
        let riskyAccounts = risky.reduce(0) { $0 + $1.members.count }
        var found =
            "\(ReportText.count(risky.count, "cluster")) \(risky.count == 1 ? "rates" : "rate") risk 0.50 or more and "
            + "\(risky.count == 1 ? "holds" : "hold") \(riskyAccounts) of them."
        if let top = ranked.first {
            // "Riskiest" only of a cluster that rates any risk (a trial's case of 0.00 clusters).
            let risk = RiskText.twoDecimals(top.cluster.risk)
            found += " \(risk != "0.00" ? "Riskiest" : "First listed"): \(top.cluster.id) (risk \(risk), "
            found += "\(top.members.count) of \(ReportText.count(top.cluster.size, "account")) in the case)"
            if let signal = top.cluster.signals.first { found += ": " + signal.explanation }
            found += "."
        }
        var html = "<section id=\"summary\">\n<h2>Summary</h2>\n"
        html += leadOpening(accounts: total, notInSource: input.missingAccounts.count, clusters: ranked.count)
        html += "\(e(found))</p>\n<div class=\"grid\">\n"
        html += actionBlock(actionCounts(input, labels: labels))
        html += labelBlock(accountsPerLabel(input, labels: labels))
        html += "<div><h3>Accounts per cluster</h3><table><tbody>"
        for entry in ranked.prefix(tableRows) {
            html +=
                "<tr><td>\(e(entry.cluster.id))</td><td>risk \(RiskText.twoDecimals(entry.cluster.risk))</td>"
                + "<td class=\"num\">\(entry.members.count)</td></tr>"
        }
        html += "</tbody></table>"
        if ranked.count > tableRows {
            let rest = ranked.dropFirst(tableRows)
            html +=
                "<p class=\"muted\">\(ReportText.count(rest.reduce(0) { $0 + $1.members.count }, "account")) in "
                + "\(ReportText.count(rest.count, "more cluster")).</p>"
        }
        html += "</div>\n</div>\n"
        html += meta(info, exportedAt: input.exportedAt, investigator: input.investigator, redacted: input.redactor != nil)
        return html
    }
}
