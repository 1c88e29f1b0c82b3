#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// Copying an id to the investigator's clipboard, and saying what really happened: inside tmux
/// through tmux's own buffer (`tmux load-buffer -w -`, which tmux 3.2+ also hands to the outer
/// terminal's clipboard), elsewhere with OSC 52 written to the terminal.
enum Clipboard {
    /// How long tmux may take before the copy falls back to OSC 52.
    static let tmuxTimeout: TimeInterval = 1.0

    /// Copies `text`; returns the status line that says how (or why it could not), worded
    /// shorter where a long id would cut it at 80 columns (`StatusFit`).
    static func copy(_ text: String, insideTmux: Bool, shown: String) -> String {
        if insideTmux {
            switch runTmux(["load-buffer", "-w", "-"], input: text) {
            case .ok:
                return Said.copiedToTmux(shown)
            case .failed(let why):
                // tmux before 3.2 has no -w: the buffer alone still works for prefix-].
                if case .ok = runTmux(["load-buffer", "-"], input: text) {
                    return Said.copiedToTmuxBufferOnly(shown)
                }
                return OSC52.write(text, tmux: true)
                    ? "tmux load-buffer failed (\(why)); sent \(shown) by OSC 52 through tmux instead"
                    : "could not copy \(shown): tmux load-buffer failed (\(why)) and no terminal for OSC 52"
            }
        }
        return OSC52.write(text, tmux: false)
            ? Said.sentByOSC52(shown)
            : "could not copy \(shown): no terminal to send OSC 52 to"
    }

    /// What a copy says, the fullest wording that fits 80 columns.
    enum Said {
        static func copiedToTmux(_ shown: String) -> String {
            StatusFit.first(["copied \(shown) to the tmux buffer (and the system clipboard, where tmux passes it on)",
                             "copied \(shown) to tmux's buffer (and the clipboard, tmux 3.2+)"])
        }

        static func copiedToTmuxBufferOnly(_ shown: String) -> String {
            StatusFit.first(["copied \(shown) to the tmux buffer only (this tmux cannot pass it to the system clipboard)",
                             "copied \(shown) to tmux's buffer only (not the clipboard)"])
        }

        static func sentByOSC52(_ shown: String) -> String {
            StatusFit.first(["sent \(shown) to the terminal's clipboard by OSC 52 (works where the terminal allows it)",
                             "sent \(shown) by OSC 52 (copied where the terminal allows it)"])
        }
    }

    /// What running tmux gave.
    enum Outcome {
        case ok
        case failed(String)
    }

    /// Runs `tmux ARGS` with `input` on its standard input, waiting at most `tmuxTimeout`.
    static func runTmux(_ arguments: [String], input: String) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux"] + arguments
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        let stderr = Pipe()
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            return .failed("cannot run tmux")
        }
        // tmux may exit before reading (no server): the write must fail, not kill the console.
        signal(SIGPIPE, SIG_IGN)
        try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(tmuxTimeout)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning {
            process.terminate()
            return .failed("tmux did not answer within a second")
        }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: stderr.fileHandleForReading.availableData.prefix(200), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return .failed(message.isEmpty ? "exit \(process.terminationStatus)" : Sanitizer.inert(message))
        }
        return .ok
    }
}
