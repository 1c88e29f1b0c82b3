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
