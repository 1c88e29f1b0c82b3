import Foundation
import Testing
@testable import tui

/// The console's fourth pass (a new-user trial on an unseen source), findings 2 to 6; finding 1
/// (cases and sources) is `CaseSourceTests`.
@Suite struct FourthPassTests {
    /// `state` with the filter `expression` applied to its current sheet, as the runner would
    /// (the order computed and posted back).
    static func filtered(_ state: AppState, _ expression: String) -> AppState {
        var s = Fixture.step(state, .char("f")).typing(expression).pressing(.enter).state
        let depth = s.stack.count - 1
        let table = AppUpdate.table(s, s.current)
        let order = RowQuery.order(table, filter: s.current.filter, sortColumn: nil)
        s = AppUpdate.update(s, .orderReady(depth: depth, kind: s.current.kind, order: order)).state
        return s
    }

    // MARK: 2. a filter over a cut list says what it covers

    @Test func aFilterOnACutHistorySaysItCoversOnlyTheLoadedRows() {
        let model = FixtureModel()
        model.queryTotal = 3_000
        let s = Self.filtered(Fixture.press(Fixture.loadedState(model: model), .char("H")), "model=m-large")
        #expect(s.status == "filter 'model=m-large': 2 rows (covers the 2 loaded of 3,000 queries; press + to load more)")
        #expect(Fixture.frame(s)[1].hasPrefix("filter covers the 2 loaded of 3,000 queries; press + to load more"))
        // A history that is whole says nothing of the kind.
        let whole = Self.filtered(Fixture.press(Fixture.loadedState(), .char("H")), "model=m-large")
        #expect(whole.status == "filter 'model=m-large': 2 rows")
        #expect(!Fixture.frame(whole).joined().contains("loaded of"))
    }

    @Test func theCoverageNamesTheKeyThatLoadsMoreAsBound() {
        let model = FixtureModel()
        model.queryTotal = 3_000
        var s = Fixture.press(Fixture.loadedState(model: model), .char("H"))
        s.keymap.apply("show-more = m")
        s = Self.filtered(s, "tokens>1")
        #expect(Fixture.frame(s)[1].hasPrefix("filter covers the 2 loaded of 3,000 queries; press m to load more"))
    }

    // MARK: 3. keys typed while the case list is read go to the picker

    @Test func keysTypedBeforeThePickerOpensAreAppliedToIt() {
        var s = Fixture.loadedState()
        s.caseState.id = "case-0002"
        let typed = Fixture.step(s, .char("c"), .char("j"), .enter)
        #expect(typed.state.current.kind == .triage && typed.state.current.cursor == 0, "j and Enter waited")
        #expect(typed.state.pickerTypeAhead == [.char("j"), .enter])
        let opened = typed.then([.casesListed(Fixture.cases)])
        #expect(opened.state.overlay == nil, "Enter chose a case and closed the picker")
        #expect(opened.effects.contains(.persist(.openCase(id: "case-0001"))), "j moved from case-0002 to case-0001")
        #expect(opened.state.status == "switched to case-0001 'console hydra'")
        #expect(opened.state.pickerTypeAhead == nil)
    }

    @Test func escWhileTheListIsReadGivesUpOnThePickerAndAFailureSaysWhatWasNotUsed() {
        let s = Fixture.loadedState()
        let given = Fixture.step(s, .char("c"), .escape)
        #expect(given.state.pickerTypeAhead == nil && given.state.status == "case picker not opened")
        let late = given.then([.casesListed(Fixture.cases)])
        #expect(late.state.overlay != nil, "a late list still opens the picker, with no stale keys")
        let failed = Fixture.step(s, .char("c"), .char("j"), .char("j")).then([.caseListFailed("case store: locked")])
        #expect(failed.state.status == "case store: locked; 2 keys typed after c not used")
        #expect(failed.state.current.cursor == 0)
        #expect(Fixture.press(failed.state, .char("j")).current.cursor == 1, "keys act on the sheet again")
    }

    // MARK: 4. cut text ends in an ellipsis; the important words come first

    @Test func textCutShortEndsInTheEllipsis() {
        var buffer = ScreenBuffer(rows: 1, cols: 20)
        buffer.put("links: payment 12, ip 30, asn 4", row: 0, col: 0)
        #expect(buffer.lines()[0] == "links: payment 12, …")
        var ascii = ScreenBuffer(rows: 1, cols: 20, glyphs: .asciiOnly)
        ascii.put("links: payment 12, ip 30, asn 4", row: 0, col: 0)
        #expect(ascii.lines()[0] == "links: payment 12, ~")
        var spaces = ScreenBuffer(rows: 1, cols: 10)
        spaces.put("0123456789     ", row: 0, col: 0)
        #expect(spaces.lines()[0] == "0123456789", "trailing spaces are dropped without an ellipsis")
        var wide = ScreenBuffer(rows: 1, cols: 7)
        wide.put("日本語のプロンプト", row: 0, col: 0)
        #expect(wide.lines()[0] == "日本語…")
    }

