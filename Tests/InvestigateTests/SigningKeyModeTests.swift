import Foundation
import Testing
@testable import Investigate
import TestScratch

/// A private key the group or others can read is refused, as ssh refuses one (a trial signed
/// bundles with a world-readable key, and nothing was said); one of mode 0600 is used.
@Suite struct SigningKeyModeTests {
    @Test func aKeyOthersCanReadIsRefusedAndSaysHowToMendIt() throws {
        let dir = TestScratch.root + "keymode-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/signing.key"
        let created = try BundleKeys.signingKey(path: path)
        #expect((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? Int == 0o600)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect {
            _ = try BundleKeys.signingKey(path: path)
        } throws: { error in
            "\(error)".hasPrefix("run chmod 600 on \(path):") && "\(error)".contains("mode 644")
        }
        #expect(throws: BundleError.self) { _ = try BundleKeys.pseudonymKey(path: path) }
        // Verifying reads only the public half: a key others may read still names the signer...
        #expect(try BundleKeys.existingPublicKey(path: path)?.rawRepresentation == created.publicKey.rawRepresentation)
        // ...but one they may write is not trusted (anyone could have put their key there).
        try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: path)
        #expect(throws: BundleError.self) { _ = try BundleKeys.existingPublicKey(path: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try BundleKeys.signingKey(path: path).rawRepresentation == created.rawRepresentation)
    }
}
