import Investigate

/// One ranked cluster on the triage sheet.
struct TriageRow: Hashable, Sendable {
    /// Cluster number (`c17` is 17).
    var cluster: Int
    var risk: Double
    var size: Int
    /// The link kinds, those with values that are not hubs first (`SharedKinds`): `payment`, `ip`...
    var strongestKinds: [String]
    /// Top signal names.
    var topSignals: [String]
    /// A few member account ids, highest risk first.
    var sampleAccounts: [String]
    var tags: [String] = []
    /// The operation (`op1`) this row belongs to, or that it is.
    var operation: String? = nil
    /// Non-empty for an operation's own row: the numbers of its clusters, listed beneath it.
    var operationClusters: [Int] = []
    /// For an operation's row: the tooling tying its clusters (`template tf-975f`).
    var ties: [String] = []
    /// For an operation's row: every tying value, to pivot on from its record.
    var tieValues: [OperationTie] = []

    /// True for the row of an operation (not of a cluster).
    var isOperation: Bool { !operationClusters.isEmpty }
}

/// One line of a cluster's "how members connect" pane: a value several members share, the
/// members (a few), and where Enter pivots.
struct SketchLine: Hashable, Sendable {
    var text: String
    var kind: LinkKind?
    var value: Int32 = 0
    /// Too common to link on: listed last, drawn dimmed.
    var isHub = false
    /// The line's parts, to draw it narrower: what is shared (`payment pf_77aa`), the first
    /// holders' short ids and how many hold it in all (no holders: a note, drawn as it is).
    var shared = ""
    var holders: [String] = []
    var holderCount = 0
    /// `shared` with the value whole (`shared` cuts it to 24 columns), said where the whole line fits.
    var wholeShared = ""

    /// `text` within `width`, the holders that do not fit counted with the rest: 16b's c1 at 80
    /// columns read `payment inv_f976637fd9eb30cc == c2hzk-13.. ... cec72-nb.. (…`, the count cut.
    /// Where the line fits with its value whole, the value is whole (20's trial at 120 columns read
    /// `user_agent Mozilla/5.0 (Windows N.. == ...` with 40 columns blank beside it).
    func fitted(_ width: Int) -> String {
        if !wholeShared.isEmpty, wholeShared != shared, text.hasPrefix(shared) {
            let whole = wholeShared + text.dropFirst(shared.count)
            if TextWidth.of(whole) <= width { return whole }
        }
        guard TextWidth.of(text) > width, !holders.isEmpty else { return text }
        let hub = isHub ? "  (hub)" : ""
        var line = ""
        for shown in stride(from: holders.count - 1, through: 1, by: -1) {
            line = "\(shared) == \(holders.prefix(shown).joined(separator: " ")) (+\(Format.grouped(holderCount - shown)))" + hub
            if TextWidth.of(line) <= width { break }
        }
        return line
    }
}

/// One member account on a cluster or shared-value sheet.
struct AccountRow: Hashable, Sendable {
    var account: Int
    var id: String
    var ageDays: Int?
    var country: String
    var plan: String
    var status: String
    var queries: Int
    var outputTokens: Int
    var risk: Double
    var tags: [String] = []
    /// The id's exact bytes (what a tag stores); nil means `id` is exact.
    var exact: ExactText? = nil
    /// The account's cluster number (`c6` is 6), shown on a shared value's sheet; nil: not known.
    var cluster: Int? = nil

    /// The id's exact bytes.
    var exactID: ExactText { exact ?? ExactText(id) }
}

/// One linked value of an account.
struct ValueRow: Hashable, Sendable {
    var kind: LinkKind
    var value: Int32
    var text: String
    /// How many accounts share it.
    var sharedBy: Int
    var isHub: Bool
    /// The value's exact bytes (what a tag stores); nil means `text` is exact.
    var exact: ExactText? = nil
}

