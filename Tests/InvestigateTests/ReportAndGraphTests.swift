import Crypto
import Foundation
import Testing
@testable import Investigate

/// A hand-made source: `ringSize` accounts sharing one payment fingerprint whose bytes are not
/// valid UTF-8 (and hold an escape), pairs of them sharing an org each, a hostile prompt; one
/// account id that looks like a formula. Rendered into bundle files with every account tagged.
struct IncidenceFixture {
    static let ringSize = 50
    static let orgPairs = 15
    /// Unrelated accounts around the ring.
    static let background = 450
    static let paymentBytes: [UInt8] = Array("pf_".utf8) + [0xFF, 0x1B] + Array("[31m".utf8)
    static let formulaID = "=HYPERLINK(\"http://x\")"

    let ids: [String]
    let files: [String: [UInt8]]
    let input: BundleInput

    init(redact: Bool = false) throws {
        ids = (0..<Self.ringSize).map { $0 == 0 ? Self.formulaID : String(format: "acct_%02d", $0) }
        var accounts = Array("account_id,created_at,email,org_id,country,plan,status,payment_fingerprint,signup_ip\n".utf8)
        var queries = ""
        for (i, id) in ids.enumerated() {
            let org = i < 2 * Self.orgPairs ? "org_\(i / 2)" : ""
            let quoted = "\"" + id.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            accounts += Array("\(quoted),2026-01-0\(1 + i % 3)T00:00:00Z,u\(i)@corp\(i).example,\(org),DE,payg,active,".utf8)
            accounts += Self.paymentBytes + Array(",10.0.0.\(i + 1)\n".utf8)
            let jsonID = id.replacingOccurrences(of: "\"", with: "\\\"")
            for q in 0..<3 {
                queries +=
                    #"{"ts":"2026-03-0\#(1 + q)T1\#(q):00:00Z","account_id":"\#(jsonID)","prompt":"#
                    + #""Explain step by step <script>alert(\#(i))</script> \u001b[2J why the sky is blue, number \#(q)"}"#
                    + "\n"
            }
        }
        // Strangers around the ring (own card, network, client and words), so what the ring
        // shares is rare in this population, as in a real source.
        let words = ["weather", "recipe", "poem", "invoice", "travel", "garden", "chess", "guitar", "tax", "moon"]
        for b in 0..<Self.background {
            accounts += Array("bg_\(b),2025-05-01T00:00:00Z,bg\(b)@home\(b).example,,US,payg,active,pf_bg_\(b),100.\(64 + b / 200).\(b % 200).9\n".utf8)
            queries +=
                #"{"ts":"2026-03-\#(10 + b % 18)T\#(10 + b % 12):00:00Z","account_id":"bg_\#(b)","user_agent":"app/\#(b)","#
                + #""prompt":"\#(words[b % 10]) \#(words[(b * 3) % 10]) \#(b)?"}"# + "\n"
        }
        let source = try TempSource(["queries.jsonl": queries])
        try source.write("accounts.csv", bytes: accounts)
        let investigation = try Investigation.open(source.directory)
        let at = "2026-04-01T10:00:00Z"
        let info = CaseInfo(
            id: "case-0042", title: "Ring <b>one</b>", status: .triage, severity: "high", assignee: "lead",
            disposition: "", createdBy: "analyst", createdAt: at, updatedAt: at)
        let tags = ids.map { CaseTag(kind: .account, target: ExactText($0), label: "ring-member", who: "analyst", at: at) }
            + [CaseTag(kind: .account, target: "ghost", label: "decoy", who: "analyst", at: at)]
        let notes = [
            CaseNote(seq: 2, text: "later note", who: "lead", at: "2026-04-02T09:00:00Z"),
            CaseNote(seq: 1, text: "first note <i>x</i>", who: "analyst", at: "2026-04-01T11:00:00Z"),
        ]
        let snapshot = CaseSnapshot(info: info, tags: tags.sorted { $0.target < $1.target }, notes: notes, audit: [])
        let dir = casesTempDir()
        let redactor = redact ? Redactor(key: try BundleKeys.pseudonymKey(path: dir + "/pseudonym.key")) : nil
        input = BundleInput(snapshot: snapshot, investigation: investigation, investigator: "analyst", redactor: redactor)
        let key = try BundleKeys.signingKey(path: dir + "/signing.key")
        let rendered = try BundleWriter(signingKey: key).render(input)
        files = Dictionary(uniqueKeysWithValues: rendered.files.map { ($0.path, $0.bytes) })
    }

