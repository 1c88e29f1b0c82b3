#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of a case source folder, found by name.
///
/// Only regular files are taken, and symbolic links only when they resolve to a regular file
/// inside the folder (`SourceFileCheck`); any other name that would be a data file (a FIFO, a
/// device, a link leading out of the folder, a name under `queries/` that is not valid UTF-8)
/// is listed in `refused` with the reason, and never opened. Every entry under `queries/` that
/// is not read (a hidden name, a name that is not a data file, a folder deeper than one level,
/// a folder that cannot be listed) is refused the same way (`QueryFolder`).
public struct SourceFiles: Sendable {
    /// One file: its path and its name relative to the folder.
    public struct Entry: Sendable, Equatable {
        /// Path to open: the name's path in the folder, or the resolved target of a symbolic
        /// link that stays inside the folder.
        public var path: String
        /// Name relative to the case source, made inert (a file name in the source folder is data
        /// too: control bytes and bidi overrides are shown as escapes in every message).
        public var name: String
        /// Size in bytes.
        public var bytes: Int
    }

    /// A name that would be a data file but is not read.
    public struct Refusal: Sendable, Equatable, CustomStringConvertible {
        /// The name relative to the case source, made inert (invalid bytes as `\xff`).
        public var name: String
        /// Why it is not read (never any of its content or its link target).
        public var reason: String
        /// True for an `accounts.*` name (the load cannot go on without it).
        public var isAccounts: Bool
        /// True for a `queries.*` name or an entry under `queries/`.
        public var isQueries = false
        public var description: String { "\(name): \(reason)" }
    }

    /// The case source folder.
    public var directory: String
    /// `accounts.*` files.
    public var accounts: [Entry] = []
    /// `payments.*` files.
    public var payments: [Entry] = []
    /// `queries.*` files and every data file under `queries/`.
    public var queries: [Entry] = []
    /// `links.*` files.
    public var links: [Entry] = []
    /// Data file names that are not read, in name order.
    public var refused: [Refusal] = []
    /// Data files that are read but look wrong (an empty gzip file, two names that differ only
    /// in letter case, a file beside its `.gz` copy: `copyWarnings`), each at line 1.
    public var warnings: [LoadIssue] = []

    /// Finds the files of `directory`.
    /// - Throws: `LoadFailure` when the folder or a required file is missing.
    public init(directory: String) throws {
        self.directory = directory
        guard Self.isDirectory(directory), let root = SourceFileCheck.resolved(directory) else {
            throw LoadFailure.notADirectory(path: directory)
        }
        let listed: [ListedName]
        switch Self.list(directory) {
        case .success(let names): listed = names
        case .failure(let error):
            throw LoadFailure.unreadable(
                file: directory, reason: "cannot list the folder: \(SourceFileCheck.errorText(error.code))")
        }
        // Only the data file names are looked at in the folder itself (a README beside them is
        // no data); hidden names never are data file names.
        let names = listed.filter { $0.bytes.first != 0x2E }.compactMap(\.name)
        accounts = entries(named: "accounts", in: names, root: root)
        payments = entries(named: "payments", in: names, root: root)
        links = entries(named: "links", in: names, root: root)
        queries = entries(named: "queries", in: names, root: root)
        switch SourceFileCheck.checkFolder(directory + "/queries", root: root) {
        case .readable(let folder, _)?:
            let found = QueryFolder(folder: folder, root: root)
            queries += found.entries
            refused += found.refused
        case .refused(let reason)?:
            refused.append(Refusal(name: "queries/", reason: reason, isAccounts: false, isQueries: true))
        case nil:
            break
        }
        readEachFileOnce()
        warnEmptyGzipFiles()
        warnHardLinks()
        warnings += Self.copyWarnings(accounts: accounts, payments: payments, links: links, queries: queries)
        if let refusal = refused.first(where: \.isAccounts), accounts.isEmpty {
            throw LoadFailure.refused(file: refusal.name, reason: refusal.reason)
        }
        if accounts.isEmpty { throw LoadFailure.missingFile(directory: directory, expected: "accounts.csv or accounts.jsonl") }
        if queries.isEmpty {
            let lost = refused.filter(\.isQueries)
            if let refusal = lost.first {
                let others =
                    switch lost.count {
                    case 1: "; no query file could be read"
                    case 2: "; no query file could be read (1 other query name not read either)"
                    default: "; no query file could be read (\(lost.count - 1) other query names not read either)"
                    }
                throw LoadFailure.refused(file: refusal.name, reason: refusal.reason + others)
            }
            if let refusal = refused.first { throw LoadFailure.refused(file: refusal.name, reason: refusal.reason) }
            throw LoadFailure.missingFile(directory: directory, expected: "queries.jsonl, queries.csv or a queries/ folder")
        }
    }

