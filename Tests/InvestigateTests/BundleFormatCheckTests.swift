import Testing
@testable import Investigate

/// `verify` reads the manifest's format version (a reviewer: it checked only the format's name, so
/// an older bundle failed on rules it was not written under, with nothing saying so).
@Suite struct BundleFormatCheckTests {
    static func manifest(version: Int64?) -> JSONValue {
        var format: [String: JSONValue] = ["name": .string(BundleManifest.formatName)]
        if let version { format["version"] = .int(version) }
        return ["format": .object(format), "tool": ["name": "investigate", "version": "0.0.9"]]
    }

    @Test func aNewerFormatIsRefusedAndAnOlderOneNamedWhenSomethingFails() {
        let current = BundleManifest.formatVersion
        #expect(BundleFormatCheck.note(Self.manifest(version: current), otherProblems: true) == nil)
        #expect(BundleFormatCheck.note(Self.manifest(version: current + 1), otherProblems: false)?.contains("is newer than this verify checks") == true)
        #expect(BundleFormatCheck.note(Self.manifest(version: current - 1), otherProblems: false) == nil)
        let older = BundleFormatCheck.note(Self.manifest(version: current - 1), otherProblems: true)
        #expect(older?.hasPrefix("manifest.json: bundle format \(current - 1) (exported by investigate 0.0.9)") == true, "\(older ?? "")")
        #expect(BundleFormatCheck.note(Self.manifest(version: nil), otherProblems: false)?.contains("no format version") == true)
    }

    /// Through `verify`: a manifest claiming a newer format fails first with that reason.
    @Test func verifyPutsTheFormatFirst() {
        let manifest = Array(#"{"format":{"name":"investigate-case-bundle","version":99}}"#.utf8)
        let report = BundleVerifier.verify(files: ["manifest.json": manifest], trust: BundleTrust(signers: []))
        #expect(report.problems.first?.hasPrefix("manifest.json: bundle format 99 is newer") == true, "\(report.problems)")
    }
}
