import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A plain value a snapshot stores as raw little-endian bytes: every bit pattern of its size is
/// a valid value, so bytes read from a file (damaged or crafted) can never make an invalid one.
/// (`Bool` is not one: it is stored as `UInt8`.)
public protocol SnapshotScalar: BitwiseCopyable, Sendable {}
extension UInt8: SnapshotScalar {}
extension UInt16: SnapshotScalar {}
extension UInt32: SnapshotScalar {}
extension UInt64: SnapshotScalar {}
extension Int32: SnapshotScalar {}
extension Int64: SnapshotScalar {}
extension Int: SnapshotScalar {}
extension Float: SnapshotScalar {}
extension Double: SnapshotScalar {}

/// The snapshot's only pointer-level code: arrays, columns and pools to and from file bytes,
/// each read bounds-checked against the file (a range outside it is `nil`, never a read past it).
///
/// Values are stored in the host's layout, which is checked to be little-endian with an 8-byte
/// `Int` (`isSupportedHost`); on any other host snapshots are neither written nor read.
package enum SnapshotRawIO {
    /// True on a little-endian host with 64-bit `Int` (the layout snapshots store).
    package static var isSupportedHost: Bool {
        #if _endian(little)
            return MemoryLayout<Int>.size == 8
        #else
            return false
        #endif
    }

    // MARK: Writing

    /// Writes every byte of `bytes` to `fd`, feeding them to `hasher`; the system's reason on failure.
    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, _ hasher: inout SHA256) -> String? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        hasher.update(bufferPointer: bytes)
        var written = 0
        while written < bytes.count {
            #if canImport(Glibc)
                let n = Glibc.write(fd, base + written, bytes.count - written)
            #else
                let n = Darwin.write(fd, base + written, bytes.count - written)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            written += n
        }
        return nil
    }

    /// Writes an array's values; returns the bytes written or the failure.
    package static func write<T: SnapshotScalar>(_ values: [T], to fd: Int32, hasher: inout SHA256) -> Result<Int, SnapshotWriteFailure> {
        let failure = values.withUnsafeBytes { writeAll(fd, $0, &hasher) }
        if let failure { return .failure(SnapshotWriteFailure(reason: failure)) }
        return .success(values.count * MemoryLayout<T>.stride)
    }

    /// Writes a column's values chunk by chunk.
    package static func write<T: SnapshotScalar>(column: ChunkedColumn<T>, to fd: Int32, hasher: inout SHA256) -> Result<Int, SnapshotWriteFailure> {
        var index = 0
        let chunk = ChunkedColumn<T>.chunkSize
        while index < column.count {
            let count = min(chunk - (index & (chunk - 1)), column.count - index)
            guard let address = column.contiguousAddress(index, count: count) else {
                return .failure(SnapshotWriteFailure(reason: "column chunk out of place"))
            }
            if let failure = writeAll(fd, UnsafeRawBufferPointer(start: address, count: count * MemoryLayout<T>.stride), &hasher) {
                return .failure(SnapshotWriteFailure(reason: failure))
            }
            index += count
        }
        return .success(column.count * MemoryLayout<T>.stride)
    }

    /// Writes a buffer's values.
    package static func write<T: SnapshotScalar>(buffer: GrowableBuffer<T>, to fd: Int32, hasher: inout SHA256) -> Result<Int, SnapshotWriteFailure> {
        guard let address = buffer.base, buffer.count > 0 else { return .success(0) }
        precondition(buffer.count <= buffer.capacity)
        let bytes = UnsafeRawBufferPointer(start: address, count: buffer.count * MemoryLayout<T>.stride)
        if let failure = writeAll(fd, bytes, &hasher) { return .failure(SnapshotWriteFailure(reason: failure)) }
        return .success(bytes.count)
    }

    /// Writes a pool's values back to back, as stored: its own byte buffer, not a copy (a
    /// pool of a 10M-query source holds tens of MiB, and a copy grown by appending held up to
    /// three times that at once while a snapshot was written).
    package static func write(poolBytes pool: StringPool, to fd: Int32, hasher: inout SHA256) -> Result<Int, SnapshotWriteFailure> {
        precondition(Int(pool.starts.value(at: pool.count) ?? 0) == pool.storage.count, "StringPool: bytes past the last value")
        return write(buffer: pool.storage, to: fd, hasher: &hasher)
    }

    /// Writes where each of a pool's values starts, plus its end (the first start is 0).
    package static func write(poolStarts pool: StringPool, to fd: Int32, hasher: inout SHA256) -> Result<Int, SnapshotWriteFailure> {
        precondition(pool.starts.value(at: 0) == 0, "StringPool: the first value does not start at 0")
        return write(buffer: pool.starts, to: fd, hasher: &hasher)
    }

    // MARK: Reading

    /// Reads `count` bytes at `offset` of `fd` into `destination`; false on a short read or error.
    private static func readAll(_ fd: Int32, _ destination: UnsafeMutableRawPointer, _ count: Int, at offset: Int) -> Bool {
        var done = 0
        while done < count {
            let n = pread(fd, destination + done, count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            if n == 0 { return false }
            done += n
        }
        return true
    }

    /// The byte count of `count` values of `T`, when `offset..<offset + bytes` lies within a file
    /// of `fileSize` bytes (no arithmetic overflow); else nil.
    private static func checkedLength<T>(_ type: T.Type, count: Int, offset: Int, fileSize: Int) -> Int? {
        guard count >= 0, offset >= 0 else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.stride)
        guard !overflow, bytes <= fileSize - offset else { return nil }
        return bytes
    }

    /// `count` values of `T` read from `offset` of a file of `fileSize` bytes; nil when the range
    /// is outside the file or the read fails.
    package static func readArray<T: SnapshotScalar>(_ type: T.Type, fd: Int32, offset: Int, count: Int, fileSize: Int) -> [T]? {
        var ignored = SHA256()
        return readArray(T.self, fd: fd, offset: offset, count: count, fileSize: fileSize, hasher: &ignored, hashing: false)
    }

    /// `readArray`, with the bytes fed to `hasher`.
    package static func readArray<T: SnapshotScalar>(
        _ type: T.Type, fd: Int32, offset: Int, count: Int, fileSize: Int, hasher: inout SHA256, hashing: Bool = true
    ) -> [T]? {
        guard let bytes = checkedLength(T.self, count: count, offset: offset, fileSize: fileSize) else { return nil }
        var ok = true
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if bytes > 0, let base = buffer.baseAddress {
                ok = readAll(fd, UnsafeMutableRawPointer(base), bytes, at: offset)
                if ok && hashing { hasher.update(bufferPointer: UnsafeRawBufferPointer(start: base, count: bytes)) }
            }
            // Every bit pattern is a valid `T` (`SnapshotScalar`); on failure the array is dropped.
            initialized = ok ? count : 0
        }
        return ok ? values : nil
    }

    /// A column of `count` values read from `offset`, chunk by chunk; nil as for `readArray`.
    package static func readColumn<T: SnapshotScalar>(_ type: T.Type, fd: Int32, offset: Int, count: Int, fileSize: Int) -> ChunkedColumn<T>? {
        guard checkedLength(T.self, count: count, offset: offset, fileSize: fileSize) != nil else { return nil }
        let column = ChunkedColumn<T>(uninitializedCount: count)
        let chunk = ChunkedColumn<T>.chunkSize
        var index = 0
        while index < count {
            let n = min(chunk - (index & (chunk - 1)), count - index)
            guard let address = column.contiguousAddress(index, count: n) else { return nil }
            let bytes = n * MemoryLayout<T>.stride
            guard readAll(fd, UnsafeMutableRawPointer(address), bytes, at: offset + index * MemoryLayout<T>.stride) else { return nil }
            index += n
        }
        return column
    }

    /// Appends an array's values to a buffer.
    package static func append<T: SnapshotScalar>(_ values: [T], to buffer: GrowableBuffer<T>) {
        buffer.reserve(buffer.count + values.count)
        buffer.append(contentsOf: values)
    }

    /// Fills an empty pool with values `bytes[starts[i]..<starts[i + 1]]`, in order (ids as
    /// stored). Nil (the pool untouched) unless `starts` begins at 0, never decreases and ends at
    /// `bytes.count`.
    package static func fill(_ pool: StringPool, bytes: [UInt8], starts: [UInt32]) -> Void? {
        guard pool.count == 0, let first = starts.first, first == 0, Int(starts.last!) == bytes.count else { return nil }
        for i in 1..<starts.count where starts[i] < starts[i - 1] { return nil }
        let span = bytes.span
        for i in 0..<(starts.count - 1) {
            let start = Int(starts[i]), end = Int(starts[i + 1])
            _ = pool.appendDistinct(span.extracting(start..<end))
        }
        pool.compact()
        return ()
    }

    /// Calls `body` with each chunk of a column's values in order (a check over every row without
    /// a class property access per row).
    package static func forEachChunk<T: SnapshotScalar>(_ column: ChunkedColumn<T>, _ body: (Span<T>) throws -> Void) rethrows {
        let chunk = ChunkedColumn<T>.chunkSize
        var index = 0
        while index < column.count {
            let n = min(chunk - (index & (chunk - 1)), column.count - index)
            if let address = column.contiguousAddress(index, count: n) { try body(UnsafeBufferPointer(start: address, count: n).span) }
            index += n
        }
    }

    /// The SHA-256 of a column's bytes, chunk by chunk.
    package static func sha256<T: SnapshotScalar>(column: ChunkedColumn<T>) -> [UInt8] {
        var hasher = SHA256()
        let chunk = ChunkedColumn<T>.chunkSize
        var index = 0
        while index < column.count {
            let n = min(chunk - (index & (chunk - 1)), column.count - index)
            if let address = column.contiguousAddress(index, count: n) {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(start: address, count: n * MemoryLayout<T>.stride))
            }
            index += n
        }
        return Array(hasher.finalize())
    }

    /// The SHA-256 of an array's bytes.
    package static func sha256<T: SnapshotScalar>(_ values: [T]) -> [UInt8] {
        var hasher = SHA256()
        values.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return Array(hasher.finalize())
    }
}

/// Why writing a snapshot failed (the system's reason).
package struct SnapshotWriteFailure: Error, CustomStringConvertible {
    package var reason: String
    package var description: String { reason }
    package init(reason: String) { self.reason = reason }
}
