import Foundation
import Testing
@testable import Investigate

/// A trial (session 36, from reading): `verify` hashed each file once, then its cross-checks read
/// the files again without hashing them, so a file swapped between the two reads (a folder bundle,
/// or a zip on a shared file system) had its cross-checks run on bytes other than those hashed.
/// The second read is now held to the manifest's digest.
@Suite struct SecondReadVerifyTests {
    /// The fixture's files, with `swapped` served as `replacement` from its second read on.
    final class SwappingSource: BundleSource {
        let inner: MemoryBundleSource
        let swapped: [UInt8]
        let replacement: [UInt8]
        var reads = 0

        init(_ files: [String: [UInt8]], swapping name: String, for replacement: [UInt8]) {
            inner = MemoryBundleSource(files)
            swapped = Array(name.utf8)
            self.replacement = replacement
        }

        var entries: [BundleEntry] { inner.entries }

        func stream(_ entry: BundleEntry, into consume: (Data) throws -> Void) throws {
            guard entry.name == swapped else { return try inner.stream(entry, into: consume) }
            reads += 1
            if reads == 1 { return try inner.stream(entry, into: consume) }
            try consume(Data(replacement))
        }
    }

    @Test func aFileChangedBetweenItsTwoReadsIsNamed() throws {
        let f = try VerifyFixture.make()
        let honest = BundleVerifier.verify(SwappingSource(f.files, swapping: "enforcement.csv", for: f.files["enforcement.csv"]!), trust: f.trust)
        #expect(honest.ok, "\(honest.problems)")
        // The same length, another account's action: only a second read could see it.
        var forged = f.files["enforcement.csv"]!
        let text = String(decoding: forged, as: UTF8.self)
        let replaced = text.replacingOccurrences(of: ",ban,", with: ",xxx,").replacingOccurrences(of: ",suspend,", with: ",xxxxxxx,")
        #expect(replaced != text)
        forged = Array(replaced.utf8)
        let source = SwappingSource(f.files, swapping: "enforcement.csv", for: forged)
        let report = BundleVerifier.verify(source, trust: f.trust)
        #expect(source.reads == 2)
        #expect(report.problems.contains("enforcement.csv: changed while it was verified (read again, its sha256 differs)"), "\(report.problems)")
    }
}
