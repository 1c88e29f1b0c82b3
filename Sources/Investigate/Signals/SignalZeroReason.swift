/// Why a signal that is listed adds nothing (or too little to show), in words appended to its
/// explanation, so a breakdown never lists a `0` without saying why: a signal whose value is 0
/// never adds risk; one short of where its scale starts adds nothing; one
/// just past it adds less than the two decimals shown.
public enum SignalZeroReason {
    /// Contributions smaller than this show as `0` (two decimals).
    public static let shown = 0.005

    /// The reason to append (after `; `) to `score`'s explanation, or nil when it adds enough to
    /// show, or its explanation already says why nothing of it counts (`... so 0% of it counts`).
    public static func reason(_ score: SignalScore) -> String? {
        let c = score.contribution
        guard abs(c) < shown else { return nil }
        // A damping whose value is 0 (no harvest content) lowers the risk: said as that, not as
        // "a signal at 0 never adds risk" after "risk damped" (a trial read both on one line).
        if c < 0 { return "lowers the risk too little to show at two decimals (shown as 0): only just past where it starts to count" }
        // An explanation that already ends by saying so (an organisation's payer excused).
        if c == 0 && score.explanation.hasSuffix(": " + SharedInstrumentSignal.notCounted) { return nil }
        if score.value == 0 { return "adds nothing: its value is 0, and a signal at 0 never adds risk" }
        if c > 0 { return "adds too little to show at two decimals (shown as 0): only just past where it starts to count" }
        if score.explanation.hasSuffix("of it counts") || score.explanation.hasSuffix("lowers nothing") { return nil }
        return "adds nothing: short of where it starts to count"
    }

    /// `score` with the reason appended to its explanation (unchanged when there is none); a
    /// signal that lowers the risk by a shown amount says so, unless its words already do ("risk
    /// damped"): "members stay on one subject" alone read to a trial as a reason for suspicion.
    public static func explained(_ score: SignalScore) -> SignalScore {
        if score.contribution <= -shown && !score.explanation.contains("damped") && !score.explanation.contains("lowers") {
            var out = score
            out.explanation += (out.explanation.isEmpty ? "" : "; ") + "this lowers the risk"
            return out
        }
        guard let reason = reason(score) else { return score }
        var out = score
        out.explanation += (out.explanation.isEmpty ? "" : "; ") + reason
        return out
    }
}
