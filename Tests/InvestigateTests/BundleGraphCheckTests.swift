import Foundation
import Testing
@testable import Investigate

/// `verify` holds `edges.csv` and `graph.graphml` to the replayed case and to `accounts.csv`:
/// each tamper below is re-signed with a key the verifier trusts, and is still refused naming
/// the file and the account.
@Suite struct BundleGraphCheckTests {
    typealias Setup = BundleCrossCheckTests.Setup

    static func b64(_ s: String) -> String { ExactText(s).base64 }

    /// The data rows of a CSV text (CRLF lines, header dropped) and the text made of rows again.
    static func rows(_ text: String) -> [String] { Array(text.components(separatedBy: "\r\n").dropFirst().dropLast()) }
    static func text(_ original: String, rows: [String]) -> String {
        original.components(separatedBy: "\r\n")[0] + "\r\n" + rows.map { $0 + "\r\n" }.joined()
    }

    /// `edges.csv`'s rows as cells (the fixture's values need no quoting).
    static func edgeCells(_ s: Setup) -> [[String]] {
        rows(String(decoding: s.f.files["edges.csv"]!, as: UTF8.self)).map { $0.components(separatedBy: ",") }
    }

    /// `accounts.csv`'s rows, by account id.
    static func accountRows(_ s: Setup) throws -> [String: [String]] {
        let table = try BundleCSVRows(s.f.files["accounts.csv"]!, header: AccountsCSVFile.header, file: "a")
        return Dictionary(uniqueKeysWithValues: table.rows.map { ($0[0], $0) })
    }

    @Test func anUntamperedBundleHasItsGraphFilesWrittenAgainFromItsOwnRows() throws {
        let s = try Setup()
        let report = try BundleVerifier.verify(path: s.f.dir + "/good.zip", trust: s.f.trust)
        #expect(report.ok, "\(report.problems)")
        #expect(report.passed.contains("edges.csv: case accounts in the source, each value's rows as the exporter writes them"))
        #expect(report.passed.contains("graph.graphml: what the exporter writes from accounts.csv and edges.csv"))
    }

