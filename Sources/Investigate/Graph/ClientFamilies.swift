import Synchronization

/// The client family of each account that sends a client string of its own (`LinkKind.clientFamily`).
///
/// A ring that tags its client per account (`ringbot/2.0 sess/a81f`, `ringbot/2.0 sess/77c0`)
/// gives every member a client string no other account sends, and so nothing to link on: a trial
/// split a hydra ring so. The product it starts with (the text before the first space,
/// `ringbot/2.0`) is still one: accounts whose one-account client strings start with the same
/// product share its family, weighed like any value by how many accounts hold it.
///
/// A family is kept only where every client string starting with its product is sent by one
/// account: a product whose plain or suffixed string two accounts share (`python-requests/2.31.0`,
/// a browser's `Mozilla/5.0`) is used by strangers as it comes, and its one-account variants (a
/// rare browser build) say nothing of who sent them. A string without a space is its own product,
/// and a family needs two or more holders, so an account's own tool (`mytool/0.1 (contact ...)`,
/// alone) holds none. Only families of two or more accounts are interned
/// (`ValuePools.clientFamilies`).
enum ClientFamilies {
    /// Serialises interning into the shared pool (an index built twice over one source, as tests
    /// do, interns the same families again).
    private static let poolLock = Mutex(())

    /// The product a client link key starts with: its canonical text up to the first space.
    static func product(of value: Int32, in data: CaseData) -> [UInt8] {
        product(of: value, pool: data.pools.userAgents, keys: data.userAgentKeys)
    }

    static func product(of value: Int32, pool: StringPool, keys: SpellingKeys) -> [UInt8] {
        pool.withSpan(value) { bytes in
            let text = keys.canonical(bytes) ?? ByteCompare.array(bytes)
            return Array(text.prefix { $0 != 0x20 })
        }
    }

    /// The (account, family) pairs, in account order, from the client link keys' adjacency.
    /// - Complexity: O(client strings × their lengths + the one-account strings' holders).
    static func pairs(data: CaseData, clients: Adjacency) -> LinkPairs.Pairs {
        let pool = data.pools.userAgents
        let keys = data.userAgentKeys
        // Per product: whether a shared client string starts with it, and its one-account strings.
        var products: [[UInt8]: (shared: Bool, single: [Int32])] = [:]
        for raw in 0..<pool.count {
            let value = Int32(raw)
            guard keys.key(value) == value else { continue }
            let holders = clients.accountCount(of: value)
            guard holders > 0 else { continue }
            let product = Self.product(of: value, pool: pool, keys: keys)
            guard !product.isEmpty else { continue }
            if holders >= 2 {
                products[product, default: (false, [])].shared = true
            } else {
                products[product, default: (false, [])].single.append(value)
            }
        }
        var byAccount: [(account: Int32, family: Int32)] = []
        let kept = products.filter { !$0.value.shared && $0.value.single.count >= 2 }
        guard !kept.isEmpty else { return LinkPairs.Pairs() }
        poolLock.withLock { _ in
            // Interned in byte order, so ids do not depend on the dictionary's order.
            for (product, entry) in kept.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                var holders = Set<Int32>()
                for value in entry.single { holders.formUnion(clients.accounts(of: value)) }
                guard holders.count >= 2 else { continue }
                let id = data.pools.clientFamilies.intern(product.span, hash: ByteHash.hash(product))
                for account in holders { byAccount.append((account, id)) }
            }
        }
        byAccount.sort { ($0.account, $0.family) < ($1.account, $1.family) }
        var out = LinkPairs.Pairs()
        for (i, pair) in byAccount.enumerated() where i == 0 || byAccount[i - 1] != pair { out.add(pair.account, pair.family) }
        return out
    }
}
