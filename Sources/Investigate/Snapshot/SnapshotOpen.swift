import Foundation

/// What happened to the snapshot when a source was opened.
public struct SnapshotOutcome: Sendable {
    /// True when the investigation came from a snapshot (no load, no build).
    public var used = false
    /// Seconds reading and checking the snapshot (when used).
    public var readSeconds: Double?
    /// Seconds writing the new snapshot (when one was written).
    public var writeSeconds: Double?
    /// Why a snapshot that was found was not trusted (it is rebuilt), or why none could be written.
    public var problems: [String] = []
    /// The snapshot file (nil with `--fresh` or when the source's files cannot be fingerprinted).
    public var path: String?

    /// One line for a trace (`INVESTIGATE_SNAPSHOT_TRACE=1`).
    public var summary: String {
        var parts: [String] = []
        if used { parts.append(String(format: "snapshot: used %@ (read in %.3f s)", path ?? "?", readSeconds ?? 0)) }
        if let writeSeconds { parts.append(String(format: "snapshot: wrote %@ in %.3f s", path ?? "?", writeSeconds)) }
        if parts.isEmpty { parts.append("snapshot: none used or written") }
        return (parts + problems.map { "snapshot: " + $0 }).joined(separator: "\n")
    }
}

extension Investigation {
    /// Opens a source through a snapshot store: the snapshot for the source's current
    /// fingerprint when there is one and it passes every check; else loads and builds, and
    /// writes the snapshot for next time. A damaged, tampered or stale snapshot is never
    /// trusted: it is removed and rebuilt. `fresh` skips reading one (a new one is still written).
    /// With `options.strict`, a snapshot of a source that had bad rows is not used (the load
    /// must stop at the first one).
    /// - Throws: `LoadFailure` from the load, as `CaseLoader` does; snapshot problems never throw.
    public static func open(
        _ directory: String, options: LoadOptions = LoadOptions(), clustering: ClusteringMode = .evidence,
        snapshots: SnapshotStore?, fresh: Bool = false, progress: @escaping (LoadProgress) -> Void = { _ in }
    ) throws -> (Investigation, SnapshotOutcome) {
        var outcome = SnapshotOutcome()
        let files = snapshots == nil ? nil : try SourceFiles(directory: directory)
        let key = files.flatMap { SnapshotKey(files: $0, clustering: clustering) }
        if let snapshots, let files, let key {
            outcome.path = snapshots.path(for: key)
            if !fresh {
                let started = monotonicSeconds()
                do {
                    if let restored = try snapshots.read(key: key, directory: directory, files: files, clustering: clustering) {
                        let report = restored.data.report
                        if !options.strict || report.skippedCount + report.warningCount == 0 {
                            outcome.used = true
                            outcome.readSeconds = monotonicSeconds() - started
                            return (restored, outcome)
                        }
                    }
                } catch {
                    outcome.problems.append("\(outcome.path ?? "") not trusted (\(error)); rebuilding it")
                    snapshots.discard(key: key)
                }
            }
        }
        let investigation = Investigation(
            data: try CaseLoader(options: options).load(directory, progress: progress), clustering: clustering)
        // Written only when the files did not change while they were read.
        if let snapshots, let files, let key, SnapshotKey(files: files, clustering: clustering) == key {
            let started = monotonicSeconds()
            do {
                try snapshots.write(investigation, key: key)
                outcome.writeSeconds = monotonicSeconds() - started
            } catch {
                outcome.problems.append("not written (\(error))")
            }
        }
        return (investigation, outcome)
    }
}
