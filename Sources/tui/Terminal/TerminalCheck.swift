#if canImport(Glibc)
    import Glibc
#endif

/// Why the console cannot start on this terminal.
struct TerminalUnavailable: Error, CustomStringConvertible {
    let description: String
}

/// Checks made before touching ncurses, so that a pipe or a dumb terminal gets a clear message
/// and a non-zero exit instead of a hang or garbage.
enum TerminalCheck {
    /// Throws when stdin or stdout is not a terminal, or `TERM` is unset or `dumb`.
    static func requireInteractive(environment: [String: String]) throws {
        guard isatty(0) == 1 else {
            throw TerminalUnavailable(
                description:
                    "investigate console: standard input is not a terminal; use `investigate replay DIR --keys FILE` or the scripting commands instead"
            )
        }
        guard isatty(1) == 1 else {
            throw TerminalUnavailable(
                description:
                    "investigate console: standard output is not a terminal; use `investigate replay` for headless runs")
        }
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw TerminalUnavailable(
                description:
                    "investigate console: TERM is \(term.isEmpty ? "unset" : "dumb"); set TERM (e.g. xterm-256color) or use `investigate replay`"
            )
        }
    }
}

/// Signals that end the console (SIGHUP on a dropped SSH link, SIGTERM, SIGINT). The handler
/// only records the signal; the input loop, which wakes at least every 50 ms, restores the
/// terminal and exits. A second signal restores and exits at once.
enum TerminationSignals {
    nonisolated(unsafe) static var received: Int32 = 0
    nonisolated(unsafe) static var emergencyRestore: (@convention(c) () -> Void)?

    /// Installs the handlers.
    static func install(emergency: @escaping @convention(c) () -> Void) {
        emergencyRestore = emergency
        for sig in [SIGHUP, SIGTERM, SIGINT] {
            signal(sig) { sig in
                if TerminationSignals.received != 0 {
                    TerminationSignals.emergencyRestore?()
                    _exit(128 + sig)
                }
                TerminationSignals.received = sig
            }
        }
    }
}
