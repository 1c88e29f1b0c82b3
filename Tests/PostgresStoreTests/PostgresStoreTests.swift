import Foundation
import Investigate
import InvestigatePostgres
import Testing
import TestScratch

/// The PostgreSQL store in process, against a real throwaway server: the shared case logic,
/// exact bytes, tamper detection, and a server restart in the middle of a session.
@Suite(.enabled(if: TestServer.binariesPresent, "no PostgreSQL server binaries (apt-get install postgresql)"))
struct PostgresStoreTests {
    func store(_ hint: String, patience: Double = 30) throws -> (PostgresCaseStore, TestServer) {
        let server = try TestServer.shared.get()
        let url = try server.newDatabase(hint)
        return (try PostgresCaseStore(url: url, clock: SteppingClock(), patience: patience, environment: server.environment), server)
    }

    @Test func writesReadAndVerifyLikeSQLite() throws {
        let (pg, _) = try store("ops")
        let folder = TestScratch.root + "inv-pg-sqlite-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lite = try CaseStore(path: folder + "/cases.sqlite", clock: SteppingClock(), user: pg.user)
        let hostile = ExactText(bytes: [0x61, 0xFF, 0x00, 0x1B, 0x62])
        let long = ExactText(bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) })
        for backend in [pg, lite] as [any CaseStoring] {
            let info = try backend.createCase(title: "ring \u{1F50E} one")
            #expect(info.id == "case-0001")
            #expect(try backend.tag(caseID: info.id, label: "ring-member", kind: .account, targets: [hostile, long, "acct_1"]) == 3)
            #expect(try backend.tag(caseID: info.id, label: "ring-member", kind: .account, targets: [hostile]) == 0)
            #expect(try backend.untag(caseID: info.id, label: "ring-member", kind: .account, targets: ["acct_1"], reason: "cleared") == 1)
            #expect(try backend.addNote(caseID: info.id, text: "first\nline") == 1)
            #expect(try backend.addNote(caseID: info.id, text: "second") == 2)
            try backend.retractNote(caseID: info.id, seq: 1, reason: "wrong")
            try backend.setStatus(caseID: info.id, .confirmed)
            try backend.setField(caseID: info.id, .severity, to: "high")
            #expect(try backend.cases(taggingAccount: hostile) == [info.id])
            #expect(try backend.cases(taggingAccount: "acct_1") == [])
            #expect(try backend.verify(caseID: info.id).isValid)
        }
        let a = try pg.snapshot(caseID: "case-0001"), b = try lite.snapshot(caseID: "case-0001")
        // Same clock, same user: the same rows and the very same audit chain on both backends.
        #expect(a == b)
        #expect(a.audit.map(\.hash) == b.audit.map(\.hash))
        #expect(a.tags.map(\.target).contains(hostile) && a.tags.map(\.target).contains(long))
        #expect(a.retractedNotes.map(\.seq) == [1] && a.retractedTags.map(\.target) == ["acct_1"])
        #expect(throws: CaseStoreError.self) { try pg.addNote(caseID: "case-0099", text: "x") }
    }

    /// Tags and retractions go to PostgreSQL in batches (`unnest` arrays of 5,000 targets): the
    /// rows, counts and audit chain must be exactly those SQLite writes one by one, across the
    /// batch boundaries, with hostile bytes, standing, retracted and absent tags mixed.
    @Test func batchedTagsWriteWhatOneByOneWrites() throws {
        let (pg, _) = try store("batch")
        let folder = TestScratch.root + "inv-pg-batch-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lite = try CaseStore(path: folder + "/cases.sqlite", clock: SteppingClock(), user: pg.user)
        let ids: [ExactText] = (0..<12_001).map { ExactText("acct_\($0)") } + [ExactText(bytes: [0x61, 0xFF, 0x00, 0x1B])]
        for backend in [pg, lite] as [any CaseStoring] {
            let info = try backend.createCase(title: "batches")
            #expect(try backend.tag(caseID: info.id, label: "ring-member", kind: .account, targets: Array(ids[0..<7_000])) == 7_000)
            // 2,000 of these retracted, then everything tagged: 2,000 stand again, 5,000 were
            // standing, 5,002 are new.
            #expect(try backend.untag(caseID: info.id, label: "ring-member", kind: .account, targets: Array(ids[1_000..<3_000])) == 2_000)
            #expect(try backend.tag(caseID: info.id, label: "ring-member", kind: .account, targets: ids) == 7_002)
            // Retract 9,004 targets (two batches; in sorted order the two never tagged fall in the
            // second, so its row numbers must map back past the first batch's 5,000).
            let asked = ids[3_000...] + ["acct_x", "acct_y"]
            let retracted = try backend.retractTags(
                caseID: info.id, label: "ring-member", targets: asked.map { (TagTargetKind.account, $0) })
            #expect(retracted.count == 9_002)
            #expect(Set(retracted.map(\.1)) == Set(ids[3_000...]))
            #expect(try backend.cases(taggingAccount: ids[12_001]) == [])
            #expect(try backend.cases(taggingAccount: ids[11_999]) == [])
            #expect(try backend.cases(taggingAccount: ids[2_999]) == [info.id])
            #expect(try backend.verify(caseID: info.id).isValid)
        }
        let a = try pg.snapshot(caseID: "case-0001"), b = try lite.snapshot(caseID: "case-0001")
        #expect(a == b)
        #expect(a.audit.map(\.hash) == b.audit.map(\.hash))
    }

    @Test func recordsTheOperatingSystemUserAndTheRole() throws {
        let (pg, _) = try store("who")
        #expect(pg.user == InvestigatePaths.currentUser() + " as investigate")
        #expect(pg.investigator == InvestigatePaths.currentUser())
        let info = try pg.createCase(title: "who")
        #expect(try pg.auditEntries(caseID: info.id).first?.who == pg.user)
    }

    @Test func tamperingInTheTablesIsSeen() throws {
        let (pg, server) = try store("tamper")
        let info = try pg.createCase(title: "t")
        try pg.tag(caseID: info.id, label: "ring-member", kind: .account, targets: ["acct_1"])
        let database = String(pg.location.split(separator: "/").last!)
        try server.sql("UPDATE tags SET who = 'mallory'", database: database)
        #expect(try pg.verify(caseID: info.id).problem?.contains("tags: account acct_1") == true)
        #expect { _ = try pg.snapshot(caseID: info.id) } throws: { ($0 as? CaseStoreError)?.kind == .tampered }
        try server.sql("UPDATE tags SET who = (SELECT who FROM audit WHERE seq = 2)", database: database)
        try server.sql("DELETE FROM audit WHERE seq = 2; UPDATE cases SET audit_count = 1", database: database)
        #expect(try pg.verify(caseID: info.id).isValid == false)
    }

    @Test func refusesADatabaseThatIsNotACaseStore() throws {
        let server = try TestServer.shared.get()
        let url = try server.newDatabase("foreign")
        try server.sql("CREATE TABLE cases (x int)", database: String(url.split(separator: "/").last!))
        #expect { _ = try PostgresCaseStore(url: url, environment: server.environment) } throws: {
            ($0 as? CaseStoreError)?.kind == .corrupt
        }
    }

    @Test func tlsWhenTheServerOffersIt() throws {
        let server = try TestServer.shared.get()
        let url = try server.newDatabase("tls")
        let store = try PostgresCaseStore(url: url + "?sslmode=require", environment: server.environment)
        let info = try store.createCase(title: "over TLS")
        let database = String(url.split(separator: "/").last!)
        #expect(try store.snapshot(caseID: info.id).info.title == "over TLS")
        // The server sees our connection encrypted.
        let encrypted = try server.sql(
            "SELECT count(*) FROM pg_stat_ssl JOIN pg_stat_activity USING (pid) "
                + "WHERE application_name = 'investigate' AND datname = '\(database)' AND ssl")
        #expect(encrypted.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }

    @Test func wrongPasswordIsRefusedClearly() throws {
        let server = try TestServer.shared.get()
        var env = server.environment
        env["PGPASSFILE"] = "/nonexistent"
        env["PGPASSWORD"] = "wrong"
        #expect { _ = try PostgresCaseStore(url: server.url, patience: 2, environment: env) } throws: { error in
            let e = error as? CaseStoreError
            return e?.kind == .unwritable && e?.message.contains("cannot log in") == true
        }
    }

    /// The server restarted mid-session: a write while it is down fails as unreachable (nothing
    /// acknowledged), a write made during a restart waits for it, and the same store carries on.
    @Test func serverRestartMidSession() throws {
        let server = try TestServer()
        let store = try PostgresCaseStore(url: server.url, patience: 3, environment: server.environment)
        let info = try store.createCase(title: "restart")
        var acknowledged: [String] = []
        for i in 1...3 {
            try store.addNote(caseID: info.id, text: "before \(i)")
            acknowledged.append("before \(i)")
        }
        try server.control("stop")
        #expect { try store.addNote(caseID: info.id, text: "while down") } throws: { error in
            let e = error as? CaseStoreError
            return e?.kind == .unreachable && e?.message.contains("unreachable") == true
        }
        try server.control("up")
        try store.addNote(caseID: info.id, text: "after up")
        acknowledged.append("after up")
        // A restart while writes go on: each write waits for the server (patience 30 s) or fails unacknowledged.
        let patient = try PostgresCaseStore(url: server.url, patience: 30, environment: server.environment)
        let restart = Thread { try? server.control("restart") }
        restart.start()
        for i in 1...10 {
            if (try? patient.addNote(caseID: info.id, text: "during \(i)")) != nil { acknowledged.append("during \(i)") }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Thread.sleep(forTimeInterval: 1)
        try server.control("crash")
        try server.control("up")
        try store.addNote(caseID: info.id, text: "after crash")
        acknowledged.append("after crash")
        let snapshot = try store.snapshot(caseID: info.id)
        let notes = snapshot.notes.map(\.text)
        for text in acknowledged { #expect(notes.contains(text), "acknowledged note '\(text)' is missing") }
        #expect(!notes.contains("while down"))
        #expect(try store.verify(caseID: info.id).isValid)
    }
}
