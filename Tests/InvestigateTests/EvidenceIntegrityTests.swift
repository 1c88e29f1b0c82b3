import Foundation
import Testing
@testable import Investigate

/// Four evidence-integrity defects a trial found in bundles (session 39): a benign account in the
/// STIX `suspicious-activity` grouping, a lenient load's skipped rows unrecorded, a retraction
/// forgotten once the tag came back, and look-alike account ids exported unwarned.
@Suite struct EvidenceIntegrityTests {
    /// A synthetic source (its queries edited by `editQueries` first), a case, a store and a key.
    struct Fixture {
        let dir = casesTempDir()
        let inv: Investigation
        let store: CaseStore
        let caseID: String
        let key: Curve25519SigningKey

        init(editQueries: ((String) -> String)? = nil) throws {
            _ = try SyntheticSource(accounts: 300, seed: 7).write(to: dir + "/src")
            if let editQueries {
                let path = dir + "/src/queries.jsonl"
                let text = try String(contentsOfFile: path, encoding: .utf8)
                try editQueries(text).write(toFile: path, atomically: true, encoding: .utf8)
            }
            inv = try Investigation.open(dir + "/src")
            store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
            caseID = try store.createCase(title: "evidence", source: CaseSource(files: inv.data.files)).id
            key = try BundleKeys.signingKey(path: dir + "/cfg/signing.key")
        }

        var top: Cluster { inv.clusters[0] }
        func id(_ account: Int32) -> ExactText { inv.data.accountExactID(Int(account)) }

        func tagTop(_ label: String = "ring-member") throws {
            let made = CaseSource(files: inv.data.files)
            try store.tagCluster(
                caseID: caseID, label: label, cluster: top.id, members: top.members.map(id),
                context: ClusterTagSources.context(madeOn: made, via: "console"))
        }

        /// An account of the source in no tagged cluster.
        var outsider: ExactText {
            let inTop = Set(top.members)
            return id(Int32((0..<inv.data.accounts.count).first { !inTop.contains(Int32($0)) }!))
        }

        func export(_ out: String = "b.zip") throws -> (CaseExporter.Result, [String: [UInt8]]) {
            let result = try CaseExporter(store: store, signingKey: key, redactor: nil)
                .export(caseID: caseID, investigation: inv, to: dir + "/" + out)
            return (result, try BundleVerifier.read(dir + "/" + out))
        }

        var trust: BundleTrust { BundleTrust(trusting: key.publicKey, reason: "the fixture's key") }

        func verify(_ path: String) throws -> BundleVerifier.Report { try BundleVerifier.verify(path: path, trust: trust) }

        /// The report on `files` with `name` replaced, re-signed by the fixture's key.
        func verifyChanged(_ files: [String: [UInt8]], _ name: String, _ bytes: [UInt8]) throws -> BundleVerifier.Report {
            let changed = try VerifyFixture.changed(files, name, to: bytes, by: key)
            let path = dir + "/t-\(UUID().uuidString).zip"
            try Data(TestZip(files: changed).bytes()).write(to: URL(fileURLWithPath: path))
            return try verify(path)
        }
    }

    static func text(_ bytes: [UInt8]?) -> String { String(decoding: bytes ?? [], as: UTF8.self) }

    // MARK: 1. STIX: a cleared account is not suspicious activity

    @Test func aBenignAccountIsNotInTheSuspiciousActivityGroupingAndVerifyHoldsIt() throws {
        let f = try Fixture()
        try f.tagTop()
        let benign = f.outsider
        try f.store.tag(caseID: f.caseID, label: "benign", kind: .account, targets: [benign])
        let (_, files) = try f.export()
        let stix = try JSONValue.parse(files["stix21.json"]!)
        let objects = try #require(stix["objects"]?.arrayValue)
        let ref = try #require(objects.first { $0["type"] == "user-account" && $0["user_id"] == benign.jsonValue }?["id"])
        let groupings = objects.filter { $0["type"] == "grouping" }
        let suspicious = try #require(groupings.first { $0["context"] == "suspicious-activity" })
        let cleared = try #require(groupings.first { $0["context"] == "unspecified" })
        let suspiciousRefs = suspicious["object_refs"]?.arrayValue ?? []
        let clearedRefs = cleared["object_refs"]?.arrayValue ?? []
        #expect(suspiciousRefs.contains(ref) == false)
        #expect(clearedRefs.contains(ref))
        #expect(cleared["labels"] == ["no-action", "cleared"])
        // A note says what the case concluded, naming the account and the reason.
        let note = try #require(objects.first { $0["type"] == "note" && ($0["object_refs"]?.arrayValue ?? []).contains(ref) })
        #expect(note["content"]?.stringValue?.contains("marked benign") == true)
        // A ring member stays in the suspicious grouping.
        let member = f.id(f.top.members[0])
        let memberRef = try #require(objects.first { $0["type"] == "user-account" && $0["user_id"] == member.jsonValue }?["id"])
        #expect(suspiciousRefs.contains(memberRef))

        let report = try f.verify(f.dir + "/b.zip")
        #expect(report.ok, "\(report.problems)")
        // The benign account moved into the suspicious grouping, re-signed: refused.
        let moved = objects.map { object -> JSONValue in
            guard object["type"] == "grouping", case .object(var m) = object, case .array(let refs)? = m["object_refs"] else { return object }
            m["object_refs"] = .array(object["context"] == "suspicious-activity" ? refs + [ref] : refs.filter { $0 != ref })
            return .object(m)
        }
        guard case .object(var bundle) = stix else { return }
        bundle["objects"] = .array(moved)
        let tampered = try f.verifyChanged(files, "stix21.json", Array((JSONValue.object(bundle).canonical + "\n").utf8))
        #expect(!tampered.ok)
        #expect(tampered.problems.contains { $0.hasPrefix("stix21.json: ") }, "\(tampered.problems)")
    }

