import Testing
@testable import Investigate

/// Where two accounts come from counts once, by its strongest kind. When two origin kinds count
/// the same (each at the half-link cap), the one counted is the one with the strongest value: a
/// trial's `why` said the /24 of 11.4 bits was "not counted" and counted the IPs of 2.8 bits that
/// summed to as much.
@Suite struct OriginTieTests {
    @Test func aTieGoesToTheKindWithTheStrongestValue() throws {
        var s = SignalTestSource()
        s.addBackground(count: 400)
        for i in 0..<20 {
            let id = "ring\(i)"
            s.account(.init(id: id, email: "\(id)@gmail.com", payment: "card\(i)"))
            for q in 0..<12 {
                s.query(
                    id, at: SignalTestSource.base + Int64(i * 977 + q * 3_600) * 1000, prompt: "question \(i) \(q) about topic \(q * 7 % 11)",
                    ip: "185.220.101.\(10 + q % 3)", asn: "AS60729")
            }
        }
        let inv = try s.investigate()
        let a = inv.data.accountIndex("ring0")!, b = inv.data.accountIndex("ring1")!
        let found = PairEvidence.sharedValues(a, b, index: inv.index, weights: inv.weights, use: ContextUse(index: inv.index))
        func sum(_ kind: LinkKind) -> Double { found.filter { $0.kind == kind }.map(\.bits).reduce(0) { $0 + inv.weights.counted(kind, bits: $1) } }
        let network = try #require(found.first { $0.kind == .subnet })
        let strongestIP = try #require(found.first { $0.kind == .ip })
        #expect(network.bits > strongestIP.bits)
        // Both kinds reach the half-link cap, so either counts the same in the total.
        #expect(inv.weights.counted(.subnet, bits: network.bits) == inv.weights.threshold / 2)
        #expect(sum(.ip) >= inv.weights.threshold / 2)
        #expect(network.counted == inv.weights.threshold / 2)
        #expect(found.filter { $0.kind == .ip }.allSatisfy { $0.counted == 0 })
        // Each IP is said to be not counted for where it comes from, none as its own kind's cap
        // (a trial's `why` said the one and the other for ASNs treated alike).
        #expect(found.filter { $0.kind == .ip }.allSatisfy { !$0.kindFull })
        #expect(found.filter { $0.kind == .asn }.allSatisfy { $0.counted == 0 })
    }

    /// A family's name written with leading zeros is the family (`tf-2e42110` is printed with
    /// seven digits; a trial typed `tf-02e42110` and found nothing).
    @Test func aFamilyNameWithLeadingZerosIsTheFamily() {
        let families = TemplateFamilies(
            restoring: LinkPairs.Pairs(), queryCount: [1], names: ["tf-2e42110"], frames: [false], topShare: [], familyShare: [])
        #expect(families.id(named: "tf-2e42110") == 0)
        #expect(families.id(named: "tf-02e42110") == 0)
        #expect(families.id(named: "tf-12e42110") == nil)
        #expect(families.id(named: "tf-zz") == nil)
    }
}
