import CZlib

/// Streams the decompressed bytes of a gzip file (multi-member files included).
///
/// A truncated or corrupt stream raises `SourceFileError` naming the file; nothing traps.
public final class GzipByteSource: ByteSource {
    private let file: FileByteSource
    private let path: String
    private var stream = z_stream()
    private var input: UnsafeMutableRawBufferPointer
    private var inputAvailable = 0
    private var finished = false
    private var memberEnded = false
    private var sawAnyMember = false

    public var bytesConsumed: Int { file.bytesConsumed }

    /// Wraps an open file whose content is gzip.
    public init(file: FileByteSource, path: String) throws {
        self.file = file
        self.path = path
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        let status = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw SourceFileError(path: path, reason: "cannot start gzip decoder (\(status))")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if finished { return 0 }
        stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(buffer.count)
        while stream.avail_out > 0 {
            if stream.avail_in == 0 {
                let n = try file.read(into: input)
                if n == 0 {
                    if memberEnded || !sawAnyMember && stream.total_in == 0 {
                        finished = true
                        break
                    }
                    throw SourceFileError(path: path, reason: "truncated gzip stream (ended after \(file.bytesConsumed) bytes)")
                }
                stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(n)
            }
            if memberEnded {
                // Another gzip member follows; start decoding it.
                memberEnded = false
                inflateReset(&stream)
            }
            sawAnyMember = true
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                memberEnded = true
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "code \(status)"
                throw SourceFileError(path: path, reason: "corrupt gzip data: \(message)")
            }
        }
        return buffer.count - Int(stream.avail_out)
    }
}
