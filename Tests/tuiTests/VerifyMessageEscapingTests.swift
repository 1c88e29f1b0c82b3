import Investigate
import Testing
@testable import tui

/// `verify` prints the engine's lines, whose ids are display-escaped already, without escaping
/// them again: the account whose id holds ESC is shown as the console shows it, and never as the
/// account whose id is the literal text `\x1b`.
@Suite struct VerifyMessageEscapingTests {
    @Test func anEscapedIdIsPrintedOnceEscaped() {
        let escape = ExactText(bytes: Array("acct_A\u{1B}[2J".utf8))
        let literal = ExactText(bytes: Array(#"acct_A\x1b[2J"#.utf8))
        let escapeLine = "enforcement.csv: row 9 (account \(TextEscaping.visible(escape.bytes, limit: 120)))"
        let literalLine = "enforcement.csv: row 10 (account \(TextEscaping.visible(literal.bytes, limit: 120)))"
        #expect(inertMessage(escapeLine) == #"enforcement.csv: row 9 (account acct_A\x1b[2J)"#)
        #expect(inertMessage(literalLine) == #"enforcement.csv: row 10 (account acct_A\\x1b[2J)"#)
        // A control that reached a message raw is still made visible.
        #expect(inertMessage("bad \u{1B}[2J") == #"bad \x1b[2J"#)
    }
}
