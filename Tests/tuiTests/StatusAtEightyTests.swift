import Investigate
import Testing
@testable import tui

/// A trial read `tagged ... saved in case-0…` beside the marks counter at 80 columns. Every
/// status and confirmation a write or a common key says is swept here with realistic values
/// (24-character ids, case-0001, 25 marks, the longest built-in label): each is drawn whole on
/// the 80-column status line, pending and acknowledged, the counter giving way where needed.
@Suite struct StatusAtEightyTests {
    static let label = TagLabel.builtIn.max { $0.count < $1.count }!

    /// A fixture whose ids are 24 characters, with case-0001 open and 25 marks.
    func realistic(_ model: FixtureModel = FixtureModel()) -> AppState {
        for i in model.accounts.indices {
            model.accounts[i].id = "acct_" + String(repeating: "9f3e21ab", count: 3).prefix(19) + "\(i)"
            model.accounts[i].id = String(model.accounts[i].id.suffix(24))
        }
        var s = Fixture.loadedState(model: model)
        s.caseState.id = "case-0001"
        s.caseState.title = "hydra"
        s.marks = MarkSet((0..<25).map { "account:acct_\(String(repeating: "x", count: 16))\($0 + 10)" })
        return s
    }

    func typed(_ state: AppState, _ text: String) -> AppState {
        text.reduce(state) { Fixture.press($0, .char($1)) }
    }

    /// The statuses one run of `keys` says: the status, and for a write its pending and
    /// acknowledged forms as the runner shows them.
    func said(_ state: AppState, _ keys: [Key]) -> [String] {
        let step = Fixture.step(state, keys.first!).then(keys.dropFirst().map { .key($0) })
        var out = [step.state.status]
        if step.effects.contains(where: { if case .scanValues = $0 { return true } else { return false } }) {
            out.append(Fixture.scanned(step).status)
        }
        for case .persist(let write) in step.effects {
            out.append(SaveAck.pending(step.state.status, write: write))
            out.append(SaveAck.acknowledged(step.state.status, write: write, caseID: "case-0001"))
        }
        return out
    }

    func keys(_ text: String) -> [Key] { text.map { .char($0) } }

    @Test func everyMessageIsDrawnWholeAt80Columns() {
        let label = Self.label
        var messages: [(String, String)] = []
        func add(_ what: String, _ said: [String]) { messages += said.map { (what, $0) } }
        let s = realistic()
        add("t on 25 marks", said(s, [.char("t")] + keys(label) + [.enter]))
        add("T on a cluster", said(s, [.char("T")] + keys(label) + [.enter]))
        // c2 holds a member rated below it: T asks, Enter tags all, o then Enter the others.
        add("T asks, all", said(s, [.down, .char("T")] + keys(label) + [.enter, .enter]))
        add("T asks, only", said(s, [.down, .char("T")] + keys(label) + [.enter, .char("o"), .enter]))
        add("T on a value", said(s, [.enter, .enter, .enter, .char("T")] + keys(label) + [.enter]))
        let operation = FixtureModel()
        operation.withOperation = true
        add("T on an operation", said(realistic(operation), [.char("T")] + keys(label) + [.enter]))
        add("note", said(s, [.char("a")] + keys("first seen on the 3rd, same card as the earlier ring") + [.enter]))
        add("undo a tag", said(Fixture.press(typed(Fixture.press(s, .char("t")), label), .enter), [.char("u"), .enter]))
        add("set assignee", said(s, keys(":set assignee ") + keys(String(repeating: "a", count: 24)) + [.enter]))
        add("set status", said(s, keys(":set status escalated") + [.enter]))
        add("pivot containing", said(s, keys(":pivot user_agent python") + [.enter]))
        add("mark matching", said(s, keys(":mark risk>0.5") + [.enter]))
        add("mark all", said(s, [.char("*")]))
        add("invert marks", said(s, [.char("~")]))
        add("Esc asks", said(s, [.escape]))
        add("compare", said(s, [.char("=")]))
        add("copy", said(s, [.enter, .enter, .char("y")]))
        add("unbound", said(s, [.ctrl("x")]))
        // What `y` says once copied, for a 24-character id (no tmux or terminal is used here).
        let id = String(repeating: "a", count: 24)
        add("copied", [Clipboard.Said.copiedToTmux(id), Clipboard.Said.copiedToTmuxBufferOnly(id), Clipboard.Said.sentByOSC52(id)])
        add("undo nothing", said(s, [.char("u")]))
        for (what, message) in messages where !message.isEmpty {
            var shown = s
            shown.status = message
            let line = Fixture.frame(shown)[22]
            #expect(TextWidth.of(message) <= StatusFit.width, "\(what): \(message.count): \(message)")
            #expect(line.contains(message), "\(what): drawn \(line)")
        }
        #expect(messages.count > 20)
    }

    @Test func theQuestionsBeneathAPromptAreWholeAt80Columns() {
        var s = realistic()
        s = Fixture.press(typed(Fixture.press(s, .char("t")), Self.label), .enter)
        for keys in [[Key.char("u")], [.char("e")]] {
            let asked = Fixture.press(s, keys[0])
            let footer = Fixture.frame(asked)[23]
            guard case .commandLine(_, let completions)? = asked.overlay, let question = completions.first else {
                Issue.record("no question: \(footer)"); continue
            }
            #expect(footer.contains(question), "\(footer)")
            #expect(question.contains("Esc"), "\(question)")
        }
    }

    @Test func theCounterGivesWayOnlyAsFarAsNeeded() {
        var s = realistic()
        s.status = "tagged 25 rows '\(Self.label)' - saved in case-0001"
        let line = Fixture.frame(s)[22]
        #expect(line.contains(s.status) && line.contains("[25 marked]"), "\(line)")
        s.status = "tagged 25 rows '\(Self.label)' - saved in case-0001 and then"
        let tighter = Fixture.frame(s)[22]
        #expect(tighter.contains(s.status), "\(tighter)")
        #expect(!tighter.hasSuffix("1/2"), "the row counter gave way first: \(tighter)")
        s.status = ""
        #expect(Fixture.frame(s)[22].hasSuffix("[25 marked]  1/2"))
    }

    @Test func longerWordingIsKeptWhereItFits() {
        // Short labels keep the fuller wording (the meaning said in full).
        let s = Fixture.press(typed(Fixture.press(Fixture.loadedState(), .down, .char("T")), "ring"), .enter, .char("o"), .enter)
        #expect(s.status.hasPrefix("tagged 1 of c2's 2 accounts 'ring' (1 rated low left out)"), "\(s.status)")
        let undone = Fixture.press(typed(Fixture.press(Fixture.loadedState(), .char("a")), "x"), .enter, .char("u"), .enter)
        #expect(undone.status.hasPrefix("undone: note 'x' (retracted, kept in the audit trail)"), "\(undone.status)")
        let long = Fixture.press(typed(Fixture.press(Fixture.loadedState(), .down, .char("T")), Self.label), .enter, .char("o"), .enter)
        #expect(long.status.hasPrefix("tagged 1 of c2's 2 accounts '\(Self.label)'"), "\(long.status)")
    }
}
