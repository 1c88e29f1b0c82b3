import Testing
@testable import tui

/// Render tests of the deeper screens and overlays (see `RenderTests`).
extension RenderTests {
    @Test func accountRisk() {
        expectScreen("accountRisk", #"""
         Triage > cluster c1 > acct_9f3..
        acct_9f3e21  cluster c1  risk 0.91 █████████░
        country RU  plan payg
        queries [ ▃▅█]
        risk breakdown (Enter: whole; Tab: who it fires with)
        cluster risk 0.91 (the rows give 0.55); this account 0.91 x 1.00 = 0.91
        signal               value     base contrib  why
        shared_instrument        2        1   +0.80  2 accounts pay with one card















         ? help  q quit  Enter open  Bksp back  Tab pane  H queries  / search  f filter
        """#)
    }

    @Test func sharedValue() {
        expectScreen("sharedValue", #"""
         Triage > cluster c1 > acct_9f3.. > ip 203.0.113.7
        ip 203.0.113.7
        shared by 2 accounts (50.00% of all)
        held in 1 cluster: c1 (2)
          account             cluster   age ctry status    queries out tok risk tags
        > acct_9f3e21         c1        12d RU   active       4210    1.2M 0.91
          acct_a0b1c2         c1        11d RU   active       3900  990.0k 0.88















                                                                                    1/2
         ? help  q quit  Enter open  Bksp back  T tag all  H queries  / search  f filter
        """#)
    }

    @Test func queries() {
        expectScreen("queries", #"""
         Triage > cluster c1 > acct_9f3.. > queries acct_9f3..
        2 queries, newest first
        per hour 00-23 [            ▅█          ]  4 columns hidden: Enter shows them
          time             out tok category  prompt
        > 2026-06-01 14:03     812 code      hi \x1b]0;pwned\x07\x1b[2J \u{202E}gnp.exe
          2026-06-01 13:58     640 code      日本語のプロンプト 😀 ok
















                                                                                    1/2
         ? help  q quit  Enter open  Bksp back  / search  f filter  Space mark  t tag
        """#)
    }

    @Test func caseSheet() {
        expectScreen("caseSheet", #"""
         Triage > case untitled
        case: untitled  1 tagged row (by label), 0 notes, 1 audit entry
        status open  severity -  assignee -  disposition -  (S sets them)
        export: not exported
          what  item                                      detail
        >*tag   c1 (cluster)                              x
          audit  investigator tag                         x: c1















                                                                        [1 marked]  1/2
         ? help  q quit  Enter open  Bksp back  / search  f filter  Space mark  t tag
        """#)
    }

    @Test func casePicker() {
        expectScreen("casePicker", #"""
         Triage
         Cases, newest first (j/k move  Enter switch  n new case  Esc close)

          id           status     title
          case-0003    triage     refund ring \x1b[2J \u{202E}gnp.exe
        >*case-0002    open       Hydra payment cluster
          case-0001    closed     console hydra















        3 cases
         j down  k up  Enter switch  Esc close  n new case
        """#)
    }

    @Test func help() {
        expectScreen("help", #"""
         Triage
         Help (j/k scroll, any other key closes)           lines 1-20 of 87, j for more
         j Down           move-down      move down
         k Up             move-up        move up
         g Home           top            go to the top
         G End            bottom         go to the bottom
         PgDn C-f         page-down      page down
         PgUp C-b         page-up        page up
         Enter Right      open           open / pivot on the selected row
         Backspace h Left back           back one step on the stack
         0                triage         jump straight to triage (] comes back)
         ]                forward        forward again
         Tab              next-pane      next pane on the screen
         /                search         search rows (incremental)
         n                search-next    search: next match
         N                search-prev    search: previous match
         f                filter         filter rows (risk>0.5 country=RU text)
         <                column-left    column cursor left (for sort)
         >                column-right   column cursor right (for sort)
         s                sort           sort by the column under the column cursor:
                                         largest first, again smallest first, again
                                         table order

         ? help  q quit  Enter open  Bksp back  / search  f filter  Space mark  t tag
        """#)
    }

    @Test func tooSmall() {
        expectScreen("tooSmall", #"""
        terminal too small: 80x23, need 80x24
        keys are ignored until it is larger; q quits
        """#)
    }

    @Test func commandLine() {
        expectScreen("commandLine", #"""
         Triage
        clusters, likeliest first  4 accounts, 8246 queries, 2 linked clusters
        2 of 2 clusters shown
          cluster risk         size links          accounts            signals
        > c1      0.91 █████░     2 payment,ip     acct_9f3e21 acct_a… shared_instrumen…
          c2      0.35 ██░░░░     2 asn            acct_b7d8e9 acct_c… infrastructure
















        :pivot _
         ? help  q quit  Enter open  Bksp back  / search  f filter  Space mark  t tag
        """#)
    }
}
