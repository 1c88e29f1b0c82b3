/// Risks as people read them: two decimals (`0.93`), rounded, except that a risk under the
/// flag bar (`TriageOrder.flagged`) never reads as the bar: 0.497 shows as `0.49`, not `0.50`,
/// so a cluster that reads as rated 0.5 or more is one (triage, `evaluate` and the bundle agree).
public enum RiskText {
    /// `0.93`; `1.00` at most, `0.00` at least (and for a value that is not a number).
    public static func twoDecimals(_ value: Double) -> String {
        guard value.isFinite else { return "0.00" }
        let clamped = max(0, min(1, value))
        var hundredths = Int((clamped * 100).rounded())
        let bar = Int((TriageOrder.flagged * 100).rounded())
        if clamped < TriageOrder.flagged, hundredths >= bar { hundredths = bar - 1 }
        let fraction = hundredths % 100
        return String(hundredths / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
