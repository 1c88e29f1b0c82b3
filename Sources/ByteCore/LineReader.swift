#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line handed out by `LineReader`: bytes without the line terminator.
public struct LineView {
    /// The bytes of the line, without `\n` or a trailing `\r`: a slice of the reader's buffer
    /// (kept alive by the slice; a copy is made only if the reader refills while it is held).
    public var bytes: ArraySlice<UInt8>
    /// 1-based line number in the file.
    public var number: Int
    /// Offset of the line's first byte in the (decompressed) stream.
    public var offset: Int
    /// False when the stream ended without a final newline.
    public var terminated: Bool
    /// True when a `\r` before the terminator was dropped from `bytes` (a CSV record that goes
    /// on past this line puts it back: inside quotes, CR LF is data).
    public var droppedCR = false

    /// Creates a line (for tests and callers that split lines themselves).
    public init(bytes: ArraySlice<UInt8>, number: Int, offset: Int, terminated: Bool, droppedCR: Bool = false) {
        self.bytes = bytes
        self.number = number
        self.offset = offset
        self.terminated = terminated
        self.droppedCR = droppedCR
    }
}

/// Splits a byte stream into lines without building a `String` per line.
///
/// Lines longer than `maxLineBytes` are reported through `onOverlong` and skipped.
public final class LineReader {
    private let source: ByteSource
    /// The block being split; bytes `start..<end` are read and not yet handed out.
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var eof = false
    private var nextNumber = 1
    private var streamOffset = 0
    /// The longest line accepted.
    public let maxLineBytes: Int

    /// Reads lines from `source` in blocks of `blockSize` bytes.
    public init(source: ByteSource, blockSize: Int = 4 << 20, maxLineBytes: Int = 256 << 20) {
        precondition(blockSize > 0 && maxLineBytes > 0, "LineReader: sizes must be positive")
        self.source = source
        self.maxLineBytes = maxLineBytes
        buffer = [UInt8](repeating: 0, count: blockSize)
    }

    /// The line number the next line will carry.
    public var lineNumber: Int { nextNumber }

    /// True when bytes of a line not yet handed out are buffered (a line cut short when the
    /// stream fails now).
    public var hasPartialLine: Bool { end > start }

    /// Bytes of the underlying file consumed (for progress).
    public var bytesConsumed: Int { source.bytesConsumed }

    /// Calls `body` for every line until the stream ends or `body` returns false.
    /// - Parameters:
    ///   - onOverlong: called with the line number of a line over `maxLineBytes` (it is skipped).
    public func forEachLine(onOverlong: (Int) -> Void = { _ in }, _ body: (LineView) throws -> Bool) throws {
        var skippingOverlong = false
        while true {
            // Look for a newline in the buffered bytes.
            if start < end, let newline = Self.firstNewline(in: buffer, start..<end) {
                if skippingOverlong {
                    skippingOverlong = false
                    streamOffset += newline + 1 - start
                    start = newline + 1
                    nextNumber += 1
                    continue
                }
                var length = newline - start
                let droppedCR = length > 0 && buffer[newline - 1] == 0x0D
                if droppedCR { length -= 1 }
                let line = LineView(
                    bytes: buffer[start..<start + length], number: nextNumber, offset: streamOffset, terminated: true,
                    droppedCR: droppedCR)
                streamOffset += newline + 1 - start
                start = newline + 1
                nextNumber += 1
                if try !body(line) { return }
                continue
            }
            if eof {
                if start < end && !skippingOverlong {
                    var length = end - start
                    if buffer[end - 1] == 0x0D { length -= 1 }
                    let line = LineView(bytes: buffer[start..<start + length], number: nextNumber, offset: streamOffset, terminated: false)
                    streamOffset += end - start
                    start = end
                    nextNumber += 1
                    _ = try body(line)
                }
                return
            }
            try refill(&skippingOverlong, onOverlong: onOverlong)
        }
    }

    /// The index of the first newline in `range` of `bytes`, or nil (memchr over a checked range).
    @inline(__always)
    static func firstNewline(in bytes: [UInt8], _ range: Range<Int>) -> Int? {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "LineReader: range out of the buffer")
        return bytes.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base + range.lowerBound, 0x0A, range.count) else { return nil }
            return UnsafeRawPointer(found) - base
        }
    }

    private func refill(_ skippingOverlong: inout Bool, onOverlong: (Int) -> Void) throws {
        let pending = end - start
        if skippingOverlong {
            streamOffset += pending
            start = 0
            end = 0
        } else if start > 0 {
            if pending > 0 { Self.moveToFront(&buffer, start..<end) }
            start = 0
            end = pending
        } else if end == buffer.count {
            if buffer.count >= maxLineBytes {
                onOverlong(nextNumber)
                skippingOverlong = true
                streamOffset += end
                start = 0
                end = 0
            } else {
                buffer.append(contentsOf: repeatElement(0, count: min(buffer.count * 2, maxLineBytes) - buffer.count))
            }
        }
        let n = try Self.read(source, into: &buffer, from: end)
        if n == 0 {
            eof = true
            if skippingOverlong { nextNumber += 1 }
        }
        end += n
    }

    /// Moves bytes `range` to the front of `bytes` (memmove over a checked range).
    private static func moveToFront(_ bytes: inout [UInt8], _ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "LineReader: range out of the buffer")
        bytes.withUnsafeMutableBytes { raw in
            _ = memmove(raw.baseAddress!, raw.baseAddress! + range.lowerBound, range.count)
        }
    }

    /// Reads from `source` into `bytes[from...]`; returns the bytes read.
    private static func read(_ source: ByteSource, into bytes: inout [UInt8], from: Int) throws -> Int {
        try bytes.withUnsafeMutableBytes { raw in
            var tail = MutableRawSpan(_unsafeBytes: UnsafeMutableRawBufferPointer(rebasing: raw[from...]))
            let n = try source.read(into: &tail)
            precondition(n >= 0 && n <= raw.count - from, "ByteSource reported more bytes than fit")
            return n
        }
    }
}
