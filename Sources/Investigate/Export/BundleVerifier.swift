import Foundation

/// Checks a bundle (zip or folder) without trusting anything in it: the zip's structure (no
/// bytes before, between or after the entries, no duplicate names, and no comment, extra field,
/// attribute or header field the exporter does not write, each entry dated the manifest's
/// `exported_at`: `ZipMetadataCheck`; a folder's files regular, mode 0600), the signature over
/// `manifest.json` and that its key is one the investigator trusts (`BundleTrust`), that every
/// entry is listed in the manifest with the size its container declares, each file's sha256
/// (streamed in bounded memory, never inflating past the manifest's byte count), and the audit
/// chain, which must end at the manifest's `audit_head`; then that every file naming the case's
/// accounts or actions agrees with the state the chain replays to (`BundleCaseFacts`).
public enum BundleVerifier {
    /// The outcome: `problems` empty means the bundle holds and its signer is trusted.
    public struct Report {
        /// What was checked and held.
        public var passed: [String] = []
        /// What differs, one line each, naming the file and the reason.
        public var problems: [String] = []
        /// The signer's key id when the signature verifies (trusted or not).
        public var keyID: String?
        /// Why the signer is trusted, when it is.
        public var trustedAs: String?
        /// Files not hashed because the manifest is not signed by a trusted key (its numbers
        /// could be anything, so nothing is inflated on their word).
        public var unhashed = 0
        /// What the signed manifest says the export's load of the source skipped, for people
        /// (`at export, the source's load skipped 0 rows`); nil when it records none (format 4).
        public var sourceLoad: String?
        /// The case the audit trail replays to, for people: `case case-0003, confirmed, 25
        /// accounts; titled ring c1` (its title is data, last: escape it for display); nil when it
        /// was not replayed.
        public var caseSummary: String?
        /// True when nothing differs and the signer is trusted.
        public var ok: Bool { problems.isEmpty }
    }

    /// The largest `manifest.json` read (a bundle's manifest is a few KiB).
    public static let maxManifestBytes: UInt64 = 4 << 20
    /// The largest `manifest.sig` read.
    static let maxSignatureBytes: UInt64 = 4096

