#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides whether a name found in a case source folder may be read, before anything opens it.
///
/// A case source is written by others. Only regular files are read: a FIFO would block the
/// load forever, a device (`/dev/zero`, `/dev/urandom`) never ends, a socket cannot be read.
/// A symbolic link is followed only when its target, fully resolved, is a regular file inside
/// the folder; one that leads anywhere else is refused without being opened, and nothing about
/// its target (not even its path) is shown. `FileByteSource` checks the type again on the
/// descriptor it opened (`fstat`), so a file swapped after this check is still refused.
enum SourceFileCheck {
    /// What to open for a name, or why it is refused.
    enum Verdict: Equatable {
        /// Open this path (the name's own path, or the resolved target of a link inside the
        /// folder); `bytes` is its size.
        case readable(path: String, bytes: Int)
        /// Not read, for this reason (no data in it).
        case refused(String)
    }

    /// Checks `path` (a name in a folder of the case source whose resolved root is `root`).
    static func check(_ path: String, root: String) -> Verdict {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .refused("cannot read: \(errorText(errno))") }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            guard let target = resolved(path) else { return .refused(unresolvedLinkReason(errno)) }
            guard isInside(target, root: root) else { return .refused(outsideReason(target, root: root)) }
            var targetInfo = stat()
            guard stat(target, &targetInfo) == 0 else { return .refused("cannot read: \(errorText(errno))") }
            if let kind = nonRegularKind(targetInfo.st_mode) {
                return .refused("symbolic link to \(kind), not a regular file; not read")
            }
            return .readable(path: target, bytes: Int(targetInfo.st_size))
        }
        if let kind = nonRegularKind(info.st_mode) { return .refused("\(kind), not a regular file; not read") }
        return .readable(path: path, bytes: Int(info.st_size))
    }

    /// A folder of the case source (the `queries/` folder) to list: its resolved path when it is
    /// a directory inside `root`, or why it is refused (a link leading out of `root`); nil when
    /// there is no such folder.
    static func checkFolder(_ path: String, root: String) -> Verdict? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let kind = info.st_mode & S_IFMT
        // A plain file that happens to be called `queries` is not a data file: ignored as before.
        guard kind == S_IFDIR || kind == S_IFLNK else { return nil }
        guard let target = resolved(path) else { return .refused(unresolvedLinkReason(errno)) }
        guard isInside(target, root: root) else { return .refused(outsideReason(target, root: root)) }
        var targetInfo = stat()
        guard stat(target, &targetInfo) == 0, (targetInfo.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return .readable(path: target, bytes: 0)
    }

    /// Why a link whose resolved target `target` is not inside `root` is refused: it is the
    /// folder itself (`queries -> .`), or it leads out of it.
    static func outsideReason(_ target: String, root: String) -> String {
        var rootBytes = Array(root.utf8)
        while rootBytes.count > 1 && rootBytes.last == UInt8(ascii: "/") { rootBytes.removeLast() }
        if Array(target.utf8) == rootBytes {
            return "symbolic link to the case source folder itself, not a file or folder in it; not followed"
        }
        return "symbolic link leading outside the case source folder; not followed"
    }

    /// Why a symbolic link could not be resolved, from `realpath`'s `errno`.
    static func unresolvedLinkReason(_ code: Int32) -> String {
        code == ELOOP ? "a symbolic link loop; not followed" : "symbolic link to nothing; not followed"
    }

    /// The fully resolved path (every link followed), or nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// True when `path` (resolved) lies strictly inside `root` (resolved). Compared as bytes:
    /// `String` comparison treats canonically equivalent text as equal, so a sibling folder
    /// named `\u{212A}R-ring` (KELVIN SIGN) would pass for `KR-ring`, and `cafe\u{301}` for `café`.
    static func isInside(_ path: String, root: String) -> Bool {
        var prefix = Array(root.utf8)
        if prefix.last != UInt8(ascii: "/") { prefix.append(UInt8(ascii: "/")) }
        let bytes = Array(path.utf8)
        return bytes.count > prefix.count && bytes.starts(with: prefix)
    }

    /// What a file of mode `mode` is when it is not a regular file ("a FIFO", ...), else nil.
    static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }

    /// `strerror` text for an error number.
    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }
}
