#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A contiguous, growable array of plain values in memory from `malloc`, grown and trimmed with
/// `realloc`. For a large buffer glibc moves the pages (`mremap`) rather than copying them, so
/// neither growing nor trimming holds two copies at once, as a Swift array's growth and
/// `trimmed()` do: the string pools and context table of a load are tens of MiB each.
///
/// Not thread-safe for writes; reads may run concurrently once writing ends.
public final class GrowableBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    @usableFromInline var base: UnsafeMutablePointer<Element>?
    @usableFromInline private(set) var storedCount = 0
    private(set) var capacity = 0

    /// Creates an empty buffer.
    public init() {}

    deinit { free(base) }

    /// The number of values.
    @inlinable public var count: Int { storedCount }

    /// Value `index`; an index out of range stops the program, as an array's does.
    @inlinable public subscript(index: Int) -> Element {
        @inline(__always) get {
            precondition(index >= 0 && index < storedCount, "GrowableBuffer index out of range")
            return base.unsafelyUnwrapped[index]
        }
        @inline(__always) set {
            precondition(index >= 0 && index < storedCount, "GrowableBuffer index out of range")
            base.unsafelyUnwrapped[index] = newValue
        }
    }

    /// The address of the first value (nil while empty and unallocated).
    var address: UnsafeMutablePointer<Element>? { base }

    /// Appends a value.
    @inline(__always)
    func append(_ value: Element) {
        if storedCount == capacity { grow(toAtLeast: storedCount + 1) }
        base.unsafelyUnwrapped[storedCount] = value
        storedCount += 1
    }

    /// Appends `count` values copied from `source`.
    @inline(__always)
    func append(contentsOf source: UnsafePointer<Element>, count extra: Int) {
        guard extra > 0 else { return }
        if storedCount + extra > capacity { grow(toAtLeast: storedCount + extra) }
        (base.unsafelyUnwrapped + storedCount).update(from: source, count: extra)
        storedCount += extra
    }

    /// Makes room for `total` values without growing again.
    func reserve(_ total: Int) {
        if total > capacity { resize(to: total) }
    }

    /// Gives back the unused capacity (in place: no second copy).
    func trim() {
        if capacity > storedCount { resize(to: storedCount) }
    }

    /// Empties the buffer and frees its memory.
    func removeAll() {
        free(base)
        base = nil
        storedCount = 0
        capacity = 0
    }

    /// Heap bytes held.
    public var memoryFootprint: Int { capacity * MemoryLayout<Element>.stride }

    /// Grows by half (not doubling) or to `needed`, whichever is more.
    private func grow(toAtLeast needed: Int) {
        resize(to: max(needed, capacity + capacity / 2 + 16))
    }

    private func resize(to newCapacity: Int) {
        let bytes = max(1, newCapacity) * MemoryLayout<Element>.stride
        guard let moved = realloc(base, bytes) else { fatalError("out of memory: could not grow a buffer to \(bytes) bytes") }
        base = moved.bindMemory(to: Element.self, capacity: max(1, newCapacity))
        capacity = newCapacity
    }
}
