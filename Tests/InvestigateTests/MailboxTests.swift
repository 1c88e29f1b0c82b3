import Foundation
import Testing
@testable import Investigate

/// `MailboxAddress` (the inbox an address delivers to) and the `mailbox` link kind built from it:
/// alias addresses of one inbox are one value, which with a second kind of evidence ties their
/// accounts; a mailbox alone does not (in some populations unrelated people's addresses
/// coincide), and it does not count its mail domain again.
@Suite struct MailboxTests {
    typealias S = SignalTestSource

    static func canonical(_ address: String) -> String? {
        MailboxAddress.canonical(Array(address.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func gmailIgnoresDotsSubAddressesCaseAndTheGooglemailName() {
        #expect(Self.canonical("j.o.h.n.smith+trial7@googlemail.com") == "johnsmith@gmail.com")
        #expect(Self.canonical("JohnSmith@GMAIL.com") == "johnsmith@gmail.com")
        #expect(Self.canonical("john.smith+a+b@gmail.com") == "johnsmith@gmail.com")
    }

    @Test func otherProvidersKeepDotsAndDropOnlyTheSubAddress() {
        #expect(Self.canonical("john.smith+news@outlook.com") == "john.smith@outlook.com")
        #expect(Self.canonical("john.smith@outlook.com") != Self.canonical("johnsmith@outlook.com"))
        // The last @ splits (a quoted local part may hold one).
        #expect(Self.canonical("\"a@b\"+x@Example.ORG") == "\"a@b\"@example.org")
    }

    @Test func anAddressNamingNoMailboxGivesNone() {
        #expect(Self.canonical("") == nil)
        #expect(Self.canonical("no-at-sign") == nil)
        #expect(Self.canonical("@gmail.com") == nil)
        #expect(Self.canonical("user@") == nil)
        #expect(Self.canonical("...@gmail.com") == nil)
        // A leading + is the name itself, not a sub-address.
        #expect(Self.canonical("+1555@sms.example") == "+1555@sms.example")
    }

    @Test func bytesOtherThanAsciiLettersAreKeptExactly() {
        let address: [UInt8] = [0xC3, 0x89, 0x2E, 0x41, 0xFF, 0x40, 0x78, 0x2E, 0x59]  // "É.A\xff@x.Y"
        #expect(MailboxAddress.canonical(address) == [0xC3, 0x89, 0x2E, 0x61, 0xFF, 0x40, 0x78, 0x2E, 0x79])
    }

    /// Six accounts on aliases of one Gmail inbox, each with its own card and IP, all on one
    /// uncommon client; two people who share only the provider; two who share an address and
    /// nothing else; a background population for the weights (large enough that six holders of
    /// one value are rare: in 68 accounts they would not be).
    static func source() -> S {
        var s = S()
        s.addBackground(count: 200)
        let aliases = ["ann.lee77+a@gmail.com", "annlee77@googlemail.com", "a.n.n.l.e.e.77@gmail.com", "ANNLEE77+w@gmail.com",
                       "annl.ee77+x1@gmail.com", "annlee.77@gmail.com"]
        var rng = SeededRandom(seed: 5)
        for (i, email) in aliases.enumerated() {
            s.account(.init(id: "t\(i)", created: "2026-01-0\(1 + i)T10:00:00Z", email: email, payment: "card-t\(i)"))
            for _ in 0..<12 {
                s.query("t\(i)", at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                        ip: "77.1.\(i).4", agent: "burner-cli/0.3")
            }
        }
        for (i, email) in ["ann.lee@gmail.com", "annle.e@outlook.com", "sam.roe@gmail.com", "samroe@gmail.com"].enumerated() {
            s.account(.init(id: "o\(i)", email: email, payment: "card-o\(i)"))
            s.query("o\(i)", at: S.base + Int64(i) * 1000, prompt: "hello there", ip: "88.1.\(i).4")
        }
        return s
    }

    @Test func aliasesOfOneInboxAreOneMailboxAndLinkTheirAccounts() throws {
        let inv = try Self.source().investigate()
        let t0 = try #require(inv.data.accountIndex("t0"))
        let mailbox = try #require(inv.index.values(of: t0, kind: .mailbox).first)
        #expect(inv.index.valueString(.mailbox, mailbox) == "annlee77@gmail.com")
        #expect(inv.index.shareCount(.mailbox, value: mailbox) == 6)
        // A pivot finds it by any of its addresses.
        #expect(inv.index.valueID(.mailbox, "Ann.Lee77+anything@googlemail.com") == mailbox)
        #expect(inv.index.valueID(.mailbox, "annlee78@gmail.com") == nil)
        // Only shared mailboxes are values: the two others hold none.
        #expect(inv.index.values(of: inv.data.accountIndex("o0")!, kind: .mailbox).isEmpty)
        #expect(inv.data.pools.mailboxes.count == 2)
        // Two who share an address and nothing else stay apart.
        let o2 = try #require(inv.data.accountIndex("o2")), o3 = try #require(inv.data.accountIndex("o3"))
        #expect(inv.index.values(of: o2, kind: .mailbox) == inv.index.values(of: o3, kind: .mailbox))
        #expect(!PairEvidence.measure(o2, o3, index: inv.index, weights: inv.weights).linked)
        #expect(inv.cluster(ofAccount: o2).size == 1)
        // One cluster holds the six, and nothing else.
        let cluster = inv.cluster(ofAccount: t0)
        #expect(Set(cluster.members.map { inv.data.accountID(Int($0)) }) == Set((0..<6).map { "t\($0)" }))
        // The pair says why, as a shared card would.
        let t5 = try #require(inv.data.accountIndex("t5"))
        let evidence = PairEvidence.measure(t0, t5, index: inv.index, weights: inv.weights)
        #expect(evidence.linked)
        let lines = PairExplanation.lines(evidence, index: inv.index, weights: inv.weights)
        #expect(lines.contains { $0.hasPrefix("both have email delivered to mailbox annlee77@gmail.com, as 6 of 210 accounts do") })
        #expect(lines.contains { $0.hasPrefix("both have email at gmail.com") && $0.contains("not counted: the shared mailbox implies it") })
    }

    @Test func aLineChangedSinceTheLoadGivesNoMailbox() throws {
        let source = try TempSource([
            "accounts.csv": "account_id,email\na1,x.y@gmail.com\na2,xy@gmail.com\na3,xy+1@gmail.com\n",
            "queries.jsonl": "{\"ts\":1767225600000,\"account_id\":\"a1\",\"prompt\":\"hi\"}\n",
        ])
        let data = try source.load(strict: true)
        // The second line now names another account: it is not read as a2's.
        try source.write("accounts.csv", bytes: Array("account_id,email\na1,x.y@gmail.com\nzz,xy@gmail.com\na3,xy+1@gmail.com\n".utf8))
        let found = MailboxPairs(data: data).pairs()
        #expect(found.unread == 1)
        // An index built now says how many it could not read.
        _ = LinkIndex(data: data)
        #expect(data.mailboxesUnread.load(ordering: .relaxed) == 1)
        #expect(found.pairs.accounts == [0, 2])
    }

    /// A file swapped after the load for one with the same ids on the same lines but other emails
    /// links nothing the load did not read: each email read again must give the check the load
    /// kept for its account.
    @Test func anEmailChangedSinceTheLoadIsNotUsed() throws {
        let source = try TempSource([
            "accounts.csv": "account_id,email\na1,x.y@gmail.com\na2,xy@gmail.com\na3,other@gmail.com\n",
            "queries.jsonl": "{\"ts\":1767225600000,\"account_id\":\"a1\",\"prompt\":\"hi\"}\n",
        ])
        let data = try source.load(strict: true)
        #expect(data.accounts.mailboxCheck.count == 3)
        try source.write("accounts.csv", bytes: Array("account_id,email\na1,x.y@gmail.com\na2,xy@gmail.com\na3,xy+2@gmail.com\n".utf8))
        let found = MailboxPairs(data: data).pairs()
        #expect(found.unread == 1)
        #expect(found.pairs.accounts == [0, 1])
    }

    /// A bundle names the shared mailbox among the case's links, and `--redact` hides it as it
    /// hides emails (it is one).
    @Test func aBundleListsTheMailboxAndRedactionHidesIt() throws {
        let inv = try Self.source().investigate()
        let dir = casesTempDir()
        let store = try CaseStore(path: dir + "/cases.sqlite", clock: SteppingClock(), user: "analyst")
        let id = try store.createCase(title: "one inbox").id
        try store.tag(caseID: id, label: "ring-member", kind: .account, targets: (0..<6).map { ExactText("t\($0)") })
        let key = try BundleKeys.signingKey(path: dir + "/cfg/signing.key")
        func export(_ out: String, redact: Bool) throws -> String {
            let redactor = redact ? Redactor(key: try BundleKeys.pseudonymKey(path: dir + "/cfg/pseudonym.key")) : nil
            _ = try CaseExporter(store: store, signingKey: key, redactor: redactor).export(caseID: id, investigation: inv, to: dir + "/" + out)
            return try BundleVerifier.read(dir + "/" + out).values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        }
        #expect(try export("plain", redact: false).contains("annlee77@gmail.com"))
        let redacted = try export("red", redact: true)
        #expect(redacted.contains("mailbox"))
        #expect(!redacted.lowercased().contains("annlee77"))
    }
}
