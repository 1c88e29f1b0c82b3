import Investigate
import Testing
@testable import tui

/// Session 19's second new-user trial (blind source 17b, 37,198 accounts, at 80x24 and
/// 120x40): what it found cut, fixed.
@Suite struct TrialNineteenBTests {
    // MARK: 1. A grouped number is never broken at its comma.

    @Test func aWrappedLineKeepsAGroupedNumberWhole() {
        // The pair view's `why linked` at 80 columns read `which 105 of 37,` then `198 accounts use`.
        let text = "both send most queries to the model mix m-large-2025-10 + m-mid-32k-legacy, which 105 of 37,198 accounts use (+7.5 bits)"
        let lines = TextWrap.wrap(text, width: 54)
        #expect(lines.contains { $0.contains("37,198") }, "\(lines)")
        #expect(lines.allSatisfy { TextWidth.of($0) <= 54 }, "\(lines)")
        #expect(lines.joined(separator: " ") == text)
        // Larger numbers too, and a list still breaks after its commas.
        #expect(TextWrap.wrap("of 10,020,000 queries", width: 12) == ["of", "10,020,000", "queries"])
        #expect(TextWrap.wrap("[\"a1\",\"a2\",\"a3\"]", width: 11) == ["[\"a1\",\"a2\",", "\"a3\"]"])
        // A comma between digits that is not a thousands separator may still break.
        #expect(TextWrap.wrap("1,2,3,4,5,6", width: 6) == ["1,2,3,", "4,5,6"])
    }

    @Test func aThousandsSeparatorIsKnownByItsThreeDigits() {
        let text = Array("37,198 1,20 12,3456 x,123")
        #expect(TextWrap.isThousandsSeparator(text, at: 2))
        #expect(!TextWrap.isThousandsSeparator(text, at: 8))
        #expect(!TextWrap.isThousandsSeparator(text, at: 14))
        #expect(!TextWrap.isThousandsSeparator(text, at: 21))
    }

    // MARK: 2. T on an operation says what it tags whole as a label is typed.

    @Test func tOnAnOperationSaysWhatItTagsWholeAsALabelIsTyped() {
        // 17b's op2 (4 clusters, 29 accounts, none rated below) read `:tagoperation ring-b_   tags
        // operation op2 whole: 4 clusters and their 29 acco…`.
        let model = FixtureModel()
        model.withOperation = true
        model.clusterRisks = [0.91, 0.90]
        model.accounts[2].risk = 0.9
        model.accounts[3].risk = 0.9
        var s = Fixture.press(Fixture.loadedState(model: model), .char("T"))
        #expect(Fixture.frame(s)[22].contains("tags operation op1 whole: 2 clusters and their 4 accounts"), "\(Fixture.frame(s)[22])")
        for label in ["ring-b", "distillation-ring-b-2026"] {
            var typed = s
            typed = label.reduce(typed) { Fixture.press($0, .char($1)) }
            TrialNineteenTests.expectWhole(typed, label)
            #expect(Fixture.frame(typed)[22].contains("tags op1"), "\(Fixture.frame(typed)[22])")
        }
        s = "ring-b".reduce(s) { Fixture.press($0, .char($1)) }
        #expect(Fixture.frame(s)[22].hasSuffix("tags op1 whole: 2 clusters, 4 accounts"), "\(Fixture.frame(s)[22])")
    }

    // MARK: 3. An account's fields are said whole or counted.

