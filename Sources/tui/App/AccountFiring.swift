import Investigate

/// Who an account fires with (its timing pane, the CLI `account`'s `timing:` and `sittings:`):
/// the summary lines and every partner whose co-firing is surprising or with whom it keeps
/// sittings beyond chance (the same clock hours, day after day: a relay's crew), one row each
/// with the figures that say more, most bits first.
struct AccountFiring: Hashable, Sendable {
    /// `fires with 12 accounts within 5 s, 41 times; 0.17 expected (...)`, then `sits with ...`
    /// on a line of its own.
    var summary: String
    var partners: [FiringPartner]

    /// For a model that knows no query times.
    static let unknown = AccountFiring(summary: "no query times to compare", partners: [])
}

/// One account fired with: how often (bursts paired one to one), how often by chance, and bits.
struct FiringPartner: Hashable, Sendable {
    var account: Int
    var id: String
    /// The partner's cluster (`c3` is 3), nil when not known.
    var cluster: Int?
    var together: Int
    var expected: Double
    var bits: Double
    /// The co-firing scale the figures are for, in seconds (the window, or a wider scale when
    /// that one surprises more: `CoActivity.coFiring`), so partners at 5 s and 135 s read apart.
    var windowSeconds: Int = 0
    /// The figures are shared clock hours (`together` hours both were active in), not firings.
    var sittings = false
}

extension EngineModel {
    /// Builds an account's firing partners from the engine (`CoActivity.partners`: the first
    /// call of a session puts every burst of the population in time order, O(queries), so it is
    /// built off the input path; later calls read only the account's bursts and those near them),
    /// and its sittings partners (`CoActivity.sittingPartners`: one pass over every account's
    /// bursts, O(queries)).
    func buildFiring(_ account: Int) -> AccountFiring {
        let inv = investigation
        let firing = inv.coActivity.partners(of: account, accountCount: data.accountCount)
        let sitting = inv.coActivity.sittingPartners(of: account, accountCount: data.accountCount)
        func partner(_ other: Int, _ figures: CoFiring) -> FiringPartner {
            FiringPartner(account: other, id: accountID(other), cluster: Int(inv.clusterOfAccount[other]) + 1,
                          together: figures.together, expected: figures.expected, bits: figures.bits,
                          windowSeconds: figures.windowSeconds, sittings: figures.sittings)
        }
        // One row a partner, with the figures that say more (as `why` reads a pair), most bits first.
        var best: [Int: CoFiring] = [:]
        for (other, figures) in firing.partners.map({ ($0.account, $0.firing) }) + sitting.partners.map({ ($0.account, $0.sittings) })
        where best[other].map({ figures.bits > $0.bits }) ?? true {
            best[other] = figures
        }
        let rows = best.sorted { ($0.value.bits, $1.key) > ($1.value.bits, $0.key) }
        return AccountFiring(summary: firing.summary + "\n" + sitting.summary, partners: rows.map { partner($0.key, $0.value) })
    }
}