    /// Verifies the bundle at `path` (a folder, else a zip archive).
    /// - Throws: `BundleError` when the path does not exist or cannot be opened or listed. A
    ///   file that is not a well-formed zip is a problem in the report, not an error.
    public static func verify(path: String, trust: BundleTrust) throws -> Report {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BundleError("\(path): no such bundle")
        }
        if isDirectory.boolValue { return verify(try FolderBundleSource(path: path), trust: trust) }
        do {
            return verify(try ZipBundleSource(path: path), trust: trust)
        } catch let error as MalformedZip {
            return Report(problems: ["\(path): \(error)"])
        }
    }

    /// Verifies bundle files held in memory (name -> bytes).
    public static func verify(files: [String: [UInt8]], trust: BundleTrust) -> Report {
        verify(MemoryBundleSource(files), trust: trust)
    }

    static func verify(_ source: some BundleSource, trust: BundleTrust) -> Report {
        var report = Report()
        var byName: [[UInt8]: [BundleEntry]] = [:]
        for entry in source.entries { byName[entry.name, default: []].append(entry) }
        for (name, copies) in byName where copies.count > 1 {
            report.problems.append(
                "\(TextEscaping.visible(name, limit: 200)): \(copies.count) entries with this name (duplicates: extractors disagree on which one is used)"
            )
        }
        report.problems += source.containerProblems
        for entry in source.entries where entry.unreadable != nil && byName[entry.name]!.count == 1 {
            report.problems.append("\(entry.shownName): \(entry.unreadable!)")
        }
        func single(_ name: String) -> BundleEntry? {
            guard let copies = byName[Array(name.utf8)], copies.count == 1, copies[0].unreadable == nil else { return nil }
            return copies[0]
        }
        guard byName[Array("manifest.json".utf8)] != nil else {
            report.problems.append("manifest.json: missing")
            return sorted(report)
        }
        guard let manifestEntry = single("manifest.json"),
            let manifestBytes = readWhole(manifestEntry, from: source, limit: maxManifestBytes, &report)
        else { return sorted(report) }
        let manifest: JSONValue
        do { manifest = try JSONValue.parse(manifestBytes) } catch {
            report.problems.append("manifest.json: not valid JSON (\(error))")
            return sorted(report)
        }
        if let exportedAt = manifest["exported_at"]?.stringValue { report.problems += source.timeProblems(exportedAt: exportedAt) }
        var signature: [UInt8]?
        if byName[Array("manifest.sig".utf8)] == nil {
            report.problems.append("manifest.sig: missing")
        } else if let entry = single("manifest.sig") {
            signature = readWhole(entry, from: source, limit: maxSignatureBytes, &report)
        }
        let check = ManifestCheck(manifestBytes: manifestBytes, manifest: manifest, signature: signature, trust: trust, report: &report)
        report.keyID = check.keyID
        report.trustedAs = check.trustedAs?.reason
        checkContents(source, byName, check, &report)
        var out = sorted(report)
        if let note = BundleFormatCheck.note(manifest, otherProblems: !out.problems.isEmpty) { out.problems.insert(note, at: 0) }
        return out
    }

    /// Checks every entry besides the manifest and its signature against the manifest, then
    /// the files that name the case's accounts against the state the audit trail replays to
    /// (`crossCheck`). `audit.jsonl` is read first, so that `queries.jsonl` is checked as it
    /// streams through its digest.
    static func checkContents(
        _ source: some BundleSource, _ byName: [[UInt8]: [BundleEntry]], _ check: ManifestCheck, _ report: inout Report
    ) {
        let own: Set<[UInt8]> = [Array("manifest.json".utf8), Array("manifest.sig".utf8)]
        let auditName = Array("audit.jsonl".utf8), queriesName = Array("queries.jsonl".utf8)
        var unhashed = 0
        var facts: BundleCaseFacts? = nil
        var queryTotals: [ExactText: StreamedQueryAccounts.Totals]? = nil
        var hashed: [String: (BundleEntry, ManifestCheck.Listed)] = [:]
        let names = byName.keys.sorted { a, b in
            a == auditName || b == auditName ? a == auditName && b != auditName : a.lexicographicallyPrecedes(b)
        }
        for name in names where !own.contains(name) && byName[name]!.count == 1 {
            let entry = byName[name]![0]
            guard let listed = check.listed[name] else {
                report.problems.append("\(entry.shownName): extra entry not in the manifest (not read)")
                continue
            }
            if entry.unreadable != nil { continue }
            guard entry.declaredSize == listed.bytes else {
                report.problems.append(
                    "\(entry.shownName): size differs (manifest \(listed.bytes) bytes, \(entry.sizeSource) \(entry.declaredSize)); not read"
                )
                continue
            }
            guard check.isTrusted else {
                unhashed += 1
                continue
            }
            let problems = report.problems.count
            var queries =
                name == queriesName
                ? facts.map {
                    StreamedQueryAccounts(
                        accounts: $0.accountSet, maxValueBytes: Int(clamping: listed.bytes), checksExtraPseudonyms: check.redactsExtra,
                        checksExtraKeys: check.redactsExtraKeys)
                } : nil
            let entries = checkHash(entry, listed, source, check, &queries, &report)
            guard report.problems.count == problems else { continue }
            hashed[String(decoding: name, as: UTF8.self)] = (entry, listed)
            if name == auditName, let entries, let caseID = check.caseID {
                do { facts = try BundleCaseFacts(audit: entries, caseID: caseID) } catch { report.problems.append("\(error)") }
                if let info = facts?.snapshot.info, let count = facts?.accounts.count {
                    // The title is data and goes last, so it cannot pose as the status or the count.
                    report.caseSummary = "case \(info.id), \(info.status.rawValue), \(count) \(count == 1 ? "account" : "accounts"); titled \(info.title)"
                }
            }
            if let queries {
                report.problems += queries.problems
                if queries.problems.isEmpty {
                    report.passed.append("queries.jsonl: every row names a case account")
                    queryTotals = queries.totals
                }
            }
        }
        if let facts {
            crossCheck(facts, check, queryTotals: queryTotals, &report) { name, report in
                // The cross-checks read a file a second time: they run only on the bytes that were
                // hashed (a folder bundle's file swapped between the two reads is named).
                guard let (entry, listed) = hashed[name] else { return nil }
                return readWhole(entry, from: source, limit: listed.bytes, sha256: listed.sha256, &report)
            }
        }
        for (name, _) in check.listed where byName[name] == nil {
            report.problems.append("\(TextEscaping.visible(name, limit: 200)): missing from the bundle")
        }
        report.unhashed = unhashed
    }

    /// Streams one entry through its digest (and the audit chain for `audit.jsonl`).
    @discardableResult
    static func checkHash(
        _ entry: BundleEntry, _ listed: ManifestCheck.Listed, _ source: some BundleSource, _ check: ManifestCheck,
        _ queries: inout StreamedQueryAccounts?, _ report: inout Report
    ) -> [AuditEntry]? {
        var digest = StreamedDigest(limit: listed.bytes)
        let isAudit = entry.name == Array("audit.jsonl".utf8)
        var chain = StreamedAuditChain(caseID: check.caseID, maxLineBytes: listed.bytes)
        do {
            try source.stream(entry) { chunk in
                try digest.add(chunk)
                if isAudit { chain.add(chunk) }
                queries?.add(chunk)
            }
            queries?.finish()
        } catch {
            report.problems.append("\(entry.shownName): \(error)")
            return nil
        }
        let actual = digest.hex()
        if digest.count != listed.bytes {
            report.problems.append("\(entry.shownName): holds \(digest.count) bytes, the manifest \(listed.bytes)")
        } else if actual != listed.sha256 {
            report.problems.append(
                "\(entry.shownName): sha256 differs (manifest \(TextEscaping.visible(listed.sha256, limit: 80)), file \(actual))")
        } else {
            report.passed.append("\(entry.shownName): sha256 ok")
        }
        guard isAudit else { return nil }
        if let problem = chain.finish() {
            report.problems.append("audit.jsonl: \(problem)")
        } else if let head = check.auditHead, head != chain.head {
            report.problems.append("audit.jsonl: chain does not end at the manifest's audit_head")
        } else {
            report.passed.append("audit.jsonl: hash chain of \(chain.entries) entries ok")
            return chain.parsed
        }
        return nil
    }

    /// A small entry's whole content, refused above `limit` bytes before it is read, and, given
    /// `sha256`, when its bytes do not hash to it (a file read again after it was checked).
    static func readWhole(
        _ entry: BundleEntry, from source: some BundleSource, limit: UInt64, sha256: String? = nil, _ report: inout Report
    ) -> [UInt8]? {
        guard entry.declaredSize <= limit else {
            report.problems.append("\(entry.shownName): \(entry.declaredSize) bytes, over the \(limit)-byte limit; not read")
            return nil
        }
        // Sized once from the declared size (within `limit`), not grown by doubling: a large
        // entry is held once, not once and a half while it is copied to a larger buffer.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.declaredSize))
        var digest = StreamedDigest(limit: entry.declaredSize, limitSource: "the \(entry.sizeSource)'s")
        do {
            try source.stream(entry) { chunk in
                try digest.add(chunk)
                bytes.append(contentsOf: chunk)
            }
        } catch {
            report.problems.append("\(entry.shownName): \(error)")
            return nil
        }
        guard digest.count == entry.declaredSize else {
            report.problems.append("\(entry.shownName): holds \(digest.count) bytes, the \(entry.sizeSource) says \(entry.declaredSize)")
            return nil
        }
        if let sha256, digest.hex() != sha256 {
            report.problems.append("\(entry.shownName): changed while it was verified (read again, its sha256 differs)")
            return nil
        }
        return bytes
    }

    /// The report with its lines in a stable order: passed by name; problems grouped by the file
    /// they name (the text before the first `: `), in the order the checks found them within a
    /// file, which is row order (a plain string sort put row 10 before row 9).
    static func sorted(_ report: Report) -> Report {
        var out = report
        out.passed.sort()
        func file(_ line: String) -> Substring { line.range(of: ": ").map { line[..<$0.lowerBound] } ?? Substring(line) }
        out.problems = report.problems.enumerated()
            .sorted { a, b in
                let (fileA, fileB) = (file(a.element), file(b.element))
                return fileA != fileB ? fileA < fileB : a.offset < b.offset
            }
            .map(\.element)
        if out.unhashed > 0 {
            out.problems.append("contents: \(out.unhashed) files not hashed, because manifest.json is not signed by a trusted key")
        }
        return out
    }

    /// Reads a whole bundle into memory (name -> bytes; a later duplicate wins). For tests and
    /// tools on bundles this tool wrote; `verify` never does this.
    /// - Throws: `BundleError` or `MalformedZip`.
    static func read(_ path: String) throws -> [String: [UInt8]] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BundleError("\(path): no such bundle")
        }
        let source: any BundleSource
        if isDirectory.boolValue { source = try FolderBundleSource(path: path) } else { source = try ZipBundleSource(path: path) }
        var files: [String: [UInt8]] = [:]
        for entry in source.entries where entry.unreadable == nil {
            var bytes: [UInt8] = []
            try source.stream(entry) { bytes.append(contentsOf: $0) }
            files[String(decoding: entry.name, as: UTF8.self)] = bytes
        }
        return files
    }
}
