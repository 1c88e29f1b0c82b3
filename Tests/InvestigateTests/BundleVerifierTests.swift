import Foundation
import Testing
@testable import Investigate

/// A bundle exported once by the real exporter (zip at `good.zip`, folder at `folder`), its
/// files, and helpers to write changed copies. Shared by the verifier tests, which only read it.
struct VerifyFixture: Sendable {
    let dir: String
    let files: [String: [UInt8]]
    /// Trusts the exporting key only.
    let trust: BundleTrust
    /// The exporting key's id.
    let keyID: String
    let keyPath: String

    private static let shared = Result { () throws -> VerifyFixture in
        let export = try ExportFixture(title: "verify fixture")
        _ = try export.export("good.zip")
        _ = try export.export("folder")
        return VerifyFixture(
            dir: export.dir, files: try export.files("good.zip"), trust: export.trust, keyID: BundleKeys.keyID(export.key.publicKey),
            keyPath: export.dir + "/cfg/signing.key")
    }

    /// The shared fixture.
    static func make() throws -> VerifyFixture { try shared.get() }

    /// A fresh copy of the exported folder bundle, to change.
    func folderCopy() throws -> String {
        let path = dir + "/folder-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: dir + "/folder", toPath: path)
        return path
    }

    /// Writes `bytes` as a file in the fixture folder and returns its path.
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = dir + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The verifier's report on an archive made of `zip`.
    func verify(_ zip: TestZip, trust: BundleTrust? = nil) throws -> BundleVerifier.Report {
        try BundleVerifier.verify(path: try write("t-\(UUID().uuidString).zip", zip.bytes()), trust: trust ?? self.trust)
    }

    /// `files` with report.html changed (a comment added: the case it states is the same), the
    /// manifest fixed to match and re-signed by `key`.
    static func resigned(_ files: [String: [UInt8]], by key: Curve25519SigningKey) throws -> [String: [UInt8]] {
        try changed(files, "report.html", to: files["report.html"]! + Array("<!-- re-signed -->\n".utf8), by: key)
    }

    /// `files` with `name` replaced by `bytes`, the manifest fixed to match and re-signed by `key`.
    static func changed(_ files: [String: [UInt8]], _ name: String, to bytes: [UInt8], by key: Curve25519SigningKey) throws -> [String: [UInt8]] {
        var files = files
        files[name] = bytes
        guard case .object(var m) = try JSONValue.parse(files["manifest.json"]!), case .array(var list) = m["files"]! else {
            throw BundleError("unexpected manifest")
        }
        for (i, entry) in list.enumerated() where entry["path"]?.stringValue == name {
            guard case .object(var e) = entry else { continue }
            e["sha256"] = .string(AuditChain.sha256Hex(files[name]!))
            e["bytes"] = .int(Int64(files[name]!.count))
            list[i] = .object(e)
        }
        m["files"] = .array(list)
        m["signature"] = [
            "algorithm": "Ed25519", "file": "manifest.sig", "key_id": .string(BundleKeys.keyID(key.publicKey)),
            "public_key": .string(key.publicKey.rawRepresentation.base64EncodedString()),
        ]
        files["manifest.json"] = Array((JSONValue.object(m).canonical + "\n").utf8)
        files["manifest.sig"] = try BundleManifest.signature(of: files["manifest.json"]!, key: key)
        return files
    }
}

@Suite struct BundleVerifierTrustTests {
    @Test func goodBundleVerifiesWithTheOwnKeyTrusted() throws {
        let f = try VerifyFixture.make()
        let environment = ["XDG_CONFIG_HOME": f.dir + "/empty-config", "INVESTIGATE_KEY": f.keyPath]
        let trust = try BundleTrust.standard(pinned: [], environment: environment)
        for path in [f.dir + "/good.zip", f.dir + "/folder"] {
            let report = try BundleVerifier.verify(path: path, trust: trust)
            #expect(report.ok, "\(report.problems)")
            #expect(report.keyID == f.keyID)
            #expect(report.trustedAs?.hasPrefix("your own signing key") == true)
            #expect(report.passed.contains { $0.hasPrefix("audit.jsonl: hash chain of") })
            // Each content file, the signature, the chain, the case record's state, the seven
            // files held to it (accounts, enforcement, edges, graph, queries, STIX, report), and
            // the query rows' figures and the accounts' risks held to accounts.csv, and the
            // manifest's record of the export's load (format 5).
            #expect(report.passed.count == BundleManifest.contentFiles.count + 3 + 7 + 2 + 1)
            #expect(report.passed.contains { $0.hasPrefix("manifest.json: records the export's load") })
            #expect(report.passed.contains("case.json: the state the audit trail describes"))
        }
    }

    @Test func withoutAnOwnKeyNothingIsTrustedAndNoKeyIsCreated() throws {
        let f = try VerifyFixture.make()
        let none = f.dir + "/none-" + UUID().uuidString
        let environment = ["XDG_CONFIG_HOME": none, "INVESTIGATE_KEY": none + "/signing.key"]
        let trust = try BundleTrust.standard(pinned: [], environment: environment)
        #expect(trust.signers.isEmpty)
        let report = try BundleVerifier.verify(path: f.dir + "/good.zip", trust: trust)
        #expect(!report.ok)
        let id = f.keyID
        #expect(report.problems.contains { $0.hasPrefix("manifest.sig: signed by key \(id), which is not trusted") })
        #expect(!FileManager.default.fileExists(atPath: none + "/signing.key"))
    }

