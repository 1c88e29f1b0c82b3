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
/// Every read and write is bounds-checked (the check stays in optimised builds); values are
/// lent out as `Span`s, never as pointers.
///
/// Not thread-safe for writes; reads may run concurrently once writing ends.
public final class GrowableBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    // `@exclusivity(unchecked)`: these are read and written from inlined code in other modules,
    // where the runtime's dynamic exclusivity check on a class property costs more than the
    // access (a third of a load); no access to them is ever held across a call. Bounds stay checked.
    @exclusivity(unchecked) @usableFromInline var base: UnsafeMutablePointer<Element>?
    @exclusivity(unchecked) @usableFromInline var storedCount = 0
    @exclusivity(unchecked) @usableFromInline var capacity = 0

    /// Creates an empty buffer.
    public init() {}

    /// Creates a buffer of `count` copies of `value`.
    public convenience init(repeating value: Element, count: Int) {
        self.init()
        precondition(count >= 0, "GrowableBuffer: negative count")
        reserve(count)
        // One fill, not `count` appends: this initialiser is not inlined into other modules, and
        // its generic appends cost a load of 20,000 one-line files two thirds of its time (seven
        // small caches made per file).
        if count > 0 { base.unsafelyUnwrapped.initialize(repeating: value, count: count) }
        storedCount = count
    }

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

    /// Value `index`, or nil when `index` is out of range.
    @inlinable public func value(at index: Int) -> Element? {
        guard index >= 0 && index < storedCount else { return nil }
        return base.unsafelyUnwrapped[index]
    }

    /// Calls `body` with values `range` as a span; a range outside `0..<count` stops the program.
    @inlinable @inline(__always)
    public func withSpan<R>(_ range: Range<Int>, _ body: (Span<Element>) throws -> R) rethrows -> R {
        precondition(range.lowerBound >= 0 && range.upperBound <= storedCount, "GrowableBuffer range out of range")
        let values = UnsafeBufferPointer(start: base.map { $0 + range.lowerBound }, count: range.count)
        return try body(values.span)
    }

    /// Calls `body` with every value as a span.
    @inlinable
    public func withSpan<R>(_ body: (Span<Element>) throws -> R) rethrows -> R {
        try withSpan(0..<storedCount, body)
    }

    /// The values as an array (a copy).
    public var values: [Element] { withSpan { span in (0..<span.count).map { span[$0] } } }

    /// Appends a value.
    @inlinable @inline(__always)
    public func append(_ value: Element) {
        if storedCount == capacity { grow(toAtLeast: storedCount + 1) }
        base.unsafelyUnwrapped[storedCount] = value
        storedCount += 1
    }

    /// Appends every value of `source`.
    @inlinable @inline(__always)
    public func append(contentsOf source: Span<Element>) {
        let extra = source.count
        guard extra > 0 else { return }
        if storedCount + extra > capacity { grow(toAtLeast: storedCount + extra) }
        source.withUnsafeBufferPointer { values in
            (base.unsafelyUnwrapped + storedCount).update(from: values.baseAddress!, count: extra)
        }
        storedCount += extra
    }

    /// Appends every value of `source`.
    public func append(contentsOf source: [Element]) { append(contentsOf: source.span) }

    /// Makes room for `total` values without growing again.
    public func reserve(_ total: Int) {
        if total > capacity { resize(to: total) }
    }

    /// Gives back the unused capacity (in place: no second copy).
    public func trim() {
        if capacity > storedCount { resize(to: storedCount) }
    }

    /// Drops the values from `newCount` on (the memory is kept).
    public func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= storedCount, "GrowableBuffer truncate out of range")
        storedCount = newCount
    }

    /// Empties the buffer and frees its memory.
    public func removeAll() {
        free(base)
        base = nil
        storedCount = 0
        capacity = 0
    }

    /// Heap bytes held.
    public var memoryFootprint: Int { capacity * MemoryLayout<Element>.stride }

    /// Grows by half (not doubling) or to `needed`, whichever is more.
    @usableFromInline
    func grow(toAtLeast needed: Int) {
        resize(to: max(needed, capacity + capacity / 2 + 16))
    }

    private func resize(to newCapacity: Int) {
        let bytes = max(1, newCapacity) * MemoryLayout<Element>.stride
        guard let moved = realloc(base, bytes) else { fatalError("out of memory: could not grow a buffer to \(bytes) bytes") }
        base = moved.bindMemory(to: Element.self, capacity: max(1, newCapacity))
        capacity = newCapacity
    }
}
