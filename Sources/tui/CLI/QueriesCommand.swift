import ArgumentParser
import Investigate

/// `investigate queries DIR --account ID`: an account's query history, full rows re-read from
/// disk (`QueryRowsOutput`; rows the files no longer hold as loaded fail the command, exit 4).
struct QueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queries", abstract: "Print an account's queries: text, a line per query with its prompt cut to 100 characters; jsonl, every field of each row exactly, and ts_utc, the instant its ts was read as.")

    @OptionGroup var source: SourceOptions
    @Option(help: "The account id.") var account: String
    @Option(help: "Only queries at or after this time (RFC 3339 or epoch).") var since: String?
    @Option(help: "Only queries before this time.") var until: String?
    /// A line per query, or JSON Lines (`json` is refused: no single JSON document is written).
    static let formats: [OutputFormat] = [.text, .jsonl]
    @Option(help: OutputFormat.help(Self.formats)) var format: OutputFormat = .text

    func validate() throws { try format.require(Self.formats) }

    func run() throws {
        try runReporting {
            // The id's exact bytes from argv (Swift repairs invalid UTF-8 in `account`).
            let exact = try RawArguments.require(
                [account], option: "--account", valued: ["--account", "--since", "--until", "--format"], what: "the account id")[0]
            let data = try source.loadData()
            SourceOptions.noteLoadIssues(data.report)
            guard let index = data.accountIndex(given: exact) else {
                throw CLIFailure(message: "no account \(exact.display)", code: 2)
            }
            AmbiguousAccountID.warn(data, given: exact, resolved: index)
            func bound(_ text: String?, _ name: String) throws -> Int64? {
                guard let text else { return nil }
                guard let millis = Timestamp.parseMillis(text) else {
                    throw CLIFailure(message: "bad --\(name) time \(TextEscaping.visible(text))", code: 2)
                }
                return millis
            }
            let low = try bound(since, "since"), high = try bound(until, "until")
            let rows = data.queries.rows(of: index).filter { row in
                let ts = data.queries.timestamp(row)
                return (low.map { ts >= $0 } ?? true) && (high.map { ts < $0 } ?? true)
            }
            try QueryRowsOutput.write(rows, of: data, format: format) { print($0) }
        }
    }
}