    @Test func resignedBundleIsRejectedNamingTheKeyAndAcceptedWhenTrusted() throws {
        let f = try VerifyFixture.make()
        let other = Curve25519SigningKey()
        let otherID = BundleKeys.keyID(other.publicKey)
        let path = try f.write("resigned-\(UUID().uuidString).zip", TestZip(files: try VerifyFixture.resigned(f.files, by: other)).bytes())
        let own = try BundleVerifier.verify(path: path, trust: f.trust)
        #expect(!own.ok)
        #expect(own.keyID == otherID)
        #expect(own.problems.contains { $0.contains("signed by key \(otherID), which is not trusted") })
        #expect(own.problems.contains { $0.contains("not hashed") })

        let byID = try BundleVerifier.verify(path: path, trust: try BundleTrust.standard(pinned: [otherID.uppercased()]))
        #expect(byID.ok, "\(byID.problems)")
        #expect(byID.trustedAs == "--key \(otherID)")
        let base64 = other.publicKey.rawRepresentation.base64EncodedString()
        #expect(try BundleVerifier.verify(path: path, trust: try BundleTrust.standard(pinned: [base64])).ok)
        // --key pins: the investigator's own key is no longer enough once a sender is named.
        let pinned = try BundleTrust.standard(pinned: [otherID], environment: [:])
        #expect(!(try BundleVerifier.verify(path: f.dir + "/good.zip", trust: pinned)).ok)

        let config = f.dir + "/config-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: config + "/investigate", withIntermediateDirectories: true)
        try Array("# partner lab\n\n\(base64)  partner lab, key from the MoU\n".utf8).write(config + "/investigate/trusted-keys")
        let fromFile = try BundleTrust.standard(
            pinned: [], environment: ["XDG_CONFIG_HOME": config, "INVESTIGATE_KEY": config + "/no.key"])
        let report = try BundleVerifier.verify(path: path, trust: fromFile)
        #expect(report.ok, "\(report.problems)")
        #expect(report.trustedAs == config + "/investigate/trusted-keys line 3 (partner lab, key from the MoU)")
    }

    @Test func trustedKeysFileLinesAreCheckedStrictly() throws {
        let key = Curve25519SigningKey().publicKey.rawRepresentation.base64EncodedString()
        #expect(try TrustedKeysFile.parse(Array("\(key)\r\n# c\n\t\(key)\tx\n".utf8), path: "tk").count == 2)
        #expect(throws: BundleError.self) { try TrustedKeysFile.parse(Array("\(key)\n0123456789abcdef\n".utf8), path: "tk") }
        do {
            _ = try TrustedKeysFile.parse(Array("\n\nnot-a-key x\n".utf8), path: "tk")
            Issue.record("a bad line was accepted")
        } catch let error as BundleError {
            #expect(error.message.hasPrefix("tk:3: not a base64 Ed25519 public key"))
        }
        let dir = casesTempDir()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        #expect(try TrustedKeysFile.read(path: dir + "/absent").isEmpty)
        try Array("\(key)\n".utf8).write(dir + "/open")
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: dir + "/open")
        #expect(throws: BundleError.self) { try TrustedKeysFile.read(path: dir + "/open") }
        #expect(throws: BundleError.self) { try BundleTrust.parseKeyArgument("xyz") }
        #expect(throws: BundleError.self) { try BundleTrust.parseKeyArgument("0123456789abcdeg") }
    }
}

extension Array where Element == UInt8 {
    /// Writes the bytes to `path`.
    func write(_ path: String) throws { try Data(self).write(to: URL(fileURLWithPath: path)) }
}

/// `verify` replays the audit chain and holds `case.json` to it: a bundle re-signed by a trusted
/// key with a case record the chain does not describe is refused (a trial's status `confirmed`
/// with the chain's `status` entry dropped passed, every hash and the signature in order).
@Suite struct BundleCaseStateTests {
    @Test func aCaseRecordTheChainDoesNotDescribeIsRefused() throws {
        let f = try VerifyFixture.make()
        let key = try BundleKeys.signingKey(path: f.keyPath)
        guard case .object(var record) = try JSONValue.parse(f.files["case.json"]!) else { throw BundleError("case.json") }
        let status = try #require(record["status"]?.stringValue)
        record["status"] = .string(status == "confirmed" ? "open" : "confirmed")
        let changedStatus = try VerifyFixture.changed(f.files, "case.json", to: Array((JSONValue.object(record).canonical + "\n").utf8), by: key)
        let report = try f.verify(TestZip(files: changedStatus))
        #expect(!report.ok)
        #expect(report.problems.contains { $0.hasPrefix("case.json: status is ") && $0.hasSuffix("the audit trail says '\(status)'") })

        // A tag added to the record alone is refused too.
        guard case .object(var tagged) = try JSONValue.parse(f.files["case.json"]!), case .array(var tags)? = tagged["tags"] else {
            throw BundleError("case.json tags")
        }
        tags.append(["kind": "account", "target": "planted", "label": "ring-member", "who": "x", "at": "2026-01-01T00:00:00Z"])
        tagged["tags"] = .array(tags)
        let planted = try VerifyFixture.changed(f.files, "case.json", to: Array((JSONValue.object(tagged).canonical + "\n").utf8), by: key)
        let second = try f.verify(TestZip(files: planted))
        #expect(second.problems.contains("case.json: tags differ from the audit trail (1 not in it, 0 of it missing)"))
    }
}
