/// `report.html`: one self-contained page (no scripts, no external resources) with the case
/// summary, the risk breakdown of the clusters involved, the query-volume timeline and the
/// link graph as inline SVG, tags and notes. Every data string goes through `MarkupEscaping`.
enum ReportHTMLFile {
    static func render(_ input: BundleInput, _ links: CaseLinks) -> BundleFile {
        let e = MarkupEscaping.escape
        let info = input.snapshot.info
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>Case \(e(info.id))</title>
            <style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}\
            td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}code{white-space:pre-wrap}</style>
            </head><body>

            """
        html += "<h1>Case \(e(info.id)): \(e(info.title))</h1>\n<table>"
        let summary: [(String, String)] = [
            ("Status", info.status.rawValue), ("Severity", info.severity), ("Assignee", info.assignee),
            ("Disposition", info.disposition), ("Opened", info.createdAt + " by " + info.createdBy),
            ("Last change", input.exportedAt),
            (
                "Accounts",
                "\(input.accounts.count) in source, "
                    + "\(input.missingAccounts.count) not in source"
            ),
            ("Links", "\(links.edges.count) shared values among case accounts"),
            ("Exported by", input.investigator), ("Redaction", input.redactor == nil ? "none" : "keyed-hash pseudonyms"),
        ]
        for (k, v) in summary { html += "<tr><th>\(e(k))</th><td>\(e(v))</td></tr>" }
        html += "</table>\n<h2>Risk breakdown</h2>\n"
        var clusters: [String: Cluster] = [:]
        for (_, i) in input.accounts {
            let c = input.investigation.cluster(ofAccount: i)
            clusters[c.id] = c
        }
        html += "<table><tr><th>Cluster</th><th>Members</th><th>Risk</th><th>Signals</th></tr>"
        for c in clusters.values.sorted(by: { ($0.risk, $1.id) > ($1.risk, $0.id) }).prefix(50) {
            let signals = c.signals.prefix(6).map { "\($0.name) +\(JSONValue.decimal($0.contribution)): \($0.explanation)" }
            html +=
                "<tr><td>\(e(c.id))</td><td>\(c.size)</td><td>\(JSONValue.decimal(c.risk))</td><td>"
                + signals.map(e).joined(separator: "<br>") + "</td></tr>"
        }
        html += "</table>\n<h2>Query volume</h2>\n" + ReportSVG.timeline(input) + "\n"
        html += "<h2>Link graph</h2>\n" + ReportSVG.linkGraph(input, links) + "\n"
        html += "<h2>Tags</h2>\n<table><tr><th>Kind</th><th>Target</th><th>Label</th><th>Who</th><th>When</th></tr>"
        for tag in input.snapshot.tags.prefix(5000) {
            html +=
                "<tr><td>\(tag.kind.rawValue)</td><td>\(e(tag.target.display))</td><td>\(e(tag.label))</td>"
                + "<td>\(e(tag.who))</td><td>\(e(tag.at))</td></tr>"
        }
        html += "</table>\n<h2>Notes</h2>\n"
        for note in input.snapshot.notes {
            html += "<p><b>\(e(note.who))</b> \(e(note.at))<br><code>\(e(note.text))</code></p>\n"
        }
        html += "<p>Audit chain: \(input.snapshot.audit.count) entries, head <code>\(e(input.auditHead))</code>.</p>\n"
        html += "</body></html>\n"
        return BundleFile(path: "report.html", bytes: Array(html.utf8), records: 1)
    }
}
