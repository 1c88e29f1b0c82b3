/// Near-identical prompts: the share of members' prompts in their template families (one
/// scaffold or several alternated), or for three members or more their count against a busy
/// account's prompts when that says more (`volume`), and how many members share the commonest
/// family.
///
/// A template is a harvester's only when its answers are worth taking away: the credit is
/// scaled by the cluster's `HarvestReturn`, as elicited reasoning's is. A course's homework
/// template or a benchmark's items, answered no longer than anyone else's, count little.
///
/// A family is credited only as far as it is the cluster's own (`TemplateFamilyReach`): when the
/// family's holders fall into nearly as many clusters as there are holders (students of one
/// course, users of one plugin), it is public, and a pair of them linked by chance is not an
/// operation. The credit is the family's ownership, the way from "no two holders together" (0) to
/// "all in one cluster" (1); pods of one operation are near 1 (six clusters for 150 holders).
/// A frame family (the words around a reasoning request) links, but is not a template here.
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
            for family in e.index.values(of: Int(m), kind: .template) where !e.index.families.isFrame(family: family) {
                families[family, default: 0] += 1
            }
        }
        let share = weighted / Double(e.prompted)
        let sharedBy = families.values.max() ?? 0
        // Members holding a family another member holds: a ring split into roles (one asks,
        // one critiques, one rewrites) sends a scaffold per role, and each role's family is the
        // ring's own.
        var sharing = 0
        if e.size >= 2 {
            func shares(_ family: Int32) -> Bool { !e.index.families.isFrame(family: family) && families[family, default: 0] >= 2 }
            for m in e.members where e.index.values(of: Int(m), kind: .template).contains(where: shares) { sharing += 1 }
        }
        let spread = e.size >= 2 ? unit(Double(max(sharedBy, sharing)) / Double(e.size)) : 0.5
        let owned = Self.mostOwned(families, sharedBy: sharedBy, e)
        let ownedCredit = owned.map { unit($0.ownership) } ?? 1
        let byShare = unit((share - max(e.population.templateShare, 0.2)) / 0.5)
        let volume = Self.volume(e)
        let above = max(byShare, volume?.templated ?? 0) * spread
        let returned = HarvestReturn(e)
        let contribution = 0.5 * above * returned.credit * ownedCredit
        var explanation = "\(percent(share)) of prompts follow template families (population \(percent(e.population.templateShare))); "
            + (e.size == 1
                ? "one account"
                : sharing > sharedBy
                    ? "\(sharing) of \(e.size) members share a family with another member (\(sharedBy) the commonest)"
                    : "\(sharedBy) of \(e.size) members \(sharedBy == 1 ? "holds" : "share") the commonest")
        if let volume, volume.templated > byShare {
            let busy = e.population.busyPrompts
            let relation = BusyVolume.relation(median: volume.median, busy: busy)
            explanation += "; members sent \(volume.median) templated \(volume.median == 1 ? "prompt" : "prompts") each (median), "
                + "\(relation) the \(Int(busy)) prompts of any kind a busy account sends"
        }
        if above > 0 && returned.credit < 1 { explanation += "; " + returned.explanation }
        if above > 0, ownedCredit < 1, let owned {
            explanation += "; a public family: its \(PairExplanation.grouped(owned.holders)) holders fall in \(PairExplanation.grouped(owned.clusters)) clusters, "
                + "so it counts \(percent(ownedCredit)) (as far as its holders are gathered: all in one cluster counts whole)"
        }
        return SignalScore(
            name: name, value: share, baseline: e.population.templateShare, contribution: contribution,
            explanation: explanation)
    }

    /// What the members' volume of templated prompts is worth before the harvest credit and the
    /// spread, with their median count; nil under three members or without a busy account's
    /// count to read. Read as `ReasoningElicitationSignal` reads its volume (nothing at half of a
    /// busy account's prompts, the whole weight at it): a ring burying its scaffolds in chaff
    /// lowers their share, not how many it sends.
    static func volume(_ e: ClusterEvidence) -> (templated: Double, median: Int)? {
        BusyVolume.read(e) {
            Int((Double(e.index.families.familyShare[Int($0)]) * Double(e.features.prompted[Int($0)])).rounded())
        }.map { ($0.strength, $0.median) }
    }

    /// Of the families the most members hold, the one most the cluster's own (its ownership, holders
    /// and clusters), or nil when there is no reach to read or no family.
    static func mostOwned(_ families: [Int32: Int], sharedBy: Int, _ e: ClusterEvidence)
        -> (ownership: Double, holders: Int, clusters: Int)?
    {
        guard let reach = e.familyReach, sharedBy > 0 else { return nil }
        // Ties go to the lowest family id, so that the explanation is the same on every run.
        var best: (family: Int32, ownership: Double)?
        for (family, held) in families where held == sharedBy && Int(family) < reach.clusters.count {
            let ownership = reach.ownership(of: family, holders: e.index.shareCount(.template, value: family))
            if let known = best, ownership < known.ownership || (ownership == known.ownership && family > known.family) { continue }
            best = (family, ownership)
        }
        guard let best else { return nil }
        return (best.ownership, e.index.shareCount(.template, value: best.family), Int(reach.clusters[Int(best.family)]))
    }
}
