import Investigate

/// An overlay drawn over the sheet; text overlays capture typed keys.
enum Overlay: Hashable, Sendable {
    /// `?`: every command with its keys, scrolled by `offset` lines.
    case help(offset: Int)
    /// `:` line being typed, with the completions offered for it.
    case commandLine(text: String, completions: [String])
    /// `/` incremental search being typed.
    case search(text: String)
    /// `f` filter expression being typed.
    case filter(text: String)
    /// `c`: the cases of the case store, newest first, with the cursor on one of them.
    case casePicker(cases: [CaseListEntry], cursor: Int)
    /// A whole record (a query, note, audit entry, or two accounts compared), scrollable.
    case record(RecordView)

    /// True when keys are typed into the overlay rather than run as commands.
    var takesText: Bool {
        switch self {
        case .help, .casePicker, .record: return false
        case .commandLine, .search, .filter: return true
        }
    }
}

/// One case of the case store as the `c` picker lists it. The title is free text from the
/// store and is only drawn sanitised.
struct CaseListEntry: Hashable, Sendable {
    var id: String
    var status: String
    var title: String
    /// Where the case is from when not from the source shown (`from another source`); empty
    /// for a case of this source.
    var origin = ""
}

/// How far loading has come.
struct LoadStatus: Hashable, Sendable {
    var fraction: Double = 0
    var label = "starting"
    var failed: String?
}

/// One write, for the audit trail of the open case.
struct CaseAuditLine: Hashable, Sendable {
    var user: String
    var time: String
    var command: String
    var detail: String
}

/// The case being worked: tags, notes, audit trail (kept in memory here; the case store
/// persists it).
struct CaseState: Hashable, Sendable {
    /// The case store id (`case-0003`), or nil while nothing is stored.
    var id: String?
    var title = "untitled"
    /// Mark key -> labels.
    var tags: [String: [String]] = [:]
    var notes: [String] = []
    var audit: [CaseAuditLine] = []
    var exportStatus = "not exported"
    /// The case's own fields (`open`, `high`, an assignee, a disposition; empty when unset).
    var status = "open"
    var severity = ""
    var assignee = ""
    var disposition = ""
    /// How the case stands against the source the console shows (`same` for a case kept in memory).
    var source = CaseSourceStanding.same
    /// Cluster tags made on another source (or on none recorded), by mark key: listed on the case
    /// sheet only, never shown as tags of this source's clusters (whose numbers mean other clusters).
    var otherSourceTags: [String: [String]] = [:]
    /// Cluster tags of this source whose cluster now has other members than when they were tagged
    /// (or that predate recorded members), by mark key: listed apart on the case sheet too.
    var otherMembersTags: [String: [String]] = [:]
}

/// The running search.
struct SearchState: Hashable, Sendable {
    var query = ""
    var forward = true
    /// Bumped on each new search, so stale background results are dropped.
    var generation = 0
    /// A sheet still being built when the search was asked for: it runs when the sheet arrives
    /// (searching the empty table would say "no match" of rows about to be listed).
    var waitingFor: SheetKind?
    /// The row the cursor was on when `/` opened: each typed character searches from it, and a
    /// query that matches nothing puts the cursor back there (a partial match it passed on the
    /// way is not left selected). Nil for `n`/`N`, which search on from the cursor.
    var origin: Int?
}

/// The whole console state: one value, changed only by `update`.
struct AppState: Sendable {
    /// The navigation stack; never empty, the bottom is triage.
    var stack: [Sheet] = [Sheet(.triage)]
    /// Sheets popped with Back, for `]`.
    var forwardStack: [Sheet] = []
    /// Marked rows by mark key, in the order marked; survive pivots.
    var marks: MarkSet = []
    /// Set by an Esc that would clear the marks: only a second Esc, next, clears them (marks
    /// cannot be undone, and an Esc meant for an overlay that just closed should not lose them).
    var clearMarksArmed = false
    /// The row whose id `y` last copied as escaped text (it holds control bytes): `y` again on it
    /// copies `--account-b64 B64`, which names the account exactly (too long to say whole on an
    /// 80-column status line).
    var escapedCopyKey: String?
    var overlay: Overlay?
    var status = ""
    /// Wordings of `status`, fullest first, for where it is said beside an open prompt whose
    /// room shrinks as text is typed (`T`'s: a label typed at 80 columns cut it), or on a narrow
    /// status line (an export's: its folder); used only while `status` is one of them.
    var statusWordings: [String] = []
    var size = TerminalSize(rows: 24, cols: 80)
    /// The last export's bundle and warnings, whole (`:warnings` opens them), nil before one.
    var exportWarnings: ExportWarnings?
    var load = LoadStatus()
    /// The loaded data, nil while loading.
    var data: ConsoleData?
    var keymap = Keymap()
    var search = SearchState()
    var caseState = CaseState()
    /// Investigator name for the audit trail.
    var user = "investigator"
    /// This session's writes, newest last, for `u`.
    var undoable: [UndoEntry] = []
    /// Set by `quit`.
    var quitting = false
    /// Glyph set in use.
    var glyphs = Glyphs.unicode
    /// The reopened filter prompt's old text is selected: typing replaces it.
    var promptSelected = false
    /// Why the open prompt's text was refused (a filter that does not parse), shown under the
    /// prompt until the text is edited or the prompt closes.
    var promptRefusal: String?
    /// The command word of a prompt opened by a key (`tag `, `set `, `export`): Backspace and
    /// Ctrl-U never edit it, so the hint beside the prompt stays true of what Enter runs. A lock
    /// without a trailing space is a whole command (`export`, `undo`): typing adds nothing to it.
    /// Cleared whenever no `:` prompt is open.
    var promptLock = ""
    /// How many characters of the open prompt's text lie after its cursor (0: at the end, where
    /// typing appends). Reset whenever no text prompt is open.
    var promptTail = 0
    /// Keys typed while the `c` picker's case list is being read (nil when none is): applied to
    /// the picker once it opens, as a terminal's type-ahead is.
    var pickerTypeAhead: [Key]?
    /// The case (made on another source) this session's writes may go into: confirmed once.
    var foreignWritesConfirmed: String?
    /// A write line held until the investigator confirms writing into a case of another source;
    /// dropped when the `confirm` prompt closes.
    var heldWrite: String?
    /// A `T` held on its question (some members are rated below their cluster on their own):
    /// `o` switches between all and only the others, Enter writes; dropped when the prompt closes.
    var heldClusterTag: HeldClusterTag?
    /// A `:pivot KIND PART` whose scan of the kind's values runs off the input path (nil when
    /// none): its result applies only while this is the scan waited for. Esc drops it.
    var pivotScan: PivotScan?
    /// Numbers each scan, so a dropped scan's late result is told apart.
    var pivotScans = 0
    /// A saved session to restore once the data is loaded.
    var pendingRestore: String?
    /// Clock used for audit entries (injected, so `update` stays pure).
    var now = ""

