/// The order of the triage list. Clusters rated high (risk >= `flagged`) come first, by the
/// ring accounts they are expected to hold (size × risk), so that one 90-account cluster rated
/// 0.6 is not pushed below dozens of 2-account clusters rated 0.7; the rest follow by risk.
/// Ties: risk descending, then size descending, then smallest member ascending.
public enum TriageOrder {
    /// The risk from which a cluster counts as rated high (the console's and the evaluation's bar).
    public static let flagged = 0.5

    /// Whether cluster `a` (its risk, size and smallest member) ranks before cluster `b`.
    public static func before(
        _ a: (risk: Double, size: Int, first: Int32), _ b: (risk: Double, size: Int, first: Int32)
    ) -> Bool {
        let highA = a.risk >= flagged, highB = b.risk >= flagged
        if highA != highB { return highA }
        if highA {
            let ea = a.risk * Double(a.size), eb = b.risk * Double(b.size)
            if ea != eb { return ea > eb }
        }
        if a.risk != b.risk { return a.risk > b.risk }
        if a.size != b.size { return a.size > b.size }
        return a.first < b.first
    }
}
