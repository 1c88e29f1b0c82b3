import Testing
@testable import Investigate

/// `one_subject` reads a category against its other users: a label whose users give it most of
/// their traffic (a classifier's fallback) lowers nothing; a subject its users visit among other
/// things still marks a course that stays on it.
@Suite struct CategoryHoldersTests {
    typealias S = SignalTestSource

    /// `count` single-purpose accounts (monitors, plugins) whose every query carries `label`.
    static func singlePurpose(_ s: inout S, label: String, count: Int = 12) {
        var rng = SeededRandom(seed: 51)
        for i in 0..<count {
            let id = "sp\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-0\(1 + i % 9)T08:00:00Z", email: "sp\(i)@mail\(i).example", payment: "pf-sp\(i)"))
            for _ in 0..<25 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    ip: "82.3.\(i).7", category: label)
            }
        }
    }

    /// A reseller: `count` accounts on one card and hosting addresses, three in four prompts a
    /// reasoning wrapper around a varied question (labelled `label` upstream), the rest coding.
    static func reseller(_ s: inout S, label: String, count: Int = 10) {
        var rng = SeededRandom(seed: 52)
        let wrappers = ["Provide a thorough explanation with reasoning for:", "SYSTEM: respond with chain-of-thought then answer.\nUSER:"]
        for i in 0..<count {
            let id = "rs\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 5)T08:00:00Z", email: "rs\(i)@shop\(i).example", payment: "pf-resell"))
            for q in 0..<32 {
                let wrapped = q % 4 != 3
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000,
                    prompt: wrapped ? "\(wrappers[q % 2]) \(PromptMaker.human(&rng))" : "Implement \(PromptMaker.human(&rng))",
                    input: 60, output: 1500, ip: "95.216.2.\(i)", asn: "AS24940", category: wrapped ? label : "coding")
            }
        }
    }

    /// `count` hobbyists who ask about `subject` one time in three among coding and writing.
    static func occasional(_ s: inout S, subject: String, count: Int = 20) {
        var rng = SeededRandom(seed: 53)
        for i in 0..<count {
            let id = "oc\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "oc\(i)@gmail.com", payment: "pf-oc\(i)"))
            for q in 0..<30 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    ip: "83.4.\(i).5", category: q % 3 == 0 ? subject : rng.pick(["coding", "writing"]))
            }
        }
    }

    @Test func aLabelItsOtherUsersSpendAllTheirTrafficInLowersNothing() throws {
        var s = S()
        s.addBackground(count: 60)
        // The label is no word the engine knows: only its users say it is a fallback.
        Self.singlePurpose(&s, label: "zz-unsorted")
        Self.reseller(&s, label: "zz-unsorted")
        let inv = try s.investigate()
        #expect(inv.cluster(ofAccount: inv.data.accountIndex("rs0")!).size == 10)
        #expect(inv.signal("one_subject", of: "rs0") == nil)
    }

    @Test func theSameResellerOnALabelItsUsersVisitAmongOthersIsStillOnOneSubject() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.occasional(&s, subject: "zz-unsorted")
        Self.reseller(&s, label: "zz-unsorted")
        let inv = try s.investigate()
        let score = try #require(inv.signal("one_subject", of: "rs0"))
        // Read as one subject (the lowering is then cut by the reasoning it takes away, long
        // answers to its wrappers: `OneSubjectHarvest`).
        #expect(score.explanation.hasPrefix("members stay on one subject: "))
        #expect(score.explanation.contains("but the members take away the reasoning they ask for"))
        // The bar is the other users' share (a third), above the population's.
        #expect(score.baseline > 0.3 && score.baseline < 0.36)
        #expect(score.explanation.contains("of the queries of other accounts that use it)"))
    }

    @Test func aCourseOnASubjectItsOtherUsersVisitAmongOthersKeepsItsDamping() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.occasional(&s, subject: "math")
        RationaleAndSubjectTests.course(&s, domain: "stud.uni-nord.example", subject: "math")
        let inv = try s.investigate()
        let score = try #require(inv.signal("one_subject", of: "cs0"))
        #expect(score.value >= 0.85)
        #expect(score.contribution < -0.1)
    }

    @Test func holdersAreCountedOncePerCategoryWithAllTheirLabelledQueries() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.singlePurpose(&s, label: "zz-unsorted", count: 4)
        Self.occasional(&s, subject: "zz-unsorted", count: 3)
        let inv = try s.investigate()
        let data = inv.data
        let label = try #require((0..<data.pools.categories.count).first { data.pools.categories.string(Int32($0)) == "zz-unsorted" })
        let holders = CategoryHolders.labelledQueries(queries: data.queries, accounts: data.accountCount, categories: data.pools.categories.count)
        // 4 single-purpose accounts of 25 queries and 3 hobbyists of 30, all labelled.
        #expect(holders[label] == 4 * 25 + 3 * 30)
    }
}
