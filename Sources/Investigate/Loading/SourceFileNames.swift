#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SourceFiles {
    /// One file reached under two names in the source (a symbolic link inside the folder to a
    /// data file beside it, or a second hard link) is read once, under its first name in load
    /// order that is not a symbolic link, and the report says so at the other name (a warning:
    /// a strict load stops). Read twice, each of its rows counted twice: a trial's
    /// `queries/link_in.jsonl -> p1.jsonl` did so without a word. Files are told apart by device
    /// and inode, as the system knows them.
    mutating func readEachFileOnce() {
        func identity(_ entry: Entry) -> FileIdentity? {
            var info = stat()
            guard stat(entry.path, &info) == 0 else { return nil }
            return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        }
        func isLink(_ entry: Entry) -> Bool {
            var info = stat()
            return lstat(directory + "/" + entry.name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        }
        // The name each file is read under: its first name that is not a symbolic link, else its first.
        var kept: [FileIdentity: Entry] = [:]
        for entry in all {
            guard let id = identity(entry) else { continue }
            if let first = kept[id], !isLink(first) || isLink(entry) { continue }
            kept[id] = entry
        }
        func keepOne(_ entries: [Entry]) -> [Entry] {
            entries.filter { entry in
                guard let id = identity(entry), let read = kept[id], read != entry else { return true }
                warnings.append(
                    LoadIssue(file: entry.name, line: 1, reason: "is the same file as \(read.name) (a link): read once, as \(read.name)"))
                return false
            }
        }
        accounts = keepOne(accounts)
        payments = keepOne(payments)
        links = keepOne(links)
        queries = keepOne(queries)
    }

    /// A file as the system knows it.
    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }
}
