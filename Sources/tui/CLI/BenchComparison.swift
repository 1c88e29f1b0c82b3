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
        /// Snapshot write, cold open (load + build + write) and warm open (snapshot to triage table).
        var write = 0.0, cold = 0.0, warm = 0.0
    }

    func run() throws {
        var medians: [(String, Figures)] = []
        for directory in directories {
            var samples: [Figures] = []
            for run in 1...runs {
                let figures = try child(directory)
                print(
                    "\(directory) run \(run): load \(Self.seconds(figures.load)) (\(Self.ratio(figures.load, figures.wc)) wc -l), "
                        + "index+cluster+score \(Self.seconds(figures.build)), peak \(String(format: "%.1f", figures.bytesPerRow)) B/row, "
                        + "snapshot write \(Self.seconds(figures.write)), cold open \(Self.seconds(figures.cold)), warm open \(Self.seconds(figures.warm))")
                samples.append(figures)
            }
            var median = Figures()
            median.queries = samples[0].queries
            median.wc = Statistics.median(samples.map(\.wc))
            median.load = Statistics.median(samples.map(\.load))
            median.build = Statistics.median(samples.map(\.build))
            median.bytesPerRow = Statistics.median(samples.map(\.bytesPerRow))
            median.write = Statistics.median(samples.map(\.write))
            median.cold = Statistics.median(samples.map(\.cold))
            median.warm = Statistics.median(samples.map(\.warm))
            medians.append((directory, median))
        }
        print("")
        print("medians over \(runs) run\(runs == 1 ? "" : "s") per folder")
        print("source\tqueries\twc -l\tload\tload/wc\tbuild\tB/row\tload vs first\tsnapshot write\tcold open\twarm open")
        let first = medians[0].1.load
        for (directory, m) in medians {
            print(
                [
                    directory, String(m.queries), Self.seconds(m.wc), Self.seconds(m.load), Self.ratio(m.load, m.wc),
                    Self.seconds(m.build), String(format: "%.1f", m.bytesPerRow), Self.ratio(m.load, first),
                    Self.seconds(m.write), Self.seconds(m.cold), Self.seconds(m.warm),
                ].joined(separator: "\t"))
        }
    }

    /// Runs one cold measurement in a fresh process (writing a snapshot into a new folder), then
    /// a warm open of that snapshot in another, and reads their summary lines.
    private func child(_ directory: String) throws -> Figures {
        let folder = BenchSnapshot.temporaryFolder()
        defer { BenchSnapshot.remove(folder) }
        let cold = try BenchSnapshot.child(directory, ["--wc-runs", String(wcRuns), "--snapshots", folder])
        let warm = try BenchSnapshot.child(directory, ["--warm", "--snapshots", folder])
        return Figures(
            queries: Int(cold["queries"] ?? 0), wc: cold["wc"] ?? 0, load: cold["load"] ?? 0, build: cold["build"] ?? 0,
            bytesPerRow: cold["peak_bytes_per_row"] ?? 0, write: cold["write"] ?? 0, cold: cold["cold"] ?? 0, warm: warm["warm"] ?? 0)
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
    static func ratio(_ value: Double, _ base: Double) -> String { String(format: "%.2fx", value / max(base, 1e-9)) }
}
