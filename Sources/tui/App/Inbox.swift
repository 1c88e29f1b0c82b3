import Foundation

/// Messages posted by background work (loading, large searches and filters) for the input loop
/// to apply between keys. Thread-safe.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [Action] = []
    private var busy = 0

    /// Posts a message.
    func post(_ action: Action) {
        lock.lock()
        queue.append(action)
        lock.unlock()
    }

    /// Takes every pending message.
    func drain() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let out = queue
        queue.removeAll()
        return out
    }

    /// Background jobs in flight plus messages not yet applied (so replay waits for both: a
    /// job that finished between two keys still has its answer queued).
    var pendingJobs: Int {
        lock.lock()
        defer { lock.unlock() }
        return busy + queue.count
    }

    func jobStarted() { lock.lock(); busy += 1; lock.unlock() }
    func jobFinished() { lock.lock(); busy -= 1; lock.unlock() }
}
