import ArgumentParser
import Foundation
import Investigate
import Testing
@testable import tui

/// Session 21's new-user trial leftovers, fixed in session 22: printed sums that hold at the
/// precision shown, small figures never read as zero, one rule for expected counts, one member
/// order, exact `--format` help, and two layouts at 80 columns.
@Suite struct TrialTwentyTwoTests {
    // MARK: 1. The risk formula's arithmetic holds at the precision printed.

    /// The trial read `1 - exp(-0.49) = 0.38`: 1 - exp(-0.49) is 0.387, so 0.39. A sum of 0.4851
    /// rounds to 0.49 and its risk to 0.38: the sum is said to the places that make both agree.
    @Test func theExpLineHoldsAtThePrecisionShown() {
        let signals = [SignalRow(name: "a", value: 1, baseline: 0, contribution: 0.4851, explanation: "")]
        let risk = 1 - exp(-0.4851)
        #expect(RiskFormula.cluster(signals, risk: risk) == "risk = 1 - exp(-sum of contributions) = 1 - exp(-0.485) = 0.38")
        #expect(RiskFormula.accountShort(signals, clusterRisk: risk, accountRisk: risk).hasPrefix("cluster risk 1 - exp(-0.485) = 0.38;"))
        // Two places where they hold.
        let plain = [SignalRow(name: "a", value: 1, baseline: 0, contribution: 1.73, explanation: "")]
        #expect(RiskFormula.cluster(plain, risk: 1 - exp(-1.73)).hasSuffix("1 - exp(-1.73) = 0.82"))
        // Every sum from 0 to 3 in steps of 0.0001: the printed exponent gives the printed risk.
        for step in 0...30_000 {
            let sum = Double(step) / 10_000
            let line = RiskFormula.cluster([SignalRow(name: "a", value: 1, baseline: 0, contribution: sum, explanation: "")], risk: 1 - exp(-sum))
            let parts = line.components(separatedBy: "1 - exp(-").last!.components(separatedBy: ") = ")
            guard let shown = Double(parts[0]) else { Issue.record("\(line)"); return }
            if Format.risk(1 - exp(-shown)) != parts[1] { Issue.record("\(line)"); return }
        }
    }

    /// `cluster risk 0.82 x 0.70 = 0.58` did not hold (0.574): the two are said to the places
    /// that make the product the one shown.
    @Test func theAccountsProductHoldsAtThePrecisionShown() {
        let risk = 1 - exp(-1.73)
        let signals = [SignalRow(name: "a", value: 1, baseline: 0, contribution: 1.73, explanation: "")]
        #expect(RiskFormula.account(signals, clusterRisk: risk, accountRisk: risk * 0.7).contains("; this account = cluster risk 0.823 x 0.700 = 0.58"))
        #expect(RiskFormula.accountShort(signals, clusterRisk: risk, accountRisk: risk * 0.7).hasSuffix("; this account 0.823 x 0.700 = 0.58"))
        #expect(RiskFormula.product(0.82, 0.91, 0.82 * 0.91) == "0.82 x 0.91 = 0.75")
    }

    // MARK: 2. A small population figure is never read as zero.

    /// The trial read `(value 1.00, population 0.00)` beside an explanation's `0.22%`.
    @Test func aSmallPopulationFigureIsNotReadAsZero() {
        #expect(SignalText.figure(0.0022) == "under 0.01" && SignalText.figure(0.0022, compact: true) == "<0.01")
        #expect(SignalText.figure(0) == "0" && SignalText.figure(1) == "1" && SignalText.figure(0.963) == "0.96")
        #expect(SignalText.figure(-0.001) == "above -0.01")
        let paired = SignalRow(name: "paired_prompts", value: 0.9987, baseline: 0.0022, contribution: 0.45,
                               explanation: "members sent the same prompt ... (100% of their prompts; population 0.22%)")
        #expect(AppUpdate.riskField(paired).values.first?.hasPrefix("+0.45 (value 1.00, population under 0.01)\n") == true)
        let pane = DetailPanes.riskLines([paired], formula: "", buffer: ScreenBuffer(rows: 24, cols: 80)).map(\.0)
        #expect(pane.contains { $0.hasPrefix("paired_prompts     1.00    <0.01   +0.45") }, "\(pane)")
    }

    // MARK: 3. An expected count is labelled and written as one.

    /// coordinated_firing's baseline is the count its members' hours predict, not a population's.
    @Test func coordinatedFiringsBaselineIsSaidAsExpected() {
        let firing = SignalRow(name: "coordinated_firing", value: 14, baseline: 0.0421, contribution: 0.3,
                               explanation: "members fired within 5 s of each other 14 times; 0.04 expected from their activity in the same hours")
        #expect(AppUpdate.riskField(firing).values.first?.hasPrefix("+0.30 (value 14, expected 0.04)\n") == true)
        let pane = DetailPanes.riskLines([firing], formula: "", buffer: ScreenBuffer(rows: 24, cols: 80)).map(\.0)
        #expect(pane.contains { $0.hasPrefix("coordinated_firing       14     0.04   +0.30") }, "\(pane)")
        let rare = SignalRow(name: "coordinated_firing", value: 3, baseline: 0.0012, contribution: 0.1, explanation: "")
        #expect(AppUpdate.riskField(rare).values.first?.hasPrefix("+0.10 (value 3, expected under 0.01)") == true)
    }

