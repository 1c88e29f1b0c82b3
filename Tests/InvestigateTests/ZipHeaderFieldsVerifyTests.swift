import Foundation
import Testing
@testable import Investigate
import TestScratch

#if canImport(Glibc)
    import Glibc
#endif

/// Session 36: `verify` held a zip's comments, extra fields and attributes to the exporter's, but
/// not the fields its writer sets (version made by and needed, general-purpose flags, compression
/// method, each entry's date and time), so an archive another tool repacked (stored, with data
/// descriptors, stamped with its own clock) passed as the exporter's; and a folder bundle's
/// files could have any mode. Each is now named, with the entry, and an honest bundle written at
/// any instant still verifies.
@Suite struct ZipHeaderFieldsVerifyTests {
    /// The fixture's files with the exporter's headers, then `change` applied to `name`'s entry.
    func zip(_ f: VerifyFixture, _ name: String, _ change: (inout TestZip.Entry) -> Void) -> TestZip {
        var zip = TestZip(files: f.files)
        for i in zip.entries.indices where zip.entries[i].name == Array(name.utf8) { change(&zip.entries[i]) }
        return zip
    }

    /// The exporter's writer at instants across the DOS range and past both ends of it (and a
    /// text that is no time): its headers carry exactly what the check calls for.
    @Test func theWritersOwnArchiveHoldsAtAnyInstant() throws {
        let files = [
            BundleFile(path: "a.txt", bytes: Array("hello\n".utf8), records: 1), BundleFile(path: "empty.csv", bytes: [], records: 0),
        ]
        let instants = [
            "1970-01-01T00:00:00Z", "1979-12-31T23:59:59Z", "1980-01-01T00:00:00Z", "2026-12-06T08:21:37Z", "2026-02-28T23:59:59Z",
            "2028-02-29T12:34:56Z", "2099-12-31T23:59:59Z", "2100-03-01T00:00:01Z", "2400-02-29T23:59:58Z", "not a time",
        ]
        let dir = TestScratch.root + "inv-s36-zipdates-\(getpid())-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (i, instant) in instants.enumerated() {
            let path = dir + "/\(i).zip"
            try Data(try BundleWriter.zip(files, modified: instant)).write(to: URL(fileURLWithPath: path))
            let source = try ZipBundleSource(path: path)
            #expect(source.containerProblems == [], "\(instant)")
            #expect(source.timeProblems(exportedAt: instant) == [], "\(instant)")
            #expect(source.zipEntries.allSatisfy { $0.metadata.modified == ZipDOSTime.exporter(exportedAt: instant) })
        }
        let path = dir + "/shifted.zip"
        try Data(try BundleWriter.zip(files, modified: "2026-12-06T08:21:37Z")).write(to: URL(fileURLWithPath: path))
        let shifted = try ZipBundleSource(path: path).timeProblems(exportedAt: "2026-12-06T08:21:39Z")
        #expect(
            shifted.first
                == "a.txt: last modified 2026-12-06 08:21:36 (DOS date 0x5d86, time 0x42b2); the exporter writes the manifest's "
                + "exported_at (2026-12-06T08:21:39Z) as 2026-12-06 08:21:38 (DOS date 0x5d86, time 0x42b3)")
        #expect(shifted.count == 2)
    }

    @Test func theExportersHeadersVerifyWithZip64() throws {
        let f = try VerifyFixture.make()
        #expect(try BundleVerifier.verify(path: f.dir + "/good.zip", trust: f.trust).ok)
        var zip = TestZip(files: f.files)
        #expect(try f.verify(zip).problems == [])
        zip.zip64 = true
        #expect(try f.verify(zip).problems == [], "version needed 45 with sizes in a zip64 field, as the writer does")
    }

    @Test func flagsTheExporterNeverSetsAreNamed() throws {
        let f = try VerifyFixture.make()
        var descriptors = TestZip(files: f.files)
        descriptors.descriptors = true
        let report = try f.verify(descriptors)
        #expect(report.problems.count == f.files.count, "\(report.problems)")
        #expect(
            report.problems.contains(
                "case.json: general-purpose flags 0x0808 (data descriptor, UTF-8 names) in the central directory, 0x0808 (data "
                    + "descriptor, UTF-8 names) in the local header; the exporter writes 0x0800 (UTF-8 names) in both"))
        let plain = try f.verify(zip(f, "edges.csv") { $0.flags = 0 })
        #expect(
            plain.problems == [
                "edges.csv: general-purpose flags 0x0000 (none) in the central directory, 0x0000 (none) in the local header; "
                    + "the exporter writes 0x0800 (UTF-8 names) in both"
            ])
        // Bits the reader's local/central comparison ignores, in the local header only.
        let local = try f.verify(zip(f, "stix21.json") { $0.localFlags = 0x0802 })
        #expect(
            local.problems == [
                "stix21.json: general-purpose flags 0x0800 (UTF-8 names) in the central directory, 0x0802 (UTF-8 names, other "
                    + "bits 0x0002) in the local header; the exporter writes 0x0800 (UTF-8 names) in both"
            ])
    }

    @Test func aStoredEntryIsNamed() throws {
        let f = try VerifyFixture.make()
        var zip = TestZip(files: f.files)
        let index = try #require(zip.entries.firstIndex { $0.name == Array("case.json".utf8) })
        var stored = TestZip()
        stored.addStored("case.json", f.files["case.json"]!)
        zip.entries[index] = stored.entries[0]
        #expect(try f.verify(zip).problems == ["case.json: compression method 0 (stored); the exporter writes 8 (deflate)"])
    }

    @Test func versionsTheExporterNeverWritesAreNamed() throws {
        let f = try VerifyFixture.make()
        let madeBy = try f.verify(zip(f, "audit.jsonl") { $0.versionMadeBy = 0x031E })
        #expect(madeBy.problems == ["audit.jsonl: version made by 0x031e; the exporter writes 0x0315 (Unix, zip 2.1)"])
        let needed = try f.verify(zip(f, "report.html") { $0.versionNeeded = 45; $0.localVersionNeeded = 20 })
        #expect(
            needed.problems == [
                "report.html: version needed to extract 45 in the central directory, 20 in the local header; the exporter writes 20 "
                    + "in both (45 only when the local header gives its sizes in a zip64 field)"
            ])
        let local = try f.verify(zip(f, "report.html") { $0.localVersionNeeded = 10 })
        #expect(local.problems.count == 1)
        #expect(local.problems.first?.hasPrefix("report.html: version needed to extract 20 in the central directory, 10 in the local header") == true)
    }

    @Test func aDateOtherThanTheManifestsIsNamed() throws {
        let f = try VerifyFixture.make()
        let exportedAt = try #require(try JSONValue.parse(f.files["manifest.json"]!)["exported_at"]?.stringValue)
        let expected = ZipDOSTime.exporter(exportedAt: exportedAt)
        let forged = ZipDOSTime(date: 0x0021, time: 0)
        let both = try f.verify(zip(f, "enforcement.csv") { $0.modified = forged })
        #expect(
            both.problems == [
                "enforcement.csv: last modified 1980-01-01 00:00:00 (DOS date 0x0021, time 0x0000); the exporter writes the "
                    + "manifest's exported_at (\(exportedAt)) as \(expected.description)"
            ])
        let local = try f.verify(zip(f, "enforcement.csv") { $0.localModified = forged })
        #expect(
            local.problems == [
                "enforcement.csv: last modified \(expected.description) in the central directory, 1980-01-01 00:00:00 (DOS date "
                    + "0x0021, time 0x0000) in the local header; the exporter writes one time in both"
            ])
        // A repack stamps every entry with its own clock.
        var restamped = TestZip(files: f.files)
        restamped.modified = ZipDOSTime(date: expected.date, time: expected.time ^ 1)
        #expect(try f.verify(restamped).problems.count == f.files.count)
    }

    @Test func theEntryIsNamedEscaped() throws {
        let f = try VerifyFixture.make()
        var zip = TestZip(files: f.files)
        zip.add("x\u{1b}]0;pwned\u{07}", [])
        zip.entries[zip.entries.count - 1].flags = 0x0001
        let report = try f.verify(zip)
        #expect(report.problems.contains { $0.hasPrefix("x\\x1b]0;pwned\\x07: general-purpose flags 0x0001 (encrypted)") }, "\(report.problems)")
        #expect(!report.problems.contains { $0.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func aFolderFileOfAnotherModeIsNamed() throws {
        let f = try VerifyFixture.make()
        let honest = try f.folderCopy()
        #expect(try BundleVerifier.verify(path: honest, trust: f.trust).problems == [])
        for (mode, shown): (mode_t, String) in [(0o644, "0644"), (0o700, "0700"), (0o4600, "4600"), (0o400, "0400")] {
            let folder = try f.folderCopy()
            #expect(chmod(folder + "/case.json", mode) == 0)
            let report = try BundleVerifier.verify(path: folder, trust: f.trust)
            #expect(
                report.problems == ["case.json: mode \(shown); the exporter writes 0600 (its owner may read and write it, no one else)"],
                "\(shown)")
        }
        let extra = try f.folderCopy()
        try Data("x".utf8).write(to: URL(fileURLWithPath: extra + "/.hidden"))
        #expect(chmod(extra + "/.hidden", 0o600) == 0)
        #expect(try BundleVerifier.verify(path: extra, trust: f.trust).problems == [".hidden: extra entry not in the manifest (not read)"])
    }
}
