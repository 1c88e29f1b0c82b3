/// A stream of bytes read in large blocks: a plain file or a decompressed gzip file.
///
/// A source writes into a `MutableRawSpan` lent for the call; an implementation that hands the
/// bytes to C (`read(2)`, zlib) takes the span's address in one small function of its own.
public protocol ByteSource: AnyObject {
    /// Reads up to `buffer.byteCount` bytes into the start of `buffer`; returns how many (0 at
    /// the end of the stream).
    func read(into buffer: inout MutableRawSpan) throws -> Int
    /// Bytes of the underlying file consumed so far (for progress).
    var bytesConsumed: Int { get }
}

extension ByteSource {
    /// Reads up to `buffer.count` bytes into the start of an array's storage.
    public func read(into buffer: inout [UInt8]) throws -> Int {
        var values = buffer.mutableSpan
        var bytes = values.mutableBytes
        return try read(into: &bytes)
    }

}
