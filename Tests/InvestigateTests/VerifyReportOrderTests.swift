import Testing
@testable import Investigate

/// `verify` lists a file's problems in row order, files by name (a plain string sort put row 10
/// and row 17 before row 9).
@Suite struct VerifyReportOrderTests {
    @Test func problemsKeepRowOrderWithinAFile() {
        var report = BundleVerifier.Report()
        report.problems = [
            "enforcement.csv: row 9 (account a): proposed action is 'none'",
            "accounts.csv: row 12 (account b): labels differ",
            "enforcement.csv: row 10 (account c): proposed action is 'none'",
            "accounts.csv: row 3 (account d): labels differ",
            "enforcement.csv: row 17 (account e): proposed action is 'none'",
        ]
        let rows = BundleVerifier.sorted(report).problems.map { String($0.split(separator: " ")[2]) }
        #expect(rows == ["12", "3", "9", "10", "17"])
        #expect(BundleVerifier.sorted(report).problems.first?.hasPrefix("accounts.csv: ") == true)
    }
}
