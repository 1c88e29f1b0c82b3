import Foundation
import GRDB
import Testing
@testable import Investigate

/// The audit trail is the source of truth: replaying it gives the tables, and any edit to the
/// tables or the chain made outside the store is named by `verify`.
@Suite struct CaseReplayTests {
    let dir = casesTempDir()
    var dbPath: String { dir + "/cases.sqlite" }

    func store() throws -> CaseStore { try CaseStore(path: dbPath, clock: SteppingClock(), user: "tester") }

    /// The replay of the chain compared with the tables, straight from the database.
    func divergence(_ s: CaseStore, _ caseID: String) throws -> CaseDivergence? {
        try s.read { db in
            let tables = try #require(try CaseTables.read(db, caseID: caseID))
            let chain = try AuditChain.entries(db, caseID: caseID)
            return tables.divergence(from: try CaseReplay.replay(chain, caseID: caseID), chain: chain)
        }
    }

    /// A case with two tags, a cluster tag, two notes, a status and a field.
    func populated(_ s: CaseStore) throws -> String {
        let id = try s.createCase(title: "ring").id
        try s.tag(caseID: id, label: "ring-member", kind: .account, targets: exact("acct1", "acct2"))
        try s.tagCluster(caseID: id, label: "ring-member", cluster: "c3", members: exact("acct3"))
        try s.addNote(caseID: id, text: "first")
        try s.addNote(caseID: id, text: "second")
        try s.setStatus(caseID: id, .triage)
        try s.setField(caseID: id, .severity, to: "high")
        return id
    }

    @Test func replayEqualsTablesAfterEachKindOfWrite() throws {
        let s = try store()
        let id = try s.createCase(title: "t").id
        let writes: [(String, () throws -> Void)] = [
            ("tag", { try s.tag(caseID: id, label: "ring-member", kind: .account, targets: exact("a1", "a2")) }),
            ("tag value", { try s.tag(caseID: id, label: "decoy", kind: .value, targets: exact("ip:1.2.3.4")) }),
            ("tag cluster", { try s.tagCluster(caseID: id, label: "benign", cluster: "c2", members: exact("a3")) }),
            ("note", { try s.addNote(caseID: id, text: "n1") }),
            ("note 2", { try s.addNote(caseID: id, text: "n2") }),
            ("status", { try s.setStatus(caseID: id, .confirmed) }),
            ("field", { try s.setField(caseID: id, .assignee, to: "ann") }),
            ("title", { try s.setField(caseID: id, .title, to: "renamed") }),
            ("untag", { try s.untag(caseID: id, label: "ring-member", kind: .account, targets: exact("a1"), reason: "wrong") }),
            ("retag", { try s.tag(caseID: id, label: "ring-member", kind: .account, targets: exact("a1")) }),
            ("retract note", { try s.retractNote(caseID: id, seq: 1, reason: "typo") }),
        ]
        for (name, write) in writes {
            try write()
            #expect(try divergence(s, id) == nil, "\(name)")
            #expect(try s.verify(caseID: id).isValid, "\(name)")
        }
        let snap = try s.snapshot(caseID: id)
        #expect(snap.info.title == "renamed")
        #expect(snap.info.status == .confirmed)
        #expect(snap.info.assignee == "ann")
        #expect(snap.accountIDs == exact("a1", "a2", "a3"))
        #expect(snap.notes.map(\.text) == ["n2"])
        #expect(snap.retractedNotes.map(\.seq) == [1])
        #expect(snap.retractedTags.isEmpty)
        let verification = try s.verify(caseID: id)
        #expect(verification.entryCount == 12)
        #expect(verification.head == snap.audit.last?.hash)
    }

    /// Each edit made with plain SQL, and the words `verify` must use for it.
    static let tampers: [(sql: String, expected: String)] = [
        (
            "INSERT INTO tags (case_id, target_kind, target, label, who, at) "
                + "VALUES ('case-0001', 'account', x'6163637439', 'ring-member', 'mallory', '2026-01-01T00:00:00Z')",
            "tags: account acct9 label ring-member is in the table but no audit entry adds it"
        ),
        ("UPDATE cases SET status = 'closed'", "cases.status is 'closed' but the chain says 'triage'"),
        ("UPDATE cases SET severity = 'low'", "cases.severity is 'low' but the chain says 'high'"),
        ("DELETE FROM notes WHERE seq = 1", "notes: note 1 is added by the audit trail but missing from the table"),
        ("UPDATE notes SET text = 'other' WHERE seq = 2", "notes: note 2 differs"),
        ("DELETE FROM tags WHERE target = x'6163637432'", "tags: account acct2 label ring-member is added by the audit trail but missing"),
        (
            "UPDATE tags SET retracted_by = 'mallory', retracted_at = '2026-01-02T00:00:00Z' WHERE target = x'6163637431'",
            "tags: account acct1 label ring-member is added by tester"
        ),
        ("DELETE FROM audit WHERE seq > 5", "cases.audit_count is 7 but the chain holds 5 entries (entries were removed from the end)"),
        ("UPDATE audit SET detail = '{\"note\":1,\"text\":\"edited\"}' WHERE seq = 4", "chain broken at audit entry 4"),
        ("UPDATE cases SET audit_head = '00'", "cases.audit_head is 00 but the chain ends at"),
    ]