    @Test func anEdgeRowOfAStrangerOrOfAnAccountNotInTheSourceIsRefused() throws {
        let s = try Setup()
        let first = try #require(Self.edgeCells(s).first)
        func moved(to other: String) throws -> BundleVerifier.Report {
            try s.verify("edges.csv") { text in
                var rows = Self.rows(text)
                rows[0] = ([other, Self.b64(other)] + first.dropFirst(2)).joined(separator: ",")
                return Self.text(text, rows: rows)
            }
        }
        let stranger = try moved(to: "acct_intruder")
        #expect(
            stranger.problems.contains("edges.csv: row 1 names account acct_intruder, which is not a case account in the audit trail"),
            "\(stranger.problems)")
        let ghost = try moved(to: "ghost-account")
        #expect(
            ghost.problems.contains {
                $0.hasPrefix("edges.csv: row 1 (account ghost-account): accounts.csv says the account is not in the exported source")
            }, "\(ghost.problems)")
    }

    @Test func aRowMovedToAnotherAccountOrDroppedIsRefused() throws {
        let s = try Setup()
        let cells = Self.edgeCells(s)
        let accounts = try Self.accountRows(s)
        // An email_domain row given to another in-source case account with another domain.
        let r = try #require(cells.firstIndex { $0[2] == "email_domain" })
        let (owner, domain) = (cells[r][0], cells[r][3])
        let other = try #require(
            accounts.values.filter { $0[2] == "true" && $0[5] != domain && $0[0] > owner }.map { $0[0] }.sorted().first)
        let report = try s.verify("edges.csv") { text in
            var rows = Self.rows(text)
            rows[r] = ([other, Self.b64(other)] + cells[r].dropFirst(2)).joined(separator: ",")
            return Self.text(text, rows: rows)
        }
        #expect(
            report.problems.contains {
                $0.hasPrefix("edges.csv: row \(r + 1) (account \(other)): email_domain \(domain) is not the account's email_domain")
            }, "\(report.problems)")
        #expect(report.problems.contains { $0.hasPrefix("edges.csv: case account \(owner) lacks its row for email_domain \(domain)") })
        // Every row of a payment fingerprint the accounts share in accounts.csv dropped.
        let payment = try #require(cells.first { $0[2] == "payment" }?[3])
        let dropped = try s.verify("edges.csv") { text in
            Self.text(text, rows: Self.rows(text).filter { !$0.contains(",payment,\(payment),") })
        }
        let sharers = accounts.values.filter { $0[10] == payment }.map { $0[0] }.sorted()
        #expect(sharers.count >= 2)
        for id in sharers {
            #expect(
                dropped.problems.contains { $0.hasPrefix("edges.csv: case account \(id) lacks its row for payment \(payment), which") },
                "\(dropped.problems)")
        }
    }

    @Test func aValuesCountsOrWeightThatDoNotAddUpAreRefused() throws {
        let s = try Setup()
        let cells = Self.edgeCells(s)
        // One row of a subnet dropped: its rows no longer add up to its sharers.
        let subnet = try #require(cells.first { $0[2] == "subnet" })
        let fewer = try s.verify("edges.csv") { text in
            var rows = Self.rows(text)
            rows.removeAll { $0 == subnet.joined(separator: ",") }
            return Self.text(text, rows: rows)
        }
        #expect(
            fewer.problems.contains {
                $0.hasPrefix("edges.csv: subnet \(CSVTable.original(ofCell: subnet[3])) (row ")
                    && $0.hasSuffix("says \(subnet[6]) case accounts share it, \(Int(subnet[6])! - 1) rows name it")
            }, "\(fewer.problems)")
        // A payment made to weigh more on every row.
        let payment = try #require(cells.first { $0[2] == "payment" })
        let heavier = try s.verify("edges.csv") {
            $0.replacingOccurrences(
                of: ",payment,\(payment[3]),\(payment[4]),\(payment[5]),", with: ",payment,\(payment[3]),\(payment[4]),1,")
        }
        #expect(
            heavier.problems.contains {
                $0.hasPrefix("edges.csv: payment \(CSVTable.original(ofCell: payment[3])) (row ") && $0.contains("weighs 1, the link strength of a payment shared by")
            }, "\(heavier.problems)")
    }

    @Test func aGraphMLNotWrittenFromTheEdgesAndAccountsIsRefused() throws {
        let s = try Setup()
        let line = "<data key=\"n_id_b64\">\(Self.b64(s.id))</data>"
        let stranger = try s.verify("graph.graphml") {
            $0.replacingOccurrences(of: line, with: "<data key=\"n_id_b64\">\(Self.b64("acct_intruder"))</data>")
        }
        #expect(
            stranger.problems.contains {
                $0.hasPrefix("graph.graphml: line ")
                    && $0.hasSuffix("names account acct_intruder, which is not a case account in the audit trail")
            },
            "\(stranger.problems)")
        // The account's tags said otherwise in the graph only.
        let retagged = try s.verify("graph.graphml") { text in
            text.components(separatedBy: "\n").map { l in
                l.contains(line)
                    ? l.replacingOccurrences(of: "<data key=\"n_tags\">ring-member</data>", with: "<data key=\"n_tags\">benign</data>") : l
            }.joined(separator: "\n")
        }
        #expect(
            retagged.problems.contains {
                $0.hasPrefix("graph.graphml: line ")
                    && $0.hasSuffix("(account \(s.id)) is not what the exporter writes from accounts.csv and edges.csv")
            }, "\(retagged.problems)")
        // An edge dropped.
        let unlinked = try s.verify("graph.graphml") { text in
            var lines = text.components(separatedBy: "\n")
            lines.remove(at: lines.firstIndex { $0.hasPrefix("<edge ") }!)
            return lines.joined(separator: "\n")
        }
        #expect(
            unlinked.problems.contains {
                $0.hasPrefix("graph.graphml: line ") && $0.hasSuffix("is not what the exporter writes from accounts.csv and edges.csv")
            },
            "\(unlinked.problems)")
    }
}
