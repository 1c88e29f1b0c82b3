import Crypto
import Foundation

/// What a signed manifest says, and whether its signer is trusted.
struct ManifestCheck {
    /// One file the manifest lists.
    struct Listed {
        var bytes: UInt64
        var sha256: String
    }

    /// The manifest's files by exact name bytes.
    var listed: [[UInt8]: Listed] = [:]
    /// The manifest's case id, for the audit chain.
    var caseID: String?
    /// The manifest's audit-chain head.
    var auditHead: String?
    /// The manifest's case title and investigator (held to the replayed case and `stix21.json`).
    var title: String?
    var investigator: String?
    /// Whether the manifest says the bundle is redacted (its redaction profile is not `none`).
    var redacted: Bool?
    /// Whether the manifest's `redaction.fields` lists `extra`: every extra value in
    /// `queries.jsonl` and `accounts.csv` must then be a pseudonym (`ExtraPseudonymCheck`).
    var redactsExtra = false
    /// Whether it lists `extra_key` too: every extra key name must then be a pseudonym.
    var redactsExtraKeys = false
    /// What the export's load of the source skipped (`source.load`, format 5), as written; nil
    /// when the manifest holds none.
    var sourceLoad: JSONValue?
    /// Whether the bundle's format records the export's load (5 and later): its report then holds
    /// the Evidence checks section (`ReportEvidenceChecks`).
    var recordsLoad = true
    /// Whether the bundle's format leaves out a `suspicious-activity` grouping that would hold no
    /// account (6 and later, `STIXFile.Content.omitsEmptyGrouping`); a format 5 export wrote it.
    var omitsEmptyGrouping = true
    /// The signer's key id when the signature verifies.
    var keyID: String?
    /// The trusted signer the key is, when it is one.
    var trustedAs: BundleTrust.Signer?

    /// True when the content can be checked against the manifest: the signature holds and its key is trusted.
    var isTrusted: Bool { keyID != nil && trustedAs != nil }

    /// Reads the manifest's fields and checks `signature` against `manifestBytes`.
    init(manifestBytes: [UInt8], manifest: JSONValue, signature: [UInt8]?, trust: BundleTrust, report: inout BundleVerifier.Report) {
        if manifest["format"]?["name"]?.stringValue != BundleManifest.formatName {
            report.problems.append("manifest.json: format is not \(BundleManifest.formatName)")
        }
        // A key the exporter does not write (`x_approved: true`) is a claim no export made.
        if case .object(let members) = manifest {
            for key in members.keys.sorted() where !BundleManifest.memberNames.contains(key) {
                report.problems.append("manifest.json: holds '\(TextEscaping.visible(key))', which the exporter does not write")
            }
        }
        caseID = manifest["case_id"]?.stringValue
        auditHead = manifest["audit_head"]?.stringValue
        title = manifest["title"]?.stringValue
        investigator = manifest["investigator"]?.stringValue
        sourceLoad = manifest["source"]?["load"]
        // Format 5 records the export's load; a format 4 bundle (written before) has no record,
        // and its report no Evidence checks section: neither is asked of it.
        let version = manifest["format"]?["version"]?.intValue ?? BundleManifest.formatVersion
        recordsLoad = version >= 5
        omitsEmptyGrouping = version >= 6
        if recordsLoad && sourceLoad == nil {
            report.problems.append("manifest.json: source.load is missing (a format \(version) manifest records what the export's load skipped)")
        }
        redacted = manifest["redaction"]?["profile"]?.stringValue.map { $0 != "none" }
        let redactedFields = manifest["redaction"]?["fields"]?.arrayValue ?? []
        redactsExtra = redactedFields.contains(.string(Redactor.extraKind))
        redactsExtraKeys = redactsExtra && redactedFields.contains(.string(ExtraPseudonymCheck.keysField))
        checkSignature(manifestBytes, manifest, signature, trust, &report)
        if let load = sourceLoad {
            if let record = SourceLoadRecord(json: load) {
                report.sourceLoad = "at export, " + record.summary
                report.passed.append("manifest.json: records the export's load (\(record.skippedRows) rows skipped)")
            } else {
                report.problems.append("manifest.json: source.load is not a record of a load the exporter writes")
            }
        }
        readFiles(manifest, &report)
    }

    mutating func checkSignature(
        _ bytes: [UInt8], _ manifest: JSONValue, _ signature: [UInt8]?, _ trust: BundleTrust, _ report: inout BundleVerifier.Report
    ) {
        guard let signature else { return }
        guard let keyText = manifest["signature"]?["public_key"]?.stringValue, let key = BundleTrust.publicKey(base64: keyText) else {
            report.problems.append("manifest.json: no valid Ed25519 public key")
            return
        }
        let id = BundleKeys.keyID(key)
        let text = String(decoding: signature, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let raw = Data(base64Encoded: text) else {
            report.problems.append("manifest.sig: not a base64 signature (the exporter writes one line of base64)")
            return
        }
        guard key.isValidSignature(raw, for: Data(bytes)) else {
            report.problems.append("manifest.sig: signature does not match manifest.json (claimed key \(id))")
            return
        }
        // The one file no hash covers holds exactly what the exporter writes: the signature's
        // canonical base64 and one newline. A trial hid up to 4 KB of blanks after it, and a
        // changed last character (unused padding bits) still decoded to the same signature.
        let exact = Array((raw.base64EncodedString() + "\n").utf8)
        if signature != exact {
            report.problems.append(
                "manifest.sig: \(signature.count) bytes where the exporter writes \(exact.count) (the signature's base64 "
                    + "and one newline): its blanks or padding differ")
        }
        keyID = id
        if let named = manifest["signature"]?["key_id"]?.stringValue, named != id {
            report.problems.append("manifest.json: key_id \(TextEscaping.visible(named, limit: 80)) does not match the public key (\(id))")
        }
        guard let signer = trust.signer(for: key) else {
            report.problems.append("manifest.sig: signed by key \(id), which is not trusted (\(trust.sources)); \(trust.howToTrust)")
            return
        }
        trustedAs = signer
        report.passed.append("manifest.sig: Ed25519 signature ok, key \(id), trusted as \(signer.reason)")
    }

    mutating func readFiles(_ manifest: JSONValue, _ report: inout BundleVerifier.Report) {
        for entry in manifest["files"]?.arrayValue ?? [] {
            guard let name = entry["path"]?.stringValue, let sha = entry["sha256"]?.stringValue,
                let bytes = entry["bytes"]?.intValue, bytes >= 0
            else {
                report.problems.append("manifest.json: a file entry lacks path, bytes or sha256")
                continue
            }
            let key = Array(name.utf8)
            let shown = TextEscaping.visible(name, limit: 200)
            if ["manifest.json", "manifest.sig"].contains(name) || listed[key] != nil {
                report.problems.append("manifest.json: lists \(shown) twice, or lists itself")
                continue
            }
            listed[key] = Listed(bytes: UInt64(bytes), sha256: sha)
        }
        for name in BundleManifest.contentFiles where listed[Array(name.utf8)] == nil {
            report.problems.append("\(name): not listed in the manifest")
        }
    }
}
