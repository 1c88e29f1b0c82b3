import Foundation
import Testing
@testable import Investigate

/// `verify` holds every file that names the case's accounts or actions to the state the audit
/// trail replays to: a trial re-signed bundles (with a key the verifier trusts) whose
/// `accounts.csv` renamed a tagged account, whose `enforcement.csv` turned `suspend` into
/// `none`, whose `queries.jsonl` held a stranger's row, and all verified.
@Suite struct BundleCrossCheckTests {
    /// The fixture, its signing key (trusted), and an account the case tags `ring-member` that
    /// is in the source (its enforcement row says `suspend`).
    struct Setup {
        let f: VerifyFixture
        let key: Curve25519SigningKey
        let id: String

        init() throws {
            f = try VerifyFixture.make()
            key = try BundleKeys.signingKey(path: f.keyPath)
            let table = try BundleCSVRows(f.files["enforcement.csv"]!, header: AccountsCSVFile.enforcementHeader, file: "e")
            id = try #require(table.rows.first { $0[2] == "suspend" && !$0[0].hasPrefix("'") }?[0])
        }

        /// The report on the bundle with `name`'s text edited, re-signed by the trusted key.
        func verify(_ name: String, _ edit: (String) -> String) throws -> BundleVerifier.Report {
            let before = String(decoding: f.files[name]!, as: UTF8.self)
            let after = edit(before)
            #expect(after != before, "the edit of \(name) changed nothing")
            let files = try VerifyFixture.changed(f.files, name, to: Array(after.utf8), by: key)
            return try f.verify(TestZip(files: files))
        }

        /// The report on the bundle with a JSON object file's members edited.
        func verifyJSON(_ name: String, _ edit: (inout [String: JSONValue]) -> Void) throws -> BundleVerifier.Report {
            try verify(name) { text in
                guard case .object(var members) = try? JSONValue.parse(text) else { return text }
                edit(&members)
                return JSONValue.object(members).canonical + "\n"
            }
        }
    }

    static func b64(_ s: String) -> String { ExactText(s).base64 }

    @Test func anUntamperedBundleVerifiesWithEveryFileHeldToTheTrail() throws {
        let s = try Setup()
        for path in [s.f.dir + "/good.zip", s.f.dir + "/folder"] {
            let report = try BundleVerifier.verify(path: path, trust: s.f.trust)
            #expect(report.ok, "\(report.problems)")
            for file in ["accounts.csv", "case.json", "enforcement.csv", "queries.jsonl", "stix21.json", "report.html"] {
                #expect(report.passed.contains { $0.hasPrefix(file + ": ") && !$0.hasSuffix("sha256 ok") }, "\(file)")
            }
        }
    }

