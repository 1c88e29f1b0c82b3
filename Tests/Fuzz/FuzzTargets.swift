import Foundation
import Investigate

/// The parsers under fuzzing, each a function of one input that must return without trapping,
/// hanging or touching memory it does not own (AddressSanitizer watches the last).
///
/// Each reads every value it parsed, so a field pointing outside its line is caught.
enum FuzzTargets {
    /// The targets by name.
    static let all: [String: @Sendable ([UInt8]) -> Void] = [
        "jsonl": jsonLine, "csv": csvStream, "gzip": gzipStream, "timestamp": timestamp, "zip": zipArchive,
    ]

    static let schema = TableSchema(
        columns: [
            "ts", "account_id", "api_key", "ip", "asn", "user_agent", "model", "input_tokens", "output_tokens",
            "category", "prompt", "prompt_fingerprint",
        ],
        required: ["ts", "account_id"])

    /// One JSONL line into record fields, twice (the parser remembers the previous line's keys).
    static func jsonLine(_ input: [UInt8]) {
        let parser = JSONLineParser(schema: schema)
        let fields = RecordFields(slotCount: schema.columns.count)
        for _ in 0..<2 {
            let failure = parser.parse(input, into: fields)
            if failure == nil { touch(fields) }
        }
    }

    /// A whole CSV stream (header first) through the line reader and the record reader.
    static func csvStream(_ input: [UInt8]) {
        withFile(input, suffix: ".csv") { path in
            guard let source = try? openByteSource(path: path) else { return }
            let reader = CSVRecordReader(
                lines: LineReader(source: source, blockSize: 64, maxLineBytes: 4096), schema: schema, file: "fuzz.csv")
            let fields = RecordFields(slotCount: schema.columns.count)
            _ = try? reader.forEachRecord(fields: fields, onError: { _, _ in true }) { record in
                touch(record)
                return true
            }
        }
    }

    /// A gzip stream decoded to the end (or to its error) through the line reader.
    static func gzipStream(_ input: [UInt8]) {
        withFile(input, suffix: ".gz") { path in
            guard let source = try? openByteSource(path: path) else { return }
            let lines = LineReader(source: source, blockSize: 256, maxLineBytes: 1 << 16)
            var total = 0
            _ = try? lines.forEachLine { line in
                total &+= line.bytes.reduce(0) { $0 &+ Int($1) }
                return total < Int.max
            }
        }
    }

    /// A zip archive read as `verify` reads a bundle: directory, local headers, metadata, and
    /// every entry inflated through the system zlib.
    static func zipArchive(_ input: [UInt8]) {
        withFile(input, suffix: ".zip") { path in
            blackHole = BundleVerifier.inflateEntries(zipPath: path) ?? 0
        }
    }

    /// An RFC 3339 / epoch timestamp, and its formatted form parsed back.
    static func timestamp(_ input: [UInt8]) {
        guard let millis = Timestamp.parseMillis(input.span) else { return }
        let text = Timestamp.format(millis: millis)
        let again = Timestamp.parseMillis(text)
        precondition(again == millis, "timestamp \(millis) formats as \(text), which parses as \(String(describing: again))")
    }

    /// Reads every slot and extra of a record.
    static func touch(_ fields: RecordFields) {
        var sum = 0
        for slot in 0..<schema.columns.count where fields.hasValue(slot) {
            sum &+= fields.bytes(slot).reduce(0) { $0 &+ Int($1) }
        }
        fields.forEachExtra { key, value in
            sum &+= key.count
            for i in 0..<value.count { sum &+= Int(value[i]) }
        }
        blackHole = sum
    }

    nonisolated(unsafe) static var blackHole = 0

    /// Writes the input to a private temporary file for the file-based readers.
    static func withFile(_ input: [UInt8], suffix: String, _ body: (String) -> Void) {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = folder + "/investigate-fuzz-\(getpid())" + suffix
        guard FileManager.default.createFile(atPath: path, contents: Data(input)) else { return }
        defer { unlink(path) }
        body(path)
    }
}
