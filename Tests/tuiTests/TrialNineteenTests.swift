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

    // MARK: 2. Triage's tags column counts each label.

    @Test func eachLabelIsCountedOnItsOwn() {
        var tags = MemberTags()
        for _ in 0..<39 { tags.add(["ring-a"]) }
        tags.add(["ring-a", "decoy"])
        tags.add(["decoy"])
        // 41 members carry a tag: 40 ring-a, 2 decoy (one both).
        #expect(tags.text(size: 42) == "40/42 ring-a,2 decoy")
        // One label: as before.
        var one = MemberTags()
        for _ in 0..<33 { one.add(["ring-member"]) }
        #expect(one.text(size: 36) == "33/36 ring-member")
        // Labels that do not fit are counted at the end, never cut mid-label.
        var many = tags
        for label in ["benign", "proxy-pool", "reseller"] { many.add([label]) }
        #expect(many.text(size: 45, room: 24) == "40/45 ring-a,2 decoy,+3")
        #expect(many.text(size: 45, room: 60) == "40/45 ring-a,2 decoy,1 benign,1 proxy-pool,1 reseller")
        #expect(many.text(size: 45, room: 20) == "40/45 ring-a,+4")
    }

    @Test func triagesTagsColumnCountsEachLabelWithinItsColumnAt80() {
        var s = Fixture.loadedState()
        s.caseState.tags = [MarkKey.account(ExactText("acct_9f3e21")): ["ring-member", "benign"],
                            MarkKey.account(ExactText("acct_a0b1c2")): ["ring-member"],
                            MarkKey.account(ExactText("acct_b7d8e9")): ["decoy", "benign", "proxy-pool", "reseller"]]
        // 21 columns here at 80: the labels that do not fit are counted, none is cut.
        let frame = Fixture.frame(s)
        let c1 = TrialSeventeenFixTests.row(frame, "c1")
        #expect(c1.hasSuffix(" 2/2 ring-member,+1"), "\(c1)")
        // c2's one tagged member carries four labels.
        let c2 = TrialSeventeenFixTests.row(frame, "c2")
        #expect(c2.hasSuffix(" 1/2 benign,1 decoy,+2"), "\(c2)")
        #expect(frame.allSatisfy { TextWidth.of($0) <= 80 })
        // Wider, every label with its count.
        s.size = TerminalSize(rows: 24, cols: 160)
        let wide = Fixture.frame(s)
        #expect(TrialSeventeenFixTests.row(wide, "c1").hasSuffix(" 2/2 ring-member,1 benign"))
        #expect(TrialSeventeenFixTests.row(wide, "c2").hasSuffix(" 1/2 benign,1 decoy,+2"), "the column grows to 24 at most")
    }

    // MARK: 3. `:pivot`'s picker lists the most held values first.

    /// Six user agents containing `harvest`, in the source's order held by 1, 3, 1, 2, 1 and 3 accounts.
    static func harvestSource() throws -> TrialFourTests.Source {
        let holders = [("harvest-e", 1), ("harvest-b", 3), ("harvest-d", 1), ("harvest-c", 2), ("harvest-a", 1), ("harvest-z", 3)]
        var queries: [[String: Any]] = [], ids: [String] = []
        for (agent, count) in holders {
            for k in 0..<count {
                let id = "\(agent)-\(k)"
                ids.append(id)
                queries.append(["account_id": id, "ts": "2026-01-02T00:00:00Z", "ip": "203.0.113.\(ids.count)",
                                "user_agent": agent, "prompt": "hello \(ids.count)"])
            }
        }
        return try TrialFourTests.Source(accounts: ids, queries: queries)
    }

    @Test func pivotsPickerListsTheMostHeldFirstAndSaysSo() throws {
        let source = try Self.harvestSource()
        var s = Fixture.press(source.loaded(), .char(":"))
        s.size = TerminalSize(rows: 24, cols: 80)
        s = "pivot user_agent harvest".reduce(s) { Fixture.press($0, .char($1)) }
        s = Fixture.scanned(Fixture.step(s, .enter))
        guard case .record(let picker)? = s.overlay else { Issue.record("no picker: \(s.status)"); return }
        #expect(picker.choices.map(\.text) == ["harvest-b (3 accounts)", "harvest-z (3 accounts)", "harvest-c (2 accounts)",
                                               "harvest-a (1 account)", "harvest-d (1 account)", "harvest-e (1 account)"])
        let frame = Fixture.frame(s)
        #expect(frame.contains { $0.contains("pivot: 6 user_agent values contain 'harvest', most held first") }, "\(frame)")
        #expect(frame.allSatisfy { TextWidth.of($0) <= 80 })
        // Enter on the first opens the most held.
        let opened = Fixture.press(s, .enter)
        guard case .sharedValue(.userAgent, let value) = opened.current.kind else { Issue.record("\(opened.current.kind)"); return }
        #expect(source.model.valueText(.userAgent, value) == "harvest-b")
    }

    @Test func aCutPickerKeepsTheMostHeldWhereverTheyAreInTheSource() throws {
        let model = try Self.harvestSource().model
        for limit in 1...6 {
            let found = model.values(.userAgent, containing: "HARVEST", limit: limit)
            #expect(found.total == 6)
            let texts = found.ids.map { model.valueText(.userAgent, $0) }
            #expect(texts == Array(["harvest-b", "harvest-z", "harvest-c", "harvest-a", "harvest-d", "harvest-e"].prefix(limit)), "limit \(limit)")
        }
        #expect(model.values(.userAgent, containing: "harvest-z", limit: 200).ids.map { model.valueText(.userAgent, $0) } == ["harvest-z"])
    }

    // MARK: 4. `=` says how each side's risk is made.

    @Test func compareShowsEachSidesAccountRiskAndWeightOnOneRow() {
        var a = AccountDetail(account: 0, id: "cj30y-bydrvj", cluster: 4, risk: 0.6025, attributes: [], values: [], signals: [], timeline: [],
                              riskWeight: "0.6025 (cluster) x 1.0000 = 0.6025; weight 1: the account takes its cluster's risk")
        var b = a
        (b.id, b.risk) = ("cfap2-q0m4a6", 0.4885)
        b.riskWeight = "0.6025 (cluster) x 0.8108 = 0.4885; weight 0.8108 = 1 - 0.3 x (94% - 31%): 5 of its 16 queries with a prompt ask for step-by-step reasoning, 94% across its cluster"
        let record = RecordBuilder.compare(a, b)
        let row = record.fields.first { $0.key == "cluster x weight" }
        #expect(row?.values == ["0.6025 x 1.0000 = 0.6025", "0.6025 x 0.8108 = 0.4885"])
        // Right under the risk row, and on one line each side at 80 columns.
        #expect(record.fields.map(\.key).prefix(4) == ["account", "cluster", "risk", "cluster x weight"])
        let lines = RecordOverlay.lines(record, width: 78, ascii: false).map(\.text)
        let drawn = lines.filter { $0.contains(" x ") }
        #expect(drawn.count == 1 && drawn[0].contains("= 0.6025") && drawn[0].contains("= 0.4885"), "\(lines)")
        #expect(lines.allSatisfy { TextWidth.of($0) <= 78 })
        // Not known (a model without it): no row.
        a.riskWeight = nil
        b.riskWeight = nil
        #expect(!RecordBuilder.compare(a, b).fields.contains { $0.key == "cluster x weight" })
    }

    // MARK: 5. `t`'s prompt at 80 columns (found driving 16b).

    @Test func tsPromptSaysItsMarksWholeAt80AsTheLabelIsTyped() {
        // c1 marked, the cursor on c2: `...; not the row under the cursor (Esc cancels; Esc ag…`.
        var s = Fixture.press(Fixture.loadedState(), .char(" "), .char("t"))
        #expect(Fixture.frame(s)[22] == ":tag _   tags 1 marked row; not the row under the cursor (Esc cancels)", "\(Fixture.frame(s)[22])")
        s = "ring-infrastructure".reduce(s) { Fixture.press($0, .char($1)) }
        #expect(Fixture.frame(s)[22] == ":tag ring-infrastructure_   tags 1 marked row; not the row under the cursor", "\(Fixture.frame(s)[22])")
        // Marks on another sheet: said shorter before being cut.
        let away = Fixture.press(Fixture.loadedState(), .enter, .char("*"), .backspace, .char("t"))
        let line = Fixture.frame(away)[22]
        #expect(line == ":tag _   tags 2 marked rows (2 on other sheets); not the row under the cursor", "\(line)")
        Self.expectWhole(away, "away")
    }

    // MARK: 6. Header lines at 80 columns (found driving 16b).

    @Test func aClustersLinksLineCountsTheKindsItCannotShow() {
        let kinds = ["ip 36", "template 4", "subnet 2", "org 1", "payment 1", "user_agent 1", "email_domain 1 (hub)", "asn 1 (hub)"]
        // 16b's c1 read `links: ip 36, template 4, subnet 2, org 1, payment 1, user_agent 1, email_domai…`.
        let line = SheetHeaders.counted("links: ", kinds, more: "more kinds", width: 80)
        #expect(line == "links: ip 36, template 4, subnet 2, org 1, payment 1, +3 more kinds", "\(line)")
        #expect(TextWidth.of(line) <= 80)
        #expect(SheetHeaders.counted("links: ", kinds, more: "more kinds", width: 200) == "links: " + kinds.joined(separator: ", "))
        #expect(SheetHeaders.counted("links: ", ["payment 1", "ip 1"], more: "more kinds", width: 80) == "links: payment 1, ip 1")
        // The first kind is always said, however narrow.
        #expect(SheetHeaders.counted("links: ", kinds, more: "more kinds", width: 10) == "links: ip 36, +7 more kinds")
    }

    @Test func anAccountsRiskPaneSaysItsOwnSumAt80() {
        // 16b's cn9ft-1fk67s at 80 columns read `cluster risk = 1 - exp(-sum of contributions) = 1 -
        // exp(-1.57) = 0.79; this acc…`.
        let signals = [SignalRow(name: "reasoning_elicitation", value: 0.96, baseline: 0.22, contribution: 1.57, explanation: "")]
        let reason = "0.7914 (cluster) x 0.7107 = 0.5625; weight 0.7107 = 1 - 0.3 x (96% - 0%): 0 of its 11 queries with a prompt ask for step-by-step reasoning, 96% across its cluster"
        let long = RiskFormula.account(signals, clusterRisk: 0.7914, accountRisk: 0.5625, weightReason: reason)
        #expect(TextWidth.of(long) > 80)
        let short = RiskFormula.accountShort(signals, clusterRisk: 0.7914, accountRisk: 0.5625, weightReason: reason)
        #expect(short == "cluster risk 1 - exp(-1.57) = 0.79; this account 0.7914 x 0.7107 = 0.5625")
        // Where the whole fits, the whole.
        var s = Fixture.press(Fixture.loadedState(size: TerminalSize(rows: 24, cols: 300)), .enter, .enter, .tab)
        #expect(Fixture.frame(s)[5].hasPrefix("cluster risk = 1 - exp(-sum of contributions)"), "\(Fixture.frame(s)[5])")
        s.size = TerminalSize(rows: 24, cols: 80)
        #expect(Fixture.frame(s)[5] == "cluster risk 0.91 (the rows give 0.55); this account 0.91 x 1.00 = 0.91", "\(Fixture.frame(s)[5])")
    }

    @Test func aLineBrokenAfterItsCommaDoesNotStartWithASpace() {
        // op1's tying value at 80 columns read `..., c21 (2),` then ` c24 (2)`.
        let text = "held in 5 clusters: c3 (68), c17 (2), c20 (2), c21 (2), c24 (2)"
        let width = TextWidth.of("held in 5 clusters: c3 (68), c17 (2), c20 (2), c21 (2),")
        #expect(TextWrap.wrap(text, width: width) == ["held in 5 clusters: c3 (68), c17 (2), c20 (2), c21 (2),", "c24 (2)"])
        #expect(TextWrap.wrap("one two", width: 3) == ["one", "two"])
        // Spaces inside a line are kept.
        #expect(TextWrap.wrap("a  b", width: 10) == ["a  b"])
    }

    @Test func aSketchLineCountsTheHoldersItCannotShow() {
        let holders = ["c2hzk-13..", "ce727-hm..", "c0r62-5s..", "cec72-nb.."]
        let line = SketchLine(text: "payment inv_f976637fd9eb30cc == " + holders.joined(separator: " ") + " (+106)", kind: .payment,
                              shared: "payment inv_f976637fd9eb30cc", holders: holders, holderCount: 110)
        #expect(line.fitted(78) == "payment inv_f976637fd9eb30cc == c2hzk-13.. ce727-hm.. c0r62-5s.. (+107)")
        #expect(line.fitted(200) == line.text)
        var hub = line
        hub.isHub = true
        hub.text += "  (hub)"
        #expect(hub.fitted(78) == "payment inv_f976637fd9eb30cc == c2hzk-13.. ce727-hm.. c0r62-5s.. (+107)  (hub)")
        #expect(hub.fitted(70) == "payment inv_f976637fd9eb30cc == c2hzk-13.. ce727-hm.. (+108)  (hub)")
        // A note is drawn as it is (cut by the screen).
        #expect(SketchLine(text: String(repeating: "x", count: 100)).fitted(78).count == 100)
    }

    @Test func theSetPromptNamesEveryFieldAt80() {
        let s = Fixture.press(Fixture.loadedState(), .char("S"))
        #expect(Fixture.frame(s)[23] == " status open|triage|confirmed|dismissed|closed  severity, assignee, disposition", "\(Fixture.frame(s)[23])")
        let wide = Fixture.press(Fixture.loadedState(size: TerminalSize(rows: 24, cols: 160)), .char("S"))
        #expect(Fixture.frame(wide)[23].hasPrefix(" status open|triage|confirmed|dismissed|closed  severity low|medium|high|critical  assignee NAME  disposition TEXT"))
    }

    @Test func tOnASharedValueSaysWhatItTagsWholeAt80() throws {
        let agent = "lumen-fetch/0.4.7 (linux; cpython3.11) build 2026-06 for the harvest ring"
        let ids = ["p1", "p2", "p3"]
        let source = try TrialFourTests.Source(accounts: ids, queries: ids.enumerated().map { i, id in
            ["account_id": id, "ts": "2026-01-0\(i + 2)T00:00:00Z", "ip": "203.0.113.\(i)", "user_agent": agent, "prompt": "hello \(i)"]
        })
        var s = source.loaded()
        s.size = TerminalSize(rows: 24, cols: 80)
        s = Fixture.press(s, .char(":"))
        s = "pivot user_agent lumen".reduce(s) { Fixture.press($0, .char($1)) }
        s = Fixture.scanned(Fixture.step(s, .enter))
        guard case .sharedValue = s.current.kind else { Issue.record("not on the value: \(s.status)"); return }
        s = Fixture.press(s, .char("T"))
        // The value cut in its middle (its own `…`), the line whole: it ends with the count.
        #expect(Fixture.frame(s)[22] == ":tagvalue _   tags user_agent lumen-fe…st ring and 3 accounts", "\(Fixture.frame(s)[22])")
        s = "ring-infrastructure".reduce(s) { Fixture.press($0, .char($1)) }
        #expect(Fixture.frame(s)[22] == ":tagvalue ring-infrastructure_   tags the value and 3 accounts", "\(Fixture.frame(s)[22])")
    }
}
