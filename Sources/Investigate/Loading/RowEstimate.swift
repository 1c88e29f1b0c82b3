/// A quick guess at how many rows a plain file holds, from the non-blank lines of its first
/// megabyte, so that pools can be sized once instead of growing step by step. The file is
/// written by the accounts under investigation, so the guess is capped: a crafted first
/// megabyte can make pools reserve at most `limit` values up front.
enum RowEstimate {
    /// The most rows an estimate may claim.
    static let limit = 2_000_000

    /// The estimated row count, or nil for a gzip file, an unreadable one, or one whose first
    /// megabyte holds no row.
    static func rows(in entry: SourceFiles.Entry) -> Int? {
        guard !entry.path.hasSuffix(".gz"), entry.bytes > 0, let source = try? FileByteSource(path: entry.path) else { return nil }
        var buffer = [UInt8](repeating: 0, count: min(entry.bytes, 1 << 20))
        let read = (try? source.read(into: &buffer)) ?? 0
        guard read > 0 else { return nil }
        var rows = 0
        var rowBytes = 0
        var lineLength = 0
        for byte in buffer[0..<read] {
            if byte == 0x0A {
                // Lines shorter than 8 bytes (blank, or too short for a row) do not count.
                if lineLength >= 8 {
                    rows += 1
                    rowBytes += lineLength + 1
                }
                lineLength = 0
            } else {
                lineLength += 1
            }
        }
        guard rows > 1 else { return nil }
        let estimate = Double(entry.bytes) / (Double(rowBytes) / Double(rows)) * 1.02 + 16
        return min(Int(estimate), limit)
    }
}
