/// The "Evidence checks" section of `report.html`, right under the summary (which stays on the
/// first screen): what the export's
/// load of the source skipped (`SourceLoadRecord`, as the manifest records it), and the case
/// account ids that look alike (`AccountIDLookAlikes`), each by its escaped form, base64 and
/// proposed action. A pure function of the manifest's load record and the case's accounts with
/// their actions, so `verify` writes it again and compares (`BundleReportCheck.sectionProblems`).
enum ReportEvidenceChecks {
    /// Where the section opens (what `verify` looks for).
    static let open = "<section id=\"evidence\">"

    /// The section. `load` is nil only for a bundle whose manifest records none.
    static func section(load: SourceLoadRecord?, lookAlikes: [[(id: ExactText, action: String)]]) -> String {
        let e: (String) -> String = ReportText.html
        var html = open + "\n<h2>Evidence checks</h2>\n"
        if let load {
            html += load.isClean
                ? "<p>Source load: \(e(load.summary)).</p>\n"
                : "<p class=\"action\">Rows missing from this bundle</p><p><b>Source load:</b> \(e(load.summary)).</p>\n"
            for file in load.byFile {
                html += "<ul>"
                for issue in file.first { html += "<li>\(e("\(file.file):\(issue.line): \(issue.reason)"))</li>" }
                html += "</ul>\n"
            }
        } else {
            html += "<p>Source load: not recorded.</p>\n"
        }
        guard !lookAlikes.isEmpty else { return html + "<p>No two case account ids look alike.</p>\n</section>\n" }
        html +=
            "<p class=\"action\">Look-alike account ids</p><p><b>\(e(lookAlikeHeadline(lookAlikes.count)))</b></p>\n<ul>"
        for group in lookAlikes { html += "<li>\(e(describe(group)))</li>" }
        return html + "</ul>\n</section>\n"
    }

    /// `1 group of case account ids look alike ...`.
    static func lookAlikeHeadline(_ groups: Int) -> String {
        "\(ReportText.count(groups, "group")) of case account ids read as the same text (once Unicode-normalised, "
            + "look-alike letters read as Latin, invisible characters dropped) yet are different accounts: "
            + "enforcement.csv lists each by its exact bytes; match rows by account_id_b64"
    }

    /// `acct_café (base64 YWNjdF9jYWbDqQ==, action none) and acct_cafe\u{301} (base64 ..., action suspend)`.
    static func describe(_ group: [(id: ExactText, action: String)]) -> String {
        group.map { "\(TextEscaping.visible($0.id.bytes, limit: 120)) (base64 \($0.id.base64.prefix(200)), action \($0.action))" }
            .joined(separator: " and ")
    }

    /// The look-alike groups of a case's accounts with their proposed actions (`proposals`).
    static func lookAlikes(_ proposals: [(id: ExactText, action: String)]) -> [[(id: ExactText, action: String)]] {
        let action = Dictionary(proposals.map { ($0.id, $0.action) }, uniquingKeysWith: { a, _ in a })
        return AccountIDLookAlikes.groups(proposals.map(\.id)).map { group in group.map { ($0, action[$0] ?? "?") } }
    }
}
