/// The accounts that use a category, read from the population: how much of their traffic a
/// category's own users give it.
///
/// A subject is a category its users visit among others (students ask about math, and about
/// other things too); a label whose users spend most of their traffic in it, such as a
/// classifier's fallback given to every prompt it cannot place, says no more about a cluster
/// that sits in it than about any of its users. `OneSubjectSignal` reads a cluster against the
/// category's other holders for that reason, never against the label's name.
enum CategoryHolders {
    /// For each category, the labelled queries of the accounts holding at least one query in it.
    /// - Complexity: O(queries), with one array of `categories` entries.
    static func labelledQueries(queries q: QueryTable, accounts: Int, categories: Int) -> [Int] {
        var holderQueries = [Int](repeating: 0, count: categories)
        guard categories > 0 else { return holderQueries }
        // The last account counted for each category, so an account is added once per category.
        var lastHolder = [Int32](repeating: -1, count: categories)
        var held: [Int] = []
        for account in 0..<accounts {
            held.removeAll(keepingCapacity: true)
            var labelled = 0
            for row in q.rows(of: account) {
                let c = Int(q.category(row))
                guard c >= 0 && c < categories else { continue }
                labelled += 1
                if lastHolder[c] != Int32(account) {
                    lastHolder[c] = Int32(account)
                    held.append(c)
                }
            }
            for c in held { holderQueries[c] += labelled }
        }
        return holderQueries
    }

    /// The share of their labelled queries that the *other* holders of `category` (accounts
    /// outside the cluster) give it, or nil when they hold fewer than `floor` labelled queries
    /// (then nothing but the population's share describes the category).
    /// - Parameters:
    ///   - clusterQueries: the cluster's queries in the category.
    ///   - clusterHolderQueries: the labelled queries of the cluster's members holding it.
    static func otherHoldersShare(
        of category: Int, population: PopulationBaseline, clusterQueries: Int, clusterHolderQueries: Int, floor: Int = 20
    ) -> Double? {
        guard category >= 0, category < population.categoryQueries.count,
            category < population.categoryHolderQueries.count
        else { return nil }
        let inCategory = population.categoryQueries[category] - clusterQueries
        let labelled = population.categoryHolderQueries[category] - clusterHolderQueries
        guard labelled >= floor, inCategory > 0, inCategory <= labelled else { return nil }
        return Double(inCategory) / Double(labelled)
    }
}
