/// Why a pair's verdict and its clusters seem to disagree, for `why`: two linked accounts in
/// different clusters, or two unlinked accounts in one.
public enum PairClusterNote {
    /// A sentence when the verdict and the clusters differ, else nil.
    public static func line(_ evidence: PairEvidence, a: Int, b: Int, in inv: Investigation) -> String? {
        let same = inv.clusterOfAccount[a] == inv.clusterOfAccount[b]
        if same && !evidence.linked {
            let firing = groupFiring(a, b, in: inv).map { "; " + $0 } ?? ""
            if let path = ClusterPath.line(from: a, to: b, in: inv) { return "in one cluster all the same: " + path + firing }
            return "in one cluster all the same: clusters are connected groups of links, and these two are joined "
                + "through other accounts (or one joined the group by firing with it again and again)" + firing
        }
        guard !same && evidence.linked else { return nil }
        // Linked by co-firing that counts a whole link (`EvidenceWeights.countedTiming`): only
        // the pairs timing proposes are compared for it (a trial read "no value they share").
        if let timing = evidence.timing, timing.sittings, inv.weights.countedTiming(timing) >= inv.weights.threshold {
            return "linked by their shared sittings alone, yet in different clusters: sittings are compared for the accounts "
                + "whose active hours fall under one of \(SittingCandidates.bands) keys of their hours (a pair agreeing on three "
                + "quarters of its hours is found 19 times in 20), a key held by \(EvidenceClusterer().blockSize) accounts or fewer; "
                + "this pair was not among them, or its link was one of the few between two groups of \(BridgeCut.minimumSide) or "
                + "more that are cut before clusters form"
        }
        if let timing = evidence.timing, inv.weights.countedTiming(timing) >= inv.weights.threshold {
            return "linked by their timing alone, yet in different clusters: timing compares the accounts that fire in the "
                + "same moments, three or more times; in a moment busier than the population's share only a sample of its "
                + "accounts is compared (the same accounts in every moment), and this pair was not among them, or its link "
                + "was one of the few between two groups of \(BridgeCut.minimumSide) or more that are cut before clusters form"
        }
        let clusterer = EvidenceClusterer()
        let compared = evidence.shared.contains { s in
            s.kind != .modelMix && s.sharedBy <= clusterer.blockSize && !inv.weights.isHub(s.kind, sharedBy: s.sharedBy)
        }
        if compared {
            return "linked, yet in different clusters: this link was one of the few between two groups of "
                + "\(BridgeCut.minimumSide) or more accounts each (the only one, or fewer than a typical member of the "
                + "smaller group keeps inside it), and such links are dropped before clusters form"
        }
        return "linked, yet in different clusters: no value they share put them side by side for comparison. A model mix "
            + "adds evidence but proposes no pairs, and every other value they share is held by more than "
            + "\(clusterer.blockSize) accounts (each holder is compared with \(clusterer.sampledDegree) sampled partners only) "
            + "or is too common to link at all; this pair was not among the sampled ones"
    }

    /// How the lighter of two accounts of one cluster fires with the cluster's other members, when
    /// that is surprising: "u.x fired within 5 s of the cluster's other members in 2 of its 2
    /// bursts; 0.04 expected from their activity in the surrounding hour (+10.6 bits)".
    static func groupFiring(_ a: Int, _ b: Int, in inv: Investigation) -> String? {
        let activity = inv.coActivity
        let light = activity.bursts(of: a).count <= activity.bursts(of: b).count ? a : b
        let all = activity.bursts(of: light)
        let bursts = CoActivity.collapsingClocks(all, windowMs: activity.window)
        guard !bursts.isEmpty else { return nil }
        let cluster = inv.cluster(ofAccount: light)
        let step = max(1, cluster.size / EvidenceClusterer().groupSample)
        var others: [Int64] = []
        for (i, member) in cluster.members.enumerated() where i % step == 0 && Int(member) != light {
            others += activity.bursts(of: Int(member))
        }
        others.sort()
        let (together, expected) = EvidenceClusterer.groupFiring(bursts, others, window: activity.window)
        let bits = EvidenceClusterer.groupFiringBits(together, expected: expected, threshold: inv.weights.threshold)
        guard bits > 0 else { return nil }
        return "\(inv.data.accountExactID(light).display) fired within \(PairExplanation.timingWindowSeconds) s of the cluster's other "
            + "members in \(together) of its \(PairExplanation.count(bursts.count, "burst"))"
            + (bursts.count < all.count ? " (a clock's firings counted once)" : "") + "; "
            + "\(ExpectedCount.text(expected)) expected from their activity in the surrounding hour "
            + "(+\(format1(bits)) bits)"
    }
}
