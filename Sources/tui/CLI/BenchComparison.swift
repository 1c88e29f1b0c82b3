import Foundation
import Investigate

/// Runs `investigate bench DIR --once` in fresh processes (so each run's peak memory is its
/// own), several times per folder, and prints the medians side by side, with each folder's load
/// time against the first folder's: the figure that says whether row order matters.
struct BenchComparison {
    let directories: [String]
    let runs: Int
    let wcRuns: Int

    /// One run's figures, read from the child's `summary` line.
    struct Figures {
        var queries = 0
        var wc = 0.0, load = 0.0, build = 0.0, bytesPerRow = 0.0
    }

    func run() throws {
        var medians: [(String, Figures)] = []
        for directory in directories {
            var samples: [Figures] = []
            for run in 1...runs {
                let figures = try child(directory)
                print(
                    "\(directory) run \(run): load \(Self.seconds(figures.load)) (\(Self.ratio(figures.load, figures.wc)) wc -l), "
                        + "index+cluster+score \(Self.seconds(figures.build)), peak \(String(format: "%.1f", figures.bytesPerRow)) B/row")
                samples.append(figures)
            }
            var median = Figures()
            median.queries = samples[0].queries
            median.wc = Statistics.median(samples.map(\.wc))
            median.load = Statistics.median(samples.map(\.load))
            median.build = Statistics.median(samples.map(\.build))
            median.bytesPerRow = Statistics.median(samples.map(\.bytesPerRow))
            medians.append((directory, median))
        }
        print("")
        print("medians over \(runs) run\(runs == 1 ? "" : "s") per folder")
        print("source\tqueries\twc -l\tload\tload/wc\tbuild\tB/row\tload vs first")
        let first = medians[0].1.load
        for (directory, m) in medians {
            print(
                [
                    directory, String(m.queries), Self.seconds(m.wc), Self.seconds(m.load), Self.ratio(m.load, m.wc),
                    Self.seconds(m.build), String(format: "%.1f", m.bytesPerRow), Self.ratio(m.load, first),
                ].joined(separator: "\t"))
        }
    }

    /// Runs one measurement in a fresh process and reads its summary line.
    private func child(_ directory: String) throws -> Figures {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0].contains("/")
            ? CommandLine.arguments[0] : "/proc/self/exe")
        process.arguments = ["bench", directory, "--once", "--wc-runs", String(wcRuns)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let line = output.split(separator: "\n").last(where: { $0.hasPrefix("summary ") }),
            let summary = try? JSONValue.parse(String(line.dropFirst("summary ".count)))
        else {
            throw CLIFailure(message: "bench of \(directory) failed (exit \(process.terminationStatus))", code: 1)
        }
        func number(_ key: String) -> Double {
            switch summary[key] {
            case .int(let i)?: return Double(i)
            case .number(let d)?: return d
            default: return 0
            }
        }
        return Figures(
            queries: Int(number("queries")), wc: number("wc"), load: number("load"), build: number("build"),
            bytesPerRow: number("peak_bytes_per_row"))
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
    static func ratio(_ value: Double, _ base: Double) -> String { String(format: "%.2fx", value / max(base, 1e-9)) }
}
