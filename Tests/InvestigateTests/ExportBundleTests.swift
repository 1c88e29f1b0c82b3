import Foundation
import Testing
@testable import Investigate

/// A small synthetic source, a store with one tagged case, and a signing key, in a temp folder.
struct ExportFixture {
    let dir: String
    let store: CaseStore
    let investigation: Investigation
    let caseID: String
    let key: Curve25519SigningKey

    init(title: String = "Ring ../../../etc/passwd <script>alert(1)</script>") throws {
        dir = casesTempDir()
        _ = try SyntheticSource(accounts: 300, seed: 7).write(to: dir + "/src")
        let inv = try Investigation.open(dir + "/src")
        investigation = inv
        let cases = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
        store = cases
        let id = try cases.createCase(title: title).id
        caseID = id
        let top = inv.clusters[0]
        let members = top.members.map { inv.data.accountExactID(Int($0)) }
        // A cluster tag records the source it was made on (as the console and `case tag --cluster` do).
        let made = CaseSource(files: inv.data.files)
        try cases.tag(
            caseID: id, label: "ring-member", kind: .cluster, targets: [ExactText(top.id)],
            context: ClusterTagSources.context(madeOn: made, via: made.path))
        try cases.tag(caseID: id, label: "ring-member", kind: .account, targets: members)
        try cases.tag(caseID: id, label: "=HYPERLINK(\"http://x\")", kind: .account, targets: [members[0], ExactText("ghost-account")])
        try cases.addNote(caseID: id, text: "note with <b>markup</b> & \u{1b}[31mescape")
        key = try BundleKeys.signingKey(path: dir + "/cfg/signing.key")
    }

    func export(_ out: String, redact: Bool = false) throws -> CaseExporter.Result {
        let redactor = redact ? Redactor(key: try BundleKeys.pseudonymKey(path: dir + "/cfg/pseudonym.key")) : nil
        return try CaseExporter(store: store, signingKey: key, redactor: redactor)
            .export(caseID: caseID, investigation: investigation, to: dir + "/" + out)
    }

    func files(_ out: String) throws -> [String: [UInt8]] { try BundleVerifier.read(dir + "/" + out) }

    /// Trusts the exporting key, as `verify` does for the investigator's own key.
    var trust: BundleTrust { BundleTrust(trusting: key.publicKey, reason: "the fixture's signing key") }
}

@Suite struct ExportBundleTests {
    @Test func zipExportVerifiesAndIsDeterministic() throws {
        let f = try ExportFixture()
        _ = try f.export("a.zip")
        _ = try f.export("b.zip")
        let a = try Data(contentsOf: URL(fileURLWithPath: f.dir + "/a.zip"))
        let b = try Data(contentsOf: URL(fileURLWithPath: f.dir + "/b.zip"))
        #expect(a == b)
        #expect(try BundleVerifier.verify(path: f.dir + "/a.zip", trust: f.trust).ok)
        let mode = try FileManager.default.attributesOfItem(atPath: f.dir + "/a.zip")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // Both exports are in the audit trail, and the chain still holds.
        let audit = try f.store.auditEntries(caseID: f.caseID)
        #expect(audit.filter { $0.action == "export" }.count == 2)
        #expect(AuditChain.verify(audit) == nil)
    }

