import ArgumentParser
import Investigate

/// `investigate why DIR A B`: why two accounts are linked, value by value, with each weight.
struct WhyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why", abstract: "Explain the evidence linking two accounts: every shared value's weight, their co-firing.")

    @OptionGroup var source: SourceOptions
    @Argument(help: "The first account id.") var accountA: String
    @Argument(help: "The second account id.") var accountB: String
    static let formats: [OutputFormat] = [.text, .json]
    @Option(help: OutputFormat.help(Self.formats)) var format: OutputFormat = .text

    func validate() throws { try format.require(Self.formats) }

    func run() throws {
        try runReporting {
            // The ids' exact bytes from argv (Swift repairs invalid UTF-8); a pasted escaped form works too.
            let ids = try RawArguments.require([accountA, accountB], valued: ["--format"], what: "the account id")
            let inv = try source.open()
            guard let a = inv.data.accountIndex(given: ids[0]) else {
                throw CLIFailure(message: "no account \(ids[0].display) in \(inert(source.directory))", code: 2)
            }
            guard let b = inv.data.accountIndex(given: ids[1]) else {
                throw CLIFailure(message: "no account \(ids[1].display) in \(inert(source.directory))", code: 2)
            }
            AmbiguousAccountID.warn(inv.data, given: ids[0], resolved: a)
            AmbiguousAccountID.warn(inv.data, given: ids[1], resolved: b)
            guard a != b else {
                throw CLIFailure(message: "both ids name the same account, \(ids[0].display): give two accounts", code: 2)
            }
            let evidence = inv.why(a, b)
            let note = PairClusterNote.line(evidence, a: a, b: b, in: inv)
            let lines = inv.explainPair(a, b) + (note.map { [$0] } ?? [])
            if format == .json {
                print(Reports.pair(evidence, a: a, b: b, lines: lines, in: inv).pretty())
                return
            }
            let sameCluster = inv.clusterOfAccount[a] == inv.clusterOfAccount[b]
            print(
                "\(inv.data.accountExactID(a).display) ~ \(inv.data.accountExactID(b).display): \(sameCluster ? "same cluster " + inv.cluster(ofAccount: a).id : "clusters \(inv.cluster(ofAccount: a).id) and \(inv.cluster(ofAccount: b).id)")"
            )
            // The lines carry values already made inert (`PairExplanation`): a last guard only.
            for line in lines { print("  " + TextEscaping.visible(line, doublingBackslashes: false)) }
        }
    }
}
