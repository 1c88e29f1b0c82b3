/// Escaping for HTML, SVG and XML (GraphML) text and attributes.
///
/// Control, bidi and invalid bytes are first turned into visible escapes (XML 1.0 cannot carry
/// most control characters even as references); then `& < > " '` become entities and every
/// non-ASCII character a numeric reference, so the output is plain ASCII with no raw escape byte.
/// Backslashes are left single: exact values arrive already in their `display` form (which
/// doubles them), and escaping twice would garble that.
public enum MarkupEscaping {
    /// Escapes text for element content or a quoted attribute.
    public static func escape(_ raw: String) -> String {
        var out = ""
        for scalar in TextEscaping.visible(raw, doublingBackslashes: false).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value >= 0x20 && scalar.value < 0x7F {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "&#x" + String(scalar.value, radix: 16, uppercase: true) + ";"
                }
            }
        }
        return out
    }
}
