import ArgumentParser
import Foundation
import Investigate

/// `investigate replay DIR --keys FILE [--size 120x40]`: the console on an in-memory terminal,
/// driven by a key script; prints the final screen, then per-key latency as JSON.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Run the console headless from a key script and print the final screen.")

    @OptionGroup var source: SourceOptions
    @Option(help: "Key script: one key per token (j k Enter Backspace Esc Tab Up Down PgUp PgDn Space ...); `:text` lines are typed.")
    var keys: String
    @Option(help: "Terminal size, COLSxROWS.") var size = "120x40"
    @Flag(help: "Draw as in a non-UTF-8 locale (ASCII only).") var ascii = false
    @Flag(help: "Print only the JSON line.") var jsonOnly = false
    @Option(name: .customLong("db"), help: "Persist case writes to this case database (default: keep them in memory).")
    var database: String?

    func run() throws {
        guard let terminal = TerminalSize(parsing: size) else {
            printError("investigate: --size must look like 120x40")
            throw ExitCode(2)
        }
        let steps: [KeyScript.Step]
        do {
            let text = keys == "-" ? (readAllStandardInput()) : try String(contentsOfFile: keys, encoding: .utf8)
            steps = try KeyScript.parse(text)
        } catch {
            printError("investigate: \(keys): \(error)")
            throw ExitCode(2)
        }
        let surface = MemorySurface(size: terminal, glyphs: ascii ? .asciiOnly : .unicode)
        var state = ConsoleSetup.initialState(environment: ProcessInfo.processInfo.environment)
        state.now = "replay"
        let runner = ConsoleRunner(surface: surface, state: state)
        if let database {
            ConsoleSetup.attachCaseStore(
                runner, database: database, directory: source.directory,
                environment: ProcessInfo.processInfo.environment)
        }
        let started = Date()
        runner.startLoading(ConsoleSetup.loader(directory: source.directory, strict: source.strict))
        runner.render()
        let firstFrame = Date().timeIntervalSince(started)
        runner.settle()
        runner.render()
        let loaded = Date().timeIntervalSince(started)
        if let failure = runner.state.load.failed {
            printError("investigate: " + failure)
            throw ExitCode(3)
        }
        var latencies: [Double] = []
        var names: [String] = []
        var settled: [Double] = []
        for step in steps where !runner.state.quitting {
            let t0 = Date()
            switch step {
            case .key(let key):
                runner.handle(key)
                names.append(KeyNames.name(key))
            case .resize(let newSize):
                surface.resize(to: newSize)
                runner.handle(surface.nextKey(timeoutMilliseconds: 0) ?? .resize)
                names.append("Resize")
            }
            runner.render()
            latencies.append(Date().timeIntervalSince(t0) * 1000)
            if runner.inbox.pendingJobs > 0 {
                runner.settle()
                runner.render()
            }
            settled.append(Date().timeIntervalSince(t0) * 1000)
        }
        if !jsonOnly {
            for line in surface.lines() { print(line) }
        }
        print(
            ReplayReport(
                latencies: latencies, names: names, settled: settled, touched: Array(surface.cellsTouched.dropFirst(2)),
                firstFrameMs: firstFrame * 1000, loadMs: loaded * 1000, size: terminal,
                quit: runner.state.quitting
            ).json)
    }

    private func readAllStandardInput() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}

/// The figures a replay prints.
struct ReplayReport {
    var latencies: [Double]
    /// Key names, parallel to `latencies`.
    var names: [String]
    /// Per step, the time until background work it started (query history, big sheets) was
    /// drawn too.
    var settled: [Double]
    var touched: [Int]
    var firstFrameMs: Double
    var loadMs: Double
    var size: TerminalSize
    var quit: Bool

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p * Double(sorted.count - 1)).rounded(.up))
        return sorted[min(sorted.count - 1, rank)]
    }

    /// The three slowest steps as `{"step":N,"key":"Enter","ms":12.3}`.
    var slowest: [String] {
        latencies.indices.sorted { latencies[$0] > latencies[$1] }.prefix(3).map { i in
            let name = names[i].replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "{\"step\":\(i + 1),\"key\":\"\(name)\",\"ms\":" + String(format: "%.3f", latencies[i]) + "}"
        }
    }

    var json: String {
        func ms(_ v: Double) -> String { String(format: "%.3f", v) }
        let cells = touched.map(Double.init)
        return "{\"keys\":\(latencies.count),\"p50_ms\":\(ms(Self.percentile(latencies, 0.5))),"
            + "\"p99_ms\":\(ms(Self.percentile(latencies, 0.99))),\"max_ms\":\(ms(latencies.max() ?? 0)),"
            + "\"first_frame_ms\":\(ms(firstFrameMs)),\"load_ms\":\(ms(loadMs)),"
            + "\"cells_changed_p50\":\(Int(Self.percentile(cells, 0.5))),\"size\":\"\(size.cols)x\(size.rows)\","
            + "\"settled_p99_ms\":\(ms(Self.percentile(settled, 0.99))),\"slowest\":[" + slowest.joined(separator: ",")
            + "],\"quit\":\(quit)}"
    }
}
