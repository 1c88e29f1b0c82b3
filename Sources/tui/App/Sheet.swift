import Investigate

/// Which query history a sheet shows.
enum QueryScope: Hashable, Sendable {
    case account(Int)
    case cluster(Int)
}

/// What a sheet on the navigation stack shows.
enum SheetKind: Hashable, Sendable {
    case triage
    case cluster(Int)
    case account(Int)
    case sharedValue(LinkKind, Int32)
    case queries(QueryScope)
    case caseFile
    /// Accounts linked to no other account (one-account clusters), highest risk first: what
    /// triage leaves out, shown on request (`X`).
    case singles
}

/// One sheet on the navigation stack with its own cursor, scroll, sort and filter, so that
/// going back returns to exactly the rows and row that were there.
struct Sheet: Hashable, Sendable {
    var kind: SheetKind
    /// Cursor position within the visible rows.
    var cursor = 0
    /// First visible row.
    var top = 0
    /// Focused pane (Tab cycles).
    var pane = 0
    /// Cursor within the cluster's "how members connect" pane.
    var paneCursor = 0
    /// Column the rows are sorted by (descending), if any.
    var sortColumn: Int?
    /// Sort smallest first (the second `s` on a column); largest first otherwise.
    var sortAscending = false
    /// The column cursor (`<` `>`), shown as `[title]`; nil until it is first moved.
    var column: Int?
    /// Filter expression in force, if any.
    var filter: String?
    /// Indices of the table rows shown, in order; nil means all rows in table order.
    var order: [Int]?
    /// The table row the cursor stays on when the next order arrives (set by a sort, so the
    /// cursor keeps its cluster rather than its row number); nil: the cursor keeps its number.
    var follow: Int?

    init(_ kind: SheetKind) { self.kind = kind }

    /// The table row under visible position `position`.
    func tableRow(at position: Int) -> Int { order.map { $0[position] } ?? position }

    /// How many rows are visible given the table's size.
    func visibleCount(tableRows: Int) -> Int { order?.count ?? tableRows }
}

/// A column of a sheet's table.
struct TableColumn: Hashable, Sendable {
    var title: String
    /// Minimum width in columns.
    var width: Int
    /// Whether it grows to take spare width.
    var flexible = false
    var alignRight = false
    /// Dropped first (right to left) when the terminal is too narrow for every column.
    var droppable = false
    /// Among droppable columns, the highest is dropped first (ties: right to left), so a sheet
    /// drops its least useful column before one that only sits further right.
    var dropOrder = 0
    /// Drawn as a bar from a 0...1 number rather than as text.
    var isBar = false
    /// The widest cell (for a flexible column): width beyond it is surplus another column may
    /// take (`widensTo`). Nil: unknown, nothing given.
    var contentWidth: Int?
    /// A column that widens up to this (its widest cell) from the flexible columns' surplus: the
    /// width they would leave blank. Nil: it keeps `width`.
    var widensTo: Int?
    /// A column that grows up to this (its widest cell) from the width no column needs, before
    /// the flexible columns take it: query history's account column, 11 wide, cut 15b's 12-character
    /// ids at 80 columns with one column to spare. Nil: it keeps `width`.
    var growsTo: Int?
    /// Holds nothing on any row (`-` or empty: the category of a source without categories):
    /// not drawn at any width, its room given to the flexible columns; the caption names it.
    var blank = false
}

/// The rows of a sheet as text, with what each row is (for marks, copy and pivot). Built once
/// per sheet kind and cached by `ConsoleData`; search and filter run over these strings.
struct SheetTable: Sendable {
    var columns: [TableColumn]
    var rows: [[String]]
    /// The id `y` copies and marks use (`acct_9f..`, `c17`, `203.0.113.7`).
    var ids: [String]
    /// What Enter opens for each row.
    var targets: [SheetKind?]
    /// Mark key for each row (`account:acct_9f..`); marks persist across sheets by this key.
    var markKeys: [String]

    static let empty = SheetTable(columns: [], rows: [], ids: [], targets: [], markKeys: [])

    var count: Int { rows.count }

    /// One row's text for search.
    func searchText(_ row: Int) -> String { rows[row].joined(separator: " ") }
}
