#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line handed out by `LineReader`: bytes without the line terminator.
public struct LineView {
    /// The bytes of the line, without `\n` or a trailing `\r`.
    public var bytes: UnsafeRawBufferPointer
    /// 1-based line number in the file.
    public var number: Int
    /// Offset of the line's first byte in the (decompressed) stream.
    public var offset: Int
    /// False when the stream ended without a final newline.
    public var terminated: Bool
    /// True when a `\r` before the terminator was dropped from `bytes` (a CSV record that goes
    /// on past this line puts it back: inside quotes, CR LF is data).
    public var droppedCR = false
}

/// Splits a byte stream into lines without building a `String` per line.
///
/// Lines longer than `maxLineBytes` are reported through `onOverlong` and skipped.
public final class LineReader {
    private let source: ByteSource
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var eof = false
    private var nextNumber = 1
    private var streamOffset = 0
    /// The longest line accepted.
    public let maxLineBytes: Int

    /// Reads lines from `source` in blocks of `blockSize` bytes.
    public init(source: ByteSource, blockSize: Int = 4 << 20, maxLineBytes: Int = 256 << 20) {
        self.source = source
        self.maxLineBytes = maxLineBytes
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
    }

    deinit { buffer.deallocate() }

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
            let base = buffer.baseAddress!
            if start < end, let found = memchr(base + start, 0x0A, end - start) {
                let newline = found - base
                if skippingOverlong {
                    skippingOverlong = false
                    streamOffset += newline + 1 - start
                    start = newline + 1
                    nextNumber += 1
                    continue
                }
                var length = newline - start
                let droppedCR = length > 0 && base.load(fromByteOffset: newline - 1, as: UInt8.self) == 0x0D
                if droppedCR { length -= 1 }
                let line = LineView(
                    bytes: UnsafeRawBufferPointer(start: base + start, count: length),
                    number: nextNumber, offset: streamOffset, terminated: true, droppedCR: droppedCR)
                streamOffset += newline + 1 - start
                start = newline + 1
                nextNumber += 1
                if try !body(line) { return }
                continue
            }
            if eof {
                if start < end && !skippingOverlong {
                    var length = end - start
                    if base.load(fromByteOffset: end - 1, as: UInt8.self) == 0x0D { length -= 1 }
                    let line = LineView(
                        bytes: UnsafeRawBufferPointer(start: base + start, count: length),
                        number: nextNumber, offset: streamOffset, terminated: false)
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

    private func refill(_ skippingOverlong: inout Bool, onOverlong: (Int) -> Void) throws {
        let pending = end - start
        if skippingOverlong {
            streamOffset += pending
            start = 0
            end = 0
        } else if start > 0 {
            if pending > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + start, pending) }
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
                let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: min(buffer.count * 2, maxLineBytes), alignment: 16)
                bigger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<end]))
                buffer.deallocate()
                buffer = bigger
            }
        }
        let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if n == 0 {
            eof = true
            if skippingOverlong { nextNumber += 1 }
        }
        end += n
    }
}
