import Testing
@testable import Investigate

@Suite struct ParsingTests {
    @Test(arguments: [
        ("2026-01-02T03:04:05Z", Int64(1_767_323_045_000)),
        ("2026-01-02T03:04:05.5Z", Int64(1_767_323_045_500)),
        ("2026-01-02T05:04:05+02:00", Int64(1_767_323_045_000)),
        ("2026-01-01T22:04:05-05:00", Int64(1_767_323_045_000)),
        ("2026-01-02 03:04:05Z", Int64(1_767_323_045_000)),
        ("1767323045", Int64(1_767_323_045_000)),
        ("1767323045123", Int64(1_767_323_045_123)),
    ])
    func timestamps(text: String, millis: Int64) {
        #expect(Timestamp.parseMillis(text) == millis)
    }

    @Test(arguments: ["", "2026-13-01T00:00:00Z", "2026-02-30", "yesterday", "2026-01-02T25:00:00Z", "2026-01-02T03:04:05+2"])
    func badTimestamps(text: String) {
        #expect(Timestamp.parseMillis(text) == nil)
    }

    @Test func formatRoundTrips() {
        #expect(Timestamp.format(millis: 1_767_323_045_500) == "2026-01-02T03:04:05.500Z")
    }

    @Test func subnets() {
        #expect(IPNetwork.subnet(of: "203.0.113.7") == "203.0.113.0/24")
        #expect(IPNetwork.subnet(of: "2001:db8:1:2::5") == "2001:db8:1::/48")
        #expect(IPNetwork.subnet(of: "999.1.1.1") == nil)
    }

    /// The raw-bytes path the loader takes, against literal networks (the String form is a
    /// wrapper over it, so comparing the two could not fail).
    @Test(arguments: [
        ("203.0.113.7", "203.0.113.0/24"), ("10.0.0.1", "10.0.0.0/24"), ("010.001.002.003", "10.1.2.0/24"),
        ("255.255.255.255", "255.255.255.0/24"), ("256.1.1.1", nil), ("1.2.3", nil), ("1.2.3.4.5", nil), ("1..2.3", nil),
        ("1.2.3.", nil), (".1.2.3", nil), ("1.2.3.4 ", nil), ("a.b.c.d", nil), ("1234.1.1.1", nil),
        ("2001:db8:1:2::5", "2001:db8:1::/48"), ("::1", "::/48"), ("fe80::1%eth0", "fe80::/48"), ("", nil),
        ("2001:db8:0::1", "2001:db8::/48"), ("2001:DB8::1", "2001:db8::/48"), ("::ffff:192.0.2.7", "192.0.2.0/24"),
        ("::ffff:c000:207", "192.0.2.0/24"), ("2001:db8::1::2", nil), ("+1.2.3.4", nil),
        ("64:ff9b::192.0.2.7", "64:ff9b::/48"), ("2001:0:5:6::1", "2001:0:5::/48"), ("a:b:c:d:e:f:0:1", "a:b:c::/48"),
    ] as [(String, String?)])
    func byteSubnetsAreTheCanonicalNetworks(address: String, expected: String?) {
        var scratch: [UInt8] = []
        var copy = address
        let found = copy.withUTF8 { IPNetwork.subnet(of: $0.span, into: &scratch) }
        #expect(found == (expected != nil))
        if found { #expect(String(decoding: scratch, as: UTF8.self) == expected) }
        #expect(IPNetwork.subnet(of: address) == expected, "the String form is the same")
    }

    @Test func escapingHostileText() {
        #expect(TextEscaping.visible("a\u{1B}]0;title\u{07}b") == "a\\x1b]0;title\\x07b")
        #expect(TextEscaping.visible("x\u{202E}y") == "x\\u{202E}y")
        #expect(JSONText.string("\u{1B}[2J\u{202E}") == "\"\\u001b[2J\\u202e\"")
    }

    @Test func reasoningLexiconFlags() {
        let digest = PromptDigest()
        #expect(digest.digest("Please solve this step by step.").flags & PromptDigest.Flags.reasoning != 0)
        #expect(digest.digest("Resuelve paso a paso").flags & PromptDigest.Flags.reasoning != 0)
        #expect(digest.digest("请一步一步地推理").flags & PromptDigest.Flags.reasoning != 0)
        #expect(digest.digest("What is a good pasta recipe?").flags & PromptDigest.Flags.reasoning == 0)
    }

    @Test func templateSketchesMatchAcrossSlots() {
        let digest = PromptDigest()
        let a = digest.digest(
            "Solve the following problem step by step and show your reasoning before the final answer: Problem 12: river castle.")
        let b = digest.digest(
            "Solve the following problem step by step and show your reasoning before the final answer: Problem 99: river castle.")
        #expect(a.sketch == b.sketch)
    }
}

/// Keys are matched against the previous line's key at the same position first: a change of
/// order, case or an extra key in a known key's place must still land in the right slot.
@Suite struct JSONKeyMemoryTests {
    @Test func keysMatchWhateverThePreviousLineHeld() {
        let schema = TableSchema(columns: ["ts", "account_id", "prompt"], required: ["ts"])
        let parser = JSONLineParser(schema: schema)
        let fields = RecordFields(slotCount: schema.columns.count)
        func parse(_ line: String) -> (slots: [String?], extras: [String: String]) {
            #expect(parser.parse(Array(line.utf8), into: fields) == nil)
            var extras: [String: String] = [:]
            fields.forEachExtra { name, value in
                extras[FieldParsing.text(name)] = FieldParsing.text(value)
            }
            return ((0..<3).map { fields.string($0) }, extras)
        }
        let lines = [
            #"{"ts":"1","account_id":"a","request_id":"r1","prompt":"p"}"#,
            #"{"ts":"2","account_id":"b","request_id":"r2","prompt":"q"}"#,
            #"{"TS":"3","request_id":"r3","account_id":"c","prompt":"s"}"#,
            #"{"request_id":"r4","ts":"4","Account_ID":"d","note":"n"}"#,
            #"{"ts":"5","account_id":"e","request_id":"r5","prompt":"t"}"#,
            #"{"t\u0073":"6","account_id":"f","prompt":"u","request_id":"r6"}"#,
        ]
        let expected: [([String?], [String: String])] = [
            (["1", "a", "p"], ["request_id": "r1"]), (["2", "b", "q"], ["request_id": "r2"]),
            (["3", "c", "s"], ["request_id": "r3"]), (["4", "d", nil], ["request_id": "r4", "note": "n"]),
            (["5", "e", "t"], ["request_id": "r5"]), (["6", "f", "u"], ["request_id": "r6"]),
        ]
        for (line, want) in zip(lines, expected) {
            let got = parse(line)
            #expect(got.slots == want.0, "\(line)")
            #expect(got.extras == want.1, "\(line)")
        }
    }
}
