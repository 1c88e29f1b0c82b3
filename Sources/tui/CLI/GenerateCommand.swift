import ArgumentParser
import Investigate

#if canImport(Glibc)
    import Glibc
#endif

/// `investigate generate OUT_DIR`: a synthetic case source with planted rings and a truth file.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic case source (benign populations, decoys, planted rings) and OUT_DIR.truth.json beside it.")

    @Argument(help: "The folder to create.") var outDir: String
    @Option(help: "How many accounts (at least \(SyntheticSource.minimumAccounts): the planted rings and decoys need them).")
    var accounts = 2000
    @Option(help: "Random seed (same seed, same bytes).") var seed: UInt64 = 1
    @Option(help: "Split queries into queries/part-NNN.jsonl of this many rows (0: one queries.jsonl).") var partRows = 0
    @Option(help: "Query row order: time (as API logs are, accounts interleave) or account (one history after another).")
    var order = "time"
    @Option(help: "Populations and ring styles: hydra (the default), tooling, pods or mixed.") var scenario = "hydra"
    @Flag(help: "Open prompts with a non-ASCII greeting, written as \\u escapes on every other query line (as some log writers do).")
    var escapeUnicode = false

    func run() throws {
        try runReporting {
            guard accounts >= SyntheticSource.minimumAccounts else {
                throw CLIFailure(message: "--accounts is at least \(SyntheticSource.minimumAccounts) (the planted rings and decoys need them)", code: 2)
            }
            var source = SyntheticSource(accounts: accounts, seed: seed)
            source.rowsPerPart = partRows
            guard let chosen = SyntheticSource.QueryOrder(rawValue: order) else {
                throw CLIFailure(message: "--order is time or account", code: 2)
            }
            source.order = chosen
            source.escapesUnicode = escapeUnicode
            guard let scenarioChosen = Scenario(rawValue: scenario) else {
                throw CLIFailure(message: "--scenario is one of \(Scenario.allCases.map(\.rawValue).joined(separator: ", "))", code: 2)
            }
            source.scenario = scenarioChosen
            let started = monotonicSeconds()
            let truth = try source.write(to: outDir)
            var trimmed = outDir
            while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
            let truthPath = trimmed + ".truth.json"
            let text = truth.json.pretty() + "\n"
            guard let file = fopen(truthPath, "wb") else { throw CLIFailure(message: "cannot write \(truthPath)", code: 1) }
            _ = text.withCString { fputs($0, file) }
            fclose(file)
            print(
                "wrote \(truth.accountCount) accounts, \(truth.queryCount) queries to \(inert(outDir)) in \(String(format: "%.1f", monotonicSeconds() - started)) s"
            )
            print("truth: \(inert(truthPath)) (\(truth.rings.count) rings, \(truth.decoys.count) decoys)")
        }
    }
}
