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
                labels: labels.labels(of: input, account: index), status: status, risk: input.investigation.accountRisk[index],
                accountStatus: input.accountStatus(index))
            counts[proposal.0, default: 0] += 1
        }
        for id in input.missingAccounts {
            counts[AccountsCSVFile.proposal(labels: labels.labels(ofAccountID: id), status: status, risk: 0).0, default: 0] += 1
        }
        return counts
    }

    /// Case accounts per label (an account's own labels and its cluster's).
    static func accountsPerLabel(_ input: BundleInput, labels: CaseLabelIndex) -> [(label: String, accounts: Int)] {
        var counts: [String: Int] = [:]
        for (_, index) in input.accounts { for label in labels.labels(of: input, account: index) { counts[label, default: 0] += 1 } }
        for id in input.missingAccounts { for label in labels.labels(ofAccountID: id) { counts[label, default: 0] += 1 } }
        return counts.map { ($0.key, $0.value) }.sorted { ($1.accounts, $0.label) < ($0.accounts, $1.label) }
    }

    static func render(_ input: BundleInput, _ clusters: ReportClusters, labels: CaseLabelIndex) -> String {
        let e: (String) -> String = ReportText.html
        let info = input.snapshot.info
        let total = input.accounts.count + input.missingAccounts.count
        let risky = clusters.all.filter { $0.cluster.risk >= 0.5 }
        let riskyAccounts = risky.reduce(0) { $0 + $1.members.count }
        var found =
            "\(ReportText.count(total, "account")) in this case"
            + (input.missingAccounts.isEmpty ? "" : " (\(input.missingAccounts.count) not in the exported source)")
            + " fall in \(ReportText.count(clusters.all.count, "cluster")); "
            + "\(ReportText.count(risky.count, "cluster")) \(risky.count == 1 ? "rates" : "rate") risk 0.50 or more and "
            + "\(risky.count == 1 ? "holds" : "hold") \(riskyAccounts) of them."
        if let top = clusters.all.first {
            found += " Riskiest: \(top.cluster.id) (risk \(RiskText.twoDecimals(top.cluster.risk)), "
            found += "\(top.members.count) of \(top.cluster.size) accounts in the case)"
            if let signal = top.cluster.signals.first { found += ": " + signal.explanation }
            found += "."
        }
        var html = "<section id=\"summary\">\n<h2>Summary</h2>\n<p class=\"lead\">\(e(found))</p>\n<div class=\"grid\">\n"
        let actions = actionCounts(input, labels: labels)
        let headline = actionOrder.first { actions[$0, default: 0] > 0 && $0 != "none" }
        html += "<div><h3>Recommended action</h3>"
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
        html += "</tbody></table><p class=\"muted\">Per account, with reasons, in enforcement.csv.</p></div>\n"
        html += "<div><h3>Accounts per tag</h3><table><tbody>"
        let perLabel = accountsPerLabel(input, labels: labels)
        for row in perLabel.prefix(tableRows) { html += "<tr><td>\(e(row.label))</td><td class=\"num\">\(row.accounts)</td></tr>" }
        if perLabel.isEmpty { html += "<tr><td>no tags</td><td></td></tr>" }
        html += "</tbody></table>"
        if perLabel.count > tableRows { html += "<p class=\"muted\">\(perLabel.count - tableRows) more labels under Tags.</p>" }
        html += "</div>\n<div><h3>Accounts per cluster</h3><table><tbody>"
        for entry in clusters.all.prefix(tableRows) {
            html +=
                "<tr><td>\(e(entry.cluster.id))</td><td>risk \(RiskText.twoDecimals(entry.cluster.risk))</td>"
                + "<td class=\"num\">\(entry.members.count)</td></tr>"
        }
        html += "</tbody></table>"
        if clusters.all.count > tableRows {
            let rest = clusters.all.dropFirst(tableRows)
            html +=
                "<p class=\"muted\">\(ReportText.count(rest.reduce(0) { $0 + $1.members.count }, "account")) in "
                + "\(ReportText.count(rest.count, "more cluster")).</p>"
        }
        html += "</div>\n</div>\n"
        let facts = [
            "Status \(info.status.rawValue)", info.severity.isEmpty ? "" : "severity \(info.severity)",
            info.assignee.isEmpty ? "" : "assigned to \(info.assignee)",
            info.disposition.isEmpty ? "" : "disposition \(info.disposition)",
            "opened by \(info.createdBy) on \(ReportText.when(info.createdAt))",
            "last change \(ReportText.when(input.exportedAt))", "exported by \(input.investigator)",
            input.redactor == nil ? "not redacted" : "redacted (keyed-hash pseudonyms)",
        ].filter { !$0.isEmpty }
        html += "<p class=\"meta\">\(e(facts.joined(separator: " · ")))</p>\n</section>\n"
        return html
    }
}
