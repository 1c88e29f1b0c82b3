import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The database file itself: only a path that does not exist yet is created (fully built under
/// a temporary name, mode 0600, then linked into place); an existing file must be a SQLite
/// database, and it and its `-wal`/`-shm` files are kept at mode 0600.
enum CaseStoreFile {
    /// The 16 bytes every SQLite database starts with.
    static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)

    /// Refuses a path that exists and is not a SQLite database (empty, garbage, a folder).
    /// - Returns: false when nothing exists at `path`.
    /// - Throws: `CaseStoreError`.
    static func checkExisting(_ path: String) throws -> Bool {
        var info = stat()
        if stat(path, &info) != 0 {
            let reason = errno
            if reason == ENOENT, lstat(path, &info) != 0 { return false }
            if reason == ENOENT { throw CaseStoreError(.unwritable, "\(path) is a link to nothing") }
            throw CaseStoreError(.unwritable, "cannot read \(path): \(String(cString: strerror(reason)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw CaseStoreError(.unwritable, "\(path) is a folder, not a case database") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw CaseStoreError(.corrupt, "\(path) is not a regular file, not a case database")
        }
        guard info.st_size > 0 else {
            throw CaseStoreError(
                .corrupt,
                "\(path) is empty (0 bytes), not a case database; nothing was written. "
                    + "Move it aside, or give --db a path that does not exist yet")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CaseStoreError(.unwritable, "cannot read \(path)")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        guard Array(head) == sqliteHeader else {
            throw CaseStoreError(.corrupt, "\(path) is not a SQLite database (not a case store); nothing was written")
        }
        return true
    }

    /// Builds a new, migrated store under a temporary name beside `path` (mode 0600), then
    /// links it into place without replacing anything; when another process created `path`
    /// meanwhile, theirs is kept.
    /// - Throws: `CaseStoreError`.
    static func create(_ path: String, configuration: Configuration, patience: Double) throws {
        let temp = path + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw CaseStoreError(.unwritable, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        close(fd)
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temp + suffix) } }
        try CaseStore.retrying(path: path, patience: patience) {
            let pool = try DatabasePool(path: temp, configuration: configuration)
            try CaseSchema.migrator.migrate(pool)
            try pool.close()
        }
        if link(temp, path) != 0 && errno != EEXIST {
            throw CaseStoreError(.unwritable, "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        syncFolder(of: path)
    }

    /// Sets mode 0600 on the database and its `-wal`/`-shm` files (SQLite gives new `-wal` and
    /// `-shm` files the database's mode).
    /// - Throws: `CaseStoreError` when the database's mode cannot be set.
    static func makePrivate(_ path: String) throws {
        for suffix in ["", "-wal", "-shm"] {
            var info = stat()
            guard stat(path + suffix, &info) == 0 else { continue }
            if info.st_mode & 0o777 == 0o600 { continue }
            if chmod(path + suffix, 0o600) != 0 {
                throw CaseStoreError(
                    .unwritable, "cannot make \(path + suffix) private (mode 0600): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Flushes the folder entry of a new file to disk.
    static func syncFolder(of path: String) {
        let folder = AtomicFile.parentFolder(of: path)
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
