import ArgumentParser
import Investigate

/// `investigate load DIR`: the load report.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Load a case source and print the load report.")

    @OptionGroup var source: SourceOptions
    static let formats: [OutputFormat] = [.text, .json]
    @Option(help: OutputFormat.help(Self.formats)) var format: OutputFormat = .text

    func validate() throws { try format.require(Self.formats) }

    func run() throws {
        try runReporting {
            let data = try source.loadData()
            let report = data.report
            if format == .json {
                print(Reports.load(report).pretty())
                return
            }
            print("accounts \(report.accounts)  payments \(report.payments)  queries \(report.queries)  links \(report.links)")
            print("skipped \(report.skippedCount)  warnings \(report.warningCount)  (\(String(format: "%.2f", report.seconds)) s)")
            if !report.filesWithUncountedLoss.isEmpty {
                print("rows lost, how many unknown, in: " + report.filesWithUncountedLoss.joined(separator: ", "))
            }
            for issue in report.skipped { print("  skipped " + issue.description) }
            // A file skipped whole is one line for all its rows: the rest are rows, not lines.
            let unlisted = report.skippedCount - report.skipped.count
            if unlisted > 0 { print("  ... \(unlisted) more skipped row\(unlisted == 1 ? "" : "s") than the lines above (a file skipped whole is one line)") }
            for issue in report.warnings { print("  warning " + issue.description) }
        }
    }
}

/// `investigate clusters DIR`: clusters ranked by risk.
struct ClustersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clusters", abstract: "Rank account clusters by distillation risk.")

    @OptionGroup var source: SourceOptions
    @Option(help: "How many clusters (0 for all).") var top = 20
    @Option(help: "Only clusters of at least this many accounts.") var minSize = 1
    static let formats: [OutputFormat] = [.text, .json]
    @Option(help: OutputFormat.help(Self.formats)) var format: OutputFormat = .text

    func validate() throws {
        try format.require(Self.formats)
        guard top >= 0 else { throw ValidationError("--top is how many clusters: 1 or more, or 0 for all") }
    }

    func run() throws {
        try runReporting {
            let inv = try source.open()
            // The first `top` clusters of the size asked for, read lazily (at 10M queries the
            // whole list would hold a million clusters to print five).
            let wanted = inv.clusters.lazy.filter { $0.size >= minSize }
            let list = top > 0 ? Array(wanted.prefix(top)) : Array(wanted)
            if format == .json {
                print(JSONOut.array(list.map { Reports.cluster($0, in: inv) }).pretty())
                return
            }
            for c in list {
                // Kinds with values that are not hubs first; a kind shared only through hubs says so.
                let strongest = SharedKinds.of(c, in: inv).prefix(3).map { $0.text(":") }
                let kinds = strongest.isEmpty ? "" : "shares " + strongest.joined(separator: " ")
                // The riskiest members first (an account unlike its cluster is rated lower, so the
                // first ones shown are typical of it); ties by id bytes, as the console lists them.
                let members = inv.riskiestFirst(c.members).prefix(4).map { TextEscaping.visible(inv.data.accountExactID($0).bytes, limit: 24) }
                print(
                    "\(c.id)\trisk \(RiskText.twoDecimals(c.risk))\tsize \(c.size)\t\(kinds)\t\(members.joined(separator: ","))\(c.size > 4 ? ",…" : "")"
                )
                // Signals that add too little to show (a 0 at two decimals) are counted, not listed.
                let shown = c.signals.filter { abs($0.contribution) >= SignalZeroReason.shown }
                let nothing = c.signals.count - shown.count
                for s in shown.prefix(3) {
                    print("\t  \(s.name) \(String(format: "%+.2f", s.contribution)): \(TextEscaping.visible(s.explanation))")
                }
                if shown.count > 3 || nothing > 0 {
                    let rest = shown.dropFirst(3).reduce(0) { $0 + $1.contribution }
                    var parts = shown.count > 3 ? ["\(PairExplanation.count(shown.count - 3, "more signal")) \(String(format: "%+.2f", rest))"] : []
                    if nothing > 0 { parts.append("\(PairExplanation.count(nothing, "signal")) adding nothing") }
                    print("\t  " + parts.joined(separator: ", ") + " (`account` or `--format json` lists them, each with why)")
                }
                if c.signals.isEmpty { print("\t  " + SignalsUnread.line(of: c, in: inv)) }
                if let line = OperationSummary.line(of: c, in: inv) { print("\t  " + line) }
            }
            let unread = inv.data.mailboxesUnread.load(ordering: .relaxed)
            if unread > 0 {
                printError(
                    "note: " + (unread == 1 ? "1 account's email" : "\(PairExplanation.grouped(unread)) accounts' emails")
                        + " could not be read again to find shared mailboxes "
                        + "(the accounts file changed since the load): their mailboxes link nothing; load again to include them")
            }
            if !list.isEmpty {
                print(
                    "Order: clusters rated 0.5 or more first, by expected ring accounts (size x risk), then the rest by risk. "
                        + "risk = 1 - exp(-sum of the signals' contributions), 0 when the sum is under 0. "
                        + "shares kind:N = N distinct values of that kind held by two or more members (three kinds, those with values "
                        + "that are not hubs first; (hubs): all N are too common to find pairs by; (2 hubs): 2 of the N are). "
                        + "Members are listed riskiest first.")
            }
        }
    }
}
