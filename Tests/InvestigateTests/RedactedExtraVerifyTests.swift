import Foundation
import Testing
@testable import Investigate

/// `verify` holds a bundle whose manifest lists `extra` as redacted to it: every extra value in
/// `queries.jsonl` and `accounts.csv` must be an `extra-<20 hex>` pseudonym (or null, or ""),
/// and with `extra_key` listed every key name a `field-<20 hex>` one, the failure naming file,
/// row and key path. And a nested number is pseudonymised by its text as
/// the source wrote it, as a top-level one is (`1.50` and `1.5` are two values).
@Suite struct RedactedExtraVerifyTests {
    /// Exports the case of `acct_a` from `queries` (and RedactExtraFieldsTests' accounts), with
    /// one pseudonym key; returns the bundle's files and the signing key.
    static func export(_ queries: String = RedactExtraFieldsTests.queries, redact: Bool = true) throws -> (
        [String: [UInt8]], Curve25519SigningKey, (String) -> String
    ) {
        let source = try TempSource(["queries.jsonl": queries, "accounts.csv": RedactExtraFieldsTests.accounts])
        let inv = try Investigation.open(source.directory)
        let dir = casesTempDir()
        let store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
        let id = try store.createCase(title: "extras").id
        try store.tag(caseID: id, label: "needs-review", kind: .account, targets: [ExactText("acct_a")])
        let key = try BundleKeys.signingKey(path: dir + "/cfg/signing.key")
        let redactor = redact ? Redactor(key: try BundleKeys.pseudonymKey(path: dir + "/cfg/pseudonym.key")) : nil
        _ = try CaseExporter(store: store, signingKey: key, redactor: redactor).export(caseID: id, investigation: inv, to: dir + "/b")
        return (try BundleVerifier.read(dir + "/b"), key, { name in redactor?.extraKey(name) ?? name })
    }

    static func verify(_ files: [String: [UInt8]], _ key: Curve25519SigningKey) -> BundleVerifier.Report {
        BundleVerifier.verify(files: files, trust: BundleTrust(trusting: key.publicKey, reason: "test"))
    }

    /// `files` with the first `extra-` pseudonym of `name` that follows `after` replaced by
    /// `clear` (the quotes around the pseudonym included: in accounts.csv, the inner ones of
    /// doubled pairs), the manifest fixed and re-signed (so only the pseudonym check can catch it).
    static func replaced(
        _ files: [String: [UInt8]], _ name: String, after: String, with clear: String, _ key: Curve25519SigningKey
    ) throws -> [String: [UInt8]] {
        let text = String(decoding: files[name]!, as: UTF8.self)
        let start = try #require(text.range(of: after))
        let range = try #require(text.range(of: "\"extra-[0-9a-f]{20}\"", options: .regularExpression, range: start.upperBound..<text.endIndex))
        return try VerifyFixture.changed(files, name, to: Array(text.replacingCharacters(in: range, with: clear).utf8), by: key)
    }

    @Test func theRedactedExportVerifiesAndItsExtrasArePseudonyms() throws {
        let (files, key, _) = try Self.export()
        let report = Self.verify(files, key)
        #expect(report.ok, "\(report.problems)")
        #expect(ExtraPseudonymCheck.isPseudonym("extra-0123456789abcdef0123"))
        #expect(!ExtraPseudonymCheck.isPseudonym("extra-0123456789ABCDEF0123"))
        #expect(!ExtraPseudonymCheck.isPseudonym("extra-0123456789abcdef012"))
        #expect(!ExtraPseudonymCheck.isPseudonym("prompt-0123456789abcdef0123"))
    }

