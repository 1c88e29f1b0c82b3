import Foundation
import Testing
@testable import Investigate

/// Session 34's trial: a source changed after the load (same size, bytes in the middle swapped)
/// was exported anyway, the rows it could not read again written with `"prompt": null`, no extra
/// keys and the loaded time, under one warning, and signed. The export now refuses and writes
/// nothing, naming the file and how many of its rows could not be read again.
@Suite struct StaleSourceExportTests {
    static let accounts = "account_id,created_at,email\nacct_a,2026-01-01T00:00:00Z,a@x.com\nacct_b,2026-01-01T00:00:00Z,b@x.com\n"
    static let queries = [
        #"{"ts":"2026-05-01T00:00:00Z","account_id":"acct_a","prompt":"first","note":1}"#,
        #"{"ts":"2026-05-01T00:00:00Z","account_id":"acct_b","prompt":"second","note":2}"#,
        #"{"ts":"2026-05-01T00:01:00Z","account_id":"acct_a","prompt":"third","note":3}"#,
    ].joined(separator: "\n") + "\n"

    /// A loaded source (`files`, by default this suite's), a case with `acct_a` tagged, and the
    /// bundle's path (not yet written).
    static func loadedCase(_ files: [String: String]? = nil) throws -> (source: TempSource, inv: Investigation, store: CaseStore, id: String, out: String) {
        let source = try TempSource(files ?? ["accounts.csv": accounts, "queries.jsonl": queries])
        let inv = Investigation(data: try CaseLoader().load(source.directory))
        let dir = casesTempDir()
        let store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
        let id = try store.createCase(title: "stale", source: CaseSource(files: inv.data.files)).id
        try store.tag(caseID: id, label: "ring-member", kind: .account, targets: [ExactText("acct_a")])
        return (source, inv, store, id, dir + "/case.zip")
    }

    /// Swaps two same-length texts in a file: its size stays the same.
    static func swap(_ a: String, _ b: String, in path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let swapped = text.replacingOccurrences(of: a, with: "\u{1}").replacingOccurrences(of: b, with: a)
            .replacingOccurrences(of: "\u{1}", with: b)
        #expect(swapped.utf8.count == text.utf8.count)
        try swapped.write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func export(_ c: (source: TempSource, inv: Investigation, store: CaseStore, id: String, out: String)) throws {
        _ = try CaseExporter(store: c.store, signingKey: try BundleKeys.signingKey(path: (c.out as NSString).deletingLastPathComponent + "/k"), redactor: nil)
            .export(caseID: c.id, investigation: c.inv, to: c.out)
    }

    @Test func anUnchangedSourceExports() throws {
        let c = try Self.loadedCase()
        try Self.export(c)
        #expect(FileManager.default.fileExists(atPath: c.out))
    }

    @Test func queryRowsChangedInTheMiddleStopTheExportAndNothingIsWritten() throws {
        let c = try Self.loadedCase()
        try Self.swap("acct_a", "acct_b", in: c.source.directory + "/queries.jsonl")
        let before = try c.store.auditEntries(caseID: c.id).count
        let error = try #require(throws: BundleError.self) { try Self.export(c) }
        #expect(error.message.hasPrefix("the source changed since it was loaded: 2 rows of queries.jsonl could not be read again;"),
                "\(error.message)")
        #expect(error.message.hasSuffix("load it again (--fresh) and export again"), "\(error.message)")
        #expect(!FileManager.default.fileExists(atPath: c.out))
        let left = try FileManager.default.contentsOfDirectory(atPath: (c.out as NSString).deletingLastPathComponent)
        #expect(!left.contains { $0.hasPrefix("case.zip") }, "\(left)")
        #expect(try c.store.auditEntries(caseID: c.id).count == before, "a refused export is not audited")
    }

    @Test func anAccountLineChangedStopsTheExportToo() throws {
        let c = try Self.loadedCase()
        try Self.swap("acct_a", "acct_b", in: c.source.directory + "/accounts.csv")
        let error = try #require(throws: BundleError.self) { try Self.export(c) }
        #expect(error.message.contains("1 row of accounts.csv could not be read again"), "\(error.message)")
        #expect(!FileManager.default.fileExists(atPath: c.out))
    }

    @Test func aRemovedQueryFileIsNamedWithEveryRowItHeld() throws {
        let c = try Self.loadedCase()
        try FileManager.default.removeItem(atPath: c.source.directory + "/queries.jsonl")
        let error = try #require(throws: BundleError.self) { try Self.export(c) }
        #expect(error.message.contains("2 rows of queries.jsonl could not be read again"), "\(error.message)")
    }

    @Test func bothFilesAreNamedWithTheTotal() throws {
        let c = try Self.loadedCase()
        try Self.swap("acct_a", "acct_b", in: c.source.directory + "/queries.jsonl")
        try Self.swap("acct_a", "acct_b", in: c.source.directory + "/accounts.csv")
        let error = try #require(throws: BundleError.self) { try Self.export(c) }
        #expect(error.message.contains("1 row of accounts.csv, 2 rows of queries.jsonl could not be read again (3 rows in all)"),
                "\(error.message)")
    }
}
