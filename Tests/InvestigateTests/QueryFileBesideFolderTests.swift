import Testing

@testable import Investigate

/// A top-level query file beside a `queries/` folder: both are read (nothing lost), and the load
/// warns, naming the folder's files of the same size as the likeliest copies; a strict load stops.
@Suite struct QueryFileBesideFolderTests {
    static let rows = #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1"}"# + "\n" + #"{"ts":"2026-03-01T00:00:01Z","account_id":"a1"}"# + "\n"

    @Test func aCopyInTheFolderIsWarnedAndNamed() throws {
        let source = try TempSource(["accounts.csv": "account_id\na1\n", "queries.jsonl": Self.rows, "queries/part-1.jsonl": Self.rows])
        let data = try source.load()
        #expect(data.queries.count == 4)
        #expect(data.report.warnings.map(\.description) == [
            "queries.jsonl:1: read beside a queries/ folder of 1 file (a source gives one or the other); both are read, so rows "
                + "in both count twice; queries/part-1.jsonl has its size, most likely a copy: remove one"
        ])
        #expect(throws: LoadFailure.self) { try source.load(strict: true) }
    }

    @Test func aFolderAloneOrAFileAloneIsNotWarned() throws {
        // (Two byte-identical files in the folder are a warning of their own: `SourceFileCopiesTests`.)
        let otherRows = Self.rows.replacingOccurrences(of: "00:00:01Z", with: "00:00:02Z")
        for files in [["queries.jsonl": Self.rows], ["queries/a.jsonl": Self.rows, "queries/b.jsonl": otherRows]] {
            let data = try TempSource(files.merging(["accounts.csv": "account_id\na1\n"]) { a, _ in a }).load(strict: true)
            #expect(data.report.warnings.isEmpty)
        }
    }
}
