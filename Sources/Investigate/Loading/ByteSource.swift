#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A stream of bytes read in large blocks: a plain file or a decompressed gzip file.
public protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes; returns 0 at the end of the stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Bytes of the underlying file consumed so far (for progress).
    var bytesConsumed: Int { get }
}

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
public final class FileByteSource: ByteSource {
    private let fd: Int32
    private let path: String
    private var remaining = Int.max
    public private(set) var bytesConsumed = 0

    /// Opens `path` for reading.
    public init(path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw SourceFileError(path: path, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        self.path = path
    }

    /// Opens `path` and reads only bytes `range` of it.
    public convenience init(path: String, range: Range<Int>) throws {
        try self.init(path: path)
        guard lseek(fd, off_t(range.lowerBound), SEEK_SET) >= 0 else {
            throw SourceFileError(path: path, reason: "cannot seek: \(String(cString: strerror(errno)))")
        }
        remaining = range.count
    }

    deinit { close(fd) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, min(buffer.count, remaining))
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
