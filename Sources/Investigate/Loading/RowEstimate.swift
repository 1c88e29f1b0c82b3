#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A quick guess at how many rows a plain file holds, from the line length of its first
/// megabyte, so that pools can be sized once instead of growing step by step.
enum RowEstimate {
    /// The estimated row count, or nil for a gzip file or one that cannot be read.
    static func rows(in entry: SourceFiles.Entry) -> Int? {
        guard !entry.path.hasSuffix(".gz"), entry.bytes > 0, let source = try? FileByteSource(path: entry.path) else { return nil }
        var buffer = [UInt8](repeating: 0, count: min(entry.bytes, 1 << 20))
        let read = buffer.withUnsafeMutableBytes { (try? source.read(into: $0)) ?? 0 }
        guard read > 0 else { return nil }
        let lines = buffer[0..<read].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        guard lines > 1 else { return 1 }
        return Int(Double(entry.bytes) / (Double(read) / Double(lines)) * 1.02) + 16
    }
}
