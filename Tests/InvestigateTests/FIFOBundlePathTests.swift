import Foundation
import Testing
@testable import Investigate

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A trial (session 37): `verify PATH` and `export --out PATH` blocked for good when PATH was a
/// FIFO (planted in a shared exports folder, or unpacked from an archive of "bundles"). Neither
/// opens anything but a regular file now. The tests hold the FIFO open for writing themselves,
/// so that code which did open it would fail here rather than hang the run.
@Suite struct FIFOBundlePathTests {
    static func fifo(_ name: String) throws -> (path: String, holder: Int32) {
        let dir = casesTempDir()
        let path = dir + "/" + name
        #expect(mkfifo(path, 0o600) == 0)
        let holder = open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        try #require(holder >= 0)
        return (path, holder)
    }

    @Test func verifyRefusesAFIFOAtOnce() throws {
        let (path, holder) = try Self.fifo("case.zip")
        defer { close(holder) }
        #expect {
            _ = try BundleVerifier.verify(path: path, trust: BundleTrust(signers: []))
        } throws: { error in
            "\(error)".contains("not a regular file (a FIFO)")
        }
    }

    @Test func publishOpensOnlyARegularFileAtOut() throws {
        let (path, holder) = try Self.fifo("case.zip")
        defer { close(holder) }
        #expect(!StagedBundle.isRegularFile(path))
        let dir = (path as NSString).deletingLastPathComponent
        let plain = dir + "/plain.zip", link = dir + "/link.zip"
        #expect(FileManager.default.createFile(atPath: plain, contents: Data([1, 2, 3])))
        #expect(symlink(plain, link) == 0)
        #expect(StagedBundle.isRegularFile(plain))
        #expect(!StagedBundle.isRegularFile(link))
        #expect(!StagedBundle.isRegularFile(dir))
        #expect(!StagedBundle.isRegularFile(dir + "/absent.zip"))
    }
}
