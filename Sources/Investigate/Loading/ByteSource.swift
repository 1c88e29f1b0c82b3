#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An error reading or decoding a file, with the path it concerns.
public struct SourceFileError: Error, CustomStringConvertible, Sendable {
    /// The file concerned.
    public var path: String
    /// What went wrong.
    public var reason: String
    /// Creates an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}

/// Reads a plain file with POSIX `read(2)`.
///
/// Only a regular file is read: the path is opened without following a final symbolic link and
/// without blocking (a FIFO would otherwise wait for a writer forever), and the descriptor
/// actually opened is checked with `fstat`, so a FIFO, device or socket swapped in after the
/// folder was listed is refused rather than read.
public final class FileByteSource: ByteSource {
    private let fd: Int32
    private let path: String
    private var remaining = Int.max
    private var startOffset = 0
    public private(set) var bytesConsumed = 0
    /// The file's size when opened.
    public let fileSize: Int

    /// Opens `path` for reading.
    /// - Throws: `SourceFileError` when it cannot be opened, is a symbolic link, or is not a
    ///   regular file.
    public init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY)
        guard fd >= 0 else {
            let code = errno
            let reason = code == ELOOP ? "is a symbolic link; not followed" : "cannot open: \(String(cString: strerror(code)))"
            throw SourceFileError(path: path, reason: reason)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = "cannot read: \(String(cString: strerror(errno)))"
            close(fd)
            throw SourceFileError(path: path, reason: reason)
        }
        if let kind = SourceFileCheck.nonRegularKind(info.st_mode) {
            close(fd)
            throw SourceFileError(path: path, reason: "\(kind), not a regular file; not read")
        }
        // A regular file never blocks; reads are plain blocking reads from here on.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        self.fd = fd
        self.path = path
        fileSize = Int(info.st_size)
    }

    /// Bytes left to read, as far as the file's size when opened tells.
    public var bytesLeft: Int { max(0, min(remaining, fileSize - startOffset - bytesConsumed)) }

    /// Opens `path` and reads only bytes `range` of it.
    public convenience init(path: String, range: Range<Int>) throws {
        try self.init(path: path)
        guard lseek(fd, off_t(range.lowerBound), SEEK_SET) >= 0 else {
            throw SourceFileError(path: path, reason: "cannot seek: \(String(cString: strerror(errno)))")
        }
        remaining = range.count
        startOffset = range.lowerBound
    }

    deinit { close(fd) }

    public func read(into buffer: inout MutableRawSpan) throws -> Int {
        let wanted = min(buffer.byteCount, remaining)
        while true {
            // The C boundary: read(2) writes into the span's memory, at most `wanted` bytes.
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, wanted) }
            if n >= 0 {
                bytesConsumed += n
                remaining -= n
                return n
            }
            if errno == EINTR { continue }
            throw SourceFileError(path: path, reason: "read failed: \(String(cString: strerror(errno)))")
        }
    }
}

/// Opens the right byte source for a path: gzip when it ends in `.gz`, plain otherwise.
public func openByteSource(path: String) throws -> ByteSource {
    let file = try FileByteSource(path: path)
    if path.hasSuffix(".gz") { return try GzipByteSource(file: file, path: path) }
    return file
}
