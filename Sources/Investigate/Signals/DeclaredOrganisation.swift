/// What a declared organisation explains.
///
/// Accounts that openly declare one `org_id` are expected to share a payer (the organisation's
/// invoice or card) and to be created together (an onboarding, a course's first week). For them
/// those ties are not evidence of a concealed ring, so the signals that read them leave them out
/// and say so. What the accounts then do (their prompts, what they take away, their timing) is
/// judged as anyone's, so a ring that declares an organisation to hide behind still shows its
/// harvesting.
enum DeclaredOrganisation {
    /// The organisation every holder of a payment instrument declares, or nil when a holder
    /// declares none or another one (across the whole population, not the cluster alone).
    static func payer(_ instrument: Int32, index: LinkIndex) -> Int32? {
        let orgs = index.data.accounts.org
        var org: Int32 = -1
        for account in index.accounts(sharing: .payment, value: instrument) {
            let declared = orgs[Int(account)]
            if declared < 0 || (org >= 0 && declared != org) { return nil }
            org = declared
        }
        return org >= 0 ? org : nil
    }

    /// Members' creation times (sorted), with the members of each organisation that two or more
    /// of them declare counted once, at the organisation's first creation; and how many members
    /// were folded that way.
    static func creationUnits(_ members: [Int32], data: CaseData) -> (times: [Int64], folded: Int) {
        let created = data.accounts.createdAt, orgs = data.accounts.org
        var declaring: [Int32: Int] = [:]
        for m in members where created[Int(m)] != .min && orgs[Int(m)] >= 0 { declaring[orgs[Int(m)], default: 0] += 1 }
        var first: [Int32: Int64] = [:]
        var times: [Int64] = []
        var folded = 0
        for m in members {
            let time = created[Int(m)], org = orgs[Int(m)]
            guard time != .min else { continue }
            if org >= 0, declaring[org, default: 0] >= 2 {
                first[org] = min(first[org] ?? time, time)
                folded += 1
            } else {
                times.append(time)
            }
        }
        times.append(contentsOf: first.values)
        return (times.sorted(), folded)
    }
}
