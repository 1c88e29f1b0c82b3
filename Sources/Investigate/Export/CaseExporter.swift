import Crypto

/// Exports a case: reads it, renders the bundle against an investigation of the source,
/// stages the files beside the destination, and in one store transaction appends the export's
/// audit entry and publishes the bundle with a rename: written and audited as a whole, or not
/// at all (a failed commit withdraws the published bundle).
public struct CaseExporter {
    /// What an export produced.
    public struct Result {
        public var path: String
        public var files: [BundleFile]
        public var manifestSHA256: String
        public var warnings: [String]
    }

    public let store: any CaseStoring
    public let signingKey: Curve25519SigningKey
    public let redactor: Redactor?

    public init(store: any CaseStoring, signingKey: Curve25519SigningKey, redactor: Redactor?) {
        self.store = store
        self.signingKey = signingKey
        self.redactor = redactor
    }

    /// Exports `caseID` to `path` (`.zip` archive, else a folder). Retries once when the case
    /// changes between reading and recording.
    /// - Throws: `CaseStoreError`, `BundleError` or `AtomicFile.WriteError`.
    public func export(caseID: String, investigation: Investigation, to path: String) throws -> Result {
        var attempt = 0
        while true {
            attempt += 1
            let input = BundleInput(
                snapshot: try store.snapshot(caseID: caseID), investigation: investigation,
                investigator: store.investigator, redactor: redactor)
            let rendered = try BundleWriter(signingKey: signingKey).render(input)
            let detail: JSONValue = [
                "format": .string(BundleManifest.formatName), "manifest_sha256": .string(rendered.manifestSHA256),
                "audit_head": .string(input.auditHead), "redacted": .bool(redactor != nil),
                "accounts": .int(Int64(input.accounts.count + input.missingAccounts.count)),
                "kind": .string(path.lowercased().hasSuffix(".zip") ? "zip" : "folder"),
            ]
            let staged = try BundleWriter.stage(rendered.files, to: path, modified: input.exportedAt)
            var published = false
            do {
                try store.recordExport(caseID: caseID, expectedHead: input.auditHead, detail: detail) {
                    try staged.publish()
                    published = true
                }
                return Result(
                    path: path, files: rendered.files, manifestSHA256: rendered.manifestSHA256,
                    warnings: rendered.warnings)
            } catch let error as CaseStoreError where error.kind == .locked && attempt < 3 {
                if published { staged.withdraw() }
                staged.discard()
                continue
            } catch {
                // Not audited, so not exported: nothing stays behind at `path`.
                if published { staged.withdraw() }
                staged.discard()
                throw error
            }
        }
    }
}

/// The Ed25519 private key type used to sign bundles.
public typealias Curve25519SigningKey = Curve25519.Signing.PrivateKey
