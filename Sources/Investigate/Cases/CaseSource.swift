import Crypto
import Foundation

/// The case source a case was opened on: the folder's absolute path and a fingerprint of its
/// files (each file's name, size, and the SHA-256 of its first and last 16 KiB; no modification
/// time, so a copy of the same files is the same source). Cluster ids (`c17`) are numbers of one
/// source's ranking: a case keeps its source so that a cluster tag is never read against another.
///
/// Kept in the `source` member of the case's `case.new` audit entry (so it is hashed into the
/// chain and exported with it); a case made without one (by `case new`, or before this was kept)
/// has none.
public struct CaseSource: Equatable, Sendable {
    /// The source folder, absolute and standardised.
    public var path: String
    /// 64 hex digits over every data file's name, size, head and tail.
    public var fingerprint: String
    /// How many data files the fingerprint covers.
    public var files: Int

    /// Bytes hashed from each end of every file.
    static let edgeBytes = 16 * 1024

    /// Creates a source record.
    public init(path: String, fingerprint: String, files: Int) {
        self.path = path
        self.fingerprint = fingerprint
        self.files = files
    }

    /// The source of `files`: reads at most 32 KiB of each regular file (`SourceFileEdges`); a
    /// name that is not a regular file (a FIFO, a device) counts by its name and is never read,
    /// so this cannot block.
    public init(files: SourceFiles) {
        var hasher = SHA256()
        func field(_ text: String) {
            let bytes = Array(text.utf8)
            hasher.update(data: Array("\(bytes.count):".utf8))
            hasher.update(data: bytes)
        }
        field("investigate case source v1")
        let entries = files.all.sorted { $0.name < $1.name }
        for entry in entries {
            field(entry.name)
            if !SourceFileEdges.add(entry.path, edgeBytes: Self.edgeBytes, modificationTime: false, to: &hasher) {
                field("unreadable")
            }
        }
        self.path = Self.absolute(files.directory)
        self.fingerprint = Self.hex(Array(hasher.finalize()))
        self.files = entries.count
    }

    /// The source as kept in the audit entry.
    public var jsonValue: JSONValue {
        ["path": .string(path), "fingerprint": .string(fingerprint), "files": .int(Int64(files))]
    }

    /// Reads a source back from its audit form; nil when it is not one.
    public init?(json: JSONValue) {
        guard let path = json["path"]?.stringValue, let fingerprint = json["fingerprint"]?.stringValue,
            fingerprint.utf8.count == 64, let files = json["files"]?.intValue
        else { return nil }
        self.init(path: path, fingerprint: fingerprint, files: Int(files))
    }

    /// How a case's recorded source stands against the source in use.
    public enum Match: Equatable, Sendable {
        /// The same files (wherever they are now).
        case same
        /// The same folder, holding other files now (cluster numbers may name other clusters).
        case changed
        /// Another source.
        case other
    }

    /// How `self` (a case's source) stands against `current`.
    public func match(_ current: CaseSource) -> Match {
        if fingerprint == current.fingerprint { return .same }
        return path == current.path ? .changed : .other
    }

    /// `path` absolute and standardised (`..` and `.` resolved, no trailing slash).
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}

extension CaseSnapshot {
    /// The source the case was opened on, from its `case.new` entry; nil when none was kept.
    public var source: CaseSource? {
        guard let first = audit.first, first.action == "case.new", let value = first.detail["source"] else { return nil }
        return CaseSource(json: value)
    }
}
