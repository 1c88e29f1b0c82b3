import Investigate

/// One ranked cluster on the triage sheet.
struct TriageRow: Hashable, Sendable {
    /// Cluster number (`c17` is 17).
    var cluster: Int
    var risk: Double
    var size: Int
    /// The strongest link kinds, strongest first (`payment`, `ip`...).
    var strongestKinds: [String]
    /// Top signal names.
    var topSignals: [String]
    /// A few member account ids, highest risk first.
    var sampleAccounts: [String]
    var tags: [String] = []
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
}

/// Everything the cluster sheet shows.
struct ClusterDetail: Sendable {
    var cluster: Int
    var risk: Double
    var members: [AccountRow]
    var kindCounts: [(kind: String, count: Int)]
    /// Queries per day across the cluster.
    var timeline: [Int]
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
}

/// Everything the query-history sheet shows.
struct QueryDetail: Sendable {
    var rows: [QueryRow]
    /// Queries per hour of day (24 buckets).
    var perHour: [Int]
}

/// The data the console browses: an immutable snapshot, safe to read from any thread. The
/// engine adapter (`EngineModel`) and the hand-made fixtures of the tests both conform.
protocol ConsoleModel: AnyObject, Sendable {
    /// `N accounts, M queries, K clusters`.
    var totals: String { get }
    func triage() -> [TriageRow]
    func cluster(_ number: Int) -> ClusterDetail?
    /// An ASCII sketch of how a cluster's members connect, one line each (built on demand).
    func clusterSketch(_ number: Int) -> [String]
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
}

extension ConsoleModel {
    /// Whether building a sheet may take long enough to do it off the input path.
    func isExpensive(_ kind: SheetKind) -> Bool { false }
}
