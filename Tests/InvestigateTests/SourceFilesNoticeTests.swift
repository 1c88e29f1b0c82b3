import Foundation
import Testing

@testable import Investigate

#if canImport(Glibc)
    import Glibc
#endif

/// Smaller things a case source can hide: a 0-byte gzip file, symbolic link loops, and two
/// spellings of one data file name.
@Suite(.timeLimit(.minutes(1))) struct SourceFilesNoticeTests {
    static let accounts = UntrustedSourceTests.accounts
    static let row = UntrustedSourceTests.row

    @Test func anEmptyGzipFileIsAWarning() throws {
        let source = try TempSource(["accounts.csv": Self.accounts, "queries/part-1.jsonl": Self.row, "queries/part-0.jsonl.gz": ""])
        let data = try source.load()
        #expect(data.queries.count == 1)
        let warning = LoadIssue(file: "queries/part-0.jsonl.gz", line: 1, reason: "empty file (0 bytes, not a gzip stream); no rows read")
        #expect(data.report.warnings == [warning])
        #expect(throws: LoadFailure.strictRow(file: warning.file, line: 1, reason: warning.reason)) { try source.load(strict: true) }
        // A gzip stream of nothing is a well-formed empty file: no warning.
        try source.write("queries/part-0.jsonl.gz", bytes: try gzipped([]))
        #expect(try source.load(strict: true).report.warningCount == 0)
    }

    @Test func symbolicLinkLoopsAreCalledLoops() throws {
        let source = try TempSource(["accounts.csv": Self.accounts, "queries/a.jsonl": Self.row])
        #expect(symlink("queries.jsonl", source.directory + "/queries.jsonl") == 0)
        #expect(symlink("payments.jsonl", source.directory + "/payments.csv") == 0)
        #expect(symlink("payments.csv", source.directory + "/payments.jsonl") == 0)
        #expect(symlink("gone.jsonl", source.directory + "/links.csv") == 0)
        let data = try source.load()
        #expect(data.queries.count == 1)
        let loop = "a symbolic link loop; not followed"
        #expect(
            data.report.skipped == [
                LoadIssue(file: "payments.csv", line: 1, reason: loop), LoadIssue(file: "payments.jsonl", line: 1, reason: loop),
                LoadIssue(file: "links.csv", line: 1, reason: "symbolic link to nothing; not followed"),
                LoadIssue(file: "queries.jsonl", line: 1, reason: loop),
            ])
    }

    @Test func twoSpellingsOfOneDataFileAreAWarning() throws {
        let source = try TempSource(["accounts.csv": Self.accounts, "queries.jsonl": Self.row, "QUERIES.JSONL": Self.row])
        let data = try source.load()
        #expect(data.queries.count == 2)
        let warning = LoadIssue(
            file: "queries.jsonl", line: 1,
            reason: "the same name as QUERIES.JSONL but for letter case; both are read (rows in both count twice)")
        #expect(data.report.warnings == [warning])
        #expect(throws: LoadFailure.strictRow(file: warning.file, line: 1, reason: warning.reason)) { try source.load(strict: true) }
        // Different data files of one table (.csv beside .jsonl) are no such case.
        let both = try TempSource([
            "accounts.csv": Self.accounts, "queries.jsonl": Self.row, "queries.csv": "ts,account_id\n2026-03-01T00:00:00Z,a1\n",
        ])
        #expect(try both.load(strict: true).queries.count == 2)
    }
}

