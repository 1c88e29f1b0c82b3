#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The query files under a case source's `queries/` folder, and every entry there that is not
/// read, with why.
///
/// Query files are read from `queries/` and from the folders directly in it (partitioned
/// exports such as `queries/dt=2025-01-01/part-0.jsonl`), in a stable order: names compared as
/// bytes, a folder's files in the folder's place. Each file passes the same checks as any data
/// file (`SourceFileCheck`: regular files only, symbolic links only to a regular file inside the
/// case source). Nothing under the folder is passed over in silence: a hidden name, a name that
/// is not a data file (`part-00001`, `.zst`, `.tmp`), a folder deeper down, a folder that cannot
/// be listed, each is a refusal naming it.
struct QueryFolder {
    /// The files to read, in load order.
    private(set) var entries: [SourceFiles.Entry] = []
    /// The entries not read, in the same order.
    private(set) var refused: [SourceFiles.Refusal] = []

    /// Lists `folder` (the resolved path of `queries/`) of the case source resolved to `root`.
    init(folder: String, root: String) {
        walk(folder, display: "queries/", depth: 0, root: root)
    }

    /// Why a name that is not a data file is not read.
    static let notADataFile = "not a .csv, .jsonl, .ndjson or .json file (optionally .gz); not read"
    /// Why a folder below the first level is not read.
    static let tooDeep = "a folder: not read (query files are read from queries/ and the folders directly in it, not deeper)"

    private mutating func walk(_ folder: String, display: String, depth: Int, root: String) {
        let listed: [SourceFiles.ListedName]
        switch SourceFiles.list(folder) {
        case .success(let names): listed = names
        case .failure(let error):
            refuse(display, "cannot list the folder: \(SourceFileCheck.errorText(error.code)); nothing in it was read")
            return
        }
        for entry in listed.sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
            let name = display + TextEscaping.visible(entry.bytes, limit: 255)
            let isFolder = Self.isFolder(folder, entry)
            if entry.bytes.first == 0x2E {
                refuse(name + (isFolder ? "/" : ""), isFolder ? "hidden folder: not read" : "hidden file: not read")
                continue
            }
            if isFolder {
                guard depth == 0 else {
                    refuse(name + "/", Self.tooDeep)
                    continue
                }
                guard let text = entry.name else {
                    refuse(name + "/", "folder name is not valid UTF-8; not read")
                    continue
                }
                switch SourceFileCheck.checkFolder(folder + "/" + text, root: root) {
                case .readable(let path, _)?: walk(path, display: name + "/", depth: depth + 1, root: root)
                case .refused(let reason)?: refuse(name + "/", reason)
                case nil: refuse(name + "/", "cannot read: the folder changed while it was listed")
                }
                continue
            }
            guard TableFormat.of(path: String(decoding: entry.bytes, as: UTF8.self)) != nil else {
                refuse(name, Self.notADataFile)
                continue
            }
            guard let text = entry.name else {
                refuse(name, "file name is not valid UTF-8; not read")
                continue
            }
            switch SourceFileCheck.check(folder + "/" + text, root: root) {
            case .readable(let path, let bytes): entries.append(SourceFiles.Entry(path: path, name: name, bytes: bytes))
            case .refused(let reason): refuse(name, reason)
            }
        }
    }

    private mutating func refuse(_ name: String, _ reason: String) {
        refused.append(SourceFiles.Refusal(name: name, reason: reason, isAccounts: false, isQueries: true))
    }

    /// True when the entry is a folder, or a symbolic link whose target is a folder (such a link
    /// is then checked like the `queries/` folder itself: it must stay inside the case source).
    /// An undecodable name cannot be looked up through a `String` path: its listed type decides.
    private static func isFolder(_ folder: String, _ entry: SourceFiles.ListedName) -> Bool {
        guard let text = entry.name else { return entry.isFolder }
        var info = stat()
        return stat(folder + "/" + text, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