/// One explainable risk signal.
struct SignalRow: Hashable, Sendable {
    var name: String
    var value: Double
    var baseline: Double
    var contribution: Double
    var explanation: String
}

/// One query.
struct QueryRow: Hashable, Sendable {
    var time: String
    var account: String
    var key: String
    var ip: String
    var model: String
    var tokens: Int
    var category: String
    /// Raw prompt excerpt; sanitised when drawn.
    var prompt: String
    /// The engine's row number (to re-read the whole row), nil for rows with no source.
    var source: Int? = nil
}

/// Everything the cluster sheet shows.
struct ClusterDetail: Sendable {
    var cluster: Int
    var risk: Double
    var members: [AccountRow]
    /// Distinct values of each kind two or more members share, kinds with values that are not
    /// hubs first (`SharedKinds`).
    var kindCounts: [(kind: String, count: Int)]
    /// How many of each kind's shared values are hubs (missing: none).
    var kindHubs: [String: Int] = [:]
    /// Queries per day across the cluster.
    var timeline: [Int]
    /// The cluster's risk breakdown: every signal's value, baseline, contribution and reason.
    var signals: [SignalRow] = []
    /// The rows the activity strip leaves out, set aside from the timing analysis at load
    /// (`ChartRows.shortNote`: `+3 set aside (1970-01-01 ... 9999-12-31)`); nil when none.
    var timelineNote: String? = nil
    /// Why the breakdown is empty when no signal could be read (`SignalsUnread`); nil otherwise.
    var unreadNote: String? = nil
}

/// Everything the account sheet shows.
struct AccountDetail: Sendable {
    var account: Int
    var id: String
    var cluster: Int?
    var risk: Double
    var attributes: [(name: String, value: String)]
    var values: [ValueRow]
    var signals: [SignalRow]
    var timeline: [Int]
    /// How the account's risk is made from its cluster's, written out (nil: not known).
    var riskWeight: String? = nil
    /// The source's own extra columns (name, escaped value), apart from the tool's attributes:
    /// a column named `risk` or `cluster` must never read as the tool's verdict.
    var sourceFields: [(name: String, value: String)] = []
    /// The rows the activity strip leaves out (`ClusterDetail.timelineNote`); nil when none.
    var timelineNote: String? = nil
}

/// Everything the shared-value sheet shows.
struct SharedValueDetail: Sendable {
    var kind: LinkKind
    var value: Int32
    var text: String
    var members: [AccountRow]
    /// Fraction of all accounts that share it.
    var rarity: Double
    var isHub: Bool
    /// The clusters its holders sit in, most holders first (as `pivot`'s `held in:` line).
    var heldIn: [HeldIn] = []
    /// For a template family: one of its prompts, escaped for display (nil: none found or another kind).
    var sample: String? = nil
}

/// The holders of a value in one cluster.
struct HeldIn: Hashable, Sendable {
    /// Cluster number (`c6` is 6).
    var cluster: Int
    /// How many of the value's holders are in it.
    var holders: Int
    /// The cluster's size (1: an account linked to no other).
    var size: Int
}

/// One value tying an operation's clusters, with how many of them hold it.
struct OperationTie: Hashable, Sendable {
    var kind: LinkKind
    var value: Int32
    /// How many of the operation's clusters hold it.
    var clusters: Int
}

/// Everything the query-history sheet shows.
struct QueryDetail: Sendable {
    var rows: [QueryRow]
    /// Queries per hour of day (24 buckets).
    var perHour: [Int]
    /// Every query in scope; `rows` holds the newest of them (nil: all are in `rows`).
    var total: Int? = nil
}

/// How much of the ranking triage shows, so a cut list says so.
struct TriageCounts: Hashable, Sendable {
    /// Linked clusters (two accounts or more) in the ranking, and how many triage lists.
    var linked: Int
    var linkedShown: Int
    /// One-account clusters, and how many triage lists (the top-ranked few).
    var singles: Int
    var singlesShown: Int
}

