import ArgumentParser
import Foundation
import Investigate

/// `investigate evaluate DIR --truth FILE`: detection quality against planted rings.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evaluate", abstract: "Score detection against a truth file.")

    @OptionGroup var source: SourceOptions
    @Option(help: "The truth file: JSON {\"rings\": [{\"name\", \"style\", \"accounts\": [id, ...]}], \"decoys\": [{\"name\", \"accounts\"}]}, as generate writes it beside its source.") var truth: String
    @Option(help: "Clusters (or triage rows, with --unit rows) considered (0 for all).") var top = 6
    @Option(help: "What --top counts: clusters (each cluster one) or rows (triage rows: an operation with all its clusters is one row, as the console lists it).")
    var unit = "clusters"
    static let formats: [OutputFormat] = [.text, .json]
    @Option(help: OutputFormat.help(Self.formats)) var format: OutputFormat = .text

    func validate() throws {
        try format.require(Self.formats)
        guard top >= 0 else { throw ValidationError("--top is how many to consider: 1 or more, or 0 for all") }
    }
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
            guard let counted = EvaluationUnit(rawValue: unit) else {
                throw CLIFailure(message: "--unit is clusters or rows", code: 2)
            }
            let truthFile: JSONTruth
            do {
                truthFile = try JSONTruth(jsonText: text)
            } catch let refusal as JSONTruth.Refusal {
                throw CLIFailure(message: "truth file \(TextEscaping.visible(truth)) \(refusal.description)", code: 2)
            }
            let inv = try source.open(clustering: mode)
            let result = Evaluation(investigation: inv, truth: truthFile, top: top > 0 ? top : Int.max, unit: counted)
            if result.truthAccountsMissing > 0 {
                FileHandle.standardError.write(Data(
                    "investigate: warning: \(result.truthAccountsMissing) of the \(result.truthAccounts) accounts the truth file names are not in this source (a ring's are counted as missed)\n".utf8))
            }
            if format == .json {
                let rings = result.ringCoverage.map {
                    JSONOut.object([
                        "name": .string($0.name), "style": .string($0.style), "size": .int($0.size), "coverage": .number($0.coverage),
                    ])
                }
                print(
                    JSONOut.object([
                        "precision": .number(result.precision), "recall": .number(result.recall), "flagged": .int(result.flagged),
                        "top": .int(top), "unit": .string(counted.rawValue), "clusters_considered": .int(result.clustersConsidered),
                        "truth_accounts_missing": .int(result.truthAccountsMissing),
                        "rings": .array(rings), "decoys_flagged": .array(result.decoysFlagged.map { .string($0) }),
                    ]).pretty())
                return
            }
            print(
                "precision \(String(format: "%.3f", result.precision))  recall \(String(format: "%.3f", result.recall))  flagged \(result.flagged) accounts: those of the clusters rated >= 0.5 among \(Self.considered(top: top, unit: counted, clusters: result.clustersConsidered))"
            )
            for ring in result.ringCoverage {
                // Names come from the truth file: shown inert, like every text for people.
                let style = ring.style.isEmpty ? "" : TextEscaping.visible(ring.style) + ", "
                print("  \(TextEscaping.visible(ring.name)) (\(style)\(PairExplanation.count(ring.size, "account"))): coverage \(String(format: "%.1f", ring.coverage * 100))%")
            }
            print("  decoys flagged: \(result.decoysFlagged.isEmpty ? "none" : result.decoysFlagged.map { TextEscaping.visible($0) }.joined(separator: ", "))")
        }
    }

    /// "the top 6 clusters", "the 14 clusters of the top 12 triage rows", "all 2,030 clusters".
    static func considered(top: Int, unit: EvaluationUnit, clusters: Int) -> String {
        switch (unit, top > 0) {
        case (.clusters, true): "the top \(top) clusters"
        case (.rows, true): "the \(PairExplanation.count(clusters, "cluster")) of the top \(PairExplanation.count(top, "triage row"))"
        case (_, false): "all \(PairExplanation.count(clusters, "cluster"))"
        }
    }
}