    @Test(arguments: 0..<CaseReplayTests.tampers.count)
    func tamperingIsNamedByVerifyAndBlocksSnapshot(index: Int) throws {
        let (sql, expected) = Self.tampers[index]
        let s = try store()
        let id = try populated(s)
        #expect(try s.verify(caseID: id).isValid)
        try s.write { db in try db.execute(sql: sql) }
        let result = try s.verify(caseID: id)
        #expect(result.problem?.contains(expected) == true, "\(result.problem ?? "no problem found")")
        #expect {
            try s.snapshot(caseID: id)
        } throws: { ($0 as? CaseStoreError)?.kind == .tampered }
    }

    @Test func deletingTheLastEntriesAndFixingTheHeadIsCaughtAgainstAKnownHead() throws {
        let s = try store()
        let id = try populated(s)
        let known = try s.verify(caseID: id).head
        // Remove the last two entries and make the case row agree: only a head recorded
        // elsewhere (a bundle's manifest) can tell.
        try s.write { db in
            try db.execute(sql: "DELETE FROM audit WHERE seq > 5")
            try db.execute(
                sql: "UPDATE cases SET status = 'open', severity = '', audit_count = 5, "
                    + "audit_head = (SELECT hash FROM audit WHERE seq = 5), updated_at = (SELECT at FROM audit WHERE seq = 5)")
        }
        #expect(try s.verify(caseID: id).isValid)
        let against = try s.verify(caseID: id, knownHead: known)
        #expect(against.problem?.contains("does not contain the known head") == true)
    }

    @Test func canonicallyEquivalentEditsAreStillEdits() throws {
        let s = try store()
        let id = try populated(s)
        try s.setField(caseID: id, .assignee, to: "Ren\u{E9}")
        try s.addNote(caseID: id, text: "caf\u{E9}")
        // Swift's String == calls these equal; the bytes differ.
        try s.write { db in try db.execute(sql: "UPDATE cases SET assignee = 'Rene' || char(769)") }
        #expect(try s.verify(caseID: id).problem?.contains("cases.assignee") == true)
        try s.write { db in
            try db.execute(sql: "UPDATE cases SET assignee = ?", arguments: ["Ren\u{E9}"])
            try db.execute(sql: "UPDATE notes SET text = 'cafe' || char(769) WHERE seq = 3")
        }
        #expect(try s.verify(caseID: id).problem?.contains("notes: note 3 differs") == true)
    }

    @Test func aStatusChangeAfterATamperedStatusIsStillCaught() throws {
        let s = try store()
        let id = try populated(s)
        try s.write { db in try db.execute(sql: "UPDATE cases SET status = 'dismissed'") }
        try s.setStatus(caseID: id, .closed)  // records from: dismissed, which the chain never set
        #expect(try s.verify(caseID: id).problem?.contains("says the status went from 'dismissed'") == true)
    }

    @Test func exportRefusesATamperedCase() throws {
        let f = try ExportFixture()
        try f.store.write { db in
            try db.execute(
                sql: "INSERT INTO tags (case_id, target_kind, target, label, who, at) VALUES (?, 'account', ?, 'ring-member', 'x', 'y')",
                arguments: [f.caseID, Data("acct-planted".utf8)])
        }
        #expect {
            _ = try f.export("tampered.zip")
        } throws: { ($0 as? CaseStoreError)?.kind == .tampered }
        #expect(!FileManager.default.fileExists(atPath: f.dir + "/tampered.zip"))
    }

    @Test func retractionsAreEntriesNotDeletions() throws {
        let s = try store()
        let id = try s.createCase(title: "t").id
        try s.tag(caseID: id, label: "ring-member", kind: .account, targets: exact("a1", "a2"))
        #expect(try s.untag(caseID: id, label: "ring-member", kind: .account, targets: exact("a1", "zz"), reason: "cleared") == 1)
        var snap = try s.snapshot(caseID: id)
        #expect(snap.accountIDs == exact("a2"))
        #expect(snap.retractedTags.count == 1)
        let retracted = try #require(snap.retractedTags.first)
        #expect(retracted.target == ExactText("a1"))
        #expect(retracted.who == "tester")
        #expect(retracted.retracted?.who == "tester")
        #expect(retracted.retracted?.reason == "cleared")
        #expect(try s.cases(taggingAccount: ExactText("a1")).isEmpty)
        let removal = try #require(snap.audit.last)
        #expect(removal.action == "tag.remove")
        #expect(removal.detail["accounts"] == ["a1"])  // only what it retracted
        #expect(removal.detail["removed"] == 1)
        // Retracting again, or a label nobody carries, writes nothing.
        #expect(throws: CaseStoreError.self) { try s.untag(caseID: id, label: "ring-member", kind: .account, targets: exact("a1")) }
        #expect(try s.auditEntries(caseID: id).count == snap.audit.count)
        // Tagging again makes it stand, as added now.
        #expect(try s.tag(caseID: id, label: "ring-member", kind: .account, targets: exact("a1")) == 1)
        snap = try s.snapshot(caseID: id)
        #expect(snap.accountIDs == exact("a1", "a2"))
        #expect(snap.retractedTags.isEmpty)
        // Notes: retracted, kept, numbered on.
        try s.addNote(caseID: id, text: "one")
        try s.retractNote(caseID: id, seq: 1, reason: "wrong case")
        #expect(throws: CaseStoreError.self) { try s.retractNote(caseID: id, seq: 1) }
        #expect(throws: CaseStoreError.self) { try s.retractNote(caseID: id, seq: 9) }
        #expect(try s.addNote(caseID: id, text: "two") == 2)
        snap = try s.snapshot(caseID: id)
        #expect(snap.notes.map(\.seq) == [2])
        #expect(snap.retractedNotes.map(\.text) == ["one"])
        #expect(snap.retractedNotes.first?.retracted?.reason == "wrong case")
        #expect(try s.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM notes") } == 2)
        #expect(try s.verify(caseID: id).isValid)
    }

    @Test func untagAClusterRetractsItsMembersInOneEntry() throws {
        let s = try store()
        let id = try s.createCase(title: "t").id
        try s.tagCluster(caseID: id, label: "ring-member", cluster: "c1", members: exact("m1", "m2"))
        #expect(try s.untagCluster(caseID: id, label: "ring-member", cluster: "c1", members: exact("m1", "m2")) == 3)
        let snap = try s.snapshot(caseID: id)
        #expect(snap.tags.isEmpty)
        #expect(snap.retractedTags.count == 3)
        #expect(snap.audit.last?.detail["cluster"] == "c1")
    }

    @Test func exactBytesRoundTripThroughTagAndSnapshot() throws {
        let s = try store()
        let id = try s.createCase(title: "t").id
        let odd: [ExactText] = [
            ExactText(bytes: [0x61, 0x63, 0x63, 0x74, 0x5F, 0xFF]),  // acct_\xff
            ExactText(bytes: [0x61, 0x63, 0x63, 0x74, 0x5F, 0xFE]),  // repairs to the same text
            ExactText(bytes: [0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x78]),  // ESC[31m x
            ExactText(bytes: [0x00, 0x41]),
            ExactText("\u{E9}"),  // é, precomposed
            ExactText("e\u{301}"),  // é, decomposed: equal as Swift Strings, not as bytes
            ExactText("\u{202E}rtl"),
        ]
        #expect(try s.tag(caseID: id, label: "ring-member", kind: .account, targets: odd) == odd.count)
        let snap = try s.snapshot(caseID: id)
        #expect(snap.accountIDs == odd.sorted())
        #expect(Set(snap.tags.map(\.target)) == Set(odd))
        let accounts = try #require(snap.audit.last?.detail["accounts"]?.arrayValue)
        #expect(accounts.contains(["b64": "YWNjdF//"]))
        #expect(Set(accounts.compactMap { ExactText(json: $0) }) == Set(odd))
        for target in odd { #expect(try s.cases(taggingAccount: target) == [id]) }
        #expect(try s.cases(taggingAccount: ExactText("acct_\u{FFFD}")).isEmpty)
        #expect(try s.verify(caseID: id).isValid)
        let stored = try s.read { try String.fetchAll($0, sql: "SELECT DISTINCT typeof(target) FROM tags") }
        #expect(stored == ["blob"])
    }
}