    /// `edges.csv` as rows of cells (no cell here holds a comma, quote or line break but the ids).
    func edgeRows() -> [[String: String]] {
        let lines = String(decoding: files["edges.csv"]!, as: UTF8.self).split(separator: "\r\n").map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            // The formula id is the only quoted cell: it holds no comma, so a plain split is enough.
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }
}

@Suite struct IncidenceTests {
    @Test func aValueSharedByNAccountsHasNRowsNotPairs() throws {
        let f = try IncidenceFixture()
        let rows = f.edgeRows()
        let payment = rows.filter { $0["kind"] == "payment" }
        #expect(payment.count == IncidenceFixture.ringSize)  // not 50 * 49 / 2 = 1225
        #expect(Set(payment.map { $0["account_id_b64"]! }).count == IncidenceFixture.ringSize)
        #expect(payment.allSatisfy { $0["sharers"] == String(IncidenceFixture.ringSize) })
        // Each org is shared by a pair: two rows per org.
        let orgs = rows.filter { $0["kind"] == "org" }
        #expect(orgs.count == 2 * IncidenceFixture.orgPairs)
        #expect(rows.count == CaseLinks(f.input).incidenceCount)
    }

    @Test func edgeValuesAndIdsAreExactBytes() throws {
        let f = try IncidenceFixture()
        let payment = f.edgeRows().filter { $0["kind"] == "payment" }
        // Not valid UTF-8: the text cell is empty and the b64 cell holds the exact bytes.
        #expect(payment.allSatisfy { $0["value"] == "" })
        #expect(payment.allSatisfy { Array(Data(base64Encoded: $0["value_b64"]!) ?? Data()) == IncidenceFixture.paymentBytes })
        let formula = payment.first { Data(base64Encoded: $0["account_id_b64"]!) == Data(IncidenceFixture.formulaID.utf8) }
        #expect(formula != nil)
        #expect(formula?["account_id"]?.hasPrefix("=") == false, "a formula reached edges.csv live")
    }

    @Test func graphMLHasAccountAndValueNodesWithGeneratedIDs() throws {
        let f = try IncidenceFixture()
        let xml = String(decoding: f.files["graph.graphml"]!, as: UTF8.self)
        #expect(f.files["graph.graphml"]!.allSatisfy { $0 == 0x0A || ($0 >= 0x20 && $0 < 0x7F) })
        let nodeIDs = xml.matches(of: /<node id="([^"]*)">/).map { String($0.1) }
        #expect(nodeIDs.filter { $0.hasPrefix("a") }.count == IncidenceFixture.ringSize + 1)  // + the ghost
        // One value node per shared value (the card, the orgs, and whatever else the engine links:
        // the fixture's prompts also form a template family), one edge per edges.csv row.
        let rows = f.edgeRows()
        let values = Set(rows.map { $0["kind"]! + " " + $0["value_b64"]! })
        #expect(values.count >= 1 + IncidenceFixture.orgPairs)
        #expect(nodeIDs.filter { $0.hasPrefix("v") }.count == values.count)
        #expect(nodeIDs.allSatisfy { $0.wholeMatch(of: /[av][0-9]+/) != nil })
        let edges = xml.matches(of: /<edge source="([^"]*)" target="([^"]*)">/)
        #expect(edges.count == rows.count)
        #expect(edges.allSatisfy { $0.1.hasPrefix("a") && $0.2.hasPrefix("v") })
        let b64 = Data(IncidenceFixture.paymentBytes).base64EncodedString()
        #expect(xml.contains("<data key=\"n_id_b64\">\(b64)</data>"))
        #expect(xml.contains("payment pf_\\xff\\x1b[31m"))
    }

    @Test func incidenceIsLinearOnALargeCase() throws {
        // 25,000 case accounts in groups of 100 (a card and an org each): 50,000 rows (pairs would be ~313
        // million), 250 org clusters and a report that stays bounded, quickly.
        let n = 25_000
        // Groups of 100 share a card and an org: evidence enough to cluster each group.
        var accounts = "account_id,org_id,payment_fingerprint\n"
        for i in 0..<n { accounts += "w\(i),org_\(i / 100),pf_group_\(i / 100)\n" }
        let source = try TempSource(["accounts.csv": accounts, "queries.jsonl": ""])
        let investigation = try Investigation.open(source.directory)
        let at = "2026-04-01T10:00:00Z"
        let snapshot = CaseSnapshot(
            info: CaseInfo(
                id: "case-0001", title: "large", status: .open, severity: "", assignee: "", disposition: "",
                createdBy: "a", createdAt: at, updatedAt: at),
            tags: (0..<n).map { CaseTag(kind: .account, target: "w\($0)", label: "sweep", who: "a", at: at) }, notes: [],
            audit: [])
        let input = BundleInput(snapshot: snapshot, investigation: investigation, investigator: "a", redactor: nil)
        let clock = ContinuousClock()
        var files: [BundleFile] = []
        let elapsed = try clock.measure {
            files = try BundleWriter(signingKey: Curve25519.Signing.PrivateKey()).render(input).files
        }
        let edges = files.first { $0.path == "edges.csv" }!
        #expect(edges.records == 2 * n)
        #expect(edges.bytes.count < 200 * n)
        let report = files.first { $0.path == "report.html" }!
        #expect(report.bytes.count < 2_000_000)
        let html = String(decoding: report.bytes, as: UTF8.self)
        #expect(html.matches(of: /class="cluster"/).count == ReportClusters.maxSections)
        #expect(html.contains("held by 100 of 100 accounts, \(ReportGraphLayout.maxNamesPerGroup) of them by name."))
        #expect(elapsed < .seconds(60), "render took \(elapsed)")
    }
}

