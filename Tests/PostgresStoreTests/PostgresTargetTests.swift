import Foundation
import Investigate
import InvestigatePostgres
import Testing
import TestScratch

/// Reading a `--db` URL and the libpq variables, as libpq does (no server needed).
struct PostgresTargetTests {
    let home = TestScratch.root + "inv-pg-home-\(UInt32.random(in: 0...UInt32.max))"

    @Test func urlPartsWinOverVariables() throws {
        let env = ["PGHOST": "db.example", "PGPORT": "6000", "PGUSER": "bob", "PGDATABASE": "other", "HOME": home]
        let t = try PostgresTarget(url: "postgresql://alice:s%40cret@10.1.2.3:5433/cases?sslmode=require", environment: env)
        #expect(t.host == "10.1.2.3" && t.port == 5433 && t.user == "alice" && t.database == "cases")
        #expect(t.password == "s@cret" && t.sslMode == .require)
        #expect(!t.display.contains("s@cret") && !t.display.contains("cret"))
    }

    @Test func variablesFillWhatTheURLLeavesOut() throws {
        let env = [
            "PGHOST": "db.example", "PGPORT": "6000", "PGUSER": "bob", "PGDATABASE": "team", "PGSSLMODE": "verify-full",
            "HOME": home,
        ]
        let t = try PostgresTarget(url: "postgresql://", environment: env)
        #expect(t.host == "db.example" && t.port == 6000 && t.user == "bob" && t.database == "team")
        #expect(t.sslMode == .verifyFull)
        let defaults = try PostgresTarget(url: "postgres://db.example", environment: ["HOME": home])
        #expect(defaults.port == 5432 && defaults.sslMode == .prefer && defaults.user == InvestigatePaths.currentUser())
        #expect(defaults.database == defaults.user)
        let socket = try PostgresTarget(url: "postgresql:///cases?host=/run/pg&port=5544", environment: ["HOME": home])
        #expect(socket.socketPath == "/run/pg/.s.PGSQL.5544")
    }

    @Test func badSettingsAreRefusedByName() {
        for (url, words) in [
            ("postgresql://h/db?sslmode=sometimes", "sslmode"), ("postgresql://h:99999/db", "port"),
            ("postgresql://h/db?sslmod=require", "unknown parameter"), ("postgresql://a,b/db", "several hosts"),
        ] {
            #expect(throws: CaseStoreError.self) { _ = try PostgresTarget(url: url, environment: ["HOME": home]) }
            do {
                _ = try PostgresTarget(url: url, environment: ["HOME": home])
            } catch {
                #expect("\(error)".contains(words), "\(url): \(error)")
            }
        }
    }

    @Test func pgpassIsReadOnlyWhenPrivate() throws {
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        let file = home + "/.pgpass"
        try "# team\nother:5432:*:alice:nope\ndb.example:5432:cases:alice:pa\\:ss\n*:*:*:*:fallback\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o600)
        let t = try PostgresTarget(url: "postgresql://alice@db.example/cases", environment: ["HOME": home])
        #expect(t.password == "pa:ss")
        let other = try PostgresTarget(url: "postgresql://carol@x/y", environment: ["HOME": home])
        #expect(other.password == "fallback")
        chmod(file, 0o644)
        let open = try PostgresTarget(url: "postgresql://alice@db.example/cases", environment: ["HOME": home])
        #expect(open.password == nil)
    }
}
