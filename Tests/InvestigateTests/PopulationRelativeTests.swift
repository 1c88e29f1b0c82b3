import Testing
@testable import Investigate

/// Answer-length bars measured on the loaded population (`OutputLengths`), on hand-made
/// populations whose answer is known: the same cluster is "too small to harvest" among
/// accounts getting long answers and not among accounts getting short ones, and the other way
/// round for "long answers".
@Suite struct PopulationRelativeTests {
    typealias S = SignalTestSource

    @Test func percentilesOfKnownValues() {
        let lengths = OutputLengths(perAccount: (1...101).map { Double($0) }.shuffled())
        #expect(lengths.percentiles.count == 21)
        #expect(lengths.quantile(0) == 1 && lengths.quantile(1) == 101)
        #expect(lengths.quantile(0.05) == 6)
        #expect(lengths.quantile(0.2) == 21)
        #expect(lengths.median == 51)
        #expect(abs(lengths.quantile(0.125) - 13.5) < 1e-9)
        #expect(OutputLengths(perAccount: []).quantile(0.5) == 0)
    }

    @Test func gateBoundsFollowThePopulation() {
        // Spread out: 10...1010 tokens. The 5th and 20th percentiles are the bars.
        let wide = SmallOutputGate.bounds(OutputLengths(perAccount: (1...101).map { Double($0 * 10) }))
        #expect(wide.floor == 60 && wide.ceiling == 210)
        // Everyone gets about 300 tokens: the 20th percentile sits next to the median, so half
        // and a quarter of the median are the bars instead (ordinary answers are not damped).
        let tight = SmallOutputGate.bounds(OutputLengths(perAccount: (0...100).map { 290 + Double($0) / 5 }))
        #expect(tight.ceiling == 150 && tight.floor == 75)
        // Ten times longer answers everywhere: ten times higher bars.
        let longer = SmallOutputGate.bounds(OutputLengths(perAccount: (1...101).map { Double($0 * 100) }))
        #expect(longer.floor == 600 && longer.ceiling == 2100)
    }

    /// People with varied prompts whose answers are `outputs` tokens long.
    static func background(_ s: inout S, outputs: ClosedRange<Int>, seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        for i in 0..<60 {
            let id = "bg\(i)"
            s.account(.init(id: id, created: "2025-0\(1 + i % 9)-1\(i % 10)T08:00:00Z", email: "p\(i)@gmail.com", payment: "pfbg\(i)"))
            for _ in 0..<30 {
                s.query(
                    id, at: S.base + Int64(rng.int(0...2_500_000)) * 1000, prompt: PromptMaker.human(&rng),
                    input: rng.int(50...300), output: rng.int(outputs), ip: "81.2.\(i).9", category: rng.pick(["coding", "writing"]))
            }
        }
    }

    /// Six accounts on one card sending one reasoning template in lock-step, answers `output` long.
    static func sweep(_ s: inout S, output: Int) {
        var rng = SeededRandom(seed: 12)
        for i in 0..<6 {
            s.account(.init(id: "w\(i)", created: "2026-01-10T0\(i):00:00Z", email: "w\(i)@mx.top", payment: "card-w"))
            for q in 0..<30 {
                s.query(
                    "w\(i)", at: S.base + Int64(q) * 600_000 + Int64(i) * 1000, prompt: PromptMaker.ring(0, &rng, hostileRate: 0),
                    input: 80, output: output, ip: "45.10.0.\(i)", asn: "AS14061", agent: "harvest/2",
                    category: PersonaParts.categories[q % 12])
            }
        }
    }

    static func investigate(background outputs: ClosedRange<Int>, clusterOutput: Int) throws -> Investigation {
        var s = S()
        background(&s, outputs: outputs, seed: 4)
        sweep(&s, output: clusterOutput)
        return try s.investigate()
    }

    @Test func answersShortNextToThePopulationAreDampedAndNotOtherwise() throws {
        let amongLong = try Self.investigate(background: 1000...2000, clusterOutput: 150)
        let amongShort = try Self.investigate(background: 20...80, clusterOutput: 150)
        #expect(amongLong.cluster(ofAccount: amongLong.data.accountIndex("w0")!).size == 6)
        #expect((amongLong.signal("small_outputs", of: "w0")?.contribution ?? 0) < 0)
        #expect(amongShort.signal("small_outputs", of: "w0") == nil)
        #expect(amongLong.clusterRisk(of: "w0") < amongShort.clusterRisk(of: "w0"))
    }

    @Test func answersLongNextToThePopulationShowHarvestShapeAndNotOtherwise() throws {
        let amongShort = try Self.investigate(background: 100...300, clusterOutput: 800)
        let amongLong = try Self.investigate(background: 1500...2500, clusterOutput: 800)
        #expect((amongShort.signal("harvest_shape", of: "w0")?.contribution ?? 0) > 0.2)
        #expect((amongLong.signal("harvest_shape", of: "w0")?.contribution ?? 1) == 0)
    }
}
