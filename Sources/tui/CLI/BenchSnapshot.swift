import Foundation
import Investigate

/// The snapshot half of `investigate bench`: a cold open writes the snapshot (timed apart), a
/// warm open in a fresh process reads it back and shows the triage table.
enum BenchSnapshot {
    /// A new empty folder for one cold run's snapshot.
    static func temporaryFolder() -> String {
        let folder = NSTemporaryDirectory() + "investigate-bench-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// Removes a folder made by `temporaryFolder`.
    static func remove(_ folder: String) { try? FileManager.default.removeItem(atPath: folder) }

    /// Writes the snapshot of a built investigation into `folder`; its seconds and size.
    static func write(_ investigation: Investigation, directory: String, folder: String) throws -> (seconds: Double, bytes: Int) {
        let files = try SourceFiles(directory: directory)
        guard let key = SnapshotKey(files: files, clustering: investigation.clustering) else {
            throw CLIFailure(message: "cannot fingerprint \(directory)", code: 1)
        }
        let store = SnapshotStore(folder: folder)
        let started = monotonicSeconds()
        do {
            try store.write(investigation, key: key)
        } catch {
            throw CLIFailure(message: "snapshot not written: \(error)", code: 1)
        }
        let seconds = monotonicSeconds() - started
        let bytes = (try? FileManager.default.attributesOfItem(atPath: store.path(for: key)))?[.size] as? Int ?? 0
        return (seconds, bytes)
    }

    /// Opens `directory` from the snapshot in `folder` and builds the triage table, printing
    /// both times and a `summary` line (`warm`: seconds until the triage table exists).
    static func measureWarm(_ directory: String, folder: String) throws {
        let started = monotonicSeconds()
        let (investigation, outcome) = try Investigation.open(directory, snapshots: SnapshotStore(folder: folder))
        let opened = monotonicSeconds() - started
        guard outcome.used else { throw CLIFailure(message: "the snapshot was not used: \(outcome.summary)", code: 1) }
        let rows = EngineModel(investigation).triage().count
        let triage = monotonicSeconds() - started
        print(String(format: "warm open      %.3f s  (snapshot read and checked %.3f s), triage of %d rows at %.3f s", opened, outcome.readSeconds ?? 0, rows, triage))
        print("summary " + JSONOut.object(["warm": .number(triage), "open": .number(opened)]).text)
    }

    /// Runs `investigate bench DIR --once ARGS` in a fresh process; the numbers of its summary line.
    static func child(_ directory: String, _ arguments: [String]) throws -> [String: Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0].contains("/") ? CommandLine.arguments[0] : "/proc/self/exe")
        process.arguments = ["bench", directory, "--once"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let line = output.split(separator: "\n").last(where: { $0.hasPrefix("summary ") }),
            case .object(let fields)? = try? JSONValue.parse(String(line.dropFirst("summary ".count)))
        else {
            throw CLIFailure(message: "bench of \(directory) failed (exit \(process.terminationStatus))", code: 1)
        }
        var numbers: [String: Double] = [:]
        for (key, value) in fields {
            switch value {
            case .int(let i): numbers[key] = Double(i)
            case .number(let d): numbers[key] = d
            default: break
            }
        }
        return numbers
    }
}
