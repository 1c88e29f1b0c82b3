import Foundation
import Testing
@testable import Investigate

/// A trial (session 36) hid a forged `enforcement.csv`, as a whole second local entry, in bytes
/// after the end of an entry's deflate stream but inside its declared compressed size (no inflater
/// reads them; a streaming reader finds the entry), and pointed the classic end record at a forged
/// central directory while the zip64 one pointed at the real one (`unzip -p` read the forged one).
/// `verify` passed both. A deflate stream must now end exactly where its entry's bytes end, and
/// the two end records must agree.
@Suite struct ZipHiddenBytesVerifyTests {
    /// `data` as a raw deflate stream of one final stored block.
    func storedDeflate(_ data: [UInt8], final: Bool = true) -> [UInt8] {
        let n = UInt16(data.count)
        return [final ? 1 : 0, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)] + data
    }

    /// The fixture's bundle with case.json deflated as `payload`, declaring its true size and CRC.
    func bundle(_ f: VerifyFixture, payload: (([UInt8]) -> [UInt8])) -> TestZip {
        var zip = TestZip(files: f.files)
        let name = Array("case.json".utf8)
        let index = zip.entries.firstIndex { $0.name == name }!
        let content = f.files["case.json"]!
        zip.entries[index] = TestZip.Entry(
            name: name, method: 8, payload: payload(content), size: UInt64(content.count), crc: TestCRC32.of(content))
        return zip
    }

    @Test func aDeflateStreamEndingWithItsBytesVerifies() throws {
        let f = try VerifyFixture.make()
        #expect(f.files["case.json"]!.count < 0xFFFF)
        let report = try f.verify(bundle(f) { storedDeflate($0) })
        #expect(report.ok, "\(report.problems)")
    }

    @Test func bytesAfterTheStreamsEndAreRefused() throws {
        let f = try VerifyFixture.make()
        let hidden = Array("PK\u{3}\u{4} enforcement.csv: acct_1,none\n".utf8)
        let report = try f.verify(bundle(f) { storedDeflate($0) + hidden })
        #expect(
            report.problems.contains {
                $0.hasPrefix("case.json:") && $0.contains("\(hidden.count) bytes after the end of the deflate stream")
            }, "\(report.problems)")
        #expect(!report.ok)
        // One byte is enough to be named.
        let one = try f.verify(bundle(f) { storedDeflate($0) + [0] })
        #expect(one.problems.contains { $0.contains("1 byte after the end of the deflate stream") }, "\(one.problems)")
        // Hidden past a 64 KiB read chunk too.
        let far = try f.verify(bundle(f) { storedDeflate($0) + [UInt8](repeating: 0x41, count: 200_000) })
        #expect(far.problems.contains { $0.contains("200000 bytes after the end of the deflate stream") }, "\(far.problems)")
    }

    @Test func aStreamThatDoesNotEndIsRefused() throws {
        let f = try VerifyFixture.make()
        let report = try f.verify(bundle(f) { storedDeflate($0, final: false) })
        #expect(report.problems.contains { $0.contains("the deflate stream does not end within") }, "\(report.problems)")
    }

    /// The classic end record's fields are at offsets 8 (entries on this disk), 10 (entries),
    /// 12 (directory size) and 16 (directory offset) of its 22 bytes.
    @Test func endRecordsThatDisagreeAreRefused() throws {
        let f = try VerifyFixture.make()
        var zip = TestZip(files: f.files)
        zip.zip64 = true
        let honest = zip.bytes()
        #expect(try BundleVerifier.verify(path: try f.write("e-\(UUID().uuidString).zip", honest), trust: f.trust).ok)
        var forged = honest
        let record = forged.count - 22
        forged[record + 16] = 0x10
        forged[record + 17] = 0
        forged[record + 18] = 0
        forged[record + 19] = 0
        let path = try f.write("e-\(UUID().uuidString).zip", forged)
        let report = try BundleVerifier.verify(path: path, trust: f.trust)
        #expect(
            report.problems.first?.contains("the end-of-central-directory record (65535 entries, 4294967295 bytes at offset 16) disagrees with the zip64 one") == true,
            "\(report.problems)")
        // The classic record may also hold the true values (they fit): that agrees.
        var plain = honest
        let (size, offset) = directoryOf(honest)
        for (at, value) in [(8, UInt64(zip.entries.count)), (10, UInt64(zip.entries.count))] {
            plain[record + at] = UInt8(value & 0xFF); plain[record + at + 1] = UInt8(value >> 8)
        }
        for (at, value) in [(12, size), (16, offset)] {
            for k in 0..<4 { plain[record + at + k] = UInt8((value >> (8 * UInt64(k))) & 0xFF) }
        }
        #expect(try BundleVerifier.verify(path: try f.write("e-\(UUID().uuidString).zip", plain), trust: f.trust).ok)
    }

    /// The directory's size and offset from a zip64 archive's zip64 end record.
    func directoryOf(_ bytes: [UInt8]) -> (size: UInt64, offset: UInt64) {
        let record = bytes.count - 22 - 20 - 56
        func u64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[record + at + $1]) << (8 * UInt64($1)) } }
        return (u64(40), u64(48))
    }
}
