import Testing
@testable import Investigate

/// Risks read by people never pass the flag bar they are under.
@Suite struct RiskTextTests {
    @Test func aRiskUnderTheBarNeverReadsAsTheBar() {
        #expect(RiskText.twoDecimals(0.497) == "0.49")
        #expect(RiskText.twoDecimals(0.4949) == "0.49")
        #expect(RiskText.twoDecimals(0.5) == "0.50")
        #expect(RiskText.twoDecimals(0.5049) == "0.50")
        #expect(RiskText.twoDecimals(0.8988) == "0.90")
        #expect(RiskText.twoDecimals(0.044) == "0.04")
        #expect(RiskText.twoDecimals(1.2) == "1.00")
        #expect(RiskText.twoDecimals(-0.1) == "0.00")
        #expect(RiskText.twoDecimals(.nan) == "0.00")
    }
}
