/// Finds the line numbers of rows from their byte offsets by reading a file (or one slice of
/// it) again: used only for the rare rows reported after parsing (a query for an unknown
/// account), so that the hot path never keeps a line number per row.
enum LineLocator {
    /// The 1-based line (within the slice) starting at each offset; offsets are in the file's
    /// decompressed stream, as `RecordFields.offset` gives them.
    static func lineNumbers(ofOffsets offsets: [Int], path: String, range: Range<Int>?) throws -> [Int: Int] {
        let wanted = Set(offsets)
        guard let last = offsets.max() else { return [:] }
        let source: ByteSource = try range.map { try FileByteSource(path: path, range: $0) } ?? openByteSource(path: path)
        let base = range?.lowerBound ?? 0
        var found: [Int: Int] = [:]
        try LineReader(source: source, blockSize: 1 << 20).forEachLine { line in
            let offset = line.offset + base
            if wanted.contains(offset) { found[offset] = line.number }
            return offset < last
        }
        return found
    }
}
