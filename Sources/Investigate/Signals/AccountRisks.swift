/// Each account's own risk in 0...1: its cluster's risk weighted by how much of the cluster's
/// behaviour it shows (`RiskScorer.accountRisk`). Worked out once for every account (8 bytes
/// each): the console sorts a cluster's members by it, which reads each many times.
public struct AccountRisks: RandomAccessCollection, Sendable {
    private let values: [Double]

    /// Scores every account.
    init(
        scorer: RiskScorer, clusterRisks: [Double], clusterOfAccount: [Int32], features: AccountFeatures,
        population: PopulationBaseline
    ) {
        values = (0..<clusterOfAccount.count).map { account in
            scorer.accountRisk(
                account: account, clusterRisk: clusterRisks[Int(clusterOfAccount[account])], features: features,
                population: population)
        }
    }

    /// The first account.
    public var startIndex: Int { 0 }
    /// The number of accounts.
    public var endIndex: Int { values.count }

    /// The risk of `account`.
    /// - Complexity: O(1).
    public subscript(account: Int) -> Double { values[account] }
}
