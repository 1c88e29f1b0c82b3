import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The temporary folder of one test process: every test's sources, stores, snapshots and bundles
/// go under it, and it is removed when the process exits, so that a test run leaves nothing behind.
/// (The suites write several hundred megabytes; before this, each run left them in /tmp and a CI
/// machine with a few GiB free ran out of disk.) A folder left over an hour ago by a process that
/// was killed is removed by the next run that starts.
public enum TestScratch {
    /// The process's folder, ending in "/", created on first use; a test adds its own unique name.
    public static var root: String { made }

    private static let prefix = "investigate-tests-"

    private static let made: String = {
        let base = systemTemporaryFolder()
        removeLeftovers(in: base)
        let path = folder(in: base, pid: getpid())
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit {
            try? FileManager.default.removeItem(atPath: TestScratch.folder(in: TestScratch.systemTemporaryFolder(), pid: getpid()))
        }
        return path
    }()

    private static func systemTemporaryFolder() -> String {
        let base = NSTemporaryDirectory()
        return base.hasSuffix("/") ? base : base + "/"
    }

    private static func folder(in base: String, pid: pid_t) -> String { base + prefix + "\(pid)/" }

    /// Removes the folders of test processes that no longer run (killed before their exit handler).
    private static func removeLeftovers(in base: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            // An hour old too: a process of another PID namespace sharing this folder may hold the number.
            let modified = (try? FileManager.default.attributesOfItem(atPath: base + name)[.modificationDate]) as? Date
            if kill(pid, 0) == -1 && errno == ESRCH, let modified, modified < Date(timeIntervalSinceNow: -3600) {
                try? FileManager.default.removeItem(atPath: base + name)
            }
        }
    }
}
