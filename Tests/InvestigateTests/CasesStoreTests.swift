import Foundation
import GRDB
import Testing
@testable import Investigate
import TestScratch

/// A fresh temporary folder per test.
func casesTempDir(_ name: String = #function) -> String {
    let path = TestScratch.root + "investigate-cases-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Tag targets from text (their UTF-8 bytes).
func exact(_ texts: String...) -> [ExactText] { texts.map { ExactText($0) } }

@Suite struct CasesStoreTests {
    let dir = casesTempDir()
    var dbPath: String { dir + "/cases.sqlite" }

    func store() throws -> CaseStore { try CaseStore(path: dbPath, clock: SteppingClock(), user: "tester") }

    @Test func newCaseIDsAreSafeAndSequential() throws {
        let s = try store()
        let a = try s.createCase(title: "../../etc/passwd")
        let b = try s.createCase(title: "second; rm -rf /")
        #expect(a.id == "case-0001")
        #expect(b.id == "case-0002")
        #expect(a.title == "../../etc/passwd")
        #expect(try s.listCases().map(\.id) == ["case-0001", "case-0002"])
        #expect(a.createdAt == "2026-01-01T00:00:00Z")
    }

    @Test func tagsNotesStatusAndAudit() throws {
        let s = try store()
        let c = try s.createCase(title: "ring")
        #expect(try s.tag(caseID: c.id, label: "ring-member", kind: .account, targets: exact("a2", "a1", "a1")) == 2)
        #expect(try s.tag(caseID: c.id, label: "ring-member", kind: .account, targets: exact("a1")) == 0)
        try s.tag(caseID: c.id, label: "custom label", kind: .cluster, targets: exact("c1"))
        try s.addNote(caseID: c.id, text: "looks like =HYPERLINK")
        try s.setStatus(caseID: c.id, .confirmed)
        try s.setField(caseID: c.id, .severity, to: "high")
        let snap = try s.snapshot(caseID: c.id)
        #expect(snap.accountIDs == exact("a1", "a2"))
        #expect(snap.info.status == .confirmed)
        #expect(snap.info.severity == "high")
        #expect(snap.tags.allSatisfy { $0.who == "tester" })
        #expect(snap.audit.map(\.action) == ["case.new", "tag.add", "tag.add", "tag.add", "note.add", "status.set", "field.set"])
        #expect(AuditChain.verify(snap.audit, caseID: c.id) == nil)
        #expect(try s.cases(taggingAccount: ExactText("a1")) == [c.id])
    }

    @Test func clusterTagIsOneTransaction() throws {
        let s = try store()
        let c = try s.createCase(title: "t")
        #expect(try s.tagCluster(caseID: c.id, label: "ring-member", cluster: "c3", members: exact("b", "a")) == 3)
        let snap = try s.snapshot(caseID: c.id)
        #expect(snap.accountIDs == exact("a", "b"))
        #expect(snap.labels(of: .cluster, "c3") == ["ring-member"])
        #expect(snap.audit.count == 2)
        #expect(snap.audit[1].detail["cluster"]?.stringValue == "c3")
        #expect(snap.audit[1].detail["accounts"] == ["a", "b"])
    }

    @Test func invalidInputIsRefused() throws {
        let s = try store()
        let c = try s.createCase(title: "t")
        #expect(throws: CaseStoreError.self) { try s.tag(caseID: c.id, label: "bad\u{1b}[31m", kind: .account, targets: exact("a")) }
        #expect(throws: CaseStoreError.self) {
            try s.tag(caseID: c.id, label: String(repeating: "x", count: 65), kind: .account, targets: exact("a"))
        }
        #expect(throws: CaseStoreError.self) { try s.addNote(caseID: "case-9999", text: "x") }
        #expect(throws: CaseStoreError.self) { try s.createCase(title: "  ") }
        #expect(throws: CaseStoreError.self) { try s.createCase(title: "a\nb") }
    }

    @Test func auditTamperingIsDetected() throws {
        let s = try store()
        let c = try s.createCase(title: "t")
        for i in 0..<4 { try s.addNote(caseID: c.id, text: "note \(i)") }
        let entries = try s.auditEntries(caseID: c.id)
        #expect(AuditChain.verify(entries) == nil)
        var edited = entries
        edited[2].detail = ["note": 2, "text": "changed"]
        #expect(AuditChain.verify(edited)?.seq == 3)
        var dropped = entries
        dropped.remove(at: 1)
        #expect(AuditChain.verify(dropped)?.seq == 2)
        var relinked = entries
        relinked[3].prevHash = AuditChain.genesis
        #expect(AuditChain.verify(relinked)?.seq == 4)
        // Round trip through the audit.jsonl line form.
        let reread = try entries.enumerated().map { try AuditChain.entry(fromLine: $1.jsonLine, position: $0 + 1) }
        #expect(reread == entries)
    }

    @Test func sqlTamperingIsDetectedByVerify() throws {
        let s = try store()
        let c = try s.createCase(title: "t")
        try s.addNote(caseID: c.id, text: "a")
        try s.addNote(caseID: c.id, text: "b")
        try s.write { db in try db.execute(sql: "UPDATE audit SET who = 'mallory' WHERE seq = 2") }
        #expect(AuditChain.verify(try s.auditEntries(caseID: c.id))?.seq == 2)
    }

    @Test func concurrentWritersLoseNothing() async throws {
        _ = try store()
        let path = dbPath
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<6 {
                group.addTask {
                    // Each worker opens its own pool, as a separate process would.
                    let own = try CaseStore(path: path, user: "w\(worker)")
                    let c = worker == 0 ? try own.createCase(title: "shared").id : "case-0001"
                    if worker == 0 { return }
                    for i in 0..<25 {
                        var attempts = 0
                        while true {
                            do {
                                try own.tag(caseID: c, label: "ring-member", kind: .account, targets: exact("w\(worker)-\(i)"))
                                break
                            } catch let e as CaseStoreError where e.kind == .notFound && attempts < 200 {
                                attempts += 1
                                usleep(5_000)
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let snap = try store().snapshot(caseID: "case-0001")
        #expect(snap.accountIDs.count == 5 * 25)
        #expect(snap.audit.count == 1 + 5 * 25)
        #expect(AuditChain.verify(snap.audit) == nil)
    }

    @Test func unwritablePathIsAClearError() throws {
        #expect(throws: CaseStoreError.self) { try CaseStore(path: "/proc/investigate-nope/cases.sqlite") }
        #expect(throws: CaseStoreError.self) { try CaseStore(path: dir) }
        let garbage = dir + "/garbage.sqlite"
        FileManager.default.createFile(atPath: garbage, contents: Data(repeating: 0x41, count: 4096))
        #expect(throws: CaseStoreError.self) { try CaseStore(path: garbage) }
    }

    @Test func lockedDatabaseIsAClearErrorNotAHang() throws {
        let s = try CaseStore(path: dbPath, clock: SteppingClock(), user: "a", patience: 0.6)
        let c = try s.createCase(title: "t")
        let other = try DatabaseQueue(path: dbPath)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN EXCLUSIVE")
            #expect {
                try s.addNote(caseID: c.id, text: "blocked")
            } throws: { ($0 as? CaseStoreError)?.kind == .locked }
            try db.execute(sql: "ROLLBACK")
        }
        #expect(try s.addNote(caseID: c.id, text: "after") == 1)
    }

    @Test func fullDiskIsAClearErrorAndNothingHalfWritten() throws {
        let s = try store()
        let c = try s.createCase(title: "t")
        let before = try s.snapshot(caseID: c.id)
        // Cap the file size on the writer connection to simulate a full disk.
        try s.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 10
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)")
        }
        let big = String(repeating: "x", count: 60_000)
        #expect {
            for _ in 0..<10 { try s.addNote(caseID: c.id, text: big) }
        } throws: { ($0 as? CaseStoreError)?.kind == .diskFull }
        let after = try s.snapshot(caseID: c.id)
        #expect(after.notes.count == after.audit.count - 1)  // every note has its audit entry, no orphan
        #expect(AuditChain.verify(after.audit) == nil)
        #expect(after.audit.count >= before.audit.count)
    }

    @Test func canonicalJSONRoundTrips() throws {
        let value: JSONValue = ["b": [1, "x\u{1b}\u{202E}é😀", .null, .bool(true)], "a": .number(0.125), "c": ["z": 2, "y": 1]]
        let text = value.canonical
        #expect(text == "{\"a\":0.125,\"b\":[1,\"x\\u001b\\u202e\\u00e9\\ud83d\\ude00\",null,true],\"c\":{\"y\":1,\"z\":2}}")
        #expect(try JSONValue.parse(text).canonical == text)
        #expect(text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F })
    }

    @Test func paths() {
        let env = ["HOME": "/home/u", "XDG_DATA_HOME": "/data", "XDG_CONFIG_HOME": "/cfg"]
        #expect(InvestigatePaths.caseDatabase(flag: nil, environment: env) == "/data/investigate/cases.sqlite")
        #expect(InvestigatePaths.caseDatabase(flag: nil, environment: ["HOME": "/h"]) == "/h/.local/share/investigate/cases.sqlite")
        #expect(InvestigatePaths.caseDatabase(flag: nil, environment: env.merging(["INVESTIGATE_DB": "/x.db"]) { $1 }) == "/x.db")
        #expect(InvestigatePaths.caseDatabase(flag: "/f.db", environment: env) == "/f.db")
        #expect(InvestigatePaths.signingKey(environment: env) == "/cfg/investigate/signing.key")
    }
}
