import Investigate

/// The account sheet's timing pane (its third, Tab): who the account fires with, a partner a
/// line, with its own cursor: j/k move, Enter opens the partner, `y` copies its id. Built off
/// the input path (`Effect.readFiring`); the pane says so while it is.
extension AppUpdate {
    /// The pane number of the account sheet's timing pane.
    static let firingPane = 2

    /// True when the current sheet shows an account's timing pane.
    static func showsFiringPane(_ s: AppState) -> Bool {
        if case .account = s.current.kind { return s.current.pane == firingPane }
        return false
    }

    /// Asks for the account's partners to be built when the pane opens and they are not yet.
    static func requestFiring(_ s: AppState, _ effects: inout [Effect]) {
        guard showsFiringPane(s), case .account(let a) = s.current.kind, let model = s.data?.model,
              model.firing(a, build: false) == nil
        else { return }
        effects.append(.readFiring(account: a))
    }

    /// Keys on the timing pane. False for commands that are not about its rows (run as usual).
    static func handleFiringPane(_ s: inout AppState, _ effects: inout [Effect], _ id: CommandID, account: Int) -> Bool {
        guard let firing = s.data?.model.firing(account, build: false) else {
            switch id {
            case .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom, .open, .mark, .copyID, .compare:
                s.status = "still reading who this account fires with"
                return true
            default:
                return false
            }
        }
        let page = max(1, ViewLayout.tableHeight(s.current.kind, s.size) - 3)
        if movePaneCursor(&s, id, count: firing.partners.count, page: page) { return true }
        let partner = firing.partners.dropFirst(s.current.paneCursor).first
        switch id {
        case .open:
            guard let partner else { s.status = "no account fires with this one more often than chance"; return true }
            push(&s, &effects, .account(partner.account))
            return true
        case .copyID:
            guard let partner, let model = s.data?.model else { s.status = "nothing to copy"; return true }
            copy(&s, &effects, key: MarkKey.account(model.exactAccountID(partner.account)), shown: partner.id)
            return true
        case .mark, .markAll, .invertMarks, .compare:
            s.status = "who it fires with: Enter opens the account (mark it there); Tab: next pane"
            return true
        case .tag:
            // `t` tags rows of a table; this pane's rows are not one, and the table's selected
            // row is out of sight (a trial's `t` here offered to tag a subnet it could not see).
            s.status = "who it fires with: Enter opens the account (tag it there); Tab: next pane"
            return true
        default:
            return false
        }
    }
}
