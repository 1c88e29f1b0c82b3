import Foundation
import Investigate
@testable import tui

/// A small hand-made console model: two clusters, four accounts, a few shared values, one of
/// them hostile (escape sequences and a bidi override in the data).
final class FixtureModel: ConsoleModel, @unchecked Sendable {
    static let hostilePrompt = "hi \u{1B}]0;pwned\u{07}\u{1B}[2J \u{202E}gnp.exe"

    /// Var so a test can re-rate one (c1's acct_a0b1c2 is rated below its cluster on its own).
    var accounts: [AccountRow] = [
        AccountRow(account: 0, id: "acct_9f3e21", ageDays: 12, country: "RU", plan: "payg", status: "active",
                   queries: 4210, outputTokens: 1_250_000, risk: 0.91),
        AccountRow(account: 1, id: "acct_a0b1c2", ageDays: 11, country: "RU", plan: "payg", status: "active",
                   queries: 3900, outputTokens: 990_000, risk: 0.88),
        AccountRow(account: 2, id: "acct_b7d8e9", ageDays: 30, country: "SG", plan: "team", status: "suspended",
                   queries: 120, outputTokens: 40_000, risk: 0.35),
        AccountRow(account: 3, id: "acct_c4c4c4", ageDays: 400, country: "US", plan: "free", status: "active",
                   queries: 12, outputTokens: 900, risk: 0.05),
    ]

    var totals: String { "4 accounts, 8246 queries, 2 linked clusters" }

    /// What the load skipped, as the engine's model says it (nil: nothing).
    var loadIssuesText: String?
    var loadIssues: String? { loadIssuesText }
    /// Ids that are some account's exact id beyond the four (a planted look-alike's).
    var lookAlikeIDs: Set<String> = []
    func isExactAccountID(_ text: String) -> Bool { lookAlikeIDs.contains(text) || accounts.contains { $0.exactID == ExactText(text) } }

    /// When true, query history is built in the background like on a large source.
    var slowQueries = false
    /// Queries in scope beyond the two rows listed (nil: the two are all).
    var queryTotal: Int?
    /// One-account clusters triage leaves out (only acct_c4c4c4 is ever listed on their sheet).
    var singleAccounts = 0

    func triageCounts() -> TriageCounts {
        TriageCounts(linked: 2, linkedShown: 2, singles: singleAccounts, singlesShown: 0)
    }

    func singles() -> AccountPage { AccountPage(rows: singleAccounts > 0 ? [accounts[3]] : [], total: singleAccounts) }

    func isExpensive(_ kind: SheetKind) -> Bool {
        if case .queries = kind { return slowQueries }
        return false
    }

    /// Shared values added after the three of c1's sketch (long, to fill a legend): 0 for none.
    var extraSharedValues = 0

    /// c1's graph: both members hold the card and the (hub) ASN; only acct_9f3e21 the IP (and
    /// every other extra value).
    func clusterGraph(_ number: Int) -> ClusterGraph? {
        guard let d = cluster(number) else { return nil }
        let values = clusterSketch(number)
        let holds = d.members.enumerated().map { i, _ in values.indices.map { v in v != 1 && (v < 3 || v % 2 == 0) || i == 0 } }
        return ClusterGraph(accounts: d.members.map { (account: $0.account, id: $0.id) }, values: values, holds: holds)
    }

    /// When true, triage lists c1 and c2 as one operation `op1` (issue 13).
    var withOperation = false

    func triage() -> [TriageRow] {
        guard withOperation else { return clusters() }
        let members = clusters().map { row -> TriageRow in
            var r = row
            r.operation = "op1"
            return r
        }
        return [TriageRow(cluster: 1, risk: clusterRisks.max() ?? 0, size: 4, strongestKinds: ["template"], topSignals: ["template_share"],
                          sampleAccounts: ["c1", "c2"], operation: "op1", operationClusters: [1, 2], ties: ["template tf-77"],
                          tieValues: [OperationTie(kind: .template, value: 0, clusters: 2), OperationTie(kind: .asn, value: 0, clusters: 2)])]
            + members
    }

    /// c1's and c2's ratings (a test can make both weak, as an operation on a blind source was).
    var clusterRisks = [0.91, 0.35]

    func clusters() -> [TriageRow] {
        [TriageRow(cluster: 1, risk: clusterRisks[0], size: 2, strongestKinds: ["payment", "ip"], topSignals: ["shared_instrument", "harvest"],
                   sampleAccounts: ["acct_9f3e21", "acct_a0b1c2"]),
         TriageRow(cluster: 2, risk: clusterRisks[1], size: 2, strongestKinds: ["asn"], topSignals: ["infrastructure"],
                   sampleAccounts: ["acct_b7d8e9", "acct_c4c4c4"])]
    }

    /// When true, c1's members also share three mail domains, all hubs.
    var mailHubs = false

    /// When true, c1 reads no signal (a cluster of light accounts): its breakdown is empty and says why.
    var c1Unread = false

