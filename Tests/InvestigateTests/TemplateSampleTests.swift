import Foundation
import Testing
@testable import Investigate

/// A template family's text for the console's value sheet: one of its prompts, found again from
/// a few holders' rows (the sketches are freed after loading). Hand-made: a ring of 12 on one
/// scaffold, and background accounts with human prompts.
@Suite struct TemplateSampleTests {
    @Test func aFamilysSampleIsOneOfItsPromptsAndAnUnknownNameHasNone() throws {
        var s = SignalTestSource()
        s.addBackground(count: 40)
        LightMemberTests.ring(&s, ticks: 40)
        let inv = try s.investigate()
        let r0 = inv.data.accountIndex("r0")!
        let family = try #require(inv.index.values(of: r0, kind: .template).first)
        let name = inv.index.valueString(.template, family)
        let holders = inv.index.accounts(sharing: .template, value: family).map { Int($0) }
        let sample = try #require(TemplateFamilies.samplePrompt(of: name, accounts: holders, data: inv.data))
        let text = String(decoding: sample, as: UTF8.self)
        #expect(text.hasPrefix("Problem ") && text.hasSuffix("ANSWER: <value>."), "\(text)")
        // The name is one of the two its prompt's bands give.
        #expect(TemplateFamilies.names(ofSketch: PromptDigest().digest(text).sketch).contains(name))
        #expect(TemplateFamilies.samplePrompt(of: "tf-0", accounts: holders, data: inv.data) == nil)
        // A background account's prompts are in no ring family.
        let background = (0..<inv.data.accountCount).first { inv.index.values(of: $0, kind: .template).isEmpty }!
        #expect(TemplateFamilies.samplePrompt(of: name, accounts: [background], data: inv.data) == nil)
    }
}
