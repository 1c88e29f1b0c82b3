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
    /// True when the bytes decoded last may be wrong (a gzip member found corrupt), not only cut.
    public var partDamaged = false
    /// Creates an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(TextEscaping.visible(path)): \(reason)" }
}

/// A regular file opened once for a load: every slice of it is read through this descriptor
/// (`pread`, each at its own offset), so a name replaced during the load (by another file, or a
/// symbolic link) does not change what is read. Closed when the last source using it goes.
public final class OpenFile: Sendable {
    fileprivate let fd: Int32
    /// The path it was opened by.
    public let path: String
    /// Its size when opened.
    public let size: Int

    /// Opens `path` for reading: only a regular file, not through a final symbolic link, and
    /// without blocking (a FIFO would otherwise wait for a writer forever); the descriptor
    /// actually opened is checked with `fstat`, so a FIFO, device or socket swapped in after
    /// the folder was listed is refused rather than read.
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
        size = Int(info.st_size)
    }

    deinit { close(fd) }
}

/// Reads a plain file (an `OpenFile`, whole or a byte range of it) with POSIX `pread(2)`.
public final class FileByteSource: ByteSource {
    private let file: OpenFile
    private var path: String { file.path }
    private var remaining = Int.max
    private var startOffset = 0
    /// False for a source of a byte range.
    private var isWholeFile = true
    public private(set) var bytesConsumed = 0
    /// The file's size when opened.
    public var fileSize: Int { file.size }

    /// Opens `path` for reading (see `OpenFile`).
    /// - Throws: `SourceFileError` when it cannot be opened, is a symbolic link, or is not a
    ///   regular file.
    public convenience init(path: String) throws {
        self.init(file: try OpenFile(path: path))
    }

    /// Reads `file`, whole or only bytes `range` of it.
    public init(file: OpenFile, range: Range<Int>? = nil) {
        self.file = file
        if let range {
            isWholeFile = false
            remaining = range.count
            startOffset = range.lowerBound
        }
    }

    /// Bytes left to read, as far as the file's size when opened tells.
    public var bytesLeft: Int { max(0, min(remaining, fileSize - startOffset - bytesConsumed)) }

    /// Opens `path` and reads only bytes `range` of it.
    public convenience init(path: String, range: Range<Int>) throws {
        self.init(file: try OpenFile(path: path), range: range)
    }

    /// Moves a whole-file source to byte `offset` of the file (a gzip reader passing over a
    /// damaged member); `bytesConsumed` becomes `offset`.
    func seek(to offset: Int) throws {
        precondition(isWholeFile && offset >= 0, "FileByteSource: seek in a whole file only")
        bytesConsumed = offset
        remaining = Int.max
    }

    /// Reads up to `buffer.byteCount` bytes at byte `offset` of a whole file, without moving the
    /// source (a gzip reader looking ahead); 0 at the end.
    func read(at offset: Int, into buffer: inout MutableRawSpan) throws -> Int {
        precondition(isWholeFile && offset >= 0, "FileByteSource: a positioned read in a whole file only")
        while true {
            // The C boundary: pread(2) writes into the span's memory, at most its byte count.
            let n = buffer.withUnsafeMutableBytes { Glibc.pread(file.fd, $0.baseAddress, $0.count, off_t(offset)) }
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw SourceFileError(path: path, reason: "read failed: \(String(cString: strerror(errno)))")
        }
    }

    public func read(into buffer: inout MutableRawSpan) throws -> Int {
        let wanted = min(buffer.byteCount, remaining)
        while true {
            // The C boundary: pread(2) writes into the span's memory, at most `wanted` bytes.
            let at = off_t(startOffset + bytesConsumed)
            let n = buffer.withUnsafeMutableBytes { Glibc.pread(file.fd, $0.baseAddress, wanted, at) }
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
