import Crypto

/// What a snapshot is valid for: the source's fingerprint (each file's role, name, size,
/// modification and change times to the nanosecond, device and inode, and the SHA-256 of its
/// first and last 64 KiB; each name
/// not read and each file warning, with the reason), the tool version, the clustering mode and
/// the snapshot format version, hashed into 32 bytes.
public struct SnapshotKey: Sendable, Equatable {
    /// The SHA-256 of everything above.
    public let digest: [UInt8]

    /// Bytes hashed from each end of every file.
    static let edgeBytes = 64 * 1024

    /// The key of `files` opened with `clustering`; nil when a file cannot be read now.
    public init?(files: SourceFiles, clustering: ClusteringMode) {
        var hasher = SHA256()
        func field(_ bytes: [UInt8]) {
            var length = ByteWriter()
            length.u64(UInt64(bytes.count))
            hasher.update(data: length.data)
            hasher.update(data: bytes)
        }
        field(Array("investigate snapshot".utf8))
        field(Array(String(SnapshotFormat.version).utf8))
        field(Array(InvestigateVersion.string.utf8))
        field(Array(clustering.rawValue.utf8))
        let roles: [(String, [SourceFiles.Entry])] = [
            ("accounts", files.accounts), ("payments", files.payments), ("links", files.links), ("queries", files.queries),
        ]
        for (role, entries) in roles {
            for entry in entries {
                field(Array(role.utf8))
                field(Array(entry.name.utf8))
                guard SourceFileEdges.add(entry.path, edgeBytes: Self.edgeBytes, modificationTime: true, to: &hasher) else { return nil }
            }
        }
        // Names that are not read, and files read with a warning, are in the load report: a
        // snapshot holds the report of the same ones (an entry added under queries/ that is not
        // read must be reported, not passed over by a snapshot taken before it).
        for refusal in files.refused {
            field(Array("refused".utf8))
            field(Array(refusal.name.utf8))
            field(Array(refusal.reason.utf8))
        }
        for warning in files.warnings {
            field(Array("warning".utf8))
            field(Array(warning.description.utf8))
        }
        digest = Array(hasher.finalize())
    }

    /// The key as 64 hex digits (the snapshot's file name).
    public var hex: String { digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }
}