    @Test func aClearQueryExtraFailsNamingFileRowAndKey() throws {
        let (files, key, k) = try Self.export()
        let email = try Self.replaced(files, "queries.jsonl", after: "\"\(k("user_email"))\":", with: "\"jane.doe@corp.example\"", key)
        let report = Self.verify(email, key)
        #expect(!report.ok)
        #expect(
            report.problems.contains { $0.hasPrefix("queries.jsonl: row 1 extra.\(k("user_email")) is not a pseudonym extra-<20 hex>, yet") },
            "\(report.problems)")
        // The value itself is never shown.
        #expect(!report.problems.contains { $0.contains("jane.doe") })
        // A number in clear, deep in an array.
        let number = try Self.replaced(files, "queries.jsonl", after: "\"\(k("n"))\":", with: "7", key)
        #expect(
            Self.verify(number, key).problems.contains {
                $0.hasPrefix("queries.jsonl: row 1 extra.\(k("messages"))[0].\(k("n")) is not a pseudonym")
            })
    }

    @Test func aClearAccountExtraFailsNamingFileRowAndKey() throws {
        let (files, key, k) = try Self.export()
        let changed = try Self.replaced(files, "accounts.csv", after: k("billing_email"), with: "\"jane.billing@corp.example\"", key)
        let report = Self.verify(changed, key)
        #expect(!report.ok)
        #expect(
            report.problems.contains { $0.hasPrefix("accounts.csv: row 1 (account acct_a) extra.\(k("billing_email")) is not a pseudonym") },
            "\(report.problems)")
    }

    @Test func anUnredactedBundleWithClearExtrasVerifies() throws {
        let (files, key, _) = try Self.export(redact: false)
        #expect(String(decoding: files["queries.jsonl"]!, as: UTF8.self).contains("jane.doe@corp.example"))
        let report = Self.verify(files, key)
        #expect(report.ok, "\(report.problems)")
    }

    /// A redacted manifest that does not list `extra` (bundles before extras were redacted) asks
    /// nothing of them.
    @Test func aManifestThatDoesNotListExtraIsNotHeldToIt() throws {
        let (files, key, k) = try Self.export()
        let clear = try Self.replaced(files, "queries.jsonl", after: "\"\(k("user_email"))\":", with: "\"jane.doe@corp.example\"", key)
        guard case .object(var manifest) = try JSONValue.parse(clear["manifest.json"]!), case .object(var redaction)? = manifest["redaction"]
        else { return }
        redaction["fields"] = ["prompt", "email", "payment_fingerprint"]
        manifest["redaction"] = .object(redaction)
        let older = try VerifyFixture.changed(clear, "manifest.json", to: Array((JSONValue.object(manifest).canonical + "\n").utf8), by: key)
        let report = Self.verify(older, key)
        #expect(report.ok, "\(report.problems)")
    }

    // MARK: key names

    /// A key name in clear fails where the manifest lists `extra_key`; a manifest listing only
    /// `extra` (an export before key names were pseudonymised) asks it of values alone.
    @Test func aClearKeyNameFailsWhereTheManifestListsExtraKey() throws {
        let (files, key, k) = try Self.export()
        let text = String(decoding: files["queries.jsonl"]!, as: UTF8.self)
        #expect(!text.contains("user_email") && !text.contains("messages"))
        let clear = try VerifyFixture.changed(
            files, "queries.jsonl", to: Array(text.replacingOccurrences(of: k("user_email"), with: "user_email").utf8), by: key)
        let report = Self.verify(clear, key)
        #expect(!report.ok)
        #expect(
            report.problems.contains { $0.hasPrefix("queries.jsonl: row 1 extra has a key name that is not a pseudonym field-<20 hex>") },
            "\(report.problems)")
        guard case .object(var manifest) = try JSONValue.parse(clear["manifest.json"]!), case .object(var redaction)? = manifest["redaction"]
        else { return }
        #expect(redaction["fields"]?.arrayValue?.contains("extra_key") == true)
        redaction["fields"] = ["prompt", "email", "payment_fingerprint", "extra"]
        manifest["redaction"] = .object(redaction)
        let older = try VerifyFixture.changed(clear, "manifest.json", to: Array((JSONValue.object(manifest).canonical + "\n").utf8), by: key)
        #expect(Self.verify(older, key).ok, "\(Self.verify(older, key).problems)")
    }

    // MARK: nested numbers keep their source text

    @Test func nestedDecimalsSpelledDifferentlyGetDifferentPseudonyms() throws {
        let queries =
            "{\"ts\":\"2026-01-01T00:00:00Z\",\"account_id\":\"acct_a\",\"model\":\"m-1\",\"x\":{\"a\":1.50},\"y\":1.50}\n"
            + "{\"ts\":\"2026-01-01T00:01:00Z\",\"account_id\":\"acct_a\",\"model\":\"m-1\",\"x\":{\"a\":1.5},\"y\":1.5}\n"
        let (files, key, k) = try Self.export(queries)
        let rows = try String(decoding: files["queries.jsonl"]!, as: UTF8.self).split(separator: "\n").map { try JSONValue.parse(String($0)) }
        #expect(rows.count == 2)
        let a150 = try #require(rows[0]["extra"]?[k("x")]?[k("a")]), a15 = try #require(rows[1]["extra"]?[k("x")]?[k("a")])
        #expect(ExtraPseudonymCheck.isPseudonym(a150.stringValue ?? ""))
        #expect(a150 != a15)
        // Nested as at the top level: the same bytes give the same pseudonym.
        #expect(a150 == rows[0]["extra"]?[k("y")])
        #expect(a15 == rows[1]["extra"]?[k("y")])
        #expect(Self.verify(files, key).ok)
        // Unredacted, the nested number is written as the source spelled it.
        let (exact, _, _) = try Self.export(queries, redact: false)
        #expect(String(decoding: exact["queries.jsonl"]!, as: UTF8.self).contains("\"x\":{\"a\":1.50}"))
    }

    @Test func theRedactorHashesANestedNumberByItsText() throws {
        let redactor = Redactor(key: try BundleKeys.pseudonymKey(path: casesTempDir() + "/pseudonym.key"))
        let nested = { (text: String) in redactor.extra(ExactText("{\"a\":\(text)}"), isRaw: true)[redactor.extraKey("a")] }
        #expect(nested("1.50") != nested("1.5"))
        #expect(nested("1.50") == redactor.extra(ExactText("1.50"), isRaw: true))
        #expect(nested("-0") != nested("0"))
        #expect(nested("10") == .string(redactor.pseudonym(Redactor.extraKind, "10")))
        #expect(nested("1e2") != nested("100"))
    }
}