    /// A format 4 bundle (no load record, no Evidence checks section, every account in the one
    /// grouping) still verifies under format 5's rules; a format 5 manifest without its load
    /// record does not.
    @Test func aFormat4BundleStillVerifiesAndAFormat5OneMustRecordItsLoad() throws {
        let f = try Fixture()
        try f.tagTop()
        let (_, files) = try f.export()
        guard case .object(var manifest) = try JSONValue.parse(files["manifest.json"]!),
            case .object(var source) = manifest["source"]!, case .object(var caseJSON) = try JSONValue.parse(files["case.json"]!)
        else { return }
        source["load"] = nil
        manifest["source"] = .object(source)
        var old = files
        old["manifest.json"] = Array((JSONValue.object(manifest).canonical + "\n").utf8)
        let unrecorded = try f.verifyChanged(old, "case.json", files["case.json"]!)
        #expect(unrecorded.problems.contains { $0.hasPrefix("manifest.json: source.load is missing") }, "\(unrecorded.problems)")
        manifest["format"] = ["name": .string(BundleManifest.formatName), "version": 4]
        old["manifest.json"] = Array((JSONValue.object(manifest).canonical + "\n").utf8)
        caseJSON["source_load"] = nil
        caseJSON["reasserted_tags"] = nil
        old = try VerifyFixture.changed(old, "case.json", to: Array((JSONValue.object(caseJSON).canonical + "\n").utf8), by: f.key)
        var page = Self.text(files["report.html"])
        let start = try #require(page.range(of: ReportEvidenceChecks.open))
        let end = try #require(page.range(of: "</section>\n", range: start.upperBound..<page.endIndex))
        page.removeSubrange(start.lowerBound..<end.upperBound)
        let report = try f.verifyChanged(old, "report.html", Array(page.utf8))
        #expect(report.ok, "\(report.problems)")
        #expect(report.sourceLoad == nil)
    }

    // MARK: 2. What the load skipped is in the bundle

