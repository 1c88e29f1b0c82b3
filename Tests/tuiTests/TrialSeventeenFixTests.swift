import Investigate
import Testing
@testable import tui

/// Thirty triage rows of two-account clusters (c1..c30), for a page that scrolls.
private final class ManyClustersModel: ConsoleModel, @unchecked Sendable {
    let count = 30
    var totals: String { "60 accounts, 600 queries, 30 linked clusters" }
    func triage() -> [TriageRow] {
        (1...count).map { n in
            TriageRow(cluster: n, risk: 1 - Double(n) / 40, size: 2, strongestKinds: ["ip"], topSignals: ["infrastructure"],
                      sampleAccounts: ["a\(2 * n - 2)", "a\(2 * n - 1)"])
        }
    }
    func cluster(_ number: Int) -> ClusterDetail? { nil }
    func clusterSketch(_ number: Int) -> [SketchLine] { [] }
    func account(_ index: Int) -> AccountDetail? {
        AccountDetail(account: index, id: "a\(index)", cluster: index / 2 + 1, risk: 0.5, attributes: [], values: [],
                      signals: [], timeline: [])
    }
    func sharedValue(_ kind: LinkKind, _ value: Int32) -> SharedValueDetail? { nil }
    func queries(_ scope: QueryScope) -> QueryDetail { QueryDetail(rows: [], perHour: []) }
    func accountID(_ index: Int) -> String { "a\(index)" }
    func valueText(_ kind: LinkKind, _ value: Int32) -> String { "" }
    func accountIndex(_ id: String) -> Int? { id.hasPrefix("a") ? Int(id.dropFirst()) : nil }
    func valueID(_ kind: LinkKind, _ text: String) -> Int32? { nil }
    func accountIDs(prefix: String, limit: Int) -> [String] { [] }
}

/// A new user's trial of session 16's build (blind source 13a at 80x24 and 160x45): clusters
/// whose accounts were tagged one by one read blank in triage's tags column, and the risk bar
/// went on every page that showed a tag (with the column cursor on).
@Suite struct TrialSeventeenFixTests {
    static func tagged(_ state: AppState, _ keys: [String: [String]]) -> AppState {
        var s = state
        s.caseState.tags = keys
        return s
    }

    static func row(_ frame: [String], _ id: String) -> String {
        frame.first { $0.dropFirst(2).hasPrefix(id + " ") } ?? ""
    }

