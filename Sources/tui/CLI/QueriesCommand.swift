import ArgumentParser
import Foundation
import Investigate

/// `investigate queries DIR --account ID`: an account's query history, full rows re-read from
/// disk (`QueryRowsOutput`; rows the files no longer hold as loaded fail the command, exit 4).
/// `--question q-...`: the prompts a shared question is made of, from each of its senders, in
/// time order (each prompt read again and digested as the loader did: `QuestionPrompts`).
struct QueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queries", abstract: "Print an account's queries, or a shared question's prompts from each of its senders: text, a line per query with its prompt cut to 100 characters (--width; led by the account with --question); jsonl, every field of each row exactly, and ts_utc, the instant its ts was read as.")

    @OptionGroup var source: SourceOptions
    @Option(help: "The account id (with --question: only this sender's prompts of it).") var account: String?
    @Option(help: "A shared question (q- and eight hex digits, as why and pivot name it): the prompts in it, from each of its senders.")
    var question: String?
    @Option(help: "Only queries at or after this time (RFC 3339 or epoch).") var since: String?
    @Option(help: "Only queries before this time.") var until: String?
    @Option(help: "Characters of each prompt a text line shows (0: the whole prompt).") var width: Int = 100
    /// A line per query, or JSON Lines (`json` is refused: no single JSON document is written).
    static let formats: [OutputFormat] = [.text, .jsonl]
    @Option(help: OutputFormat.help(Self.formats)) var format: OutputFormat = .text

    func validate() throws {
        try format.require(Self.formats)
        guard account != nil || question != nil else { throw ValidationError("give --account ID, --question q-..., or both") }
        guard width >= 0 else { throw ValidationError("--width takes 0 (the whole prompt) or more characters") }
    }

    func run() throws {
        try runReporting {
            func bound(_ text: String?, _ name: String) throws -> Int64? {
                guard let text else { return nil }
                guard let millis = Timestamp.parseMillis(text) else {
                    let forms = "RFC 3339, as 2026-08-09T14:00:00Z or 2026-08-09, or epoch seconds or milliseconds"
                    throw CLIFailure(message: "bad --\(name) time \(TextEscaping.visible(text)) (\(forms))", code: 2)
                }
                return millis
            }
            let low = try bound(since, "since"), high = try bound(until, "until")
            if let low, let high, low >= high {
                // An empty window is a typo, not an answer: said rather than printing nothing.
                let (from, to) = (TextEscaping.visible(since ?? ""), TextEscaping.visible(until ?? ""))
                throw CLIFailure(message: "--since \(from) is not before --until \(to): no query can fall in it", code: 2)
            }
            // The id's exact bytes from argv (Swift repairs invalid UTF-8 in `account`).
            let exact = try account.map {
                try RawArguments.require(
                    [$0], option: "--account", valued: ["--account", "--question", "--since", "--until", "--width", "--format"],
                    what: "the account id")[0]
            }
            if let question {
                try printQuestion(question, account: exact, low: low, high: high)
                return
            }
            let data = try source.loadData()
            SourceOptions.noteLoadIssues(data.report)
            let index = try Self.account(exact ?? ExactText(""), in: data)
            let rows = data.queries.rows(of: index).filter { row in Self.within(data.queries.timestamp(row), low, high) }
            try QueryRowsOutput.write(rows, of: data, format: format, width: width) { print($0) }
            if rows.isEmpty && (low != nil || high != nil) {
                let all = data.queries.queryCount(of: index)
                FileHandle.standardError.write(Data("0 queries in the time given (of the account's \(all))\n".utf8))
            }
        }
    }

    /// The account an id names, warned when it could mean another.
    static func account(_ exact: ExactText, in data: CaseData) throws -> Int {
        guard let index = data.accountIndex(given: exact) else { throw CLIFailure(message: "no account \(exact.display)", code: 2) }
        AmbiguousAccountID.warn(data, given: exact, resolved: index)
        return index
    }

    /// Whether a time is within the bounds given.
    static func within(_ ts: Int64, _ low: Int64?, _ high: Int64?) -> Bool {
        (low.map { ts >= $0 } ?? true) && (high.map { ts < $0 } ?? true)
    }

    /// The question's prompts from each of its senders (or the one given), in time order, and on
    /// stderr how many from how many senders.
    private func printQuestion(_ given: String, account: ExactText?, low: Int64?, high: Int64?) throws {
        // Named as `pivot` takes it: spaces around it trimmed, any case.
        let name = given.trimmingCharacters(in: .whitespaces).lowercased()
        guard !name.isEmpty else { throw CLIFailure(message: "--question: give a question's name (q- and eight hex digits)", code: 2) }
        let inv = try source.open()
        guard let found = QuestionPrompts(named: ExactText(name), index: inv.index) else {
            throw CLIFailure(message: Self.noQuestion(name, index: inv.index), code: 2)
        }
        var senders = found.senders
        if let account {
            let index = try Self.account(account, in: inv.data)
            guard senders.contains(index) else {
                throw CLIFailure(message: "\(account.display) did not send question \(name) (its senders: `pivot DIR question \(name)`)", code: 2)
            }
            senders = [index]
        }
        let q = inv.data.queries
        let rows = senders.flatMap { q.rows(of: $0) }.filter { Self.within(q.timestamp($0), low, high) }
            .sorted { (q.timestamp($0), $0) < (q.timestamp($1), $1) }
        var sent = 0
        var from = Set<Int>()
        try QueryRowsOutput.write(rows, of: inv.data, format: format, showAccount: true, width: width, keep: { row, fields in
            guard let prompt = fields.first(where: { $0.key == "prompt" })?.value, found.holds(prompt: prompt) else { return false }
            sent += 1
            from.insert(q.account(ofRow: row))
            return true
        }) { print($0) }
        let bounds = low != nil || high != nil ? " in the time given" : ""
        let of = account == nil ? "\(from.count) of its \(PairExplanation.count(found.senders.count, "sender"))" : "\(account!.display), one of its \(found.senders.count)"
        FileHandle.standardError.write(Data("\(name): \(PairExplanation.count(sent, "prompt")) from \(of)\(bounds)\n".utf8))
    }

    /// Why no question is so named: its shape, or the questions whose names hold it.
    static func noQuestion(_ name: String, index: LinkIndex) -> String {
        let (near, total) = index.values(.question, containing: ExactText(name), limit: 5)
        if !near.isEmpty {
            let names = near.map { index.valueExact(.question, $0.value).display }.joined(separator: ", ")
            return "no question is exactly \(TextEscaping.visible(name)); \(PairExplanation.count(total, "question")) \(total == 1 ? "holds" : "hold") it: \(names)\(total > near.count ? ", ..." : "")"
        }
        let shape = QuestionPrompts.band(ofName: Array(name.utf8)) == nil ? " (a question is named q- and eight hex digits, as why and pivot name it)" : " (no question two or more accounts sent has this name)"
        return "no question \(TextEscaping.visible(name))\(shape)"
    }
}
