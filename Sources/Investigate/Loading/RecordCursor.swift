/// Reads chosen records of one source file forward, by the line each starts on, keeping its
/// place between calls: asking for later lines continues where the last call stopped, so a
/// caller streaming rows in file order reads the file once, holding only the records asked for.
final class RecordCursor {
    /// The file read.
    let path: String
    private let csv: Bool
    private let lines: LineReader
    /// The line the next `read` starts from (every line before it is passed).
    private(set) var nextLine = 1
    /// The CSV header line (read by `init`), nil for JSON lines.
    private(set) var csvHeader: [UInt8]?

    /// Opens `path` at its first line (reading the header of a CSV file, unless `readingHeader`
    /// is false: then line 1 is a record like any other).
    init(path: String, readingHeader: Bool = true) throws {
        self.path = path
        csv = TableFormat.of(path: path) == .csv
        lines = LineReader(source: try openByteSource(path: path), blockSize: 1 << 20)
        if csv && readingHeader { csvHeader = try read(lines: [1])[1] ?? [] }
    }

    /// The records starting on `numbers` (ascending, none below `nextLine`), each to its end (a
    /// newline outside quotes, for CSV). Lines past the end of the file are left out.
    func read(lines numbers: [Int]) throws -> [Int: [UInt8]] {
        guard let last = numbers.last else { return [:] }
        precondition(numbers.first! >= nextLine, "RecordCursor reads forward only")
        var result: [Int: [UInt8]] = [:]
        var next = 0
        var pending: [UInt8]? = nil
        var pendingNumber = 0
        var inQuotes = false
        var pendingCR = false
        try lines.forEachLine { line in
            nextLine = line.number + 1
            if var record = pending {
                // Inside quotes the line break is data: put back the terminator as it was.
                if pendingCR { record.append(0x0D) }
                record.append(lines.lineTerminator)
                line.append(to: &record)
                pendingCR = line.droppedCR
                if CSVRecordReader.quoteCount(line) & 1 == 1 { inQuotes.toggle() }
                if inQuotes {
                    pending = record
                    return true
                }
                result[pendingNumber] = record
                pending = nil
                return line.number < last
            }
            while next < numbers.count && numbers[next] < line.number { next += 1 }
            if next < numbers.count && numbers[next] == line.number {
                inQuotes = CSVRecordReader.quoteCount(line) & 1 == 1
                if inQuotes && csv {
                    pending = line.bytes
                    pendingCR = line.droppedCR
                    pendingNumber = line.number
                    return true
                }
                result[line.number] = line.bytes
                next += 1
            }
            return line.number < last
        }
        if let pending { result[pendingNumber] = pending }
        return result
    }
}
