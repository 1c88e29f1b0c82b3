import Investigate
import Testing
@testable import tui

/// A new user's trial on a blind source (12b): single accounts rated high were hidden from
/// triage, one stray Esc lost every mark, an account's hundreds of one-off values buried what it
/// shares, and the compare view put "why linked" after them.
@Suite struct TrialTwelveTests {
    @Test func triageListsSingleAccountsRatedHighAndHidesTheRest() {
        #expect(TriageRows.listed(size: 1, risk: 0.5))
        #expect(TriageRows.listed(size: 1, risk: 0.57))
        #expect(!TriageRows.listed(size: 1, risk: 0.49))
        #expect(TriageRows.listed(size: 2, risk: 0.1))
    }

    @Test func theCaptionCountsSingleAccountsShownAndHidden() {
        let counts = TriageCounts(linked: 2_398, linkedShown: 15, singles: 17_694, singlesShown: 23)
        #expect(Captions.triage(counts)
            == "15 of 2,398 clusters shown; 23 single accounts shown, 17,671 hidden; press X to list them all")
        #expect(Captions.triage(counts, width: 82) == "15 of 2,398 clusters shown; 23 single accounts shown, 17,671 hidden (X lists all)")
        // At 80 that is 81 columns, and a trial saw its end cut: shorter words, the key kept.
        #expect(Captions.triage(counts, width: 80) == "15 of 2,398 clusters; 23 singles shown, 17,671 hidden (X: all)")
        // One is "1 single", not "1 singles" (a trial).
        let one = TriageCounts(linked: 2_398, linkedShown: 1_715, singles: 17_694, singlesShown: 1)
        #expect(Captions.triage(one, width: 80).contains("; 1 single shown, 17,693 hidden (X: all)"))
    }

    @Test func oneEscAsksAndASecondClearsTheMarks() {
        let marked = Fixture.press(Fixture.loadedState(), .char(" "))
        #expect(marked.marks.count == 1)
        let asked = Fixture.press(marked, .escape)
        #expect(asked.marks.count == 1, "one Esc keeps the marks")
        #expect(asked.status == "Esc again clears 1 mark (there is no undo)")
        let cleared = Fixture.press(asked, .escape)
        #expect(cleared.marks.isEmpty)
        #expect(cleared.status == "marks cleared")
    }

    @Test func anEscThatClosesAnOverlayThenAnotherKeepsTheMarks() {
        // `?` Esc Esc: the first Esc closes help, the second only asks.
        let s = Fixture.press(Fixture.loadedState(), .char(" "), .char("?"), .escape, .escape)
        #expect(s.marks.count == 1)
        // Any other key between two Escs disarms the first.
        let t = Fixture.press(Fixture.loadedState(), .char(" "), .escape, .char("j"), .escape)
        #expect(t.marks.count == 1)
    }

    @Test func anAccountsSharedValuesComeBeforeItsOwn() {
        func row(_ kind: LinkKind, _ text: String, _ sharedBy: Int, hub: Bool = false) -> ValueRow {
            ValueRow(kind: kind, value: 0, text: text, sharedBy: sharedBy, isHub: hub)
        }
        let values = [row(.ip, "198.51.100.1", 1), row(.ip, "198.51.100.2", 1), row(.ip, "10.0.0.1", 900, hub: true),
                      row(.subnet, "198.51.100.0/24", 1), row(.userAgent, "python-requests", 40_000, hub: true),
                      row(.template, "tf-e54af73f", 40), row(.payment, "card-1", 3), row(.template, "tf-00000001", 7)]
        #expect(EngineModel.sharedFirst(values).map(\.text) == [
            "card-1", "tf-00000001", "tf-e54af73f",     // shared, not hubs: kinds in order, rarer first
            "10.0.0.1", "python-requests",              // hubs
            "198.51.100.1", "198.51.100.2", "198.51.100.0/24",  // held alone, in their order
        ])
    }
}
