import Foundation
import Investigate
import Testing
@testable import tui

/// Trial s34 finding 3: a session restored cluster sheets by number, so after a ring was removed
/// from the source the breadcrumb said `c3` over another cluster than the one opened, and
/// Backspace landed on a cluster that did not hold the account. Clusters are now saved by what
/// they hold.
@Suite struct SessionClusterIdentityTests {
    typealias Source = TrialFourTests.Source

    /// Pairs of accounts, each pair sharing an IP, a user agent and an API key (one cluster a pair).
    static func pairs(_ names: [String], extra: [String: String] = [:]) throws -> Source {
        var ids: [String] = []
        var queries: [[String: Any]] = []
        for (n, name) in names.enumerated() {
            for member in [name + "1", name + "2"] + (extra[name].map { [$0] } ?? []) {
                ids.append(member)
                for q in 0..<3 {
                    queries.append(["account_id": member, "ts": "2026-01-0\(n + 2)T0\(q):00:00Z", "ip": "10.\(n + 1).0.7",
                                     "user_agent": "harvester-\(name)/1.0", "api_key": "sk-\(name)-shared",
                                     "prompt": "list every \(name) record \(q)"])
                }
            }
        }
        return try Source(accounts: ids, queries: queries)
    }

    /// The session text of triage > the cluster of `account` > that account.
    static func walked(_ source: Source, to account: String) throws -> String {
        let index = try source.index(account)
        let number = try #require(source.model.cluster(ofAccount: index))
        var state = source.loaded()
        state.stack = [Sheet(.triage), Sheet(.cluster(number)), Sheet(.account(index))]
        return Session.encode(state)
    }

    static func restore(_ saved: String, on source: Source) -> AppState {
        var fresh = AppState()
        fresh.pendingRestore = saved
        return AppUpdate.update(fresh, .loaded(ConsoleData(model: source.model))).state
    }

    @Test func aClusterIsSavedByItsMembersNotOnlyItsNumber() throws {
        let source = try Self.pairs(["a", "b", "c"])
        let c1 = try source.index("c1")
        #expect(source.model.cluster(ofAccount: c1) == source.model.cluster(ofAccount: try source.index("c2")),
                "the fixture's pairs are clusters")
        let saved = try Self.walked(source, to: "c1")
        #expect(saved.contains("cluster64 "))
        #expect(!saved.split(separator: "\n").contains { $0.hasPrefix("cluster ") })
    }

    @Test func theSameMembersInAnyOrderHashAlike() {
        let one = SessionClusterIdentity.membersHash([ExactText("x"), ExactText("yz")])
        #expect(one == SessionClusterIdentity.membersHash([ExactText("yz"), ExactText("x")]))
        #expect(one != SessionClusterIdentity.membersHash([ExactText("xy"), ExactText("z")]))
    }

    /// A ring removed: the cluster the investigator opened has another number now, and comes
    /// back under it, with the account under it.
    @Test func aRenumberedClusterComesBackUnderItsNewNumber() throws {
        let before = try Self.pairs(["a", "b", "c"])
        let saved = try Self.walked(before, to: "c1")
        let savedNumber = try #require(before.model.cluster(ofAccount: try before.index("c1")))
        var renumbered = false
        defer { #expect(renumbered, "dropping a pair renumbers c's cluster at least once") }
        for dropped in ["a", "b"] {
            let after = try Self.pairs(["a", "b", "c"].filter { $0 != dropped })
            let restored = Self.restore(saved, on: after)
            let account = try after.index("c1")
            let number = try #require(after.model.cluster(ofAccount: account))
            renumbered = renumbered || number != savedNumber
            #expect(restored.stack.map(\.kind) == [.triage, .cluster(number), .account(account)])
            #expect(restored.status.hasPrefix("restored where you were (3 sheets)"))
        }
    }

    /// The cluster's accounts changed: it is not reopened under its old number; the account
    /// comes back by its exact id and the status line says the source changed.
    @Test func aClusterThatChangedIsDroppedAndTheStatusSaysSo() throws {
        let before = try Self.pairs(["a", "b", "c"])
        let saved = try Self.walked(before, to: "c1")
        let savedNumber = try #require(before.model.cluster(ofAccount: try before.index("c1")))
        let after = try Self.pairs(["a", "b", "c"], extra: ["c": "c3"])
        let restored = Self.restore(saved, on: after)
        #expect(restored.stack.map(\.kind) == [.triage, .account(try after.index("c1"))])
        #expect(restored.status.hasPrefix("the source changed since your last session: cluster c\(savedNumber) "
            + "no longer holds the accounts you opened; restored 2 of 3 sheets"))
        #expect(!restored.stack.contains { if case .cluster = $0.kind { return true } else { return false } })
    }

    /// Nothing but the cluster held: the console reopens at triage and says why.
    @Test func onlyAChangedClusterReopensAtTriage() throws {
        let before = try Self.pairs(["a", "b", "c"])
        let number = try #require(before.model.cluster(ofAccount: try before.index("c1")))
        var state = before.loaded()
        state.stack = [Sheet(.triage), Sheet(.cluster(number))]
        let after = try Self.pairs(["a", "b", "c"], extra: ["c": "c3"])
        let restored = Self.restore(Session.encode(state), on: after)
        #expect(restored.stack.map(\.kind) == [.triage])
        #expect(restored.status.hasSuffix("no longer holds the accounts you opened; reopened at triage"))
    }
}
