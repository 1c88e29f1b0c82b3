/// A count of rows of one file that share one problem, with the first such line and how it
/// reads, kept so that a lenient load says it once per file (`ZonelessTimes`, `KeysNotUTF8`).
protocol FileTally: Sendable {
    /// How many rows (or values) of the file.
    var count: Int { get set }
    /// The line of the first one.
    var firstLine: Int { get set }
    /// The first one, as shown in messages.
    var example: String { get set }
    /// An empty tally.
    init()
}

extension FileTally {
    /// Counts `line`, keeping `example()` when it is the first line so far.
    mutating func note(line: Int, _ example: () -> String) {
        count += 1
        if line < firstLine {
            firstLine = line
            self.example = example()
        }
    }

    /// Adds another tally of the same file (its lines numbered as this one's).
    mutating func absorb(_ other: Self) {
        count += other.count
        if other.firstLine < firstLine {
            firstLine = other.firstLine
            example = other.example
        }
    }
}

extension IssueLog {
    /// Adds a reader's `tally` for `file` to the log's table at `table`.
    func add<T: FileTally>(_ tally: T, file: String, into table: ReferenceWritableKeyPath<IssueLog, [String: T]>) {
        guard tally.count > 0 else { return }
        self[keyPath: table][file, default: T()].absorb(tally)
    }

    /// Adds what another log (a worker's) counted in `file` at `table`, whose lines there are
    /// numbered `lineBase` lines into the file.
    func merge<T: FileTally>(
        _ table: ReferenceWritableKeyPath<IssueLog, [String: T]>, from other: IssueLog, file: String, lineBase: Int
    ) {
        guard var theirs = other[keyPath: table][file], theirs.count > 0 else { return }
        theirs.firstLine += lineBase
        add(theirs, file: file, into: table)
    }

    /// Says each file's tally at `table` once, in `files` order (others after, by name), with
    /// `reason` for it, each counted row counted once; then empties the table.
    func sayOncePerFile<T: FileTally>(
        _ table: ReferenceWritableKeyPath<IssueLog, [String: T]>, inOrderOf files: [String], reason: (T) -> String
    ) {
        let tallies = self[keyPath: table]
        let rank = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let names = tallies.keys.sorted { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) }
        for name in names {
            guard let tally = tallies[name], tally.count > 0 else { continue }
            _ = warn(name, tally.firstLine, reason(tally))
            report.warningCount += tally.count - 1
        }
        self[keyPath: table] = [:]
    }
}
