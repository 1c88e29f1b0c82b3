/// `report.html` held to the replayed case, as far as a page for people can be. Its markup must
/// be the exporter's (`BundleReportMarkupCheck`: its head and policy, no element or attribute
/// the exporter does not write). Its cluster
/// sections need the source (risks, the timeline, the graph layout), which the bundle does not
/// hold, so they cannot be written again here; instead its heading must name the replayed case id
/// and title, and every case account it names in a link graph (`ReportGraphSVG.memberName`:
/// the id's display form cut to 26 characters and HTML-escaped) must be one of the case's. The
/// parts that need no source (summary figures, Tags and journal sections, audit head) are
/// written again and compared (`sectionProblems`); names in the cluster tables are not read.
enum BundleReportCheck {
    static let file = "report.html"

    /// What differs, one line each (empty when the page holds).
    static func problems(_ bytes: [UInt8], _ facts: BundleCaseFacts) -> [String] {
        guard let page = String(validating: bytes, as: UTF8.self) else { return ["\(file): not valid UTF-8"] }
        var problems = BundleReportMarkupCheck.problems(page, facts.snapshot.info)
        if !page.contains(ReportHTMLFile.heading(facts.snapshot.info)) {
            problems.append("\(file): its heading does not name the case id and title the audit trail records")
        }
        let names = Set(facts.accounts.map(ReportGraphSVG.memberName))
        var rest = page[...]
        var count = 0
        while let open = rest.range(of: ReportGraphSVG.memberOpen) {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "</text>") else { break }
            let name = String(rest[..<close.lowerBound])
            count += 1
            if !names.contains(name) {
                problems.append(
                    "\(file): graph label \(count) names account \(TextEscaping.visible(name, limit: 120)), which is not a case account in the audit trail"
                )
            }
            rest = rest[close.upperBound...]
        }
        return problems
    }
}
