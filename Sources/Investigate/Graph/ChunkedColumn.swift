/// A growable column of plain values stored in fixed-size chunks.
///
/// Unlike `Array`, appending never copies the whole column, so peak memory stays within one
/// chunk of the data (no doubling overshoot while tens of millions of rows load).
public final class ChunkedColumn<Element: BitwiseCopyable>: @unchecked Sendable {
    @usableFromInline static var shift: Int { 16 }
    @usableFromInline static var chunkSize: Int { 1 << shift }
    @usableFromInline var chunks: [UnsafeMutablePointer<Element>] = []
    @usableFromInline var storedCount = 0
    /// The number of values stored.
    public var count: Int { storedCount }

    /// Creates an empty column.
    public init() {}

    deinit { for chunk in chunks { chunk.deallocate() } }

    /// Appends a value.
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public func append(_ value: Element) {
        let within = storedCount & (Self.chunkSize - 1)
        if within == 0 && storedCount >> Self.shift == chunks.count {
            chunks.append(UnsafeMutablePointer<Element>.allocate(capacity: Self.chunkSize))
        }
        chunks[storedCount >> Self.shift][within] = value
        storedCount += 1
    }

    /// Reads or writes the value at `index`.
    @inlinable
    public subscript(index: Int) -> Element {
        @inline(__always) get { chunks[index >> Self.shift][index & (Self.chunkSize - 1)] }
        @inline(__always) set { chunks[index >> Self.shift][index & (Self.chunkSize - 1)] = newValue }
    }

    /// Moves every value of `other` to the end of this column (transformed), freeing `other`'s
    /// chunks as it goes so that memory never holds both copies.
    public func appendDraining(_ other: ChunkedColumn<Element>, _ transform: (Element) -> Element) {
        for (index, chunk) in other.chunks.enumerated() {
            let count = min(Self.chunkSize, other.storedCount - index * Self.chunkSize)
            for i in 0..<max(0, count) { append(transform(chunk[i])) }
            chunk.deallocate()
        }
        other.chunks = []
        other.storedCount = 0
    }

    /// Removes the last value.
    public func removeLast() {
        precondition(storedCount > 0, "removeLast on an empty column")
        storedCount -= 1
    }

    /// Heap bytes held.
    public var memoryFootprint: Int { chunks.count * Self.chunkSize * MemoryLayout<Element>.stride }
}
