import Testing
@testable import Investigate

/// A truth file of the wrong shape is refused, saying where; a right one is read whole.
@Suite struct JSONTruthTests {
    @Test func aWellFormedTruthIsReadWithDefaultsForWhatIsLeftOut() throws {
        let truth = try JSONTruth(jsonText: #"{"rings": [{"name": "r", "style": "s", "accounts": ["a", "b"]}, {"accounts": []}], "decoys": [{"accounts": ["c"]}], "queries": 9}"#)
        #expect(truth.rings.map(\.name) == ["r", "ring 2"])
        #expect(truth.rings.first?.accounts == ["a", "b"])
        #expect(truth.rings.first?.style == "s")
        #expect(truth.decoys.map(\.name) == ["decoy 1"])
        #expect(try JSONTruth(jsonText: #"{"rings": [], "decoys": null}"#).decoys.isEmpty)
    }

    @Test(arguments: [
        ("rings: [", "is not JSON"),
        ("", "is not JSON"),
        ("[]", "is not a JSON object (it must hold \"rings\")"),
        ("{}", "has no \"rings\" list"),
        (#"{"rings": 5}"#, "has no \"rings\" list"),
        (#"{"rings": [7]}"#, "rings[0] is not an object"),
        (#"{"rings": [{"accounts": "x"}]}"#, "rings[0] has no \"accounts\" list"),
        (#"{"rings": [{"accounts": ["a", 2]}]}"#, "rings[0].accounts[1] is not a string (account ids are strings)"),
        (#"{"rings": [], "decoys": {}}"#, "has \"decoys\" that is not a list"),
        (#"{"rings": [], "decoys": [{"name": "d"}]}"#, "decoys[0] has no \"accounts\" list"),
    ])
    func aMisshapenTruthIsRefusedSayingWhere(text: String, reason: String) {
        #expect(throws: JSONTruth.Refusal.self) { try JSONTruth(jsonText: text) }
        do {
            _ = try JSONTruth(jsonText: text)
        } catch {
            #expect("\(error)" == reason)
        }
    }
}
