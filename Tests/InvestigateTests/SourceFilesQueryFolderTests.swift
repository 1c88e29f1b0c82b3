import Foundation
import Testing

@testable import Investigate

#if canImport(Glibc)
    import Glibc
#endif

/// Every entry under `queries/` is read or reported: files in the folders directly in it are
/// read (partitioned exports), and hidden names, names that are not data files and deeper
/// folders are listed by name with why, counted, and stop a strict load.
@Suite(.timeLimit(.minutes(1))) struct SourceFilesQueryFolderTests {
    static let accounts = "account_id\na1\n"
    static let row = #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1"}"# + "\n"

    /// A source with a partitioned `queries/` folder and one of each entry that is not read.
    static func partitioned() throws -> TempSource {
        try TempSource([
            "accounts.csv": accounts,
            "queries/top.jsonl": row,
            "queries/dt=2025-01-01/part-0.jsonl": row + row,
            "queries/dt=2025-01-01/.part-1.jsonl": row,
            "queries/dt=2025-01-01/deeper/part-2.jsonl": row,
            "queries/dt=2025-01-02/part-0.csv": "ts,account_id\n2026-03-01T00:00:00Z,a1\n",
            "queries/part-00001": row,
            "queries/.part-2.jsonl": row,
            "queries/.staging/part-9.jsonl": row,
            "queries/part-3.jsonl.zst": row,
            "queries/part-4.jsonl.gz.tmp": row,
        ])
    }

    @Test func partitionFoldersAreReadAndEveryOtherEntryIsReported() throws {
        let source = try Self.partitioned()
        let data = try source.load()
        #expect(
            data.files.queries.map(\.name) == [
                "queries/dt=2025-01-01/part-0.jsonl", "queries/dt=2025-01-02/part-0.csv", "queries/top.jsonl",
            ])
        #expect(data.queries.count == 4)
        let notADataFile = QueryFolder.notADataFile
        #expect(
            data.report.skipped == [
                LoadIssue(file: "queries/.part-2.jsonl", line: 1, reason: "hidden file: not read"),
                LoadIssue(file: "queries/.staging/", line: 1, reason: "hidden folder: not read"),
                LoadIssue(file: "queries/dt=2025-01-01/.part-1.jsonl", line: 1, reason: "hidden file: not read"),
                LoadIssue(file: "queries/dt=2025-01-01/deeper/", line: 1, reason: QueryFolder.tooDeep),
                LoadIssue(file: "queries/part-00001", line: 1, reason: notADataFile),
                LoadIssue(file: "queries/part-3.jsonl.zst", line: 1, reason: notADataFile),
                LoadIssue(file: "queries/part-4.jsonl.gz.tmp", line: 1, reason: notADataFile),
            ])
        #expect(data.report.skippedCount == 7)
        #expect(throws: LoadFailure.strictRow(file: "queries/.part-2.jsonl", line: 1, reason: "hidden file: not read")) {
            try source.load(strict: true)
        }
    }

    @Test func theOrderIsStableAndByBytes() throws {
        let source = try Self.partitioned()
        let first = try SourceFiles(directory: source.directory)
        let again = try SourceFiles(directory: source.directory)
        #expect(first.queries == again.queries && first.refused == again.refused)
        // A cleaned-up source loads strictly, the partition files in their place.
        for name in [".part-2.jsonl", "part-00001", "part-3.jsonl.zst", "part-4.jsonl.gz.tmp", "dt=2025-01-01/.part-1.jsonl"] {
            try FileManager.default.removeItem(atPath: source.directory + "/queries/" + name)
        }
        try FileManager.default.removeItem(atPath: source.directory + "/queries/.staging")
        try FileManager.default.removeItem(atPath: source.directory + "/queries/dt=2025-01-01/deeper")
        let data = try source.load(strict: true)
        #expect(data.queries.count == 4 && data.report.skippedCount == 0)
    }

    @Test func namesOfEntriesNotReadAreEscaped() throws {
        let source = try TempSource([
            "accounts.csv": Self.accounts, "queries/a.jsonl": Self.row,
            "queries/\u{1B}]0;owned\u{07}\u{202E}part": Self.row,
            "queries/\u{1B}[2J/x.jsonl": Self.row,
        ])
        #expect(mkdir(source.directory + "/queries/\u{1B}[2J/\u{1B}[1mdeep", 0o700) == 0)
        let data = try source.load()
        #expect(data.queries.count == 2)
        #expect(data.files.queries.map(\.name) == ["queries/\\x1b[2J/x.jsonl", "queries/a.jsonl"])
        #expect(data.report.skipped.map(\.file) == ["queries/\\x1b[2J/\\x1b[1mdeep/", "queries/\\x1b]0;owned\\x07\\u{202E}part"])
        for issue in data.report.skipped {
            #expect(!issue.file.unicodeScalars.contains { TextEscaping.isUnsafe($0) })
        }
    }

    @Test func linkedPartitionFoldersAreCheckedLikeQueriesItself() throws {
        let outside = try TempSource(["part-0.jsonl": Self.row])
        let source = try TempSource(["accounts.csv": Self.accounts, "queries/a.jsonl": Self.row, "archive/part-0.jsonl": Self.row])
        #expect(symlink("../archive", source.directory + "/queries/dt=inside") == 0)
        #expect(symlink(outside.directory, source.directory + "/queries/dt=outside") == 0)
        #expect(symlink("dt=loop", source.directory + "/queries/dt=loop") == 0)
        #expect(symlink("../archive/part-0.jsonl", source.directory + "/archive/link.jsonl") == 0)
        let data = try source.load()
        // `link.jsonl` is `part-0.jsonl` under a second name: read once, as the file (session 33).
        #expect(data.files.queries.map(\.name) == ["queries/a.jsonl", "queries/dt=inside/part-0.jsonl"])
        #expect(data.queries.count == 2)
        #expect(
            data.report.skipped == [
                LoadIssue(file: "queries/dt=loop", line: 1, reason: "not a .csv, .jsonl, .ndjson or .json file (optionally .gz); not read"),
                LoadIssue(
                    file: "queries/dt=outside/", line: 1, reason: "symbolic link leading outside the case source folder; not followed"),
            ])
        #expect(!UntrustedSourceTests.texts(.success(data)).contains(outside.directory))
    }

    @Test func aSnapshotIsOnlyForTheSameEntriesNotRead() throws {
        let source = try TempSource(["accounts.csv": Self.accounts, "queries/a.jsonl": Self.row])
        func key() throws -> [UInt8]? { SnapshotKey(files: try SourceFiles(directory: source.directory), clustering: .evidence)?.digest }
        let before = try key()
        try source.write("queries/part-00001", bytes: Array(Self.row.utf8))
        let after = try key()
        #expect(before != nil && after != nil && before != after)
        #expect(try key() == after)
    }

    @Test func aFolderThatIsNotAFolderCannotBeListed() throws {
        let source = try TempSource(["accounts.csv": Self.accounts])
        guard case .failure(let error) = SourceFiles.list(source.directory + "/accounts.csv") else {
            Issue.record("a plain file was listed as a folder")
            return
        }
        #expect(error.code == ENOTDIR)
        #expect(throws: LoadFailure.notADirectory(path: source.directory + "/accounts.csv")) {
            try SourceFiles(directory: source.directory + "/accounts.csv")
        }
    }

    @Test func noQueryFileLeftFailsWithWhyNotMissingFile() throws {
        let source = try TempSource(["accounts.csv": Self.accounts, "queries/part-00001": Self.row, "queries/.x.jsonl": Self.row])
        #expect(
            throws: LoadFailure.refused(
                file: "queries/.x.jsonl", reason: "hidden file: not read; no query file could be read (1 other query name not read either)")
        ) {
            try source.load()
        }
    }
}