    @Test func rowsTheLoadSkippedAreRecordedSignedInTheManifestCaseJSONAndReport() throws {
        var broken = 0
        let f = try Fixture { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                guard broken < 7, line.contains("\"ts\":\"2026-") else { return String(line) }
                broken += 1
                return line.replacingOccurrences(of: "\"ts\":\"2026-", with: "\"ts\":\"2026/")
            }.joined(separator: "\n")
        }
        #expect(f.inv.data.report.skippedCount == 7)
        try f.tagTop()
        let (result, files) = try f.export()
        let manifest = try JSONValue.parse(files["manifest.json"]!)
        let load = try #require(manifest["source"]?["load"])
        #expect(load["skipped_rows"] == .int(7))
        #expect(load["skipped_by_file"]?.arrayValue?.first?["file"] == "queries.jsonl")
        #expect(load["skipped_by_file"]?.arrayValue?.first?["rows"] == .int(7))
        #expect(try JSONValue.parse(files["case.json"]!)["source_load"] == load)
        let page = Self.text(files["report.html"])
        #expect(page.contains("<section id=\"evidence\">"))
        #expect(page.contains("the source&#39;s load skipped 7 rows (queries.jsonl 7)") || page.contains("the source's load skipped 7 rows (queries.jsonl 7)"))
        #expect(result.warnings.contains { $0.hasPrefix("the source's load skipped 7 rows") })
        let report = try f.verify(f.dir + "/b.zip")
        #expect(report.ok, "\(report.problems)")
        #expect(report.sourceLoad?.contains("skipped 7 rows") == true)
        // case.json saying the load was clean, re-signed: refused.
        let clean = Self.text(files["case.json"]).replacingOccurrences(of: "\"skipped_rows\":7", with: "\"skipped_rows\":0")
        let tampered = try f.verifyChanged(files, "case.json", Array(clean.utf8))
        #expect(tampered.problems.contains("case.json: source_load is not what the manifest's source.load records of the export's load"))
    }

    @Test func aCleanLoadRecordsZeroSkipped() throws {
        let f = try Fixture()
        try f.tagTop()
        let (_, files) = try f.export()
        let manifest = try JSONValue.parse(files["manifest.json"]!)
        #expect(manifest["source"]?["load"]?["skipped_rows"] == .int(0))
        #expect(Self.text(files["report.html"]).contains("skipped 0 rows"))
        #expect(try f.verify(f.dir + "/b.zip").sourceLoad?.hasPrefix("at export, the source's load skipped 0 rows") == true)
    }

    // MARK: 3. A retraction stays in view after the tag returns

    @Test func aRetractionAndItsReasonStayInViewWhenTheClusterIsTaggedAgain() throws {
        let f = try Fixture()
        try f.tagTop()
        let a = f.id(f.top.members[0])
        try f.store.untag(caseID: f.caseID, label: "ring-member", kind: .account, targets: [a], reason: "false positive: verified customer")
        try f.tagTop()
        let snapshot = try f.store.snapshot(caseID: f.caseID)
        #expect(snapshot.retractedTags.isEmpty)
        let history = CaseTagHistory.reasserted(snapshot)
        #expect(history.count == 1)
        #expect(history.first?.tag.target == a)
        #expect(history.first?.retractions.map(\.reason) == ["false positive: verified customer"])
        #expect(CaseTagHistory.describe(history[0].retractions).contains("false positive: verified customer"))
        let (_, files) = try f.export()
        let caseJSON = try JSONValue.parse(files["case.json"]!)
        let reasserted = try #require(caseJSON["reasserted_tags"]?.arrayValue)
        #expect(reasserted.count == 1)
        #expect(reasserted.first?["earlier_retractions"]?.arrayValue?.first?["reason"] == "false positive: verified customer")
        #expect(Self.text(files["report.html"]).contains("false positive: verified customer; tagged again later"))
        let report = try f.verify(f.dir + "/b.zip")
        #expect(report.ok, "\(report.problems)")
        // case.json without the history, re-signed: refused.
        guard case .object(var m) = caseJSON else { return }
        m["reasserted_tags"] = .array([])
        let tampered = try f.verifyChanged(files, "case.json", Array((JSONValue.object(m).canonical + "\n").utf8))
        #expect(!tampered.ok)
    }

    // MARK: 4. Look-alike account ids

    @Test func idsThatReadAlikeAreGrouped() {
        let nfc = ExactText("acct_caf\u{E9}"), nfd = ExactText("acct_cafe\u{301}")
        #expect(nfc != nfd)
        #expect(AccountIDLookAlikes.groups([nfc, nfd, ExactText("acct_cafe")]) == [[nfc, nfd].sorted()])
        let cyrillic = ExactText("acct_\u{410}"), latin = ExactText("acct_A")
        #expect(AccountIDLookAlikes.groups([cyrillic, latin]) == [[cyrillic, latin].sorted()])
        #expect(AccountIDLookAlikes.groups([ExactText("acct_a"), ExactText("acct_A")]).isEmpty)
        #expect(AccountIDLookAlikes.groups([ExactText("acct_x"), ExactText("acct_\u{200B}x")]).count == 1)
        #expect(AccountIDLookAlikes.groups([ExactText(bytes: [0x61, 0xFF]), ExactText(bytes: [0x61, 0xFE])]).isEmpty)
    }

    @Test func theExportWarnsOfLookAlikeCaseAccountsNamingBothEscaped() throws {
        let f = try Fixture()
        try f.tagTop()
        let nfc = ExactText("acct_caf\u{E9}"), nfd = ExactText("acct_cafe\u{301}")
        try f.store.tag(caseID: f.caseID, label: "benign", kind: .account, targets: [nfc])
        try f.store.tag(caseID: f.caseID, label: "ring-member", kind: .account, targets: [nfd])
        let (result, files) = try f.export()
        let warning = try #require(result.warnings.first { $0.contains("read as the same text") })
        #expect(warning.contains("acct_caf\u{E9} (base64 \(nfc.base64), action none)"))
        #expect(warning.contains("acct_cafe\\u{301} (base64 \(nfd.base64), action review)"))
        let page = Self.text(files["report.html"])
        #expect(page.contains("Look-alike account ids"))
        #expect(page.contains("acct_cafe\\u{301}"))
        let report = try f.verify(f.dir + "/b.zip")
        #expect(report.ok, "\(report.problems)")
        // The report's look-alike warning removed, re-signed: refused.
        let quiet = page.replacingOccurrences(of: "Look-alike account ids", with: "Account ids")
        let tampered = try f.verifyChanged(files, "report.html", Array(quiet.utf8))
        #expect(tampered.problems.contains { $0.hasPrefix("report.html: the Evidence checks section") }, "\(tampered.problems)")
    }
}
