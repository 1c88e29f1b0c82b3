import Foundation
import Investigate
import Testing
@testable import tui
import TestScratch

/// A new user's trial of session 15's build: `T` tagged every member of a cluster, accounts the
/// truth calls benign among them; the query history at 80x24 left the prompt 14 columns; a
/// zero-retention account's history showed neither prompt nor fingerprint; and a re-export of
/// an unchanged case wrote the same bytes with nothing saying why its `exported_at` was old.
@Suite struct TrialSixteenTests {
    func typed(_ state: AppState, _ text: String) -> AppState {
        text.reduce(state) { Fixture.press($0, .char($1)) }
    }

    /// Triage with the cursor on c2 (rated 0.35: acct_b7d8e9 at 0.35, acct_c4c4c4 at 0.05).
    func onC2() -> AppState { Fixture.press(Fixture.loadedState(), .char("j")) }

    static let b7 = MarkKey.account(ExactText("acct_b7d8e9"))
    static let c4 = MarkKey.account(ExactText("acct_c4c4c4"))

    @Test func tSaysHowManyMembersAreRatedLowOnTheirOwn() {
        let asked = Fixture.press(onC2(), .char("T"))
        // At 80 columns the count and the bar come first (session 18's trial read them cut).
        // c2 is rated under the flag line: that is kept before what Enter does (a trial read
        // `1 of 41 rated below c2's 0.16, ...` at 80 and 100 columns, the line unsaid).
        #expect(asked.status == "1 of 2 rated below c2's 0.35 (under 0.50), lowest 0.05", "\(asked.status)")
        let wide = Fixture.press(Fixture.loadedState(size: TerminalSize(rows: 24, cols: 160)), .char("j"), .char("T"))
        #expect(
            wide.status.contains(
                "tags c2 and its 2 accounts, rated 0.35 (under 0.50); 1 rated below the cluster's 0.35, lowest 0.05: Enter asks which"),
            "\(wide.status)")
        // c1 at 0.91: acct_a0b1c2 at 0.88 is a hair below it, as typical a member as any (its
        // weight is over the middle of what its own behaviour can take off): nothing to ask.
        let high = Fixture.press(Fixture.loadedState(), .char("T"))
        #expect(!high.status.contains("rated below"), "\(high.status)")
        // Over the flag line, the cluster's own rating is not said.
        #expect(!high.status.contains("(under 0.50)"), "\(high.status)")
        // Every member rated as its cluster: nothing to ask, one write as before.
        let even = Fixture.evenModel()
        let plain = Fixture.press(Fixture.loadedState(model: even), .char("T"))
        #expect(!plain.status.contains("on their own"), "\(plain.status)")
        let tagged = Fixture.step(Fixture.loadedState(model: even), .char("T")).typing("ring").pressing(.enter)
        #expect(tagged.state.overlay == nil)
        #expect(tagged.effects.contains { if case .persist(.tagCluster(label: "ring", cluster: "c1", _)) = $0 { true } else { false } })
    }

    @Test func enterAsksWithTheCountAndTheOneKeyThatTagsOnlyTheOthers() {
        let held = Fixture.step(onC2(), .char("T")).typing("ring").pressing(.enter)
        #expect(held.effects.allSatisfy { if case .persist = $0 { false } else { true } }, "nothing written yet")
        #expect(held.state.overlay == .commandLine(
            text: "tagcluster ring", completions: ["Enter tags all 2; o: only the 1 rated like c2 (not c2 itself); Esc cancels"]))
        let frame = Fixture.frame(held.state)
        #expect(frame[22].hasPrefix(":tagcluster ring_   1 of 2 rated below c2's 0.35 on their own, lowest 0.05"), "\(frame[22])")
        #expect(frame[23].hasPrefix(" Enter tags all 2; o: only the 1 rated like c2 (not c2 itself); Esc cancels"), "\(frame[23])")
        // Typing does not edit the held line: only Enter, o and Esc answer.
        let typedOver = typed(held.state, "x")
        #expect(typedOver.overlay == held.state.overlay)
        let cancelled = Fixture.step(held.state, .escape)
        #expect(cancelled.state.overlay == nil && cancelled.state.heldClusterTag == nil)
        #expect(cancelled.state.caseState.tags.isEmpty && cancelled.effects.isEmpty)
    }

    @Test func oSwitchesToOnlyTheOthersEnterWritesAndTheAuditSaysSo() {
        let held = Fixture.step(onC2(), .char("T")).typing("ring").pressing(.enter)
        // o chooses; the write stays on Enter, as every write does.
        let chosen = Fixture.step(held.state, .char("o"))
        #expect(chosen.effects.isEmpty)
        #expect(chosen.state.overlay == .commandLine(
            text: "tagcluster ring", completions: ["Enter tags only the 1 rated like c2 (not c2 itself); o: all 2; Esc cancels"]))
        #expect(Fixture.press(chosen.state, .char("o")).overlay == held.state.overlay, "o again: back to all")
        let only = Fixture.step(chosen.state, .enter)
        let s = only.state
        #expect(s.overlay == nil)
        #expect(s.caseState.tags == [Self.b7: ["ring"]], "not acct_c4c4c4, and not c2: its label would reach every member")
        guard case .persist(.tagChosen(let label, let keys, let context))? = only.effects.first else {
            Issue.record("o writes the chosen rows: \(only.effects)")
            return
        }
        #expect(label == "ring" && keys == [Self.b7])
        #expect(context["cluster"] == "c2")
        #expect(context["members"] == "only the 1 of 2 not rated below the cluster's 0.35; 1 rated below the cluster's 0.35 on their own (lowest 0.05) left untagged, and the cluster itself untagged",
                "\(context)")
        #expect(s.caseState.audit.last?.detail.contains("only the 1 of 2") == true)
        #expect(s.status.hasPrefix("tagged 1 of c2's 2 accounts 'ring' (1 rated low left out)"), "\(s.status)")
        // u retracts what was written, no more.
        #expect(s.undoable.last?.write == .tag(label: "ring", keys: [Self.b7]))
    }

    @Test func enterOnTheQuestionTagsAllAndTheAuditSaysSo() {
        let held = Fixture.step(onC2(), .char("T")).typing("ring").pressing(.enter)
        let all = Fixture.step(held.state, .enter)
        #expect(all.state.overlay == nil)
        #expect(all.state.caseState.tags == [Self.b7: ["ring"], Self.c4: ["ring"], MarkKey.cluster(2): ["ring"]])
        guard case .persist(.tagChosen(_, let keys, let context))? = all.effects.first else {
            Issue.record("Enter writes the whole cluster: \(all.effects)")
            return
        }
        #expect(Set(keys) == [Self.b7, Self.c4, MarkKey.cluster(2)])
        #expect(context["members"] == "all 2, 1 rated below the cluster's 0.35 on their own (lowest 0.05) included")
        #expect(all.state.status.hasPrefix("tagged cluster c2 and 2 accounts 'ring'"))
    }

    @Test func anOperationsTAsksTheSame() {
        let model = FixtureModel()
        model.withOperation = true
        let triage = Fixture.loadedState(model: model)
        let asked = Fixture.press(triage, .char("T"))
        // c2 (0.35) is rated under 0.85 of the operation's riskiest cluster (c1, 0.91): both its
        // members are asked about, as a trial's plugin users at 0.05-0.09 under 0.40 should have been.
        #expect(asked.status == "2 (1 cluster) of 4 rated 0.05-0.35, under 0.85 of op1's 0.91", "\(asked.status)")
        let wide = Fixture.press(Fixture.loadedState(size: TerminalSize(rows: 24, cols: 220), model: model), .char("T"))
        #expect(wide.status.contains("; 2 (1 cluster) rated 0.05-0.35, under 0.85 of the operation's 0.91 or of their cluster's: Enter asks which"),
                "\(wide.status)")
        let held = Fixture.step(asked).typing("op-ring").pressing(.enter)
        #expect(held.state.status == "2 of 4 rated 0.05-0.35, under 0.85 of op1's 0.91", "\(held.state.status)")
        let wideHeld = Fixture.step(wide).typing("op-ring").pressing(.enter)
        #expect(wideHeld.state.status == "2 of 4 rated 0.05-0.35, under 0.85 of op1's 0.91 or of their cluster's", "\(wideHeld.state.status)")
        let only = Fixture.step(held.state, .char("o"), .enter)
        guard case .persist(.tagChosen(_, let keys, let context))? = only.effects.first else {
            Issue.record("o writes the chosen rows: \(only.effects)")
            return
        }
        #expect(Set(keys) == Set(["acct_9f3e21", "acct_a0b1c2"].map { MarkKey.account(ExactText($0)) }), "c1's members, not c2's")
        #expect(context["operation"] == "op1")
        #expect(only.state.caseState.audit.last?.detail.contains("only the 2 of 4") == true)
    }

    @Test func theStoreKeepsTheChoiceInTheAuditEntry() throws {
        let folder = URL(fileURLWithPath: TestScratch.root).appendingPathComponent("h16-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try CaseStore(path: folder.appendingPathComponent("cases.sqlite").path)
        let backend = StoreCaseBackend(store: store, defaultTitle: "console test")
        let state = try backend.apply(.tagChosen(label: "ring", keys: [Self.b7],
                                                 context: ["cluster": "c2", "members": "only the 1 of 2"]))
        #expect(state.tags == [Self.b7: ["ring"]])
        let entry = try #require(state.audit.last)
        #expect(entry.command == "tag.add")
        #expect(entry.detail.contains("\"members\":\"only the 1 of 2\""), "\(entry.detail)")
    }

    // MARK: 2. The query history gives the prompt the room.

    func widths(_ scope: QueryScope, cols: Int) -> [String: Int] {
        let table = SheetTables.queries(FixtureModel().queries(scope).rows, scope: scope)
        return Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.title), ViewLayout.columnWidths(table.columns, total: cols)))
    }

    @Test func atEightyColumnsThePromptGetsFortyAndWiderScreensGiveItTheRest() {
        let account = widths(.account(0), cols: 80)
        #expect(account["prompt"]! >= 40, "\(account)")
        #expect(account["account"] == 0, "one account's history drops the account first (the breadcrumb names it)")
        #expect(account["time"]! > 0 && account["out tok"]! > 0)
        let cluster = widths(.cluster(1), cols: 80)
        #expect(cluster["prompt"]! >= 40, "\(cluster)")
        #expect(cluster["account"]! > 0, "a cluster's history keeps the account")
        // Wider: the dropped columns come back, and the prompt takes what is left.
        let wide = widths(.cluster(1), cols: 160)
        #expect(wide.values.allSatisfy { $0 > 0 }, "\(wide)")
        #expect(wide["prompt"]! == 160 - 2 - 7 - wide.filter { $0.key != "prompt" }.values.reduce(0, +))
        #expect(widths(.account(0), cols: 120)["prompt"]! > widths(.account(0), cols: 80)["prompt"]!)
    }

    @Test func theHistorySaysWhatItHidesAndEnterShowsTheWholeRow() {
        let history = Fixture.press(Fixture.loadedState(), .enter, .char("H"))
        let frame = Fixture.frame(history)
        #expect(frame[2].hasSuffix("  4 columns hidden: Enter shows them"), "\(frame[2])")
        #expect(frame[3].hasPrefix("  time             account     out tok prompt"), "\(frame[3])")
        let opened = Fixture.press(history, .enter)
        guard case .record(let record)? = opened.overlay else { Issue.record("Enter opens the row"); return }
        #expect(record.fields.map(\.key).contains("ip") && record.fields.map(\.key).contains("model"))
        // At 160 columns nothing is hidden.
        var wide = history
        wide.size = TerminalSize(rows: 24, cols: 160)
        #expect(!Fixture.frame(wide)[2].contains("hidden"))
    }

    // MARK: 3. A zero-retention account's history shows its fingerprints.

    @Test func aRowWithNoPromptShowsItsFingerprintMarkedAndEscaped() {
        #expect(QueryPromptText.of([("prompt_fingerprint", "342645c7abca", false)]) == "[fingerprint] 342645c7abca")
        #expect(QueryPromptText.of([("prompt", "null", true), ("prompt_fingerprint", "ab", false)]) == "[fingerprint] ab")
        #expect(QueryPromptText.of([("prompt", "", false), ("prompt_fingerprint", "ab", false)]) == "[fingerprint] ab")
        #expect(QueryPromptText.of([("prompt", "hello", false), ("prompt_fingerprint", "ab", false)]) == "hello")
        #expect(QueryPromptText.of([("prompt_fingerprint", "\u{1B}[2J\u{202E}ab", false)]) == "[fingerprint] \\x1b[2J\\u{202E}ab")
        #expect(QueryPromptText.of([("ts", "2026-01-01", false)]) == "")
    }

    @Test func theEnginesHistoryOfAZeroRetentionAccountShowsFingerprints() throws {
        let source = try TrialFourTests.Source(accounts: ["zr-1", "keeps-1"], queries: [
            ["account_id": "zr-1", "ts": "2026-01-02T00:00:00Z", "prompt_fingerprint": "342645c7abca037679ab6d8c"],
            ["account_id": "zr-1", "ts": "2026-01-03T00:00:00Z", "prompt_fingerprint": "\u{1B}]0;x\u{07}"],
            ["account_id": "keeps-1", "ts": "2026-01-02T00:00:00Z", "prompt": "hello", "prompt_fingerprint": "ffff"],
        ])
        let zeroRetention = source.model.queries(.account(try source.index("zr-1"))).rows.map(\.prompt)
        #expect(zeroRetention == ["[fingerprint] \\x1b]0;x\\x07", "[fingerprint] 342645c7abca037679ab6d8c"], "\(zeroRetention)")
        #expect(source.model.queries(.account(try source.index("keeps-1"))).rows.map(\.prompt) == ["hello"])
    }

    // MARK: 4. A re-export of an unchanged case says it wrote the same bytes.

    @Test func anUnchangedReExportSaysSoRightAfterTheName() {
        let done = "exported case-0001 as case-0001-2.zip: 7 files, signed; in /tmp/x"
        #expect(ExportLine.line(done: done, file: "case-0001-2.zip", earlier: "case-0001.zip", sameBytes: true)
            == "exported case-0001 as case-0001-2.zip: same bytes as case-0001.zip (the case is unchanged;"
                + " exported_at is its last write's time); 7 files, signed; in /tmp/x")
        #expect(ExportLine.line(done: done, file: "case-0001-2.zip", earlier: "case-0001.zip", sameBytes: false)
            == "exported case-0001 as case-0001-2.zip (case-0001.zip kept): 7 files, signed; in /tmp/x")
        #expect(ExportLine.line(done: "exported case-0001 as case-0001.zip: 7 files", file: "case-0001.zip", earlier: nil, sameBytes: false)
            == "exported case-0001 as case-0001.zip: 7 files")
        #expect(HelpOverlay.lines(Fixture.loadedState()).joined(separator: " ").contains("exported_at is the time of the case's last write"))
    }

    @Test func sameBytesComparesTheFiles() throws {
        let folder = TestScratch.root + "h16-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: folder + "/a.zip"))
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: folder + "/b.zip"))
        try Data([1, 2, 4]).write(to: URL(fileURLWithPath: folder + "/c.zip"))
        #expect(ExportLine.sameBytes(folder + "/a.zip", folder + "/b.zip"))
        #expect(!ExportLine.sameBytes(folder + "/a.zip", folder + "/c.zip"))
        #expect(!ExportLine.sameBytes(folder + "/a.zip", folder + "/missing.zip"))
    }
}
