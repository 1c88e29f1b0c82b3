import Crypto
import Foundation
import Testing
@testable import Investigate

/// What a bundle carries of a case, as a trial found it wanting: `queries.jsonl` gives each row
/// as the source wrote it (spaces the loader trims, an `AS 16509` it normalises, token counts
/// the row lacks), and an export warns when a tagged cluster's members are not in the case.
@Suite struct BundleRowExactnessTests {
    static func store(_ dir: String) throws -> CaseStore {
        try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
    }

    static func rows(_ input: BundleInput) throws -> [[String: Any]] {
        let file = QueriesFile.render(input).0
        return try String(decoding: file.bytes, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func queriesCarryEachRowAsTheSourceWroteIt() throws {
        let source = try TempSource([
            "accounts.csv": "account_id\nws\n",
            "queries.jsonl":
                "{\"ts\":\"2026-03-01T00:00:00Z\",\"account_id\":\"ws\",\"user_agent\":\"ua/1 \",\"model\":\" m \",\"asn\":\"AS 16509\",\"prompt\":\"hi\"}\n"
                + "{\"ts\":1772323260000,\"account_id\":\"ws\",\"user_agent\":\"ua/1\",\"input_tokens\":12,\"output_tokens\":\"007\",\"ip\":null,\"request_id\":\"\"}\n",
        ])
        let inv = Investigation(data: try source.load())
        let dir = casesTempDir()
        let store = try Self.store(dir)
        let id = try store.createCase(title: "exact", source: CaseSource(files: inv.data.files)).id
        try store.tag(caseID: id, label: "ring-member", kind: .account, targets: [ExactText("ws")])
        let input = BundleInput(snapshot: try store.snapshot(caseID: id), investigation: inv, investigator: "analyst", redactor: nil)
        let rows = try Self.rows(input)
        #expect(rows.count == 2)
        // Loaded, the values are trimmed and normalised (they link as one); exported, as written.
        #expect(inv.data.pools.userAgents.count == 1)
        #expect(rows[0]["user_agent"] as? String == "ua/1 ")
        #expect(rows[0]["model"] as? String == " m ")
        #expect(rows[0]["asn"] as? String == "AS 16509")
        // No token counts in the row: null, never a made-up 0.
        #expect(rows[0]["input_tokens"] is NSNull && rows[0]["output_tokens"] is NSNull)
        #expect(rows[0]["ip"] is NSNull)
        #expect(rows[1]["input_tokens"] as? Int == 12)
        // A count written with a leading zero keeps its text.
        #expect(rows[1]["output_tokens"] as? String == "007")
        #expect(rows[1]["ip"] is NSNull)
        #expect(rows[1]["prompt"] is NSNull)
        // The time as written, and the instant read beside it.
        #expect(rows[0]["ts"] as? String == "2026-03-01T00:00:00Z")
        #expect(rows[1]["ts"] as? Int == 1_772_323_260_000)
        #expect(rows[1]["ts_utc"] as? String == "2026-03-01T00:01:00Z")
        // An extra column's empty cell is kept.
        #expect((rows[1]["extra"] as? [String: Any])?["request_id"] as? String == "")
    }

    @Test func anExportWarnsOfATaggedClustersMembersLeftOut() throws {
        let dir = casesTempDir()
        _ = try SyntheticSource(accounts: 300, seed: 7).write(to: dir + "/src")
        let inv = try Investigation.open(dir + "/src")
        let store = try Self.store(dir)
        let made = CaseSource(files: inv.data.files)
        let id = try store.createCase(title: "cluster row", source: made).id
        let top = try #require(inv.clusters.first { $0.size >= 3 })
        // The cluster row alone (the console's `t` on triage), and one member by itself.
        try store.tag(
            caseID: id, label: "ring-member", targets: [(.cluster, ExactText(top.id))],
            context: ClusterTagSources.context(madeOn: made, via: "console")
                .merging(ClusterTagSources.membersContext([top.id: ClusterMembers.of(cluster: top.id, in: inv)!])) { $1 })
        try store.tag(caseID: id, label: "ring-member", kind: .account, targets: [inv.data.accountExactID(Int(top.members[0]))])
        let key = try BundleKeys.signingKey(path: dir + "/k")
        let input = BundleInput(snapshot: try store.snapshot(caseID: id), investigation: inv, investigator: "analyst", redactor: nil)
        #expect(input.taggedClustersLeavingMembersOut.map(\.id) == [top.id])
        #expect(input.taggedClustersLeavingMembersOut.first?.left == top.size - 1)
        let warnings = try BundleWriter(signingKey: key).render(input).warnings
        #expect(warnings.contains { $0.hasPrefix("\(top.size - 1) accounts of tagged clusters are not in the case") && $0.contains(top.id) })

        // Tagged whole, nothing is left out and nothing is said.
        try store.tagCluster(
            caseID: id, label: "ring-member", cluster: top.id, members: top.members.map { inv.data.accountExactID(Int($0)) },
            context: ClusterTagSources.context(madeOn: made, via: "console"))
        let whole = BundleInput(snapshot: try store.snapshot(caseID: id), investigation: inv, investigator: "analyst", redactor: nil)
        #expect(whole.taggedClustersLeavingMembersOut.isEmpty)
        #expect(!(try BundleWriter(signingKey: key).render(whole).warnings.contains { $0.contains("tagged clusters") }))
    }
}

/// Small wording and bound fixes from a trial: strict mode does not say "kept", a damping at 0
/// says it lowers the risk, expected counts group thousands, an overlong id is refused at load
/// with its reason, and an id that is another's escaped form is found as ambiguous.
@Suite struct TrialTwentySixEngineTests {
    /// One query row of an account (a source needs its queries).
    static func row(_ id: String) -> String { "{\"ts\":\"2026-03-01T00:00:00Z\",\"account_id\":\"\(id)\",\"prompt\":\"hi\"}\n" }

    @Test func strictModeDoesNotSayKept() throws {
        let source = try TempSource([
            "accounts.csv": "account_id,created_at\na,2026-01-01T00:00:00Z\nb,not-a-date\n", "queries.jsonl": Self.row("a"),
        ])
        #expect(
            throws: LoadFailure.strictRow(file: "accounts.csv", line: 3, reason: "bad created_at 'not-a-date' (strict: the load stops)")
        ) { try source.load(strict: true) }
        let lenient = try source.load()
        #expect(lenient.report.warnings.first?.reason == "bad created_at 'not-a-date'; kept without it")
    }

    @Test func aDampingAtZeroSaysItLowersTheRisk() {
        let score = SignalScore(name: "no_harvest_content", value: 0, baseline: 0.1, contribution: -0.000165, explanation: "risk damped")
        #expect(SignalZeroReason.reason(score)?.hasPrefix("lowers the risk too little to show") == true)
        let zero = SignalScore(name: "infrastructure", value: 0, baseline: 0.3, contribution: 0, explanation: "0% of traffic")
        #expect(SignalZeroReason.reason(zero) == "adds nothing: its value is 0, and a signal at 0 never adds risk")
    }

    @Test func expectedCountsGroupThousands() {
        #expect(ExpectedCount.text(2264.93) == "2,264.93")
        #expect(ExpectedCount.text(1500) == "1,500")
        #expect(ExpectedCount.text(14) == "14")
    }

    @Test func anIdLongerThanATagTargetIsRefusedAtLoad() throws {
        let long = String(repeating: "x", count: CaseText.maxTargetBytes + 1)
        let fits = String(repeating: "y", count: CaseText.maxTargetBytes)
        let source = try TempSource(["accounts.csv": "account_id\n\(long)\n\(fits)\nz\n", "queries.jsonl": Self.row("z")])
        let data = try source.load()
        #expect(data.accountCount == 2)
        #expect(data.report.skipped == [
            LoadIssue(file: "accounts.csv", line: 2, reason: "account_id of 65,537 bytes, longer than the 65,536 an account id may hold")
        ])
        // Every account loaded can be tagged.
        #expect((try? CaseText.target(ExactText(fits))) != nil)
    }

    @Test func anIdThatIsAnothersEscapedFormIsAmbiguous() throws {
        let source = try TempSource([:])
        var accounts = Array("account_id\n".utf8)
        accounts += Array("acct_".utf8) + [0x1B] + Array("[2J\n".utf8)
        accounts += Array("acct_\\x1b[2J\nplain\n".utf8)
        try source.write("accounts.csv", bytes: accounts)
        try source.write("queries.jsonl", bytes: Array(Self.row("plain").utf8))
        let data = try source.load()
        let lookAlike = ExactText("acct_\\x1b[2J")
        let real = try #require(data.accountIndex(exact: ExactText(bytes: Array("acct_".utf8) + [0x1B] + Array("[2J".utf8))))
        #expect(data.accountIndex(given: lookAlike) != real)
        #expect(data.escapedAlternative(given: lookAlike) == real)
        #expect(data.escapedAlternative(given: ExactText("plain")) == nil)
    }
}

