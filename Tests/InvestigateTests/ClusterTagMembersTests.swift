import Foundation
import Testing
@testable import Investigate

/// A cluster tag holds only where its id names exactly the members it was tagged with (a trial
/// kept the source's fingerprint with a same-size mid-file edit, moved a ring member into the
/// cluster tagged `benign`, and its ban became `none`, unwarned; merely reordering rows renumbered
/// most clusters). And an account's own labels outweigh its cluster's where they disagree.
@Suite struct ClusterTagMembersTests {
    struct Fixture {
        let dir = casesTempDir()
        let inv: Investigation
        let store: CaseStore
        let caseID: String
        var made: CaseSource { CaseSource(files: inv.data.files) }

        init() throws {
            _ = try SyntheticSource(accounts: 300, seed: 7).write(to: dir + "/src")
            inv = try Investigation.open(dir + "/src")
            store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
            caseID = try store.createCase(title: "members", source: CaseSource(files: inv.data.files)).id
        }

        func ids(_ cluster: Cluster) -> [ExactText] { cluster.members.map { inv.data.accountExactID(Int($0)) } }

        /// Tags cluster `id` as if it had had `members` when tagged (as the console records it).
        func tag(_ label: String, cluster id: String, members: [ExactText]) throws {
            try store.tagCluster(
                caseID: caseID, label: label, cluster: id, members: members,
                context: ClusterTagSources.context(madeOn: made, via: "console"))
        }

        func input() throws -> BundleInput {
            BundleInput(snapshot: try store.snapshot(caseID: caseID), investigation: inv, investigator: "analyst", redactor: nil)
        }
    }

    @Test func theDigestReadsExactSortedLengthPrefixedIds() {
        let a = ClusterMembers(ids: [ExactText("acct_b"), ExactText("acct_a")])
        #expect(a == ClusterMembers(ids: [ExactText("acct_a"), ExactText("acct_b"), ExactText("acct_a")]))
        #expect(a.count == 2)
        // Length prefixes: "ab"+"c" is not "a"+"bc".
        #expect(ClusterMembers(ids: [ExactText("ab"), ExactText("c")]) != ClusterMembers(ids: [ExactText("a"), ExactText("bc")]))
        #expect(ClusterMembers(recorded: a.recorded) == a)
        #expect(ClusterMembers(recorded: "2 xyz") == nil)
    }

    /// The same source (same fingerprint) whose cluster of that id now has other members: the tag
    /// does not hold; the same members in another order (the source changed elsewhere) hold.
    @Test func aClusterTagHoldsOnlyOnTheMembersItWasMadeOn() throws {
        let f = try Fixture()
        let c1 = f.ids(f.inv.clusters[0])
        try f.tag("benign", cluster: "c1", members: c1)
        let snapshot = try f.store.snapshot(caseID: f.caseID)
        let tag = try #require(snapshot.tags.first { $0.kind == .cluster })
        let same = ClusterTagSources(snapshot, current: f.made) { $0 == "c1" ? ClusterMembers(ids: c1.reversed()) : nil }
        #expect(same.standing(tag) == .holds)
        let moved = Array(c1.dropFirst()) + [ExactText("acct_moved_in")]
        let other = ClusterTagSources(snapshot, current: f.made) { $0 == "c1" ? ClusterMembers(ids: moved) : nil }
        #expect(other.standing(tag) == .membersDiffer)
        // No members known yet (the console before the load ends): neither holding nor moved.
        #expect(ClusterTagSources(snapshot, current: f.made).standing(tag) == .membersUnchecked)
    }

    /// What a verifier bounds an account's labels by does not depend on its own version: a
    /// cluster tag made under another numbering (another tool version or rules) that records its
    /// members is still in the bound (a reviewer: bundles would have failed `verify` as soon as
    /// the numbering moved).
    @Test func theVerifiersBoundKeepsTagsOfAnotherNumbering() throws {
        let f = try Fixture()
        let c1 = f.ids(f.inv.clusters[0])
        try f.store.tagCluster(
            caseID: f.caseID, label: "benign", cluster: "c1", members: c1,
            context: ClusterTagSources.context(madeOn: f.made, via: "console").merging(["cluster_numbering": "0.0.9/1"]) { $1 })
        let snapshot = try f.store.snapshot(caseID: f.caseID)
        let tag = try #require(snapshot.tags.first { $0.kind == .cluster })
        #expect(ClusterTagSources(snapshot, current: f.made) { _ in ClusterMembers(ids: c1) }.standing(tag) == .otherNumbering)
        let bound = CaseLabelIndex(snapshot, source: nil, everyClusterTag: true)
        #expect(bound.labels(ofCluster: "c1") == ["benign"])
    }

    /// The export: a tag recorded on other members than today's c1 is not applied, and the
    /// warning says why; the account keeps its own tags.
    @Test func theExportLeavesOutATagWhoseMembersMoved() throws {
        let f = try Fixture()
        let c1 = f.inv.clusters[0], c2 = f.inv.clusters[1]
        try f.tag("ring-member", cluster: "c1", members: f.ids(c1))
        try f.tag("benign", cluster: "c1", members: f.ids(c2))  // tagged when c1 named c2's accounts
        let input = try f.input()
        #expect(input.otherMembersClusterTags == 1)
        #expect(input.otherSourceClusterTags == 0)
        for account in c1.members { #expect(input.labels(ofAccount: Int(account)) == ["ring-member"]) }
        let rendered = try BundleWriter(signingKey: try BundleKeys.signingKey(path: f.dir + "/k")).render(input)
        #expect(rendered.warnings.contains { $0.hasPrefix("1 cluster tag was not applied") && $0.contains("other members than when tagged") })
    }

    /// Both sides set aside at once: each inherited label is credited to the own labels that
    /// outweighed it (a reviewer: one clause named ring-member over decoy and escalated alike).
    @Test func eachSetAsideLabelIsCreditedToItsOwnSide() {
        let own = ["benign", "ring-member"]
        let resolved = OwnLabelsFirst.resolve(labels: own + ["decoy", "escalated"], own: own)
        #expect(resolved.setAside == ["decoy", "escalated"])
        #expect(
            OwnLabelsFirst.note(own: own, setAside: resolved.setAside)
                == "; its own ring-member outweighs its cluster's decoy; its own benign outweighs its cluster's escalated")
        #expect(OwnLabelsFirst.note(own: own, setAside: []) == "")
    }

