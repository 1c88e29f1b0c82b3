/// Each account's own risk in 0...1: its cluster's risk weighted by how much of the cluster's
/// behaviour it shows (`RiskScorer.accountRisk`), worked out on each read instead of kept.
public struct AccountRisks: RandomAccessCollection, Sendable {
    let scorer: RiskScorer
    let clusterRisks: [Double]
    let clusterOfAccount: [Int32]
    let features: AccountFeatures
    let population: PopulationBaseline

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
}
