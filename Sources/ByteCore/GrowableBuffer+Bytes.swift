#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension GrowableBuffer where Element == UInt8 {
    /// Appends up to `maxCount` bytes written by `body` into the room after the last value (lent
    /// as a `MutableRawSpan` of exactly `maxCount` bytes); `body` returns how many it wrote, from
    /// the span's start. The buffer grows in place (`realloc`) to make the room: a line reader's
    /// buffer grown for a long line is never held twice.
    @discardableResult
    public func appendWriting(maxCount: Int, _ body: (inout MutableRawSpan) throws -> Int) rethrows -> Int {
        precondition(maxCount >= 0, "GrowableBuffer: negative room")
        guard maxCount > 0 else { return 0 }
        reserve(storedCount + maxCount)
        var room = MutableRawSpan(_unsafeBytes: UnsafeMutableRawBufferPointer(start: base.unsafelyUnwrapped + storedCount, count: maxCount))
        let written = try body(&room)
        precondition(written >= 0 && written <= maxCount, "GrowableBuffer: more bytes written than lent")
        storedCount += written
        return written
    }

    /// Moves values `range` to the front and drops every other value (memmove over a checked range).
    public func keepOnly(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= storedCount, "GrowableBuffer range out of range")
        if range.lowerBound > 0 && !range.isEmpty {
            _ = memmove(base.unsafelyUnwrapped, base.unsafelyUnwrapped + range.lowerBound, range.count)
        }
        storedCount = range.count
    }

    /// The index of the first `byte` in `range`, or nil (memchr over a checked range).
    public func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        precondition(range.lowerBound >= 0 && range.upperBound <= storedCount, "GrowableBuffer range out of range")
        guard !range.isEmpty, let found = memchr(base.unsafelyUnwrapped + range.lowerBound, Int32(byte), range.count) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base.unsafelyUnwrapped)
    }

    /// Bytes of memory the buffer has room for (its capacity).
    public var capacityBytes: Int { capacity }
}