/// The fast path of the pseudonym check agrees with the full read wherever it accepts.
@Suite struct ExtraPseudonymFastPathTests {
    static let v = "\"extra-0123456789abcdef0123\"", k = "\"field-0123456789abcdef0123\"", k2 = "\"field-0123456789abcdef0124\""

    @Test(arguments: [
        ("{\(k):\(v)}", true), ("{\(k):[{\(k):\(v),\(k2):null}],\(k2):\"\"}", true), ("{\"\":\(v)}", true), (" {}", true),
        ("{\(k):\"jane\"}", false), ("{\"user_email\":\(v)}", false), ("{\(k):7}", false), ("{\(k):true}", false),
        ("{\(v):\(v)}", false), ("{\(k):\(k)}", false), ("[\(v)]", false), ("{\(k):\"extra-0123456789ABCDEF0123\"}", false),
        ("{\(k):\"extra-0123456789abcdef012\\u0033\"}", false), ("{\(k):\"extra-0123456789abcdef01234\"}", false),
    ])
    func fastPath(_ text: String, _ accepted: Bool) throws {
        let bytes = Array(text.utf8)
        #expect(ExtraPseudonymCheck.isPlainlyRedacted(bytes) == accepted)
        if accepted {
            #expect(ExtraPseudonymCheck.firstClear(ofExtraObject: try JSONValue.parse(bytes), keys: true) == nil)
        }
    }

    /// A pseudonym written with an escape is refused by the fast path and passes the full read.
    @Test func anEscapedPseudonymFallsBackToTheFullRead() throws {
        let bytes = Array("{\(Self.k):\"extra-0123456789abcdef012\\u0033\"}".utf8)
        #expect(!ExtraPseudonymCheck.isPlainlyRedacted(bytes))
        #expect(ExtraPseudonymCheck.firstClear(ofExtraObject: try JSONValue.parse(bytes), keys: true) == nil)
    }
}
