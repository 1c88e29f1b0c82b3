import Foundation
import Investigate
import Testing
@testable import tui

/// Issue 13, point 6: the account sheet's timing pane (who it fires with, as the CLI `account`
/// says it), built off the input path, with its own cursor; and the connect pane's cap said.
@Suite struct FiringPaneTests {
    /// Triage > c1 > acct_9f3e21, then Tab twice: the timing pane.
    static func timingPane(_ model: FixtureModel = FixtureModel()) -> AppState {
        Fixture.press(Fixture.loadedState(model: model), .enter, .enter, .tab, .tab)
    }

    @Test func tabCyclesValuesRiskTimingAndBack() {
        let account = Fixture.press(Fixture.loadedState(), .enter, .enter)
        #expect(account.current.kind == .account(0))
        let one = Fixture.press(account, .tab), two = Fixture.press(one, .tab), three = Fixture.press(two, .tab)
        #expect([one, two, three].map(\.current.pane) == [1, 2, 0])
    }

    @Test func thePaneSaysWhoItFiresWithAndHowOften() {
        let frame = Fixture.frame(Self.timingPane())
        #expect(frame[4].hasPrefix("who it fires with (j/k move, Enter opens, y copies; Tab: back to values)"))
        #expect(frame[5].hasPrefix("  fires with 2 accounts within 5 s, 11 times; 0.09 expected"))
        #expect(frame.contains { $0.hasPrefix("  account") && $0.contains("together") && $0.contains("expected") && $0.contains("bits") })
        let first = frame.first { $0.hasPrefix("> acct_a0b1c2") }
        #expect(first != nil, "the cursor on the first partner")
        #expect(first.map { $0.contains(" c1 ") && $0.contains(" 9 ") && $0.contains(" 0.04 ") && $0.hasSuffix("62") } == true)
        #expect(frame.contains { $0.hasPrefix("  acct_b7d8e9") && $0.contains(" c2 ") && $0.contains(" 0.05 ") })
    }

    @Test func anAccountFiringWithNobodySaysSo() {
        // acct_b7d8e9 (c2's first member): Enter on c2, Enter on it, Tab Tab.
        let s = Fixture.press(Fixture.loadedState(), .down, .enter, .enter, .tab, .tab)
        #expect(s.current.kind == .account(2))
        let frame = Fixture.frame(s)
        #expect(frame[5] == "  fires with no account within 5 s more often than chance (3 firings)")
        #expect(Fixture.press(s, .enter).current.kind == .account(2))
        #expect(Fixture.press(s, .enter).status == "no account fires with this one more often than chance")
    }

    @Test func aSittingsPartnerReadsInHoursNotSeconds() {
        let sitter = FiringPartner(account: 4, id: "acct_relay2", cluster: 3, together: 32, expected: 7.09, bits: 21, windowSeconds: 3600, sittings: true)
        let line = FiringPane.line(sitter, cols: 80, ellipsis: "…")
        #expect(line.hasPrefix("acct_relay2"))
        #expect(line.contains(" c3 ") && line.contains("   hour ") && line.contains(" 32 ") && line.contains(" 7.09 ") && line.hasSuffix("21"))
        #expect(!line.contains("3600 s"))
        var firer = sitter
        firer.sittings = false
        #expect(FiringPane.line(firer, cols: 80, ellipsis: "…").contains("3600 s"))
    }

    @Test func enterOpensThePartnerAndYCopiesIt() {
        let s = Self.timingPane()
        let second = Fixture.press(s, .char("j"))
        #expect(second.current.paneCursor == 1)
        #expect(second.current.cursor == 0, "the values table behind the pane does not move")
        let opened = Fixture.press(second, .enter)
        #expect(opened.current.kind == .account(2))
        #expect(opened.stack.count == s.stack.count + 1)
        let copy = Fixture.step(s, .char("y"))
        #expect(copy.effects == [.copy("acct_a0b1c2")])
        #expect(Fixture.press(s, .char("k"), .char("k")).current.paneCursor == 0)
        #expect(Fixture.press(s, .char("G")).current.paneCursor == 1)
    }

    @Test func thePaneIsBuiltOffTheInputPath() {
        let model = FixtureModel()
        model.firingBuilt = false
        let account = Fixture.press(Fixture.loadedState(model: model), .enter, .enter, .tab)
        let tab = Fixture.step(account, .tab)
        #expect(tab.effects == [.readFiring(account: 0)])
        #expect(Fixture.frame(tab.state)[5].hasPrefix("  reading when the other accounts fire..."))
        #expect(Fixture.press(tab.state, .enter).status == "still reading who this account fires with")
        // Built: the runner says so, and the next frame draws it (no second request).
        model.firingBuilt = true
        let read = AppUpdate.update(tab.state, .firingRead(account: 0))
        #expect(read.effects.isEmpty)
        #expect(Fixture.frame(read.state).contains { $0.hasPrefix("> acct_a0b1c2") })
        // Already built: Tab asks for nothing.
        #expect(Fixture.step(Fixture.press(Fixture.loadedState(), .enter, .enter, .tab), .tab).effects.isEmpty)
    }

