import Foundation
import Testing
@testable import Investigate

#if canImport(Glibc)
    import Glibc
#endif

/// What a hostile archive can do to `verify`: duplicates, extra entries, lying sizes, bombs,
/// prepended or appended bytes, and the zip features a well-formed bundle may still use.
@Suite struct BundleVerifierZipTests {
    /// zip64 records and data descriptors are read; the exporter writes no data descriptor, so
    /// (session 36) a copy with them is named for its flags alone, every entry still read.
    @Test func zip64AndDataDescriptorCopiesOfAGoodBundleAreRead() throws {
        let f = try VerifyFixture.make()
        for (zip64, descriptors) in [(false, false), (true, false), (false, true), (true, true)] {
            var zip = TestZip(files: f.files)
            zip.zip64 = zip64
            zip.descriptors = descriptors
            let report = try f.verify(zip)
            let flags = report.problems.filter { $0.contains(": general-purpose flags 0x0808 (data descriptor, UTF-8 names)") }
            #expect(flags.count == (descriptors ? f.files.count : 0), "zip64 \(zip64) descriptors \(descriptors)")
            #expect(report.problems.count == flags.count, "zip64 \(zip64) descriptors \(descriptors): \(report.problems)")
        }
    }

    @Test func duplicateEntryNameIsRejected() throws {
        let f = try VerifyFixture.make()
        var zip = TestZip(files: f.files)
        var tampered = f.files["accounts.csv"]!
        tampered[tampered.count / 2] ^= 1
        zip.add("accounts.csv", tampered)
        let report = try f.verify(zip)
        #expect(!report.ok)
        #expect(report.problems.contains("accounts.csv: 2 entries with this name (duplicates: extractors disagree on which one is used)"))
    }

    @Test func entryNotInTheManifestIsRejected() throws {
        let f = try VerifyFixture.make()
        var zip = TestZip(files: f.files)
        zip.add("notes.txt", Array("hello".utf8))
        zip.add("../\u{1b}[2Jevil", [])
        let report = try f.verify(zip)
        #expect(report.problems.contains("notes.txt: extra entry not in the manifest (not read)"))
        #expect(report.problems.contains("../\\x1b[2Jevil: extra entry not in the manifest (not read)"))
    }

    @Test func tamperedFileNamesItsHashMismatch() throws {
        let f = try VerifyFixture.make()
        var files = f.files
        files["edges.csv"]![10] ^= 0x20
        let report = try f.verify(TestZip(files: files))
        #expect(report.problems.count == 1)
        #expect(report.problems[0].hasPrefix("edges.csv: sha256 differs (manifest "))
    }

    /// accounts.csv replaced by 1 GiB of zeros whose directory size is honest: refused on the size alone.
    @Test func declaredSizeDifferingFromTheManifestIsRejectedBeforeInflating() throws {
        let f = try VerifyFixture.make()
        for (size, zip64) in [(UInt64(1) << 30, false), (UInt64(4) << 30, true)] {
            var zip = try bomb(f, inflating: size, declaring: size)
            zip.zip64 = zip64
            let started = Date()
            let report = try f.verify(zip)
            #expect(Date().timeIntervalSince(started) < 5)
            let manifestSize = f.files["accounts.csv"]!.count
            #expect(report.problems == ["accounts.csv: size differs (manifest \(manifestSize) bytes, zip directory \(size)); not read"])
        }
    }

