import Investigate
import Testing
@testable import tui

/// Arguments parsed from a repaired argv are mapped back to the exact bytes the shell passed.
@Suite struct RawArgumentsTests {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func positionalsFromTheEndInOrder() {
        let ff: [UInt8] = bytes("acct_") + [0xFF], fe: [UInt8] = bytes("acct_") + [0xFE]
        let raw = [bytes("case"), bytes("tag"), bytes("c1"), bytes("ring-member"), ff, fe, bytes("--db"), [0xFF], bytes("plain")]
        let parsed = [ff, fe, bytes("plain")].map { String(decoding: $0, as: UTF8.self) }
        let found = RawArguments.exact(parsed, in: raw, valued: ["--db"])
        #expect(found == [ExactText(bytes: ff), ExactText(bytes: fe), ExactText("plain")])
    }

    @Test func optionValuesBothSpellings() {
        let v1: [UInt8] = bytes("ua:") + [0xC0, 0x80], v2: [UInt8] = bytes("ip:1.2.3.4")
        let raw = [bytes("case"), bytes("tag"), bytes("c1"), bytes("l"), bytes("--value"), v1, bytes("--value=") + v2]
        let parsed = [v1, v2].map { String(decoding: $0, as: UTF8.self) }
        #expect(RawArguments.exact(parsed, in: raw, option: "--value") == [ExactText(bytes: v1), ExactText(bytes: v2)])
    }

    @Test func afterDoubleDashEverythingIsPositional() {
        let dash: [UInt8] = bytes("-acct") + [0xFF]
        let raw = [bytes("case"), bytes("tag"), bytes("c1"), bytes("l"), bytes("--"), dash]
        let found = RawArguments.exact([String(decoding: dash, as: UTF8.self)], in: raw)
        #expect(found == [ExactText(bytes: dash)])
    }

    /// `-dash` is read as `-d -a -s -h` (help, exit 0): refused before parsing, unless after `--`.
    @Test func aDashedIdBeforeDoubleDashIsRefused() {
        #expect(RawArguments.shortOptionCluster([bytes("account"), bytes("src"), bytes("-dash")]) == bytes("-dash"))
        #expect(RawArguments.shortOptionCluster([bytes("account"), bytes("src"), bytes("--"), bytes("-dash")]) == nil)
        #expect(RawArguments.shortOptionCluster([bytes("clusters"), bytes("src"), bytes("--top"), bytes("5"), bytes("-h")]) == nil)
        #expect(RawArguments.shortOptionCluster([bytes("load"), bytes("src"), bytes("--format=json"), bytes("-")]) == nil)
    }

    @Test func anUnmatchedValueIsNil() {
        let found = RawArguments.exact(["gone\u{FFFD}"], in: [bytes("case"), bytes("tag")])
        #expect(found == [nil])
    }
}