/// `pivot` given a value as the source file spells it, or a part of one (a trial's `pivot ws
/// user_agent 'ua/1 '` and `pivot src user_agent kestrel` found 0 accounts, unexplained).
@Suite struct ValueSpellingTests {
    @Test func aValueIsFoundAsTheLoaderKeepsIt() throws {
        let source = try TempSource([
            "accounts.csv": "account_id,email\na,a@Example.COM\nb,b@example.com\n",
            "queries.jsonl":
                "{\"ts\":\"2026-03-01T00:00:00Z\",\"account_id\":\"a\",\"user_agent\":\"ua/1 \",\"asn\":\"AS 16509\"}\n"
                + "{\"ts\":\"2026-03-01T00:01:00Z\",\"account_id\":\"b\",\"user_agent\":\"kestrel-fetch/2.7\",\"asn\":\"16509\"}\n",
        ])
        let inv = Investigation(data: try source.load())
        let index = inv.index
        #expect(index.valueIDs(.userAgent, exact: ExactText("ua/1 ")).isEmpty)
        let agent = try #require(index.valueIDs(.userAgent, loadedFrom: ExactText("ua/1 ")))
        #expect(agent.spelling == ExactText("ua/1") && agent.ids.count == 1)
        let asn = try #require(index.valueIDs(.asn, loadedFrom: ExactText("as 16509")))
        #expect(asn.spelling == ExactText("AS16509") && index.shareCount(.asn, value: asn.ids[0]) == 2)
        let domain = try #require(index.valueIDs(.emailDomain, loadedFrom: ExactText("EXAMPLE.com")))
        #expect(domain.spelling == ExactText("example.com"))
        // A user agent is never lower-cased to find one: its case is its own.
        #expect(index.valueIDs(.userAgent, loadedFrom: ExactText("KESTREL-fetch/2.7")) == nil)
        // The exact spelling needs no second reading.
        #expect(index.valueIDs(.userAgent, loadedFrom: ExactText("ua/1")) == nil)
    }

    @Test func valuesContainingAPartAreListedMostHeldFirst() throws {
        let rows = (0..<5).map { i in
            "{\"ts\":\"2026-03-01T00:0\(i):00Z\",\"account_id\":\"u\(i)\",\"user_agent\":\"\(i < 3 ? "kestrel-fetch/2.7" : "kestrel/1.0")\"}\n"
        }
        let source = try TempSource(["accounts.csv": "account_id\n" + (0..<5).map { "u\($0)\n" }.joined(), "queries.jsonl": rows.joined()])
        let index = Investigation(data: try source.load()).index
        let (found, total) = index.values(.userAgent, containing: ExactText("kestrel"), limit: 1)
        #expect(total == 2 && found.count == 1)
        #expect(index.valueExact(.userAgent, found[0].value) == ExactText("kestrel-fetch/2.7") && found[0].holders == 3)
        #expect(index.values(.userAgent, containing: ExactText("zzz"), limit: 5).total == 0)
    }
}