    /// The same bomb with its directory lying (declaring the manifest's size): inflating stops
    /// one chunk past the manifest's count, in bounded memory.
    @Test func bombDeclaringTheManifestSizeStopsAtTheManifestCount() throws {
        let f = try VerifyFixture.make()
        let zip = try bomb(f, inflating: 1 << 30, declaring: UInt64(f.files["accounts.csv"]!.count))
        let before = peakResidentMemoryBytes()
        let started = Date()
        let report = try f.verify(zip)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(peakResidentMemoryBytes() - before < 256 << 20)
        #expect(
            report.problems == [
                "accounts.csv: altered or corrupt: holds more than the manifest's \(f.files["accounts.csv"]!.count) bytes; stopped reading there"
            ])
    }

    @Test func deflatedZerosInflateExactly() throws {
        let f = try VerifyFixture.make()
        var zip = TestZip()
        let zeros = [UInt8](repeating: 0, count: 100_003)
        zip.entries.append(
            TestZip.Entry(
                name: Array("z".utf8), method: 8, payload: DeflatedZeros.stream(count: 100_003), size: 100_003, crc: TestCRC32.of(zeros)))
        let path = try f.write("\(UUID().uuidString)-zeros.zip", zip.bytes())
        #expect(try BundleVerifier.read(path)["z"] == zeros)
    }

    @Test func prependedBytesAreNamed() throws {
        let f = try VerifyFixture.make()
        let good = Array(try Data(contentsOf: URL(fileURLWithPath: f.dir + "/good.zip")))
        let path = try f.write("\(UUID().uuidString)-prepended.zip", [UInt8](repeating: 0x41, count: 1000) + good)
        let report = try BundleVerifier.verify(path: path, trust: f.trust)
        #expect(report.problems == ["\(path): not a well-formed zip: 1000 bytes before the first entry (data prepended to the archive)"])
        let zip64Path = try f.write(
            "\(UUID().uuidString)-prepended64.zip",
            [UInt8](repeating: 0, count: 1000)
                + {
                    var z = TestZip(files: f.files); z.zip64 = true; return z.bytes()
                }())
        #expect(
            try BundleVerifier.verify(path: zip64Path, trust: f.trust).problems == [
                "\(zip64Path): not a well-formed zip: 1000 bytes before the first entry (data prepended to the archive)"
            ])
        let appended = try f.write("\(UUID().uuidString)-appended.zip", good + Array("trailer".utf8))
        #expect(
            try BundleVerifier.verify(path: appended, trust: f.trust).problems.first?.hasSuffix(
                "7 bytes after the end-of-central-directory record") == true)
        let notZip = try f.write("\(UUID().uuidString)-text.zip", Array("hello".utf8))
        #expect(
            try BundleVerifier.verify(path: notZip, trust: f.trust).problems.first?.hasSuffix(
                "no end-of-central-directory record (not a zip archive)") == true)
    }

    @Test func oversizedManifestIsNotRead() throws {
        let f = try VerifyFixture.make()
        var files = f.files
        files["manifest.json"]! += [UInt8](repeating: 0x20, count: Int(BundleVerifier.maxManifestBytes))
        let report = try f.verify(TestZip(files: files))
        #expect(
            report.problems == [
                "manifest.json: \(files["manifest.json"]!.count) bytes, over the \(BundleVerifier.maxManifestBytes)-byte limit; not read"
            ])
    }

    @Test func folderBundleReadsOnlyRegularFiles() throws {
        let f = try VerifyFixture.make()
        let folder = try f.folderCopy()
        try FileManager.default.removeItem(atPath: folder + "/report.html")
        try FileManager.default.createSymbolicLink(atPath: folder + "/report.html", withDestinationPath: f.dir + "/good.zip")
        #expect(mkfifo(folder + "/queries.jsonl.fifo", 0o600) == 0)
        let report = try BundleVerifier.verify(path: folder, trust: f.trust)
        #expect(report.problems.contains("report.html: not a regular file (a symbolic link, not followed)"))
        #expect(report.problems.contains("queries.jsonl.fifo: not a regular file (a FIFO)"))
    }

    /// The real bundle with accounts.csv replaced by a deflated run of `inflating` zeros whose
    /// headers declare `declaring` bytes.
    func bomb(_ f: VerifyFixture, inflating: UInt64, declaring: UInt64) throws -> TestZip {
        var zip = TestZip(files: f.files)
        let index = zip.entries.firstIndex { $0.name == Array("accounts.csv".utf8) }!
        zip.entries[index] = TestZip.Entry(
            name: Array("accounts.csv".utf8), method: 8, payload: DeflatedZeros.stream(count: inflating), size: declaring, crc: 0)
        return zip
    }
}

/// Damage anywhere in a good archive: never a crash or a hang, and a cut archive never verifies.
@Suite struct BundleVerifierDamageTests {
    @Test func truncatedAndFlippedArchivesAreHandled() throws {
        let f = try VerifyFixture.make()
        let good = Array(try Data(contentsOf: URL(fileURLWithPath: f.dir + "/good.zip")))
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let path = f.dir + "/damaged-\(UUID().uuidString).zip"
        for i in 0..<30 {
            let cut = i == 0 ? good.count - 1 : next(good.count)
            try Data(good.prefix(cut)).write(to: URL(fileURLWithPath: path))
            #expect(try !BundleVerifier.verify(path: path, trust: f.trust).ok, "cut at \(cut)")
        }
        var verified = 0
        for _ in 0..<100 {
            var bytes = good
            let at = next(bytes.count)
            bytes[at] ^= UInt8(1 + next(255))
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            if try BundleVerifier.verify(path: path, trust: f.trust).ok { verified += 1 }
        }
        // Only bytes no check covers (entry times, attributes, "version made by") may change unnoticed.
        #expect(verified < 10, "\(verified) of 100 flips verified")
    }
}
