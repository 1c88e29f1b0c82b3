import Foundation
import Testing
@testable import Investigate
import TestScratch

@Suite struct GraphTests {
    /// One generated source shared by the tests of this suite.
    static let generated: (Investigation, SyntheticSource.Truth, String) = {
        let dir = TestScratch.root + "inv-gen-" + UUID().uuidString
        let truth = try! SyntheticSource(accounts: 1500, seed: 5).write(to: dir)
        return (try! Investigation.open(dir), truth, dir)
    }()

    @Test func linkKindPositionsFollowTheirDeclaredOrder() {
        #expect(LinkKind.allCases.enumerated().allSatisfy { $0.offset == $0.element.position })
        #expect(LinkKind.allCases.sorted() == LinkKind.allCases)
    }

    @Test func pivotsMatchANaiveScanOfTheFiles() throws {
        let (inv, _, dir) = Self.generated
        var byIP: [String: Set<String>] = [:]
        var byASN: [String: Set<String>] = [:]
        var byAgent: [String: Set<String>] = [:]
        let text = try String(contentsOfFile: dir + "/queries.jsonl", encoding: .utf8)
        for line in text.split(separator: "\n") {
            let row = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let account = row["account_id"] as! String
            byIP[row["ip"] as! String, default: []].insert(account)
            byASN[row["asn"] as! String, default: []].insert(account)
            byAgent[row["user_agent"] as! String, default: []].insert(account)
        }
        let accounts = try String(contentsOfFile: dir + "/accounts.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        for line in accounts where !line.contains("\"") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            byIP[fields[8], default: []].insert(fields[0])
        }
        func pivot(_ kind: LinkKind, _ value: String) -> Set<String> {
            guard let id = inv.index.valueID(kind, value) else { return [] }
            return Set(inv.index.accounts(sharing: kind, value: id).map { inv.data.accountID(Int($0)) })
        }
        for (ip, expected) in byIP.sorted(by: { $0.value.count > $1.value.count }).prefix(50) { #expect(pivot(.ip, ip) == expected) }
        for (asn, expected) in byASN { #expect(pivot(.asn, asn) == expected) }
        for (agent, expected) in byAgent { #expect(pivot(.userAgent, agent) == expected) }
    }

    @Test func hubsStayPivotableButDoNotMerge() throws {
        let (inv, truth, _) = Self.generated
        let nat = truth.decoys.first { $0.name == "campus-nat" }!.accounts
        let clusters = Set(nat.map { inv.clusterOfAccount[inv.data.accountIndex($0)!] })
        #expect(clusters.count > nat.count / 2)
        let natIP = inv.index.values(of: inv.data.accountIndex(nat[0])!, kind: .ip).first!
        #expect(inv.index.isHub(.ip, value: natIP))
        #expect(inv.index.shareCount(.ip, value: natIP) >= nat.count)
    }

    @Test func planted_rings_rank_on_top_and_decoys_stay_low() throws {
        let (inv, truth, _) = Self.generated
        var text = "{\"rings\":["
        text += truth.rings.map { r in
            "{\"name\":\"\(r.name)\",\"style\":\"\(r.style)\",\"accounts\":[" + r.accounts.map { "\"\($0)\"" }.joined(separator: ",") + "]}"
        }.joined(separator: ",")
        text +=
            "],\"decoys\":["
            + truth.decoys.map { d in
                "{\"name\":\"\(d.name)\",\"accounts\":[" + d.accounts.map { "\"\($0)\"" }.joined(separator: ",") + "]}"
            }.joined(separator: ",") + "]}"
        let result = Evaluation(investigation: inv, truth: try JSONTruth(jsonText: text))
        #expect(result.decoysFlagged.isEmpty)
        #expect(result.precision >= 0.95)
        #expect(result.recall >= 0.9)
        for ring in result.ringCoverage { #expect(ring.coverage >= 0.9, "\(ring.name)") }
    }

    @Test func clustersAreDeterministic() throws {
        let (inv, _, dir) = Self.generated
        let again = try Investigation.open(dir)
        #expect(again.clusters.map(\.members) == inv.clusters.map(\.members))
        #expect(again.clusters.map(\.risk) == inv.clusters.map(\.risk))
    }

    @Test func linkStrengthFallsWithSharing() {
        #expect(LinkStrength.strength(kind: .payment, sharedBy: 2) > LinkStrength.strength(kind: .payment, sharedBy: 200))
        #expect(LinkStrength.strength(kind: .payment, sharedBy: 2) > LinkStrength.strength(kind: .asn, sharedBy: 2))
        #expect(LinkStrength.isHub(kind: .ip, sharedBy: 300))
        #expect(!LinkStrength.isHub(kind: .ip, sharedBy: 3))
        #expect(LinkStrength.isHub(kind: .emailDomain, sharedBy: 2, freeMail: true))
    }
}
