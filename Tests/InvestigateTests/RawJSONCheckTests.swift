import Testing
@testable import Investigate

/// `queries --format jsonl` copies a row's raw numbers and nested values only when they are JSON.
@Suite struct RawJSONCheckTests {
    @Test(arguments: ["0", "-0", "7", "-12", "3.25", "1e3", "1E-3", "-0.5e+10", "true", "null", "[1,2]", #"{"a":[0.5,-1]}"#, #"["007"]"#])
    func jsonIsCopied(text: String) {
        #expect(RawJSONCheck.isValid(Array(text.utf8)))
    }

    @Test(arguments: ["007", "+5", "1.", ".5", "1e", "-", "--1", "0x10", "NaN", "tru", "[007]", #"{"a":01}"#, "[1,", "", #"{"a":1,"a":2}"#])
    func lenientTextIsNot(text: String) {
        #expect(!RawJSONCheck.isValid(Array(text.utf8)))
    }
}
