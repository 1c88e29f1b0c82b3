import Foundation
import Investigate
import InvestigatePostgres
import Testing
import TestScratch

/// The real binary against a real server: writers in several processes with separate
/// connections on one case, a writer killed with -9 inside its transaction, and moving a
/// SQLite store to PostgreSQL and back with byte-identical bundles.
@Suite(.enabled(if: TestServer.binariesPresent, "no PostgreSQL server binaries (apt-get install postgresql)"))
struct PostgresProcessTests {
    /// Starts `investigate ARGS` without waiting.
    func launch(_ arguments: [String], _ environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: InvestigateBinary.path)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func concurrentWritersInSeveralProcessesKeepEveryAcknowledgedWrite() throws {
        let server = try TestServer.shared.get()
        let url = try server.newDatabase("writers")
        let env = server.environment
        let created = try InvestigateBinary.run(["case", "new", "shared ring", "--db", url], environment: env)
        #expect(created.status == 0, "\(created.stderr)")
        let caseID = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // Four writers, each a shell loop running the binary once per write (a new process and
        // connection every time), notes and tags interleaved, all on the same case.
        let writers = 4, rounds = 8
        var shells: [(Process, Pipe)] = []
        for w in 1...writers {
            let script = """
                for i in $(seq 1 \(rounds)); do
                  "$BIN" case note "$CASE" "w\(w)-$i" --db "$URL" >/dev/null 2>&1 && echo "note w\(w)-$i"
                  "$BIN" case tag "$CASE" ring-member "acct-w\(w)-$i" --db "$URL" >/dev/null 2>&1 && echo "tag acct-w\(w)-$i"
                done
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", script]
            var shellEnv = env
            shellEnv["BIN"] = InvestigateBinary.path
            shellEnv["CASE"] = caseID
            shellEnv["URL"] = url
            process.environment = shellEnv
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            shells.append((process, pipe))
        }
        var acks: [String] = []
        for (process, pipe) in shells {
            let out = pipe.fileHandleForReading.readDataToEndOfFile()
            _ = exitStatus(process)
            acks += String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        #expect(acks.count == writers * rounds * 2, "every write should succeed; acknowledged \(acks.count)")
        let store = try PostgresCaseStore(url: url, environment: env)
        let snapshot = try store.snapshot(caseID: caseID)
        let notes = Set(snapshot.notes.map(\.text)), tagged = Set(snapshot.tags.map { $0.target.display })
        for ack in acks {
            let parts = ack.split(separator: " ", maxSplits: 1).map(String.init)
            if parts[0] == "note" { #expect(notes.contains(parts[1]), "acknowledged note \(parts[1]) missing") }
            if parts[0] == "tag" { #expect(tagged.contains(parts[1]), "acknowledged tag \(parts[1]) missing") }
        }
        #expect(snapshot.audit.count == acks.count + 1)
        #expect(snapshot.audit.map(\.seq) == Array(1...snapshot.audit.count))
        let verify = try InvestigateBinary.run(["case", "audit", caseID, "--verify", "--db", url], environment: env)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    /// Several first users at once on an empty database: the schema is created once, and each
    /// new case gets its own number.
    @Test func firstUseFromSeveralProcessesAtOnce() throws {
        let server = try TestServer.shared.get()
        let url = try server.newDatabase("firstuse")
        let shells = try (1...5).map { i -> (Process, Pipe) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: InvestigateBinary.path)
            process.arguments = ["case", "new", "ring \(i)", "--db", url]
            process.environment = server.environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            return (process, pipe)
        }
        var ids: [String] = []
        for (process, pipe) in shells {
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(exitStatus(process) == 0)
            ids.append(out.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        #expect(ids.sorted() == (1...5).map { "case-000\($0)" })
    }

    @Test func aWriterKilledMidTransactionLosesNothingAcknowledged() throws {
        let server = try TestServer.shared.get()
        let url = try server.newDatabase("kill")
        let env = server.environment
        let database = String(url.split(separator: "/").last!)
        let store = try PostgresCaseStore(url: url, environment: env)
        let info = try store.createCase(title: "killed writer")
        var acknowledged: [String] = []
        for round in 1...3 {
            // A big tag (20,000 rows, one transaction) killed once the server shows it in a transaction.
            // Tags go in batches of 5,000 a statement (`tagBatch`), so one statement is over in tens of
            // milliseconds: the poll looks for the transaction once it has written (it holds a transaction
            // id), not for one statement in it.
            let accounts = (1...20_000).map { "bulk-\(round)-\($0)" }
            let writer = try launch(["case", "tag", info.id, "ring-member"] + accounts + ["--db", url], env)
            var inTransaction = false
            for _ in 0..<400 where isAlive(writer.processIdentifier) {
                let active = try server.sql(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = '\(database)' "
                        + "AND application_name = 'investigate' AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()")
                if active.trimmingCharacters(in: .whitespacesAndNewlines) != "0" {
                    inTransaction = true
                    break
                }
                Thread.sleep(forTimeInterval: 0.02)
            }
            kill(writer.processIdentifier, SIGKILL)
            _ = exitStatus(writer)
            #expect(inTransaction, "round \(round): the writer was not seen inside its transaction")
            // The case is not left locked: the next write goes through at once.
            let started = Date()
            try store.addNote(caseID: info.id, text: "after kill \(round)")
            acknowledged.append("after kill \(round)")
            #expect(Date().timeIntervalSince(started) < 10)
        }
        let snapshot = try store.snapshot(caseID: info.id)
        #expect(snapshot.notes.map(\.text) == acknowledged)
        #expect(!snapshot.tags.contains { $0.target.display.hasPrefix("bulk-") })
        #expect(try store.verify(caseID: info.id).isValid)
    }

    @Test func migrateToPostgresAndBackKeepsChainsAndBundles() throws {
        let server = try TestServer.shared.get()
        let url = try server.newDatabase("migrate")
        let folder = TestScratch.root + "inv-pg-migrate-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var env = server.environment
        env["XDG_CONFIG_HOME"] = folder + "/config"
        env["XDG_DATA_HOME"] = folder + "/data"
        let sqlite = folder + "/cases.sqlite", back = folder + "/back.sqlite"
        func cli(_ arguments: [String]) throws -> String {
            let out = try InvestigateBinary.run(arguments, environment: env)
            #expect(out.status == 0, "investigate \(arguments.joined(separator: " ")): \(out.stderr)")
            return out.stdout
        }
        for title in ["first ring", "second ring"] { _ = try cli(["case", "new", title, "--db", sqlite]) }
        _ = try cli(["case", "tag", "case-0001", "ring-member", "--account-b64", "Yf8AG2I=", "acct_7", "--db", sqlite])
        _ = try cli(["case", "tag", "case-0001", "suspect", "--value", "ip:10.0.0.1", "--db", sqlite])
        _ = try cli(["case", "untag", "case-0001", "ring-member", "acct_7", "--reason", "cleared", "--db", sqlite])
        _ = try cli(["case", "note", "case-0001", "seen twice", "--db", sqlite])
        _ = try cli(["case", "note", "case-0001", "withdrawn", "--db", sqlite])
        _ = try cli(["case", "retract-note", "case-0001", "2", "--reason", "typo", "--db", sqlite])
        _ = try cli(["case", "status", "case-0001", "confirmed", "--db", sqlite])
        _ = try cli(["case", "set", "case-0002", "severity", "high", "--db", sqlite])
        let moved = try cli(["case", "migrate", "--from", sqlite, "--to", url])
        #expect(moved.contains("2 of 2 cases copied"))
        // Again: nothing to do, nothing duplicated.
        #expect(try cli(["case", "migrate", "--from", sqlite, "--to", url]).contains("0 of 2 cases copied"))
        _ = try cli(["case", "migrate", "--from", url, "--to", back])
        for db in [sqlite, url, back] {
            for id in ["case-0001", "case-0002"] {
                #expect(try cli(["case", "audit", id, "--verify", "--db", db]).contains("audit chain ok"))
            }
        }
        let chain = try cli(["case", "audit", "case-0001", "--format", "jsonl", "--db", sqlite])
        #expect(try cli(["case", "audit", "case-0001", "--format", "jsonl", "--db", url]) == chain)
        #expect(try cli(["case", "audit", "case-0001", "--format", "jsonl", "--db", back]) == chain)
        let source = TestServer.root + "/SampleCases/hydra"
        var bundles: [Data] = []
        for (name, db) in [("sqlite", sqlite), ("pg", url)] {
            let out = folder + "/\(name).zip"
            _ = try cli(["export", "case-0001", "--source", source, "--out", out, "--db", db])
            bundles.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        #expect(bundles[0] == bundles[1], "the bundles exported from SQLite and PostgreSQL differ")
    }
}
