import Foundation
import Testing
@testable import Investigate

/// A trial (session 36): `manifest.sig`, the one file no hash covers, verified with up to 4 KB of
/// trailing blanks (room for a hidden message), without its final newline, and with its last
/// base64 character changed in the unused padding bits; text after the signature was refused as
/// "signature does not match". It must now be exactly what the exporter writes.
@Suite struct ManifestSigExactTests {
    func report(_ change: ([UInt8]) -> [UInt8]) throws -> BundleVerifier.Report {
        let f = try VerifyFixture.make()
        var files = f.files
        files["manifest.sig"] = change(files["manifest.sig"]!)
        return BundleVerifier.verify(files: files, trust: f.trust)
    }

    @Test func theExportersSignatureVerifies() throws {
        let f = try VerifyFixture.make()
        #expect(f.files["manifest.sig"]!.count == 89)
        #expect(try report { $0 }.ok)
    }

    @Test func blanksOrAMissingNewlineAreNamed() throws {
        let padded = try report { $0 + Array(repeating: 0x20, count: 4000) + [0x0A] }
        #expect(padded.problems == ["manifest.sig: 4090 bytes where the exporter writes 89 (the signature's base64 and one newline): its blanks or padding differ"], "\(padded.problems)")
        let bare = try report { Array($0.dropLast()) }
        #expect(bare.problems.first?.hasPrefix("manifest.sig: 88 bytes where the exporter writes 89") == true, "\(bare.problems)")
    }

    @Test func changedPaddingBitsAreNamed() throws {
        // 64 bytes are 88 base64 characters ending in `==`; the last data character carries 4
        // unused bits. Set one: it decodes to the same signature where decoders ignore them.
        let changed = try report { sig in
            var s = sig
            let last = 85
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
            let value = alphabet.firstIndex(of: s[last])!
            s[last] = alphabet[value ^ 1]
            return s
        }
        #expect(!changed.ok)
        #expect(changed.problems.count == 1, "\(changed.problems)")
    }

    @Test func textAfterTheSignatureIsNotCalledAMismatch() throws {
        let extra = try report { Array($0.dropLast()) + Array(" CASE DISMISSED\n".utf8) }
        #expect(extra.problems.first == "manifest.sig: not a base64 signature (the exporter writes one line of base64)", "\(extra.problems)")
    }
}