    @Test func folderExportHasEveryFileMode0600() throws {
        let f = try ExportFixture()
        _ = try f.export("bundle")
        let names = try FileManager.default.contentsOfDirectory(atPath: f.dir + "/bundle").sorted()
        #expect(names == (BundleManifest.contentFiles + ["manifest.json", "manifest.sig"]).sorted())
        for name in names {
            let mode = try FileManager.default.attributesOfItem(atPath: f.dir + "/bundle/" + name)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name)")
        }
        #expect(try BundleVerifier.verify(path: f.dir + "/bundle", trust: f.trust).ok)
        _ = try f.export("bundle")  // re-export over an existing bundle folder
        #expect(try BundleVerifier.verify(path: f.dir + "/bundle", trust: f.trust).ok)
    }

    /// Every way a bundle can be changed after signing.
    @Test(arguments: [
        "manifest byte", "sig byte", "file byte", "missing file", "extra file", "audit edit",
        "missing sig", "resigned manifest",
    ])
    func tamperingIsRejected(_ tamper: String) throws {
        let f = try ExportFixture()
        _ = try f.export("t.zip")
        var files = try f.files("t.zip")
        #expect(BundleVerifier.verify(files: files, trust: f.trust).ok)
        func flip(_ name: String, at position: Int) { files[name]![position] ^= 0x01 }
        switch tamper {
        case "manifest byte": flip("manifest.json", at: 40)
        case "sig byte": flip("manifest.sig", at: 3)
        case "file byte": flip("accounts.csv", at: files["accounts.csv"]!.count / 2)
        case "missing file": files["edges.csv"] = nil
        case "extra file": files["../evil.sh"] = Array("rm -rf /".utf8)
        case "audit edit":
            var text = String(decoding: files["audit.jsonl"]!, as: UTF8.self)
            text = text.replacingOccurrences(of: "\"who\":\"analyst\"", with: "\"who\":\"mallory\"")
            files["audit.jsonl"] = Array(text.utf8)
        case "missing sig": files["manifest.sig"] = nil
        default:
            // Attacker rewrites a file, fixes the manifest hash and re-signs with their own key.
            let other = Curve25519SigningKey()
            files["accounts.csv"]! += Array("evil,true\r\n".utf8)
            var manifest = try JSONValue.parse(files["manifest.json"]!)
            guard case .object(var m) = manifest, case .array(var list) = m["files"]! else { Issue.record(); return }
            for (i, entry) in list.enumerated() where entry["path"]?.stringValue == "accounts.csv" {
                guard case .object(var e) = entry else { continue }
                e["sha256"] = .string(AuditChain.sha256Hex(files["accounts.csv"]!))
                e["bytes"] = .int(Int64(files["accounts.csv"]!.count))
                list[i] = .object(e)
            }
            m["files"] = .array(list)
            m["signature"] = [
                "algorithm": "Ed25519", "file": "manifest.sig", "key_id": .string(BundleKeys.keyID(other.publicKey)),
                "public_key": .string(other.publicKey.rawRepresentation.base64EncodedString()),
            ]
            manifest = .object(m)
            files["manifest.json"] = Array((manifest.canonical + "\n").utf8)
            files["manifest.sig"] = try BundleManifest.signature(of: files["manifest.json"]!, key: other)
            // Self-consistent, but signed by a key the verifier does not trust: rejected, naming the key.
            let otherID = BundleKeys.keyID(other.publicKey)
            let report = BundleVerifier.verify(files: files, trust: f.trust)
            #expect(!report.ok)
            #expect(report.keyID == otherID)
            #expect(report.problems.contains { $0.contains("signed by key \(otherID), which is not trusted") })
            // Trusted, its signature holds, but its accounts.csv names an account the audit trail
            // does not hold: refused, naming the file.
            let trusted = BundleVerifier.verify(files: files, trust: BundleTrust(trusting: other.publicKey))
            #expect(trusted.trustedAs != nil)
            #expect(trusted.problems.contains { $0.hasPrefix("accounts.csv: row ") }, "\(trusted.problems)")
            return
        }
        let report = BundleVerifier.verify(files: files, trust: f.trust)
        #expect(!report.ok, "\(tamper)")
        #expect(!report.problems.isEmpty)
    }

    @Test func flippedByteInsideZipIsRejected() throws {
        let f = try ExportFixture()
        _ = try f.export("z.zip")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: f.dir + "/z.zip"))
        bytes[bytes.count / 3] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: f.dir + "/z2.zip"))
        let report = try? BundleVerifier.verify(path: f.dir + "/z2.zip", trust: f.trust)
        #expect(report?.ok != true)
    }

    @Test func hostileDataIsNeutralised() throws {
        let f = try ExportFixture()
        _ = try f.export("h")
        let files = try f.files("h")
        let accounts = String(decoding: files["accounts.csv"]!, as: UTF8.self)
        #expect(accounts.contains("'=HYPERLINK"))
        for line in accounts.split(separator: "\r\n") {
            for cell in line.split(separator: ",") {
                #expect(!"=+@".contains(cell.first ?? " "), "live formula: \(cell)")
            }
        }
        let html = String(decoding: files["report.html"]!, as: UTF8.self)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("<svg"))
        #expect(files["report.html"]!.allSatisfy { $0 == 0x0A || ($0 >= 0x20 && $0 < 0x7F) })
        for name in ["manifest.json", "case.json", "queries.jsonl", "stix21.json", "audit.jsonl", "graph.graphml"] {
            #expect(files[name]!.allSatisfy { $0 == 0x0A || ($0 >= 0x20 && $0 < 0x7F) }, "\(name)")
        }
        // Titles never name files: the bundle holds only the fixed names.
        #expect(Set(files.keys) == Set(BundleManifest.contentFiles + ["manifest.json", "manifest.sig"]))
    }

    @Test func queriesHoldOnlyCaseAccountsAndRedactionHides() throws {
        let f = try ExportFixture()
        _ = try f.export("plain")
        _ = try f.export("red", redact: true)
        let caseAccounts = Set(try f.store.snapshot(caseID: f.caseID).accountIDs)
        let plain = try f.files("plain")
        let lines = String(decoding: plain["queries.jsonl"]!, as: UTF8.self).split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let id = try JSONValue.parse(String(line))["account_id"]?.stringValue ?? ""
            #expect(caseAccounts.contains(ExactText(id)))
        }
        let red = try f.files("red")
        let redQueries = String(decoding: red["queries.jsonl"]!, as: UTF8.self)
        #expect(redQueries.contains("\"prompt\":\"prompt-"))
        let redAccounts = String(decoding: red["accounts.csv"]!, as: UTF8.self)
        #expect(!redAccounts.contains("@"))
        let manifest = try JSONValue.parse(red["manifest.json"]!)
        #expect(manifest["redaction"]?["profile"]?.stringValue == "keyed-hash")
        #expect(BundleVerifier.verify(files: red, trust: f.trust).ok)
    }

    @Test func csvCells() {
        #expect(CSVTable.cell("=1+2") == "'=1+2")
        #expect(CSVTable.cell("-5") == "-5")
        #expect(CSVTable.cell("+3.5") == "+3.5")
        #expect(CSVTable.cell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVTable.cell("\tx") == "'\tx")
        #expect(CSVTable.cell("'quoted") == "''quoted")
        #expect(CSVTable.cell("acct_A\u{1B}") == "acct_A\u{1B}")
        #expect(CSVTable.cell("a\nb") == "\"a\nb\"")
        #expect(CSVTable.cell("-cmd|calc") == "'-cmd|calc")
        #expect(CSVTable.cell("a,b") == "\"a,b\"")
        #expect(CSVTable.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.cell(" =x") == "' =x")
    }

    @Test(arguments: ["=HYPERLINK(\"x\")", "'=x", "''", "-5", "+x", "@a", "\tx", "\rx", " =x", "a,b\r\nc", "\"q\"", "\u{202E}rtl", "plain"])
    func csvCellsReadBackExactly(_ value: String) {
        var table = CSVTable(header: ["v"])
        table.append([value])
        let row = table.bytes.dropFirst(3).dropLast(2)  // after "v\r\n", before the row's "\r\n"
        let cell = String(decoding: row, as: UTF8.self)
        var unquoted = cell
        if cell.hasPrefix("\"") {
            unquoted = String(cell.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
        }
        #expect(CSVTable.original(ofCell: unquoted) == value)
        #expect(!CSVTable.isFormula(unquoted) || unquoted.hasPrefix("'"))
    }

    @Test func markupEscaping() {
        #expect(MarkupEscaping.escape("<a href='x'>&</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;")
        #expect(MarkupEscaping.escape("\u{1b}[2J\u{202E}é") == "\\x1b[2J\\u{202E}&#xE9;")
    }

    @Test func uuidV5MatchesKnownValue() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        #expect(
            UUIDv5.make(namespace: "6ba7b810-9dad-11d1-80b4-00c04fd430c8", name: "python.org")
                == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
    }
}
