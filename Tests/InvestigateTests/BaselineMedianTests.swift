import Testing
@testable import Investigate

/// The population baseline's medians, taken over exact-size float columns sorted in place, equal
/// `Statistics.median` over the same values as doubles (the former way).
@Suite struct BaselineMedianTests {
    /// The former median of a feature column: its measured values (0 or more) as doubles.
    static func former(_ column: [Float]) -> Double {
        Statistics.median(column.filter { $0 >= 0 }.map(Double.init))
    }

    @Test func medianOfMeasuredFloatsEqualsDoubleMedian() {
        var generator = BaselineTestRandom(seed: 7)
        for length in [1, 2, 3, 10, 101, 1000] {
            let column = (0..<length).map { _ -> Float in
                Int.random(in: 0..<4, using: &generator) == 0 ? -1 : Float.random(in: 0...1, using: &generator)
            }
            let measured = column.filter { $0 >= 0 }.count
            guard measured > 0 else { continue }
            let median = PopulationBaseline.median(of: column, count: measured)
            #expect(median.bitPattern == Self.former(column).bitPattern, "length \(length)")
        }
    }

    @Test func medianOfTwoIsTheirDoubleMean() {
        let column: [Float] = [0.1, -1, 0.3]
        #expect(PopulationBaseline.median(of: column, count: 2) == (Double(Float(0.1)) + Double(Float(0.3))) / 2)
    }

    @Test func sortingInPlaceMatchesTheCopy() {
        var values: [Double] = [5, 1, 4, 1, 5, 9, 2, 6]
        let expected = Statistics.median(values)
        #expect(Statistics.median(sortingInPlace: &values) == expected)
        #expect(values == values.sorted())
        var empty: [Double] = []
        #expect(Statistics.median(sortingInPlace: &empty) == 0)
        var lengths = [3.0, 1, 2]
        #expect(OutputLengths(sortingInPlace: &lengths) == OutputLengths(perAccount: [3.0, 1, 2]))
    }
}

/// A small deterministic generator (SplitMix64) for the tests above.
private struct BaselineTestRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
