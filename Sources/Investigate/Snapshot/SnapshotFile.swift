import Crypto
import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a snapshot was not used: what is wrong with it (the snapshot is then rebuilt).
public struct SnapshotDamage: Error, CustomStringConvertible, Sendable {
    /// What failed, naming the section where one is at fault.
    public var reason: String
    init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Streams named sections into an open snapshot file (`SnapshotFormat`), hashing each.
final class SnapshotFileWriter {
    private let fd: Int32
    private let header: [UInt8]
    private var offset = 0
    private var sections: [SnapshotFormat.Section] = []

    /// Writes the header for `key`.
    init(fd: Int32, key: [UInt8]) throws {
        self.fd = fd
        header = SnapshotFormat.header(key: key)
        var ignored = SHA256()
        offset = try SnapshotRawIO.write(header, to: fd, hasher: &ignored).get()
    }

    private func record(_ name: String, _ body: (inout SHA256) -> Result<Int, SnapshotWriteFailure>) throws {
        var hasher = SHA256()
        let length = try body(&hasher).get()
        sections.append(SnapshotFormat.Section(name: name, offset: offset, length: length, digest: Array(hasher.finalize())))
        offset += length
    }

    /// An array's values as section `name`.
    func put<T: SnapshotScalar>(_ name: String, _ values: [T]) throws {
        try record(name) { SnapshotRawIO.write(values, to: fd, hasher: &$0) }
    }

    /// A sequence's values as section `name`, written `streamBlock` at a time: a column made for
    /// the snapshot alone (the ranking's risks and starts, about 9 MiB each at 10M queries) is
    /// never held whole while the investigation is.
    func put<S: Sequence>(_ name: String, streaming values: S) throws where S.Element: SnapshotScalar {
        try record(name) { hasher in
            var block: [S.Element] = []
            block.reserveCapacity(Self.streamBlock)
            var total = 0
            func flush() -> SnapshotWriteFailure? {
                switch SnapshotRawIO.write(block, to: fd, hasher: &hasher) {
                case .success(let bytes): total += bytes
                case .failure(let failure): return failure
                }
                block.removeAll(keepingCapacity: true)
                return nil
            }
            for value in values {
                block.append(value)
                if block.count == Self.streamBlock, let failure = flush() { return .failure(failure) }
            }
            if let failure = flush() { return .failure(failure) }
            return .success(total)
        }
    }

    /// Values a streamed section writes at a time.
    static let streamBlock = 1 << 14

    /// A column's values as section `name`.
    func put<T: SnapshotScalar>(_ name: String, column: ChunkedColumn<T>) throws {
        try record(name) { SnapshotRawIO.write(column: column, to: fd, hasher: &$0) }
    }

    /// A buffer's values as section `name`.
    func put<T: SnapshotScalar>(_ name: String, buffer: GrowableBuffer<T>) throws {
        try record(name) { SnapshotRawIO.write(buffer: buffer, to: fd, hasher: &$0) }
    }

    /// Strings as two sections: their UTF-8 back to back (`name.bytes`) and each one's end
    /// (`name.ends`), each streamed (the strings are read twice).
    func put(_ name: String, strings: some Collection<String>) throws {
        try put(name + ".bytes", streaming: strings.lazy.flatMap(\.utf8))
        let ends = sequence(state: (strings: strings.makeIterator(), end: UInt32(0))) { state -> UInt32? in
            guard let string = state.strings.next() else { return nil }
            state.end &+= UInt32(truncatingIfNeeded: string.utf8.count)
            return state.end
        }
        try put(name + ".ends", streaming: ends)
    }

    /// A pool as `name.bytes` and `name.starts`.
    func put(_ name: String, pool: StringPool) throws {
        try record(name + ".bytes") { SnapshotRawIO.write(poolBytes: pool, to: fd, hasher: &$0) }
        try record(name + ".starts") { SnapshotRawIO.write(poolStarts: pool, to: fd, hasher: &$0) }
    }

    /// Writes the table and the trailer, authenticated under `macKey`.
    func finish(macKey: SymmetricKey) throws {
        let table = SnapshotFormat.table(sections)
        let mac = Array(HMAC<SHA256>.authenticationCode(for: header + table, using: macKey))
        var trailer = ByteWriter()
        trailer.u64(UInt64(offset))
        trailer.u64(UInt64(table.count))
        trailer.bytes(mac)
        trailer.bytes(SnapshotFormat.trailerMagic)
        var ignored = SHA256()
        _ = try SnapshotRawIO.write(table + trailer.data, to: fd, hasher: &ignored).get()
    }
}

/// Reads the sections of a snapshot file, trusting nothing: the header must name the expected
/// key, the table must be authenticated by the folder's key, and each section is read only
/// within the file. Each section's bytes are hashed on another core while the caller goes on
/// checking its invariants (which are safe on any bytes); `finishVerification()` waits for the
/// hashes and throws unless every section read matched the table's digest, so nothing read is
/// trusted before it returns.
final class SnapshotFileReader: @unchecked Sendable {
    private let fd: Int32
    private let fileSize: Int
    private let hashing = DispatchGroup()
    private let mismatches = Mutex<[String]>([])
    let sections: [String: SnapshotFormat.Section]

