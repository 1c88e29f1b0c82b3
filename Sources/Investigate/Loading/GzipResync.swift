/// Finds where reading can go on in a damaged gzip file: the next gzip member header after the
/// start of the member that failed.
///
/// A header is `1f 8b 08`, flags with no reserved bit, an extra-flags byte of 0, 2 or 4 and an
/// operating-system byte of 0-13 or 255 (what gzip, zlib and Python write): a chance match
/// inside compressed data is about one in a hundred billion bytes.
enum GzipResync {
    /// Bytes read at a time while searching.
    static let chunk = 64 << 10

    /// The file offset of the first plausible member header after `offset`, with `file`
    /// positioned there; nil when none follows.
    static func nextMember(in file: FileByteSource, after offset: Int) throws -> Int? {
        var buffer = [UInt8](repeating: 0, count: chunk)
        var from = offset + 1
        while true {
            try file.seek(to: from)
            let n = try file.read(into: &buffer)
            if let found = headerOffset(in: buffer.span.extracting(0..<n)) {
                try file.seek(to: from + found)
                return from + found
            }
            guard n == chunk else { return nil }
            // The last 9 bytes may start a header cut by the chunk's end.
            from += n - 9
        }
    }

    /// The offset of the first plausible member header (10 bytes) wholly in `bytes`, or nil.
    static func headerOffset(in bytes: Span<UInt8>) -> Int? {
        guard bytes.count >= 10 else { return nil }
        for i in 0...(bytes.count - 10) where bytes[i] == 0x1F && bytes[i + 1] == 0x8B && bytes[i + 2] == 0x08 {
            let flags = bytes[i + 3], extra = bytes[i + 8], system = bytes[i + 9]
            if flags & 0xE0 == 0 && (extra == 0 || extra == 2 || extra == 4) && (system <= 13 || system == 255) { return i }
        }
        return nil
    }
}
