/// How one account's risk is made from its cluster's (`RiskScorer.accountRisk`): the cluster's
/// risk times a weight from 0.7 to 1. The weight is 0.7, plus up to 0.3 as more of the account's
/// own prompts ask for step-by-step reasoning (a share of two thirds or more gives the whole 0.3).
/// An account whose prompts the source does not carry keeps the 0.7 floor.
public struct AccountRiskWeight: Sendable, Equatable {
    /// The floor of the weight: the part every member takes from its cluster.
    public static let floor = 0.7
    /// The most the account's own reasoning prompts add to the weight.
    public static let reasoningPart = 0.3
    /// The reasoning share is counted 1.5 times, so two thirds of prompts give the whole part.
    public static let reasoningScale = 1.5

    /// The risk of the account's cluster.
    public let clusterRisk: Double
    /// Queries of the account that carry a prompt.
    public let prompted: Int
    /// Of those, the ones asking for step-by-step reasoning, rationales or grading.
    public let reasoning: Int

    /// Keeps the parts of an account's risk.
    public init(clusterRisk: Double, prompted: Int, reasoning: Int) {
        self.clusterRisk = clusterRisk
        self.prompted = prompted
        self.reasoning = reasoning
    }

    /// The share of the account's prompts that ask for reasoning (nil: it has none).
    public var reasoningShare: Double? {
        prompted > 0 ? Double(reasoning) / Double(prompted) : nil
    }

    /// The weight in 0.7...1.
    public var weight: Double {
        guard let share = reasoningShare else { return Self.floor }
        return Self.floor + Self.reasoningPart * unit(share * Self.reasoningScale)
    }

    /// The account's risk: `clusterRisk * weight`.
    public var risk: Double { clusterRisk * weight }

    /// The sum, written out so an investigator can redo it:
    /// `0.66 (cluster) x 0.91 = 0.60; weight 0.91 = 0.7 + 0.3 x min(1, 1.5 x 47%): 19 of its 40 prompts ask for step-by-step reasoning`.
    public var explanation: String {
        let head = "\(Self.two(clusterRisk)) (cluster) x \(Self.two(weight)) = \(Self.two(risk))"
        guard let share = reasoningShare else {
            return head + "; weight 0.7: the account sent no prompt to read, so it takes the floor"
        }
        let percent = Int((share * 100).rounded())
        let part = unit(share * Self.reasoningScale)
        let capped = part >= 1 ? " (capped at 1)" : ""
        return head + "; weight \(Self.two(weight)) = 0.7 + 0.3 x min(1, 1.5 x \(percent)%)\(capped): "
            + "\(reasoning) of its \(PairExplanation.count(prompted, "prompt")) "
            + (reasoning == 1 ? "asks" : "ask") + " for step-by-step reasoning"
    }

    private static func two(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        let whole = hundredths / 100, rest = hundredths % 100
        return "\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }
}
