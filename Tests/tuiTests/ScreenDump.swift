import Foundation
import Testing
@testable import tui

/// Writes every render-test screen to $SCREEN_DUMP (when set), to refresh the expectations.
@Suite struct ScreenDump {
    @Test func dumpAll() throws {
        guard let path = ProcessInfo.processInfo.environment["SCREEN_DUMP"] else { return }
        var out = ""
        for (name, state, glyphs) in RenderScreens.all {
            out += "=== \(name)\n" + Fixture.frame(state, glyphs: glyphs).joined(separator: "\n") + "\n"
        }
        try out.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
