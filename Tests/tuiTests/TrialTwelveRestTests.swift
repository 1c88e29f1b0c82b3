import Investigate
import Testing
@testable import tui

/// The rest of a new user's trial on blind source 12: a shared value's sheet said nothing of the
/// clusters its holders sit in nor of a template's text; the operation overlay could not be acted
/// on; `:export` did not ask for Enter as `e` does, so the confirming Enter opened a row; triage's
/// header called its order "ranked by risk"; and a few words (`[shared … hub`, `tokens`, `y`, age).
@Suite struct TrialTwelveRestTests {
    func withOperation() -> AppState {
        let model = FixtureModel()
        model.withOperation = true
        return Fixture.loadedState(model: model)
    }

    func typed(_ state: AppState, _ text: String) -> AppState {
        text.reduce(state) { Fixture.press($0, .char($1)) }
    }

    @Test func heldInListsClustersMostHoldersFirstAndCountsWhatIsCut() {
        let held = [HeldIn(cluster: 1, holders: 4, size: 9), HeldIn(cluster: 6, holders: 3, size: 5),
                    HeldIn(cluster: 8, holders: 1, size: 2), HeldIn(cluster: 9, holders: 1, size: 3),
                    HeldIn(cluster: 10, holders: 1, size: 4), HeldIn(cluster: 40, holders: 1, size: 1),
                    HeldIn(cluster: 41, holders: 1, size: 1)]
        #expect(HeldInCaption.line(held)
            == "held in 5 clusters: c1 (4), c6 (3), c8 (1), c9 (1), c10 (1); 2 single accounts")
        #expect(HeldInCaption.line(held, width: 62) == "held in 5 clusters: c1 (4), c6 (3), +3 more; 2 single accounts")
        #expect(HeldInCaption.line([HeldIn(cluster: 3, holders: 1, size: 1)]) == "held in: no cluster; 1 single account")
    }

    @Test func theValueSheetSaysWhereItsHoldersSitAndListsH() {
        let s = Fixture.press(Fixture.loadedState(), .enter, .enter, .down, .enter)
        #expect(s.current.kind == .sharedValue(.ip, 0))
        let frame = Fixture.frame(s)
        #expect(frame[3] == "held in 1 cluster: c1 (2)")
        #expect(frame[4].contains("cluster"), "a cluster column: \(frame[4])")
        #expect(frame[5].hasPrefix("> acct_9f3e21") && frame[5].contains(" c1 "), "\(frame[5])")
        #expect(frame[23].contains("H queries"), "the hint bar lists H: \(frame[23])")
        // H on a holder opens that account's queries.
        #expect(Fixture.press(s, .char("H")).current.kind == .queries(.account(0)))
    }

    @Test func aTemplatesSheetShowsItsTextEscapedAndCut() {
        let s = typed(Fixture.press(Fixture.loadedState(), .char(":")), "pivot template tf-77")
        let opened = Fixture.press(s, .enter)
        #expect(opened.current.kind == .sharedValue(.template, 0))
        let frame = Fixture.frame(opened)
        #expect(frame[1] == "template tf-77")
        #expect(frame[4].hasPrefix("text: Summarise the "), "\(frame[4])")
        #expect(!frame.joined().contains("\u{1B}"), "nothing raw reaches the terminal")
        #expect(frame.allSatisfy { TextWidth.of($0) <= 80 })
        #expect(frame[5].contains("account"), "the table starts under the text: \(frame[5])")
    }

    @Test func aTemplateFilterOnQueriesSaysHowToGetThere() {
        let history = Fixture.press(Fixture.loadedState(), .enter, .enter, .char("H"))
        let s = Fixture.press(typed(Fixture.press(history, .char("f")), "template=tf-77"), .enter)
        let why = s.promptRefusal ?? ""
        #expect(why.contains(":pivot template"), "\(why)")
        #expect(why.contains("H there"), "\(why)")
    }

    @Test func theOperationOverlaysTiesAreSelectedAndOpened() {
        let opened = Fixture.press(withOperation(), .enter)
        guard case .record(let r)? = opened.overlay else { Issue.record("Enter on op1 opens its record"); return }
        #expect(r.choices.map(\.target) == [.sharedValue(.template, 0), .sharedValue(.asn, 0)])
        // What it counts agrees with the value's sheet (`pivot`): the asn's holders sit in c1
        // and one account alone.
        #expect(r.choices[1].text
            == "asn AS16509: ties 2 of op1's clusters (held by half or more of each one's members); held in 1 cluster: c1 (2); 1 single account")
        let frame = Fixture.frame(opened)
        #expect(frame.contains { $0.hasPrefix(" > template tf-77: ties 2 of op1's clusters") }, "\(frame)")
        let moved = Fixture.press(opened, .char("j"))
        guard case .record(let m)? = moved.overlay else { Issue.record("j keeps the record open"); return }
        #expect(m.choice == 1)
        #expect(Fixture.frame(moved).contains { $0.hasPrefix(" > asn AS16509") })
        let pivoted = Fixture.press(moved, .enter)
        #expect(pivoted.overlay == nil)
        #expect(pivoted.current.kind == .sharedValue(.asn, 0))
        #expect(Fixture.press(pivoted, .backspace).current.kind == .triage, "Back returns to triage")
        #expect(Fixture.press(opened, .escape).overlay == nil, "Esc closes")
    }

    @Test func colonExportAsksForEnterLikeE() {
        var s = Fixture.loadedState()
        s.caseState.id = "case-0001"
        let typedExport = typed(Fixture.press(s, .char(":")), "export")
        let asked = Fixture.step(typedExport, .enter)
        #expect(!asked.effects.contains(.export), ":export alone writes nothing")
        #expect(asked.state.overlay == .commandLine(text: "export", completions: [
            "Enter exports case-0001 as a signed bundle, Esc cancels (earlier ones are kept)"]))
        // The confirming Enter exports and stays on triage: it never opens the row behind.
        let confirmed = Fixture.step(asked.state, .enter)
        #expect(confirmed.effects.filter { $0 == .export }.count == 1)
        #expect(confirmed.state.stack.count == 1 && confirmed.state.overlay == nil)
        // `e` asks the same way.
        let e = Fixture.step(s, .char("e"))
        #expect(e.state.overlay == asked.state.overlay)
        // The completion message is shown.
        let done = AppUpdate.update(confirmed.state, .status("exported case-0001 as case-0001.zip: 3 files, signed; in /x")).state
        #expect(Fixture.frame(done)[22].contains("exported case-0001 as case-0001.zip"), "\(Fixture.frame(done)[22])")
        #expect(Fixture.step(asked.state, .escape).effects.isEmpty)
    }

    @Test func triageSaysWhatItsOrderIsAndHelpGivesTheRule() {
        let s = Fixture.loadedState()
        let frame = Fixture.frame(s)
        #expect(frame[1] == "clusters, likeliest first  4 accounts, 8246 queries, 2 linked clusters")
        let help = HelpOverlay.lines(s).joined(separator: " ")
        #expect(help.contains("likeliest first: those rated 0.5 or more by expected ring accounts (size x risk)"))
        #expect(help.contains("age: days before the newest query or created_at in the source"))
        #expect(help.contains("copy the selected id (OSC 52; inside tmux, the tmux buffer)"))
    }

    @Test func theSortColumnsTitleIsNeverCutByItsBrackets() {
        let s = Fixture.press(Fixture.loadedState(), .enter, .enter, .char(">"), .char(">"), .char(">"))
        #expect(s.current.column == 2)
        let frame = Fixture.frame(s)
        let title = frame[ViewLayout.tableTitleRow(s.current.kind)]
        #expect(title.contains("[shared by]") && title.contains("hub"), "\(title)")
    }

    @Test func theHistorySaysItsTokensAreOutputTokens() {
        let s = Fixture.press(Fixture.loadedState(), .enter, .enter, .char("H"))
        #expect(Fixture.frame(s)[3].contains("out tok"))
        #expect(AppUpdate.filterProblem(s, "tokens>100") == nil, "the old name still filters")
    }
}
