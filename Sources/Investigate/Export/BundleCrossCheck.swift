extension BundleVerifier {
    /// Holds the files that name the case's accounts or actions to the state the audit trail
    /// replays to (bundle.md: "the case state in the bundle is the state that chain
    /// describes"): `accounts.csv`, `case.json`, `enforcement.csv`, `edges.csv`,
    /// `graph.graphml`, `stix21.json`, `report.html` and the manifest's title (`queries.jsonl` is checked as it streams,
    /// `StreamedQueryAccounts`). A file is read here only when its hash held (`read` gives nil
    /// otherwise, its problem already reported); each of these is small beside `queries.jsonl`
    /// and read whole, within its manifest byte count.
    static func crossCheck(
        _ facts: BundleCaseFacts, _ check: ManifestCheck, queryTotals: [ExactText: StreamedQueryAccounts.Totals]?,
        _ report: inout Report, read: (String, inout Report) -> [UInt8]?
    ) {
        func record(_ file: String, _ problems: [String], _ held: String) {
            if problems.isEmpty { report.passed.append("\(file): \(held)") } else { report.problems += problems }
        }
        let info = facts.snapshot.info
        if let title = check.title, title != info.title {
            report.problems.append(
                "manifest.json: title '\(TextEscaping.visible(title, limit: 80))' is not the case title the audit trail records ('\(TextEscaping.visible(info.title, limit: 80))')"
            )
        }
        var accounts: BundleAccountsCheck? = nil
        if let bytes = read(BundleAccountsCheck.file, &report) {
            let checked = BundleAccountsCheck(bytes, facts, extrasRedacted: check.redactsExtra, keysRedacted: check.redactsExtraKeys)
            record(BundleAccountsCheck.file, checked.problems, "the case's \(facts.accounts.count) accounts, as the audit trail tags them")
            if checked.problems.isEmpty {
                accounts = checked
                record(
                    BundleAccountsCheck.file, BundleAccountRiskCheck.problems(checked),
                    "each account's risk is its cluster's times a weight from 0.7 to 1")
            }
        }
        if let accounts, let queryTotals {
            record(
                "queries.jsonl", BundleQueryTotalsCheck.problems(accounts, queryTotals),
                "each account's rows and token counts are those accounts.csv gives it")
        }
        if let bytes = read("case.json", &report) {
            if let json = try? JSONValue.parse(bytes) {
                let problem = BundleCaseState.documentDivergence(
                    bytes: bytes, caseJSON: json, facts, notInSource: accounts?.notInSource, sourceLoad: check.sourceLoad)
                record("case.json", problem.map { [$0] } ?? [], "the state the audit trail describes")
            } else {
                report.problems.append("case.json: not valid JSON")
            }
        }
        if let bytes = read(BundleEnforcementCheck.file, &report) {
            record(
                BundleEnforcementCheck.file, BundleEnforcementCheck.problems(bytes, facts, accounts: accounts),
                "the exporter's proposals for the case's accounts")
        }
        var graph: GraphFiles.Model? = nil
        if let bytes = read(BundleGraphCheck.edgesFile, &report) {
            let checked = BundleGraphCheck.edges(bytes, facts, accounts: accounts)
            record(
                BundleGraphCheck.edgesFile, checked.problems, "case accounts in the source, each value's rows as the exporter writes them")
            graph = checked.model
        }
        if let bytes = read(BundleGraphCheck.graphFile, &report) {
            record(
                BundleGraphCheck.graphFile, BundleGraphCheck.graphML(bytes, facts, model: graph),
                graph == nil ? "names only case accounts" : "what the exporter writes from accounts.csv and edges.csv")
        }
        if let bytes = read(BundleSTIXCheck.file, &report) {
            var problems = BundleSTIXCheck.problems(bytes, facts, investigator: check.investigator, auditHead: check.auditHead)
            var held = "the case's accounts, title and investigator"
            if problems.isEmpty, let accounts, let investigator = check.investigator, let auditHead = check.auditHead {
                problems = BundleSTIXCheck.rewritten(
                    bytes, facts, accounts: accounts, investigator: investigator, auditHead: auditHead, groupsCleared: check.recordsLoad,
                    omitsEmptyGrouping: check.omitsEmptyGrouping)
                held = "what the exporter writes for the case's accounts, notes, title and investigator"
            }
            record(BundleSTIXCheck.file, problems, held)
        }
        if let bytes = read(BundleReportCheck.file, &report) {
            var problems = BundleReportCheck.problems(bytes, facts)
            var held = "markup as the exporter writes it (its policy, no script); names only case accounts"
            if let accounts, let investigator = check.investigator, let redacted = check.redacted, let auditHead = check.auditHead {
                problems += BundleReportCheck.sectionProblems(
                    bytes, facts, accounts: accounts, investigator: investigator, redacted: redacted, auditHead: auditHead,
                    sourceLoad: check.sourceLoad.flatMap { SourceLoadRecord(json: $0) }, evidenceSection: check.recordsLoad)
                held = "markup as the exporter writes it (its policy, no script); names only case accounts; summary, tags, "
                    + "journal and audit head as the exporter writes them"
            }
            record(BundleReportCheck.file, problems, held)
        }
    }
}
