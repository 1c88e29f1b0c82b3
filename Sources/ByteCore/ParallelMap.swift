import Dispatch

/// Runs independent jobs on every core and collects one result per job, in job order.
///
/// Each job writes only its own slot of the result array (the only shared memory), so callers
/// need no buffer pointers or locks to gather per-thread results.
public enum ParallelMap {
    /// `[body(0), body(1), ..., body(count - 1)]`, the calls spread over the cores.
    public static func run<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        precondition(count >= 0, "ParallelMap.run with a negative count")
        if count == 0 { return [] }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            // Each iteration writes slot `job` alone, so the writes never overlap.
            nonisolated(unsafe) let slots = slots
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                DispatchQueue.concurrentPerform(iterations: count) { job in
                    precondition(job >= 0 && job < slots.count)
                    slots[job] = body(job)
                }
            }
        }
        return results.map { $0! }
    }
}
