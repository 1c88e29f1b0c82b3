import Crypto
import Foundation
import ZIPFoundation

/// Checks a bundle (zip or folder) without trusting anything but its own content: the
/// signature over `manifest.json`, each file's size and sha256, no missing or extra file, and
/// the audit chain (which must end at the manifest's `audit_head`).
public enum BundleVerifier {
    /// The outcome: `problems` empty means the bundle holds.
    public struct Report {
        /// What was checked and held.
        public var passed: [String] = []
        /// What differs, one line each.
        public var problems: [String] = []
        /// The signer's key id when the manifest names one.
        public var keyID: String?
        public var ok: Bool { problems.isEmpty }
    }

    /// Verifies the bundle at `path`.
    /// - Parameter expectedKeyID: when given, the signer's key id must be this one (pinning the
    ///   sender; without it a forger could re-sign a changed bundle with their own key).
    /// - Throws: `BundleError` when the path is neither a readable zip nor a folder.
    public static func verify(path: String, expectedKeyID: String? = nil) throws -> Report {
        verify(files: try read(path), expectedKeyID: expectedKeyID)
    }

    /// Verifies bundle files held in memory (name -> bytes).
    public static func verify(files: [String: [UInt8]], expectedKeyID: String? = nil) -> Report {
        var report = Report()
        guard let manifestBytes = files["manifest.json"] else {
            report.problems.append("manifest.json: missing")
            return report
        }
        guard let manifest = try? JSONValue.parse(manifestBytes) else {
            report.problems.append("manifest.json: not valid JSON")
            return report
        }
        if manifest["format"]?["name"]?.stringValue != BundleManifest.formatName {
            report.problems.append("manifest.json: format is not \(BundleManifest.formatName)")
        }
        checkSignature(manifestBytes, manifest, files["manifest.sig"], &report)
        if let expectedKeyID, report.keyID != expectedKeyID {
            report.problems.append("manifest.sig: signed by key \(report.keyID ?? "none"), expected \(expectedKeyID)")
        }
        var listed = Set(["manifest.json", "manifest.sig"])
        for entry in manifest["files"]?.arrayValue ?? [] {
            guard let name = entry["path"]?.stringValue, let sha = entry["sha256"]?.stringValue else {
                report.problems.append("manifest.json: a file entry lacks path or sha256")
                continue
            }
            listed.insert(name)
            guard let bytes = files[name] else {
                report.problems.append("\(name): missing from the bundle")
                continue
            }
            let actual = AuditChain.sha256Hex(bytes)
            if actual != sha {
                report.problems.append("\(name): sha256 differs (manifest \(sha), file \(actual))")
            } else if entry["bytes"]?.intValue != Int64(bytes.count) {
                report.problems.append("\(name): size differs (manifest \(entry["bytes"]?.intValue ?? -1), file \(bytes.count))")
            } else {
                report.passed.append("\(name): sha256 ok")
            }
        }
        for name in BundleManifest.contentFiles where !listed.contains(name) {
            report.problems.append("\(name): not listed in the manifest")
        }
        for name in files.keys.sorted() where !listed.contains(name) {
            report.problems.append("\(TextEscaping.visible(name, limit: 200)): extra file not in the manifest")
        }
        checkAudit(files["audit.jsonl"], manifest, &report)
        return report
    }

    static func checkSignature(_ bytes: [UInt8], _ manifest: JSONValue, _ sig: [UInt8]?, _ report: inout Report) {
        guard let sig else { report.problems.append("manifest.sig: missing"); return }
        guard let keyText = manifest["signature"]?["public_key"]?.stringValue, let keyData = Data(base64Encoded: keyText),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyData)
        else {
            report.problems.append("manifest.json: no valid Ed25519 public key")
            return
        }
        let text = String(decoding: sig, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let signature = Data(base64Encoded: text), key.isValidSignature(signature, for: Data(bytes)) else {
            report.problems.append("manifest.sig: signature does not match manifest.json")
            return
        }
        report.keyID = BundleKeys.keyID(key)
        if let named = manifest["signature"]?["key_id"]?.stringValue, named != report.keyID {
            report.problems.append("manifest.json: key_id \(named) does not match the public key (\(report.keyID!))")
        }
        report.passed.append("manifest.sig: Ed25519 signature ok (key \(BundleKeys.keyID(key)))")
    }

    static func checkAudit(_ bytes: [UInt8]?, _ manifest: JSONValue, _ report: inout Report) {
        guard let bytes else { return }
        var entries: [AuditEntry] = []
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        for (i, line) in lines.enumerated() {
            do { entries.append(try AuditChain.entry(fromLine: String(line), position: i + 1)) } catch {
                report.problems.append("audit.jsonl: line \(i + 1) is unreadable: \(error)")
                return
            }
        }
        if let problem = AuditChain.verify(entries, caseID: manifest["case_id"]?.stringValue) {
            report.problems.append("audit.jsonl: \(problem)")
        } else if let head = manifest["audit_head"]?.stringValue, head != (entries.last?.hash ?? AuditChain.genesis) {
            report.problems.append("audit.jsonl: chain does not end at the manifest's audit_head")
        } else {
            report.passed.append("audit.jsonl: hash chain of \(entries.count) entries ok")
        }
    }

    /// Reads a bundle into memory: every regular file of a folder (not recursing), or every entry of a zip.
    static func read(_ path: String) throws -> [String: [UInt8]] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BundleError("\(path): no such bundle")
        }
        var files: [String: [UInt8]] = [:]
        if isDirectory.boolValue {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                guard let data = FileManager.default.contents(atPath: path + "/" + name) else {
                    files[name] = []
                    continue
                }
                files[name] = Array(data)
            }
            return files
        }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw BundleError("\(path): not a zip archive or bundle folder")
        }
        for entry in archive {
            var data = Data()
            do { _ = try archive.extract(entry, skipCRC32: false) { data.append($0) } } catch {
                files[entry.path] = Array("<unreadable: \(error)>".utf8)
                continue
            }
            files[entry.path] = Array(data)
        }
        return files
    }
}
