/// `accounts.csv`'s risks held to how the engine makes them: an account's risk is its
/// cluster's times a weight from 0.7 to 1 (`AccountRiskWeight`), and every account of one
/// cluster gives the same `cluster_risk`. A trial re-signed a bundle that raised one account's
/// risk from 0.31 to 0.99 under its cluster's 0.31, and it verified. The figures are written to
/// the millionth (`JSONValue.decimal`), so each side may be off by half of one.
enum BundleAccountRiskCheck {
    /// How far apart two written figures may be for rounding alone.
    static let rounding = 0.000_002

    /// One line per row whose risk cannot be its cluster's, in row order.
    static func problems(_ accounts: BundleAccountsCheck) -> [String] {
        var found: [String] = []
        var firstOfCluster: [String: (row: Int, risk: String)] = [:]
        for (id, row) in accounts.rows.sorted(by: { $0.value.row < $1.value.row }) where row.inSource {
            let place = "\(BundleAccountsCheck.file): row \(row.row) (account \(BundleCaseFacts.shown(id)))"
            guard let risk = Double(row.risk), let clusterRisk = Double(row.clusterRisk), (0...1).contains(clusterRisk) else {
                found.append("\(place): risk or cluster_risk is not a number from 0 to 1")
                continue
            }
            let low = clusterRisk * AccountRiskWeight.floor - rounding, high = clusterRisk + rounding
            if risk < low || risk > high {
                found.append(
                    "\(place): risk \(shown(row.risk)) is not its cluster's \(shown(row.clusterRisk)) times a weight from "
                        + "\(AccountRiskWeight.floor) to 1: this file was altered")
            }
            if let first = firstOfCluster[row.cluster], first.risk != row.clusterRisk {
                found.append(
                    "\(place): cluster_risk \(shown(row.clusterRisk)) of cluster \(shown(row.cluster)) differs from row "
                        + "\(first.row)'s \(shown(first.risk)) for the same cluster")
            } else if firstOfCluster[row.cluster] == nil {
                firstOfCluster[row.cluster] = (row.row, row.clusterRisk)
            }
        }
        return found
    }

    private static func shown(_ cell: String) -> String { TextEscaping.visible(cell, limit: 40) }
}
