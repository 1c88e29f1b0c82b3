import Foundation
import Investigate
import Testing
@testable import tui

/// A session-26 trial's console findings: `t` on the timing pane offered to tag a row out of
/// sight; `t` on a cluster row tagged the cluster without saying its accounts stay out of the
/// case; the console never said what the load skipped; `y` on an id holding control bytes
/// copied an escaped text that was another account's id.
@Suite struct TrialTwentySixTests {
    @Test func tOnTheTimingPaneTagsNothingOutOfSight() {
        let pane = FiringPaneTests.timingPane()
        let step = Fixture.step(pane, .char("t"))
        #expect(step.state.overlay == nil)
        #expect(step.effects.isEmpty)
        #expect(step.state.status == "who it fires with: Enter opens the account (tag it there); Tab: next pane")
    }

    @Test func tOnAClusterRowSaysItsAccountsStayOut() {
        let tagged = Fixture.press(Fixture.loadedState(), .char("t"), .char("x"), .enter)
        #expect(tagged.status.hasPrefix("tagged 1 row 'x'"))
        #expect(tagged.status == "tagged 1 row 'x' (the cluster, not its accounts: T tags them) in a new case")
        #expect(AppUpdate.tagTargetWordings(Fixture.loadedState()).first == "tags the cluster c1, not its accounts (T tags them too; Esc cancels)")
        // An account row says nothing of the kind.
        let account = Fixture.press(Fixture.loadedState(), .enter, .char("t"), .char("x"), .enter)
        #expect(!account.status.contains("not its accounts"))
    }

    @Test func theConsoleSaysWhatTheLoadSkipped() {
        let model = FixtureModel()
        model.loadIssuesText = "10 rows skipped, 4 warnings"
        #expect(Fixture.loadedState(model: model).status == "load: 10 rows skipped, 4 warnings (investigate load lists each by file:line)")
        #expect(Fixture.loadedState().status == "")
    }

    @Test func copyingAnEscapedIdSaysItIsNotTheId() {
        let model = FixtureModel()
        let exact = ExactText(bytes: Array("acct_".utf8) + [0x1B] + Array("[2J".utf8))
        model.accounts[0].id = exact.display
        model.accounts[0].exact = exact
        let cluster = Fixture.press(Fixture.loadedState(model: model), .enter)
        let copied = Fixture.step(cluster, .char("y"))
        let caution = "copied the id's escaped text, not the id; y again: --account-b64"
        #expect(copied.effects == [.copy(exact.display, caution: caution)])
        #expect(copied.state.status == caution + "; copying...")
        // The warning is said whole on an 80-column line, whatever the id's length.
        #expect(caution.count <= 80)
        // `y` again copies the argument that names the account exactly; a third `y` starts over.
        let again = Fixture.step(copied.state, .char("y"))
        #expect(again.effects == [.copy("--account-b64 \(exact.base64)")])
        #expect(Fixture.step(again.state, .char("y")).effects == [.copy(exact.display, caution: caution)])
        // With a look-alike whose id is exactly the escaped text, the status warns of it.
        model.lookAlikeIDs = [exact.display]
        let warned = Fixture.step(Fixture.press(Fixture.loadedState(model: model), .enter), .char("y"))
        #expect(warned.state.status.hasPrefix("the copied text is ANOTHER account's id, not this one; y again: --account-b64"))
        // The escaped form typed back opens the account it shows, and says it read it so;
        // typed text echoed in a status shows its backslashes doubled.
        let typedModel = FixtureModel()
        typedModel.accounts[0].id = "acct_\u{1B}[2J"
        var opened = Fixture.press(Fixture.loadedState(model: typedModel), .char(":"))
        for c in "open acct_\\x1b[2J" { opened = Fixture.press(opened, .char(c)) }
        opened = Fixture.press(opened, .enter)
        #expect(opened.current.kind == .account(0))
        #expect(opened.status == "no account's id is exactly 'acct_\\\\x1b[2J': opened the one it shows escaped")
        var missing = Fixture.press(Fixture.loadedState(), .char(":"))
        for c in "open acct_\\x00x" { missing = Fixture.press(missing, .char(c)) }
        #expect(Fixture.press(missing, .enter).status == "no account or cluster 'acct_\\\\x00x'")
        // A plain id is copied as it is, with nothing said.
        let plain = Fixture.step(Fixture.press(Fixture.loadedState(), .enter), .char("y"))
        #expect(plain.state.status == "copying acct_9f3e21...")
    }
}
