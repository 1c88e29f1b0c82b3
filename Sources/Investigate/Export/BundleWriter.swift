import Crypto
import Foundation
import ZIPFoundation

/// Renders a case bundle and writes it as a zip archive or a folder, atomically, mode 0600.
public struct BundleWriter {
    /// The signing key.
    public let signingKey: Curve25519.Signing.PrivateKey

    public init(signingKey: Curve25519.Signing.PrivateKey) { self.signingKey = signingKey }

    /// Every file of the bundle, manifest and signature included, sorted by name.
    /// - Throws: `BundleError` when a source file cannot be read, or when rows the bundle holds
    ///   cannot be read again from it (it changed since the load: `SourceChangedSinceLoad`).
    public func render(_ input: BundleInput) throws -> (files: [BundleFile], manifestSHA256: String, warnings: [String]) {
        let links = CaseLinks(input)
        let (queries, unreadableQueries, keysGivenTwice) = QueriesFile.render(input)
        let (accounts, unreadableAccounts) = AccountsCSVFile.render(input)
        if let refusal = SourceChangedSinceLoad.refusal(queries: unreadableQueries, accounts: unreadableAccounts, data: input.data) {
            throw refusal
        }
        var files = [
            CaseJSONFile.render(input), CaseJSONFile.audit(input), accounts,
            AccountsCSVFile.enforcement(input), GraphFiles.edges(input, links), GraphFiles.graphML(input, links), queries,
            STIXFile.render(input), ReportHTMLFile.render(input, links, publicKey: signingKey.publicKey),
        ]
        let source = try BundleManifest.sourceFingerprint(input.data.files, load: SourceLoadRecord(input.data.report))
        let manifest = Array(
            (BundleManifest.manifest(
                input, files: files, source: source,
                publicKey: signingKey.publicKey
            ).canonical + "\n").utf8)
        files.append(BundleFile(path: "manifest.json", bytes: manifest, records: 1))
        files.append(
            BundleFile(
                path: "manifest.sig", bytes: try BundleManifest.signature(of: manifest, key: signingKey),
                records: 1))
        var warnings: [String] = []
        if keysGivenTwice > 0 {
            warnings.append(
                "\(keysGivenTwice) query \(keysGivenTwice == 1 ? "row gives" : "rows give") a key twice "
                    + "(or keys not valid UTF-8 that read as one once repaired); queries.jsonl keeps the last value")
        }
        if !input.missingAccounts.isEmpty { warnings.append(Self.notInSourceWarning(input.missingAccounts)) }
        let lookAlikes = ReportEvidenceChecks.lookAlikes(AccountsCSVFile.proposals(input).map { ($0.id, $0.action) })
        if !lookAlikes.isEmpty {
            warnings.append(
                ReportEvidenceChecks.lookAlikeHeadline(lookAlikes.count) + ": "
                    + lookAlikes.prefix(5).map(ReportEvidenceChecks.describe).joined(separator: "; ")
                    + (lookAlikes.count > 5 ? "; ... (report.html lists all)" : ""))
        }
        if let marked = MarkedIDCollisions.warning(MarkedIDCollisions.find(input)) { warnings.append(marked) }
        let load = SourceLoadRecord(input.data.report)
        if !load.isClean { warnings.append(load.summary + " (recorded in the manifest, case.json and report.html)") }
        let leftOut = input.taggedClustersLeavingMembersOut
        if !leftOut.isEmpty {
            let total = leftOut.reduce(0) { $0 + $1.left }
            let named = leftOut.prefix(5).map { "\($0.id) \($0.left)" }.joined(separator: ", ")
            warnings.append(
                "\(total) \(total == 1 ? "account" : "accounts") of tagged clusters \(total == 1 ? "is" : "are") not in the case, so not "
                    + "in this bundle (\(named)\(leftOut.count > 5 ? ", ..." : "")): a cluster's tag labels the members the case holds; "
                    + "tag the cluster whole (T in the console, or case tag --cluster) to bring them in")
        }
        if input.otherSourceClusterTags > 0 {
            warnings.append(
                "\(input.otherSourceClusterTags) cluster \(input.otherSourceClusterTags == 1 ? "tag was" : "tags were") made on another "
                    + "source, or under another version's cluster numbering: not applied to this source's clusters "
                    + "(kept in case.json and the audit trail)")
        }
        let moved = input.otherMembersClusterTags
        if moved > 0 {
            let one = moved == 1
            warnings.append(
                "\(moved) cluster \(one ? "tag was" : "tags were") not applied: the \(one ? "cluster of its id" : "clusters of their ids") "
                    + "on this source \(one ? "has" : "have") other members than when tagged (or the \(one ? "tag predates" : "tags predate") "
                    + "recorded members); each account keeps its own tags; check the \(one ? "cluster and tag it" : "clusters and tag them") "
                    + "again if \(one ? "it still applies" : "they still apply") (kept in case.json and the audit trail)")
        }
        return (files.sorted { $0.path < $1.path }, AuditChain.sha256Hex(manifest), warnings)
    }

