import Foundation

extension BundleVerifier {
    /// Most bytes `inflateEntries` inflates in all (a fuzzed input of 4 KiB can ask for more).
    static let inflationLimit = 64 << 20

    /// Opens `zipPath` with the verifier's own zip reader (`ZipDirectory`, `ZipLayout`,
    /// `ZipMetadataCheck`, `RawDeflateStream`) and inflates every entry it would read, checked
    /// against nothing else: the bytes inflated, or nil when the archive is refused. The zip
    /// reader's fuzzing target (Tests/Fuzz) drives it; it never traps on any input.
    public static func inflateEntries(zipPath: String) -> Int? {
        guard let source = try? ZipBundleSource(path: zipPath) else { return nil }
        var total = 0
        for entry in source.entries where entry.unreadable == nil {
            try? source.stream(entry) { chunk in
                total += chunk.count
                if total > inflationLimit { throw EntryReadError("over the inflation limit") }
            }
        }
        return total
    }
}
