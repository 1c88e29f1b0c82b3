/// The cluster part of `report.html`: a section per cluster holding two or more case accounts
/// (signals in words, activity timeline, grouped link graph, a few sample prompts), then one
/// compact table for the clusters holding a single case account.
enum ReportClusterSections {
    static let samplePrompts = 3
    static let promptLength = 160
    static let maxOtherRows = 300

    /// The query rows sampled for each section's prompts: the first query of each of the first
    /// accounts (exact-id order) that have one, a few more than shown so repeats can be skipped.
    static func sampleRows(_ input: BundleInput, _ clusters: ReportClusters) -> [[Int]] {
        clusters.sections.map { entry in
            var rows: [Int] = []
            for member in entry.members where rows.count < samplePrompts * 2 {
                let range = input.data.queries.rows(of: Int(member))
                if !range.isEmpty { rows.append(range[range.startIndex + range.count / 2]) }
            }
            return rows
        }
    }

    static func render(_ input: BundleInput, _ links: CaseLinks, _ clusters: ReportClusters, labels: CaseLabelIndex) -> String {
        let e: (String) -> String = ReportText.html
        let rows = sampleRows(input, clusters)
        let prompts = input.redactor == nil ? QueryRecords(data: input.data, rows: rows.flatMap { $0 }) : nil
        var html = ""
        for (s, entry) in clusters.sections.enumerated() {
            let c = entry.cluster
            let tags = labels.labels(ofCluster: c.id)
            html += "<section class=\"cluster\" id=\"cluster-\(e(c.id))\">\n"
            html +=
                "<h2>Cluster \(e(c.id)): risk \(RiskText.twoDecimals(c.risk)), "
                + "\(entry.members.count) of \(ReportText.count(c.size, "account")) in the case</h2>\n"
            let kinds = c.linkCounts.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }
                .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
            html += "<p>"
            if !tags.isEmpty { html += "Tagged <b>\(e(tags.joined(separator: ", ")))</b>. " }
            html += "Linked by \(kinds.isEmpty ? "no shared value" : e(kinds)).</p>\n"
            if let operation = OperationSummary.line(of: c, in: input.investigation) {
                html += "<p>This cluster is \(e(operation)).</p>\n"
            }
            let signals = c.signals
            if signals.isEmpty {
                html += "<p class=\"muted\">No distillation signal fired for this cluster.</p>\n"
            } else {
                html += "<h3>Why it rates \(RiskText.twoDecimals(c.risk))</h3>\n<ul class=\"signals\">"
                for signal in signals {
                    html +=
                        "<li><b>\(e(signal.name))</b> \(ReportText.contribution(signal.contribution)): "
                        + "\(e(signal.explanation))</li>"
                }
                html += "</ul>\n"
            }
            html += "<h3>Activity</h3>\n" + ReportSVG.timeline(input, accounts: entry.members) + "\n"
            html += "<h3>Shared values</h3>\n" + ReportGraphSVG.render(input, links, entry, ids: clusters.exactIDs) + "\n"
            html += "<h3>Sample prompts</h3>\n" + samples(rows[s], prompts) + "</section>\n"
        }
        if !clusters.others.isEmpty { html += othersTable(input, clusters, labels: labels) }
        return html
    }

    /// A few distinct prompts, inert and cut short; withheld under `--redact`.
    static func samples(_ rows: [Int], _ records: QueryRecords?) -> String {
        guard let records else { return "<p class=\"muted\">Prompts are withheld in a redacted export.</p>\n" }
        var seen = Set<String>()
        var items: [String] = []
        for row in rows where items.count < samplePrompts {
            guard let prompt = records.byRow[row]?.prompt, !prompt.bytes.isEmpty else { continue }
            let text = ReportText.cut(prompt, promptLength)
            if seen.insert(text).inserted { items.append("<li><q>\(MarkupEscaping.escape(text))</q></li>") }
        }
        if items.isEmpty { return "<p class=\"muted\">No prompt could be read from the source.</p>\n" }
        return "<ul class=\"prompts\">" + items.joined() + "</ul>\n"
    }

    /// One row per remaining cluster (mostly one case account each).
    static func othersTable(_ input: BundleInput, _ clusters: ReportClusters, labels: CaseLabelIndex) -> String {
        let e: (String) -> String = ReportText.html
        let accounts = clusters.others.reduce(0) { $0 + $1.members.count }
        var html =
            "<section id=\"other-clusters\">\n<h2>Other clusters: \(ReportText.count(accounts, "account")) in "
            + "\(ReportText.count(clusters.others.count, "cluster"))</h2>\n"
        html +=
            "<table class=\"compact\"><thead><tr><th>Cluster</th><th>Risk</th><th>Size</th><th>Case accounts</th>"
            + "<th>Tags</th><th>Strongest signal</th></tr></thead><tbody>\n"
        for entry in clusters.others.prefix(maxOtherRows) {
            let c = entry.cluster
            let names = entry.members.prefix(3).map { ReportText.cut(clusters.exactIDs[$0]!, 28) }
            let more = entry.members.count > 3 ? " +\(entry.members.count - 3) more" : ""
            var tagSet = Set<String>()
            for member in entry.members { tagSet.formUnion(labels.labels(of: input, account: Int(member))) }
            // The strongest signal that moves the risk (a 0 is no one's strongest signal).
            let signal = c.signals.first { abs($0.contribution) >= SignalZeroReason.shown }
                .map { "\($0.name) \(ReportText.contribution($0.contribution))" } ?? "none adds risk"
            html +=
                "<tr><td>\(e(c.id))</td><td>\(RiskText.twoDecimals(c.risk))</td><td>\(c.size)</td>"
                + "<td>\(e(names.joined(separator: ", ") + more))</td><td>\(e(tagSet.sorted().joined(separator: ", ")))</td>"
                + "<td>\(e(signal))</td></tr>\n"
        }
        html += "</tbody></table>\n"
        if clusters.others.count > maxOtherRows {
            html += "<p>\(clusters.others.count - maxOtherRows) more clusters are listed in accounts.csv.</p>\n"
        }
        return html + "</section>\n"
    }
}
