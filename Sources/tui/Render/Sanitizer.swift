import Investigate

/// Turns hostile text into inert, printable text before anything is drawn: C0/C1 controls,
/// escape sequences, bidi overrides and invalid UTF-8 become visible escapes such as `\x1b`.
/// In ASCII mode every non-ASCII scalar is escaped too, so nothing the terminal cannot show is
/// ever sent to it. A string's backslashes are left alone: data reaches the screen already
/// escaped once by the model (where backslashes are doubled), and this is the last guard.
enum Sanitizer {
    /// Inert text from raw bytes.
    static func inert(bytes: some Collection<UInt8>, ascii: Bool = false) -> String {
        let visible = TextEscaping.visible(bytes)
        return ascii ? asciiOnly(visible) : visible
    }

    /// Inert text from a string (which may hold controls and bidi characters).
    static func inert(_ string: String, ascii: Bool = false) -> String {
        if isPlainASCII(string) { return string }
        let visible = TextEscaping.visible(string, doublingBackslashes: false)
        return ascii ? asciiOnly(visible) : visible
    }

    /// True when every byte is printable ASCII, the fast path.
    static func isPlainASCII(_ string: String) -> Bool {
        for byte in string.utf8 where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }

    /// Escapes each non-ASCII scalar as `\u{XXXX}` (the text is already free of controls).
    static func asciiOnly(_ string: String) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            if scalar.value < 0x80 {
                out.unicodeScalars.append(scalar)
            } else if scalar.value == 0x2026 {
                out += "~"
            } else {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }
}
