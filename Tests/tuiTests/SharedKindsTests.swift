import Foundation
import Investigate
import Testing
@testable import tui
import TestScratch

/// A ring whose members use seven common mail domains is not led by "email_domain 7": kinds with
/// values that are not hubs come first, and a kind shared only through hubs says so.
@Suite struct SharedKindsTests {
    @Test func kindsWithValuesThatAreNotHubsComeFirst() {
        let kinds = SharedKinds.ordered([
            SharedKind(kind: .emailDomain, values: 7, hubs: 7), SharedKind(kind: .payment, values: 4, hubs: 0),
            SharedKind(kind: .asn, values: 3, hubs: 1), SharedKind(kind: .template, values: 4, hubs: 0),
            SharedKind(kind: .ip, values: 0, hubs: 0), SharedKind(kind: .subnet, values: 2, hubs: 0),
        ])
        // asn has 2 values that are not hubs, as subnet has: the one with no hub first.
        #expect(kinds.map(\.kind) == [.payment, .template, .subnet, .asn, .emailDomain])
        #expect(kinds.map { $0.text() } == ["payment 4", "template 4", "subnet 2", "asn 3 (1 hub)", "email_domain 7 (hubs)"])
        #expect(kinds.map { $0.text(":") }.prefix(4).joined(separator: " ") == "payment:4 template:4 subnet:2 asn:3 (1 hub)")
        #expect(SharedKind(kind: .asn, values: 5, hubs: 2).text() == "asn 5 (2 hubs)")
    }

    @Test func theClusterHeaderSaysWhichKindsAreHubs() {
        let model = FixtureModel()
        model.mailHubs = true
        let frame = Fixture.frame(Fixture.press(Fixture.loadedState(model: model), .enter))
        #expect(frame[2] == "links: payment 1, ip 1, email_domain 3 (hubs)")
    }
}

/// On a real source: triage, the cluster sheet and `clusters` never put a kind shared only
/// through hubs before a kind with a value that is not a hub.
@Suite struct SharedKindsEngineTests {
    @Test func noKindSharedOnlyThroughHubsLeadsAnother() throws {
        // The hydra scenario: rings on free-mail domains and cloud networks among others. Under
        // the evidence graph's rule (`Investigation.isHub`) its clusters share few hubs, so a
        // source of its own below makes sure the rule is tried.
        let dir = TestScratch.root + "inv-kinds-" + UUID().uuidString
        _ = try SyntheticSource(accounts: 1200, seed: 5).write(to: dir)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Self.hubOnlyKinds(try Investigation.open(dir))
        // A ring of eight on one card, on the ASN and client every one of 308 accounts uses.
        let own = TestScratch.root + "inv-kinds-own-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: own) }
        let ids = (0..<300).map { "bg\($0)" } + (0..<8).map { "r\($0)" }
        let accounts = "account_id,created_at,payment_fingerprint\n"
            + ids.map { "\($0),2026-01-01T00:00:00Z,\($0.hasPrefix("r") ? "card-ring" : "card-" + $0)\n" }.joined()
        try accounts.write(toFile: own + "/accounts.csv", atomically: true, encoding: .utf8)
        var rows = ""
        for (i, id) in ids.enumerated() {
            for k in 0..<3 {
                rows += "{\"ts\":\(1_767_225_600_000 + i * 60_000 + k * 7_000),\"account_id\":\"\(id)\",\"prompt\":\"note \(i) part \(k)\","
                    + "\"ip\":\"81.2.\(i / 250).\(i % 250)\",\"asn\":\"AS3320\",\"user_agent\":\"sdk/1.0\"}\n"
            }
        }
        try rows.write(toFile: own + "/queries.jsonl", atomically: true, encoding: .utf8)
        #expect(try Self.hubOnlyKinds(try Investigation.open(own)) > 0, "some cluster shares a kind only through hubs (else this proves nothing)")
    }

    /// Checks every linked cluster of `inv`; returns how many of their leading kinds are shared
    /// only through hubs.
    static func hubOnlyKinds(_ inv: Investigation) throws -> Int {
        let model = EngineModel(inv)
        var hubOnlyKinds = 0
        for row in model.triage() where !row.isOperation && row.size > 1 {
            let cluster = inv.clusters[row.cluster - 1]
            // Hubs counted here from the index, apart from SharedKinds.
            var holders: [String: Int] = [:]
            var hubValues: [LinkKind: Set<Int32>] = [:], allValues: [LinkKind: Set<Int32>] = [:]
            for member in cluster.members {
                for kind in LinkKind.allCases {
                    for value in inv.index.values(of: Int(member), kind: kind) { holders["\(kind.rawValue) \(value)", default: 0] += 1 }
                }
            }
            for member in cluster.members {
                for kind in LinkKind.allCases {
                    for value in inv.index.values(of: Int(member), kind: kind) where holders["\(kind.rawValue) \(value)"]! >= 2 {
                        allValues[kind, default: []].insert(value)
                        if inv.isHub(kind, value: value) { hubValues[kind, default: []].insert(value) }
                    }
                }
            }
            let onlyHubs = row.strongestKinds.map { name -> Bool in
                let kind = LinkKind(rawValue: name)!
                return !(allValues[kind] ?? []).isEmpty && (allValues[kind] ?? []) == (hubValues[kind] ?? [])
            }
            hubOnlyKinds += onlyHubs.filter { $0 }.count
            for (i, hubOnly) in onlyHubs.enumerated() where hubOnly {
                #expect(onlyHubs[(i + 1)...].allSatisfy { $0 }, "c\(row.cluster): \(row.strongestKinds)")
            }
            let header = try #require(model.cluster(row.cluster)).kindCounts.map(\.kind)
            #expect(Array(header.prefix(row.strongestKinds.count)) == row.strongestKinds, "triage and the sheet agree")
        }
        #expect(!model.triage().isEmpty)
        return hubOnlyKinds
    }
}
