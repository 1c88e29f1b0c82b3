#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A growable column of plain values stored in fixed-size chunks.
///
/// Unlike `Array`, appending never copies the whole column, so peak memory stays within one
/// chunk of the data (no doubling overshoot while tens of millions of rows load). Chunks are
/// mapped from the system directly rather than taken from malloc, so a freed chunk is returned
/// at once (malloc keeps freed blocks of this size in its arenas) and a chunk's pages only
/// become resident when written.
///
/// Every read and write is bounds-checked against `count` (the check stays in optimised
/// builds); runs of values are lent out as `Span`/`MutableSpan`, never as pointers.
public final class ChunkedColumn<Element: BitwiseCopyable>: @unchecked Sendable {
    @inlinable static var shift: Int { 16 }
    @inlinable static var chunkSize: Int { 1 << shift }
    // `@exclusivity(unchecked)`: these are read and written from inlined code in other modules,
    // where the runtime's dynamic exclusivity check on a class property costs more than the
    // access (a third of a load); no access to them is ever held across a call. Bounds stay checked.
    @exclusivity(unchecked) @usableFromInline var chunks: [UnsafeMutablePointer<Element>] = []
    @exclusivity(unchecked) @usableFromInline var storedCount = 0
    /// The number of values stored.
    @inlinable public var count: Int { storedCount }

    /// Creates an empty column.
    public init() {}

    /// Creates a column of `count` values that the caller fills (through the subscript) before
    /// reading any of them; until then each reads as all zero bits (fresh pages).
    public init(uninitializedCount count: Int) {
        precondition(count >= 0, "ChunkedColumn: negative count")
        var remaining = count
        while remaining > 0 {
            chunks.append(Self.allocateChunk())
            remaining -= Self.chunkSize
        }
        storedCount = count
    }

    deinit { for chunk in chunks { Self.release(chunk) } }

    @inlinable static var chunkBytes: Int { chunkSize * MemoryLayout<Element>.stride }

    /// A new chunk of `chunkSize` values (zero pages until written).
    @usableFromInline
    static func allocateChunk() -> UnsafeMutablePointer<Element> {
        let mapped = mmap(nil, chunkBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let mapped, mapped != MAP_FAILED else { fatalError("out of memory: could not map a column chunk") }
        return mapped.bindMemory(to: Element.self, capacity: chunkSize)
    }

    @usableFromInline
    static func release(_ chunk: UnsafeMutablePointer<Element>) {
        munmap(UnsafeMutableRawPointer(chunk), chunkBytes)
    }

    /// Appends a value.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public func append(_ value: Element) {
        let within = storedCount & (Self.chunkSize - 1)
        if within == 0 && storedCount >> Self.shift == chunks.count {
            chunks.append(Self.allocateChunk())
        }
        chunks[storedCount >> Self.shift][within] = value
        storedCount += 1
    }

    /// Reads or writes the value at `index`; an index out of range stops the program.
    @inlinable
    public subscript(index: Int) -> Element {
        @inline(__always) get {
            precondition(index >= 0 && index < storedCount, "ChunkedColumn index out of range")
            return chunks[index >> Self.shift][index & (Self.chunkSize - 1)]
        }
        @inline(__always) set {
            precondition(index >= 0 && index < storedCount, "ChunkedColumn index out of range")
            chunks[index >> Self.shift][index & (Self.chunkSize - 1)] = newValue
        }
    }

    /// The value at `index`, or nil when `index` is out of range.
    @inlinable
    public func value(at index: Int) -> Element? {
        guard index >= 0 && index < storedCount else { return nil }
        return chunks[index >> Self.shift][index & (Self.chunkSize - 1)]
    }

    /// True when values `index..<index + count` lie in one chunk (so that they can be lent as one
    /// span) and within the column.
    @inlinable
    public func isContiguous(_ index: Int, count: Int) -> Bool {
        count > 0 && index >= 0 && index + count <= storedCount && index >> Self.shift == (index + count - 1) >> Self.shift
    }

    /// Calls `body` with values `index..<index + count` as a mutable span; they must lie in one
    /// chunk (`isContiguous`), else the program stops.
    @inlinable
    public func withMutableSpan<R>(_ index: Int, count: Int, _ body: (inout MutableSpan<Element>) throws -> R) rethrows -> R {
        precondition(isContiguous(index, count: count), "ChunkedColumn run out of range or across chunks")
        let values = UnsafeMutableBufferPointer(start: chunks[index >> Self.shift] + (index & (Self.chunkSize - 1)), count: count)
        var span = values.mutableSpan
        return try body(&span)
    }

    /// The address of value `index` when `index..<index + count` lies within one chunk and the
    /// column, else nil; for ByteCore's own file reads and writes (`SnapshotRawIO`), never
    /// handed out. Valid while the column is neither appended to nor drained.
    @inline(__always)
    func contiguousAddress(_ index: Int, count: Int) -> UnsafeMutablePointer<Element>? {
        guard isContiguous(index, count: count) else { return nil }
        return chunks[index >> Self.shift] + (index & (Self.chunkSize - 1))
    }

    /// Hands each chunk's values to `body` as a span with the index of its first value, freeing
    /// each chunk after the call; the column is empty afterwards.
    public func drainSpans(_ body: (Span<Element>, Int) -> Void) {
        for (index, chunk) in chunks.enumerated() {
            let first = index << Self.shift
            let count = max(0, min(Self.chunkSize, storedCount - first))
            body(UnsafeBufferPointer(start: chunk, count: count).span, first)
            Self.release(chunk)
        }
        chunks = []
        storedCount = 0
    }

    /// Removes the last value.
    public func removeLast() {
        precondition(storedCount > 0, "removeLast on an empty column")
        storedCount -= 1
    }

    /// Heap bytes held.
    public var memoryFootprint: Int { chunks.count * Self.chunkSize * MemoryLayout<Element>.stride }
}
