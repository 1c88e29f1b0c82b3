/// Each account's own risk in 0...1: its cluster's risk weighted by how much of the cluster's
/// behaviour it shows (`RiskScorer.accountRisk`). Worked out when read, in constant time, from
/// what the investigation keeps anyway (the cluster risks, each account's cluster and its
/// features), so no per-account column is held.
public struct AccountRisks: RandomAccessCollection, Sendable {
    private let scorer: RiskScorer
    private let clusterRisks: [Double]
    private let clusterOfAccount: [Int32]
    private let features: AccountFeatures
    private let population: PopulationBaseline

    /// Keeps what an account's risk is worked out from.
    init(
        scorer: RiskScorer, clusterRisks: [Double], clusterOfAccount: [Int32], features: AccountFeatures,
        population: PopulationBaseline
    ) {
        self.scorer = scorer
        self.clusterRisks = clusterRisks
        self.clusterOfAccount = clusterOfAccount
        self.features = features
        self.population = population
    }

    /// The first account.
    public var startIndex: Int { 0 }
    /// The number of accounts.
    public var endIndex: Int { clusterOfAccount.count }

    /// The risk of `account`.
    /// - Complexity: O(1).
    public subscript(account: Int) -> Double {
        scorer.accountRisk(
            account: account, clusterRisk: clusterRisks[Int(clusterOfAccount[account])], features: features,
            population: population)
    }

    /// How the risk of `account` is made from its cluster's.
    /// - Complexity: O(1).
    public func weight(of account: Int) -> AccountRiskWeight {
        scorer.accountRiskWeight(
            account: account, clusterRisk: clusterRisks[Int(clusterOfAccount[account])], features: features)
    }
}
