import Foundation

/// One entry of a bundle as its container lists it, before any of its content is read.
struct BundleEntry {
    /// The exact name bytes (a zip name may be any bytes; compared byte for byte).
    var name: [UInt8]
    /// The size the container declares: the zip directory's uncompressed size, or the file's size.
    var declaredSize: UInt64
    /// What the container calls that size, for messages (`zip directory`, `file`).
    var sizeSource: String
    /// Why the entry cannot be read at all (not a regular file, encrypted, unknown compression), or nil.
    var unreadable: String?
    /// The entry's position in the container's own list.
    var index: Int

    /// The name for messages (escaped, bounded).
    var shownName: String { TextEscaping.visible(name, limit: 200) }
}

/// A per-entry read failure, reported as `name: reason`.
struct EntryReadError: Error, CustomStringConvertible {
    var reason: String
    init(_ reason: String) { self.reason = reason }
    var description: String { reason }
}

/// Where a bundle's entries come from (a zip archive, a folder, or bytes in memory). A source
/// lists entries without reading their content, then streams one entry at a time in chunks of
/// at most `BundleSourceLimits.chunk` bytes; the consumer throws to stop it early.
protocol BundleSource {
    /// Every entry, duplicates and unreadable ones included, in the container's order.
    var entries: [BundleEntry] { get }
    /// What the container itself carries besides the entries' content that the exporter never
    /// writes (a zip's comments, extra fields, attributes), one problem each.
    var containerProblems: [String] { get }
    /// The entries whose date and time are not what the exporter writes for a manifest saying
    /// `exportedAt` (a zip's headers), one problem each.
    func timeProblems(exportedAt: String) -> [String]
    /// Streams an entry's content to `consume`.
    /// - Throws: `EntryReadError` when the content cannot be read or decoded, or what `consume` throws.
    func stream(_ entry: BundleEntry, into consume: (Data) throws -> Void) throws
}

extension BundleSource {
    /// Bytes in memory carry nothing besides their files.
    var containerProblems: [String] { [] }
    /// A folder's and memory's files carry no time the exporter sets.
    func timeProblems(exportedAt: String) -> [String] { [] }
}

/// Sizes that bound a verifier's memory.
enum BundleSourceLimits {
    /// The read and inflate buffer: content never sits in memory in larger pieces.
    static let chunk = 1 << 16
}

/// The bundle files held in memory (name -> bytes), as the export tests build them.
struct MemoryBundleSource: BundleSource {
    let files: [(name: [UInt8], bytes: [UInt8])]

    init(_ files: [String: [UInt8]]) {
        self.files = files.keys.sorted().map { (Array($0.utf8), files[$0]!) }
    }

    var entries: [BundleEntry] {
        files.enumerated().map { i, file in
            BundleEntry(name: file.name, declaredSize: UInt64(file.bytes.count), sizeSource: "file", unreadable: nil, index: i)
        }
    }

    func stream(_ entry: BundleEntry, into consume: (Data) throws -> Void) throws {
        let bytes = files[entry.index].bytes
        var start = 0
        repeat {
            let end = min(start + BundleSourceLimits.chunk, bytes.count)
            try consume(Data(bytes[start..<end]))
            start = end
        } while start < bytes.count
    }
}