    @Test func aCutConnectPaneSaysHowManyMoreAndOfWhat() {
        #expect(EngineSketch.capNotes(values: 200, listed: 200, members: 90, sampled: 5_000).isEmpty)
        let notes = EngineSketch.capNotes(values: 1_412, listed: 200, members: 12_000, sampled: 5_000)
        #expect(notes.map(\.text) == [
            "+1,212 more shared values: 200 of 1,412 listed, the most shared first (:pivot KIND VALUE opens any)",
            "counted over the first 5,000 of 12,000 members",
        ])
        #expect(notes.allSatisfy { $0.kind == nil }, "a note pivots on nothing")
    }

    @Test func theEnginesSketchEndsInTheCapNote() throws {
        // Three accounts sharing an IP, a client and a prompt: three shared values, one listed.
        let ids = ["a-1", "a-2", "a-3"]
        let source = try TrialFourTests.Source(accounts: ids, queries: ids.enumerated().map { i, id in
            ["account_id": id, "ts": "2026-01-0\(i + 2)T00:00:00Z", "ip": "203.0.113.9", "user_agent": "ring-client/1.0",
             "prompt": "hello"]
        })
        let members = ids.map { Int32(try! source.index($0)) }
        let whole = EngineSketch.lines(members: members, model: source.model)
        #expect(whole.allSatisfy { $0.kind != nil }, "nothing cut: no note")
        let cut = EngineSketch.lines(members: members, model: source.model, limit: 1, sampled: 2)
        #expect(cut.count == 3 && cut[0].kind != nil)
        #expect(cut[1].text.hasPrefix("+\(whole.count - 1) more shared values: 1 of \(whole.count) listed"))
        #expect(cut[2].text == "counted over the first 2 of 3 members")
    }
}

/// The timing pane at 80x24 (see `RenderTests`).
extension RenderTests {
    @Test func accountFiring() {
        expectScreen("accountFiring", #"""
         Triage > cluster c1 > acct_9f3..
        acct_9f3e21  cluster c1  risk 0.91 █████████░
        country RU  plan payg
        queries [ ▃▅█]
        who it fires with (j/k move, Enter opens, y copies; Tab: back to values)
          fires with 2 accounts within 5 s, 11 times; 0.09 expected (a time pairs one
          of its 40 firings with one of a partner's; a firing can meet several partners)
          account                            cluster  within together  expected   bits
        > acct_a0b1c2                        c1          5 s        9      0.04     62
          acct_b7d8e9                        c2         45 s        2      0.05      9













         ? help  q quit  Enter open  Bksp back  Tab pane  H queries  / search  f filter
        """#)
    }
}

/// A trial (session 36): `y` on a partner in the timing pane copied the partner's escaped text,
/// `acct_BBBB\x1bfire`, which was the real id of a planted account, with no caution; the table's
/// `y` says so and copies `--account-b64` on a second press. The pane now copies the same way.
@Suite struct FiringPaneCopyTests {
    @Test func aPartnerWithControlBytesIsCopiedWithTheCautionAndThenExactly() {
        let model = FixtureModel()
        let exact = ExactText(bytes: Array("acct_BBBB\u{1b}fire".utf8))
        model.accounts[1].id = TextEscaping.visible(exact.bytes)
        model.accounts[1].exact = exact
        model.lookAlikeIDs = [model.accounts[1].id]
        let pane = FiringPaneTests.timingPane(model)
        let first = Fixture.step(pane, .char("y"))
        #expect(first.effects == [.copy("acct_BBBB\\x1bfire", caution: "the copied text is ANOTHER account's id, not this one; y again: --account-b64")])
        #expect(first.state.status.hasPrefix("the copied text is ANOTHER account's id"))
        let second = Fixture.step(first.state, .char("y"))
        #expect(second.effects == [.copy("--account-b64 \(exact.base64)")])
    }

    @Test func aPartnerWithABackslashIsCopiedExactly() {
        let model = FixtureModel()
        let exact = ExactText("corp\\bob")
        model.accounts[1].id = TextEscaping.visible(exact.bytes)
        model.accounts[1].exact = exact
        let copied = Fixture.step(FiringPaneTests.timingPane(model), .char("y"))
        #expect(copied.effects == [.copy("corp\\bob", caution: "")])
    }
}
