/// Near-identical prompts: the share of members' prompts in their template families (one
/// scaffold or several alternated), and how many members share the commonest family.
///
/// A template is a harvester's only when its answers are worth taking away: the credit is
/// scaled by the cluster's `HarvestReturn`, as elicited reasoning's is. A course's homework
/// template or a benchmark's items, answered no longer than anyone else's, count little.
public struct TemplateFamilySignal: DetectionSignal {
    public let name = "template_share"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        // Sample-size floor (design): a family share from fewer prompts is noise.
        guard e.prompted >= 20 else { return nil }
        var weighted = 0.0
        var families: [Int32: Int] = [:]
        for m in e.members {
            let prompted = Double(e.features.prompted[Int(m)])
            weighted += Double(e.index.families.familyShare[Int(m)]) * prompted
            for family in e.index.values(of: Int(m), kind: .template) { families[family, default: 0] += 1 }
        }
        let share = weighted / Double(e.prompted)
        let sharedBy = families.values.max() ?? 0
        let spread = e.size >= 2 ? unit(Double(sharedBy) / Double(e.size)) : 0.5
        let above = unit((share - max(e.population.templateShare, 0.2)) / 0.5) * spread
        let returned = HarvestReturn(e)
        let contribution = 0.5 * above * returned.credit
        var explanation = "\(percent(share)) of prompts follow template families (population \(percent(e.population.templateShare))); "
            + (e.size == 1 ? "one account" : "\(sharedBy) of \(e.size) members \(sharedBy == 1 ? "holds" : "share") the commonest")
        if above > 0 && returned.credit < 1 { explanation += "; " + returned.explanation }
        return SignalScore(
            name: name, value: share, baseline: e.population.templateShare, contribution: contribution,
            explanation: explanation)
    }
}