    func cluster(_ number: Int) -> ClusterDetail? {
        guard number == 1 || number == 2 else { return nil }
        let members = number == 1 ? Array(accounts[0...1]) : Array(accounts[2...3])
        if number == 1 && c1Unread {
            return ClusterDetail(
                cluster: 1, risk: 0, members: members, kindCounts: [("template", 1)], timeline: [2, 3],
                unreadNote: SignalsUnread.line(members: 2, queries: 5))
        }
        return ClusterDetail(cluster: number, risk: clusterRisks[number - 1], members: members,
                             kindCounts: number == 1 ? [("payment", 1), ("ip", 1)] + (mailHubs ? [("email_domain", 3)] : []) : [("asn", 1)],
                             kindHubs: mailHubs ? ["email_domain": 3] : [:],
                             timeline: [1, 3, 8, 2],
                             signals: [SignalRow(name: "shared_instrument", value: 2, baseline: 1, contribution: 0.8,
                                                 explanation: "2 accounts pay with one card"),
                                       SignalRow(name: "established_accounts", value: 570, baseline: 318, contribution: -0.21,
                                                 explanation: "members are old accounts"),
                                       SignalRow(name: "recidivism", value: 0, baseline: 0, contribution: 0,
                                                 explanation: "no member was banned before")])
    }

    func clusterSketch(_ number: Int) -> [SketchLine] {
        [SketchLine(text: "payment pf_77aa == acct_9f3e21 acct_a0b1c2", kind: .payment, value: 0),
         SketchLine(text: "ip 203.0.113.7 == acct_9f3e21 acct_a0b1c2", kind: .ip, value: 0),
         SketchLine(text: "asn AS16509 == acct_9f3e21 acct_a0b1c2  (hub)", kind: .asn, value: 0, isHub: true)]
            + (0..<extraSharedValues).map {
                SketchLine(text: "user_agent python-requests/2.\($0) (ring build \($0)) == acct_9f3e21 acct_a0b1c2",
                           kind: .userAgent, value: Int32($0 + 1))
            }
    }

    /// Fields of the source's own added after every account's country and plan.
    var extraAttributes: [(name: String, value: String)] = []

    func account(_ index: Int) -> AccountDetail? {
        guard index >= 0, index < accounts.count else { return nil }
        let row = accounts[index]
        let values: [ValueRow] = index < 2
            ? [ValueRow(kind: .payment, value: 0, text: "pf_77aa", sharedBy: 2, isHub: false),
               ValueRow(kind: .ip, value: 0, text: "203.0.113.7", sharedBy: 2, isHub: false),
               ValueRow(kind: .asn, value: 0, text: "AS16509", sharedBy: 3, isHub: true)]
            : [ValueRow(kind: .asn, value: 0, text: "AS16509", sharedBy: 3, isHub: true)]
        return AccountDetail(account: index, id: row.id, cluster: index < 2 ? 1 : 2, risk: row.risk,
                             attributes: [("country", row.country), ("plan", row.plan)], values: values,
                             signals: [SignalRow(name: "shared_instrument", value: 2, baseline: 1, contribution: 0.8,
                                                 explanation: "2 accounts pay with one card")],
                             timeline: [0, 2, 5, 9], sourceFields: extraAttributes)
    }

    func sharedValue(_ kind: LinkKind, _ value: Int32) -> SharedValueDetail? {
        var members = kind == .asn ? [accounts[0], accounts[1], accounts[2]] : [accounts[0], accounts[1]]
        for i in members.indices { members[i].cluster = i < 2 ? 1 : 2 }
        let heldIn = [HeldIn(cluster: 1, holders: 2, size: 2)] + (kind == .asn ? [HeldIn(cluster: 2, holders: 1, size: 1)] : [])
        return SharedValueDetail(kind: kind, value: value, text: valueText(kind, value), members: members,
                                 rarity: Double(members.count) / 4, isHub: kind == .asn, heldIn: heldIn,
                                 sample: kind == .template ? "Summarise the \u{1b}[2Jfollowing text step by step: 0" : nil)
    }

    /// The category of every listed query (`-`: a source without categories).
    var queryCategory = "code"

    func queries(_ scope: QueryScope) -> QueryDetail {
        if slowQueries { usleep(100_000) }
        return QueryDetail(rows: [QueryRow(time: "2026-06-01 14:03", account: "acct_9f3e21", key: "sk-1", ip: "203.0.113.7",
                                    model: "m-large", tokens: 812, category: queryCategory, prompt: Self.hostilePrompt),
                           QueryRow(time: "2026-06-01 13:58", account: "acct_9f3e21", key: "sk-1", ip: "203.0.113.7",
                                    model: "m-large", tokens: 640, category: queryCategory, prompt: "日本語のプロンプト 😀 ok")],
                    perHour: Array(repeating: 0, count: 12) + [5, 9] + Array(repeating: 0, count: 10), total: queryTotal)
    }

    func accountID(_ index: Int) -> String { accounts[index].id }

    func exactAccountID(_ index: Int) -> ExactText { accounts[index].exactID }

    /// Who an account fires with, as built; nil until `firingBuilt` (the engine's is built off
    /// the input path). acct_9f3e21 fires with acct_a0b1c2, the rest with nobody.
    var firingBuilt = true

