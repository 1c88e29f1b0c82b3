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
    /// Where the part of the stream being read began, in stream bytes: a gzip member's first
    /// decompressed byte (0 for a source of one part).
    var partStart: Int { get }
}

/// Damage a source found and passed over (a gzip member that failed, the next member found):
/// raised by one read, after the bytes decoded before it were handed out; the next read goes on
/// with the bytes after the damage.
public struct StreamDamage: Error, Sendable {
    /// What is wrong, and where in the file.
    public var reason: String
    /// Where in the stream the damaged part began (its bytes may be wrong).
    public var partStart: Int
    /// Bytes of the file passed over to find the next part, or nil when the part was decoded
    /// whole and only failed its check (nothing was lost, but what it gave may be wrong).
    public var skippedBytes: Range<Int>?
    /// True when the damaged part ended before its end (cut short, or its data unreadable past a
    /// point): what it held after the damage is not read, and how much that was is unknown.
    public var lostTail: Bool
    /// False when what the part gave is sound and only its end is missing (a member cut short
    /// where another member's header begins); true when its bytes may be wrong.
    public var partSuspect: Bool

    /// Creates a report of damage passed over.
    public init(reason: String, partStart: Int, skippedBytes: Range<Int>?, lostTail: Bool = false, partSuspect: Bool = true) {
        self.reason = reason
        self.partStart = partStart
        self.skippedBytes = skippedBytes
        self.lostTail = lostTail
        self.partSuspect = partSuspect
    }
}

/// What a `LineReader` tells of damage its source passed over.
public struct LineDamage: Sendable {
    /// The damage.
    public var damage: StreamDamage
    /// The lines already handed out that came (in part) from the damaged part.
    public var partLines: ClosedRange<Int>?
    /// The damaged part's unfinished last line (dropped: it was cut, or would run into the next
    /// part's first line), if any.
    public var cutLine: Int?
    /// The number of the next line read (after the damage).
    public var nextLine: Int
}

extension ByteSource {
    /// A source of one part.
    public var partStart: Int { 0 }

    /// Reads up to `buffer.count` bytes into the start of an array's storage.
    public func read(into buffer: inout [UInt8]) throws -> Int {
        var values = buffer.mutableSpan
        var bytes = values.mutableBytes
        return try read(into: &bytes)
    }

}
