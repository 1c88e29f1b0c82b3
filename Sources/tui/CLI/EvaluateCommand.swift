import ArgumentParser
import Foundation
import Investigate

/// `investigate evaluate DIR --truth FILE`: detection quality against planted rings.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evaluate", abstract: "Score detection against a truth file.")

    @OptionGroup var source: SourceOptions
    @Option(help: "The truth file written by generate.") var truth: String
    @Option(help: "Clusters considered.") var top = 6
    static let formats: [OutputFormat] = [.text, .json]
    @Option(help: OutputFormat.help(Self.formats)) var format: OutputFormat = .text

    func validate() throws { try format.require(Self.formats) }
    @Option(help: "How clusters are found: evidence (the default) or legacy (the earlier union-find), to compare.")
    var clustering = "evidence"

    func run() throws {
        try runReporting {
            guard let text = try? String(contentsOfFile: truth, encoding: .utf8) else {
                throw CLIFailure(message: "cannot read \(truth)", code: 2)
            }
            guard let mode = ClusteringMode(rawValue: clustering) else {
                throw CLIFailure(message: "--clustering is evidence or legacy", code: 2)
            }
            let inv = try source.open(clustering: mode)
            let result = Evaluation(investigation: inv, truth: try JSONTruth(jsonText: text), top: top)
            if format == .json {
                let rings = result.ringCoverage.map {
                    JSONOut.object([
                        "name": .string($0.name), "style": .string($0.style), "size": .int($0.size), "coverage": .number($0.coverage),
                    ])
                }
                print(
                    JSONOut.object([
                        "precision": .number(result.precision), "recall": .number(result.recall), "flagged": .int(result.flagged),
                        "rings": .array(rings), "decoys_flagged": .array(result.decoysFlagged.map { .string($0) }),
                    ]).pretty())
                return
            }
            print(
                "precision \(String(format: "%.3f", result.precision))  recall \(String(format: "%.3f", result.recall))  flagged \(result.flagged) accounts in the top \(top) clusters with risk >= 0.5"
            )
            for ring in result.ringCoverage {
                print("  \(ring.name) (\(ring.style.isEmpty ? "" : ring.style + ", ")\(PairExplanation.count(ring.size, "account"))): coverage \(String(format: "%.1f", ring.coverage * 100))%")
            }
            print("  decoys flagged: \(result.decoysFlagged.isEmpty ? "none" : result.decoysFlagged.joined(separator: ", "))")
        }
    }
}
