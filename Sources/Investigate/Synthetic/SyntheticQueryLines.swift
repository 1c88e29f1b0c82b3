#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Collects generated query lines and writes them as `queries.jsonl` or `queries/part-NNN.jsonl`.
///
/// In account order each line is written as it comes (one account's history after another). In
/// time order, as real API logs are, lines are kept in one byte arena and written sorted by their
/// timestamp (ties in generation order) once all are made, so both orders hold the same rows.
final class SyntheticQueryLines {
    private let directory: String
    private let rowsPerPart: Int
    private let order: SyntheticSource.QueryOrder
    private var writer: SyntheticWriter?
    private var part = 0
    /// Time order: every line's bytes, back to back, and (time, start, length) per line.
    private var arena: [UInt8] = []
    private var lines: [(time: Int64, start: Int, length: Int32)] = []

    init(directory: String, rowsPerPart: Int, order: SyntheticSource.QueryOrder) {
        self.directory = directory
        self.rowsPerPart = rowsPerPart
        self.order = order
        if rowsPerPart > 0 { mkdir(directory + "/queries", 0o755) }
    }

    /// Adds one line (without its newline) whose row happens at `time`.
    func append(time: Int64, _ line: String) {
        if order == .account {
            if writer == nil { writer = try? SyntheticWriter(path: nextPath()) }
            writer?.line(line)
            return
        }
        let start = arena.count
        arena.append(contentsOf: line.utf8)
        lines.append((time, start, Int32(arena.count - start)))
    }

    /// Account order: starts the next part once this one is full.
    func flushIfAccountOrdered() throws {
        guard order == .account, rowsPerPart > 0, let current = writer, current.rows >= rowsPerPart else { return }
        current.close()
        writer = try SyntheticWriter(path: nextPath())
    }

    /// Writes what is buffered (time order) and closes the files.
    func finish() throws {
        if order == .time {
            let sorted = lines.indices.sorted { (lines[$0].time, $0) < (lines[$1].time, $1) }
            for index in sorted {
                if writer == nil { writer = try SyntheticWriter(path: nextPath()) }
                let line = lines[index]
                writer!.raw(arena[line.start..<line.start + Int(line.length)])
                if rowsPerPart > 0 && writer!.rows >= rowsPerPart {
                    writer!.close()
                    writer = nil
                }
            }
            arena = []
            lines = []
        }
        if writer == nil && part == 0 { writer = try SyntheticWriter(path: nextPath()) }
        writer?.close()
        writer = nil
    }

    private func nextPath() -> String {
        defer { part += 1 }
        guard rowsPerPart > 0 else { return directory + "/queries.jsonl" }
        let digits = String(part)
        return directory + "/queries/part-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits + ".jsonl"
    }
}
