import ArgumentParser
import Foundation
import Investigate

/// `investigate bench DIR [DIR...]`: load, index, cluster and score a source, and print the
/// figures the issues set targets for (load time against `wc -l`, peak memory per query row,
/// cluster time). With several folders (say the same rows in time order and in account order)
/// or `--runs N`, each run is a fresh process, and a table of medians compares the folders.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure load, clustering and scoring on case sources (medians over fresh processes).")

    @Argument(help: "Case source folders (make them with `investigate generate`, e.g. --order time and --order account).")
    var directories: [String]
    @Option(help: "Runs of `wc -l` to take the median of.") var wcRuns = 3
    @Option(help: "Runs per folder, each in a fresh process (medians are reported).") var runs = 1
    @Flag(help: .hidden) var once = false
    /// The snapshot folder of a cold run, which the warm run then opens (given by the parent).
    @Option(help: .hidden) var snapshots: String?
    @Flag(help: .hidden) var warm = false

    func run() throws {
        if warm, let snapshots {
            try runReporting { try BenchSnapshot.measureWarm(directories[0], folder: snapshots) }
            return
        }
        if once {
            try measure(directories[0], snapshots: snapshots)
            return
        }
        if directories.count == 1 && runs <= 1 {
            let folder = BenchSnapshot.temporaryFolder()
            defer { BenchSnapshot.remove(folder) }
            try measure(directories[0], snapshots: folder)
            try runReporting {
                let warm = try BenchSnapshot.child(directories[0], ["--warm", "--snapshots", folder])
                print(String(format: "warm open      %.3f s  (from the snapshot, in a fresh process)", warm["warm"] ?? 0))
            }
            return
        }
        try runReporting { try BenchComparison(directories: directories, runs: max(1, runs), wcRuns: wcRuns).run() }
    }

    /// One measured run of one folder, printed in full and then as one `summary` JSON line.
    private func measure(_ directory: String, snapshots: String?) throws {
        try runReporting {
            let files = try SourceFiles(directory: directory).all.map(\.path)
            var wcTimes: [Double] = []
            for _ in 0..<max(1, wcRuns) {
                let started = monotonicSeconds()
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/wc")
                process.arguments = ["-l"] + files
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                wcTimes.append(monotonicSeconds() - started)
            }
            let wc = Statistics.median(wcTimes)
            let started = monotonicSeconds()
            let data = try CaseLoader().load(directory)
            let load = monotonicSeconds() - started
            let afterLoad = Double(residentMemoryBytes()) / 1_048_576
            let loadPeak = Double(peakResidentMemoryBytes()) / 1_048_576
            let resetHighWater = Self.resetHighWaterMark()
            let built = monotonicSeconds()
            let inv = Investigation(data: data)
            let build = monotonicSeconds() - built
            let written = try snapshots.map { try BenchSnapshot.write(inv, directory: directory, folder: $0) }
            let buildPeak = resetHighWater ? Self.highWaterMark() / 1_048_576 : nil
            // Resetting the high-water mark resets getrusage's peak too: the larger of the two.
            let peak = max(loadPeak * 1_048_576, Double(peakResidentMemoryBytes()))
            let rows = max(1, data.queries.count)
            print("source          \(inert(directory))")
            print("accounts        \(data.accountCount)")
            print("queries         \(data.queries.count)")
            print("wc -l (median)  \(String(format: "%.2f", wc)) s")
            print("load            \(String(format: "%.2f", load)) s  (\(String(format: "%.1f", load / max(wc, 1e-9)))x wc -l)")
            for phase in data.report.phases {
                let memory =
                    phase.residentBytes > 0
                    ? String(format: "  rss %4.0f MiB, peak %4.0f MiB", Double(phase.residentBytes) / 1_048_576, Double(phase.peakBytes) / 1_048_576)
                    : ""
                print("  \(phase.name.padding(toLength: 40, withPad: " ", startingAt: 0)) \(String(format: "%5.2f", phase.seconds)) s\(memory)")
            }
            print("rss after load  \(String(format: "%.0f", afterLoad)) MiB (peak while loading \(String(format: "%.0f", loadPeak)) MiB)")
            for key in inv.residentMiB.keys.sorted() {
                print("  rss after \(key.padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%.0f", inv.residentMiB[key]!)) MiB")
            }
            let stepWidth = max(13, inv.timings.keys.map(\.count).max() ?? 0)
            for key in inv.timings.keys.sorted() {
                print("  \(key.padding(toLength: stepWidth, withPad: " ", startingAt: 0)) \(String(format: "%.2f", inv.timings[key]!)) s")
            }
            print("index+cluster+score \(String(format: "%.2f", build)) s")
            if let buildPeak { print("peak while building \(String(format: "%.0f", buildPeak)) MiB") }
            print(
                "peak memory     \(String(format: "%.0f", peak / 1_048_576)) MiB  "
                    + (data.queries.count == 0
                        ? "(no query rows: nothing to divide by)" : "(\(String(format: "%.1f", peak / Double(rows))) bytes per query row)")
            )
            let mib = { (bytes: Int) in String(format: "%.0f MiB", Double(bytes) / 1_048_576) }
            print(
                "  query columns \(mib(data.queries.memoryFootprint)), pools \(mib(data.pools.memoryFootprint)), link index \(mib(inv.index.memoryFootprint))"
            )
            let pools = data.pools.footprintByPool.prefix(5).map { "\($0.name) \($0.values) values \(mib($0.bytes))" }
            print("  largest pools: " + pools.joined(separator: "; "))
            print("clusters        \(inv.clusters.count) (\(inv.clusters.filter { $0.risk >= 0.5 }.count) at risk >= 0.5)")
            if let written {
                print(String(format: "snapshot write  %.2f s  (%.0f MiB)", written.seconds, Double(written.bytes) / 1_048_576))
                print(String(format: "cold open       %.2f s  (load + build + snapshot write)", load + build + written.seconds))
            }
            var fields: [String: JSONOut] = [
                "source": .string(directory), "queries": .int(data.queries.count), "wc": .number(wc), "load": .number(load),
                "build": .number(build), "peak_bytes_per_row": .number(peak / Double(rows)),
            ]
            if let written {
                fields["write"] = .number(written.seconds)
                fields["cold"] = .number(load + build + written.seconds)
            }
            let summary: JSONOut = .object(fields)
            print("summary " + summary.text)
        }
    }

    /// Starts the kernel's resident high-water mark afresh (Linux `clear_refs`), so that the
    /// build's own peak can be read apart from the load's. False where unsupported.
    private static func resetHighWaterMark() -> Bool {
        guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(file) }
        return fputs("5", file) >= 0
    }

    /// The resident high-water mark (`VmHWM`) in bytes, 0 where unavailable.
    private static func highWaterMark() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
            return kilobytes * 1024
        }
        return 0
    }
}

