import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A zip archive that is not well formed, with the reason (`not a well-formed zip: ...`).
struct MalformedZip: Error, CustomStringConvertible, Equatable {
    /// What is wrong, without the `not a well-formed zip:` prefix.
    var reason: String
    init(_ reason: String) { self.reason = reason }
    var description: String { "not a well-formed zip: " + reason }
}

/// Bounds-checked little-endian reads from a byte array: every read past the end throws
/// `MalformedZip` naming what was being read, so no header field can index out of range.
struct LittleEndianReader {
    let bytes: [UInt8]
    private(set) var offset: Int
    /// What the bytes are (for error messages), e.g. `the central directory`.
    let what: String

    init(_ bytes: [UInt8], at offset: Int = 0, what: String) {
        self.bytes = bytes
        self.offset = offset
        self.what = what
    }

    var remaining: Int { bytes.count - offset }

    mutating func u16() throws -> UInt16 { UInt16(try unsigned(2)) }
    mutating func u32() throws -> UInt32 { UInt32(try unsigned(4)) }
    mutating func u64() throws -> UInt64 { try unsigned(8) }

    /// The next `count` bytes.
    mutating func take(_ count: Int) throws -> [UInt8] {
        guard count >= 0, count <= remaining else {
            throw MalformedZip("\(what) ends inside a field (\(count) bytes wanted at offset \(offset), \(remaining) left)")
        }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func skip(_ count: Int) throws { _ = try take(count) }

    private mutating func unsigned(_ width: Int) throws -> UInt64 {
        let field = try take(width)
        var value: UInt64 = 0
        for (i, byte) in field.enumerated() { value |= UInt64(byte) << (8 * UInt64(i)) }
        return value
    }
}

/// Random-access reads of exact byte ranges from an open file, each checked against the file's
/// size (so a header offset pointing past the end is a clear error, not a short read).
final class RandomAccessFile {
    let handle: FileHandle
    /// The file's size in bytes when opened.
    let size: UInt64

    /// Opens `path` for reading: a regular file only, opened without blocking, so a FIFO or a
    /// device planted where a bundle was expected is refused at once instead of hanging `verify`.
    /// - Throws: `BundleError` when it cannot be opened or is not a regular file.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw BundleError("\(path): cannot be opened for reading: \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw BundleError("\(path): cannot be examined: \(String(cString: strerror(errno)))")
        }
        if let kind = FolderBundleSource.kind(info.st_mode) { throw BundleError("\(path): not a regular file (\(kind))") }
        self.handle = handle
        do { size = try handle.seekToEnd() } catch {
            try? handle.close()
            throw BundleError("\(path): cannot be read: \(error.localizedDescription)")
        }
    }

    deinit { try? handle.close() }

    /// Exactly `count` bytes at `offset`.
    /// - Throws: `MalformedZip` when the range runs past the end of the file, `BundleError` on an I/O error.
    func read(at offset: UInt64, count: Int, what: String) throws -> [UInt8] {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else {
            throw MalformedZip("\(what) at offset \(offset) (\(count) bytes) runs past the end of the file (\(size) bytes)")
        }
        if count == 0 { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(count)
        do {
            try handle.seek(toOffset: offset)
            while out.count < count {
                guard let block = try handle.read(upToCount: count - out.count), !block.isEmpty else { break }
                out.append(contentsOf: block)
            }
        } catch {
            throw BundleError("reading \(what) at offset \(offset) failed: \(error.localizedDescription)")
        }
        guard out.count == count else { throw BundleError("reading \(what) at offset \(offset): the file shrank while being read") }
        return out
    }
}