    func firing(_ account: Int, build: Bool) -> AccountFiring? {
        guard build || firingBuilt else { return nil }
        guard account == 0 else {
            return AccountFiring(summary: "fires with no account within 5 s more often than chance (3 firings)", partners: [])
        }
        return AccountFiring(
            summary: "fires with 2 accounts within 5 s, 11 times; 0.09 expected (a time pairs one of its 40 firings with one of a partner's; a firing can meet several partners)",
            partners: [FiringPartner(account: 1, id: accounts[1].id, cluster: 1, together: 9, expected: 0.035, bits: 61.7, windowSeconds: 5),
                       FiringPartner(account: 2, id: accounts[2].id, cluster: 2, together: 2, expected: 0.052, bits: 9.4, windowSeconds: 45)])
    }

    func valueText(_ kind: LinkKind, _ value: Int32) -> String {
        switch kind {
        case .payment: return "pf_77aa"
        case .ip: return "203.0.113.7"
        case .template: return "tf-77"
        default: return "AS16509"
        }
    }

    func accountIndex(_ id: String) -> Int? { accounts.firstIndex { $0.id == id } }

    func valueID(_ kind: LinkKind, _ text: String) -> Int32? { text == valueText(kind, 0) ? 0 : nil }

    /// False as for an engine's compacted pool whose lookup table is not rebuilt yet.
    var lookupReady = true
    func valueLookupIsReady(_ kind: LinkKind) -> Bool { lookupReady }

    func accountIDs(prefix: String, limit: Int) -> [String] {
        Array(accounts.map(\.id).filter { $0.hasPrefix(prefix) }.prefix(limit))
    }
}

extension Step {
    /// This step followed by `actions`: the state after them, and this step's effects then
    /// theirs, in order (what the runner would have performed).
    func then(_ actions: [Action]) -> Step {
        actions.reduce(self) { done, action in
            let next = AppUpdate.update(done.state, action)
            return Step(state: next.state, effects: done.effects + next.effects)
        }
    }

    /// This step followed by `keys`.
    func pressing(_ keys: Key...) -> Step { then(keys.map { .key($0) }) }

    /// This step followed by typing `text`, one key a character.
    func typing(_ text: String) -> Step { then(text.map { .key(.char($0)) }) }
}

/// Helpers for building states and frames in tests.
enum Fixture {
    /// The fixture with c1's two members both rated as c1 (0.91): `T` on c1 then asks nothing.
    static func evenModel() -> FixtureModel {
        let model = FixtureModel()
        model.accounts[1].risk = 0.91
        return model
    }

    static func loadedState(size: TerminalSize = TerminalSize(rows: 24, cols: 80),
                            model: FixtureModel = FixtureModel()) -> AppState {
        var state = AppState()
        state.size = size
        return AppUpdate.update(state, .loaded(ConsoleData(model: model))).state
    }

    static func press(_ state: AppState, _ keys: Key...) -> AppState {
        keys.reduce(state) { AppUpdate.update($0, .key($1)).state }
    }

    /// The state after `keys`, and every effect they asked for, in order.
    static func step(_ state: AppState, _ keys: Key...) -> Step {
        Step(state: state, effects: []).then(keys.map { .key($0) })
    }

    /// Three hand-made stored cases, newest first; the middle one is open and the newest has a
    /// hostile title.
    static let cases = [
        CaseListEntry(id: "case-0003", status: "triage", title: "refund ring \u{1B}[2J \u{202E}gnp.exe"),
        CaseListEntry(id: "case-0002", status: "open", title: "Hydra payment cluster"),
        CaseListEntry(id: "case-0001", status: "closed", title: "console hydra"),
    ]

    /// `c` pressed on `state` with case-0002 open, and the runner's answer to `.listCases`.
    static func casePicker(_ state: AppState) -> AppState {
        casePickerStep(state).state
    }

    /// `casePicker`, with the effects of getting there (`.listCases`).
    static func casePickerStep(_ state: AppState) -> Step {
        var s = state
        s.caseState.id = "case-0002"
        s.caseState.title = "Hydra payment cluster"
        return step(s, .char("c")).then([.casesListed(cases)])
    }

    /// Performs the `:pivot` scans a step asked for, as the runner does, and applies their results.
    static func scanned(_ step: Step) -> AppState {
        var s = step.state
        for case .scanValues(let kind, let text, let generation) in step.effects {
            let model = s.data!.model
            if let id = model.valueID(kind, text) {
                s = AppUpdate.update(s, .valuesFound(generation: generation, ids: [id], total: 1, exact: true)).state
            } else {
                let found = model.values(kind, containing: text, limit: AppUpdate.pivotChoices)
                s = AppUpdate.update(s, .valuesFound(generation: generation, ids: found.ids, total: found.total)).state
            }
        }
        return s
    }

    static func frame(_ state: AppState, glyphs: Glyphs = .unicode) -> [String] {
        RootView.render(state, size: state.size, glyphs: glyphs).lines()
    }
}
