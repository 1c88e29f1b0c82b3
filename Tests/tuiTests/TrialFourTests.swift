import Foundation
import Investigate
import Testing
@testable import tui

/// Trial 4 (a new user's own case source): the console findings fixed on branch h-trial4.
@Suite struct TrialFourTests {
    /// A real source on disk whose ids and values hold what hostile accounts write: a bidi
    /// override, a space, an escape sequence, and a look-alike whose real id is another's
    /// escaped form. Built through the engine (`Investigation.open`), as the console does.
    final class HostileSource {
        static let bidi = "u\u{202E}evil-gnp.exe"
        /// Plain text that reads like the escaped form of `bidi`.
        static let lookAlike = "u\\u{202E}evil-gnp.exe"
        static let spaced = "acct with space"
        static let agent = "Mozilla/5.0 (Macintosh) chat-web/4.1"
        let folder = NSTemporaryDirectory() + "inv-trial4-\(UUID().uuidString)"
        let model: EngineModel

        init() throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let ids = [Self.bidi, Self.lookAlike, Self.spaced, "plain-1"]
            let accounts = "account_id,created_at\n" + ids.map { "\"\($0)\",2026-01-01T00:00:00Z\n" }.joined()
            try accounts.write(toFile: folder + "/accounts.csv", atomically: true, encoding: .utf8)
            var rows = ""
            for (i, id) in ids.enumerated() {
                let row: [String: Any] = ["account_id": id, "ts": "2026-01-0\(i + 2)T00:00:00Z", "ip": "203.0.113.7",
                                          "user_agent": Self.agent, "prompt": "hello \(i)"]
                rows += String(decoding: try JSONSerialization.data(withJSONObject: row), as: UTF8.self) + "\n"
            }
            try rows.write(toFile: folder + "/queries.jsonl", atomically: true, encoding: .utf8)
            model = EngineModel(try Investigation.open(folder))
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        func index(_ id: String) throws -> Int { try #require(model.accountIndex(exact: ExactText(id))) }

        /// A loaded console state on this source.
        func loaded() -> AppState { AppUpdate.update(AppState(), .loaded(ConsoleData(model: model))).state }
    }

    /// Finding 2: the session kept the escaped display form of an id and the restore stopped
    /// at it, saying nothing of the sheets it dropped.
    @Test func aSessionRestoresIdsAndValuesByTheirExactBytes() throws {
        let source = try HostileSource()
        let agent = try #require(source.model.valueID(.userAgent, exact: ExactText(HostileSource.agent)))
        var walked = source.loaded()
        walked.stack = [Sheet(.triage), Sheet(.account(try source.index(HostileSource.bidi))),
                        Sheet(.sharedValue(.userAgent, agent)),
                        Sheet(.account(try source.index(HostileSource.spaced))),
                        Sheet(.queries(.account(try source.index(HostileSource.bidi))))]
        let saved = Session.encode(walked)
        #expect(!saved.contains("\u{202E}") && !saved.contains("u\\u{202E}"), "no raw or escaped id in the file")
        var fresh = AppState()
        fresh.pendingRestore = saved
        let restored = AppUpdate.update(fresh, .loaded(ConsoleData(model: source.model))).state
        #expect(restored.stack.map(\.kind) == walked.stack.map(\.kind))
        #expect(restored.status.hasPrefix("restored where you were (5 sheets)"))
        // The look-alike (whose real id is the escaped text) is never what comes back.
        #expect(restored.stack[1].kind != .account(try source.index(HostileSource.lookAlike)))
    }

    /// A sheet that is no longer in the source ends the restore, and the status line says how
    /// many of the saved sheets came back instead of passing the loss over.
    @Test func aRestoreThatStopsSaysHowManySheetsCameBack() throws {
        let source = try HostileSource()
        let gone = ExactText("not-in-this-source").base64
        let plain = ExactText("plain-1").base64
        var fresh = AppState()
        fresh.pendingRestore = "triage - 0\naccount64 \(plain) 0\naccount64 \(gone) 0\naccount64 \(plain) 0\n"
        let restored = AppUpdate.update(fresh, .loaded(ConsoleData(model: source.model))).state
        #expect(restored.stack.count == 2)
        #expect(restored.status.hasPrefix("restored where you were (2 of 4 sheets; the next is not in this source)"))
    }
}