    /// Opens `path` and checks its header, trailer and table.
    /// - Throws: `SnapshotDamage` naming what is wrong.
    init(path: String, key: [UInt8], macKey: SymmetricKey) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw SnapshotDamage("cannot open: " + String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw SnapshotDamage("not a regular file")
        }
        self.fd = fd
        fileSize = Int(info.st_size)
        let minimum = SnapshotFormat.headerSize + SnapshotFormat.trailerSize
        guard fileSize >= minimum else {
            sections = [:]
            throw SnapshotDamage("truncated: \(fileSize) bytes")
        }
        var ignored = SHA256()
        guard let header = SnapshotRawIO.readArray(UInt8.self, fd: fd, offset: 0, count: SnapshotFormat.headerSize, fileSize: fileSize, hasher: &ignored),
            let trailer = SnapshotRawIO.readArray(
                UInt8.self, fd: fd, offset: fileSize - SnapshotFormat.trailerSize, count: SnapshotFormat.trailerSize,
                fileSize: fileSize, hasher: &ignored)
        else {
            sections = [:]
            throw SnapshotDamage("cannot read the header or trailer")
        }
        guard header == SnapshotFormat.header(key: key) else {
            sections = [:]
            throw SnapshotDamage("header: wrong magic, format version or key")
        }
        var reader = ByteReader(trailer)
        guard let tableOffset = reader.u64(), let tableLength = reader.u64(), let mac = reader.bytes(32),
            reader.bytes(8) == SnapshotFormat.trailerMagic,
            tableOffset >= UInt64(SnapshotFormat.headerSize), tableLength <= UInt64(fileSize),
            Int(tableOffset) + Int(tableLength) == fileSize - SnapshotFormat.trailerSize,
            let table = SnapshotRawIO.readArray(
                UInt8.self, fd: fd, offset: Int(tableOffset), count: Int(tableLength), fileSize: fileSize, hasher: &ignored)
        else {
            sections = [:]
            throw SnapshotDamage("trailer: malformed or truncated")
        }
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: header + table, using: macKey) else {
            sections = [:]
            throw SnapshotDamage("table: authentication code does not match")
        }
        guard let parsed = SnapshotFormat.parseTable(table, dataRange: SnapshotFormat.headerSize..<Int(tableOffset)) else {
            sections = [:]
            throw SnapshotDamage("table: malformed")
        }
        sections = parsed
    }

    deinit {
        hashing.wait()
        close(fd)
    }

    private func section<T>(_ name: String, _ type: T.Type) throws -> (SnapshotFormat.Section, count: Int) {
        guard let section = sections[name] else { throw SnapshotDamage("section \(name): missing") }
        guard section.length % MemoryLayout<T>.stride == 0 else { throw SnapshotDamage("section \(name): wrong length") }
        return (section, section.length / MemoryLayout<T>.stride)
    }

    /// Hashes a section's bytes on another core and records a mismatch.
    private func verifyLater(_ name: String, _ section: SnapshotFormat.Section, _ digest: @escaping @Sendable () -> [UInt8]) {
        DispatchQueue.global().async(group: hashing) { [self] in
            if digest() != section.digest { mismatches.withLock { $0.append(name) } }
        }
    }

    /// Waits for every section read so far to be hashed.
    /// - Throws: `SnapshotDamage` naming a section whose bytes do not match the table.
    func finishVerification() throws {
        hashing.wait()
        if let name = mismatches.withLock({ $0.sorted().first }) { throw SnapshotDamage("section \(name): checksum does not match") }
    }

    /// Checks section `name` against its digest without keeping it.
    func verify(section name: String) throws {
        _ = try array(name, UInt8.self)
        try finishVerification()
    }

    /// Section `name` as an array of `T` (verified by `finishVerification()`).
    func array<T: SnapshotScalar>(_ name: String, _ type: T.Type) throws -> [T] {
        let (section, count) = try self.section(name, T.self)
        guard let values = SnapshotRawIO.readArray(T.self, fd: fd, offset: section.offset, count: count, fileSize: fileSize)
        else { throw SnapshotDamage("section \(name): cannot be read") }
        verifyLater(name, section) { SnapshotRawIO.sha256(values) }
        return values
    }

    /// Section `name` as a column of `T` (verified by `finishVerification()`).
    func column<T: SnapshotScalar>(_ name: String, _ type: T.Type) throws -> ChunkedColumn<T> {
        let (section, count) = try self.section(name, T.self)
        guard let column = SnapshotRawIO.readColumn(T.self, fd: fd, offset: section.offset, count: count, fileSize: fileSize)
        else { throw SnapshotDamage("section \(name): cannot be read") }
        verifyLater(name, section) { SnapshotRawIO.sha256(column: column) }
        return column
    }

    /// Strings written by `SnapshotFileWriter.put(_:strings:)` (invalid UTF-8 is damage).
    func strings(_ name: String) throws -> [String] {
        let bytes = try array(name + ".bytes", UInt8.self)
        let ends = try array(name + ".ends", UInt32.self)
        var strings: [String] = []
        strings.reserveCapacity(ends.count)
        var start = 0
        for end in ends {
            guard Int(end) >= start, Int(end) <= bytes.count, let text = String(validating: bytes[start..<Int(end)], as: UTF8.self) else {
                throw SnapshotDamage("section \(name): malformed strings")
            }
            strings.append(text)
            start = Int(end)
        }
        guard start == bytes.count else { throw SnapshotDamage("section \(name): malformed strings") }
        return strings
    }

    /// Fills an empty pool from `name.bytes` and `name.starts`.
    func pool(_ name: String, into pool: StringPool) throws {
        let bytes = try array(name + ".bytes", UInt8.self)
        let starts = try array(name + ".starts", UInt32.self)
        guard SnapshotRawIO.fill(pool, bytes: bytes, starts: starts) != nil else { throw SnapshotDamage("section \(name): malformed pool") }
    }
}
