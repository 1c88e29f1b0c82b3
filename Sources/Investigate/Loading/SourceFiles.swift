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
/// is listed in `refused` with the reason, and never opened.
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

    /// Finds the files of `directory`.
    /// - Throws: `LoadFailure` when the folder or a required file is missing.
    public init(directory: String) throws {
        self.directory = directory
        guard Self.isDirectory(directory), let root = SourceFileCheck.resolved(directory) else {
            throw LoadFailure.notADirectory(path: directory)
        }
        let names = Self.list(directory).compactMap { $0.name }
        accounts = entries(named: "accounts", in: names, root: root)
        payments = entries(named: "payments", in: names, root: root)
        links = entries(named: "links", in: names, root: root)
        queries = entries(named: "queries", in: names, root: root)
        switch SourceFileCheck.checkFolder(directory + "/queries", root: root) {
        case .readable(let folder, _)?:
            var found: [Entry] = []
            for listed in Self.list(folder).sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
                let display = "queries/" + TextEscaping.visible(listed.bytes, limit: 255)
                guard TableFormat.of(path: String(decoding: listed.bytes, as: UTF8.self)) != nil else { continue }
                guard let name = listed.name else {
                    refused.append(
                        Refusal(name: display, reason: "file name is not valid UTF-8; not read", isAccounts: false))
                    continue
                }
                add(path: folder + "/" + name, display: display, root: root, to: &found, isAccounts: false)
            }
            queries += found
        case .refused(let reason)?:
            refused.append(Refusal(name: "queries/", reason: reason, isAccounts: false))
        case nil:
            break
        }
        if let refusal = refused.first(where: \.isAccounts), accounts.isEmpty {
            throw LoadFailure.unreadable(file: refusal.name, reason: refusal.reason)
        }
        if accounts.isEmpty { throw LoadFailure.missingFile(directory: directory, expected: "accounts.csv or accounts.jsonl") }
        if queries.isEmpty {
            if let refusal = refused.first { throw LoadFailure.unreadable(file: refusal.name, reason: refusal.reason) }
            throw LoadFailure.missingFile(directory: directory, expected: "queries.jsonl, queries.csv or a queries/ folder")
        }
    }

    /// Every file, in load order.
    public var all: [Entry] { accounts + payments + links + queries }

    private mutating func entries(named base: String, in names: [String], root: String) -> [Entry] {
        let suffixes = [".csv", ".jsonl", ".ndjson", ".json"].flatMap { [$0, $0 + ".gz"] }
        var found: [Entry] = []
        for name in names.sorted() where suffixes.contains(where: { name.lowercased() == base + $0 }) {
            add(path: directory + "/" + name, display: TextEscaping.visible(name), root: root, to: &found, isAccounts: base == "accounts")
        }
        return found
    }

    private mutating func add(path: String, display: String, root: String, to list: inout [Entry], isAccounts: Bool) {
        switch SourceFileCheck.check(path, root: root) {
        case .readable(let target, let bytes):
            list.append(Entry(path: target, name: display, bytes: bytes))
        case .refused(let reason):
            refused.append(Refusal(name: display, reason: reason, isAccounts: isAccounts))
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in a folder as their raw bytes (hidden names left out), each with its decoded
    /// text when the bytes are valid UTF-8 (nil otherwise: such a name cannot be opened through
    /// a `String` path without changing it).
    static func list(_ directory: String) -> [(bytes: [UInt8], name: String?)] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [(bytes: [UInt8], name: String?)] = []
        while let entry = readdir(dir) {
            // A C boundary: a dirent is only `d_reclen` bytes long, often less than the struct, so
            // the name is read in place up to its NUL within the record (copying the fixed-size
            // `d_name` tuple read past the allocation: found by AddressSanitizer).
            let base = UnsafeRawPointer(entry)
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let room = max(0, Int(entry.pointee.d_reclen) - offset)
            let length = strnlen((base + offset).assumingMemoryBound(to: CChar.self), room)
            let bytes = Array(UnsafeRawBufferPointer(start: base + offset, count: length))
            if bytes.isEmpty || bytes.first == 0x2E { continue }
            names.append((bytes, String(validating: bytes, as: UTF8.self)))
        }
        return names
    }
}
