/// Produces the distinct (account, value) pairs of each link kind from a loaded case source.
struct LinkPairs {
    /// Parallel arrays of account and value ids, unique pairs.
    struct Pairs {
        var accounts: [Int32] = []
        var values: [Int32] = []

        mutating func add(_ account: Int32, _ value: Int32) {
            accounts.append(account)
            values.append(value)
        }
    }

    let data: CaseData

    /// The pairs of a kind (`.template` pairs are the families', none when not given).
    func pairs(for kind: LinkKind, families: TemplateFamilies?) -> Pairs {
        switch kind {
        case .payment: return paymentPairs()
        case .ip, .subnet, .asn, .userAgent, .apiKey: return contextPairs(kind)
        case .emailDomain: return column(data.accounts.emailDomain)
        case .org: return column(data.accounts.org)
        case .template: return families?.pairs() ?? Pairs()
        case .modelMix: return ModelMixPairs(data: data).pairs()
        case .mailbox:
            let found = MailboxPairs(data: data).pairs()
            data.mailboxesUnread.store(found.unread, ordering: .relaxed)
            return found.pairs
        case .clientFamily:
            // From the clients' adjacency: `LinkIndex` passes the one it built.
            let clients = Adjacency(pairs: contextPairs(.userAgent), accountCount: data.accountCount, valueCount: data.pools.userAgents.count)
            return ClientFamilies.pairs(data: data, clients: clients)
        case .question:
            // Found from the prompt sketches with the families (`SharedQuestions`), which
            // `LinkIndex` takes from them.
            return families?.questionPairs ?? Pairs()
        case .upstream:
            var out = Pairs()
            for row in 0..<data.upstream.count {
                out.add(data.upstream.accountA[row], Int32(row))
                if data.upstream.accountB[row] != data.upstream.accountA[row] { out.add(data.upstream.accountB[row], Int32(row)) }
            }
            return out
        }
    }

    private func column(_ values: [Int32]) -> Pairs {
        var out = Pairs()
        for (account, value) in values.enumerated() where value >= 0 { out.add(Int32(account), value) }
        return out
    }

    private func paymentPairs() -> Pairs {
        var perAccount = [[Int32]](repeating: [], count: data.accountCount)
        for (account, value) in data.accounts.payment.enumerated() where value >= 0 { perAccount[account].append(value) }
        for row in 0..<data.payments.count {
            perAccount[Int(data.payments.account[row])].append(data.payments.fingerprint[row])
        }
        var out = Pairs()
        for (account, values) in perAccount.enumerated() {
            for value in Set(values).sorted() { out.add(Int32(account), value) }
        }
        return out
    }

    /// The kinds read from query contexts (and, for IPs and subnets, the signup IP).
    static let contextKinds: [LinkKind] = [.ip, .subnet, .asn, .userAgent, .apiKey]

    /// Values seen in an account's queries (and, for IPs and subnets, its signup IP), IPs and
    /// clients by their link keys (`CaseData.ipKeys`, `userAgentKeys`).
    private func contextPairs(_ kind: LinkKind) -> Pairs { contextPairs([kind])[0] }

    /// The pairs of several context kinds (`contextKinds`) in one pass over the queries: each
    /// account's distinct contexts are found once, then read for every kind.
    func contextPairs(_ kinds: [LinkKind]) -> [Pairs] {
        let contexts = data.queries.contexts
        let queries = data.queries
        var out = [Pairs](repeating: Pairs(), count: kinds.count)
        // One stamp array for all kinds, each kind's values from its own offset.
        var offset = [Int](repeating: 0, count: kinds.count + 1)
        for (k, kind) in kinds.enumerated() { offset[k + 1] = offset[k] + max(1, data.pools.pool(for: kind)!.count) }
        var stamp = [Int32](repeating: -1, count: offset[kinds.count])
        var contextStamp = [Int32](repeating: -1, count: max(1, contexts.count))
        var distinct: [Int32] = []
        var found: [Int32] = []
        // An IP written two ways is one address, a client string with invisible characters the
        // client without them (`SpellingKeys`): each links under its key.
        let ipKeys = kinds.contains(.ip) ? data.ipKeys : nil
        let userAgentKeys = kinds.contains(.userAgent) ? data.userAgentKeys : nil
        for account in 0..<data.accountCount {
            let a = Int32(account)
            distinct.removeAll(keepingCapacity: true)
            for i in queries.accountStart[account]..<queries.accountStart[account + 1] {
                let context = queries.context[i]
                if contextStamp[Int(context)] == a { continue }
                contextStamp[Int(context)] = a
                distinct.append(context)
            }
            for (k, kind) in kinds.enumerated() {
                found.removeAll(keepingCapacity: true)
                let base = offset[k]
                func note(_ value: Int32) {
                    guard value >= 0, stamp[base + Int(value)] != a else { return }
                    stamp[base + Int(value)] = a
                    found.append(value)
                }
                func value(ofIP ip: Int32) -> Int32 { kind == .subnet ? (ip >= 0 ? data.ipSubnet[Int(ip)] : -1) : ipKeys!.key(ip) }
                if kind == .ip || kind == .subnet { note(value(ofIP: data.accounts.signupIP[account])) }
                for context in distinct {
                    switch kind {
                    case .ip, .subnet: note(value(ofIP: contexts.ip[Int(context)]))
                    case .asn: note(contexts.asn[Int(context)])
                    case .userAgent: note(userAgentKeys!.key(contexts.userAgent[Int(context)]))
                    case .apiKey: note(contexts.apiKey[Int(context)])
                    default: break
                    }
                }
                found.sort()
                for value in found { out[k].add(a, value) }
            }
        }
        return out
    }
}