    /// Every file, in load order.
    public var all: [Entry] { accounts + payments + links + queries }

    private mutating func entries(named base: String, in names: [String], root: String) -> [Entry] {
        let suffixes = [".csv", ".jsonl", ".ndjson", ".json"].flatMap { [$0, $0 + ".gz"] }
        var found: [Entry] = []
        var firstOfSpelling: [String: String] = [:]
        for name in names.sorted() where suffixes.contains(where: { name.lowercased() == base + $0 }) {
            let display = TextEscaping.visible(name)
            if let first = firstOfSpelling[name.lowercased()] {
                // `queries.jsonl` and `QUERIES.JSONL`: both are read, but they are most likely one
                // file twice (a copy from a case-insensitive disk).
                warnings.append(
                    LoadIssue(
                        file: display, line: 1,
                        reason: "the same name as \(first) but for letter case; both are read (rows in both count twice)"))
            } else {
                firstOfSpelling[name.lowercased()] = display
            }
            switch SourceFileCheck.check(directory + "/" + name, root: root) {
            case .readable(let target, let bytes):
                found.append(Entry(path: target, name: display, bytes: bytes))
            case .refused(let reason):
                refused.append(Refusal(name: display, reason: reason, isAccounts: base == "accounts", isQueries: base == "queries"))
            }
        }
        return found
    }

    /// A 0-byte `.gz` file is not even an empty gzip stream (that takes 20 bytes): it reads as no
    /// rows, which must not pass unnoticed. (A 0-byte CSV file is reported as having no header.)
    private mutating func warnEmptyGzipFiles() {
        for entry in all where entry.bytes == 0 && entry.name.lowercased().hasSuffix(".gz") && TableFormat.of(path: entry.name) == .jsonl {
            warnings.append(LoadIssue(file: entry.name, line: 1, reason: "empty file (0 bytes, not a gzip stream); no rows read"))
        }
    }

    /// A data file with more than one hard link is also reachable under another name, which may
    /// lie outside the case source folder (a link cannot tell where its other names are): it is
    /// read, and the report says so.
    private mutating func warnHardLinks() {
        for entry in all {
            var info = stat()
            guard stat(entry.path, &info) == 0, info.st_nlink > 1 else { continue }
            warnings.append(
                LoadIssue(
                    file: entry.name, line: 1,
                    reason: "has \(info.st_nlink) hard links: the same file has another name, perhaps outside the case source "
                        + "folder; read, but check that it belongs to this case"))
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// One name listed in a folder.
    struct ListedName {
        /// The name's raw bytes.
        var bytes: [UInt8]
        /// The name decoded, when its bytes are valid UTF-8 (nil otherwise: such a name cannot be
        /// opened through a `String` path without changing it).
        var name: String?
        /// True when the listing says it is a folder (only used for undecodable names; others are
        /// looked up with `stat`, which also follows links).
        var isFolder: Bool
    }

    /// A folder that cannot be listed, with the error number.
    struct ListingError: Error {
        /// `errno` from `opendir` or `readdir`.
        var code: Int32
    }

    /// The names in a folder (`.` and `..` left out, hidden names kept), or why the folder could
    /// not be listed to its end.
    static func list(_ directory: String) -> Result<[ListedName], ListingError> {
        guard let dir = opendir(directory) else { return .failure(ListingError(code: errno)) }
        defer { closedir(dir) }
        var names: [ListedName] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { return .failure(ListingError(code: errno)) }
                break
            }
            // A C boundary: a dirent is only `d_reclen` bytes long, often less than the struct, so
            // the name is read in place up to its NUL within the record (copying the fixed-size
            // `d_name` tuple read past the allocation: found by AddressSanitizer).
            let base = UnsafeRawPointer(entry)
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let room = max(0, Int(entry.pointee.d_reclen) - offset)
            let length = strnlen((base + offset).assumingMemoryBound(to: CChar.self), room)
            let bytes = Array(UnsafeRawBufferPointer(start: base + offset, count: length))
            if bytes.isEmpty || bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            names.append(
                ListedName(
                    bytes: bytes, name: String(validating: bytes, as: UTF8.self), isFolder: entry.pointee.d_type == UInt8(DT_DIR)))
        }
        return .success(names)
    }
}
