#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The source of "now" for the case store; tests inject a fixed or stepping clock.
public protocol CaseClock: Sendable {
    /// The current time as whole seconds since the epoch.
    func now() -> Int64
}

/// The system wall clock.
public struct SystemClock: CaseClock {
    public init() {}
    public func now() -> Int64 { Int64(time(nil)) }
}

/// A clock that starts at `start` and advances one second on every reading (for tests).
public final class SteppingClock: CaseClock, @unchecked Sendable {
    private var current: Int64
    private var lock = pthread_mutex_t()

    /// Creates a clock reading `start` first.
    public init(start: Int64 = 1_767_225_600) {
        current = start
        pthread_mutex_init(&lock, nil)
    }

    public func now() -> Int64 {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        current += 1
        return current - 1
    }
}

/// RFC 3339 UTC formatting (`2026-01-01T00:00:00Z`) without Foundation's locale machinery.
public enum RFC3339 {
    /// Formats epoch seconds.
    public static func format(seconds: Int64) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func pad(_ v: Int32, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
    }

    /// Formats epoch milliseconds (whole seconds, plus `.mmm` when not zero).
    public static func format(millis: Int64) -> String {
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let rest = millis - seconds * 1000
        let base = format(seconds: seconds)
        guard rest != 0 else { return base }
        let frac = String(rest)
        return String(base.dropLast()) + "." + String(repeating: "0", count: 3 - frac.count) + frac + "Z"
    }
}
