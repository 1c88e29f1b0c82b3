import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bundle folder. Only regular files are read: a symbolic link, FIFO, device, socket or
/// subfolder is listed as unreadable, never followed or opened; each file is opened with
/// `O_NOFOLLOW | O_NONBLOCK` and checked again with `fstat`, so a swap after listing cannot
/// make the verifier follow a link or block on a FIFO.
struct FolderBundleSource: BundleSource {
    let folder: String
    let entries: [BundleEntry]

    /// Lists the folder at `path` (not recursing).
    /// - Throws: `BundleError` when it cannot be listed.
    init(path: String) throws {
        folder = path
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: path).sorted() } catch {
            throw BundleError("\(path): the bundle folder cannot be listed: \(error.localizedDescription)")
        }
        entries = names.enumerated().map { i, name in
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0 else {
                return BundleEntry(
                    name: Array(name.utf8), declaredSize: 0, sizeSource: "file",
                    unreadable: "cannot be examined: \(String(cString: strerror(errno)))", index: i)
            }
            let kind = Self.kind(info.st_mode)
            return BundleEntry(
                name: Array(name.utf8), declaredSize: UInt64(max(0, Int64(info.st_size))), sizeSource: "file",
                unreadable: kind == nil ? nil : "not a regular file (\(kind!))", index: i)
        }
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