@Suite struct ReportTests {
    static func html(_ f: IncidenceFixture) -> String { String(decoding: f.files["report.html"]!, as: UTF8.self) }

    @Test func summaryComesFirstThenClustersTagsNotesAudit() throws {
        let html = Self.html(try IncidenceFixture())
        let marks = ["id=\"summary\"", "class=\"cluster\"", "id=\"tags\"", "id=\"journal\"", "id=\"audit\""]
        let positions = marks.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        // Notes in time order, whatever their order in the snapshot.
        #expect(html.range(of: "first note")!.lowerBound < html.range(of: "later note")!.lowerBound)
    }

    @Test func risksHaveTwoDecimalsAndDataIsInert() throws {
        let f = try IncidenceFixture()
        let html = Self.html(f)
        let text = html.replacing(/<[^>]*>/, with: " ")
        #expect(text.matches(of: /\d+\.\d{3,}/).isEmpty, "a number with more than 2 decimals")
        #expect(!text.matches(of: /risk \d\.\d\d\b/).isEmpty)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert("))  // the sample prompts, inert
        #expect(html.contains("\\x1b[2J"))
        #expect(f.files["report.html"]!.allSatisfy { $0 == 0x0A || ($0 >= 0x20 && $0 < 0x7F) })
    }

    /// A signal adding nothing is written 0 with its reason, never +0.00 or 0.00, and is no
    /// cluster's strongest signal.
    @Test func aZeroIsWrittenZeroWithItsReason() throws {
        let text = Self.html(try IncidenceFixture()).replacing(/<[^>]*>/, with: "")
        #expect(text.matches(of: /[+-]?0\.00:/).isEmpty, "a contribution written as 0.00")
        let zeros = text.matches(of: /[a-z_]+ 0: [^\n]*/)
        #expect(!zeros.isEmpty, "the fixture's ring lists a signal adding nothing")
        for zero in zeros {
            #expect(zero.output.contains("adds nothing") || zero.output.contains("(shown as 0)") || zero.output.contains("of it counts"),
                    "\(zero.output)")
        }
    }

    @Test func sampledGraphSaysSo() throws {
        let html = Self.html(try IncidenceFixture())
        let statement = try #require(
            html.firstMatch(of: /Showing (\d+) of (\d+) shared values, held by (\d+) of (\d+) accounts, (\d+) of them by name\./))
        #expect(Int(statement.4) == IncidenceFixture.ringSize)
        #expect(Int(statement.3)! <= IncidenceFixture.ringSize && Int(statement.5)! <= Int(statement.3)!)
        #expect(Int(statement.5)! <= ReportGraphLayout.maxNamed && Int(statement.5)! < IncidenceFixture.ringSize)
        #expect(Int(statement.1)! < Int(statement.2)!)  // 15 org pairs cannot all be drawn in 8 groups
        #expect(Int(statement.2)! >= 1 + IncidenceFixture.orgPairs)
        // A box counts every account it stands for, named or not.
        #expect(html.contains("more</text>"))
    }

    @Test func summaryCountsMatchEnforcementCSV() throws {
        let f = try IncidenceFixture()
        let html = Self.html(f)
        let summary = html[html.range(of: "id=\"summary\"")!.lowerBound..<html.range(of: "</section>")!.lowerBound]
        let actions = String(decoding: f.files["enforcement.csv"]!, as: UTF8.self).split(separator: "\r\n").dropFirst()
            .map { $0.split(separator: ",")[2] }
        var counts: [Substring: Int] = [:]
        for action in actions { counts[action, default: 0] += 1 }
        #expect(counts["suspend"] == IncidenceFixture.ringSize && counts["monitor"] == 1)
        for (action, n) in counts { #expect(summary.contains("<tr><td>\(action)</td><td class=\"num\">\(n)</td></tr>")) }
        #expect(summary.contains("Suspend 50 accounts"))
    }

    @Test func strictCSPAndVerifyCommand() throws {
        let f = try IncidenceFixture()
        let html = Self.html(f)
        let style = Data(SHA256.hash(data: Array(ReportHTMLFile.style.utf8))).base64EncodedString()
        #expect(html.contains("content=\"default-src 'none'; style-src 'sha256-\(style)';"))
        #expect(html.contains("<style>\(ReportHTMLFile.style)</style>"))
        #expect(html.contains("investigate verify BUNDLE --key "))
    }

    @Test func redactedReportWithholdsPrompts() throws {
        let html = Self.html(try IncidenceFixture(redact: true))
        #expect(html.contains("Prompts are withheld in a redacted export."))
        #expect(!html.contains("sky is blue"))
    }

    @Test func sameInputSameBytes() throws {
        let f = try IncidenceFixture()
        let key = Curve25519.Signing.PrivateKey()
        let a = try BundleWriter(signingKey: key).render(f.input).files
        let b = try BundleWriter(signingKey: key).render(f.input).files
        #expect(a.map(\.bytes) == b.map(\.bytes))
    }

    @Test func riskFormatting() {
        #expect(ReportText.risk(0.925) == "0.93" || ReportText.risk(0.925) == "0.92")
        #expect(ReportText.risk(1) == "1.00")
        #expect(ReportText.risk(0.05) == "0.05")
        #expect(ReportText.risk(.nan) == "0.00")
        #expect(ReportText.contribution(0.451) == "+0.45")
        #expect(ReportText.contribution(-0.21) == "-0.21")
        // Too small to show is 0, as the console and account print it (the reason says why).
        #expect(ReportText.contribution(-0.0015) == "0" && ReportText.contribution(0) == "0")
    }
}

@Suite struct ReportGraphLayoutTests {
    @Test func staysWithinItsBoundsAndCountsEveryone() throws {
        let f = try IncidenceFixture()
        let links = CaseLinks(f.input)
        let clusters = ReportClusters(f.input, links)
        let entry = try #require(clusters.sections.first)
        let layout = ReportGraphLayout(entry, links)
        #expect(layout.boxes.count <= ReportGraphLayout.maxBoxes)
        #expect(layout.groups.count <= ReportGraphLayout.maxGroups)
        #expect(layout.accountsNamed <= ReportGraphLayout.maxNamed)
        // Every section account is in exactly one drawn group, or counted as unlinked.
        let grouped = layout.groups.flatMap(\.members)
        #expect(Set(grouped).count == grouped.count)
        #expect(grouped.count + layout.unlinked == entry.members.count)
        // A group's accounts share every value of its boxes.
        for group in layout.groups {
            for box in group.boxes { #expect(Set(group.members).isSubset(of: Set(layout.boxes[box].sharers))) }
        }
    }
}
