import Investigate

/// How a signal's figures are written in its breakdown (the console's risk pane and record,
/// `account`'s text): the contribution, the value and the baseline it is compared with.
enum SignalText {
    /// `+0.80`, `-0.21`, `0` for none.
    static func contribution(_ value: Double) -> String {
        if abs(value) < 0.005 { return "0" }
        return (value < 0 ? "-" : "+") + Format.risk(abs(value))
    }

    /// A value or a baseline: two decimals (`0.96`, `12`), and a figure other than 0 that two
    /// decimals would show as 0 said `under 0.01` (`<0.01` in the pane's column) as the
    /// explanations say `under 0.01%`: a trial read `(value 1.00, population 0.00)` beside an
    /// explanation's `population 0.22%`.
    static func figure(_ value: Double, compact: Bool = false) -> String {
        guard value.isFinite, value != 0, abs(value) < 0.005 else { return DetailPanes.num(value) }
        if value > 0 { return compact ? "<0.01" : "under 0.01" }
        return compact ? ">-0.01" : "above -0.01"
    }

    /// Signals whose baseline is a count expected, not a population's figure: coordinated_firing
    /// compares its co-firings with the count its members' activity in the same hours predicts.
    static let expectedCountSignals: Set<String> = ["coordinated_firing"]

    /// What a signal's baseline is called: `expected` for an expected count, else `otherwise`
    /// (the console says `population`, `account`'s text `baseline`, as its JSON does).
    static func baselineLabel(_ name: String, otherwise: String) -> String {
        expectedCountSignals.contains(name) ? "expected" : otherwise
    }

    /// A signal's baseline: an expected count as every expected count is (`ExpectedCount`),
    /// else as `figure`.
    static func baseline(_ name: String, _ value: Double, compact: Bool = false) -> String {
        expectedCountSignals.contains(name) ? ExpectedCount.text(value, compact: compact) : figure(value, compact: compact)
    }
}