    @Test func aLongStatusTakesTheWholeLineAndEndsInItsEllipsis() {
        // Session 18's trial read `...: the one v…  [2 marked]`: a status too long even alone
        // is not cut further for the counters; it runs to the line's end.
        var s = Fixture.loadedState()
        s.status = "tagged 120 rows 'a-very-long-label-for-the-ring-that-runs-on' - saved in case-0001 and more words"
        let line = Fixture.frame(s)[22]
        #expect(line.hasSuffix("…") && TextWidth.of(line) == 79, "\(line)")
        #expect(!line.contains("1/2"))
    }

    @Test func theExportHintSaysEnterAndEscFirst() {
        var s = Fixture.loadedState()
        s.caseState.id = "case-0001"
        let frame = Fixture.frame(Fixture.press(s, .char("e")))
        #expect(frame[23].hasPrefix(" Enter exports case-0001 as a signed bundle, Esc cancels"))
    }

    // MARK: 5. keymap problems are said once at start

    @Test func keymapProblemsAreSaidInTheStatusLineOnceLoaded() {
        var s = AppState()
        s.keymap.apply("frobnicate = x\nquit = NotAKey\n")
        #expect(s.keymap.notice == "keymap: 2 problems, see ? (first: keymap:1: unknown command 'frobnicate')")
        s = AppUpdate.update(s, .loaded(ConsoleData(model: FixtureModel()))).state
        #expect(s.status.hasPrefix("keymap: 2 problems, see ?"))
        #expect(Fixture.frame(s)[22].hasPrefix("keymap: 2 problems, see ? (first:"))
        #expect(Fixture.press(s, .char("j")).status.isEmpty, "once: the next key clears it")
        #expect(Fixture.loadedState().status.isEmpty, "no problems, nothing said")
    }

    // MARK: 6. counts, the risk breakdown, a failed load

    @Test func theTriageCounterCountsWhatTheFilterShows() {
        let s = Self.filtered(Fixture.loadedState(), "risk>0.5")
        #expect(Fixture.frame(s)[2] == "filter 'risk>0.5': 1 of 2 clusters shown")
        #expect(Fixture.frame(Fixture.loadedState())[2] == "2 of 2 clusters shown")
    }

    @Test func theWholeRiskBreakdownKeepsSignalNamesWholeAndSaysHowTheyMakeTheRisk() {
        // c1: Enter, Tab Tab to the risk pane, Enter reads it whole.
        let s = Fixture.press(Fixture.loadedState(), .enter, .tab, .tab, .enter)
        guard case .record(let record)? = s.overlay else {
            Issue.record("the breakdown opens as a record")
            return
        }
        let lines = RecordOverlay.lines(record, width: 78, ascii: false).map(\.text)
        #expect(lines.contains { $0.hasPrefix("established_accounts  -0.21") }, "the name is whole")
        #expect(lines.contains { $0.hasPrefix("= risk                risk = 1 - exp(-sum of contributions)") }, "the last field")
        let formula = record.fields.last?.values.first ?? ""
        #expect(formula.hasPrefix("risk = 1 - exp(-sum of contributions) = 1 - exp(-0.59) = 0.45"))
        #expect(formula.contains("the engine gave 0.91"), "a risk the formula does not give is said, not hidden")
        // The pane itself shows the line first, and the longest name whole.
        let pane = Fixture.frame(Fixture.press(Fixture.loadedState(), .enter, .tab, .tab))
        #expect(pane.contains { $0.hasPrefix("risk = 1 - exp(-sum of contributions) = 1 - exp(-0.59) = 0.45") })
        #expect(pane.contains { $0.hasPrefix("established_accounts      570") })
    }

    @Test func theFormulaIsTheEnginesForClustersAndAccounts() {
        let signals = [SignalRow(name: "a", value: 1, baseline: 0, contribution: 1.2, explanation: ""),
                       SignalRow(name: "b", value: 1, baseline: 0, contribution: 0.53, explanation: "")]
        let risk = 1 - exp(-1.73)
        #expect(RiskFormula.cluster(signals, risk: risk) == "risk = 1 - exp(-sum of contributions) = 1 - exp(-1.73) = 0.82")
        let negative = [SignalRow(name: "c", value: 1, baseline: 0, contribution: -0.2, explanation: "")]
        #expect(RiskFormula.cluster(negative, risk: 0).hasSuffix("= 0.00 (the sum, -0.20, is floored at 0)"))
        let account = RiskFormula.account(signals, clusterRisk: risk, accountRisk: risk * 0.7)
        #expect(account.contains("; this account = cluster risk 0.823 x 0.700 = 0.58"), "the product holds as shown (0.82 x 0.70 is 0.574)")
    }

    @Test func aFailedLoadNeverSaysLoadingAgain() {
        var s = AppState()
        s = AppUpdate.update(s, .progress(fraction: 0.3, label: "queries.jsonl")).state
        s = AppUpdate.update(s, .loadFailed("queries.jsonl: not a regular file")).state
        let frame = Fixture.frame(s).joined(separator: "\n")
        #expect(frame.contains("load failed: queries.jsonl: not a regular file"))
        #expect(!frame.contains("loading"), Comment(rawValue: frame))
        s = Fixture.press(s, .enter)
        #expect(s.status == "the source did not load (queries.jsonl: not a regular file); q quits")
    }
}
