import Foundation
import Testing

@testable import Investigate

/// A query file is opened once for all its slices: a name replaced during the load (by a
/// symbolic link, another file) changes nothing read; a file cut shorter while it is read says
/// which bytes were gone.
@Suite(.timeLimit(.minutes(1))) struct FileSwapDuringLoadTests {
    static func rows(_ count: Int) -> String {
        (0..<count).map { #"{"ts":\#(1_000_000_000 + $0),"account_id":"a\#($0 % 2 + 1)"}"# + "\n" }.joined()
    }

    @Test func slicesReadTheFileOpenedEvenAfterItsNameIsReplaced() throws {
        let source = try TempSource(["accounts.csv": "account_id\na1\na2\n", "queries.jsonl": Self.rows(2_000)])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let path = source.directory + "/queries.jsonl"
        let entry = SourceFiles.Entry(path: path, name: "queries.jsonl", bytes: Self.rows(2_000).utf8.count)
        var load = ParallelQueryLoad(files: [entry], options: LoadOptions())
        load.sliceBytes = 8 << 10
        let units = load.plan()
        #expect(units.count > 3 && units.allSatisfy { $0.segments[0].file != nil })
        // The name now leads elsewhere: the slices still read the file as it was planned.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/etc/hostname")
        var lines = 0
        for unit in units {
            let segment = unit.segments[0]
            var reader = TableReader(path: path, displayName: "queries.jsonl", schema: QueryLoader.schema, byteRange: segment.range)
            reader.file = segment.file
            lines += try reader.forEachRow(onError: { line, reason in
                Issue.record("line \(line): \(reason)")
                return true
            }) { _ in true }
        }
        #expect(lines == 2_000)
    }

    @Test func aFileCutShorterWhileReadSaysWhatWasGone() throws {
        let text = Self.rows(100)
        let source = try TempSource(["queries.jsonl": text])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let path = source.directory + "/queries.jsonl"
        var reader = TableReader(path: path, displayName: "queries.jsonl", schema: QueryLoader.schema, byteRange: 0..<text.utf8.count)
        reader.file = try OpenFile(path: path)
        let kept = text.utf8.count / 2
        #expect(truncate(path, off_t(kept)) == 0)
        var errors: [String] = []
        var rows = 0
        _ = try reader.forEachRow(onError: { line, reason in
            errors.append("\(line): \(reason)")
            return true
        }) { _ in
            rows += 1
            return true
        }
        let complete = text.utf8.prefix(kept).count(where: { $0 == 0x0A })
        #expect(rows == complete)
        let next = complete + (text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: kept - 1)] == 0x0A ? 1 : 2)
        #expect(errors.last == "\(next): the file was cut shorter while it was read: bytes \(kept)-\(text.utf8.count) were gone; "
            + "the rows in them are lost (how many is unknown)")
    }
}