    /// The warning for tagged accounts the exported source does not hold, naming the first few
    /// (escaped for display): `1 tagged account is not in this source (acct_TYPO2): ...`.
    static func notInSourceWarning(_ missing: [ExactText]) -> String {
        let named = missing.prefix(3).map { TextEscaping.visible($0.bytes, limit: 40) }
            .joined(separator: ", ") + (missing.count > 3 ? ", ..." : "")
        let one = missing.count == 1
        return "\(missing.count) tagged \(one ? "account is" : "accounts are") not in this source (\(named)): the bundle holds "
            + "only \(one ? "its" : "their") tags, and enforcement.csv proposes review, never a ban or suspension, for "
            + (one ? "it" : "them")
    }

    /// Writes files to `path`: a zip archive when it ends in `.zip`, else a folder of 0600 files.
    /// - Throws: `BundleError` or `AtomicFile.WriteError`.
    public static func write(_ files: [BundleFile], to path: String, modified: String) throws {
        let staged = try stage(files, to: path, modified: modified)
        do { try staged.publish() } catch {
            staged.discard()
            throw error
        }
    }

    /// Writes the bundle beside `path` (a temporary zip file or folder, synced), not yet visible at `path`.
    /// - Throws: `BundleError` or `AtomicFile.WriteError`; nothing is left behind then.
    public static func stage(_ files: [BundleFile], to path: String, modified: String) throws -> StagedBundle {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        if path.lowercased().hasSuffix(".zip") {
            try AtomicFile.write(try zip(files, modified: modified), to: temporary)
            return StagedBundle(temporary: temporary, path: path, isFolder: false)
        }
        try AtomicFile.makeFolder(temporary)
        do {
            for file in files { try AtomicFile.write(file.bytes, to: temporary + "/" + file.path) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        return StagedBundle(temporary: temporary, path: path, isFolder: true)
    }

    /// The zip archive bytes (deflate, fixed entry dates, sorted entries, 0600 permissions).
    static func zip(_ files: [BundleFile], modified: String) throws -> [UInt8] {
        let archive: Archive
        do { archive = try Archive(accessMode: .create) } catch { throw BundleError("cannot create a zip archive: \(error)") }
        let date = Date(timeIntervalSince1970: TimeInterval(Self.epochSeconds(modified) ?? Self.fallbackEpochSeconds))
        for file in files.sorted(by: { $0.path < $1.path }) {
            let data = Data(file.bytes)
            try archive.addEntry(
                with: file.path, type: .file, uncompressedSize: Int64(data.count),
                modificationDate: date, permissions: 0o600, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw BundleError("the zip archive is empty") }
        return Array(data)
    }

    /// The entries' time when `modified` is not a time: 1980-01-01, the first a zip header holds.
    static let fallbackEpochSeconds: Int64 = 315_532_800

    /// Seconds since the epoch of `YYYY-MM-DDTHH:MM:SSZ`.
    static func epochSeconds(_ rfc3339: String) -> Int64? {
        let digits = rfc3339.split(whereSeparator: { !$0.isNumber }).compactMap { Int64($0) }
        guard digits.count >= 6 else { return nil }
        var t = tm()
        t.tm_year = Int32(digits[0] - 1900)
        t.tm_mon = Int32(digits[1] - 1)
        t.tm_mday = Int32(digits[2])
        t.tm_hour = Int32(digits[3])
        t.tm_min = Int32(digits[4])
        t.tm_sec = Int32(digits[5])
        return Int64(timegm(&t))
    }
}
