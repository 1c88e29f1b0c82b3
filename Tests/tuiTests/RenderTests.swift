import Testing
@testable import tui

/// Every screen at 80x24 on the in-memory buffer, compared line by line with the expected text.
/// Refresh with `SCREEN_DUMP=/tmp/screens.txt swift test --filter ScreenDump` and review the diff.
@Suite struct RenderTests {
    static let screens = Dictionary(uniqueKeysWithValues: RenderScreens.all.map { ($0.name, ($0.state, $0.glyphs)) })

    func expectScreen(_ name: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let (state, glyphs) = Self.screens[name] else { Issue.record("no screen \(name)"); return }
        let actual = Fixture.frame(state, glyphs: glyphs)
        let wanted = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(actual.count == state.size.rows, sourceLocation: sourceLocation)
        for (i, line) in wanted.enumerated() where i < actual.count {
            #expect(actual[i] == line, "row \(i)", sourceLocation: sourceLocation)
        }
        for line in actual.dropFirst(wanted.count) { #expect(line.isEmpty, sourceLocation: sourceLocation) }
        #expect(actual.allSatisfy { TextWidth.of($0) <= state.size.cols }, sourceLocation: sourceLocation)
    }

    @Test func triage() {
        expectScreen("triage", #"""
         Triage
        clusters, likeliest first  4 accounts, 8246 queries, 2 linked clusters
        2 of 2 clusters shown
          cluster risk         size links          accounts            signals
        > c1      0.91 █████░     2 payment,ip     acct_9f3e21 acct_a… shared_instrumen…
          c2      0.35 ██░░░░     2 asn            acct_b7d8e9 acct_c… infrastructure
















                                                                                    1/2
         ? help  q quit  Enter open  Bksp back  / search  f filter  Space mark  t tag
        """#)
    }

    @Test func triageASCII() {
        expectScreen("triageASCII", #"""
         Triage
        clusters, likeliest first  4 accounts, 8246 queries, 2 linked clusters
        2 of 2 clusters shown
          cluster risk         size links          accounts            signals
        > c1      0.91 #####.     2 payment,ip     acct_9f3e21 acct_a~ shared_instrumen~
          c2      0.35 ##....     2 asn            acct_b7d8e9 acct_c~ infrastructure
















                                                                                    1/2
         ? help  q quit  Enter open  Bksp back  / search  f filter  Space mark  t tag
        """#)
    }

    @Test func loading() {
        expectScreen("loading", #"""
         Triage
        loading queries.jsonl  [############..................] 40%


          loading...


















         ? help  q quit  Enter open  Bksp back  / search  f filter  Space mark  t tag
        """#)
    }

    @Test func cluster() {
        expectScreen("cluster", #"""
         Triage > cluster c1
        cluster c1  risk 0.91 █████████░  2 accounts  riskiest first, to 4 places
        links: payment 1, ip 1
        activity ▂▄█▃
          account                age ctry plan   status    queries out tok risk tags
        > acct_9f3e21            12d RU   payg   active       4210    1.2M 0.91
          acct_a0b1c2            11d RU   payg   active       3900  990.0k 0.88















                                                                                    1/2
         ? help  q quit  Enter open  Bksp back  Tab pane  H queries  / search  f filter
        """#)
    }

    @Test func clusterSketch() {
        expectScreen("clusterSketch", #"""
         Triage > cluster c1
        cluster c1  risk 0.91 █████████░  2 accounts  riskiest first, to 4 places
        links: payment 1, ip 1
        activity ▂▄█▃
        how members connect (j/k move, Enter pivots, Tab: risk breakdown)
        > payment pf_77aa == acct_9f3e21 acct_a0b1c2
          ip 203.0.113.7 == acct_9f3e21 acct_a0b1c2
          asn AS16509 == acct_9f3e21 acct_a0b1c2  (hub)















         ? help  q quit  Enter open  Bksp back  Tab pane  H queries  / search  f filter
        """#)
    }

    @Test func account() {
        expectScreen("account", #"""
         Triage > cluster c1 > acct_9f3..
        acct_9f3e21  cluster c1  risk 0.91 █████████░
        country RU  plan payg
        queries [ ▃▅█]                                    ordered by: shared, hubs, own
          kind         value                                               shared by hub
        > payment      pf_77aa                                                     2
          ip           203.0.113.7                                                 2
          asn          AS16509                                                     3 hub














                                                                                    1/3
         ? help  q quit  Enter open  Bksp back  Tab pane  H queries  / search  f filter
        """#)
    }
}
