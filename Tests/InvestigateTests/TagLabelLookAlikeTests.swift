import Testing
@testable import Investigate

/// Session 32's trial: a label holding `;` read back from an export as two labels (`x;y` on one
/// account looked like `x` and `y` on another), and `ring‐member` (U+2010 for the hyphen) was
/// stored beside the built-in `ring-member`, drawn the same.
@Suite struct TagLabelLookAlikeTests {
    @Test func aSemicolonIsRefused() {
        #expect(throws: CaseStoreError.self) { try TagLabel.validate("x;y") }
        #expect(throws: CaseStoreError.self) { try TagLabel.validate("benign; marked benign") }
    }

    @Test func lookAlikesOfBuiltInLabelsAreRefusedNamingTheLabel() throws {
        for odd in ["ring\u{2010}member", "b\u{0435}nign", "DECOY", "ｄｅｃｏｙ", "needs\u{2212}review", "ring-m\u{0435}mber", "\u{217E}ecoy"] {
            #expect(TagLabel.lookAlikeOfBuiltIn(odd) != nil, "\(odd)")
            do {
                _ = try TagLabel.validate(odd)
                Issue.record("accepted \(odd)")
            } catch let error as CaseStoreError {
                #expect("\(error)".contains("looks like the built-in"), "\(error)")
            }
        }
        // The built-ins themselves, and free labels that only resemble them in part, are kept.
        for kept in TagLabel.builtIn + ["ring-member-2", "тест", "benign-ish", "décoy"] {
            #expect(try TagLabel.validate(kept) == kept)
        }
    }
}
