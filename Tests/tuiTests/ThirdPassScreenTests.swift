import Foundation
import Testing
@testable import tui

/// The console's third pass (leftovers of a new-user trial), what the screen shows: the case
/// sheet's tag order, the graph legend, counters that never run into titles, and a help screen
/// readable at 80x24.
@Suite struct ThirdPassScreenTests {
    static let small = TerminalSize(rows: 24, cols: 80)

    // MARK: 1. tags in a stable, explained order

    @Test func caseSheetListsTagsByIdClustersThenAccountsThenValues() {
        var c = CaseState()
        // Inserted in a scrambled order; base64 of the ids would sort them differently again.
        for key in [MarkKey.account(.init("acct_zz")), MarkKey.cluster(10), MarkKey.value(.ip, .init("203.0.113.7")),
                    MarkKey.account(.init("acct_b7")), MarkKey.cluster(2), MarkKey.account(.init("acct_9f"))] {
            c.tags[key] = ["ring"]
        }
        let items = CaseTable.build(c).rows.map { $0[1] }
        #expect(items == ["c2 (cluster)", "c10 (cluster)", "acct_9f (account)", "acct_b7 (account)", "acct_zz (account)",
                          "ip:203.0.113.7 (value)"])
        var s = Fixture.loadedState()
        s.caseState = c
        s = AppUpdate.update(s, .run("case")).state
        let frame = Fixture.frame(s)
        #expect(frame[1].contains("6 tagged rows (by label)"), "the header says the order")
        #expect(HelpOverlay.lines(s).contains { $0.contains("tags by label, each label's by id (c2 before c10, accounts") })
    }

    // MARK: 2. the graph legend names every value drawn; counters never collide with titles

    func graph(values extra: Int, size: TerminalSize = small) -> AppState {
        let model = FixtureModel()
        model.extraSharedValues = extra
        return Fixture.press(Fixture.loadedState(size: size, model: model), .enter, .tab, .tab, .tab)
    }

    @Test func theGraphLegendNamesEveryColumnItDrawsAndSaysHowManyMore() {
        let s = graph(values: 37)
        let frame = Fixture.frame(s)
        let header = frame.firstIndex { $0.hasPrefix("  account") }!
        let legend = frame[5..<header].joined(separator: "  ")
        let letters = frame[header].split(separator: " ").dropFirst().map(String.init)
        #expect(letters.count >= 3)
        for letter in letters {
            #expect(legend.hasPrefix(letter + " ") || legend.contains("  " + letter + " "), "column \(letter) is named in the legend")
        }
        #expect(legend.contains("+\(40 - letters.count) more values (Tab twice: connect pane)"))
        #expect(frame[4].hasSuffix("1/2 accounts, \(letters.count) of 40 values"))
    }

    @Test func aSmallGraphNeedsNoMoreNote() {
        let frame = Fixture.frame(graph(values: 0))
        #expect(!frame.joined().contains("more values"))
        #expect(frame[5].contains("A payment pf_77aa") && frame[5].contains("C asn AS16509 (hub)"))
    }

    /// Every screen at 80x24 whose title line carries a counter: the title is whole, or cut with
    /// the ellipsis one column before the counter, never run into it.
    @Test func noTitleRunsIntoItsCounterOnAnySheetAt80x24() {
        var screens: [(String, AppState)] = []
        let base = Fixture.loadedState()
        screens.append(("triage", base))
        let cluster = Fixture.press(graph(values: 37), .tab)  // back to pane 0
        screens.append(("cluster", cluster))
        screens.append(("connect pane", Fixture.press(cluster, .tab)))
        screens.append(("risk pane", Fixture.press(cluster, .tab, .tab)))
        screens.append(("graph pane", Fixture.press(cluster, .tab, .tab, .tab)))
        let account = Fixture.press(base, .enter, .enter)
        screens.append(("account", account))
        screens.append(("account risk", Fixture.press(account, .tab)))
        screens.append(("shared value", Fixture.press(account, .enter)))
        screens.append(("queries", Fixture.press(base, .char("H"))))
        screens.append(("help", Fixture.press(base, .char("?"))))
        screens.append(("help scrolled", Fixture.press(base, .char("?"), .char("G"))))
        var record = Fixture.press(base, .char("H"), .enter)
        if case .record(let r)? = record.overlay, let request = r.pending {
            let fields = (0..<60).map { RecordField("key\($0)", "value \($0)") }
            record = AppUpdate.update(record, .recordRead(request: request, fields: fields)).state
        }
        screens.append(("record", record))
        let caseSheet = AppUpdate.update(base, .run("case")).state
        screens.append(("case", caseSheet))

        let counter = #/^(.*\S)( +)(\d[\d,]*/[\d,]+( accounts, \d+ of \d+ values)?|lines \d+-\d+ of \d+(, j for more)?) *$/#
        var checked = 0
        for (name, state) in screens {
            var small = state
            small.size = Self.small
            var wide = state
            wide.size = TerminalSize(rows: 24, cols: 240)
            let narrow = Fixture.frame(small)
            let whole = Fixture.frame(wide)
            for row in 1..<(Self.small.rows - 2) {
                if whole[row].firstMatch(of: counter) != nil {
                    #expect(narrow[row].firstMatch(of: counter) != nil, "\(name), row \(row): the counter survives: '\(narrow[row])'")
                }
                guard let match = narrow[row].firstMatch(of: counter) else { continue }
                checked += 1
                let title = String(match.1)
                let full = whole[row].firstMatch(of: counter).map { String($0.1) } ?? whole[row]
                let cut = title.hasSuffix("…") && full.hasPrefix(title.dropLast())
                #expect(title == full || cut, "\(name), row \(row): '\(narrow[row])' (whole title: '\(full)')")
            }
        }
        #expect(checked >= 4, "the screens with counters were drawn")
    }

    // MARK: 3. help readable at 80x24

    @Test func helpWrapsAtEightyColumnsAndScrollsToItsLastLine() {
        var s = Fixture.press(Fixture.loadedState(), .char("?"))
        var seen: [String] = []
        for _ in 0..<80 {
            let frame = Fixture.frame(s)
            #expect(frame.allSatisfy { TextWidth.of($0) <= 80 })
            seen += frame[2..<21]
            s = Fixture.press(s, .char("j"))
        }
        #expect(s.overlay != nil, "j scrolls, never closes")
        let text = seen.joined(separator: "\n")
        for command in ConsoleCommands.all {
            #expect(text.contains(command.id.rawValue), "\(command.id.rawValue) is on the help screen")
        }
        #expect(text.contains("Esc closes."), "the last line is reachable")
        // Scrolling stops at the end: one k moves back at once.
        guard case .help(let end)? = s.overlay else { Issue.record("closed"); return }
        #expect(end == HelpOverlay.maxOffset(s, size: Self.small))
        guard case .help(let back)? = Fixture.press(s, .char("k")).overlay else { Issue.record("closed"); return }
        #expect(back == end - 1)
        #expect(Fixture.frame(Fixture.press(Fixture.loadedState(), .char("?")))[1].contains("lines 1-20 of"))
    }

    @Test func wrappedHelpLinesHangUnderTheirText() {
        let lines = HelpOverlay.lines(Fixture.loadedState(), width: 78)
        #expect(lines.allSatisfy { TextWidth.of($0) <= 78 })
        let sort = lines.firstIndex { $0.contains(" sort ") && $0.contains("sort by the column") }!
        #expect(lines[sort + 1].hasPrefix(String(repeating: " ", count: 32)) && !lines[sort + 1].trimmingCharacters(in: .whitespaces).isEmpty)
    }
}