/// A capped list of accounts and how many there are in all.
struct AccountPage: Sendable {
    var rows: [AccountRow]
    var total: Int
}

/// The data the console browses: an immutable snapshot, safe to read from any thread. The
/// engine adapter (`EngineModel`) and the hand-made fixtures of the tests both conform.
protocol ConsoleModel: AnyObject, Sendable {
    /// `N accounts, M queries, K clusters`.
    var totals: String { get }
    /// What the load left out or kept with a warning (`10 rows skipped, 4 warnings`), or nil
    /// when it kept every row as written.
    var loadIssues: String? { get }
    /// Whether some account's id is exactly these characters (an id's escaped form can be
    /// another account's real id: a look-alike planted beside it).
    func isExactAccountID(_ text: String) -> Bool
    func triage() -> [TriageRow]
    func cluster(_ number: Int) -> ClusterDetail?
    /// An ASCII sketch of how a cluster's members connect, one line each (built on demand).
    func clusterSketch(_ number: Int) -> [SketchLine]
    func account(_ index: Int) -> AccountDetail?
    func sharedValue(_ kind: LinkKind, _ value: Int32) -> SharedValueDetail?
    func queries(_ scope: QueryScope) -> QueryDetail
    /// The id of an account index.
    func accountID(_ index: Int) -> String
    /// The printable text of a value (raw; sanitised when drawn).
    func valueText(_ kind: LinkKind, _ value: Int32) -> String
    /// The account with this id.
    func accountIndex(_ id: String) -> Int?
    /// The value id of a value written as text.
    func valueID(_ kind: LinkKind, _ text: String) -> Int32?
    /// Account ids starting with a prefix, for `:open` completion (at most `limit`).
    func accountIDs(prefix: String, limit: Int) -> [String]
    /// Whether building a sheet may take long enough to do it off the input path.
    func isExpensive(_ kind: SheetKind) -> Bool
    /// Every field of a query row, extra keys included, as display text (may read the source
    /// files: called off the input path).
    func queryRecord(_ row: QueryRow) -> [RecordField]
    /// How much of the ranking `triage()` lists.
    func triageCounts() -> TriageCounts
    /// One-account clusters, highest risk first, up to the current page.
    func singles() -> AccountPage
    /// Grows the page of a capped sheet (query history, singles); false when it was not cut.
    /// Drops the model's memo so the next build is the longer list.
    func showMore(_ kind: SheetKind) -> Bool
    /// The exact bytes of a value (what a tag on it stores).
    func exactValue(_ kind: LinkKind, _ value: Int32) -> ExactText
    /// The cluster as a node-link picture (accounts, the values they share); nil when unknown.
    func clusterGraph(_ number: Int) -> ClusterGraph?
    /// The exact bytes of an account's id (`accountID` is its escaped display form).
    func exactAccountID(_ index: Int) -> ExactText
    /// The account whose id is exactly these bytes.
    func accountIndex(exact id: ExactText) -> Int?
    /// The value of a kind that is exactly these bytes (what `exactValue` gives back).
    func valueID(_ kind: LinkKind, exact value: ExactText) -> Int32?
    /// Who an account fires with. With `build` false only what is already built (nil until
    /// then: the engine's is built off the input path, `Effect.readFiring`).
    func firing(_ account: Int, build: Bool) -> AccountFiring?
    /// Why two accounts are linked, line by line, as `investigate why` says it (empty: not known).
    func pairReasons(_ a: Int, _ b: Int) -> [String]
    /// The clusters a value's holders sit in, most holders first (cheap: no prompt is read).
    func heldIn(_ kind: LinkKind, _ value: Int32) -> [HeldIn]
    /// Values of a kind whose text contains `text` (ASCII case folded), at most `limit`, the most
    /// held first (ties by the value's bytes), and how many there are in all: `:pivot` on a part of a value (`noteweave` for
    /// `noteweave-plugin/3.2.0`) instead of a bare "no such value".
    func values(_ kind: LinkKind, containing text: String, limit: Int) -> (ids: [Int32], total: Int)
    /// How many accounts hold a value, at once (nil: not known without building its sheet):
    /// `:pivot`'s picker says it beside each value.
    func holderCount(_ kind: LinkKind, _ value: Int32) -> Int?
    /// True when `valueID(kind, text)` answers at once (false while a compacted value pool's
    /// lookup table would first be rebuilt: `:pivot` then looks up off the input path).
    func valueLookupIsReady(_ kind: LinkKind) -> Bool
    /// The number of the cluster an account sits in (`c4` is 4), cheaply: triage's tags column
    /// counts the tagged members of each cluster.
    func cluster(ofAccount index: Int) -> Int?
    /// The exact members of cluster `number` (what a cluster tag's entry records, and what it
    /// must still name for the tag to hold: `ClusterTagSources`); nil when there is none.
    func clusterMembers(_ number: Int) -> ClusterMembers?
}

