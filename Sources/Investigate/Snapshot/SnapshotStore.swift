import Crypto
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder of investigation snapshots beside the case store (`<case db folder>/snapshots`,
/// mode 0700): one file per key (`<key hex>.snap`, mode 0600), written atomically (temporary
/// file, fsync, rename), at most `keep` kept (the least recently used go first), and the HMAC
/// key (`snapshot.key`, 32 random bytes, mode 0600) that authenticates each snapshot's table.
public struct SnapshotStore: Sendable {
    /// The folder.
    public let folder: String
    /// How many snapshots are kept.
    public var keep = 3

    /// The store in `folder`.
    public init(folder: String) { self.folder = folder }

    /// The store beside the case database at `caseDatabase`.
    public init(caseDatabase: String) { folder = AtomicFile.parentFolder(of: caseDatabase) + "/snapshots" }

    /// The path of the snapshot for `key`.
    public func path(for key: SnapshotKey) -> String { folder + "/" + key.hex + ".snap" }

    var keyPath: String { folder + "/snapshot.key" }

    /// The folder's HMAC key; made (with the folder) when `create` and missing; nil otherwise.
    func macKey(create: Bool) throws -> SymmetricKey? {
        if let data = FileManager.default.contents(atPath: keyPath), data.count == 32 { return SymmetricKey(data: data) }
        guard create else { return nil }
        try makeFolder()
        let bytes = SecureRandom.bytes(32)
        try AtomicFile.write(bytes, to: keyPath)
        return SymmetricKey(data: bytes)
    }

    private func makeFolder() throws {
        let parent = AtomicFile.parentFolder(of: folder)
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try AtomicFile.makeFolder(folder)
    }

    /// The snapshot for `key` when there is one and it passes every check; nil when there is none.
    /// - Throws: `SnapshotDamage` when one exists but is not trusted (the caller rebuilds it).
    func read(key: SnapshotKey, directory: String, files: SourceFiles, clustering: ClusteringMode) throws -> Investigation? {
        let path = path(for: key)
        guard SnapshotRawIO.isSupportedHost, FileManager.default.fileExists(atPath: path) else { return nil }
        guard let macKey = try? macKey(create: false) else { throw SnapshotDamage("the snapshot folder's key is missing") }
        let input = try SnapshotFileReader(path: path, key: key.digest, macKey: macKey)
        let investigation = try InvestigationSnapshot.read(input, directory: directory, files: files, clustering: clustering)
        // Marks it recently used, for `prune`.
        utimes(path, nil)
        return investigation
    }

    /// Writes the snapshot of `investigation` under `key` atomically, then prunes the folder.
    /// - Throws: `SnapshotWriteFailure` naming the path and the reason.
    public func write(_ investigation: Investigation, key: SnapshotKey) throws {
        guard SnapshotRawIO.isSupportedHost else { throw SnapshotWriteFailure(reason: "unsupported host byte order") }
        let macKey = try macKey(create: true)!
        let path = path(for: key)
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SnapshotWriteFailure(reason: "\(temporary): " + String(cString: strerror(errno))) }
        var done = false
        defer {
            if !done { unlink(temporary) }
        }
        do {
            let out = try SnapshotFileWriter(fd: fd, key: key.digest)
            try InvestigationSnapshot.write(investigation, to: out)
            try out.finish(macKey: macKey)
        } catch {
            close(fd)
            throw SnapshotWriteFailure(reason: "\(path): \(error)")
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, path) == 0 else {
            throw SnapshotWriteFailure(reason: "\(path): " + String(cString: strerror(errno)))
        }
        done = true
        AtomicFile.syncFolder(of: path)
        prune()
    }

    /// Removes a snapshot that failed its checks.
    func discard(key: SnapshotKey) { unlink(path(for: key)) }

    /// Keeps the `keep` most recently used snapshots and removes the rest, with temporary files
    /// more than a day old (left by a process that died while writing).
    func prune() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        var snapshots: [(path: String, used: Date)] = []
        for name in names where name.hasSuffix(".snap") || name.contains(".snap.tmp-") {
            let path = folder + "/" + name
            guard let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date else { continue }
            if name.hasSuffix(".snap") {
                snapshots.append((path, modified))
            } else if modified.timeIntervalSinceNow < -86_400 {
                unlink(path)
            }
        }
        snapshots.sort { $0.used > $1.used }
        for stale in snapshots.dropFirst(max(0, keep)) { unlink(stale.path) }
    }
}
