import Investigate

/// The risk-breakdown pane (Tab on a cluster or an account): its keys act on the pane, never on
/// the table hidden behind it. Enter reads the whole breakdown as a record, with every signal's
/// full reason (the pane cuts them to the screen's width).
extension AppUpdate {
    /// True when the current sheet shows its risk breakdown.
    static func showsRiskPane(_ s: AppState) -> Bool {
        switch s.current.kind {
        case .cluster: return s.current.pane == 2
        case .account: return s.current.pane == 1
        default: return false
        }
    }

    /// Keys on the risk-breakdown pane. False for commands that are not about rows (run as usual).
    static func handleRiskPane(_ s: inout AppState, _ id: CommandID) -> Bool {
        switch id {
        case .open:
            guard let record = riskRecord(s) else { s.status = notLoaded(s); return true }
            s.overlay = .record(record)
            s.status = "record: j/k scroll, Esc closes"
            return true
        case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom, .mark, .markAll, .invertMarks, .copyID, .compare:
            s.status = "the risk breakdown: Enter reads it whole; Tab goes to the next pane"
            return true
        default:
            return false
        }
    }

    /// The breakdown of the current cluster or account as a record: one field per signal.
    static func riskRecord(_ s: AppState) -> RecordView? {
        guard let model = s.data?.model else { return nil }
        let title: String
        let signals: [SignalRow]
        let formula: String
        var unread: String?
        switch s.current.kind {
        case .cluster(let n):
            guard let cluster = model.cluster(n) else { return nil }
            title = "risk breakdown of cluster c\(n)"
            signals = cluster.signals
            formula = RiskFormula.cluster(signals, risk: cluster.risk)
            unread = cluster.unreadNote
        case .account(let a):
            guard let account = model.account(a) else { return nil }
            // The signals are the cluster's; the account's own part is its weight (the last field).
            title = "risk breakdown of account \(account.id): its cluster's signals, then its own weight"
            signals = account.signals
            formula = riskFormula(model, account)
            unread = account.cluster.flatMap { model.cluster($0)?.unreadNote }
        default:
            return nil
        }
        guard !signals.isEmpty else {
            return RecordView(title: title, fields: [RecordField("signals", unread ?? "no signal fired"), RecordField("= risk", formula)])
        }
        return RecordView(title: title, fields: signals.map(riskField) + [RecordField("= risk", formula)])
    }

    /// One signal's field of the breakdown: `+0.45 (value 1, population under 0.01)`, then why.
    static func riskField(_ signal: SignalRow) -> RecordField {
        RecordField(
            signal.name,
            "\(SignalText.contribution(signal.contribution)) (value \(SignalText.figure(signal.value)), "
                + "\(SignalText.baselineLabel(signal.name, otherwise: "population")) \(SignalText.baseline(signal.name, signal.baseline)))\n\(signal.explanation)")
    }

    /// How an account's breakdown makes its risk (its cluster's risk, weighted); `short`: the
    /// sums alone (`RiskFormula.accountShort`), for the pane's line where the whole is cut.
    static func riskFormula(_ model: any ConsoleModel, _ account: AccountDetail, short: Bool = false) -> String {
        let clusterRisk = account.cluster.flatMap { model.cluster($0)?.risk } ?? account.risk
        return (short ? RiskFormula.accountShort : RiskFormula.account)(
            account.signals, clusterRisk, account.risk, account.riskWeight)
    }
}
