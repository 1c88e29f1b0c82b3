import Testing
@testable import Investigate

/// Three rules read from what an investigator sees: a request to justify an answer is a rationale
/// request; a cluster on one subject is read against the population's queries pooled (not a
/// typical account); student mail subdomains are issued by an institution.
@Suite struct RationaleAndSubjectTests {
    typealias S = SignalTestSource

    static func isReasoning(_ prompt: String) -> Bool {
        PromptDigest().digest(prompt).flags & PromptDigest.Flags.reasoning != 0
    }

    @Test func askingToJustifyIsARationaleRequest() {
        #expect(Self.isReasoning("<<job:e187 seq:000037>>\nSolve and justify: river garden plan"))
        #expect(Self.isReasoning("Critique the argument and justify the critique: policy water"))
        #expect(Self.isReasoning("Rank the options and give a justification for the ranking"))
        // Look-alikes: justified text and "just if" are other words.
        #expect(!Self.isReasoning("How do I make a paragraph justified in CSS?"))
        #expect(!Self.isReasoning("just if the build fails, rerun it"))
    }

    /// A relay: `count` accounts on one card and hosting addresses sending "justify" items with
    /// long answers.
    static func relay(_ s: inout S, count: Int = 8) {
        var rng = SeededRandom(seed: 41)
        let asks = ["Solve and justify:", "Critique the argument and justify the critique:", "Rank the options and justify the ranking:"]
        for i in 0..<count {
            let id = "rl\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 5)T08:00:00Z", email: "rl\(i)@relay\(i).example", payment: "pf-relay"))
            for q in 0..<30 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000,
                    prompt: "<<job:a1 seq:\(q * count + i)>>\n\(asks[q % 3]) \(PromptMaker.human(&rng))", input: 80, output: 1400,
                    ip: "95.216.1.\(i)", asn: "AS24940", category: "reasoning")
            }
        }
    }

    @Test func justifyPromptsCountAsReasoningElicitation() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.relay(&s)
        let inv = try s.investigate()
        let score = try #require(inv.signal("reasoning_elicitation", of: "rl0"))
        #expect(score.value > 0.9)
        #expect(score.contribution > 0.3)
        // Read against the population's share, which the relay's own prompts do not make.
        #expect(score.baseline < 0.5)
    }

    /// `count` accounts on one campus (one card keeps them one cluster), created in one week on
    /// `domain`, sending `subject` queries (one in ten another subject), short answers.
    static func course(_ s: inout S, domain: String, subject: String, count: Int = 20) {
        var rng = SeededRandom(seed: 42)
        for i in 0..<count {
            let id = "cs\(i)"
            s.account(.init(id: id, created: "2026-01-0\(1 + i % 3)T08:00:00Z", email: "u\(i)@\(domain)", payment: "pf-course"))
            for q in 0..<20 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000,
                    prompt: "NURS 2150 dosage worksheet \(q % 4), question \(q): \(PromptMaker.human(&rng))", input: 50, output: 300,
                    ip: "141.1.1.\(i % 4)", asn: "AS702", agent: "Mozilla/5.0", category: q % 10 == 9 ? "writing" : subject)
            }
        }
    }

    @Test func oneSubjectIsReadAgainstThePopulationsQueriesPooled() throws {
        var s = S()
        // The population's queries pooled spread over coding and writing (and the course's own
        // math, 16% of all); the course's are 90% math.
        s.addBackground(count: 60)
        Self.course(&s, domain: "stud.uni-nord.example", subject: "math")
        let inv = try s.investigate()
        let score = try #require(inv.signal("one_subject", of: "cs0"))
        #expect(score.contribution < -0.1)
        #expect(score.value >= 0.85)
        #expect(score.explanation.hasPrefix("members stay on one subject: 90% of queries in math ("))
        #expect(score.explanation.hasSuffix("of the population's queries); this lowers the risk"))
    }

    @Test func aClusterOnTheCommonestSubjectIsNotLowered() throws {
        var s = S()
        s.addBackground(count: 60)
        // "coding" is over half the population's queries: a group sending "coding" and "writing"
        // evenly is on no narrower a subject than the population is.
        Self.course(&s, domain: "stud.uni-nord.example", subject: "coding")
        var rng = SeededRandom(seed: 43)
        for i in 0..<6 {
            let id = "sw\(i)"
            s.account(.init(id: id, created: "2026-01-01T08:00:00Z", email: "sw\(i)@gmail.com", payment: "pf-sweep"))
            for q in 0..<20 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    category: q % 2 == 0 ? "coding" : "writing")
            }
        }
        let inv = try s.investigate()
        #expect(inv.signal("one_subject", of: "sw0") == nil)
    }

    @Test func studentMailSubdomainsAreAcademic() {
        #expect(FreeMail.isAcademic("stud.hs-nordwest.de"))
        #expect(FreeMail.isAcademic("Students.OzarkValley.edu"))
        #expect(FreeMail.isAcademic("etu.univ-lyon.fr"))
        #expect(FreeMail.isAcademic("mail.lakeshorestate.edu"))
        // A label alone, or a name that merely starts with one, is not a student subdomain.
        #expect(!FreeMail.isAcademic("stud.de"))
        #expect(!FreeMail.isAcademic("student-deals.com"))
        #expect(!FreeMail.isAcademic("studio.example.com"))
        #expect(!FreeMail.isAcademic("reportteam.shop"))
    }

    @Test func aCourseOnAStudentSubdomainCountsItsTermWeekOnce() throws {
        var s = S()
        s.addBackground(count: 60)
        Self.course(&s, domain: "stud.uni-nord.example", subject: "math")
        let inv = try s.investigate()
        let burst = inv.signal("creation_burst", of: "cs0")
        #expect((burst?.contribution ?? 0) == 0)
        #expect((burst?.explanation ?? "").contains("academic mail domain"))
        // The same sign-ups on a domain an account holder can register are a burst.
        var t = S()
        t.addBackground(count: 60)
        Self.course(&t, domain: "studyhall.example", subject: "math")
        let ring = try t.investigate()
        #expect((ring.signal("creation_burst", of: "cs0")?.contribution ?? 0) > 0.2)
    }
}
