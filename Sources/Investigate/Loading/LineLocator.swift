/// Finds the line numbers of rows from their byte offsets by reading a file (or one slice of
/// it) again: used only for the rare rows reported after parsing (a query for an unknown
/// account), so that the hot path never keeps a line number per row.
enum LineLocator {
    /// The 1-based line (within the slice) starting at each offset; offsets are in the file's
    /// decompressed stream, as `RecordFields.offset` gives them.
    /// Offsets not found (the file cannot be read again, or changed) are missing from the result.
    static func lineNumbers(ofOffsets offsets: [Int], path: String, range: Range<Int>?) -> [Int: Int] {
        let wanted = Set(offsets)
        guard let last = offsets.max() else { return [:] }
        guard let source: ByteSource = try? (range.map { try FileByteSource(path: path, range: $0) } ?? openByteSource(path: path))
        else { return [:] }
        let base = range?.lowerBound ?? 0
        var found: [Int: Int] = [:]
        // The same block size as the load: a truncated gzip stream then fails at the same read,
        // after the same lines. A read error ends the search with the lines found so far.
        try? LineReader(source: source, blockSize: TableReader.blockSize).forEachLine { line in
            let offset = line.offset + base
            if wanted.contains(offset) { found[offset] = line.number }
            return offset < last
        }
        return found
    }
}
