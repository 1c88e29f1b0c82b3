#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One line handed out by `LineReader`: bytes without the line terminator.
///
/// The bytes are a range of the reader's buffer, lent for the length of the call that handed
/// the line out: the reader reuses the buffer afterwards (keep a copy, `bytes`, to hold them).
public struct LineView {
    /// The buffer the line lies in, and where.
    @usableFromInline let storage: GrowableBuffer<UInt8>
    @usableFromInline let range: Range<Int>
    /// 1-based line number in the file.
    public var number: Int
    /// Offset of the line's first byte in the (decompressed) stream.
    public var offset: Int
    /// False when the stream ended without a final newline.
    public var terminated: Bool
    /// True when a `\r` before the terminator was dropped from `bytes` (a CSV record that goes
    /// on past this line puts it back: inside quotes, CR LF is data).
    public var droppedCR = false

    /// Creates a line holding a copy of `bytes` (for tests and callers that split lines themselves).
    public init(bytes: ArraySlice<UInt8>, number: Int, offset: Int, terminated: Bool, droppedCR: Bool = false) {
        let copy = GrowableBuffer<UInt8>()
        copy.append(contentsOf: bytes.span)
        self.init(storage: copy, range: 0..<copy.count, number: number, offset: offset, terminated: terminated, droppedCR: droppedCR)
    }

    /// A line at `range` of `storage`.
    init(storage: GrowableBuffer<UInt8>, range: Range<Int>, number: Int, offset: Int, terminated: Bool, droppedCR: Bool = false) {
        precondition(range.lowerBound >= 0 && range.upperBound <= storage.count, "LineView: line outside its buffer")
        self.storage = storage
        self.range = range
        self.number = number
        self.offset = offset
        self.terminated = terminated
        self.droppedCR = droppedCR
    }

    /// The number of bytes.
    @inlinable public var count: Int { range.count }

    /// Calls `body` with the line's bytes (without `\n` or a trailing `\r`).
    @inlinable @inline(__always)
    public func withBytes<R>(_ body: (Span<UInt8>) throws -> R) rethrows -> R { try storage.withSpan(range, body) }

    /// A copy of the line's bytes.
    public var bytes: [UInt8] { storage.withSpan(range) { ByteCompare.array($0) } }

    /// Appends the line's bytes to `array`.
    public func append(to array: inout [UInt8]) { storage.withSpan(range) { ByteCompare.append($0, to: &array) } }

    /// The line without its first `count` bytes (at most all of them).
    public func droppingFirst(_ count: Int) -> LineView {
        LineView(
            storage: storage, range: min(range.lowerBound + max(0, count), range.upperBound)..<range.upperBound, number: number,
            offset: offset, terminated: terminated, droppedCR: droppedCR)
    }
}

/// Splits a byte stream into lines without building a `String` per line.
///
/// Lines longer than `maxLineBytes` are reported through `onOverlong` and skipped.
public final class LineReader {
    private let source: ByteSource
    /// The block being split; bytes `start..<end` are read and not yet handed out (`end` is the
    /// buffer's count). It grows in place (`realloc`) for a line longer than `room`.
    private let buffer = GrowableBuffer<UInt8>()
    private var start = 0
    private var end = 0
    /// The bytes the buffer may hold before a line that fills it makes it grow.
    private var room: Int
    /// The room a read starts with, and returns to after a long line.
    private let blockSize: Int
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
        room = blockSize
        self.blockSize = blockSize
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
                let run = buffer.withSpan { Self.blankLinesRun(in: $0, start..<end) }
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
                    storage: buffer, range: start..<start + length, number: nextNumber, offset: streamOffset, terminated: true,
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
                    let line = LineView(storage: buffer, range: start..<start + length, number: nextNumber, offset: streamOffset, terminated: false)
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
            buffer.truncate(to: 0)
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
    static func firstNewline(in bytes: GrowableBuffer<UInt8>, _ range: Range<Int>, terminator: UInt8 = 0x0A) -> Int? {
        bytes.firstIndex(of: terminator, in: range)
    }

    /// The whole blank lines at the start of `range` of `bytes`: how many, and where the first
    /// line that is not blank (or not complete) starts. A blank line is spaces and tabs, then an
    /// optional `\r`, then `\n`; runs of bare `\n` are passed eight bytes at a time.
    public static func blankLinesRun(in bytes: [UInt8], _ range: Range<Int>) -> (end: Int, lines: Int) {
        blankLinesRun(in: bytes.span, range)
    }

    /// `blankLinesRun(in:_:)` over a span.
    public static func blankLinesRun(in span: Span<UInt8>, _ range: Range<Int>) -> (end: Int, lines: Int) {
        precondition(range.lowerBound >= 0 && range.upperBound <= span.count, "LineReader: range out of the buffer")
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
            buffer.truncate(to: 0)
        } else if start > 0 {
            buffer.keepOnly(start..<end)
            start = 0
            end = pending
            if room > blockSize && pending < blockSize {
                // A long line handed out: its room is given back (the next read grows the buffer
                // to a block again).
                room = blockSize
                buffer.trim()
            }
        } else if end == room {
            if room >= maxLineBytes {
                onOverlong(nextNumber)
                skippingOverlong = true
                streamOffset += end
                start = 0
                end = 0
                buffer.truncate(to: 0)
            } else {
                // Grown in place: the line read so far is not copied, and never held twice.
                room = min(room * 2, maxLineBytes)
            }
        }
        let n = try buffer.appendWriting(maxCount: room - end) { tail in
            let n = try source.read(into: &tail)
            precondition(n >= 0 && n <= tail.byteCount, "ByteSource reported more bytes than fit")
            return n
        }
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
        precondition(end == buffer.count, "LineReader: buffer out of step")
    }

    /// Heap bytes held by the reader's buffer.
    public var memoryFootprint: Int { buffer.memoryFootprint }
}
