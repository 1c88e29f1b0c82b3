import Foundation
import Testing
@testable import Investigate
import TestScratch

/// Accounts listed riskiest first, the same way in `pivot`'s text and JSON and in `clusters` (a
/// new-user trial found the JSON's holders in source order, risk-0 accounts first).
@Suite struct RiskiestFirstTests {
    @Test func pivotHoldersAreRiskiestFirstWithTiesInIdByteOrder() throws {
        let dir = TestScratch.root + "inv-riskiest-" + UUID().uuidString
        _ = try SyntheticSource(accounts: 400, seed: 11).write(to: dir)
        let inv = Investigation(data: try CaseLoader().load(dir))
        // The value with the most holders among the first ASNs: many risks, many ties.
        let asn = try #require((0..<inv.index.valueCount(.asn)).max { inv.index.shareCount(.asn, value: Int32($0)) < inv.index.shareCount(.asn, value: Int32($1)) })
        let holders = inv.index.accounts(sharing: .asn, value: Int32(asn)).map { Int($0) }
        try #require(holders.count >= 3)
        let ordered = inv.riskiestFirst(holders)
        #expect(ordered.sorted() == holders.sorted())
        for (x, y) in zip(ordered, ordered.dropFirst()) {
            let (rx, ry) = (inv.accountRisk[x], inv.accountRisk[y])
            #expect(rx > ry || (rx == ry && inv.data.accountExactID(x) < inv.data.accountExactID(y)))
        }
        guard case .object(let json) = Reports.pivot(kind: .asn, value: "x", holders: holders, hub: false, in: inv),
            case .array(let listed)? = json["holders"]
        else {
            Issue.record("pivot JSON has no holders")
            return
        }
        let ids = listed.compactMap { entry -> JSONOut? in
            guard case .object(let fields) = entry else { return nil }
            return fields["account_id"]
        }
        #expect(ids == ordered.map { .exact(inv.data.accountExactID($0)) })
    }

    /// `clusters --format json` lists a cluster's accounts as its text does: riskiest first, so a
    /// script's first account is the text's (a new-user trial found them in member order).
    @Test func clusterAccountsAreRiskiestFirstInJSONToo() throws {
        // The mixed scenario's rings hold members unlike their cluster (rated lower).
        let (dir, _) = try MixedScenarioTests.write(seed: 3, accounts: 1200)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let inv = Investigation(data: try CaseLoader().load(dir))
        // A cluster whose members' risks differ (an account unlike its cluster is rated lower).
        let cluster = try #require(inv.clusters.first { c in Set(c.members.map { inv.accountRisk[Int($0)] }).count > 1 })
        guard case .object(let json) = Reports.cluster(cluster, in: inv), case .array(let listed)? = json["accounts"] else {
            Issue.record("cluster JSON has no accounts")
            return
        }
        let members = cluster.members.map(Int.init)
        let risks = listed.map { entry -> Double in
            guard let account = members.first(where: { JSONOut.exact(inv.data.accountExactID($0)) == entry }) else { return -1 }
            return inv.accountRisk[account]
        }
        #expect(listed.count == cluster.size)
        #expect(risks.allSatisfy { $0 >= 0 })
        #expect(zip(risks, risks.dropFirst()).allSatisfy { $0 >= $1 }, "riskiest first")
        #expect(risks.first == cluster.members.map { inv.accountRisk[Int($0)] }.max())
    }
}