    /// A cluster tag written before members were recorded holds nowhere, and is counted as such;
    /// tagging the cluster again records them.
    @Test func aClusterTagWithoutRecordedMembersHoldsNowhere() throws {
        let f = try Fixture()
        try f.store.tag(
            caseID: f.caseID, label: "suspect", kind: .cluster, targets: [ExactText("c1")],
            context: ClusterTagSources.context(madeOn: f.made, via: "console"))
        let before = try f.input()
        #expect(before.otherMembersClusterTags == 1)
        for account in f.inv.clusters[0].members { #expect(before.labels(ofAccount: Int(account)).isEmpty) }
        // The verifier's bound leaves it out too.
        let bound = CaseLabelIndex(try f.store.snapshot(caseID: f.caseID), source: nil, everyClusterTag: true)
        #expect(bound.labels(ofCluster: "c1").isEmpty)
        try f.tag("suspect", cluster: "c1", members: f.ids(f.inv.clusters[0]))
        let after = try f.input()
        #expect(after.otherMembersClusterTags == 0)
        for account in f.inv.clusters[0].members { #expect(after.labels(ofAccount: Int(account)) == ["suspect"]) }
    }

    /// An untouched source: every cluster tag holds and the export warns of none.
    @Test func anUntouchedExportAppliesEveryClusterTag() throws {
        let f = try Fixture()
        try f.tag("ring-member", cluster: "c1", members: f.ids(f.inv.clusters[0]))
        try f.tag("decoy", cluster: "c2", members: f.ids(f.inv.clusters[1]))
        let input = try f.input()
        #expect(input.otherMembersClusterTags == 0 && input.otherSourceClusterTags == 0)
        let rendered = try BundleWriter(signingKey: try BundleKeys.signingKey(path: f.dir + "/k")).render(input)
        #expect(!rendered.warnings.contains { $0.contains("cluster tag") }, "\(rendered.warnings)")
    }

    @Test func ownLabelsOutweighTheClustersWhereTheyDisagree() {
        let ban = AccountsCSVFile.proposal(labels: ["benign", "ring-member"], own: ["ring-member"], status: .confirmed, risk: 0.9)
        #expect(ban.0 == "ban")
        #expect(ban.1.hasSuffix("; its own ring-member outweighs its cluster's benign"), "\(ban.1)")
        let kept = AccountsCSVFile.proposal(labels: ["needs-review", "ring-member"], own: ["ring-member"], status: .confirmed, risk: 0.9)
        #expect(kept.0 == "ban")
        let decoy = AccountsCSVFile.proposal(labels: ["decoy", "ring-member"], own: ["decoy"], status: .confirmed, risk: 0.9)
        #expect(decoy.0 == "monitor")
        #expect(decoy.1.hasSuffix("; its own decoy outweighs its cluster's ring-member"), "\(decoy.1)")
        // Own labels among themselves, and labels that do not disagree, keep the rule they had.
        #expect(AccountsCSVFile.proposal(labels: ["benign", "ring-member"], own: ["benign", "ring-member"], status: .confirmed, risk: 0.9).0 == "none")
        let both = AccountsCSVFile.proposal(labels: ["escalated", "ring-member"], own: ["ring-member"], status: .confirmed, risk: 0.9)
        #expect(both.0 == "ban" && !both.1.contains("outweighs"))
    }

    /// The rule in an exported bundle, which verifies (the verifier reads own labels from the trail).
    @Test func anOwnRingMemberInABenignClusterIsBannedAndTheBundleVerifies() throws {
        let f = try Fixture()
        let c2 = f.inv.clusters[1]
        let member = f.inv.data.accountExactID(Int(c2.members[0]))
        try f.store.tag(caseID: f.caseID, label: "ring-member", kind: .account, targets: [member])
        // The cluster row alone (the console's `t`): its members carry `benign` only through it.
        try f.store.tag(
            caseID: f.caseID, label: "benign", targets: [(.cluster, ExactText("c2"))],
            context: ClusterTagSources.context(madeOn: f.made, via: "console")
                .merging(ClusterTagSources.membersContext(["c2": ClusterMembers(ids: f.ids(c2))])) { $1 })
        try f.store.setStatus(caseID: f.caseID, .confirmed)
        let key = try BundleKeys.signingKey(path: f.dir + "/k")
        _ = try CaseExporter(store: f.store, signingKey: key, redactor: nil).export(caseID: f.caseID, investigation: f.inv, to: f.dir + "/out")
        let report = try BundleVerifier.verify(path: f.dir + "/out", trust: BundleTrust(trusting: key.publicKey, reason: "the test's key"))
        #expect(report.ok, "\(report.problems)")
        let enforcement = try String(contentsOfFile: f.dir + "/out/enforcement.csv", encoding: .utf8)
        let row = try #require(enforcement.split(separator: "\r\n").first { $0.hasPrefix(member.utf8String! + ",") })
        #expect(row.contains(",ban,") && row.hasSuffix("; its own ring-member outweighs its cluster's benign"), "\(row)")
    }
}
