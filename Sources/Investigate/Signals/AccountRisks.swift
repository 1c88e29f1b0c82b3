/// Each account's own risk in 0...1: its cluster's risk weighted by how much of the cluster's
/// behaviour it shows (`RiskScorer.accountRisk`, `AccountRiskWeight`). Worked out when read, in
/// near-constant time, from what the investigation keeps anyway (the cluster risks, each account's
/// cluster and its features), plus each linked cluster's share of reasoning prompts (a lone
/// account's share is its own), so no per-account column is held.
public struct AccountRisks: RandomAccessCollection, Sendable {
    private let scorer: RiskScorer
    private let clusterRisks: RankRisks
    private let clusterOfAccount: [Int32]
    private let features: AccountFeatures
    /// Reasoning prompts over prompted queries, for each cluster of two accounts or more.
    private let clusterShares: [Int32: Double]

    /// Keeps what an account's risk is worked out from; `members` lists a cluster's accounts.
    init(
        scorer: RiskScorer, clusterRisks: RankRisks, clusterOfAccount: [Int32], features: AccountFeatures,
        clusterCount: Int, members: (Int) -> ArraySlice<Int32>
    ) {
        self.scorer = scorer
        self.clusterRisks = clusterRisks
        self.clusterOfAccount = clusterOfAccount
        self.features = features
        var shares: [Int32: Double] = [:]
        for cluster in 0..<clusterCount {
            let accounts = members(cluster)
            guard accounts.count > 1 else { continue }
            var prompted = 0, reasoning = 0
            for a in accounts {
                prompted += Int(features.prompted[Int(a)])
                reasoning += Int(features.reasoning[Int(a)])
            }
            if prompted > 0 { shares[Int32(cluster)] = Double(reasoning) / Double(prompted) }
        }
        clusterShares = shares
    }

    /// The first account.
    public var startIndex: Int { 0 }
    /// The number of accounts.
    public var endIndex: Int { clusterOfAccount.count }

    /// The risk of `account`.
    /// - Complexity: O(log runs of equal cluster risks) (`RankRisks`).
    public subscript(account: Int) -> Double {
        weight(of: account).risk
    }

    /// How the risk of `account` is made from its cluster's.
    /// - Complexity: O(log runs of equal cluster risks) (`RankRisks`).
    public func weight(of account: Int) -> AccountRiskWeight {
        let cluster = clusterOfAccount[account]
        let prompted = features.prompted[account]
        // A lone account is its own cluster: its share is the cluster's.
        let share = clusterShares[cluster]
            ?? (prompted > 0 ? Double(features.reasoning[account]) / Double(prompted) : nil)
        return scorer.accountRiskWeight(
            account: account, clusterRisk: clusterRisks[Int(cluster)], clusterShare: share, features: features)
    }
}
