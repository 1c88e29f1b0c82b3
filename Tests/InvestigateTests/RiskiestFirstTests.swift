import Foundation
import Testing
@testable import Investigate

/// Accounts listed riskiest first, the same way in `pivot`'s text and JSON and in `clusters` (a
/// new-user trial found the JSON's holders in source order, risk-0 accounts first).
@Suite struct RiskiestFirstTests {
    @Test func pivotHoldersAreRiskiestFirstWithTiesInSourceOrder() throws {
        let dir = NSTemporaryDirectory() + "inv-riskiest-" + UUID().uuidString
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
            #expect(rx > ry || (rx == ry && holders.firstIndex(of: x)! < holders.firstIndex(of: y)!))
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
}
