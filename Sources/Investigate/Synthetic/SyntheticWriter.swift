#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A buffered file writer for generated sources (bytes appended, flushed in 1 MiB blocks).
final class SyntheticWriter {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    /// Rows written (lines after the header).
    private(set) var rows = 0

    init(path: String) throws {
        guard let file = fopen(path, "wb") else {
            throw SourceFileError(path: path, reason: "cannot create: \(String(cString: strerror(errno)))")
        }
        self.file = file
        buffer.reserveCapacity(1 << 21)
    }

    func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        rows += 1
        if buffer.count >= 1 << 20 { flush() }
    }

    func raw(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
        buffer.append(0x0A)
        rows += 1
        if buffer.count >= 1 << 20 { flush() }
    }

    func flush() {
        buffer.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        fclose(file)
    }
}

/// CSV and JSON field encoding for generated rows.
enum SyntheticFormat {
    /// An RFC 4180 field (quoted when needed), read by Unicode scalars: a `"` followed by a
    /// combining mark is one `Character`, which a Character-wise escape would leave undoubled.
    static func csv(_ value: String) -> String {
        let special = value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        return special ? CSVTable.quoted(value) : value
    }

    /// A JSON string literal (control characters escaped; everything else as-is).
    static func json(_ value: String) -> String { JSONText.string(value) }
}
