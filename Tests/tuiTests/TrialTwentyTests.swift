import Investigate
import Testing
@testable import tui

/// Session 20's new-user trial (SampleCases/hydra and a generated source of 5,000 accounts, at
/// 80x24 and 120x40): what it found cut or misleading, fixed.
@Suite struct TrialTwentyTests {
    static let home = "/home/investigator"
    static let folder = home + "/.local/share/investigate/exports"

    /// The status line after an export of `file` (the backend's line for it), at `cols`.
    static func exported(_ file: String, earlier: String?, sameBytes: Bool = false, cols: Int = 80,
                         warnings: [String] = []) -> [String] {
        let done = "exported case-0001 as \(file): 11 files, signed; in \(folder)"
        let wordings = ExportLine.wordings(done: done, warnings: warnings, path: folder + "/" + file, earlier: earlier,
                                           sameBytes: sameBytes, home: home)
        return Fixture.frame(AppUpdate.update(Fixture.loadedState(size: TerminalSize(rows: 24, cols: cols)), .statusWordings(wordings)).state)
    }

    // MARK: 1. An export says where the bundle is, whole, at 80 columns.

    @Test func anExportSaysTheBundlesWholePathAt80Columns() {
        // 20's trial read `exported case-0001 as case-0001.zip: 11 files, signed; in /home/investigator/.l…`:
        // the bundle could not be found to verify it.
        let first = Self.exported("case-0001.zip", earlier: nil)[22]
        #expect(first.hasPrefix("exported ~/.local/share/investigate/exports/case-0001.zip: 11 files, signed"), "\(first)")
        let again = Self.exported("case-0001-3.zip", earlier: "case-0001-2.zip")[22]
        #expect(again.hasPrefix("exported ~/.local/share/investigate/exports/case-0001-3.zip (earlier kept)"), "\(again)")
        let same = Self.exported("case-0001-2.zip", earlier: "case-0001.zip", sameBytes: true)[22]
        #expect(same.hasPrefix("exported ~/.local/share/investigate/exports/case-0001-2.zip (same bytes)"), "\(same)")
        for line in [first, again, same] { #expect(!line.contains("…") && TextWidth.of(line) <= 80, "\(line)") }
    }

    @Test func aWiderScreenSaysThePathWithAsMuchAsFits() {
        // At 160 columns an unchanged re-export still says why it is the same bytes.
        let folder = "/tmp/inv-e2et16.rtBMvW/data-t16/investigate/exports"
        let done = "exported case-0001 as case-0001-2.zip: 11 files, signed; in \(folder)"
        let wordings = ExportLine.wordings(done: done, path: folder + "/case-0001-2.zip", earlier: "case-0001.zip", sameBytes: true,
                                           home: Self.home)
        let s = AppUpdate.update(Fixture.loadedState(size: TerminalSize(rows: 40, cols: 160)), .statusWordings(wordings)).state
        #expect(Fixture.frame(s)[38].hasPrefix("exported \(folder)/case-0001-2.zip: same bytes as case-0001.zip (the case is unchanged)"),
                "\(Fixture.frame(s)[38])")
        let kept = Self.exported("case-0001-3.zip", earlier: "case-0001-2.zip", cols: 110)[22]
        #expect(kept.hasPrefix("exported ~/.local/share/investigate/exports/case-0001-3.zip (case-0001-2.zip kept): 11 files, signed"),
                "\(kept)")
    }

    @Test func aWideScreenKeepsTheFullestExportLine() {
        let line = Self.exported("case-0001-3.zip", earlier: "case-0001-2.zip", cols: 160)[22]
        #expect(line.hasPrefix("exported case-0001 as case-0001-3.zip (case-0001-2.zip kept): 11 files, signed; in ~/.local/share/investigate/exports"),
                "\(line)")
    }

    @Test func aWarningIsSaidWholeWhereItFitsAndCountedWhereItDoesNot() {
        // Session 31: the fullest line cut at its end lost the warning and the bundle's path at 80
        // columns; there the path is said with the count of warnings and where to read them.
        let line = Self.exported("case-0001.zip", earlier: nil, warnings: ["2 accounts not in the source"])[22]
        #expect(line.hasPrefix("exported ~/.local/share/investigate/exports/case-0001.zip"), "\(line)")
        #expect(line.contains("1 warning") && line.contains(":warnings") && !line.contains("…"), "\(line)")
        let wide = Self.exported("case-0001.zip", earlier: nil, cols: 160, warnings: ["2 accounts not in the source"])[22]
        #expect(wide.hasPrefix("exported case-0001 as case-0001.zip: 11 files, signed; warning: 2 accounts not in the source; in ~/"),
                "\(wide)")
    }

    @Test func aPathOutsideHomeIsSaidAsItIs() {
        #expect(ExportLine.tilde("/tmp/x/case-0001.zip", home: Self.home) == "/tmp/x/case-0001.zip")
        #expect(ExportLine.tilde("/home/investigator2/a.zip", home: Self.home) == "/home/investigator2/a.zip")
        #expect(ExportLine.tilde("/home/investigator/a.zip", home: Self.home) == "~/a.zip")
        #expect(ExportLine.tilde("/home/investigator/a.zip", home: nil) == "/home/investigator/a.zip")
    }

    // MARK: 2. The pair view says where why the two are linked starts, when below the first screen.

    @Test func thePairViewSaysWhereWhyLinkedStartsAt80x24() {
        // 20's trial at 80x24 read `lines 1-21 of 89`: the accounts' fields and shared values, and
        // nothing said that why they are linked starts one page down.
        var fields = [RecordField("account", values: ["acct_0197424deb", "acct_895676ee1c"])]
        for i in 0..<20 { fields.append(RecordField(i == 0 ? "shared values" : "", values: ["template tf-\(i)", "(same)"])) }
        fields.append(RecordField("why linked", "evidence 28.6 bits; a link needs 11.2 (log2 of 1,200 accounts, plus 1): linked"))
        let record = RecordView(title: "compare acct_0197424deb | acct_895676ee1c", sides: ["acct_0197424deb", "acct_895676ee1c"],
                                fields: fields)
        let status = AppUpdate.compareStatus(record, size: TerminalSize(rows: 24, cols: 80), ascii: false)
        #expect(status == "comparing two accounts: why linked is at line 25 (PgDn); Esc closes")
        #expect(TextWidth.of(status) <= StatusFit.width)
        var s = Fixture.loadedState()
        s.overlay = .record(record)
        s.status = status
        #expect(Fixture.frame(s)[22].hasPrefix(status), "\(Fixture.frame(s)[22])")
        #expect(!Fixture.frame(s).prefix(22).contains { $0.contains("why linked") }, "\(Fixture.frame(s))")
        s = Fixture.press(s, .pageDown)
        #expect(Fixture.frame(s).contains { $0.hasPrefix(" why linked") && $0.contains("evidence 28.6 bits") }, "\(Fixture.frame(s))")
        // Its first line alone on the first screen (hydra's c1 at 80x24: `evidence 17.2 bits; a link
        // needs 11.2 (log2 of 1,200` and `linked` below) is said too.
        var shorter = record
        shorter.fields = Array(fields.prefix(17)) + [fields.last!]
        #expect(AppUpdate.compareStatus(shorter, size: TerminalSize(rows: 24, cols: 80), ascii: false)
            == "comparing two accounts: why linked is at line 21 (j scrolls); Esc closes")
        // Where it shows on the first screen, the keys as before.
        #expect(AppUpdate.compareStatus(record, size: TerminalSize(rows: 40, cols: 120), ascii: false)
            == "comparing two accounts: j/k scroll, Esc closes")
    }

    // MARK: 3. The connect pane says a value whole where the line fits.

    @Test func theConnectPaneSaysAValueWholeWhereTheLineFits() {
        // 20's trial at 120 columns read `user_agent Mozilla/5.0 (Windows N.. == acct_aa3.. ...
        // (+21)`, 40 columns blank beside it.
        let whole = "user_agent Mozilla/5.0 (Windows NT 10.0; Win64; x64)"
        let line = SketchLine(text: "user_agent Mozilla/5.0 (Windows N.. == acct_aa3.. acct_80e.. acct_34a.. acct_8e2.. (+21)",
                              kind: .userAgent, shared: "user_agent Mozilla/5.0 (Windows N..",
                              holders: ["acct_aa3..", "acct_80e..", "acct_34a..", "acct_8e2.."], holderCount: 25, wholeShared: whole)
        #expect(line.fitted(118) == whole + " == acct_aa3.. acct_80e.. acct_34a.. acct_8e2.. (+21)")
        // At 80 columns, cut as before, the holders counted.
        #expect(line.fitted(78).hasPrefix("user_agent Mozilla/5.0 (Windows N.. == acct_aa3.."), "\(line.fitted(78))")
        #expect(TextWidth.of(line.fitted(78)) <= 78)
    }
}
