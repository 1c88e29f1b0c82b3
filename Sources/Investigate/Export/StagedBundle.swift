import Foundation
import ZIPFoundation

/// A bundle written in full beside its final path and synced, waiting to be made visible by
/// one rename: an export publishes it inside the store transaction that audits it, so a bundle
/// appears at its path only together with its audit entry.
public struct StagedBundle {
    /// The temporary sibling holding the bundle.
    public let temporary: String
    /// Where it goes.
    public let path: String
    /// A folder bundle (else one zip file).
    public let isFolder: Bool

    /// Moves the bundle to `path` with a rename. An existing bundle (folder or zip) of the same
    /// case there is replaced; anything else (another case's bundle, any other file) is refused
    /// and kept.
    /// - Throws: `BundleError` or `AtomicFile.WriteError`; the staged copy is kept then.
    public func publish() throws {
        if isFolder {
            let fm = FileManager.default
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue, Self.isRegularFile(path + "/manifest.json") else {
                    throw BundleError("\(path) exists and is not a case bundle folder; choose another --out")
                }
                try refuseAnotherCase()
                let old = path + ".old-\(getpid())"
                try rename(path, old)
                do { try rename(temporary, path) } catch {
                    try? rename(old, path)
                    throw error
                }
                try? fm.removeItem(atPath: old)
            } else {
                try rename(temporary, path)
            }
        } else {
            var info = stat()
            if lstat(path, &info) == 0 {
                guard (info.st_mode & S_IFMT) != S_IFLNK else {
                    throw BundleError("\(path) is a symbolic link; give the bundle's own path as --out")
                }
                guard Self.isRegularFile(path), Self.isBundleArchive(path) else {
                    throw BundleError("\(path) exists and is not a case bundle; choose another --out")
                }
                try refuseAnotherCase()
            }
            try rename(temporary, path)
        }
        AtomicFile.syncFolder(of: path)
    }

    /// True when `path` itself (not a link's target) is a regular file. Nothing else at `--out`
    /// is opened: opening a FIFO planted there would block the export for good.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// True when `path` is a zip archive holding a bundle manifest (an earlier export, which a
    /// new one may replace); anything else at `--out` is kept.
    static func isBundleArchive(_ path: String) -> Bool {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read) else { return false }
        return archive["manifest.json"] != nil
    }

    /// Throws when the bundle at `path` is another case's (or its case cannot be read): a
    /// signed bundle handed on is evidence, and an export of one case never replaces another's.
    private func refuseAnotherCase() throws {
        let existing = Self.caseID(ofBundleAt: path, folder: isFolder)
        let staged = Self.caseID(ofBundleAt: temporary, folder: isFolder)
        guard let existing, existing == staged else {
            let whose = existing.map { "case \(TextEscaping.visible($0))'s bundle" } ?? "a bundle whose case cannot be read"
            throw BundleError("\(path) holds \(whose), not this case's; choose another --out")
        }
    }

    /// The `case_id` of the bundle manifest at `path` (a folder's `manifest.json`, or the entry of
    /// that name in a zip; at most 16 MiB read), or nil.
    static func caseID(ofBundleAt path: String, folder: Bool) -> String? {
        let limit = 16 << 20
        var bytes = Data()
        if folder {
            guard let handle = FileHandle(forReadingAtPath: path + "/manifest.json") else { return nil }
            defer { try? handle.close() }
            guard let read = try? handle.read(upToCount: limit + 1) else { return nil }
            bytes = read
        } else {
            guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read),
                let entry = archive["manifest.json"], entry.uncompressedSize <= UInt64(limit),
                (try? archive.extract(entry, consumer: { bytes.append($0) })) != nil
            else { return nil }
        }
        guard bytes.count <= limit, let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] else { return nil }
        return object["case_id"] as? String
    }

    /// Removes the published bundle (when the audit entry could not be committed after all).
    public func withdraw() { try? FileManager.default.removeItem(atPath: path) }

    /// Removes the staged copy.
    public func discard() { try? FileManager.default.removeItem(atPath: temporary) }

    private func rename(_ from: String, _ to: String) throws {
        guard Foundation.rename(from, to) == 0 else {
            throw AtomicFile.WriteError(path: to, reason: String(cString: strerror(errno)))
        }
    }
}