    /// The sheet on top of the stack.
    var current: Sheet {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }
}

/// One step of the console: the state after an action and the side effects the action asks for,
/// in the order the runner must perform them. Effects travel only here, never in `AppState`, so none
/// can linger in the state, be performed twice, or reach the session file.
struct Step {
    /// The state after the action.
    var state: AppState
    /// The side effects to perform, in order.
    var effects: [Effect]
}

/// Side effects requested by `update`, performed by the runner (so `update` stays pure).
enum Effect: Hashable, Sendable {
    /// Copy text to the clipboard (tmux's buffer or OSC 52); `caution`, when not empty, leads
    /// the status that says how it went (an escaped id: what was copied is not the id).
    case copy(String, caution: String = "")
    /// Write the current sheet as text to a file.
    case dump(path: String)
    /// Compute row order (filter + sort) of the stack sheet at `depth`.
    case computeOrder(depth: Int)
    /// Search the current sheet from `from` in a direction.
    case search(query: String, from: Int, forward: Bool, generation: Int)
    /// Export the case.
    case export
    /// Persist a write to the case store.
    case persist(CaseWrite)
    /// Build an expensive sheet's rows in the background.
    case prepare(SheetKind)
    /// Read the list of cases from the case store (for the `c` picker).
    case listCases
    /// Re-read query `row` of a history sheet in full (prompt and extra keys) for the record
    /// view named `request`.
    case readQuery(scope: QueryScope, row: Int, request: String)
    /// Grow a capped sheet's page (query history, single accounts) and rebuild its rows.
    case showMore(SheetKind)
    /// Build who an account fires with (its timing pane) in the background.
    case readFiring(account: Int)
    /// Scan a kind's values for those containing `text` (`:pivot KIND PART`), in the background.
    case scanValues(kind: LinkKind, text: String, generation: Int)
}

/// A `:pivot KIND PART` waiting for its scan: the kind, the text typed, the scan's number and
/// the sheet it was typed on (a result that finds another sheet on top is dropped).
struct PivotScan: Hashable, Sendable {
    var kind: LinkKind
    var text: String
    var generation: Int
    var depth: Int
    var sheet: SheetKind
}

/// Everything that can happen: keys, commands, and messages from background work.
enum Action: Sendable {
    case key(Key)
    case command(CommandID)
    /// A `:` line to run (without the colon).
    case run(String)
    case resize(TerminalSize)
    case progress(fraction: Double, label: String)
    case loaded(ConsoleData)
    case loadFailed(String)
    /// Background filter/sort result for the sheet at `depth` of kind `kind`.
    case orderReady(depth: Int, kind: SheetKind, order: [Int]?)
    /// Background search result (position in visible rows), nil when nothing matched.
    case searchResult(generation: Int, position: Int?, match: Int = 0, of: Int = 0)
    case status(String)
    /// A status in several wordings, fullest first: the first that fits the status line is said.
    case statusWordings([String])
    /// An export is written: its bundle and its warnings (none: empty), for `:warnings`.
    case exportWarnings(bundle: String, warnings: [String])
    case clock(String)
    /// An expensive sheet's rows are ready.
    case prepared(SheetKind)
    /// The case as stored, after a write or at start.
    case caseSynced(CaseState)
    /// The cases of the case store, newest first: opens the `c` picker.
    case casesListed([CaseListEntry])
    /// The case list could not be read (or there is no store): the picker does not open.
    case caseListFailed(String)
    /// The full fields of a record read in the background (for the record named `request`).
    case recordRead(request: String, fields: [RecordField])
    /// Who an account fires with is built (the model holds it).
    case firingRead(account: Int)
    /// The values of a `:pivot` scan (at most three, and how many in all) for scan `generation`;
    /// `exact` when the text was a whole value.
    case valuesFound(generation: Int, ids: [Int32], total: Int, exact: Bool = false)
}

/// `T`'s write held on its question: the label typed, which members Enter will tag, and the
/// key line shown beneath the prompt for each choice.
struct HeldClusterTag: Hashable, Sendable {
    var label: String
    /// True: only the members rated as their cluster (`o` switched to it); false: all.
    var onlyStrong = false
    /// The line beneath the prompt while Enter would tag all.
    var allKeys: String
    /// The line while Enter would tag only the others.
    var onlyKeys: String
    /// What the status line says beside the prompt (how many are rated below, how far).
    var count: String
}
