#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// The OSC 52 "set clipboard" sequence, which terminals honour even across SSH; inside tmux it
/// is wrapped in a DCS passthrough so tmux hands it to the outer terminal.
enum OSC52 {
    /// The bytes to write for `text` (base64 encoded, so the payload is inert).
    static func sequence(for text: String, tmux: Bool) -> String {
        let payload = Data(text.utf8).base64EncodedString()
        let osc = "\u{1B}]52;c;\(payload)\u{07}"
        guard tmux else { return osc }
        let doubled = osc.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}")
        return "\u{1B}Ptmux;\(doubled)\u{1B}\\"
    }

    /// Writes the sequence straight to the controlling terminal (not through ncurses); false
    /// when there is no terminal or the write fell short.
    @discardableResult
    static func write(_ text: String, tmux: Bool) -> Bool {
        let bytes = Array(sequence(for: text, tmux: tmux).utf8)
        let fd = open("/dev/tty", O_WRONLY | O_NOCTTY)
        guard fd >= 0 else { return false }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        Glibc.close(fd)
        return written == bytes.count
    }
}
