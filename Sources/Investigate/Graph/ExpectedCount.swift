/// How an expected count of firings together (or of co-firings) is printed, one rule wherever
/// one is: the pair's "why", an account's timing partners (CLI and console), the
/// coordinated_firing signal's explanation. At most two decimals, trailing zeros dropped
/// (`0.17`, `1.2`, `14`), as every explanation and the report print numbers; a count above 0
/// that two decimals would show as 0 is `under 0.01`, never `0` (a trial read `0.087`, `0.09`
/// and `0.1` for counts of one kind in three places).
public enum ExpectedCount {
    /// `0.17`, `1.2`, `14`, `2,264.93`, `under 0.01` (`<0.01` when `compact`, for a table's column), `0`.
    public static func text(_ x: Double, compact: Bool = false) -> String {
        guard x.isFinite, x > 0 else { return "0" }
        let hundredths = (x * 100).rounded()
        if hundredths == 0 { return compact ? "<0.01" : "under 0.01" }
        let whole = Int(hundredths) / 100, rest = Int(hundredths) % 100
        // Thousands grouped as the counts beside it are ("92,915 times; 2,264.93 expected").
        let wholeText = PairExplanation.grouped(whole)
        if rest == 0 { return wholeText }
        return "\(wholeText)." + (rest % 10 == 0 ? String(rest / 10) : (rest < 10 ? "0" : "") + String(rest))
    }
}
