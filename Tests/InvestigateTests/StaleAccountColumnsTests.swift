import Foundation
import Testing
@testable import Investigate

/// Session 35's trial: `accounts.csv` changed in place after the load (country, status and one
/// letter of an email; size and modification time kept, as `cp -p` or `rsync -t` keep them) gave
/// a signed bundle that took the email from the new line and the country and status from the old
/// load. A line whose columns differ from what was loaded now stops the export, as a changed id
/// does; and a snapshot is keyed by the files' change times and inodes, so it is not reused.
@Suite struct StaleAccountColumnsTests {
    // Upper case and padding, as the loader normalises them (lowercased country and status,
    // trimmed values): an unchanged line must still match.
    static let accounts = "account_id,created_at,email,country,plan,status,org_id,signup_ip\n"
        + "acct_a,2026-01-01T00:00:00Z,a@x.com, US ,Pro,Active,org1,198.51.100.7\n"
        + "acct_b,2026-01-02T00:00:00Z,b@x.com,de,free,active,,\n"
    static let queries = #"{"ts":"2026-05-01T00:00:00Z","account_id":"acct_a","prompt":"first"}"# + "\n"

    static func loadedCase() throws -> (source: TempSource, inv: Investigation, store: CaseStore, id: String, out: String) {
        try StaleSourceExportTests.loadedCase(["accounts.csv": accounts, "queries.jsonl": queries])
    }

    static func export(_ c: (source: TempSource, inv: Investigation, store: CaseStore, id: String, out: String)) throws {
        try StaleSourceExportTests.export(c)
    }

    /// Replaces `old` by `new` (the same length) in the file, in place (the same inode), then sets
    /// its modification time to `time`, as it was set before the edit.
    static func editInPlace(_ path: String, _ old: String, _ new: String, time: Int = 1_700_000_000) throws {
        #expect(old.utf8.count == new.utf8.count)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old))
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: old, with: new).utf8))
        try handle.close()
        setTime(path, time)
    }

    static func setTime(_ path: String, _ seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    @Test func anUnchangedLineWithCaseAndPaddingExports() throws {
        let c = try Self.loadedCase()
        try Self.export(c)
        #expect(FileManager.default.fileExists(atPath: c.out))
    }

    @Test(arguments: [
        (" US ,Pro,Active", " KP ,Pro,Active"), ("Pro,Active", "Pro,Banned"), ("Pro,Active", "Ent,Active"),
        ("org1", "org9"), ("198.51.100.7", "198.51.100.8"), ("2026-01-01T00:00:00Z", "2026-01-09T00:00:00Z"),
        ("a@x.com", "c@x.com"),
    ])
    func aColumnChangedInPlaceStopsTheExport(old: String, new: String) throws {
        let c = try Self.loadedCase()
        try Self.editInPlace(c.source.directory + "/accounts.csv", old, new)
        let error = try #require(throws: BundleError.self) { try Self.export(c) }
        #expect(error.message.contains("1 row of accounts.csv could not be read again"), "\(error.message)")
        #expect(!FileManager.default.fileExists(atPath: c.out))
    }

    @Test func anotherAccountsChangeDoesNotStopIt() throws {
        let c = try Self.loadedCase()
        try Self.editInPlace(c.source.directory + "/accounts.csv", "de,free", "fr,free")
        try Self.export(c)
        #expect(FileManager.default.fileExists(atPath: c.out))
    }

    @Test func aSnapshotKeyMissesAMiddleEditWhoseTimeWasSetBack() throws {
        // Long enough that the edit is outside the first and last 64 KiB the key hashes.
        let filler = (0..<6000).map { "acct_\($0),2026-01-01T00:00:00Z,u\($0)@x.com,us,free,active,,\n" }
        let head = "account_id,created_at,email,country,plan,status,org_id,signup_ip\n" + filler[..<3000].joined()
        let text = head + "acct_mid,2026-01-01T00:00:00Z,m@x.com,us,free,active,,\n" + filler[3000...].joined()
        let source = try TempSource(["accounts.csv": text, "queries.jsonl": Self.queries])
        #expect(text.utf8.count > 3 * SnapshotKey.edgeBytes)
        func key() throws -> [UInt8]? { SnapshotKey(files: try SourceFiles(directory: source.directory), clustering: .evidence)?.digest }
        Self.setTime(source.directory + "/accounts.csv", 1_700_000_000)
        let before = try #require(try key())
        #expect(try key() == before, "the same files give the same key")
        try Self.editInPlace(source.directory + "/accounts.csv", "acct_mid,2026-01-01T00:00:00Z,m@x.com,us", "acct_mid,2026-01-01T00:00:00Z,m@x.com,kp")
        #expect(try key() != before)
    }
}