    @Test func triageCountsAClustersTaggedMembers() {
        for cols in [80, 160] {
            let base = Fixture.loadedState(size: TerminalSize(rows: 24, cols: cols))
            // One of c1's two accounts tagged, the cluster itself untagged.
            let s = Self.tagged(base, [MarkKey.account(ExactText("acct_9f3e21")): ["ring-member"]])
            let frame = Fixture.frame(s)
            let c1 = Self.row(frame, "c1")
            if cols == 160 { #expect(c1.hasSuffix(" 1/2 ring-member"), "\(c1)") }
            #expect(c1.contains(" 1/2 ring"), "at \(cols): \(c1)")
            #expect(!Self.row(frame, "c2").contains("/2"), "c2's accounts are untagged")
            #expect(frame.allSatisfy { TextWidth.of($0) <= cols })
        }
        // Both members, two labels: each label counted, commonest first.
        let both = Self.tagged(Fixture.loadedState(size: TerminalSize(rows: 24, cols: 160)),
                               [MarkKey.account(ExactText("acct_9f3e21")): ["ring-member", "payg"],
                                MarkKey.account(ExactText("acct_a0b1c2")): ["ring-member"]])
        #expect(Self.row(Fixture.frame(both), "c1").hasSuffix(" 2/2 ring-member,1 payg"))
        // A cluster's own tag is what its row shows.
        var own = both
        own.caseState.tags[MarkKey.cluster(1)] = ["ring"]
        #expect(Self.row(Fixture.frame(own), "c1").hasSuffix(" ring"))
    }

    @Test func anOperationCountsItsClustersTaggedMembers() {
        let model = FixtureModel()
        model.withOperation = true
        let s = Self.tagged(Fixture.loadedState(size: TerminalSize(rows: 24, cols: 160), model: model),
                            [MarkKey.account(ExactText("acct_9f3e21")): ["ring-member"],
                             MarkKey.account(ExactText("acct_b7d8e9")): ["ring-member"]])
        let frame = Fixture.frame(s)
        #expect(Self.row(frame, "op1").hasSuffix(" 2/4 ring-member"), "\(frame)")
        #expect(frame.contains { $0.hasPrefix("    c2 ") && $0.hasSuffix(" 1/2 ring-member") })
    }

    @Test func theRiskBarStaysOnEveryPage() {
        for cols in [80, 160] {
            var s = AppState()
            s.size = TerminalSize(rows: 24, cols: cols)
            s = AppUpdate.update(s, .loaded(ConsoleData(model: ManyClustersModel()))).state
            // The column cursor's brackets widen its column: with a tag on the page, the bar went.
            s = Fixture.press(s, .char(">"))
            s = Self.tagged(s, [MarkKey.cluster(2): ["ring-member"], MarkKey.account(ExactText("a50")): ["benign"]])
            let first = Fixture.frame(s)
            #expect(first.contains { $0.contains("ring-") }, "c2's tag is on the first page")
            // Scrolled past c2: no tag shows; then to the end: a member tag.
            let second = Fixture.frame((0..<20).reduce(s) { state, _ in Fixture.press(state, .down) })
            #expect(!second.contains { $0.contains("ring-") } && !Self.row(second, "c19").isEmpty, "\(second)")
            let third = Fixture.frame(Fixture.press(s, .end))
            #expect(Self.row(third, "c26").contains("1/2 b"), "c26's member tag: \(third)")
            let title = ViewLayout.tableTitleRow(.triage)
            #expect(first[title] == second[title] && second[title] == third[title], "\(first[title])|\(second[title])")
            for frame in [first, second, third] {
                let rows = Array(frame[(title + 1)...]).filter { (line: String) in line.dropFirst(2).hasPrefix("c") }
                #expect(!rows.isEmpty && rows.allSatisfy { $0.contains("░") || $0.contains("█") }, "\(frame)")
                // Every page lays its columns out alike: the size column ends at the same place.
                let sizeEnd = rows.map { Self.endOfSize($0) }
                #expect(Set(sizeEnd).count == 1, "\(sizeEnd)")
            }
            #expect(Self.endOfSize(Self.row(first, "c3")) == Self.endOfSize(Self.row(third, "c30")))
        }
    }

    /// Finding 3: `T` tags a shared value and its holders, and its sheet's hints never said so.
    @Test func aSharedValuesHintsOfferT() {
        for cols in [80, 160] {
            let base = Fixture.loadedState(size: TerminalSize(rows: 24, cols: cols))
            let s = Fixture.press(base, .enter, .enter, .down, .enter)
            guard case .sharedValue = s.current.kind else { Issue.record("not on a value's sheet"); return }
            let footer = Fixture.frame(s)[23]
            #expect(footer.contains("T tag all"), "at \(cols): \(footer)")
            #expect(TextWidth.of(footer) <= cols)
            // What it names is what the prompt then says it tags.
            #expect(Fixture.press(s, .char("T")).status.contains("and 2 accounts sharing it"))
        }
        // Other sheets keep their hints.
        #expect(!Fixture.frame(Fixture.loadedState())[23].contains("T tag all"))
    }

    /// Finding 4: `=` on two accounts of one cluster drew the cluster's signals twice, side by side.
    @Test func oneClustersSignalsAreSaidOnceInAComparison() throws {
        let s = Fixture.press(Fixture.loadedState(), .enter, .char(" "), .char(" "), .char("="))
        guard case .record(let record)? = s.overlay else { Issue.record("no comparison: \(s.status)"); return }
        let signal = try #require(record.fields.first { $0.key == "shared_instrument" })
        #expect(signal.values == ["+0.80  2 accounts pay with one card"], "one value, across both sides")
        #expect(record.fields.contains { $0.key == "signals" && $0.values == ["of their cluster c1, so the same for both"] })
        let drawn = RecordOverlay.lines(record, width: 78, ascii: false).map(\.text)
        #expect(drawn.filter { $0.contains("pay with one card") }.count == 1, "\(drawn)")
        // Per-account fields stay side by side.
        #expect(record.fields.first { $0.key == "risk" }?.values == ["0.91", "0.88"])

        // Accounts of two clusters: each side its own cluster's signals, even when they read alike.
        var apart = Fixture.loadedState()
        apart.marks = [MarkKey.account(ExactText("acct_9f3e21")), MarkKey.account(ExactText("acct_b7d8e9"))]
        apart = Fixture.press(apart, .char("="))
        guard case .record(let two)? = apart.overlay else { Issue.record("no comparison: \(apart.status)"); return }
        #expect(two.fields.first { $0.key == "shared_instrument" }?.values.count == 2)
        #expect(!two.fields.contains { $0.key == "signals" })
    }

    /// Where a row's size cell (` 2 `, after the bar) ends.
    static func endOfSize(_ row: String) -> Int {
        guard let range = row.range(of: " 2 ") else { return -1 }
        return row.distance(from: row.startIndex, to: range.upperBound)
    }
}