/// A trial left `queries.jsonl` beside `queries.jsonl.gz` (what `gunzip -k` leaves): both were
/// read with no word, and every query counted twice.
@Suite(.timeLimit(.minutes(1))) struct SourceFileCopiesTests {
    static let accounts = UntrustedSourceTests.accounts
    static let row = UntrustedSourceTests.row

    @Test func aFileBesideItsGzipCopyIsAWarningAndStopsAStrictLoad() throws {
        let source = try TempSource([
            "accounts.csv": Self.accounts, "queries.jsonl": Self.row, "queries/part-1.jsonl": Self.row,
        ])
        try source.write("queries.jsonl.gz", bytes: try gzipped(Array(Self.row.utf8)))
        try source.write("queries/PART-1.JSONL.gz", bytes: try gzipped(Array(Self.row.utf8)))
        let data = try source.load()
        #expect(data.queries.count == 4)
        let reason = { (plain: String) in
            "the name of \(plain) with .gz, most likely a compressed copy of it (gunzip -k leaves both); both are read, "
                + "so their rows are read twice: remove one"
        }
        // (The top-level files beside the folder are warned of too: `QueryFileBesideFolderTests`.)
        #expect(
            data.report.warnings.filter { !$0.reason.hasPrefix("read beside a queries/ folder") } == [
                LoadIssue(file: "queries.jsonl.gz", line: 1, reason: reason("queries.jsonl")),
                LoadIssue(file: "queries/PART-1.JSONL.gz", line: 1, reason: reason("queries/part-1.jsonl")),
            ])
        #expect(throws: LoadFailure.strictRow(file: "queries.jsonl.gz", line: 1, reason: reason("queries.jsonl"))) {
            try source.load(strict: true)
        }
    }

    /// Session 39's trial: two byte-identical files under `queries/` (`part-001.jsonl` and a
    /// re-download's `part-001 (1).jsonl`) counted every query twice, with no word.
    @Test func identicalFilesUnderOtherNamesAreAWarningAndStopAStrictLoad() throws {
        let other = #"{"ts":"2026-03-01T00:00:09Z","account_id":"a1"}"# + "\n"  // the same size, other bytes
        let source = try TempSource([
            "accounts.csv": Self.accounts, "queries/part-001.jsonl": Self.row, "queries/part-001 (1).jsonl": Self.row,
            "queries/part-002.jsonl": other,
        ])
        #expect(Self.row.utf8.count == other.utf8.count)
        let data = try source.load()
        #expect(data.queries.count == 3, "nothing is lost: both copies are read")
        let copy = { (file: String, first: String, bytes: Int) in
            LoadIssue(
                file: file, line: 1,
                reason: "the same size (\(bytes) bytes) and the same first and last 16 KiB as \(first): most likely a copy of it; "
                    + "both are read, so their rows count twice: remove one")
        }
        // The shorter name is taken for the original, though `part-001 (1).jsonl` sorts first (a blank before a dot).
        #expect(
            data.report.warnings == [copy("queries/part-001 (1).jsonl", "queries/part-001.jsonl", Self.row.utf8.count)],
            "\(data.report.warnings)")
        #expect(throws: LoadFailure.self) { try source.load(strict: true) }
    }

    @Test func aGzipFileAloneOrBesideAnotherFormatIsNoCopy() throws {
        let source = try TempSource(["accounts.csv": Self.accounts, "queries.csv": "ts,account_id\n2026-03-01T00:00:00Z,a1\n"])
        try source.write("queries.jsonl.gz", bytes: try gzipped(Array(Self.row.utf8)))
        let data = try source.load(strict: true)
        #expect(data.queries.count == 2)
        #expect(data.report.warningCount == 0)
    }
}

/// A trial linked `queries/link_in.jsonl` to `p1.jsonl` beside it: the file was read twice, its
/// rows counted twice, with no word.
@Suite(.timeLimit(.minutes(1))) struct SourceFileNamesTests {
    static let accounts = UntrustedSourceTests.accounts
    static let row = UntrustedSourceTests.row

    @Test func aFileUnderTwoNamesIsReadOnceAndSaid() throws {
        let source = try TempSource(["accounts.csv": Self.accounts, "queries/p1.jsonl": Self.row, "queries/p2.jsonl": Self.row])
        #expect(symlink("p1.jsonl", source.directory + "/queries/link_in.jsonl") == 0)
        #expect(link(source.directory + "/queries/p2.jsonl", source.directory + "/queries/p3.jsonl") == 0)
        let data = try source.load()
        #expect(data.queries.count == 2)
        let linked = LoadIssue(
            file: "queries/link_in.jsonl", line: 1, reason: "is the same file as queries/p1.jsonl (a link): read once, as queries/p1.jsonl")
        let hard = LoadIssue(
            file: "queries/p3.jsonl", line: 1, reason: "is the same file as queries/p2.jsonl (a link): read once, as queries/p2.jsonl")
        #expect(data.report.warnings.contains(linked), "\(data.report.warnings)")
        #expect(data.report.warnings.contains(hard), "\(data.report.warnings)")
        #expect(throws: LoadFailure.self) { try source.load(strict: true) }
    }
}

/// A trial's `accounts.jsonl` row gave an unknown key twice (`{"x":1,"x":2}`): the 1 was lost
/// without a word.
@Suite(.timeLimit(.minutes(1))) struct ExtraKeyGivenTwiceTests {
    @Test func anUnknownKeyGivenTwiceIsAWarning() throws {
        let source = try TempSource([
            "accounts.jsonl": #"{"account_id":"a1","x":1,"\u0078":2,"y":3}"# + "\n" + #"{"account_id":"a2","x":1,"y":2}"# + "\n",
            "queries.jsonl": UntrustedSourceTests.row,
        ])
        defer { try? FileManager.default.removeItem(atPath: source.directory) }
        let data = try source.load()
        #expect(data.accounts.count == 2)
        let warning = LoadIssue(file: "accounts.jsonl", line: 1, reason: "key 'x' given twice; the last value is kept")
        #expect(data.report.warnings == [warning])
        #expect(throws: LoadFailure.strictRow(file: warning.file, line: 1, reason: warning.reason)) { try source.load(strict: true) }
        #expect(AccountLoader.keyGivenTwice([4, 5, 6], from: 0) == nil)
        #expect(AccountLoader.keyGivenTwice([9, 4, 5, 4], from: 1) == 4)
        #expect(AccountLoader.keyGivenTwice([4, 4], from: 1) == nil)
        // Many keys go through a set: the same answer, the first repeated key in row order.
        let many = Array(Int32(0)..<Int32(50_000))
        #expect(AccountLoader.keyGivenTwice(many, from: 0) == nil)
        #expect(AccountLoader.keyGivenTwice(many + [30, 7], from: 0) == 30)
        #expect(AccountLoader.keyGivenTwice([7] + many, from: 1) == nil)
    }
}
