/// Small formatting helpers of `report.html`: every number and data string the report prints
/// passes through here or `MarkupEscaping`, so the page is text for people, inert and deterministic.
enum ReportText {
    /// Escapes a data string for HTML (control, bidi and invalid bytes shown as visible escapes).
    static func html(_ raw: String) -> String { MarkupEscaping.escape(raw) }

    /// Escapes an exact value's display form for HTML.
    static func html(_ exact: ExactText) -> String { MarkupEscaping.escape(exact.display) }

    /// A risk or score with exactly two decimals (`0.92`, `1.00`); non-finite values print `0.00`.
    static func risk(_ value: Double) -> String {
        guard value.isFinite else { return "0.00" }
        let hundredths = Int64((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return sign + String(magnitude / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// A signed contribution with two decimals (`+0.45`, `-0.21`), or `0` for one too small to
    /// show (its explanation says why: `SignalZeroReason`), never `+0.00` or `0.00`.
    static func contribution(_ value: Double) -> String {
        guard abs(value) >= SignalZeroReason.shown else { return "0" }
        return value < 0 ? risk(value) : "+" + risk(value)
    }

    /// `1 account`, `3 accounts`.
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// Text cut to at most `limit` characters after making it inert, with `…` when cut.
    static func cut(_ raw: String, _ limit: Int) -> String {
        let visible = TextEscaping.visible(raw)
        return visible.count <= limit ? visible : String(visible.prefix(limit)) + "…"
    }

    /// An exact value's display form cut to `limit` characters; a cut one ends with its byte
    /// length and the first 16 hex digits of its sha256 (`acct_LLL… (5,006 bytes, #3f2a…)`), so two
    /// long ids alike in their first characters (a trial's tagged and untagged accounts) never
    /// read as one; the exact bytes are in the bundle's CSV files.
    static func cut(_ exact: ExactText, _ limit: Int) -> String {
        let visible = exact.display
        guard visible.count > limit else { return visible }
        let digest = AuditChain.sha256Hex(exact.bytes)
        return String(visible.prefix(limit)) + "… (\(PairExplanation.grouped(exact.bytes.count)) bytes, #\(digest.prefix(16)))"
    }

    /// Day of an RFC 3339 time (`2026-06-01T14:03:00Z` -> `2026-06-01 14:03 UTC`).
    static func when(_ rfc3339: String) -> String {
        let parts = rfc3339.split(separator: "T", maxSplits: 1)
        guard parts.count == 2 else { return rfc3339 }
        return parts[0] + " " + parts[1].prefix(5) + " UTC"
    }
}
