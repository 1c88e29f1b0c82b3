import Foundation
import Testing
@testable import Investigate

/// A cluster id (`c1`) is a number of one source's ranking: an export applies only the cluster
/// tags made on the source it exports from (a new-user trial found another source's `c1` tag
/// labelling this source's `c1` members in `enforcement.csv`).
@Suite struct ClusterTagSourceExportTests {
    struct Fixture {
        let dir = casesTempDir()
        let a: Investigation
        let b: Investigation
        let store: CaseStore
        let caseID: String

        init() throws {
            _ = try SyntheticSource(accounts: 300, seed: 7).write(to: dir + "/a")
            _ = try SyntheticSource(accounts: 300, seed: 8).write(to: dir + "/b")
            a = try Investigation.open(dir + "/a")
            b = try Investigation.open(dir + "/b")
            store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
            caseID = try store.createCase(title: "two sources", source: CaseSource(files: a.data.files)).id
        }

        /// Tags `on`'s first cluster and its members, recording `on`'s fingerprint as the console does.
        func tagTopCluster(_ label: String, on inv: Investigation) throws {
            let made = CaseSource(files: inv.data.files)
            let top = inv.clusters[0]
            try store.tagCluster(
                caseID: caseID, label: label, cluster: top.id,
                members: top.members.map { inv.data.accountExactID(Int($0)) },
                context: ClusterTagSources.context(madeOn: made, via: "console"))
        }

        func input(_ inv: Investigation) throws -> BundleInput {
            BundleInput(snapshot: try store.snapshot(caseID: caseID), investigation: inv, investigator: "analyst", redactor: nil)
        }

        func topMembers(_ inv: Investigation) -> [Int] { inv.clusters[0].members.map { Int($0) } }

        /// The exact members of `inv`'s c1, as a cluster tag's entry records them.
        func members(_ inv: Investigation) -> ClusterMembers { ClusterMembers.of(cluster: "c1", in: inv)! }
    }

    @Test func anotherSourcesClusterTagIsNotAppliedToThisSourcesCluster() throws {
        let f = try Fixture()
        #expect(f.a.clusters[0].id == f.b.clusters[0].id)  // both are c1: the id alone cannot tell them apart
        try f.tagTopCluster("ring-member", on: f.a)
        try f.tagTopCluster("needs-review", on: f.b)

        let onA = try f.input(f.a)
        for account in f.topMembers(f.a) {
            #expect(onA.labels(ofAccount: account) == ["ring-member"])
        }
        #expect(onA.otherSourceClusterTags == 1)
        let rendered = try BundleWriter(signingKey: try BundleKeys.signingKey(path: f.dir + "/k")).render(onA)
        #expect(rendered.warnings.contains { $0.hasPrefix("1 cluster tag was made on another source") })

        let onB = try f.input(f.b)
        for account in f.topMembers(f.b) {
            #expect(onB.labels(ofAccount: account) == ["needs-review"])
        }
    }

    @Test func aCopyOfTheSameFilesIsTheSameSource() throws {
        let f = try Fixture()
        try f.tagTopCluster("ring-member", on: f.a)
        try FileManager.default.copyItem(atPath: f.dir + "/a", toPath: f.dir + "/copy")
        let copy = try Investigation.open(f.dir + "/copy")
        let input = try f.input(copy)
        #expect(input.otherSourceClusterTags == 0)
        for account in f.topMembers(copy) { #expect(input.labels(ofAccount: account) == ["ring-member"]) }
    }

    @Test func aClusterTagThatRecordsNoSourceIsNotApplied() throws {
        let f = try Fixture()
        try f.store.tag(
            caseID: f.caseID, label: "suspect", kind: .cluster, targets: [ExactText("c1")],
            context: ["source": "console", "cluster_numbering": ClusterTagSources.clusterNumbering]
                .merging(ClusterTagSources.membersContext(["c1": f.members(f.a)])) { $1 })
        // The case itself records source a: a tag without its own record is taken as made there.
        #expect(try f.input(f.a).otherSourceClusterTags == 0)
        #expect(try f.input(f.a).otherMembersClusterTags == 0)
        #expect(try f.input(f.b).otherSourceClusterTags == 1)
        let bare = try f.store.createCase(title: "no source").id
        try f.store.tag(caseID: bare, label: "suspect", kind: .cluster, targets: [ExactText("c1")])
        let input = BundleInput(snapshot: try f.store.snapshot(caseID: bare), investigation: f.a, investigator: "x", redactor: nil)
        #expect(input.otherSourceClusterTags == 1)
        for account in f.topMembers(f.a) { #expect(input.labels(ofAccount: account).isEmpty) }
    }

    @Test func aCommandLineTagByFolderHoldsOnThatFolder() throws {
        let f = try Fixture()
        try f.store.tag(
            caseID: f.caseID, label: "ring-member", kind: .cluster, targets: [ExactText("c1")],
            context: ["cluster": "c1", "source": f.dir + "/b", "cluster_numbering": ClusterTagSources.clusterNumbering]
                .merging(ClusterTagSources.membersContext(["c1": f.members(f.b)])) { $1 })
        #expect(try f.input(f.b).otherSourceClusterTags == 0)
        #expect(try f.input(f.b).otherMembersClusterTags == 0)
        #expect(try f.input(f.a).otherSourceClusterTags == 1)
    }

    /// Another version of the engine numbers the same files' clusters anew: a tag made under
    /// another numbering (or before numberings were recorded) holds nowhere, on the very files it
    /// was made on, and its label reaches none of today's c1's members.
    @Test func aClusterTagMadeUnderAnotherNumberingIsNotApplied() throws {
        let f = try Fixture()
        let made = CaseSource(files: f.a.data.files)
        var older = ClusterTagSources.context(madeOn: made, via: "console")
        older["cluster_numbering"] = "0.1.0/1"
        try f.store.tag(caseID: f.caseID, label: "benign", kind: .cluster, targets: [ExactText("c1")], context: older)
        var unrecorded = ClusterTagSources.context(madeOn: made, via: "console")
        unrecorded["cluster_numbering"] = nil
        try f.store.tag(caseID: f.caseID, label: "benign-too", kind: .cluster, targets: [ExactText("c1")], context: unrecorded)
        let input = try f.input(f.a)
        #expect(input.otherSourceClusterTags == 2)
        for account in f.topMembers(f.a) { #expect(input.labels(ofAccount: account).isEmpty) }
        try f.tagTopCluster("ring-member", on: f.a)
        let now = try f.input(f.a)
        for account in f.topMembers(f.a) { #expect(now.labels(ofAccount: account) == ["ring-member"]) }
    }
}