    @Test func accountsRenamedInTheCSVFilesAreRefused() throws {
        let s = try Setup()
        let upper = s.id.uppercased()
        for file in ["accounts.csv", "enforcement.csv"] {
            let report = try s.verify(file) {
                $0.replacingOccurrences(of: "\r\n\(s.id),\(Self.b64(s.id)),", with: "\r\n\(upper),\(Self.b64(upper)),")
            }
            #expect(!report.ok)
            #expect(
                report.problems.contains {
                    $0.hasPrefix("\(file): row ") && $0.contains("names account \(upper), which is not a case account")
                })
            #expect(report.problems.contains("\(file): case account \(s.id) is missing (the audit trail tags it)"))
        }
        // A look-alike with a zero-width space, named escaped.
        let lookAlike = s.id.prefix(2) + "\u{200B}" + s.id.dropFirst(2)
        let report = try s.verify("accounts.csv") {
            $0.replacingOccurrences(of: "\r\n\(s.id),\(Self.b64(s.id)),", with: "\r\n\(lookAlike),\(Self.b64(String(lookAlike))),")
        }
        #expect(report.problems.contains { $0.hasPrefix("accounts.csv: row ") && $0.contains(ExactText(String(lookAlike)).display) })
        #expect(!report.problems.joined().contains("\u{200B}"))
    }

    @Test func anEnforcementActionTheRuleDoesNotGiveIsRefused() throws {
        let s = try Setup()
        let report = try s.verify("enforcement.csv") {
            $0.replacingOccurrences(of: "\r\n\(s.id),\(Self.b64(s.id)),suspend,", with: "\r\n\(s.id),\(Self.b64(s.id)),none,")
        }
        #expect(
            report.problems.contains {
                $0.hasPrefix("enforcement.csv: row ")
                    && $0.contains("(account \(s.id)): proposed action is 'none', the replayed case gives 'suspend'")
            }, "\(report.problems)")
    }

    @Test func aQueryRowOfAnotherAccountIsRefused() throws {
        let s = try Setup()
        let report = try s.verify("queries.jsonl") { $0 + "{\"account_id\":\"acct_intruder\",\"prompt\":\"x\"}\n" }
        #expect(
            report.problems.contains {
                $0.hasPrefix("queries.jsonl: row ") && $0.contains("names account acct_intruder, which is not a case account")
            })
        let twice = try s.verify("queries.jsonl") { $0 + "{\"account_id\":\"\(s.id)\",\"account\\u005fid\":\"acct_intruder\"}\n" }
        #expect(twice.problems.contains { $0.hasPrefix("queries.jsonl: row ") && $0.hasSuffix("has 2 account_id members") })
    }

    @Test func aRenamedAccountInSTIXOrTheReportIsRefused() throws {
        let s = try Setup()
        let stix = try s.verify("stix21.json") { $0.replacingOccurrences(of: "\"user_id\":\"\(s.id)\"", with: "\"user_id\":\"\(s.id)x\"") }
        #expect(stix.problems.contains { $0.hasPrefix("stix21.json: object ") && $0.contains("names account \(s.id)x") })
        #expect(stix.problems.contains("stix21.json: case account \(s.id) is missing (the audit trail tags it)"))
        let report = try s.verify("report.html") {
            $0.replacingOccurrences(of: "font-size=\"12\">\(s.id)</text>", with: "font-size=\"12\">\(s.id)x</text>")
        }
        #expect(
            report.problems.contains { $0.hasPrefix("report.html: graph label ") && $0.contains("names account \(s.id)x") },
            "\(report.problems)")
        let title = try s.verify("report.html") { $0.replacingOccurrences(of: "<h1>Case ", with: "<h1>Case (closed) ") }
        #expect(title.problems.contains("report.html: its heading does not name the case id and title the audit trail records"))
    }

    @Test func aCaseRecordWithAnExtraKeyOrItsMissingAccountsDroppedIsRefused() throws {
        let s = try Setup()
        let extra = try s.verifyJSON("case.json") { $0["approved_by"] = "legal" }
        #expect(extra.problems.contains("case.json: holds 'approved_by', which the exporter does not write"), "\(extra.problems)")
        let emptied = try s.verifyJSON("case.json") { $0["accounts_not_in_source"] = .array([]) }
        #expect(
            emptied.problems.contains {
                $0.hasPrefix("case.json: accounts_not_in_source lists 0 accounts, accounts.csv marks 1 not in the source")
            }, "\(emptied.problems)")
    }

    @Test func aManifestTitleOrInvestigatorTheCaseDoesNotHaveIsRefused() throws {
        let s = try Setup()
        let title = try s.verifyJSON("manifest.json") { $0["title"] = "Nothing to see" }
        #expect(
            title.problems.contains { $0.hasPrefix("manifest.json: title 'Nothing to see' is not the case title the audit trail records") })
        let investigator = try s.verifyJSON("manifest.json") { $0["investigator"] = "someone else" }
        #expect(
            investigator.problems.contains { $0.hasPrefix("stix21.json: identity ") && $0.contains("someone else") },
            "\(investigator.problems)")
        // A member the exporter never writes is a claim no export made (a trial's `x_approved`).
        let extra = try s.verifyJSON("manifest.json") { $0["x_approved"] = .bool(true) }
        #expect(extra.problems.contains("manifest.json: holds 'x_approved', which the exporter does not write"), "\(extra.problems)")
    }
}
