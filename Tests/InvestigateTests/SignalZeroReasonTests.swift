import Testing
@testable import Investigate

/// A breakdown never lists a `0` without saying why: a value of 0 measured nothing, a signal
/// short of its scale adds nothing, one just past it adds less than the two decimals shown.
@Suite struct SignalZeroReasonTests {
    static func score(value: Double, contribution: Double, explanation: String = "measured") -> SignalScore {
        SignalScore(name: "s", value: value, baseline: 0.1, contribution: contribution, explanation: explanation)
    }

    @Test func eachKindOfNothingSaysItsReason() {
        #expect(SignalZeroReason.reason(Self.score(value: 0, contribution: 0))
            == "adds nothing: its value is 0, and a signal at 0 never adds risk")
        #expect(SignalZeroReason.reason(Self.score(value: 0.4, contribution: 0)) == "adds nothing: short of where it starts to count")
        #expect(SignalZeroReason.reason(Self.score(value: 0.4, contribution: 0.004))?.hasPrefix("adds too little to show at two decimals (shown as 0)") == true)
        #expect(SignalZeroReason.reason(Self.score(value: 0.4, contribution: -0.0015))?
            .hasPrefix("lowers the risk too little to show at two decimals (shown as 0)") == true)
        // Enough to show: no reason; a signal that said why nothing of it counts: not said twice.
        #expect(SignalZeroReason.reason(Self.score(value: 0.4, contribution: 0.005)) == nil)
        #expect(SignalZeroReason.reason(Self.score(value: 0.4, contribution: -0.02)) == nil)
        #expect(SignalZeroReason.reason(Self.score(value: 0.9, contribution: 0, explanation: "little is taken away, so 0% of it counts")) == nil)
        #expect(SignalZeroReason.explained(Self.score(value: 0, contribution: 0, explanation: "x")).explanation
            == "x; adds nothing: its value is 0, and a signal at 0 never adds risk")
    }

    @Test func everyListedZeroOfARealBreakdownSaysWhy() throws {
        var s = SignalTestSource()
        s.addBackground()
        SignalTests.ring(&s)
        let inv = try s.investigate()
        var zeros = 0
        for cluster in inv.clusters.prefix(20) {
            for signal in cluster.signals where abs(signal.contribution) < SignalZeroReason.shown {
                zeros += 1
                #expect(signal.explanation.contains("adds nothing") || signal.explanation.contains("(shown as 0)")
                        || signal.explanation.hasSuffix("of it counts"), "\(signal.name): \(signal.explanation)")
            }
            // A signal whose value is 0 never adds risk.
            #expect(cluster.signals.allSatisfy { $0.value != 0 || $0.contribution <= 0 })
        }
        #expect(zeros > 0, "the hand-made source lists some signal adding nothing")
    }
}
