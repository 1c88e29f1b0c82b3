import Foundation

/// How a risk breakdown's contributions make the risk, in the engine's terms (`RiskScorer`):
/// a cluster's risk is `1 - exp(-S)`, S the sum of every contribution (the small-output gate's
/// damping included), floored at 0; an account's is its cluster's times a weight from 0.7 to 1
/// (0.7, plus up to 0.3 as more of its prompts elicit reasoning). Worked out from the rows shown,
/// and checked against the risk the engine gave: a difference is said, never hidden.
enum RiskFormula {
    /// `risk = 1 - exp(-sum of contributions) = 1 - exp(-1.73) = 0.82`.
    static func cluster(_ signals: [SignalRow], risk: Double) -> String {
        let sum = signals.reduce(0) { $0 + $1.contribution }
        let floored = max(0, sum)
        let computed = 1 - exp(-floored)
        var text = "risk = 1 - exp(-sum of contributions) = 1 - exp(-\(exponent(floored))) = \(Format.risk(computed))"
        if sum < 0 { text += " (the sum, \(number(sum)), is floored at 0)" }
        if abs(computed - risk) >= 0.005 { text += "; the engine gave \(Format.risk(risk)): its formula differs from this one" }
        return text
    }

    /// The cluster's line, then the account's weight:
    /// `...; this account = cluster risk 0.82 x 0.91 = 0.75 (x 0.7 to 1: more reasoning prompts, more)`.
    /// `weightReason` is the engine's own account of the weight (`AccountRiskWeight.explanation`);
    /// without one, the weight's range is said.
    static func account(_ signals: [SignalRow], clusterRisk: Double, accountRisk: Double, weightReason: String? = nil) -> String {
        let base = "cluster " + cluster(signals, risk: clusterRisk)
        // The engine's own sum, when known, said once (the weight and why it is what it is).
        if let weightReason { return base + "; this account = " + weightReason }
        guard clusterRisk > 0 else { return base + "; this account = cluster risk x 0.7 to 1 = \(Format.risk(accountRisk))" }
        let weight = accountRisk / clusterRisk
        return base + "; this account = cluster risk \(product(clusterRisk, weight, accountRisk))"
            + " (weight 0.7 to 1: 0.7, plus up to 0.3 as more of its prompts elicit reasoning)"
    }

    /// `account` in a pane's one line at 80 columns, the sums without the words: `cluster risk
    /// 1 - exp(-1.57) = 0.79; this account 0.7914 x 0.7107 = 0.5625` (16b's read `...= 0.79;
    /// this acc…`, the account's own part cut; Enter shows the whole). A cluster risk the rows
    /// do not give is said as the engine's, with what the rows give.
    static func accountShort(_ signals: [SignalRow], clusterRisk: Double, accountRisk: Double, weightReason: String? = nil) -> String {
        let floored = max(0, signals.reduce(0) { $0 + $1.contribution })
        let computed = 1 - exp(-floored)
        let text = abs(computed - clusterRisk) >= 0.005
            ? "cluster risk \(Format.risk(clusterRisk)) (the rows give \(Format.risk(computed)))"
            : "cluster risk 1 - exp(-\(exponent(floored))) = \(Format.risk(computed))"
        let own = clusterRisk > 0 ? product(clusterRisk, accountRisk / clusterRisk, accountRisk)
            : "\(Format.risk(clusterRisk)) x 0.7 to 1 = \(Format.risk(accountRisk))"
        return text + "; this account " + (weightReason.map(sum) ?? own)
    }

    /// The sum at the head of `AccountRiskWeight.explanation` without the parts' names or why
    /// the weight is what it is: `0.6025 x 0.8108 = 0.4885`.
    static func sum(_ weightReason: String) -> String {
        let head = weightReason.range(of: "; ").map { String(weightReason[..<$0.lowerBound]) } ?? weightReason
        return head.replacingOccurrences(of: " (cluster)", with: "")
    }

    /// The sum in `1 - exp(-sum)` to two decimals, or as many more as make the line's own
    /// arithmetic hold at the precision shown: a sum of 0.4851 read `1 - exp(-0.49) = 0.38`
    /// (1 - exp(-0.49) is 0.387), so it is said `1 - exp(-0.485) = 0.38`.
    static func exponent(_ sum: Double) -> String {
        let shown = Format.risk(1 - exp(-sum))
        return enough(sum) { Format.risk(1 - exp(-$0)) == shown }
    }

    /// `risk x weight = product` with the risk and the weight to two decimals, or both to as
    /// many more as make their product round to the product shown (`0.82 x 0.70` is 0.574, not
    /// the 0.58 that 0.8227 x 0.7 gives: that is said `0.8227 x 0.7000 = 0.58`).
    static func product(_ risk: Double, _ weight: Double, _ product: Double) -> String {
        let shown = Format.risk(product)
        for digits in 2...6 {
            let r = String(format: "%.\(digits)f", risk), w = String(format: "%.\(digits)f", weight)
            if let x = Double(r), let y = Double(w), Format.risk(x * y) == shown { return "\(r) x \(w) = \(shown)" }
        }
        return String(format: "%.6f x %.6f = ", risk, weight) + shown
    }

    /// `value` to two decimals when `holds` accepts the two-decimal figure, else to the fewest
    /// more (up to six) that it accepts.
    static func enough(_ value: Double, holds: (Double) -> Bool) -> String {
        for digits in 2...6 {
            let text = String(format: "%.\(digits)f", value)
            if let shown = Double(text), holds(shown) { return text }
        }
        return String(format: "%.6f", value)
    }

    /// Two decimals (`1.73`, `-0.20`).
    static func number(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
