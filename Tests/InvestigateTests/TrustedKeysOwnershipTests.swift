import Foundation
import Testing
@testable import Investigate

/// A trial (session 36): a trusted-keys file owned by another user (mode 0644), or one inside a
/// world-writable folder where anyone could rename a file over it, was trusted. It is now read
/// only as ssh reads `authorized_keys`: owned by the user or root, in folders nobody else can write.
@Suite struct TrustedKeysOwnershipTests {
    func keysFile(in folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let key = Curve25519SigningKey().publicKey.rawRepresentation.base64EncodedString()
        let path = folder + "/trusted-keys"
        try Array("\(key) partner\n".utf8).write(path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return path
    }

    @Test func aFileInAFolderOthersCanWriteIsRefused() throws {
        let dir = casesTempDir()
        let path = try keysFile(in: dir + "/investigate")
        #expect(try TrustedKeysFile.read(path: path).count == 1)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir + "/investigate")
        let error = try #require(throws: BundleError.self) { try TrustedKeysFile.read(path: path) }
        #expect(error.message.contains("its folder \(dir)/investigate is writable by group or others (mode 777)"), "\(error.message)")
        // A folder above it counts too; a sticky one (as /tmp is) does not.
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir + "/investigate")
        try FileManager.default.setAttributes([.posixPermissions: 0o775], ofItemAtPath: dir)
        #expect(throws: BundleError.self) { try TrustedKeysFile.read(path: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: dir)
        #expect(try TrustedKeysFile.read(path: path).count == 1)
    }

    @Test func aLinkIsFollowedAndItsTargetChecked() throws {
        let dir = casesTempDir()
        let real = try keysFile(in: dir + "/real")
        try FileManager.default.createDirectory(atPath: dir + "/investigate", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/investigate/trusted-keys", withDestinationPath: real)
        #expect(try TrustedKeysFile.read(path: dir + "/investigate/trusted-keys").count == 1)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir + "/real")
        #expect(throws: BundleError.self) { try TrustedKeysFile.read(path: dir + "/investigate/trusted-keys") }
    }

    /// Only root can give a file away; elsewhere this part cannot be set up and is not run.
    @Test(.enabled(if: geteuid() == 0)) func aFileAnotherUserOwnsIsRefused() throws {
        let dir = casesTempDir()
        let path = try keysFile(in: dir + "/investigate")
        #expect(chown(path, 65534, 65534) == 0)
        let error = try #require(throws: BundleError.self) { try TrustedKeysFile.read(path: path) }
        #expect(error.message.contains("owned by user 65534, not by you or root"), "\(error.message)")
    }
}

/// The review of session 36: a link to a good file, itself in a folder anyone can write, was
/// trusted (anyone could swap the link); the link's folder is now held to the rules too.
@Suite struct TrustedKeysLinkFolderTests {
    @Test func aLinkInAFolderOthersCanWriteIsRefused() throws {
        let dir = casesTempDir()
        let real = try TrustedKeysOwnershipTests().keysFile(in: dir + "/real")
        try FileManager.default.createDirectory(atPath: dir + "/open", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/open/trusted-keys", withDestinationPath: real)
        #expect(try TrustedKeysFile.read(path: dir + "/open/trusted-keys").count == 1)
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir + "/open")
        let error = try #require(throws: BundleError.self) { try TrustedKeysFile.read(path: dir + "/open/trusted-keys") }
        #expect(error.message.contains("its folder \(dir)/open is writable by group or others"), "\(error.message)")
    }
}
