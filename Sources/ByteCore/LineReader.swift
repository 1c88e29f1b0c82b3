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
    /// When true, blank lines (nothing but spaces and tabs, then an optional `\r`) are passed
    /// over without being handed out: their numbers are used up, at a few bytes per cycle, so a
    /// file (or a gzip bomb) of empty lines costs about as much as reading its bytes. A reader
    /// may change it between lines (CSV turns it off inside a quoted field, where a blank line
    /// is data).
    public var skipsBlankLines = false
    /// The byte that ends a line: `\n`, or `\r` in a stream whose lines end with a carriage return
    /// alone (classic Mac line ends: no `\n` in its first MiB), decided once, at its start.
    public private(set) var lineTerminator: UInt8 = 0x0A
    /// True when the stream's lines end with a carriage return alone.
    public var readsCRLineEnds: Bool { lineTerminator == 0x0D }
    /// Whether the first line end decides `lineTerminator`; false: lines end with `\n` (a slice
    /// that starts inside a file follows the file's start, where it was decided).
    public var detectsCRLineEnds = true
    private var terminatorDecided = false
    /// The stream offset where the source's current part began, until a line reaching it is
    /// handed out (then `Int.max`).
    private var partMark = Int.max
    private var knownPartStart = 0
    /// The first line (at least partly) from the source's current part, once one was handed out.
    private var partFirstLine = 1

    /// The lines handed out so far that came (at least partly) from the source's current part
    /// (a gzip member), or nil.
    public var currentPartLines: ClosedRange<Int>? {
        let first = partMark == Int.max ? partFirstLine : nextNumber
        return first <= nextNumber - 1 ? first...(nextNumber - 1) : nil
    }

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

    /// True once the source said it has no more bytes.
    public var reachedEnd: Bool { eof }

    /// Bytes of the underlying file consumed (for progress).
    public var bytesConsumed: Int { source.bytesConsumed }

    /// Calls `body` for every line until the stream ends or `body` returns false.
    /// - Parameters:
    ///   - onOverlong: called with the line number of a line over `maxLineBytes` (it is skipped).
    ///   - onDamage: damage the source passed over (a damaged gzip member, the next one found);
    ///     return false to stop. Reading goes on after it by default.
    public func forEachLine(
        onOverlong: (Int) -> Void = { _ in }, onDamage: (LineDamage) throws -> Bool = { _ in true },
        _ body: (LineView) throws -> Bool
    ) throws {
        var skippingOverlong = false
        if !detectsCRLineEnds { terminatorDecided = true }
        while true {
            if !terminatorDecided { decideTerminator() }
            if skipsBlankLines && lineTerminator == 0x0A && !skippingOverlong && start < end {
                let run = Self.blankLinesRun(in: buffer, start..<end)
                if run.lines > 0 {
                    passPartMark(upTo: streamOffset + run.end - start)
                    streamOffset += run.end - start
                    start = run.end
                    nextNumber += run.lines
                }
            }
            // Look for a newline in the buffered bytes.
            if terminatorDecided, start < end, let newline = Self.firstNewline(in: buffer, start..<end, terminator: lineTerminator) {
                if skippingOverlong {
                    skippingOverlong = false
                    streamOffset += newline + 1 - start
                    start = newline + 1
                    nextNumber += 1
                    continue
                }
                passPartMark(upTo: streamOffset + newline + 1 - start)
                var length = newline - start
                let droppedCR = lineTerminator == 0x0A && length > 0 && buffer[newline - 1] == 0x0D
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
                    passPartMark(upTo: streamOffset + end - start)
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
            do {
                try refill(&skippingOverlong, onOverlong: onOverlong)
            } catch let damage as StreamDamage {
                if try !onDamage(passOver(damage, &skippingOverlong)) { return }
            }
        }
    }

    /// Notes that the line ending before stream offset `lineEnd` is handed out: if it reaches
    /// the source's current part, it is that part's first line.
    @inline(__always)
    private func passPartMark(upTo lineEnd: Int) {
        if lineEnd > partMark {
            partFirstLine = nextNumber
            partMark = Int.max
        }
    }

    /// Takes damage the source passed over: the damaged part's unfinished last line is dropped
    /// (it is cut, or runs into the next part's first line).
    private func passOver(_ damage: StreamDamage, _ skippingOverlong: inout Bool) -> LineDamage {
        let handedOut = currentPartLines
        var cut: Int?
        if end > start || skippingOverlong {
            cut = nextNumber
            streamOffset += end - start
            start = 0
            end = 0
            skippingOverlong = false
            nextNumber += 1
        }
        return LineDamage(damage: damage, partLines: handedOut, cutLine: cut, nextLine: nextNumber)
    }

    /// Decides `lineTerminator` from the buffered bytes: `\n` as soon as they hold one; `\r` when
    /// the stream's first `lineEndSample` bytes (or all of it, if shorter) hold no `\n` but a
    /// `\r`. A stray `\r` in a file that has `\n` line ends changes nothing.
    private func decideTerminator() {
        if Self.firstNewline(in: buffer, start..<end, terminator: 0x0A) != nil {
            terminatorDecided = true
            return
        }
        guard eof || end - start >= Self.lineEndSample else { return }
        if Self.firstNewline(in: buffer, start..<end, terminator: 0x0D) != nil { lineTerminator = 0x0D }
        terminatorDecided = true
    }

    /// Bytes read before a stream with no `\n` in them is taken to end its lines with `\r`.
    public static let lineEndSample = 1 << 20

    /// The index of the first `terminator` byte in `range` of `bytes`, or nil (memchr over a
    /// checked range).
    @inline(__always)
    static func firstNewline(in bytes: [UInt8], _ range: Range<Int>, terminator: UInt8 = 0x0A) -> Int? {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "LineReader: range out of the buffer")
        return bytes.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base + range.lowerBound, Int32(terminator), range.count) else { return nil }
            return UnsafeRawPointer(found) - base
        }
    }

    /// The whole blank lines at the start of `range` of `bytes`: how many, and where the first
    /// line that is not blank (or not complete) starts. A blank line is spaces and tabs, then an
    /// optional `\r`, then `\n`; runs of bare `\n` are passed eight bytes at a time.
    public static func blankLinesRun(in bytes: [UInt8], _ range: Range<Int>) -> (end: Int, lines: Int) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "LineReader: range out of the buffer")
        let span = bytes.span
        let raw = span.bytes
        let end = range.upperBound
        var i = range.lowerBound, lineStart = i, lines = 0
        while i < end {
            let byte = span[i]
            if byte == 0x0A {
                i += 1
                lines += 1
                while i + 8 <= end && raw.unsafeLoadUnaligned(fromByteOffset: i, as: UInt64.self) == 0x0A0A_0A0A_0A0A_0A0A {
                    i += 8
                    lines += 8
                }
                lineStart = i
            } else if byte == 0x20 || byte == 0x09 || (byte == 0x0D && i + 1 < end && span[i + 1] == 0x0A) {
                i += 1
            } else {
                break
            }
        }
        return (lineStart, lines)
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
        let part = source.partStart
        if part != knownPartStart {
            knownPartStart = part
            partMark = part
        }
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
