/// How one account's risk is made from its cluster's (`RiskScorer.accountRisk`): the cluster's
/// risk times a weight from 0.7 to 1, for how much of its cluster's behaviour the account shows.
/// The behaviour read is asking for step-by-step reasoning: the weight is 1, less 0.3 times the
/// amount by which the account's share of such prompts falls short of its cluster's (a member
/// asking as often as its cluster, or more, gets 1; one that never asks, in a cluster that always
/// does, gets 0.7; a lone account is its own cluster and gets 1). An account whose prompts the
/// source does not carry keeps the 0.7 floor. So a typical member of a cluster rated 0.5 or more
/// is rated as its cluster is.
public struct AccountRiskWeight: Sendable, Equatable {
    /// The floor of the weight: the part every member takes from its cluster.
    public static let floor = 0.7
    /// The most the account's own prompts add to the weight.
    public static let behaviourPart = 0.3

    /// The risk of the account's cluster.
    public let clusterRisk: Double
    /// Queries of the account that carry a prompt (its text, or only its fingerprint).
    public let prompted: Int
    /// Of those, the ones asking for step-by-step reasoning, rationales or grading.
    public let reasoning: Int
    /// The same share across the whole cluster (nil: no member carries a prompt).
    public let clusterShare: Double?

    /// Keeps the parts of an account's risk.
    public init(clusterRisk: Double, prompted: Int, reasoning: Int, clusterShare: Double?) {
        self.clusterRisk = clusterRisk
        self.prompted = prompted
        self.reasoning = reasoning
        self.clusterShare = clusterShare
    }

    /// The share of the account's prompts that ask for reasoning (nil: it has none).
    public var reasoningShare: Double? {
        prompted > 0 ? Double(reasoning) / Double(prompted) : nil
    }

    /// How far the account's share falls short of its cluster's, in 0...1 (nil: no prompts).
    public var shortfall: Double? {
        guard let share = reasoningShare else { return nil }
        return unit((clusterShare ?? share) - share)
    }

    /// The weight in 0.7...1.
    public var weight: Double {
        guard let shortfall else { return Self.floor }
        return 1 - Self.behaviourPart * shortfall
    }

    /// The account's risk: `clusterRisk * weight`.
    public var risk: Double { clusterRisk * weight }

    /// The sum, written out so an investigator can redo it, to four places so the product of
    /// the shown numbers is the shown risk:
    /// `0.6025 (cluster) x 0.8100 = 0.4880; weight 0.8100 = 1 - 0.3 x (94% - 31%): 5 of its 16 queries with a prompt ask for step-by-step reasoning, 94% across its cluster`,
    /// or, where the weight is 1, `0.6025 (cluster) x 1.0000 = 0.6025; weight 1: the account takes its cluster's risk`.
    /// A query counts when it carries a prompt's text or only its fingerprint (which cannot show
    /// reasoning).
    public var explanation: String {
        let head = "\(Self.four(clusterRisk)) (cluster) x \(Self.four(weight)) = \(Self.four(risk))"
        guard let share = reasoningShare, let shortfall else {
            return head + "; weight 0.7: the account sent no prompt to read, so it takes the floor"
        }
        // A weight of 1 adds nothing: said plainly, without the prompts that do not move it
        // (a trial read "5 of its 16 queries ... ask for step-by-step reasoning" beside weight 1).
        guard shortfall > 0 else { return head + "; weight 1: the account takes its cluster's risk" }
        let own = "\(reasoning) of its \(PairExplanation.grouped(prompted)) \(prompted == 1 ? "query" : "queries") with a prompt "
            + (reasoning == 1 ? "asks" : "ask") + " for step-by-step reasoning"
        let cluster = clusterShare ?? share
        return head + "; weight \(Self.four(weight)) = 1 - 0.3 x (\(Self.share(cluster)) - \(Self.share(share))): "
            + own + ", \(Self.share(cluster)) across its cluster"
    }

    /// A share as a percentage, a tenth of a point below 10% (`0.2%`, `31%`), so a small
    /// difference is not shown as `0% - 0%`.
    private static func share(_ x: Double) -> String {
        if x > 0 && x < 0.1 {
            let tenths = Int((x * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10)%"
        }
        return percent(x)
    }

    /// Four decimals (`0.5065`).
    private static func four(_ x: Double) -> String {
        let units = Int((x * 10_000).rounded())
        let whole = units / 10_000, rest = units % 10_000
        return "\(whole)." + String(repeating: "0", count: 4 - String(rest).count) + String(rest)
    }
}
