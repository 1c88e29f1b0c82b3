import ArgumentParser
import Foundation
import Investigate

/// `investigate queries DIR --account ID`: an account's query history, full rows re-read from
/// disk (`QueryRowsOutput`; rows the files no longer hold as loaded fail the command, exit 4).
/// `--question q-...`: the prompts a shared question is made of, from each of its senders, in
/// time order (each prompt read again and digested as the loader did: `QuestionPrompts`).
struct QueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queries", abstract: "Print an account's queries, or a shared question's prompts from each of its senders: text, a line per query with its prompt cut to 100 characters (led by the account with --question); jsonl, every field of each row exactly, and ts_utc, the instant its ts was read as.")

    @OptionGroup var source: SourceOptions
    @Option(help: "The account id.") var account: String?
    @Option(help: "A shared question (q- and eight hex digits, as why and pivot name it): the prompts of it its senders sent.")
    var question: String?
    @Option(help: "Only queries at or after this time (RFC 3339 or epoch).") var since: String?
    @Option(help: "Only queries before this time.") var until: String?
    /// A line per query, or JSON Lines (`json` is refused: no single JSON document is written).
    static let formats: [OutputFormat] = [.text, .jsonl]
    @Option(help: OutputFormat.help(Self.formats)) var format: OutputFormat = .text

    func validate() throws {
        try format.require(Self.formats)
        guard (account == nil) != (question == nil) else { throw ValidationError("give --account ID or --question q-... (one of the two)") }
    }

    func run() throws {
        try runReporting {
            func bound(_ text: String?, _ name: String) throws -> Int64? {
                guard let text else { return nil }
                guard let millis = Timestamp.parseMillis(text) else {
                    throw CLIFailure(message: "bad --\(name) time \(TextEscaping.visible(text))", code: 2)
                }
                return millis
            }
            let low = try bound(since, "since"), high = try bound(until, "until")
            if let question {
                try printQuestion(question, low: low, high: high)
                return
            }
            // The id's exact bytes from argv (Swift repairs invalid UTF-8 in `account`).
            let exact = try RawArguments.require(
                [account ?? ""], option: "--account", valued: ["--account", "--question", "--since", "--until", "--format"],
                what: "the account id")[0]
            let data = try source.loadData()
            SourceOptions.noteLoadIssues(data.report)
            guard let index = data.accountIndex(given: exact) else {
                throw CLIFailure(message: "no account \(exact.display)", code: 2)
            }
            AmbiguousAccountID.warn(data, given: exact, resolved: index)
            let rows = data.queries.rows(of: index).filter { row in Self.within(data.queries.timestamp(row), low, high) }
            try QueryRowsOutput.write(rows, of: data, format: format) { print($0) }
        }
    }

    /// Whether a time is within the bounds given.
    static func within(_ ts: Int64, _ low: Int64?, _ high: Int64?) -> Bool {
        (low.map { ts >= $0 } ?? true) && (high.map { ts < $0 } ?? true)
    }

    /// The question's prompts from each of its senders, in time order, and on stderr how many
    /// from how many senders.
    private func printQuestion(_ name: String, low: Int64?, high: Int64?) throws {
        let inv = try source.open()
        guard let found = QuestionPrompts(named: ExactText(name), index: inv.index) else {
            let shape =
                QuestionPrompts.band(ofName: Array(name.utf8)) == nil ? " (a question is named q- and eight hex digits, as why and pivot name it)" : ""
            throw CLIFailure(message: "no question \(TextEscaping.visible(name))\(shape)", code: 2)
        }
        let q = inv.data.queries
        let rows = found.senders.flatMap { q.rows(of: $0) }.filter { Self.within(q.timestamp($0), low, high) }
            .sorted { (q.timestamp($0), $0) < (q.timestamp($1), $1) }
        var sent = 0
        var from = Set<Int>()
        try QueryRowsOutput.write(rows, of: inv.data, format: format, showAccount: true, keep: { row, fields in
            guard let prompt = fields.first(where: { $0.key == "prompt" })?.value, found.holds(prompt: prompt) else { return false }
            sent += 1
            from.insert(q.account(ofRow: row))
            return true
        }) { print($0) }
        let bounds = low != nil || high != nil ? " in the time given" : ""
        let senders = PairExplanation.count(found.senders.count, "sender")
        FileHandle.standardError.write(
            Data("\(TextEscaping.visible(name)): \(PairExplanation.count(sent, "prompt")) from \(from.count) of its \(senders)\(bounds)\n".utf8))
    }
}
