import Foundation
import Testing
@testable import Investigate

/// A trial (session 35) repacked an honest bundle, no content byte changed, with an archive
/// comment of escape sequences and a forged message (`unzip -l` prints it raw), entry comments,
/// extra fields hiding 64 KiB an entry, and mode 0777: `verify` passed each. It now holds the
/// zip's metadata to what the exporter's writer writes, and names what differs.
@Suite struct ZipMetadataVerifyTests {
    /// The fixture's files as a stored archive, each entry changed by `change`.
    func zip(_ f: VerifyFixture, _ change: (inout TestZip.Entry) -> Void = { _ in }) -> TestZip {
        var zip = TestZip(files: f.files)
        for i in zip.entries.indices { change(&zip.entries[i]) }
        return zip
    }

    /// An extra field: id, length, data.
    func field(_ id: UInt16, _ data: [UInt8]) -> [UInt8] {
        var w = ByteWriter()
        w.u16(id)
        w.u16(UInt16(data.count))
        return w.bytes + data
    }

    @Test func theExportersOwnZipCarriesNothingElse() throws {
        let f = try VerifyFixture.make()
        #expect(try ZipBundleSource(path: f.dir + "/good.zip").containerProblems == [])
        #expect(try BundleVerifier.verify(path: f.dir + "/good.zip", trust: f.trust).ok)
        for zip64 in [false, true] {
            var plain = zip(f)
            plain.zip64 = zip64
            #expect(try f.verify(plain).problems == [], "zip64 \(zip64)")
        }
    }

    @Test func archiveCommentIsNamedEscaped() throws {
        let f = try VerifyFixture.make()
        var tampered = zip(f)
        tampered.comment = Array("\u{1b}[2J\u{1b}[31mCASE DISMISSED BY LEGAL - DO NOT ACT\u{1b}[0m\n".utf8)
        let path = try f.write("t-\(UUID().uuidString).zip", tampered.bytes())
        let report = try BundleVerifier.verify(path: path, trust: f.trust)
        #expect(
            report.problems == [
                "\(path): carries an archive comment of 50 bytes, which the exporter never writes (unzip -l prints it as is): "
                    + "'\(TextEscaping.visible(tampered.comment))'"
            ])
        #expect(report.problems.first?.contains("\\x1b[2J\\x1b[31mCASE DISMISSED BY LEGAL - DO NOT ACT\\x1b[0m") == true)
        #expect(report.problems.first?.unicodeScalars.contains { $0.value < 0x20 } == false)
    }

    @Test func entryCommentIsNamed() throws {
        let f = try VerifyFixture.make()
        let report = try f.verify(zip(f) { if $0.name == Array("case.json".utf8) { $0.comment = Array("\u{1b}]0;pwned\u{7} forged".utf8) } })
        #expect(report.problems == ["case.json: carries an entry comment of 17 bytes, which the exporter never writes: '\\x1b]0;pwned\\x07 forged'"])
        let long = try f.verify(zip(f) { if $0.name == Array("audit.jsonl".utf8) { $0.comment = [UInt8](repeating: 0x41, count: 5000) } })
        #expect(long.problems == ["audit.jsonl: carries an entry comment of 5000 bytes, which the exporter never writes: '\(String(repeating: "A", count: 80))…'"])
    }

    @Test func extraFieldsHidingBytesAreNamed() throws {
        let f = try VerifyFixture.make()
        let hidden = field(0xCAFE, [UInt8](repeating: 0x50, count: 0xFFF0))
        let report = try f.verify(zip(f) { $0.localExtra = hidden; $0.centralExtra = hidden })
        #expect(report.problems.count == f.files.count)
        #expect(
            report.problems.contains(
                "report.html: carries extra fields the exporter never writes (131040 bytes): local header 0xcafe of 65520 bytes; central directory 0xcafe of 65520 bytes"
            ))
        // Only in the local header (what `unzip -l` never shows), or only in the directory.
        let local = try f.verify(zip(f) { if $0.name == Array("stix21.json".utf8) { $0.localExtra = field(0x5455, [1, 2, 3, 4, 5]) } })
        #expect(local.problems == ["stix21.json: carries extra fields the exporter never writes (5 bytes): local header 0x5455 of 5 bytes"])
        let central = try f.verify(zip(f) { if $0.name == Array("edges.csv".utf8) { $0.centralExtra = field(0x7875, []) } })
        #expect(central.problems == ["edges.csv: carries extra fields the exporter never writes (0 bytes): central directory 0x7875 of 0 bytes"])
    }

    /// A zip64 field padded past what its header calls for hides bytes too (and one where no
    /// size calls for it).
    @Test func zip64FieldOfTheWrongLengthIsNamed() throws {
        let f = try VerifyFixture.make()
        var padded = zip(f) { if $0.name == Array("queries.jsonl".utf8) { $0.centralExtra = field(0x6666, []) } }
        padded.zip64 = true
        #expect(try f.verify(padded).problems == ["queries.jsonl: carries extra fields the exporter never writes (0 bytes): central directory 0x6666 of 0 bytes"])
        let needless = try f.verify(zip(f) { if $0.name == Array("case.json".utf8) { $0.centralExtra = field(0x0001, [UInt8](repeating: 0, count: 24)) } })
        #expect(
            needless.problems == [
                "case.json: carries extra fields the exporter never writes (24 bytes): central directory 0x0001 of 24 bytes (zip64, where the header calls for 0 bytes)"
            ])
    }

    @Test func modeOtherThanTheExportersIsNamed() throws {
        let f = try VerifyFixture.make()
        let report = try f.verify(zip(f) { if $0.name == Array("case.json".utf8) { $0.externalAttributes = 0o100777 << 16 } })
        #expect(
            report.problems == [
                "case.json: external attributes 0x81ff0000 (regular file, mode 0777); the exporter writes 0x81800000 (regular file, mode 0600) and internal attributes 0, and an extractor applies these"
            ])
        let link = try f.verify(zip(f) { if $0.name == Array("report.html".utf8) { $0.externalAttributes = 0o120777 << 16 } })
        #expect(link.problems.first?.hasPrefix("report.html: external attributes 0xa1ff0000 (symbolic link, mode 0777)") == true)
        let none = try f.verify(zip(f) { if $0.name == Array("edges.csv".utf8) { $0.externalAttributes = 0 } })
        #expect(none.problems.first?.hasPrefix("edges.csv: external attributes 0x00000000 (no Unix mode)") == true)
    }
}