    /// The timing pane's expected column follows the same rule as every expected count.
    @Test func theTimingPaneWritesExpectedCountsByTheSharedRule() {
        let partner = FiringPartner(account: 1, id: "a", cluster: 1, together: 9, expected: 0.0012, bits: 30, windowSeconds: 5)
        #expect(FiringPane.line(partner, cols: 80, ellipsis: "…").contains("    <0.01 "))
        var round = partner
        round.expected = 1.237
        #expect(FiringPane.line(round, cols: 80, ellipsis: "…").contains("     1.24 "))
    }

    // MARK: 6. Each command's `--format` help lists exactly what it takes.

    @Test func formatHelpListsExactlyWhatEachCommandTakes() throws {
        let cases: [(ParsableCommand.Type, [OutputFormat])] = [
            (AccountCommand.self, [.text, .json]), (PivotCommand.self, [.text, .json]), (ClustersCommand.self, [.text, .json]),
            (WhyCommand.self, [.text, .json]), (EvaluateCommand.self, [.text, .json]), (QueriesCommand.self, [.text, .jsonl]),
            (CaseShowCommand.self, [.text, .json]), (CaseAuditCommand.self, [.text, .jsonl]), (CaseListCommand.self, [.text, .json, .jsonl]),
        ]
        for (command, formats) in cases {
            let help = command.helpMessage(columns: 200)
            let line = help.split(separator: "\n").first { $0.hasPrefix("  --format <format>") }.map(String.init) ?? ""
            #expect(line.contains(OutputFormat.list(formats)) && !line.contains("values:"), "\(command): \(line)")
        }
        #expect(OutputFormat.list([.text, .json, .jsonl]) == "text, json or jsonl")
        // And a format not listed is refused.
        #expect(throws: (any Error).self) { try QueriesCommand.parse(["dir", "--account", "a", "--format", "json"]) }
        #expect(throws: (any Error).self) { try CaseAuditCommand.parse(["case-0001", "--format", "json"]) }
        #expect(throws: (any Error).self) { try CaseShowCommand.parse(["case-0001", "--format", "jsonl"]) }
        _ = try QueriesCommand.parse(["dir", "--account", "a", "--format", "jsonl"])
        _ = try CaseListCommand.parse(["--format", "jsonl"])
    }

    // MARK: 8. Triage gives an empty tags column no width.

    /// At 80 columns triage drew an empty tags column while the signals column was cut.
    @Test func triageGivesAnEmptyTagsColumnNoWidth() {
        let frame = Fixture.frame(Fixture.loadedState())
        #expect(!frame[3].contains("tags"), "\(frame[3])")
        #expect(frame[4].hasSuffix("acct_9f3e21 acct_a… shared_instrumen…"), "the others get its room: \(frame[4])")
        // A tag in the case brings it back, on every page.
        var tagged = Fixture.loadedState()
        tagged.caseState.tags[MarkKey.cluster(2)] = ["decoy"]
        #expect(Fixture.frame(tagged)[3].contains("tags"))
        // Under the column cursor it stays.
        var cursor = Fixture.loadedState()
        cursor.current.column = 7
        #expect(Fixture.frame(cursor)[3].contains("[tags]"))
    }

    // MARK: 7. The account's activity keeps apart from its caption.

    /// At 80 columns a full sparkline ended one space before `ordered by`, and a day without
    /// queries is a blank: the sparkline ran into the caption. Bracketed, with two spaces or more.
    @Test func theActivitySparklineKeepsApartFromItsCaption() {
        let busy = Array(repeating: 3, count: 200)
        for cols in [80, 120] {
            let line = SheetHeaders.accountActivity(busy, valuesShown: true, cols: cols, glyphs: .unicode)
            #expect(TextWidth.of(line) <= cols - 1, "\(cols): \(line)")
            #expect(line.hasPrefix("queries [") && line.contains("]  ordered by: shared, hubs, own"), "\(cols): \(line)")
            #expect(line.hasSuffix("]  " + SheetHeaders.accountValueOrder), "the sparkline takes the room: \(line)")
        }
        #expect(SheetHeaders.accountActivity(busy, valuesShown: false, cols: 80, glyphs: .asciiOnly).hasSuffix("]"))
        // On the account sheet at 80x24 and 120x40.
        for size in [TerminalSize(rows: 24, cols: 80), TerminalSize(rows: 40, cols: 120)] {
            let row = Fixture.frame(Fixture.press(Fixture.loadedState(size: size), .enter, .enter))[3]
            #expect(row.hasPrefix("queries [ ▃▅█]  ") && row.hasSuffix("ordered by: shared, hubs, own"), "\(row)")
        }
    }
}
