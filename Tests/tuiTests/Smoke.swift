import Testing
@Test func tuiSmoke() { #expect(1 + 1 == 2) }
