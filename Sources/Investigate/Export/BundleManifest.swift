import Crypto
import Foundation

/// `manifest.json` and `manifest.sig`: what the bundle holds and the Ed25519 signature over it.
public enum BundleManifest {
    /// The format name written in every manifest.
    public static let formatName = "investigate-case-bundle"
    /// The format version. 2 (session 26): each row of `queries.jsonl` carries its columns as
    /// the source wrote them (`ts` as written, `ts_utc` the instant read; a column the row lacks
    /// is null), where 1 rebuilt them from the loaded values. 3 (session 36): no CSV cell holds
    /// a NUL byte; such a value's cell is empty and its bytes travel base64, as invalid UTF-8's do.
    /// 4 (session 37): a cluster tag labels accounts only where its cluster has exactly the members
    /// it was tagged with (`cluster_members.ID` in its audit entry), and an account's own labels
    /// outweigh its cluster's in `enforcement.csv` where they disagree (`OwnLabelsFirst`); no CSV
    /// cell holds a line break, and a source value's cell that would read as a number, date,
    /// boolean or missing value carries the `'` mark.
    /// 5 (session 39): the manifest's `source.load` (and `case.json`'s `source_load`) records what
    /// the export's load of the source skipped (`SourceLoadRecord`); `stix21.json` puts accounts
    /// `enforcement.csv` proposes no action for in a grouping of their own, not the case's
    /// `suspicious-activity` one (`STIXFile`); `case.json` keeps the retractions of tags that
    /// stand again (`reasserted_tags`, `CaseTagHistory`); `report.html` opens with "Evidence
    /// checks" (`ReportEvidenceChecks`). A format 4 verifier would refuse all of these.
    /// 6 (session 40): `stix21.json` has no `suspicious-activity` grouping when it would hold no
    /// account and the cleared grouping holds them all (a dismissed case); the case's notes refer
    /// to the cleared grouping then. A format 5 verifier would refuse it (a grouping missing, notes
    /// on another), and this one holds a format 5 bundle to the empty grouping it wrote.
    public static let formatVersion: Int64 = 6
    /// Files every bundle holds besides the manifest and its signature.
    public static let contentFiles = [
        "accounts.csv", "audit.jsonl", "case.json", "edges.csv", "enforcement.csv",
        "graph.graphml", "queries.jsonl", "report.html", "stix21.json",
    ]

    /// The sha256 of each source file, streamed in 1 MiB blocks, and what the export's load of
    /// them skipped (`load`, `SourceLoadRecord`; format 5).
    /// - Throws: `BundleError` when a file cannot be read.
    static func sourceFingerprint(_ files: SourceFiles, load: SourceLoadRecord) throws -> JSONValue {
        var entries: [JSONValue] = []
        for entry in files.all.sorted(by: { $0.name < $1.name }) {
            guard let handle = FileHandle(forReadingAtPath: entry.path) else {
                throw BundleError("cannot read the source file \(entry.path)")
            }
            defer { try? handle.close() }
            var hasher = SHA256()
            var bytes = 0
            while let block = try? handle.read(upToCount: 1 << 20), !block.isEmpty {
                hasher.update(data: block)
                bytes += block.count
            }
            let digest = hasher.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            entries.append(["name": .string(entry.name), "bytes": .int(Int64(bytes)), "sha256": .string(digest)])
        }
        return ["files": .array(entries), "load": load.json]
    }

    /// What a redacted bundle's manifest says was redacted (`redaction.redacted`).
    public static let redactedText =
        "prompts, emails, payment fingerprints, and every extra field: each value of a key the data format does not name "
        + "(queries.jsonl extra, accounts.csv extra), at any depth, is its keyed-hash pseudonym extra-<hex>, and each key "
        + "name at any depth (the field's name too) field-<hex>; null and empty strings are kept"

    /// The manifest of a rendered bundle.
    /// The top-level members `manifest` writes (`verify` refuses any other).
    static let memberNames: Set<String> = [
        "format", "bundle_id", "case_id", "title", "investigator", "tool", "created_at", "exported_at", "audit_head",
        "audit_entries", "source", "files", "redaction", "values", "signature",
    ]

    static func manifest(
        _ input: BundleInput, files: [BundleFile], source: JSONValue,
        publicKey: Curve25519.Signing.PublicKey
    ) -> JSONValue {
        let info = input.snapshot.info
        let redaction: JSONValue =
            input.redactor.map { r in
                [
                    "profile": "keyed-hash", "algorithm": "HMAC-SHA256",
                    "fields": ["prompt", "email", "payment_fingerprint", "extra", .string(ExtraPseudonymCheck.keysField)],
                    "redacted": .string(Self.redactedText),
                    "key_id": .string(r.keyID),
                ]
            } ?? ["profile": "none", "fields": [], "prompts": "exact"]
        return [
            "format": ["name": .string(formatName), "version": .int(formatVersion)],
            "bundle_id": .string(
                UUIDv5.make(
                    namespace: UUIDv5.investigate,
                    name: "bundle:\(info.id):\(input.auditHead):\(input.redactor?.keyID ?? "")")),
            "case_id": .string(info.id), "title": .string(info.title), "investigator": .string(input.investigator),
            "tool": ["name": "investigate", "version": .string(InvestigateVersion.string)],
            "created_at": .string(info.createdAt), "exported_at": .string(input.exportedAt),
            "audit_head": .string(input.auditHead), "audit_entries": .int(Int64(input.snapshot.audit.count)),
            "source": source,
            "files": .array(files.sorted { $0.path < $1.path }.map(\.manifestEntry)),
            "redaction": redaction,
            "values": [
                "exact": .bool(true),
                "json": "a source value is a JSON string when its bytes are valid UTF-8, else {\"b64\": base64 of the bytes}",
                "csv": "cells hold the exact text; a cell starting with = + - @ tab CR (numbers excepted) or ', and a source value's cell (ids, values, their base64, emails, cards, addresses, org ids, countries, plans, statuses) that would read as a number, date, boolean or missing value, carries one more leading ' (drop it to read back); account_id_b64 and value_b64 hold the exact bytes; a value that is not valid UTF-8, or holds a NUL byte (where C readers end a cell) or a line break (LF VT FF CR, 0x1C-0x1E, U+0085, U+2028, U+2029: where line-splitting readers cut a cell), leaves its cell empty: account_id and value then read from their _b64 columns, other values from non_utf8_b64",
                "display": "report.html and graph labels show values escaped for people (\\x1b, \\u{202E}, doubled backslashes)",
            ],
            "signature": [
                "algorithm": "Ed25519", "file": "manifest.sig",
                "public_key": .string(publicKey.rawRepresentation.base64EncodedString()),
                "key_id": .string(BundleKeys.keyID(publicKey)),
            ],
        ]
    }

    /// The signature file: base64 of the 64-byte Ed25519 signature over the manifest bytes, and a newline.
    /// - Throws: when signing fails.
    static func signature(of manifest: [UInt8], key: Curve25519.Signing.PrivateKey) throws -> [UInt8] {
        Array((try key.signature(for: manifest).base64EncodedString() + "\n").utf8)
    }
}
