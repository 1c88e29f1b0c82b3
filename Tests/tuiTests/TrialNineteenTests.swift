import Investigate
import Testing
@testable import tui

/// Session 18's new-user trial leftovers (blind source 16b at 80x24), fixed in session 19:
/// every line of `T`'s flow on an operation within 80 columns.
@Suite struct TrialNineteenTests {
    // MARK: 1. Every line of `T`'s flow fits 80 columns.

    /// A scope like 16b's op2 (`strong` rated like it, `weak` below), or larger.
    static func scope(strong: Int, weak: Int, clusters: Int) -> ClusterTagScope {
        var scope = ClusterTagScope(clusterKeys: (1...clusters).map { "cluster:c\($0)" })
        scope.strong = (0..<strong).map { "account:a\($0)" }
        scope.weak = (0..<weak).map { "account:b\($0)" }
        (scope.lowest, scope.highest, scope.clusterRisk, scope.weakClusters) = (0.38, 0.41, 0.52, min(3, clusters))
        return scope
    }

    /// The status and footer rows of `state` at 80 columns, each checked whole: within 79
    /// columns (the last is never written) and not cut.
    static func expectWhole(_ state: AppState, _ note: String) {
        let frame = Fixture.frame(state)
        for line in frame.suffix(2) {
            #expect(TextWidth.of(line) <= 79 && !line.contains("…"), "\(note): \(line)")
        }
    }

    @Test func tsQuestionOnAnOperationFitsAt80() {
        let model = FixtureModel()
        model.withOperation = true
        // 16b's op2 (126 accounts, 119 rated like it) read `...; o: only the 119 rated like op2
        // (not op2 itself); Esc cance…`; a long name and large figures as well.
        for (what, strong, weak) in [("op2", 119, 7), ("op1234", 45_000, 135), ("c12345", 99_999, 1), ("op9", 1, 99_999)] {
            var s = Fixture.press(Fixture.loadedState(model: model), .char("T"))
            s = "distillation-ring".reduce(s) { Fixture.press($0, .char($1)) }
            #expect(AppUpdate.askWhichMembers(&s, label: "distillation-ring", scope: Self.scope(strong: strong, weak: weak, clusters: 7), what: what))
            Self.expectWhole(s, "\(what) all")
            let footer = Fixture.frame(s)[23]
            #expect(footer.contains("all \(Format.grouped(strong + weak))") && footer.contains("o:") && footer.contains(Format.grouped(strong)),
                    "\(footer)")
            let only = Fixture.press(s, .char("o"))
            Self.expectWhole(only, "\(what) only")
            #expect(Fixture.frame(only)[23].contains("(not \(what)"), "\(Fixture.frame(only)[23])")
        }
    }

    @Test func op2sKeyLinesAt80() {
        let keys = AppUpdate.questionKeys(all: "126", strong: 119, what: "op2", room: 78)
        #expect(keys.all == "Enter: all 126; o: only the 119 rated like op2 (not op2 itself); Esc cancels")
        #expect(keys.only == "Enter: only the 119 rated like op2 (not op2 itself); o: all 126; Esc cancels")
        // Wider, the full wording as before.
        let wide = AppUpdate.questionKeys(all: "126", strong: 119, what: "op2", room: 118)
        #expect(wide.all == "Enter tags all 126; o: only the 119 rated like op2 (not op2 itself); Esc cancels")
    }

    @Test func theWholeFlowOnAnOperationFitsAt80() {
        let model = FixtureModel()
        model.withOperation = true
        var s = Fixture.press(Fixture.loadedState(model: model), .char("T"))
        Self.expectWhole(s, "T")
        s = "ring-member".reduce(s) { Fixture.press($0, .char($1)) }
        Self.expectWhole(s, "typed")
        s = Fixture.press(s, .enter)
        Self.expectWhole(s, "asked")
        s = Fixture.press(s, .char("o"))
        Self.expectWhole(s, "o")
        s = Fixture.press(s, .enter)
        #expect(s.overlay == nil)
        Self.expectWhole(s, "written")
    }
}
