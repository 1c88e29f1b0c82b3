import Testing
@testable import Investigate

/// The context table's slots carry a few bits of each tuple's hash beside its id, so a probe
/// passes over other tuples without reading their columns; ids past what fits beside a tag drop
/// the tags. Either way a tuple keeps the id of its first intern.
@Suite struct QueryContextsTagTests {
    /// Tuples drawn from a small range, so many repeat; ids checked against a dictionary.
    static func check(_ contexts: QueryContexts, tuples: Int, seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        var known: [[Int32]: Int32] = [:]
        for _ in 0..<tuples {
            let t = (0..<5).map { _ in Int32(rng.int(-1...6)) }
            let id = contexts.intern(apiKey: t[0], ip: t[1], asn: t[2], userAgent: t[3], model: t[4])
            if let first = known[t] {
                #expect(id == first)
            } else {
                #expect(Int(id) == known.count)
                known[t] = id
            }
            // What `touch` names is a tuple of the table (or nothing).
            let touched = contexts.touch(hash: QueryContexts.hash(t[0], t[1], t[2], t[3], t[4]))
            #expect(touched >= -1 && Int(touched) < contexts.count)
        }
        #expect(contexts.count == known.count)
        for (t, id) in known {
            #expect(contexts.intern(apiKey: t[0], ip: t[1], asn: t[2], userAgent: t[3], model: t[4]) == id)
            #expect(contexts.apiKey[Int(id)] == t[0] && contexts.model[Int(id)] == t[4])
        }
        #expect(contexts.count == known.count)
    }

    @Test func tuplesKeepTheirFirstIDThroughTheTableGrowing() {
        Self.check(QueryContexts(), tuples: 40_000, seed: 11)
    }

    @Test func tagsDroppedWhenIDsOutgrowThemChangeNoID() {
        // Ids tagged only below 2^4 - 1: the table switches to untagged slots after 15 tuples.
        Self.check(QueryContexts(taggedIDBits: 4), tuples: 40_000, seed: 12)
    }

    @Test func aReservedTableGivesTheSameIDs() {
        let contexts = QueryContexts()
        contexts.reserve(30_000)
        Self.check(contexts, tuples: 40_000, seed: 11)
    }
}
