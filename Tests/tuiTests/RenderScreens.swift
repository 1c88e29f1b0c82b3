@testable import tui

/// The screens the render tests compare, each reached by keys from a loaded fixture state.
enum RenderScreens {
    static var all: [(name: String, state: AppState, glyphs: Glyphs)] {
        let base = Fixture.loadedState()
        var loading = AppState()
        loading = AppUpdate.update(loading, .progress(fraction: 0.4, label: "queries.jsonl")).state
        return [
            ("triage", base, .unicode),
            ("triageASCII", base, .asciiOnly),
            ("loading", loading, .asciiOnly),
            ("cluster", Fixture.press(base, .enter), .unicode),
            ("clusterSketch", Fixture.press(base, .enter, .tab), .unicode),
            ("account", Fixture.press(base, .enter, .enter), .unicode),
            ("accountRisk", Fixture.press(base, .enter, .enter, .tab), .unicode),
            ("accountFiring", Fixture.press(base, .enter, .enter, .tab, .tab), .unicode),
            ("sharedValue", Fixture.press(base, .enter, .enter, .down, .enter), .unicode),
            ("queries", Fixture.press(base, .enter, .enter, .char("H")), .unicode),
            ("caseSheet", Fixture.press(base, .char(" "), .char("t"), .char("x"), .enter,
                                        .char(":"), .char("c"), .char("a"), .char("s"), .char("e"), .enter), .unicode),
            ("casePicker", Fixture.casePicker(base), .unicode),
            ("help", Fixture.press(base, .char("?")), .unicode),
            ("tooSmall", Fixture.loadedState(size: TerminalSize(rows: 23, cols: 80)), .unicode),
            ("commandLine", Fixture.press(base, .char(":"), .char("p"), .char("i"), .tab), .unicode),
        ]
    }
}
