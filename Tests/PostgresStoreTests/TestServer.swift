import Foundation
import Investigate
import TestScratch

/// A throwaway PostgreSQL server for these tests, started with `Tests/pg_server.sh` in a
/// temporary folder on a loopback port, and stopped when the test process exits.
final class TestServer: @unchecked Sendable {
    /// The repository root (this file is Tests/PostgresStoreTests/TestServer.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let script = root + "/Tests/pg_server.sh"

    /// True when the PostgreSQL server binaries are installed; when they are not, the suites
    /// are skipped and say why (CI installs them, so there they run).
    static let binariesPresent: Bool = {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let found = versions.contains { FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb") }
        if !found {
            print("PostgresStoreTests skipped: no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)")
        }
        return found
    }()

    /// The server most tests share (each test works in a database of its own).
    static let shared: Result<TestServer, any Error> = Result { try TestServer() }

    let folder: String
    /// `postgresql://investigate@127.0.0.1:PORT/cases` (the password is in `pgpass`).
    let url: String
    let port: Int
    /// The pgpass file holding the role's password (mode 0600).
    var pgpass: String { folder + "/pgpass" }

    nonisolated(unsafe) private static var running: [String] = []
    private static let registry = NSLock()

    /// Starts a new server (several seconds on a loaded machine).
    init() throws {
        let base = TestScratch.root + "inv-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        chmod(base, 0o711)
        folder = base + "/server"
        let out = try Self.run(["bash", Self.script, "start", folder])
        guard out.status == 0, let line = out.stdout.split(separator: "\n").last, line.hasPrefix("postgresql://") else {
            throw TestFailure("pg_server.sh start failed (\(out.status)): \(out.stderr)")
        }
        url = String(line)
        port = Int(try String(contentsOfFile: folder + "/port", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        Self.registry.lock()
        if Self.running.isEmpty { atexit { TestServer.stopAll() } }
        Self.running.append(folder)
        Self.registry.unlock()
    }

    /// The environment a client needs: the pgpass file, and no stray libpq settings.
    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["PGHOST", "PGPORT", "PGUSER", "PGDATABASE", "PGPASSWORD", "PGSSLMODE", "INVESTIGATE_DB"] {
            env[key] = nil
        }
        env["PGPASSFILE"] = pgpass
        return env
    }

    /// A new, empty database on this server; returns its URL.
    func newDatabase(_ hint: String) throws -> String {
        let name = "t_" + hint.lowercased().filter { $0.isLetter || $0.isNumber } + "_\(UInt32.random(in: 0...UInt32.max))"
        try sql("CREATE DATABASE \(name)")
        return "postgresql://investigate@127.0.0.1:\(port)/\(name)"
    }

    /// Runs SQL through psql on the server's socket (as the owner role).
    @discardableResult
    func sql(_ statement: String, database: String = "cases") throws -> String {
        let psql = Self.serverBin + "/psql"
        let out = try Self.run([psql, "-X", "-At", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", "\(port)", "-U", "investigate",
                                "-d", database, "-c", statement])
        guard out.status == 0 else { throw TestFailure("psql failed: \(out.stderr)") }
        return out.stdout
    }

    /// `stop`, `up`, `restart` or `crash` (an immediate stop).
    func control(_ command: String) throws {
        let out = try Self.run(["bash", Self.script, command, folder])
        guard out.status == 0 else { throw TestFailure("pg_server.sh \(command) failed: \(out.stderr)") }
    }

    static var serverBin: String {
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).sorted {
            $0.compare($1, options: .numeric) == .orderedAscending
        }
        return "/usr/lib/postgresql/\(versions.last ?? "15")/bin"
    }

    static func stopAll() {
        registry.lock()
        let folders = running
        registry.unlock()
        for folder in folders {
            _ = try? run(["bash", script, "crash", folder])
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: folder).deletingLastPathComponent().path)
        }
    }

    /// Runs a command and collects its output.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        return (exitStatus(process), String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}

/// Waits for a child and returns its exit status (128 + N when killed by signal N). Reaps it
/// with `waitpid` itself: Foundation's `waitUntilExit` was seen never to return here for a
/// child that had exited while other tests started theirs.
func exitStatus(_ process: Process) -> Int32 {
    var status: Int32 = 0
    while true {
        let reaped = waitpid(process.processIdentifier, &status, 0)
        if reaped == process.processIdentifier { break }
        if reaped == -1 && errno == EINTR { continue }
        // Foundation reaped it first: it has the status.
        process.waitUntilExit()
        return process.terminationStatus
    }
    let signal = status & 0x7F
    return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
}

/// True while a child runs (not yet exited: a zombie counts as gone).
func isAlive(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return false }
    return stat[stat.index(close, offsetBy: 2)] != "Z"
}

/// A test set-up failure, with its reason.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The `investigate` binary built beside this test bundle (or `$INVESTIGATE`).
enum InvestigateBinary {
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["INVESTIGATE"], !path.isEmpty { return path }
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = me.deletingLastPathComponent()
        while folder.path != "/" && !FileManager.default.fileExists(atPath: folder.path + "/investigate") {
            folder = folder.deletingLastPathComponent()
        }
        return folder.path + "/investigate"
    }()

    /// Runs `investigate ARGS` with `environment`.
    static func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try TestServer.run([path] + arguments, environment: environment)
    }
}
