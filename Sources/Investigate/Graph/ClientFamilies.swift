import Synchronization

/// The client family of each account that sends a client string of its own (`LinkKind.clientFamily`).
///
/// A ring that tags its client per account (`ringbot/2.0 sess/a81f`, `ringbot/2.0 sess/77c0`)
/// gives every member a client string no other account sends, and so nothing to link on: a trial
/// split a hydra ring so. The product it starts with (the text before the first space,
/// `ringbot/2.0`) is still one: accounts whose one-account client strings start with the same
/// product share its family, weighed like any value by how many accounts hold it.
///
/// A ring that varies the product itself (`ringbot/2.0-a81f worker`), puts its tag first
/// (`a81f ringbot/2.0`) or tags a product strangers use as it comes (`python-requests/2.32.3
/// sess/a81f`) has no product of its own; its strings still share a **shape** (`ClientShape`): the
/// string with every id in it written `#` (`ringbot/2.0-# worker`). Versions stay as they are:
/// strangers on different versions of one product (`browser/17`, `browser/23`) share no shape. A
/// one-account string whose product makes no family joins its shape's family instead (never
/// both: one string, one family).
///
/// A family is kept only where more accounts send one-account strings of its product (or shape)
/// than send its strings that two or more accounts share (`isFamily`): a product most of whose
/// users share its plain or suffixed string (`python-requests/2.31.0`, a browser's `Mozilla/5.0`)
/// is used by strangers as it comes, and its one-account variants (a rare browser build) say
/// nothing of who sent them; its holders are the accounts sending the one-account strings. A
/// family needs two or more holders, so an account's own tool (`mytool/0.1 (contact ...)`,
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
        Array(canonical(value, pool: pool, keys: keys).prefix { $0 != 0x20 })
    }

    /// Whether a client link key belongs to the family `family` (its product or its shape).
    static func belongs(_ value: Int32, to family: [UInt8], in data: CaseData) -> Bool {
        let text = canonical(value, pool: data.pools.userAgents, keys: data.userAgentKeys)
        return Array(text.prefix { $0 != 0x20 }) == family || ClientShape.of(text) == family
    }

    /// Whether a family is a shape (`ClientShape`) rather than a product: none of its first
    /// holder's client strings starts with its text.
    static func isShape(_ family: Int32, index: LinkIndex) -> Bool {
        let text = index.data.pools.clientFamilies.bytes(family)
        guard let holder = index.accounts(sharing: .clientFamily, value: family).first else { return false }
        return !index.values(of: Int(holder), kind: .userAgent).contains { product(of: $0, in: index.data) == text }
    }

    private static func canonical(_ value: Int32, pool: StringPool, keys: SpellingKeys) -> [UInt8] {
        pool.withSpan(value) { bytes in keys.canonical(bytes) ?? ByteCompare.array(bytes) }
    }

    /// Per family key: how many accounts send its client strings that two or more accounts send
    /// (an account counted once for each such string), and its one-account strings.
    private struct KeyUse {
        var sharedHolders = 0
        var single: [Int32] = []
    }

    /// Whether a key's one-account strings make a family: two or more accounts send them, and
    /// more than send its shared strings. A product or shape most of whose users send one string
    /// between them is used as it comes (`python-requests/2.31.0`); a tool tagging each account's
    /// string stays one when a member copies a fellow's string (a trial dropped a family so, with
    /// one copied query, while every shared string vetoed it).
    private static func isFamily(_ use: KeyUse, _ clients: Adjacency) -> Bool {
        guard use.single.count >= 2, use.single.count > use.sharedHolders else { return false }
        let holders = distinctHolders(use.single, clients)
        return holders >= 2 && holders > use.sharedHolders
    }

    /// The (account, family) pairs, in account order, from the client link keys' adjacency.
    /// - Complexity: O(client strings × their lengths + the one-account strings' holders).
    static func pairs(data: CaseData, clients: Adjacency) -> LinkPairs.Pairs {
        let pool = data.pools.userAgents
        let keys = data.userAgentKeys
        var products: [[UInt8]: KeyUse] = [:], shapes: [[UInt8]: KeyUse] = [:]
        var shapeOf: [Int32: [UInt8]] = [:]
        for raw in 0..<pool.count {
            let value = Int32(raw)
            guard keys.key(value) == value else { continue }
            let holders = clients.accountCount(of: value)
            guard holders > 0 else { continue }
            let text = canonical(value, pool: pool, keys: keys)
            let product = Array(text.prefix { $0 != 0x20 })
            guard !product.isEmpty else { continue }
            let shape = ClientShape.of(text)
            if holders >= 2 {
                products[product, default: KeyUse()].sharedHolders += holders
                shapes[shape, default: KeyUse()].sharedHolders += holders
            } else {
                products[product, default: KeyUse()].single.append(value)
                shapeOf[value] = shape
            }
        }
        // One string, one family: its product's when that makes one, else its shape's.
        var kept: [[UInt8]: [Int32]] = [:]
        for (product, use) in products {
            if isFamily(use, clients) {
                kept[product] = use.single
            } else {
                for value in use.single { shapes[shapeOf[value]!, default: KeyUse()].single.append(value) }
            }
        }
        for (shape, use) in shapes where isFamily(use, clients) {
            // A shape equal to a product's text (a string with no id and no space) joins it.
            kept[shape, default: []].append(contentsOf: use.single)
        }
        guard !kept.isEmpty else { return LinkPairs.Pairs() }
        var byAccount: [(account: Int32, family: Int32)] = []
        poolLock.withLock { _ in
            // Interned in byte order, so ids do not depend on the dictionaries' order.
            for (family, values) in kept.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                var holders = Set<Int32>()
                for value in values { holders.formUnion(clients.accounts(of: value)) }
                guard holders.count >= 2 else { continue }
                let id = data.pools.clientFamilies.intern(family.span, hash: ByteHash.hash(family))
                for account in holders { byAccount.append((account, id)) }
            }
        }
        byAccount.sort { ($0.account, $0.family) < ($1.account, $1.family) }
        var out = LinkPairs.Pairs()
        for (i, pair) in byAccount.enumerated() where i == 0 || byAccount[i - 1] != pair { out.add(pair.account, pair.family) }
        return out
    }

    /// How many accounts send the one-account strings `values`.
    private static func distinctHolders(_ values: [Int32], _ clients: Adjacency) -> Int {
        var holders = Set<Int32>()
        for value in values { holders.formUnion(clients.accounts(of: value)) }
        return holders.count
    }
}

extension LinkIndex {
    /// The client family a client link value belongs to (its product's or its shape's), as one
    /// of the first 64 of its holders holds it; nil when none does (`pivot client_family` given
    /// a whole client string names its family).
    public func clientFamily(ofClient client: Int32) -> Int32? {
        for holder in accounts(sharing: .userAgent, value: client).prefix(64) {
            for family in values(of: Int(holder), kind: .clientFamily)
            where ClientFamilies.belongs(client, to: data.pools.clientFamilies.bytes(family), in: data) {
                return family
            }
        }
        return nil
    }
}
