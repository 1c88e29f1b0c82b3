import Foundation
import Testing
@testable import Investigate

/// Session 32's trial re-signed a bundle whose `accounts.csv` raised one account's risk from
/// 0.31 to 0.99 under its cluster's 0.31 (with the enforcement reason and the graph edited to
/// match), and it verified: no account's risk can pass its cluster's, nor fall under 0.7 of it.
@Suite struct BundleAccountRiskCheckTests {
    typealias Setup = BundleCrossCheckTests.Setup

    /// The fixture's accounts.csv rows, as (line, cluster, cluster_risk, risk).
    static func rows(_ s: Setup) throws -> [(line: String, cluster: String, clusterRisk: String, risk: String)] {
        let table = try BundleCSVRows(s.f.files["accounts.csv"]!, header: AccountsCSVFile.header, file: "accounts.csv")
        let column = Dictionary(uniqueKeysWithValues: AccountsCSVFile.header.enumerated().map { ($1, $0) })
        let lines = String(decoding: s.f.files["accounts.csv"]!, as: UTF8.self).components(separatedBy: "\r\n")
        return table.rows.enumerated().compactMap { i, cells in
            guard cells[column["in_source"]!] == "true" else { return nil }
            return (lines[i + 1], cells[column["cluster"]!], cells[column["cluster_risk"]!], cells[column["risk"]!])
        }
    }

    @Test func aRiskOverItsClustersOrUnderSevenTenthsOfItIsRefused() throws {
        let s = try Setup()
        let row = try #require(try Self.rows(s).first { (Double($0.clusterRisk) ?? 0) > 0.1 && !$0.line.contains("\"") })
        let clusterRisk = try #require(Double(row.clusterRisk))
        for risk in [JSONValue.decimal(min(1, clusterRisk + 0.01)), JSONValue.decimal(clusterRisk * 0.69)] {
            let edited = row.line.replacingOccurrences(of: ",\(row.clusterRisk),\(row.risk),", with: ",\(row.clusterRisk),\(risk),")
            #expect(edited != row.line || clusterRisk + 0.01 > 1)
            guard edited != row.line else { continue }
            let report = try s.verify("accounts.csv") { $0.replacingOccurrences(of: row.line, with: edited) }
            #expect(
                report.problems.contains { $0.contains("risk \(risk) is not its cluster's \(row.clusterRisk) times a weight from 0.7 to 1") },
                "\(report.problems)")
        }
    }

    @Test func twoClusterRisksForOneClusterAreRefused() throws {
        let s = try Setup()
        let rows = try Self.rows(s)
        let pair = try #require(
            rows.indices.dropFirst().first { i in
                rows[(0..<i)].contains { $0.cluster == rows[i].cluster } && !rows[i].line.contains("\"")
                    && Double(rows[i].risk) == Double(rows[i].clusterRisk)
            })
        let row = rows[pair]
        // The account's risk and its cluster's both lowered: within the weight's span, yet not
        // the cluster_risk its cluster's other rows give.
        let edited = row.line.replacingOccurrences(of: ",\(row.clusterRisk),\(row.risk),", with: ",0.001,0.001,")
        let report = try s.verify("accounts.csv") { $0.replacingOccurrences(of: row.line, with: edited) }
        #expect(report.problems.contains { $0.contains("cluster_risk 0.001 of cluster \(row.cluster) differs from row ") }, "\(report.problems)")
    }

    @Test func theFixturesRisksHold() throws {
        let s = try Setup()
        let report = try BundleVerifier.verify(path: s.f.dir + "/good.zip", trust: s.f.trust)
        #expect(report.passed.contains("accounts.csv: each account's risk is its cluster's times a weight from 0.7 to 1"))
    }
}
