extension BundleReportCheck {
    /// The parts of `report.html` an investigator reads to act, written again by the exporter's
    /// own code from what the bundle holds and the checks before this one held to the trail,
    /// each found where the page holds it (its opening once in the page, the exporter's bytes
    /// from there):
    ///
    /// - the page's `<title>` (the one in its head: the graphs have their own);
    /// - the Evidence checks section (the manifest's `source.load`, look-alike case account ids
    ///   with the actions `enforcement.csv`'s rule proposes), unless `evidenceSection` is false
    ///   (a format 4 bundle, written before the section existed);
    /// - the summary's opening figures (accounts in the case, not in the source, clusters, from
    ///   `accounts.csv`), recommended action and action counts (what the rule of
    ///   `enforcement.csv` proposes for the rows of `accounts.csv`), accounts per tag, and its
    ///   closing line (status, severity, assignee, disposition, who opened and exported, when,
    ///   redaction, from the trail and the manifest);
    /// - the Tags section and the Notes and retractions section (from the trail alone);
    /// - the audit section's entry count and chain head.
    ///
    /// The summary's per-cluster figures are held to `accounts.csv` (`clusterProblems`). Cluster
    /// sections and the table of other clusters need the source (sizes, signals, timelines,
    /// prompts) and are not written again; their account names are checked by `problems`.
    static func sectionProblems(
        _ bytes: [UInt8], _ facts: BundleCaseFacts, accounts: BundleAccountsCheck, investigator: String, redacted: Bool,
        auditHead: String, sourceLoad: SourceLoadRecord?, evidenceSection: Bool = true
    ) -> [String] {
        guard let page = String(validating: bytes, as: UTF8.self) else { return ["\(file): not valid UTF-8"] }
        let state = facts.snapshot
        let info = state.info
        let rows = facts.accounts.compactMap { accounts.rows[$0] }
        var actions: [String: Int] = [:]
        var proposed: [(id: ExactText, action: String)] = []
        for id in facts.accounts {
            guard let row = accounts.rows[id] else { continue }
            let action = BundleEnforcementCheck.proposals(row, own: facts.ownLabels(id), info.status)[0].action
            actions[action, default: 0] += 1
            proposed.append((id, action))
        }
        let clusters = Set(rows.filter(\.inSource).map(\.cluster)).count
        let evidence: [(what: String, open: String, written: String)] = [
            (
                "the Evidence checks section (the manifest's record of the source's load, look-alike case account ids)",
                ReportEvidenceChecks.open,
                ReportEvidenceChecks.section(load: sourceLoad, lookAlikes: ReportEvidenceChecks.lookAlikes(proposed))
            )
        ]
        let parts: [(what: String, open: String, written: String)] = [
            ("its <title>", "<title>", ReportHTMLFile.titleElement(info))
        ] + (evidenceSection ? evidence : []) + [
            (
                "the summary's account and cluster counts (accounts.csv)", "<p class=\"lead\">",
                ReportSummary.leadOpening(accounts: facts.accounts.count, notInSource: accounts.notInSource.count, clusters: clusters)
            ),
            (
                "the recommended action and its counts (what enforcement.csv proposes for the replayed case)",
                "<div><h3>Recommended action</h3>", ReportSummary.actionBlock(actions)
            ),
            (
                "the accounts per tag (the labels accounts.csv gives them)", "<div><h3>Accounts per tag</h3>",
                ReportSummary.labelBlock(ReportSummary.accountsPerLabel(rows.map(\.labels)))
            ),
            (
                "the summary's case record, investigator and redaction", "<p class=\"meta\">",
                ReportSummary.meta(
                    info, exportedAt: state.audit.last?.at ?? info.updatedAt, investigator: investigator, redacted: redacted)
            ),
            ("the Tags section (the tags the audit trail records)", "<section id=\"tags\">", ReportCaseRecord.tags(state)),
            (
                "the Notes and retractions section (the notes and retractions the audit trail records)", "<section id=\"journal\">",
                ReportCaseRecord.journal(state)
            ),
            (
                "the audit chain's entry count and head", "<section id=\"audit\">",
                ReportCaseRecord.chain(entries: state.audit.count, head: auditHead)
            ),
        ]
        var problems: [String] = []
        let head = page.range(of: "</head>").map { page[..<$0.lowerBound] } ?? page[...]
        for part in parts {
            let found = (part.open == "<title>" ? head : page[...]).ranges(of: part.open)
            guard found.count == 1 else {
                problems.append("\(file): holds \(part.what) \(found.count) times, the exporter once")
                continue
            }
            let held = page[found[0].lowerBound...]
            guard !held.hasPrefix(part.written) else { continue }
            let have = held.split(separator: "\n", omittingEmptySubsequences: false)
            let want = part.written.split(separator: "\n", omittingEmptySubsequences: false)
            let n = zip(have, want).prefix { $0 == $1 }.count
            // From a little before the first character that differs, so the name it differs by shows.
            var line = ""
            if n < want.count {
                let same = n < have.count ? zip(have[n], want[n]).prefix { $0 == $1 }.count : 0
                let from = max(0, same - 40)
                line = (from > 0 ? "…" : "") + TextEscaping.visible(String(want[n].dropFirst(from)), limit: 160)
            }
            problems.append("\(file): \(part.what) is not what the exporter writes (it writes '\(line)')")
        }
        return problems + clusterProblems(page, facts, accounts: accounts)
    }
}
