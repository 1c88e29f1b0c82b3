/// The id of a named command.
enum CommandID: String, CaseIterable, Sendable {
    case moveDown = "move-down", moveUp = "move-up", top, bottom
    case pageDown = "page-down", pageUp = "page-up"
    case open, back, forward
    case nextPane = "next-pane"
    case search, searchNext = "search-next", searchPrev = "search-prev"
    case filter, sort, mark, tag
    case columnLeft = "column-left", columnRight = "column-right"
    case tagCluster = "tag-cluster"
    case note, casePicker = "case", export
    case copyID = "copy-id"
    case compare
    case showMore = "show-more", singles
    case undo, triage
    case caseField = "case-field"
    case markAll = "mark-all", invertMarks = "invert-marks", markMatching = "mark-matching"
    case history, commandLine = "command-line", help, quit
    case closeOverlay = "close-overlay"
}

/// One named command: what it is called, its default keys, its help line and whether it writes
/// to the case (writes go to the audit trail). The same table drives key handling, the `?`
/// help overlay and the `:` command line.
struct NamedCommand: Sendable {
    let id: CommandID
    let keys: [Key]
    let help: String
    let writes: Bool
    /// Name used on the `:` line, if it has one there.
    let colonName: String?
}

/// The registry of every console command with its default keys.
enum ConsoleCommands {
    static let all: [NamedCommand] = [
        .init(id: .moveDown, keys: [.char("j"), .down], help: "move down", writes: false, colonName: nil),
        .init(id: .moveUp, keys: [.char("k"), .up], help: "move up", writes: false, colonName: nil),
        .init(id: .top, keys: [.char("g"), .home], help: "go to the top", writes: false, colonName: "top"),
        .init(id: .bottom, keys: [.char("G"), .end], help: "go to the bottom", writes: false, colonName: "bottom"),
        .init(id: .pageDown, keys: [.pageDown, .ctrl("f")], help: "page down", writes: false, colonName: nil),
        .init(id: .pageUp, keys: [.pageUp, .ctrl("b")], help: "page up", writes: false, colonName: nil),
        .init(id: .open, keys: [.enter, .right], help: "open / pivot on the selected row", writes: false, colonName: "open"),
        .init(id: .back, keys: [.backspace, .char("h"), .left], help: "back one step on the stack", writes: false, colonName: "back"),
        .init(id: .triage, keys: [.char("0")], help: "jump straight to triage (] comes back)", writes: false, colonName: "triage"),
        .init(id: .forward, keys: [.char("]")], help: "forward again", writes: false, colonName: "forward"),
        .init(id: .nextPane, keys: [.tab], help: "next pane on the screen", writes: false, colonName: nil),
        .init(id: .search, keys: [.char("/")], help: "search rows (incremental)", writes: false, colonName: "search"),
        .init(id: .searchNext, keys: [.char("n")], help: "search: next match", writes: false, colonName: nil),
        .init(id: .searchPrev, keys: [.char("N")], help: "search: previous match", writes: false, colonName: nil),
        .init(id: .filter, keys: [.char("f")], help: "filter rows (risk>0.5 country=RU text)", writes: false, colonName: "filter"),
        .init(id: .columnLeft, keys: [.char("<")], help: "column cursor left (for sort)", writes: false, colonName: nil),
        .init(id: .columnRight, keys: [.char(">")], help: "column cursor right (for sort)", writes: false, colonName: nil),
        .init(id: .sort, keys: [.char("s")], help: "sort by the column under the column cursor: largest first, again smallest first, again table order",
              writes: false, colonName: "sort"),
        .init(id: .mark, keys: [.char(" ")], help: "mark or unmark the row, then move down (marks survive pivots)", writes: false, colonName: nil),
        .init(id: .showMore, keys: [.char("+")], help: "show more rows of a cut list (query history, single accounts)",
              writes: false, colonName: "more"),
        .init(id: .singles, keys: [.char("X")], help: "show the single accounts triage leaves out", writes: false,
              colonName: "singles"),
        .init(id: .compare, keys: [.char("=")], help: "compare the two marked accounts side by side", writes: false,
              colonName: "compare"),
        .init(id: .markAll, keys: [.char("*")], help: "mark every row shown (all rows matching the filter)", writes: false,
              colonName: nil),
        .init(id: .invertMarks, keys: [.char("~")], help: "invert the marks over the rows shown", writes: false, colonName: nil),
        .init(id: .markMatching, keys: [.char("|")], help: "mark the rows matching an expression (filter syntax)",
              writes: false, colonName: "mark"),
        .init(id: .tag, keys: [.char("t")], help: "tag the marked rows (or the selected one)", writes: true, colonName: "tag"),
        .init(id: .tagCluster, keys: [.char("T")], help: "tag the whole cluster (an operation's row: all its clusters; a shared value: it and its accounts)", writes: true, colonName: "tagcluster"),
        .init(id: .undo, keys: [.char("u")], help: "undo the session's last write (an audited retraction; Enter confirms)",
              writes: true, colonName: "undo"),
        .init(id: .caseField, keys: [.char("S")], help: "set the case's status, severity, assignee or disposition (Enter confirms)",
              writes: true, colonName: "set"),
        .init(id: .note, keys: [.char("a")], help: "add a note to the open case", writes: true, colonName: "note"),
        .init(id: .casePicker, keys: [.char("c")], help: "case picker: Enter switches, n new case", writes: false, colonName: "case"),
        .init(id: .export, keys: [.char("e")], help: "export the open case as a signed bundle (Enter confirms)", writes: true, colonName: "export"),
        .init(id: .copyID, keys: [.char("y")], help: "copy the selected id (OSC 52; inside tmux, the tmux buffer)", writes: false, colonName: "copy"),
        .init(id: .history, keys: [.char("H")], help: "query history of the account or cluster", writes: false, colonName: "queries"),
        .init(id: .commandLine, keys: [.char(":")], help: "command line with completion", writes: false, colonName: nil),
        .init(id: .help, keys: [.char("?")], help: "help: every command with its keys", writes: false, colonName: "help"),
        .init(id: .quit, keys: [.char("q")], help: "quit (everything is already saved)", writes: false, colonName: "q"),
        .init(id: .closeOverlay, keys: [.escape], help: "close an overlay; with none open, twice clears the marks", writes: false, colonName: nil),
    ]

    /// The command with an id.
    static func command(_ id: CommandID) -> NamedCommand { all.first { $0.id == id }! }

    /// Names accepted on the `:` line besides the command names (`pivot`, `dump`, `quit`).
    static let colonExtras = ["pivot", "dump", "warnings", "quit", "case new", "case open"]
}
