import Investigate

/// Who an account fires with (its timing pane, the CLI `account`'s `timing:`): the summary line
/// and every partner whose co-firing is surprising, most bits first.
struct AccountFiring: Hashable, Sendable {
    /// `fires with 12 accounts within 5 s, 41 times; 0.17 expected (...)`.
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
}

extension EngineModel {
    /// Builds an account's firing partners from the engine (`CoActivity.partners`: the first
    /// call of a session puts every burst of the population in time order, O(queries), so it is
    /// built off the input path; later calls read only the account's bursts and those near them).
    func buildFiring(_ account: Int) -> AccountFiring {
        let inv = investigation
        let firing = inv.coActivity.partners(of: account, accountCount: data.accountCount)
        return AccountFiring(summary: firing.summary, partners: firing.partners.map { partner in
            FiringPartner(account: partner.account, id: accountID(partner.account),
                          cluster: Int(inv.clusterOfAccount[partner.account]) + 1, together: partner.firing.together,
                          expected: partner.firing.expected, bits: partner.firing.bits,
                          windowSeconds: partner.firing.windowSeconds)
        })
    }
}
