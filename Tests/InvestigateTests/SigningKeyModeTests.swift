import Foundation
import Testing
@testable import Investigate

/// A private key the group or others can read is refused, as ssh refuses one (a trial signed
/// bundles with a world-readable key, and nothing was said); one of mode 0600 is used.
@Suite struct SigningKeyModeTests {
    @Test func aKeyOthersCanReadIsRefusedAndSaysHowToMendIt() throws {
        let dir = NSTemporaryDirectory() + "keymode-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/signing.key"
        let created = try BundleKeys.signingKey(path: path)
        #expect((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? Int == 0o600)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect {
            _ = try BundleKeys.signingKey(path: path)
        } throws: { error in
            "\(error)".contains("mode 644") && "\(error)".contains("chmod 600")
        }
        #expect(throws: BundleError.self) { _ = try BundleKeys.pseudonymKey(path: path) }
        // Verifying reads only the public half: it still names the key.
        #expect(try BundleKeys.existingPublicKey(path: path)?.rawRepresentation == created.publicKey.rawRepresentation)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try BundleKeys.signingKey(path: path).rawRepresentation == created.rawRepresentation)
    }
}
