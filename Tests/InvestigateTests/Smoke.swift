import Testing
@testable import Investigate
@Test func version() { #expect(!InvestigateVersion.string.isEmpty) }
