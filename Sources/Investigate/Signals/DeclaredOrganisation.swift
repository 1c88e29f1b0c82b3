/// What a declared organisation explains.
///
/// Accounts that openly declare one `org_id` are expected to share a payer (the organisation's
/// invoice or card) and to be created together (an onboarding, a course's first week); so are
/// accounts on one academic mail domain (`.edu`, `.ac.`), which the institution issues, not the
/// account holder (it is not a payer: it pays for nothing). For them
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

    /// The institution an account declares: its organisation, else its academic mail domain
    /// (as a negative key, so the two never collide), else nil.
    static func institution(_ account: Int, data: CaseData, academic: (Int32) -> Bool) -> Int64? {
        let org = data.accounts.org[account]
        if org >= 0 { return Int64(org) }
        let domain = data.accounts.emailDomain[account]
        if domain >= 0 && academic(domain) { return -1 - Int64(domain) }
        return nil
    }

    /// Members' creation times (sorted), with the members of each institution (`institution`)
    /// that two or more of them declare counted once, at its first creation; and how many
    /// members were folded that way.
    static func creationUnits(_ members: [Int32], data: CaseData) -> (times: [Int64], folded: Int) {
        let created = data.accounts.createdAt
        var academicDomains: [Int32: Bool] = [:]
        func academic(_ domain: Int32) -> Bool {
            if let known = academicDomains[domain] { return known }
            let verdict = FreeMail.isAcademic(data.pools.emailDomains.string(domain))
            academicDomains[domain] = verdict
            return verdict
        }
        var declared: [Int64?] = []
        var declaring: [Int64: Int] = [:]
        for m in members {
            let key = created[Int(m)] == .min ? nil : institution(Int(m), data: data, academic: academic)
            declared.append(key)
            if let key { declaring[key, default: 0] += 1 }
        }
        var first: [Int64: Int64] = [:]
        var times: [Int64] = []
        var folded = 0
        for (m, key) in zip(members, declared) {
            let time = created[Int(m)]
            guard time != .min else { continue }
            if let org = key, declaring[org, default: 0] >= 2 {
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
