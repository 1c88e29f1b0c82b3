#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain values dealt into a fixed number of buckets, each a growable run of chunks that is
/// read back and freed on its own: the first pass of a bucketed scatter (values dealt by where
/// they go, then each bucket written into its own range), in which appending and freeing must
/// not cost a reference count per value, as an array of per-bucket columns does.
///
/// A bucket holds at most `bucketCapacity` values (the caller knows the bound: a bucket of a
/// scatter covers that many destinations). Every append and read is bounds-checked (the checks
/// stay in optimised builds); no pointer leaves this file.
public final class BucketedColumn<Element: BitwiseCopyable>: @unchecked Sendable {
    /// The number of buckets.
    public let bucketCount: Int
    /// The most values a bucket can hold.
    public let bucketCapacity: Int
    /// Values per chunk (a power of two) and its shift.
    @usableFromInline let chunkShift: Int
    @usableFromInline let chunksPerBucket: Int
    // `@exclusivity(unchecked)`: read and written on every append from inlined code in other
    // modules; no access is ever held across a call. Bounds stay checked.
    /// Chunk `c` of bucket `b` at `b * chunksPerBucket + c`, nil until the bucket reaches it.
    @exclusivity(unchecked) @usableFromInline var chunks: [UnsafeMutablePointer<Element>?]
    @exclusivity(unchecked) @usableFromInline var counts: [Int]

    /// Creates `buckets` empty buckets of at most `capacity` values each.
    public init(buckets: Int, capacity: Int) {
        precondition(buckets >= 0 && capacity >= 0, "BucketedColumn: negative size")
        bucketCount = buckets
        bucketCapacity = capacity
        var shift = 0
        while shift < 16 && 1 << shift < capacity { shift += 1 }
        chunkShift = shift
        chunksPerBucket = capacity == 0 ? 0 : ((capacity - 1) >> shift) + 1
        chunks = Array(repeating: nil, count: buckets * chunksPerBucket)
        counts = Array(repeating: 0, count: buckets)
    }

    deinit { for chunk in chunks { free(chunk) } }

    /// The number of values in bucket `bucket`.
    @inlinable public func count(ofBucket bucket: Int) -> Int { counts[bucket] }

    /// Appends `value` to bucket `bucket`; a bucket out of range, or full, stops the program.
    @inlinable @inline(__always)
    public func append(_ value: Element, toBucket bucket: Int) {
        let count = counts[bucket]
        precondition(count < bucketCapacity, "BucketedColumn: bucket full")
        let slot = bucket * chunksPerBucket + count >> chunkShift
        let within = count & ((1 << chunkShift) - 1)
        if within == 0 { chunks[slot] = Self.allocateChunk(1 << chunkShift) }
        chunks[slot].unsafelyUnwrapped[within] = value
        counts[bucket] = count + 1
    }

    /// Value `index` of bucket `bucket`; either out of range stops the program.
    @inlinable @inline(__always)
    public subscript(bucket bucket: Int, index: Int) -> Element {
        precondition(index >= 0 && index < counts[bucket], "BucketedColumn index out of range")
        return chunks[bucket * chunksPerBucket + index >> chunkShift].unsafelyUnwrapped[index & ((1 << chunkShift) - 1)]
    }

    /// Frees bucket `bucket`'s values; it is empty afterwards (and can be filled again).
    public func releaseBucket(_ bucket: Int) {
        precondition(bucket >= 0 && bucket < bucketCount, "BucketedColumn bucket out of range")
        for slot in (bucket * chunksPerBucket)..<((bucket + 1) * chunksPerBucket) {
            free(chunks[slot])
            chunks[slot] = nil
        }
        counts[bucket] = 0
    }

    @usableFromInline
    static func allocateChunk(_ values: Int) -> UnsafeMutablePointer<Element> {
        let bytes = max(1, values * MemoryLayout<Element>.stride)
        guard let raw = malloc(bytes) else { fatalError("out of memory: could not allocate a bucket chunk of \(bytes) bytes") }
        return raw.bindMemory(to: Element.self, capacity: values)
    }
}
