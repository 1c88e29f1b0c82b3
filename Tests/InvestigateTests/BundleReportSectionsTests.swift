import Foundation
import Testing
@testable import Investigate

/// `verify` writes the parts of `report.html` an investigator acts on again with the exporter's
/// own code (summary figures, recommended action, accounts per tag, the case line, the Tags and
/// journal sections, the audit head) and holds the page to them. Each tamper is re-signed with
/// a key the verifier trusts.
@Suite struct BundleReportSectionsTests {
    typealias Setup = BundleCrossCheckTests.Setup

    /// The report on the bundle with `report.html` edited after the first `marker` only.
    static func verifyAfter(_ s: Setup, _ marker: String, _ edit: @escaping (String) -> String) throws -> BundleVerifier.Report {
        try s.verify("report.html") { page in
            guard let at = page.range(of: marker) else { return page }
            return String(page[..<at.lowerBound]) + edit(String(page[at.lowerBound...]))
        }
    }

    static func refused(_ report: BundleVerifier.Report, _ what: String) -> Bool {
        report.problems.contains { $0.hasPrefix("report.html: \(what) is not what the exporter writes (it writes '") }
    }

    @Test func anUntamperedReportHasItsSectionsWrittenAgain() throws {
        let s = try Setup()
        let report = try BundleVerifier.verify(path: s.f.dir + "/good.zip", trust: s.f.trust)
        #expect(report.ok, "\(report.problems)")
        #expect(
            report.passed.contains(
                "report.html: markup as the exporter writes it (its policy, no script); names only case accounts; summary, tags, journal and audit head as the exporter writes them"))
    }

    @Test func aSummaryThatSaysOtherwiseIsRefused() throws {
        let s = try Setup()
        let action = try Self.verifyAfter(s, "<div><h3>Recommended action</h3>") {
            $0.replacingOccurrences(of: "<tr><td>suspend</td>", with: "<tr><td>none</td>")
        }
        #expect(
            Self.refused(action, "the recommended action and its counts (what enforcement.csv proposes for the replayed case)"),
            "\(action.problems)")
        let headline = try Self.verifyAfter(s, "<div><h3>Recommended action</h3>") {
            $0.replacingOccurrences(of: "<p class=\"action\">Suspend ", with: "<p class=\"action\">Monitor ")
        }
        #expect(Self.refused(headline, "the recommended action and its counts (what enforcement.csv proposes for the replayed case)"))
        let perTag = try Self.verifyAfter(s, "<div><h3>Accounts per tag</h3>") {
            $0.replacingOccurrences(of: "<tr><td>ring-member</td><td class=\"num\">", with: "<tr><td>benign</td><td class=\"num\">")
        }
        #expect(Self.refused(perTag, "the accounts per tag (the labels accounts.csv gives them)"), "\(perTag.problems)")
        let lead = try Self.verifyAfter(s, "<p class=\"lead\">") {
            $0.replacingOccurrences(of: " (1 not in the exported source)", with: "")
        }
        #expect(Self.refused(lead, "the summary's account and cluster counts (accounts.csv)"), "\(lead.problems)")
        let meta = try Self.verifyAfter(s, "<p class=\"meta\">") {
            $0.replacingOccurrences(of: "<p class=\"meta\">Status open", with: "<p class=\"meta\">Status confirmed")
        }
        #expect(Self.refused(meta, "the summary's case record, investigator and redaction"), "\(meta.problems)")
        let title = try s.verify("report.html") { $0.replacingOccurrences(of: "<title>Case ", with: "<title>Closed case ") }
        #expect(Self.refused(title, "its <title>"), "\(title.problems)")
    }

    @Test func aTagTableJournalOrAuditHeadThatSaysOtherwiseIsRefused() throws {
        let s = try Setup()
        let relabelled = try Self.verifyAfter(s, "<section id=\"tags\">") {
            $0.replacingOccurrences(of: "<b>ring-member</b>", with: "<b>benign</b>")
        }
        #expect(Self.refused(relabelled, "the Tags section (the tags the audit trail records)"), "\(relabelled.problems)")
        let untagged = try Self.verifyAfter(s, "<section id=\"tags\">") {
            $0.replacingOccurrences(of: ", ghost-account</td>", with: "</td>")
        }
        #expect(
            untagged.problems.contains {
                $0.hasPrefix("report.html: the Tags section (the tags the audit trail records) is not what the exporter writes")
                    && $0.contains("ghost-account")
            }, "\(untagged.problems)")
        let note = try Self.verifyAfter(s, "<section id=\"journal\">") {
            $0.replacingOccurrences(of: "note with &lt;b&gt;markup", with: "cleared by legal &lt;b&gt;markup")
        }
        #expect(
            Self.refused(note, "the Notes and retractions section (the notes and retractions the audit trail records)"), "\(note.problems)")
        let head = try Self.verifyAfter(s, "<section id=\"audit\">") {
            $0.replacingOccurrences(of: "<p><code>", with: "<p><code>0")
        }
        #expect(Self.refused(head, "the audit chain's entry count and head"), "\(head.problems)")
        // A second, forged Tags section.
        let twice = try s.verify("report.html") {
            $0.replacingOccurrences(of: "</body>", with: "<section id=\"tags\">\n<h2>Tags</h2>\n<p>none</p>\n</section>\n</body>")
        }
        #expect(
            twice.problems.contains("report.html: holds the Tags section (the tags the audit trail records) 2 times, the exporter once"),
            "\(twice.problems)")
    }

    @Test func clusterFiguresThatAccountsCSVDoesNotGiveAreRefused() throws {
        let s = try Setup()
        // The table's first row as the exporter wrote it: c1, its risk, 25 case accounts.
        let page = String(decoding: s.f.files["report.html"]!, as: UTF8.self)
        let table = try #require(page.range(of: "<div><h3>Accounts per cluster</h3>"))
        let start = try #require(page.range(of: "<tr><td>c1</td><td>risk ", range: table.upperBound..<page.endIndex))
        let end = try #require(page.range(of: "</tr>", range: start.upperBound..<page.endIndex))
        let row = String(page[start.lowerBound..<end.upperBound])
        let risk = try #require(row.split(separator: "<td>").dropFirst(2).first.map { String($0.dropFirst(5).prefix(4)) })
        #expect(row.hasSuffix("<td class=\"num\">25</td></tr>"), "\(row)")
        let fewer = try Self.verifyAfter(s, "<div><h3>Accounts per cluster</h3>") {
            $0.replacingOccurrences(of: row, with: row.replacingOccurrences(of: ">25<", with: ">24<"))
        }
        #expect(
            fewer.problems.contains(
                "report.html: row 1 of Accounts per cluster is not what accounts.csv gives (cluster c1, risk \(risk), 25 case accounts)"),
            "\(fewer.problems)")
        let more = try Self.verifyAfter(s, "<div><h3>Accounts per cluster</h3>") {
            $0.replacingOccurrences(of: row, with: row + "<tr><td>c9</td><td>risk 0.10</td><td class=\"num\">1</td></tr>")
        }
        #expect(
            more.problems.contains { $0.hasPrefix("report.html: Accounts per cluster holds other rows or counts than accounts.csv gives") },
            "\(more.problems)")
        let lead = try Self.verifyAfter(s, "<p class=\"lead\">") {
            $0.replacingOccurrences(
                of: "rates risk 0.50 or more and holds 25 of them.", with: "rates risk 0.50 or more and holds 3 of them.")
        }
        #expect(
            lead.problems.contains {
                $0.hasPrefix("report.html: the summary's count of clusters rating 0.50 or more is not what accounts.csv gives")
            },
            "\(lead.problems)")
    }

    /// A case spread over more clusters than the summary's table shows (ties of risk and size
    /// among them) still verifies: the table's order and its count of the rest are the exporter's.
    @Test func aCaseOfManyClustersVerifies() throws {
        let f = try ExportFixture(title: "many clusters")
        let inv = f.investigation
        let picked = inv.clusters.dropFirst().prefix(12).flatMap { $0.members.prefix(2) }
        try f.store.tag(
            caseID: f.caseID, label: "review-me", kind: .account, targets: picked.map { inv.data.accountExactID(Int($0)) })
        _ = try f.export("many")
        let files = try f.files("many")
        let page = String(decoding: files["report.html"]!, as: UTF8.self)
        #expect(page.contains("more cluster"))
        // Riskiest first, whether or not a cluster holds one case account or several.
        let table = try #require(page.components(separatedBy: "<div><h3>Accounts per cluster</h3>").last)
        let risks = table.components(separatedBy: "<td>risk ").dropFirst().compactMap { Double($0.prefix(4)) }
        #expect(risks.count == ReportSummary.tableRows)
        #expect(risks == risks.sorted(by: >), "\(risks)")
        let report = BundleVerifier.verify(files: files, trust: f.trust)
        #expect(report.ok, "\(report.problems)")
        #expect(report.passed.contains { $0.hasPrefix("report.html: markup as the exporter writes it (its policy, no script); names only case accounts; summary") })
    }

    /// The table's order: riskiest first, equal written risks either way; a bundle written
    /// before the summary ranked its clusters (those holding two or more case accounts first)
    /// is read in its own order.
    @Test func theClusterTableIsRiskiestFirstOrTheEarlierSectionsFirstOrder() {
        typealias C = BundleReportCheck.ClusterFigures
        let all = [C(id: "c1", risk: 0.9, members: 2), C(id: "c2", risk: 0.5, members: 1), C(id: "c3", risk: 0, members: 2)]
        func row(_ c: C, _ risk: String) -> String { "<tr><td>\(c.id)</td><td>risk \(risk)</td><td class=\"num\">\(c.members)</td></tr>" }
        func table(_ rows: String...) -> Substring { Substring(rows.joined() + "</tbody></table></div>\n") }
        let ranked = table(row(all[0], "0.90"), row(all[1], "0.50"), row(all[2], "0.00"))
        let earlier = table(row(all[0], "0.90"), row(all[2], "0.00"), row(all[1], "0.50"))
        let wrong = table(row(all[2], "0.00"), row(all[0], "0.90"), row(all[1], "0.50"))
        #expect(BundleReportCheck.tableProblem(ranked, all, sectionsFirst: false) == nil)
        #expect(BundleReportCheck.tableProblem(earlier, all, sectionsFirst: false) != nil)
        #expect(BundleReportCheck.tableProblem(earlier, all, sectionsFirst: true) == nil)
        #expect(
            BundleReportCheck.tableProblem(wrong, all, sectionsFirst: false)
                == "report.html: row 1 of Accounts per cluster is not what accounts.csv gives (cluster c1, risk 0.90, 2 case accounts)")
        #expect(BundleReportCheck.tableProblem(wrong, all, sectionsFirst: true) != nil)
        // Equal written risks: either order.
        let tied = [C(id: "c4", risk: 0.3, members: 1), C(id: "c5", risk: 0.3, members: 3)]
        #expect(BundleReportCheck.tableProblem(table(row(tied[0], "0.30"), row(tied[1], "0.30")), tied, sectionsFirst: false) == nil)
        #expect(BundleReportCheck.tableProblem(table(row(tied[1], "0.30"), row(tied[0], "0.30")), tied, sectionsFirst: false) == nil)
    }

    /// A trial's one-account case read "1 account in this case fall in 1 cluster".
    @Test func theLeadAgreesWithItsCount() {
        #expect(ReportSummary.leadOpening(accounts: 1, notInSource: 0, clusters: 1).contains("1 account in this case falls in 1 cluster;"))
        #expect(ReportSummary.leadOpening(accounts: 3, notInSource: 0, clusters: 2).contains("3 accounts in this case fall in 2 clusters;"))
    }
}
