import Investigate
import Testing
@testable import tui

/// A ring whose members use seven common mail domains is not led by "email_domain 7": kinds with
/// values that are not hubs come first, and a kind shared only through hubs says so.
@Suite struct SharedKindsTests {
    @Test func kindsWithValuesThatAreNotHubsComeFirst() {
        let kinds = SharedKinds.ordered([
            SharedKind(kind: .emailDomain, values: 7, hubs: 7), SharedKind(kind: .payment, values: 4, hubs: 0),
            SharedKind(kind: .asn, values: 3, hubs: 1), SharedKind(kind: .template, values: 4, hubs: 0),
            SharedKind(kind: .ip, values: 0, hubs: 0), SharedKind(kind: .subnet, values: 2, hubs: 0),
        ])
        // asn has 2 values that are not hubs, as subnet has: the one with no hub first.
        #expect(kinds.map(\.kind) == [.payment, .template, .subnet, .asn, .emailDomain])
        #expect(kinds.map { $0.text() } == ["payment 4", "template 4", "subnet 2", "asn 3 (1 hub)", "email_domain 7 (hubs)"])
        #expect(kinds.map { $0.text(":") }.prefix(4).joined(separator: " ") == "payment:4 template:4 subnet:2 asn:3 (1 hub)")
        #expect(SharedKind(kind: .asn, values: 5, hubs: 2).text() == "asn 5 (2 hubs)")
    }

    @Test func theClusterHeaderSaysWhichKindsAreHubs() {
        let model = FixtureModel()
        model.mailHubs = true
        let frame = Fixture.frame(Fixture.press(Fixture.loadedState(model: model), .enter))
        #expect(frame[2] == "links: payment 1, ip 1, email_domain 3 (hubs)")
    }
}
