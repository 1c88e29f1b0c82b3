import Foundation
import Testing

@testable import Investigate

#if canImport(Glibc)
    import Glibc
#endif

/// A case source folder is written by others: FIFOs, devices, links out of the folder and
/// undecodable names are refused with a reason at `file:1`, quickly, and never read.
@Suite(.timeLimit(.minutes(1))) struct UntrustedSourceTests {
    static let accounts = "account_id\na1\n"
    static let row = #"{"ts":"2026-03-01T00:00:00Z","account_id":"a1"}"# + "\n"
    static let secret = "SECRET-SIGNING-KEY-4f9c2d"

    /// Every text a load produced: report lines, or the failure.
    static func texts(_ result: Result<CaseData, Error>) -> String {
        switch result {
        case .success(let data):
            let report = data.report
            return (report.skipped + report.warnings).map(\.description).joined(separator: "\n")
                + report.files.map(\.name).joined(separator: "\n")
        case .failure(let error):
            return String(describing: error)
        }
    }

    static func load(_ directory: String, strict: Bool = false) -> Result<CaseData, Error> {
        Result { try CaseLoader(options: LoadOptions(strict: strict)).load(directory) }
    }

    @Test func fifoNamedLikeAQueryFileIsRefusedNotWaitedOn() throws {
        let source = try TempSource(["accounts.csv": Self.accounts, "queries/a.jsonl": Self.row])
        #expect(mkfifo(source.directory + "/queries.jsonl", 0o600) == 0)
        let data = try source.load()
        #expect(data.queries.count == 1)
        #expect(data.report.skipped.contains { $0.file == "queries.jsonl" && $0.line == 1 && $0.reason.contains("FIFO") })
        #expect(data.report.skippedCount == 1)
        #expect(throws: LoadFailure.strictRow(file: "queries.jsonl", line: 1, reason: "a FIFO (named pipe), not a regular file; not read")) {
            try source.load(strict: true)
        }
        // The only query file a FIFO: the load fails at once, naming it.
        let alone = try TempSource(["accounts.csv": Self.accounts])
        #expect(mkfifo(alone.directory + "/queries.jsonl", 0o600) == 0)
        #expect(Self.texts(Self.load(alone.directory)).contains("queries.jsonl:1: a FIFO"))
    }

    @Test func linksToDevicesAreRefused() throws {
        for device in ["/dev/zero", "/dev/urandom"] {
            let source = try TempSource(["accounts.csv": Self.accounts, "queries.jsonl": Self.row])
            #expect(symlink(device, source.directory + "/payments.csv") == 0)
            try FileManager.default.createDirectory(atPath: source.directory + "/queries", withIntermediateDirectories: true)
            #expect(symlink(device, source.directory + "/queries/dev.jsonl") == 0)
            let data = try source.load()
            #expect(data.queries.count == 1)
            #expect(data.report.skippedCount == 2)
            #expect(data.report.skipped.allSatisfy { $0.line == 1 && $0.reason.contains("outside the case source folder") })
            #expect(!Self.texts(.success(data)).contains(device))
            #expect(throws: LoadFailure.self) { try source.load(strict: true) }
        }
    }

    @Test func linkLeadingOutsideNeverShowsItsTarget() throws {
        let outside = try TempSource(["key.pem": "\(Self.secret),\(Self.secret)\n\(Self.secret)\n"])
        let source = try TempSource(["accounts.csv": Self.accounts, "queries.jsonl": Self.row])
        let target = outside.directory + "/key.pem"
        #expect(symlink(target, source.directory + "/links.csv") == 0)
        // Also a relative link climbing out, and a queries/ folder that is a link out.
        #expect(symlink("../" + (outside.directory as NSString).lastPathComponent + "/key.pem", source.directory + "/payments.csv") == 0)
        #expect(symlink(outside.directory, source.directory + "/queries") == 0)
        for strict in [false, true] {
            let text = Self.texts(Self.load(source.directory, strict: strict))
            #expect(!text.contains(Self.secret))
            #expect(!text.contains(target) && !text.contains("key.pem"))
            #expect(text.contains("outside the case source folder"))
        }
        let data = try source.load()
        #expect(data.queries.count == 1 && data.report.links == 0 && data.report.skippedCount == 3)
        // The accounts file itself a link out: the load stops, still without the content.
        let accountsOut = try TempSource(["queries.jsonl": Self.row])
        #expect(symlink(target, accountsOut.directory + "/accounts.csv") == 0)
        let failure = Self.texts(Self.load(accountsOut.directory))
        #expect(failure.contains("accounts.csv:1: symbolic link leading outside") && !failure.contains(Self.secret))
    }

    /// A sibling folder whose name is canonically equivalent to the source's (but other bytes)
    /// is outside it: `\u{212A}` (KELVIN SIGN) is not `K`, `e\u{301}` is not `\u{E9}`.
    @Test(arguments: [("KR-ring", "\u{212A}R-ring"), ("caf\u{E9}", "cafe\u{301}")])
    func aSiblingNamedAlikeIsStillOutside(name: String, lookalike: String) throws {
        let parent = try TempSource([:])
        let root = parent.directory + "/" + name, sibling = parent.directory + "/" + lookalike
        #expect(mkdir(root, 0o700) == 0 && mkdir(sibling, 0o700) == 0)
        try Self.accounts.write(toFile: root + "/accounts.csv", atomically: false, encoding: .utf8)
        try Self.row.write(toFile: root + "/queries.jsonl", atomically: false, encoding: .utf8)
        try (Self.secret + "\n").write(toFile: sibling + "/links.csv", atomically: false, encoding: .utf8)
        #expect(symlink("../" + lookalike + "/links.csv", root + "/links.csv") == 0)
        #expect(!SourceFileCheck.isInside(sibling + "/links.csv", root: root))
        #expect(SourceFileCheck.isInside(root + "/links.csv", root: root))
        for strict in [false, true] {
            let text = Self.texts(Self.load(root, strict: strict))
            #expect(!text.contains(Self.secret))
            #expect(text.contains("links.csv:1: symbolic link leading outside"), "\(text)")
        }
    }

    @Test func linksInsideTheFolderAreFollowed() throws {
        let source = try TempSource([
            "accounts.csv": Self.accounts, "data/q.jsonl": Self.row + Self.row, "queries/a.jsonl": Self.row,
        ])
        #expect(symlink("../data/q.jsonl", source.directory + "/queries/b.jsonl") == 0)
        #expect(symlink("data/q.jsonl", source.directory + "/queries.jsonl") == 0)
        // Two links to one file: it is read once, under the first name (session 33).
        let data = try source.load()
        #expect(data.queries.count == 3)
        #expect(data.files.queries.map(\.name) == ["queries.jsonl", "queries/a.jsonl"])
        #expect(
            data.report.warnings == [
                LoadIssue(file: "queries/b.jsonl", line: 1, reason: "is the same file as queries.jsonl (a link): read once, as queries.jsonl"),
                LoadIssue(
                    file: "queries.jsonl", line: 1,
                    reason: "read beside a queries/ folder of 1 file (a source gives one or the other); both are read, so rows in "
                        + "both count twice: remove one"),
            ])
        // A link inside the folder to a FIFO inside it is refused all the same.
        #expect(mkfifo(source.directory + "/data/pipe", 0o600) == 0)
        #expect(symlink("../data/pipe", source.directory + "/queries/c.jsonl") == 0)
        let piped = try source.load()
        #expect(piped.queries.count == 3)
        #expect(piped.report.skipped == [LoadIssue(file: "queries/c.jsonl", line: 1, reason: "symbolic link to a FIFO (named pipe), not a regular file; not read")])
    }

    @Test func undecodableNameUnderQueriesIsReportedAndSkipped() throws {
        let source = try TempSource(["accounts.csv": Self.accounts, "queries/a.jsonl": Self.row])
        var name = Array((source.directory + "/queries/bad-").utf8).map { CChar(bitPattern: $0) }
        name += [CChar(bitPattern: 0xFF), CChar(bitPattern: 0x1B)] + Array(".jsonl".utf8).map { CChar(bitPattern: $0) } + [0]
        let fd = open(name, O_CREAT | O_WRONLY, 0o600)
        #expect(fd >= 0)
        _ = Self.row.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        let data = try source.load()
        #expect(data.queries.count == 1)
        #expect(data.report.skipped == [LoadIssue(file: "queries/bad-\\xff\\x1b.jsonl", line: 1, reason: "file name is not valid UTF-8; not read")])
        #expect(throws: LoadFailure.strictRow(file: "queries/bad-\\xff\\x1b.jsonl", line: 1, reason: "file name is not valid UTF-8; not read")) {
            try source.load(strict: true)
        }
    }

    @Test func openingRefusesWhatIsNotARegularFile() throws {
        let source = try TempSource(["accounts.csv": Self.accounts])
        #expect(mkfifo(source.directory + "/pipe", 0o600) == 0)
        #expect(symlink("accounts.csv", source.directory + "/link") == 0)
        #expect(throws: SourceFileError.self) { try FileByteSource(path: source.directory + "/pipe") }
        #expect(throws: SourceFileError.self) { try FileByteSource(path: source.directory + "/link") }
        #expect(throws: SourceFileError.self) { try FileByteSource(path: "/dev/zero") }
        #expect(throws: SourceFileError.self) { try FileByteSource(path: source.directory) }
        #expect(try FileByteSource(path: source.directory + "/accounts.csv").fileSize == Self.accounts.utf8.count)
    }

    @Test func foundColumnsAreShortAndInert() throws {
        let header = (0..<40).map { "\u{1B}[2Jcolumn-name-\($0)-" + String(repeating: "x", count: 200) }.joined(separator: ",")
        let source = try TempSource(["accounts.csv": Self.accounts, "queries.jsonl": Self.row, "links.csv": header + "\na,b,c\n"])
        let data = try source.load()
        let issue = try #require(data.report.skipped.first { $0.file == "links.csv" })
        #expect(issue.reason.count < 400)
        #expect(issue.reason.contains("and 34 more"))
        #expect(!issue.reason.unicodeScalars.contains("\u{1B}"))
    }
}
