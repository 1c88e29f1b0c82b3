/// One subject lowers risk: members' queries packed into one category far more than the
/// population's queries are (distillation sweeps capabilities; a course or a team sticks to its
/// subject).
///
/// The measure is the share of the cluster's labelled queries in its commonest category, read
/// against that category's share of all the population's labelled queries (plus two standard
/// deviations for a sample of the cluster's size), as a fraction of the most it could be above
/// it. Both sides pool queries: a cluster is many accounts' queries together, so it is compared
/// with the population's queries together, not with a typical account (one account with a few
/// queries has one category, and would make every cluster look broad).
///
/// A category is a subject only as far as its own users visit it among other things: the bar is
/// the higher of its share of the population's queries and its share of its other holders'
/// queries (`CategoryHolders`; accounts outside the cluster sending at least one query in it). A
/// label whose other users give it most of their traffic (a classifier's fallback, which 12's
/// upstream labels "general" and its rings and wrappers land in) lowers nothing when the cluster
/// gives it no more.
public struct OneSubjectSignal: DetectionSignal {
    public let name = "one_subject"
    /// Creates the signal.
    public init() {}

    public func measure(_ e: ClusterEvidence) -> SignalScore? {
        guard e.size >= 3, e.queries >= 20 else { return nil }
        let q = e.index.data.queries
        var counts = [Int](repeating: 0, count: e.index.data.pools.categories.count)
        guard counts.count >= 2 else { return nil }
        for m in e.members {
            for i in q.rows(of: Int(m)) {
                let c = q.category(i)
                if c >= 0 && Int(c) < counts.count { counts[Int(c)] += 1 }
            }
        }
        // Sample-size floor (design): a subject is read from at least 20 labelled queries; rows
        // without a category say nothing about how narrow a cluster is.
        let labelled = counts.reduce(0, +)
        guard labelled >= 20 else { return nil }
        let top = counts.enumerated().max { $0.element < $1.element }!
        let share = Double(top.element) / Double(labelled)
        let populationShare = top.offset < e.population.categoryShares.count ? e.population.categoryShares[top.offset] : 0
        let holdersShare = Self.otherHoldersShare(of: top.offset, in: e)
        let base = max(populationShare, holdersShare ?? 0)
        let chance = min(1, base + 2 * (base * (1 - base) / Double(labelled)).squareRoot())
        guard share > chance, chance > 0, chance < 1 else { return nil }
        let contribution = -0.15 * unit((share - chance) / (1 - chance))
        guard contribution < 0 else { return nil }
        return SignalScore(
            name: name, value: share, baseline: base, contribution: contribution,
            explanation: "members \(share >= 0.5 ? "stay on" : "lean to") one subject: \(percent(share)) of queries in "
                + "\(e.index.data.pools.categories.string(Int32(top.offset))) "
                + (holdersShare.map { $0 > populationShare } == true
                    ? "(\(percent(base)) of the queries of other accounts that use it)"
                    : "(\(percent(base)) of the population's queries)"))
    }

    /// The share of their labelled queries that accounts outside the cluster holding `category`
    /// give it (nil when they are too few to say).
    static func otherHoldersShare(of category: Int, in e: ClusterEvidence) -> Double? {
        let q = e.index.data.queries
        var inCategory = 0, holderLabelled = 0
        for m in e.members {
            var mine = 0, labelled = 0
            for i in q.rows(of: Int(m)) {
                let c = Int(q.category(i))
                guard c >= 0 && c < e.population.categoryQueries.count else { continue }
                labelled += 1
                if c == category { mine += 1 }
            }
            if mine > 0 {
                inCategory += mine
                holderLabelled += labelled
            }
        }
        return CategoryHolders.otherHoldersShare(
            of: category, population: e.population, clusterQueries: inCategory, clusterHolderQueries: holderLabelled)
    }
}
