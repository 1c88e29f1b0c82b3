import Foundation
import Testing
@testable import Investigate

/// `--redact` pseudonymised only `prompt`, `email` and `payment_fingerprint`: the same text under
/// other names (a query row's `messages` content, a `user_email` key, an accounts.csv
/// `billing_email` column) travelled in clear in the "redacted" bundle. Every value of an extra
/// field is now its `extra-` pseudonym, nested leaves too, and every key name its `field-`
/// pseudonym (session 40); the known fields stay.
@Suite struct RedactExtraFieldsTests {
    static let queries =
        "{\"ts\":\"2026-01-01T00:00:00Z\",\"account_id\":\"acct_a\",\"model\":\"m-1\",\"input_tokens\":12,\"prompt\":\"my private question\","
        + "\"messages\":[{\"role\":\"user\",\"content\":\"my private question\",\"n\":7,\"ok\":true,\"gone\":null}],"
        + "\"user_email\":\"jane.doe@corp.example\",\"seq\":42,\"note\":\"\"}\n"
        + "{\"ts\":\"2026-01-01T00:01:00Z\",\"account_id\":\"acct_a\",\"model\":\"m-1\",\"prompt\":\"second\","
        + "\"user_email\":\"jane.billing@corp.example\"}\n"
    static let accounts =
        "account_id,created_at,email,billing_email\nacct_a,2026-01-01T00:00:00Z,jane.doe@corp.example,jane.billing@corp.example\n"

    /// Exports the case of `acct_a`, redacted or not; returns the bundle's files and the signing key.
    static func export(redact: Bool) throws -> ([String: [UInt8]], Curve25519SigningKey) {
        let (files, key, _) = try exported(redact: redact)
        return (files, key)
    }

    /// `export`, with the redactor used (nil without `--redact`).
    static func exported(redact: Bool) throws -> ([String: [UInt8]], Curve25519SigningKey, Redactor?) {
        let source = try TempSource(["queries.jsonl": queries, "accounts.csv": accounts])
        let inv = try Investigation.open(source.directory)
        let dir = casesTempDir()
        let store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
        let id = try store.createCase(title: "extras").id
        try store.tag(caseID: id, label: "needs-review", kind: .account, targets: [ExactText("acct_a")])
        let key = try BundleKeys.signingKey(path: dir + "/cfg/signing.key")
        let redactor = redact ? Redactor(key: try BundleKeys.pseudonymKey(path: dir + "/cfg/pseudonym.key")) : nil
        _ = try CaseExporter(store: store, signingKey: key, redactor: redactor).export(caseID: id, investigation: inv, to: dir + "/b")
        return (try BundleVerifier.read(dir + "/b"), key, redactor)
    }

    static func rows(_ files: [String: [UInt8]]) throws -> [JSONValue] {
        try String(decoding: files["queries.jsonl"]!, as: UTF8.self).split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    static func isPseudonym(_ value: JSONValue?) -> Bool {
        guard let text = value?.stringValue, text.hasPrefix("extra-") else { return false }
        return text.count == 26 && text.dropFirst(6).allSatisfy { $0.isHexDigit }
    }

    @Test func noFileOfARedactedBundleCarriesExtraValuesInClear() throws {
        let (files, _) = try Self.export(redact: true)
        for (name, bytes) in files {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("private question"), "\(name)")
            #expect(!text.contains("jane."), "\(name)")
        }
    }

    @Test func extraLeavesArePseudonymsAtAnyDepthKeyNamesTooAndKnownFieldsKept() throws {
        let (files, key, redactor) = try Self.exported(redact: true)
        let k = { (name: String) in redactor!.extraKey(name) }
        let rows = try Self.rows(files)
        let first = try #require(rows.first { $0["extra"]?[k("seq")] != nil })
        let extra = try #require(first["extra"])
        #expect(extra["messages"] == nil && extra["seq"] == nil)
        #expect(k("seq").hasPrefix("field-") && k("seq").count == 26)
        let message = try #require(extra[k("messages")]?.arrayValue?.first)
        for leaf in ["role", "content", "n", "ok"] { #expect(Self.isPseudonym(message[k(leaf)]), "\(leaf)") }
        #expect(message[k("gone")] == .null)
        #expect(Self.isPseudonym(extra[k("user_email")]))
        #expect(Self.isPseudonym(extra[k("seq")]))
        #expect(extra[k("note")] == .string(""))
        // Known, non-identifying fields stay as the source wrote them.
        #expect(first["model"] == .string("m-1"))
        #expect(first["input_tokens"] == .int(12))
        #expect(first["ts"] == .string("2026-01-01T00:00:00Z"))
        #expect(first["prompt"]?.stringValue?.hasPrefix("prompt-") == true)
        // Equal values stay joinable: the second row's user_email is the account's billing_email.
        let second = try #require(rows.first { $0["extra"]?[k("seq")] == nil })
        let accounts = try BundleCSVRows(files["accounts.csv"]!, header: AccountsCSVFile.header, file: "a").rows
        let accountExtra = try JSONValue.parse(try #require(accounts.first?.last))
        #expect(accountExtra["billing_email"] == nil)
        #expect(Self.isPseudonym(accountExtra[k("billing_email")]))
        #expect(accountExtra[k("billing_email")] == second["extra"]?[k("user_email")])
        #expect(extra[k("user_email")] != second["extra"]?[k("user_email")])
        let report = BundleVerifier.verify(files: files, trust: BundleTrust(trusting: key.publicKey, reason: "test"))
        #expect(report.ok, "\(report.problems)")
    }

    @Test func verifyStillRefusesARedactedBundleWhoseExtraWasPutBackInClear() throws {
        var (files, key) = try Self.export(redact: true)
        let accounts = String(decoding: files["accounts.csv"]!, as: UTF8.self)
        let pseudonym = try #require(accounts.range(of: "extra-[0-9a-f]{20}", options: .regularExpression))
        files["accounts.csv"] = Array(accounts.replacingCharacters(in: pseudonym, with: "jane.billing@corp.example").utf8)
        let report = BundleVerifier.verify(files: files, trust: BundleTrust(trusting: key.publicKey, reason: "test"))
        #expect(!report.ok)
        #expect(report.problems.contains { $0.contains("accounts.csv") })
    }

    @Test func theManifestSaysEveryExtraFieldIsRedacted() throws {
        let (files, _) = try Self.export(redact: true)
        let manifest = try JSONValue.parse(files["manifest.json"]!)
        let redaction = try #require(manifest["redaction"])
        #expect(redaction["fields"]?.arrayValue?.contains(.string("extra")) == true)
        #expect(redaction["redacted"]?.stringValue?.contains("every extra field") == true)
    }

    @Test func anUnredactedBundleKeepsExtrasExact() throws {
        let (files, key) = try Self.export(redact: false)
        let rows = try Self.rows(files)
        let first = try #require(rows.first { $0["extra"]?["seq"] != nil })
        #expect(first["extra"]?["messages"]?.arrayValue?.first?["content"] == .string("my private question"))
        #expect(first["extra"]?["seq"] == .int(42))
        let manifest = try JSONValue.parse(files["manifest.json"]!)
        #expect(manifest["redaction"]?["profile"] == .string("none"))
        let report = BundleVerifier.verify(files: files, trust: BundleTrust(trusting: key.publicKey, reason: "test"))
        #expect(report.ok, "\(report.problems)")
    }
}
