/// The per-account features and the population's baseline, held once for every cluster a
/// ranking scores: each cluster's evidence keeps a reference to them rather than copies (a copy
/// retains and releases each of their few dozen columns, and at 10M queries that was about two
/// fifths of scoring a million clusters).
public final class EvidenceColumns: Sendable {
    /// Per-account features.
    public let features: AccountFeatures
    /// Population figures.
    public let population: PopulationBaseline

    /// Holds `features` and `population`.
    public init(features: AccountFeatures, population: PopulationBaseline) {
        (self.features, self.population) = (features, population)
    }
}

/// What one cluster's signals read: its members, their features and sums over them.
public struct ClusterEvidence {
    /// Member account indices.
    public let members: [Int32]
    /// Distinct values shared by two or more members, per kind.
    public let links: [LinkKind: Int]
    /// The features and baseline, shared with the ranking's other clusters.
    private let columns: EvidenceColumns
    /// Per-account features (read in place, not copied).
    public var features: AccountFeatures { _read { yield columns.features } }
    /// Population figures (read in place, not copied).
    public var population: PopulationBaseline { _read { yield columns.population } }
    /// The link index (and through it, the data).
    public let index: LinkIndex
    /// Members' firings, for timing signals (nil when not measured).
    public let coActivity: CoActivity?
    /// How each template family's holders fall into clusters (nil when not measured: every
    /// family then counts as its holders' own).
    public let familyReach: TemplateFamilyReach?
    /// The members that changed hands (bought or taken-over accounts; none under three members).
    public let handover: MemberHandover
    /// Queries of all members.
    public let queries: Int
    /// Prompted queries of all members.
    public let prompted: Int
    /// Output tokens of all members.
    public let outputTokens: Int64
    /// Input tokens of all members.
    public let inputTokens: Int64
    /// The members' queries that ask for reasoning (`PromptDigest.Flags.reasoning`), with their
    /// output and input tokens: what a harvest takes away, read apart from whatever else the
    /// members send (`HarvestReturn`).
    public let reasoningRows: ReasoningRows

    /// Sums the members' features.
    public init(
        members: [Int32], links: [LinkKind: Int], features: AccountFeatures, population: PopulationBaseline,
        index: LinkIndex, coActivity: CoActivity? = nil, familyReach: TemplateFamilyReach? = nil
    ) {
        self.init(
            members: members, links: links, columns: EvidenceColumns(features: features, population: population), index: index,
            coActivity: coActivity, familyReach: familyReach)
    }

    /// Sums the members' features, read from `columns` (a ranking's, shared by its clusters).
    init(
        members: [Int32], links: [LinkKind: Int], columns: EvidenceColumns, index: LinkIndex, coActivity: CoActivity?,
        familyReach: TemplateFamilyReach?
    ) {
        self.coActivity = coActivity
        self.familyReach = familyReach
        self.members = members
        self.links = links
        self.columns = columns
        self.index = index
        (queries, prompted, outputTokens, inputTokens) = Self.sums(of: members, columns.features)
        reasoningRows = ReasoningRows(members: members, features: columns.features, queries: index.data.queries)
        handover = MemberHandover(members: members, index: index)
    }

    /// The members' queries, prompted queries, output and input tokens (`features` passed in,
    /// borrowed, not copied).
    private static func sums(of members: [Int32], _ features: AccountFeatures) -> (Int, Int, Int64, Int64) {
        var queries = 0, prompted = 0
        var output: Int64 = 0, input: Int64 = 0
        for m in members {
            queries += Int(features.queries[Int(m)])
            prompted += Int(features.prompted[Int(m)])
            output += features.outputTokens[Int(m)]
            input += features.inputTokens[Int(m)]
        }
        return (queries, prompted, output, input)
    }

    /// The number of members.
    public var size: Int { members.count }
}

/// A cluster's queries that ask for reasoning, summed: only members that sent one are read.
public struct ReasoningRows: Sendable {
    /// Queries asking for reasoning.
    public var count = 0
    /// Their output tokens.
    public var outputTokens: Int64 = 0
    /// Their input tokens.
    public var inputTokens: Int64 = 0

    /// Sums the reasoning queries of `members` (`features` borrowed: an initializer would
    /// otherwise take, and so copy, every column of it).
    init(members: [Int32], features: borrowing AccountFeatures, queries q: QueryTable) {
        for m in members where features.reasoning[Int(m)] > 0 {
            for row in q.rows(of: Int(m)) where q.promptFlags(row) & PromptDigest.Flags.reasoning != 0 {
                count += 1
                outputTokens += Int64(q.outputTokens(row))
                inputTokens += Int64(q.inputTokens(row))
            }
        }
    }
}

/// One explainable detection signal: measures a cluster and says how much that adds to risk.
public protocol DetectionSignal: Sendable {
    /// The signal's name in reports.
    var name: String { get }
    /// The score, or nil when the signal does not apply (too few queries or members).
    func measure(_ evidence: ClusterEvidence) -> SignalScore?
}

/// Clamps to 0...1.
@inline(__always)
func unit(_ x: Double) -> Double { max(0, min(1, x)) }

/// Formats a fraction as a percentage for explanations.
func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
