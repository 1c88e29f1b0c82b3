import Testing
@testable import tui

/// Issue 14, point 2: a cut list says "N of M" and how to see more.
@Suite struct NoSilentCapsTests {
    @Test func countsAreGroupedAndPlural() {
        #expect(Format.grouped(257_000) == "257,000")
        #expect(Format.grouped(999) == "999")
        #expect(Format.grouped(1_000_000) == "1,000,000")
        #expect(Format.plural(1, "account") == "1 account")
        #expect(Format.plural(3_000, "query", "queries") == "3,000 queries")
    }

    @Test func historySaysHowManyOfHowMany() {
        let model = FixtureModel()
        model.queryTotal = 3_000
        let s = Fixture.press(Fixture.loadedState(model: model), .char("H"))
        #expect(Fixture.frame(s).contains { $0.contains("2 of 3,000 queries, newest first (+ shows more)") })
        let more = Fixture.step(s, .char("+"))
        #expect(more.effects.contains(.showMore(.queries(.cluster(1)))))
        let whole = Fixture.press(Fixture.loadedState(), .char("H"))
        #expect(Fixture.frame(whole).contains { $0.contains("2 queries, newest first") })
    }

    @Test func triageSaysWhatItHidesAndXShowsIt() {
        let model = FixtureModel()
        model.singleAccounts = 257_000
        let s = Fixture.loadedState(model: model)
        #expect(Fixture.frame(s)[2] == "2 of 2 clusters shown; 257,000 single accounts hidden; press X to show them")
        let singles = Fixture.press(s, .char("X"))
        #expect(singles.current.kind == .singles)
        let frame = Fixture.frame(singles)
        #expect(frame.contains { $0.contains("1 of 257,000 single accounts shown (+ shows more)") })
        #expect(frame.contains { $0.contains("acct_c4c4c4") })
        #expect(Fixture.step(singles, .char("+")).effects.contains(.showMore(.singles)))
        #expect(Fixture.press(s, .char("+")).status.contains("not cut"))
    }
}
