import Foundation
import Testing
@testable import Investigate

/// Untagging one member of a tagged cluster takes it out of the cluster's tag in the export, so
/// `enforcement.csv`, the report's summary and its tags table agree (a new-user trial found the
/// member still proposed for a ban through the cluster tag while the report's tag table counted it
/// out); `needs-review` holds an account back from enforcement.
@Suite struct RetractedMemberExportTests {
    struct Fixture {
        let dir = casesTempDir()
        let inv: Investigation
        let store: CaseStore
        let caseID: String

        init() throws {
            _ = try SyntheticSource(accounts: 300, seed: 7).write(to: dir + "/src")
            inv = try Investigation.open(dir + "/src")
            store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
            caseID = try store.createCase(title: "retraction", source: CaseSource(files: inv.data.files)).id
        }

        var top: Cluster { inv.clusters[0] }
        func id(_ account: Int32) -> ExactText { inv.data.accountExactID(Int(account)) }

        func tagTop(_ label: String) throws {
            let made = CaseSource(files: inv.data.files)
            try store.tagCluster(
                caseID: caseID, label: label, cluster: top.id, members: top.members.map(id),
                context: ClusterTagSources.context(madeOn: made, via: "console"))
        }

        func input() throws -> BundleInput {
            BundleInput(snapshot: try store.snapshot(caseID: caseID), investigation: inv, investigator: "analyst", redactor: nil)
        }

        /// `enforcement.csv` as (account id, action) rows.
        func enforcement() throws -> [String: String] {
            let text = String(decoding: AccountsCSVFile.enforcement(try input()).bytes, as: UTF8.self)
            var rows: [String: String] = [:]
            for line in text.split(separator: "\r\n").dropFirst() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                rows[String(cells[0])] = String(cells[2])
            }
            return rows
        }
    }

    @Test func anUntaggedMemberLeavesTheClusterTag() throws {
        let f = try Fixture()
        try #require(f.top.size >= 3)
        try f.tagTop("ring-member")
        let out = f.top.members[1]
        try f.store.untag(caseID: f.caseID, label: "ring-member", kind: .account, targets: [f.id(out)], reason: "not one of them")
        try f.store.tag(caseID: f.caseID, label: "needs-review", kind: .account, targets: [f.id(out)])

        let input = try f.input()
        #expect(input.labels(ofAccount: Int(out)) == ["needs-review"])
        #expect(input.labels(ofAccount: Int(f.top.members[0])) == ["ring-member"])
        let actions = try f.enforcement()
        #expect(actions[f.id(out).utf8String!] == "review")
        #expect(actions.values.filter { $0 == "suspend" }.count == f.top.size - 1)
        // The summary counts what enforcement.csv proposes, and the tag count matches the standing tags.
        let labels = CaseLabelIndex(try f.store.snapshot(caseID: f.caseID), source: CaseSource(files: f.inv.data.files))
        #expect(ReportSummary.actionCounts(input, labels: labels)["suspend"] == f.top.size - 1)
        #expect(ReportSummary.accountsPerLabel(input, labels: labels).first { $0.label == "ring-member" }?.accounts == f.top.size - 1)

        // Tagging the account again makes the tag stand again.
        try f.store.tag(caseID: f.caseID, label: "ring-member", kind: .account, targets: [f.id(out)])
        try f.store.untag(caseID: f.caseID, label: "needs-review", kind: .account, targets: [f.id(out)])
        #expect(try f.input().labels(ofAccount: Int(out)) == ["ring-member"])
        #expect(try f.enforcement()[f.id(out).utf8String!] == "suspend")
    }

    @Test func needsReviewHoldsBackABan() {
        let held = AccountsCSVFile.proposal(labels: ["needs-review", "ring-member"], own: ["needs-review", "ring-member"], status: .confirmed, risk: 0.9)
        #expect(held.0 == "review")
        #expect(held.1.contains("held back from enforcement until reviewed"))
        #expect(AccountsCSVFile.proposal(labels: ["ring-member"], own: ["ring-member"], status: .confirmed, risk: 0.9).0 == "ban")
        #expect(AccountsCSVFile.proposal(labels: ["benign", "needs-review"], own: ["benign", "needs-review"], status: .confirmed, risk: 0.9).0 == "none")
        let banned = AccountsCSVFile.proposal(labels: ["ring-member"], own: ["ring-member"], status: .confirmed, risk: 0.9, accountStatus: "banned")
        #expect(banned.0 == "ban" && banned.1.hasSuffix("; already banned in the source"))
    }
}