    @Test func anAccountsFieldsAreWholeOrCounted() {
        let attributes: [(name: String, value: String)] = [
            ("country", "us"), ("plan", "payg"), ("status", "active"), ("age", "172d"), ("queries", "71"), ("out", "85.5k"),
            ("referrer_source", "ads, search")]
        // 17b at 80 columns read `country us ... out 85.5k  referrer…`.
        #expect(SheetHeaders.attributeLine(attributes, width: 80)
                == "country us  plan payg  status active  age 172d  queries 71  out 85.5k  +1 more")
        #expect(SheetHeaders.attributeLine(attributes, width: 90)
                == "country us  plan payg  status active  age 172d  queries 71  out 85.5k  +1 more field")
        #expect(SheetHeaders.attributeLine(attributes, width: 120)
                == "country us  plan payg  status active  age 172d  queries 71  out 85.5k  referrer_source ads, search")
        // An attacker's long value is counted, not drawn cut; the fields after it too.
        let long = attributes.prefix(2) + [("note", String(repeating: "x", count: 200)), ("tier", "gold")]
        #expect(SheetHeaders.attributeLine(Array(long), width: 80) == "country us  plan payg  +2 more fields")
        // The first field is drawn even when alone too wide (cut by the screen, with its `…`).
        #expect(SheetHeaders.attributeLine([("note", String(repeating: "y", count: 90))], width: 80).count == 95)
    }

    @Test func theAccountSheetCountsTheFieldsItCannotShow() {
        let model = FixtureModel()
        model.extraAttributes = [("referrer_source", "ads, search"), ("campaign", String(repeating: "spring-", count: 6))]
        let s = Fixture.press(Fixture.loadedState(model: model), .enter, .enter)
        let frame = Fixture.frame(s)
        // The source's columns are quoted after a label since session 35 (`SourceColumns`), and a
        // value holding a blank is quoted too.
        #expect(frame[2] == "country RU  plan payg  from the source: \"referrer_source\" \"ads, search\"  +1 more", "\(frame[2])")
        var wide = s
        wide.size = TerminalSize(rows: 40, cols: 130)
        #expect(Fixture.frame(wide)[2].hasSuffix("\"campaign\" " + String(repeating: "spring-", count: 6)), "\(Fixture.frame(wide)[2])")
    }

    // MARK: 4. Triage's caption under a filter keeps its key at 80 columns.

    @Test func aFilteredTriageCaptionFitsBesideItsFilter() {
        // 17b under `f risk>0.5 size>10` read `filter 'risk>0.5 size>10': 7 of 3,443 clusters
        // shown; 23,479 single accounts hi…`.
        let counts = TriageCounts(linked: 3_443, linkedShown: 7, singles: 23_479, singlesShown: 0)
        let room = 80 - TextWidth.of("filter 'risk>0.5 size>10': ")
        #expect(Captions.triage(counts, width: room) == "7 of 3,443 clusters; 23,479 singles hidden (X: all)")
        // Wider, as before.
        #expect(Captions.triage(counts, width: 120) == "7 of 3,443 clusters shown; 23,479 single accounts hidden; press X to show them")
        #expect(Captions.triage(counts, width: 72) == "7 of 3,443 clusters shown; 23,479 single accounts hidden (X shows them)")
    }

    // MARK: 5. Help says what the keys do.

    @Test func helpSaysExportAsksAndWhatTabCompletes() {
        let s = Fixture.press(Fixture.loadedState(), .char("?"))
        let text = HelpOverlay.lines(s).joined(separator: " ")
        // `e` asks before it writes, as `u` and `S` say they do.
        #expect(text.contains("export the open case as a signed bundle (Enter confirms)"), "\(text)")
        // Tab after `:tagcluster` completes the built-in labels too.
        #expect(text.contains("the built-in labels (ring-member, benign...)"), "\(text)")
    }

    // MARK: 6. An operation's record says its keys whole; T's prompt keeps the marks it leaves.

    @Test func anOperationsRecordSaysItsKeysWholeAt80() {
        let model = FixtureModel()
        model.withOperation = true
        var s = Fixture.press(Fixture.loadedState(model: model), .enter)
        // Opening says T too, as any other key then does (it read `..., T tags it whole, Esc clos…`).
        #expect(s.status == "operation: j/k select a tying value, Enter opens it, T tags it, Esc closes")
        TrialNineteenTests.expectWhole(s, "opened")
        s = Fixture.press(s, .char("x"))
        TrialNineteenTests.expectWhole(s, "another key")
    }

    @Test func tOnAnOperationKeepsTheMarksItLeavesAsALabelIsTyped() {
        let model = FixtureModel()
        model.withOperation = true
        model.clusterRisks = [0.91, 0.90]
        model.accounts[2].risk = 0.9
        model.accounts[3].risk = 0.9
        var s = Fixture.loadedState(model: model)
        s.marks = ["account:acct_9f3e21", "account:acct_b7d8e9"]
        s = Fixture.press(s, .char("T"))
        s = "ring-b".reduce(s) { Fixture.press($0, .char($1)) }
        TrialNineteenTests.expectWhole(s, "ring-b")
        #expect(Fixture.frame(s)[22].hasSuffix("tags op1: 2 clusters, 4 accounts (2 marks not used)"), "\(Fixture.frame(s)[22])")
    }

    // MARK: 7. t with marks elsewhere says whole that the cursor's row is not tagged.

    @Test func tWithMarksElsewhereSaysTheCursorsRowIsNotTagged() {
        var s = Fixture.loadedState()
        s.marks = ["account:acct_9f3e21", "account:acct_a0b1c2"]
        s = Fixture.press(s, .char("t"))
        for (label, expected) in [("decoy-suspect", "tags 2 marked rows (2 elsewhere), not the cursor's row"),
                                  ("distillation-ring-member", "tags 2 marked rows, not the cursor's row")] {
            let typed = label.reduce(s) { Fixture.press($0, .char($1)) }
            TrialNineteenTests.expectWhole(typed, label)
            #expect(Fixture.frame(typed)[22].hasSuffix(expected), "\(Fixture.frame(typed)[22])")
        }
    }

    // MARK: 8. A note on the case sheet runs on into its empty detail column.

    @Test func aNoteOnTheCaseSheetRunsOnToTheEdge() {
        let note = "c1 shares payment instruments and hosting subnets; op2 is four pods on one template family"
        var s = Fixture.press(Fixture.loadedState(), .char(":"))
        s = ("note " + note).reduce(s) { Fixture.press($0, .char($1)) }
        s = Fixture.press(s, .enter)
        s = AppUpdate.update(s, .run("case")).state
        #expect(s.current.kind == .caseFile)
        let frame = Fixture.frame(s)
        // 17b's read `note  c1 shares payment instruments and hostin…`, 30 columns blank beside it.
        guard let line = frame.first(where: { $0.contains("note  c1 shares") }) else { Issue.record("\(frame)"); return }
        #expect(line.contains("subnets; op2 is four pods"), "\(line)")
        #expect(TextWidth.of(line) <= 80 && line.hasSuffix("…"), "\(line)")
        // An audit entry keeps its two columns.
        // An audit entry, whose detail is not empty, keeps its two columns: the detail under its title.
        guard let audit = frame.first(where: { $0.hasPrefix("  audit") && $0.contains("investigator note") }),
              let title = frame.first(where: { $0.hasPrefix("  what  item") }), let detail = title.range(of: "detail") else {
            Issue.record("\(frame)"); return
        }
        let column = title.distance(from: title.startIndex, to: detail.lowerBound)
        #expect(audit.dropFirst(column).hasPrefix("c1 shares") && audit.dropFirst(column - 1).hasPrefix(" "), "\(audit)")
    }
}
