import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bundle folder. Only regular files are read: a symbolic link, FIFO, device, socket or
/// subfolder is listed as unreadable, never followed or opened; each file is opened with
/// `O_NOFOLLOW | O_NONBLOCK` and checked again with `fstat`, so a swap after listing cannot
/// make the verifier follow a link or block on a FIFO. Each regular file must have the mode the
/// exporter writes (0600, `AtomicFile.write`): a file others may read or write, or one with
/// set-id or execute bits, is named (`containerProblems`).
struct FolderBundleSource: BundleSource {
    let folder: String
    let entries: [BundleEntry]
    /// Regular files whose permission bits are not the exporter's, one line each.
    let containerProblems: [String]

    /// The permission bits the exporter gives each file of a folder bundle.
    static let exporterMode: mode_t = 0o600

    /// Lists the folder at `path` (not recursing).
    /// - Throws: `BundleError` when it cannot be listed.
    init(path: String) throws {
        folder = path
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path).sorted() } catch {
            throw BundleError("\(path): the bundle folder cannot be listed: \(error.localizedDescription)")
        }
        var modeProblems: [String] = []
        entries = names.enumerated().map { i, name in
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0 else {
                return BundleEntry(
                    name: Array(name.utf8), declaredSize: 0, sizeSource: "file",
                    unreadable: "cannot be examined: \(String(cString: strerror(errno)))", index: i)
            }
            let kind = Self.kind(info.st_mode)
            let entry = BundleEntry(
                name: Array(name.utf8), declaredSize: UInt64(max(0, Int64(info.st_size))), sizeSource: "file",
                unreadable: kind == nil ? nil : "not a regular file (\(kind!))", index: i)
            if kind == nil, let problem = Self.modeProblem(info.st_mode, name: entry.shownName) { modeProblems.append(problem) }
            return entry
        }
        containerProblems = modeProblems
    }

    /// The line for a regular file whose permission bits are not 0600, or nil.
    static func modeProblem(_ mode: mode_t, name: String) -> String? {
        let bits = mode & 0o7777
        guard bits != exporterMode else { return nil }
        let shown = String(bits, radix: 8)
        return "\(name): mode \(String(repeating: "0", count: max(0, 4 - shown.count)))\(shown); the exporter writes 0600 "
            + "(its owner may read and write it, no one else)"
    }

    /// What a non-regular file is, or nil for a regular file.
    static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK: return "a symbolic link, not followed"
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "an unknown kind of file"
        }
    }

    func stream(_ entry: BundleEntry, into consume: (Data) throws -> Void) throws {
        let path = folder + "/" + String(decoding: entry.name, as: UTF8.self)
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw EntryReadError("cannot be opened: \(String(cString: strerror(errno)))") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw EntryReadError("cannot be examined: \(String(cString: strerror(errno)))") }
        if let kind = Self.kind(info.st_mode) { throw EntryReadError("not a regular file (\(kind))") }
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: BundleSourceLimits.chunk) ?? Data() } catch {
                throw EntryReadError("cannot be read: \(error.localizedDescription)")
            }
            if chunk.isEmpty { return }
            try consume(chunk)
        }
    }
}
