#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of a case source folder, found by name.
public struct SourceFiles: Sendable {
    /// One file: its path and its name relative to the folder.
    public struct Entry: Sendable, Equatable {
        /// Full path.
        public var path: String
        /// Name relative to the case source, made inert (a file name in the source folder is data
        /// too: control bytes and bidi overrides are shown as escapes in every message).
        public var name: String
        /// Size in bytes.
        public var bytes: Int
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

    /// Finds the files of `directory`.
    /// - Throws: `LoadFailure` when the folder or a required file is missing.
    public init(directory: String) throws {
        self.directory = directory
        guard Self.isDirectory(directory) else { throw LoadFailure.notADirectory(path: directory) }
        let names = Self.list(directory)
        accounts = Self.entries(named: "accounts", in: names, directory: directory, prefix: "")
        payments = Self.entries(named: "payments", in: names, directory: directory, prefix: "")
        links = Self.entries(named: "links", in: names, directory: directory, prefix: "")
        queries = Self.entries(named: "queries", in: names, directory: directory, prefix: "")
        let folder = directory + "/queries"
        if Self.isDirectory(folder) {
            queries += Self.list(folder).filter { TableFormat.of(path: $0) != nil }.sorted().map {
                Entry(path: folder + "/" + $0, name: "queries/" + TextEscaping.visible($0), bytes: Self.size(folder + "/" + $0))
            }
        }
        if accounts.isEmpty { throw LoadFailure.missingFile(directory: directory, expected: "accounts.csv or accounts.jsonl") }
        if queries.isEmpty {
            throw LoadFailure.missingFile(directory: directory, expected: "queries.jsonl, queries.csv or a queries/ folder")
        }
    }

    /// Every file, in load order.
    public var all: [Entry] { accounts + payments + links + queries }

    private static func entries(named base: String, in names: [String], directory: String, prefix: String) -> [Entry] {
        let suffixes = [".csv", ".jsonl", ".ndjson", ".json"].flatMap { [$0, $0 + ".gz"] }
        return names.filter { name in suffixes.contains { name.lowercased() == base + $0 } }.sorted().map {
            Entry(path: directory + "/" + $0, name: prefix + TextEscaping.visible($0), bytes: size(directory + "/" + $0))
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    static func list(_ directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." && !name.hasPrefix(".") { names.append(name) }
        }
        return names
    }
}
