/// Parses timestamps: RFC 3339 / ISO 8601 (`Z` or `±HH:MM`, optional fraction, `T` or space),
/// a bare date, and epoch numbers (seconds below 1e11, milliseconds above).
public enum Timestamp {
    /// The first and last millisecond an RFC 3339 year (0000-9999) can write.
    static let representable: ClosedRange<Int64> =
        daysFromCivil(year: 0, month: 1, day: 1) * 86_400_000...daysFromCivil(year: 9999, month: 12, day: 31) * 86_400_000
        + 86_399_999

    /// Milliseconds since the Unix epoch, or nil when the bytes are not a timestamp, or name an
    /// instant outside years 0000-9999 UTC (which no RFC 3339 export could write back).
    public static func parseMillis(_ bytes: Span<UInt8>) -> Int64? {
        parse(bytes)?.millis
    }

    /// `parseMillis`, and whether the text names its zone (`Z`, an offset, or an epoch number).
    /// A date and time with no zone, or a bare date, is outside the data format (RFC 3339
    /// requires the zone); it is read as UTC and `zoned` is false, for the loader to report.
    public static func parse(_ bytes: Span<UInt8>) -> (millis: Int64, zoned: Bool)? {
        guard let parsed = parseAny(bytes), representable.contains(parsed.millis) else { return nil }
        return parsed
    }

    private static func parseAny(_ bytes: Span<UInt8>) -> (millis: Int64, zoned: Bool)? {
        let n = bytes.count
        guard n > 0 else { return nil }
        if isEpoch(bytes) { return parseEpoch(bytes).map { ($0, true) } }
        guard n >= 10,
            let year = digits(bytes, 0, 4), bytes[4] == 0x2D,
            let month = digits(bytes, 5, 2), bytes[7] == 0x2D,
            let day = digits(bytes, 8, 2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        var millis = daysFromCivil(year: year, month: month, day: day) * 86_400_000
        if n == 10 { return (millis, false) }
        guard n >= 19, bytes[10] == 0x54 || bytes[10] == 0x74 || bytes[10] == 0x20,
            let hour = digits(bytes, 11, 2), bytes[13] == 0x3A,
            let minute = digits(bytes, 14, 2), bytes[16] == 0x3A,
            let second = digits(bytes, 17, 2),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        millis += Int64(hour * 3_600_000 + minute * 60_000 + second * 1000)
        var i = 19
        if i < n && (bytes[i] == 0x2E || bytes[i] == 0x2C) {
            i += 1
            var fraction = 0
            var scale = 100
            let start = i
            while i < n, bytes[i] >= 0x30, bytes[i] <= 0x39 {
                fraction += Int(bytes[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
            if i == start { return nil }
            millis += Int64(fraction)
        }
        if i == n { return (millis, false) }  // no zone: taken as UTC, and said
        let zone = bytes[i]
        if (zone == 0x5A || zone == 0x7A) && i + 1 == n { return (millis, true) }
        guard zone == 0x2B || zone == 0x2D, let zh = digits(bytes, i + 1, 2), zh < 24 else { return nil }
        var zm = 0
        if i + 3 == n {
            zm = 0
        } else if i + 6 == n, bytes[i + 3] == 0x3A, let m = digits(bytes, i + 4, 2) {
            zm = m
        } else if i + 5 == n, let m = digits(bytes, i + 3, 2) {
            zm = m
        } else {
            return nil
        }
        guard zm < 60 else { return nil }
        let offset = Int64(zh * 3_600_000 + zm * 60_000)
        return (zone == 0x2B ? millis - offset : millis + offset, true)
    }

    /// Parses a Swift string.
    public static func parseMillis(_ string: String) -> Int64? {
        var copy = string
        return copy.withUTF8 { parseMillis($0.span) }
    }

    /// Formats milliseconds as RFC 3339 UTC (`2026-01-02T03:04:05.678Z`, fraction only when non-zero).
    public static func format(millis: Int64) -> String {
        let days = floorDiv(millis, 86_400_000)
        let inDay = millis - days * 86_400_000
        let (y, m, d) = civilFromDays(days)
        let h = inDay / 3_600_000, mi = (inDay / 60_000) % 60, s = (inDay / 1000) % 60, ms = inDay % 1000
        var text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(h, 2)):\(pad(mi, 2)):\(pad(s, 2))"
        if ms != 0 { text += "." + pad(ms, 3) }
        return text + "Z"
    }

    /// Formats a day number (days since epoch) as `YYYY-MM-DD`.
    public static func formatDay(_ days: Int64) -> String {
        let (y, m, d) = civilFromDays(days)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func isEpoch(_ bytes: Span<UInt8>) -> Bool {
        var sawDigit = false
        for i in 0..<bytes.count {
            let byte = bytes[i]
            if byte >= 0x30 && byte <= 0x39 { sawDigit = true; continue }
            if byte == 0x2D && i == 0 { continue }
            if byte == 0x2E { continue }
            return false
        }
        return sawDigit && !(bytes.count >= 5 && bytes[4] == 0x2D)
    }

    private static func parseEpoch(_ bytes: Span<UInt8>) -> Int64? {
        var negative = false
        var whole: Int64 = 0
        var fraction = 0.0
        var scale = 0.1
        var inFraction = false
        var digitsSeen = 0
        for i in 0..<bytes.count {
            let byte = bytes[i]
            if byte == 0x2D && i == 0 { negative = true; continue }
            if byte == 0x2E {
                if inFraction { return nil }
                inFraction = true
                continue
            }
            let digit = Int64(byte - 0x30)
            if inFraction {
                fraction += Double(digit) * scale
                scale /= 10
            } else {
                digitsSeen += 1
                if digitsSeen > 16 { return nil }
                whole = whole * 10 + digit
            }
        }
        // Seconds below 1e11 (before the year 5138), milliseconds above.
        let millis: Int64
        if whole < 100_000_000_000 {
            millis = whole * 1000 + Int64((fraction * 1000).rounded())
        } else {
            millis = whole + Int64(fraction.rounded())
        }
        return negative ? -millis : millis
    }

    @inline(__always)
    private static func digits(_ bytes: Span<UInt8>, _ at: Int, _ count: Int) -> Int? {
        guard at + count <= bytes.count else { return nil }
        var value = 0
        for i in at..<(at + count) {
            let byte = bytes[i]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64((month + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Civil date for days since 1970-01-01.
    static func civilFromDays(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