extension ConsoleModel {
    /// The members of the cluster's sheet.
    func clusterMembers(_ number: Int) -> ClusterMembers? {
        cluster(number).map { ClusterMembers(ids: $0.members.map(\.exactID)) }
    }
    /// Whether building a sheet may take long enough to do it off the input path.
    func isExpensive(_ kind: SheetKind) -> Bool { false }
    /// The fields the row itself carries.
    func queryRecord(_ row: QueryRow) -> [RecordField] { RecordBuilder.query(row) }
    /// Everything listed: every cluster is linked.
    func triageCounts() -> TriageCounts {
        let n = triage().count
        return TriageCounts(linked: n, linkedShown: n, singles: 0, singlesShown: 0)
    }
    func singles() -> AccountPage { AccountPage(rows: [], total: 0) }
    func showMore(_ kind: SheetKind) -> Bool { false }
    func exactValue(_ kind: LinkKind, _ value: Int32) -> ExactText { ExactText(valueText(kind, value)) }
    func clusterGraph(_ number: Int) -> ClusterGraph? { nil }
    /// A model with no query times: says so.
    func firing(_ account: Int, build: Bool) -> AccountFiring? { .unknown }
    /// A model with no link evidence: nothing to say.
    func pairReasons(_ a: Int, _ b: Int) -> [String] { [] }
    /// From the value's sheet.
    func heldIn(_ kind: LinkKind, _ value: Int32) -> [HeldIn] { sharedValue(kind, value)?.heldIn ?? [] }
    /// A model with no value pools: none.
    func values(_ kind: LinkKind, containing text: String, limit: Int) -> (ids: [Int32], total: Int) { ([], 0) }
    /// A model with no link index: not known.
    func holderCount(_ kind: LinkKind, _ value: Int32) -> Int? { nil }
    /// A model with no value pools: every lookup answers at once.
    func valueLookupIsReady(_ kind: LinkKind) -> Bool { true }
    /// A model whose ids are plain text: the id itself.
    func exactAccountID(_ index: Int) -> ExactText { ExactText(accountID(index)) }
    /// A model whose ids are plain text: looked up as text.
    func accountIndex(exact id: ExactText) -> Int? { accountIndex(String(decoding: id.bytes, as: UTF8.self)) }
    /// From the account's sheet.
    func cluster(ofAccount index: Int) -> Int? { account(index)?.cluster }
    /// A model whose values are plain text: looked up as text.
    func valueID(_ kind: LinkKind, exact value: ExactText) -> Int32? {
        valueID(kind, String(decoding: value.bytes, as: UTF8.self))
    }
}

extension ConsoleModel {
    /// No load issues unless a model says so.
    var loadIssues: String? { nil }

    /// No account ids to compare with unless a model has them.
    func isExactAccountID(_ text: String) -> Bool { false }
}
