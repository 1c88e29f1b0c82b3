import Foundation
import GRDB
import Testing
@testable import Investigate

/// A damaged, empty or foreign file is refused, never taken for an empty store; new stores and
/// their `-wal`/`-shm` files are private (0600).
@Suite struct CaseStoreFileTests {
    let dir = casesTempDir()
    var dbPath: String { dir + "/cases.sqlite" }

    func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    func refuses(_ path: String, saying words: String) {
        #expect {
            _ = try CaseStore(path: path, user: "t").addNote(caseID: "case-0001", text: "x")
        } throws: { error in
            guard let e = error as? CaseStoreError else { return false }
            return e.kind == .corrupt && e.message.contains(words)
        }
    }

    @Test func zeroByteFileIsRefusedAndLeftAlone() throws {
        FileManager.default.createFile(atPath: dbPath, contents: Data())
        refuses(dbPath, saying: "is empty (0 bytes)")
        #expect(try FileManager.default.attributesOfItem(atPath: dbPath)[.size] as? Int == 0)
        #expect(!FileManager.default.fileExists(atPath: dbPath + "-wal"))
    }

    @Test func garbageAndForeignDatabasesAreRefused() throws {
        FileManager.default.createFile(atPath: dbPath, contents: Data(repeating: 0x41, count: 4096))
        refuses(dbPath, saying: "not a SQLite database")
        let foreign = dir + "/foreign.sqlite"
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE foo (x)") }
        refuses(foreign, saying: "not a case store")
        let tables = try DatabaseQueue(path: foreign).read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(tables == ["foo"])
    }

    @Test func damagedDatabaseIsRefusedAndNothingAcknowledged() throws {
        do {
            let s = try CaseStore(path: dbPath, clock: SteppingClock(), user: "t")
            let id = try s.createCase(title: "t").id
            for i in 0..<200 { try s.addNote(caseID: id, text: "MARKER-\(i)-" + String(repeating: "x", count: 200)) }
        }  // the pool closes: the WAL is checkpointed into the file
        // Wipe one leaf page in the middle of the notes (or audit) b-tree: a page that adding a
        // note never reads, so only an integrity check on open can see the damage.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: dbPath))
        let marker = try #require(bytes.range(of: Data("MARKER-50-".utf8)))
        let page = marker.lowerBound / 4096 * 4096
        bytes.replaceSubrange(page..<page + 4096, with: Data(repeating: 0xA5, count: 4096))
        try bytes.write(to: URL(fileURLWithPath: dbPath))
        #expect {
            _ = try CaseStore(path: dbPath, user: "t").addNote(caseID: "case-0001", text: "lost?")
        } throws: { ($0 as? CaseStoreError)?.kind == .corrupt && ($0 as? CaseStoreError)?.message.contains("damaged") == true }
    }

    @Test func missingTableIsRefused() throws {
        do { _ = try CaseStore(path: dbPath, user: "t") }
        try DatabaseQueue(path: dbPath).write { try $0.execute(sql: "DROP TABLE notes") }
        refuses(dbPath, saying: "the table notes is missing")
    }

    @Test func newStoreAndItsWALFilesAreMode0600() throws {
        let old = umask(0o022)
        defer { umask(old) }
        let s = try CaseStore(path: dbPath, clock: SteppingClock(), user: "t")
        try s.addNote(caseID: try s.createCase(title: "t").id, text: "n")
        #expect(mode(dbPath) == 0o600)
        #expect(FileManager.default.fileExists(atPath: dbPath + "-wal"))
        #expect(mode(dbPath + "-wal") == 0o600)
        #expect(mode(dbPath + "-shm") == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).allSatisfy { !$0.contains(".new-") })
    }

    @Test func anExistingStoreIsMadePrivateOnOpen() throws {
        do { _ = try CaseStore(path: dbPath, user: "t") }
        chmod(dbPath, 0o644)
        let s = try CaseStore(path: dbPath, user: "t")
        _ = try s.createCase(title: "t")
        #expect(mode(dbPath) == 0o600)
        #expect(mode(dbPath + "-wal") == 0o600)
    }

    @Test func processesCreatingTheSameNewStoreAgreeOnOne() async throws {
        let path = dbPath
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for worker in 0..<4 {
                group.addTask { try CaseStore(path: path, user: "w\(worker)").createCase(title: "w\(worker)").id }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(ids.sorted() == ["case-0001", "case-0002", "case-0003", "case-0004"])
        #expect(try CaseStore(path: path, user: "t").listCases().count == 4)
    }

    @Test func aVersion1StoreIsMigratedWithExactTargets() throws {
        // A store as version 1 wrote it: TEXT targets, no retraction or head columns.
        let queue = try DatabaseQueue(path: dbPath)
        try CaseSchema.migrator.migrate(queue, upTo: "v1-cases-tags-notes-audit")
        try queue.write { db in
            try db.execute(
                sql:
                    "INSERT INTO cases (num, id, title, created_by, created_at, updated_at) VALUES (1, 'case-0001', 'old', 'u', 't1', 't2')"
            )
            try db.execute(
                sql:
                    "INSERT INTO tags (case_id, target_kind, target, label, who, at) VALUES ('case-0001', 'account', 'acct-é', 'ring-member', 'u', 't2')"
            )
            var previous = AuditChain.genesis
            let details: [(String, String, JSONValue)] = [
                ("t1", "case.new", ["title": "old"]),
                ("t2", "tag.add", ["label": "ring-member", "added": 1, "accounts": ["acct-é"], "source": "x"]),
            ]
            for (offset, (at, action, detail)) in details.enumerated() {
                var entry = AuditEntry(
                    seq: offset + 1, caseID: "case-0001", at: at, who: "u", action: action, detail: detail,
                    prevHash: previous, hash: "")
                entry.hash = AuditChain.hash(of: entry)
                try db.execute(
                    sql: "INSERT INTO audit (case_id, seq, at, who, action, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
                    arguments: [entry.caseID, entry.seq, at, "u", action, detail.canonical, previous, entry.hash])
                previous = entry.hash
            }
        }
        try queue.close()
        let s = try CaseStore(path: dbPath, user: "t")
        #expect(try s.verify(caseID: "case-0001").isValid)
        #expect(try s.snapshot(caseID: "case-0001").accountIDs == exact("acct-é"))
        #expect(try s.read { try String.fetchOne($0, sql: "SELECT typeof(target) FROM tags") } == "blob")
        #expect(try s.cases(taggingAccount: ExactText("acct-é")) == ["case-0001"])
    }
}
