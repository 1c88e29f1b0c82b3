import Foundation
import Investigate
import Testing
@testable import tui

/// Session 31's trial: an export's warning cut the status line at 80 columns (neither the warning
/// nor the bundle's path readable). The path and the count of warnings are said, and `:warnings`
/// opens them whole.
@Suite struct ExportWarningsLineTests {
    // MARK: 8. An export's warnings at 80 columns: the path, that there are warnings, and where to read them.

    static let warning = "35 accounts of tagged clusters are not in the case, so not in this bundle (c2 35): a cluster's tag labels the "
        + "members the case holds; tag the cluster whole (T in the console, or case tag --cluster) to bring them in"

    static func exported(cols: Int, folder: String = "/tmp/s31trial/exports", file: String = "case-0002.zip", earlier: String? = nil)
        -> AppState
    {
        let done = "exported case-0002 as \(file): 11 files, signed; in \(folder)"
        let wordings = ExportLine.wordings(done: done, warnings: [Self.warning], path: folder + "/" + file, earlier: earlier,
                                           sameBytes: false, home: "/home/investigator")
        let state = Fixture.loadedState(size: TerminalSize(rows: 24, cols: cols))
        let warned = AppUpdate.update(state, .exportWarnings(bundle: folder + "/" + file, warnings: [Self.warning])).state
        return AppUpdate.update(warned, .statusWordings(wordings)).state
    }

    @Test func anExportWithAWarningSaysItsPathAndWhereToReadItAt80Columns() {
        let line = Fixture.frame(Self.exported(cols: 80))[22]
        #expect(line.hasPrefix("exported /tmp/s31trial/exports/case-0002.zip"), "\(line)")
        #expect(line.contains("1 warning") && line.contains(":warnings"), "\(line)")
        #expect(!line.contains("…"), "\(line)")
        // The default folder under home, and a re-export's longer name, still fit.
        for state in [Self.exported(cols: 80, folder: "/home/investigator/.local/share/investigate/exports"),
                      Self.exported(cols: 80, folder: "/home/investigator/.local/share/investigate/exports", file: "case-0002-2.zip",
                                    earlier: "case-0002.zip")] {
            let said = Fixture.frame(state)[22]
            #expect(said.hasPrefix("exported ~/.local/share/investigate/exports/case-0002"), "\(said)")
            #expect(said.contains(":warnings") && !said.contains("…"), "\(said)")
        }
        // Wide, the whole warning is said as before.
        let wide = Fixture.frame(Self.exported(cols: 420))[22]
        #expect(wide.contains("; warning: 35 accounts of tagged clusters"), "\(wide)")
    }

    @Test func warningsOpensTheLastExportsWarningsWhole() {
        let state = AppUpdate.update(Self.exported(cols: 80), .run("warnings")).state
        guard case .record(let record)? = state.overlay else {
            Issue.record("no record opened: \(state.status)")
            return
        }
        #expect(record.fields.contains { $0.values == ["/tmp/s31trial/exports/case-0002.zip"] })
        #expect(record.fields.contains { $0.values == [Self.warning] })
        let none = AppUpdate.update(Fixture.loadedState(), .run("warnings")).state
        #expect(none.overlay == nil)
        #expect(none.status.hasPrefix("no export warnings"), "\(none.status)")
    }
}
