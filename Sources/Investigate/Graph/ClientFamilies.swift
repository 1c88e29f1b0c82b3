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
/// sess/a81f`) has no product of its own; its strings still share a **shape**: the string with
/// every run of letters and digits that reads as an id (letters and digits mixed, four hex letters
/// or more, five digits or more) written `#` (`ringbot/2.0-# worker`). Versions stay as they are:
/// strangers on different versions of one product (`browser/17`, `browser/23`) share no shape. A
/// one-account string whose product makes no family joins its shape's family instead (never
/// both: one string, one family).
///
/// A family is kept only where every client string of its product (or shape) is sent by one
/// account: a product whose plain or suffixed string two accounts share (`python-requests/2.31.0`,
/// a browser's `Mozilla/5.0`) is used by strangers as it comes, and its one-account variants (a
/// rare browser build, whose shape the common builds share) say nothing of who sent them. A
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

    /// The shape of a client link key: its canonical text with each run of ASCII letters and
    /// digits that reads as an id (`isIdentifier`) replaced by one `#` (`aiohttp/3.9.5-27f85d
    /// worker` -> `aiohttp/3.9.5-# worker`).
    static func shape(of value: Int32, in data: CaseData) -> [UInt8] {
        shape(canonical(value, pool: data.pools.userAgents, keys: data.userAgentKeys))
    }

    /// `bytes` with each run of ASCII letters and digits that reads as an id replaced by `#`.
    static func shape(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard isAlphanumeric(bytes[i]) else {
                out.append(bytes[i])
                i += 1
                continue
            }
            var j = i, digit = false, letter = false, hex = true
            while j < bytes.count && isAlphanumeric(bytes[j]) {
                if bytes[j] >= 0x30 && bytes[j] <= 0x39 { digit = true } else { letter = true }
                if bytes[j] > 0x39 && (bytes[j] | 0x20) > 0x66 { hex = false }
                j += 1
            }
            if isIdentifier(length: j - i, digit: digit, letter: letter, hex: hex) {
                out.append(0x23)
            } else {
                out.append(contentsOf: bytes[i..<j])
            }
            i = j
        }
        return out
    }

    /// Whether a client link key belongs to the family `family` (its product or its shape).
    static func belongs(_ value: Int32, to family: [UInt8], in data: CaseData) -> Bool {
        let text = canonical(value, pool: data.pools.userAgents, keys: data.userAgentKeys)
        return Array(text.prefix { $0 != 0x20 }) == family || shape(text) == family
    }

    /// Whether a family is a shape (`shape(_:)`) rather than a product: none of its first
    /// holder's client strings starts with its text.
    static func isShape(_ family: Int32, index: LinkIndex) -> Bool {
        let text = index.data.pools.clientFamilies.bytes(family)
        guard let holder = index.accounts(sharing: .clientFamily, value: family).first else { return false }
        return !index.values(of: Int(holder), kind: .userAgent).contains { product(of: $0, in: index.data) == text }
    }

    /// Whether a run of letters and digits reads as an id: digits and letters mixed (`27f85d`,
    /// `k3x9q2`), four hex letters or more (`dddf`, a hex id without a digit), or five digits or
    /// more (`482913`). A version's numbers (`3.9.5`, `120.0.6099.109`) stay: strangers run
    /// different versions of one product, and a number that differs between them is no tag.
    @inline(__always)
    private static func isIdentifier(length: Int, digit: Bool, letter: Bool, hex: Bool) -> Bool {
        (digit && letter) || (letter && hex && length >= 4) || (!letter && length >= 5)
    }

    @inline(__always)
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
    }

    private static func canonical(_ value: Int32, pool: StringPool, keys: SpellingKeys) -> [UInt8] {
        pool.withSpan(value) { bytes in keys.canonical(bytes) ?? ByteCompare.array(bytes) }
    }

    /// Per family key: whether a client string held by two or more accounts has it, and the
    /// one-account strings that have it.
    private typealias Keyed = [[UInt8]: (shared: Bool, single: [Int32])]

    /// The (account, family) pairs, in account order, from the client link keys' adjacency.
    /// - Complexity: O(client strings × their lengths + the one-account strings' holders).
    static func pairs(data: CaseData, clients: Adjacency) -> LinkPairs.Pairs {
        let pool = data.pools.userAgents
        let keys = data.userAgentKeys
        var products: Keyed = [:], shapes: Keyed = [:]
        var shapeOf: [Int32: [UInt8]] = [:]
        for raw in 0..<pool.count {
            let value = Int32(raw)
            guard keys.key(value) == value else { continue }
            let holders = clients.accountCount(of: value)
            guard holders > 0 else { continue }
            let text = canonical(value, pool: pool, keys: keys)
            let product = Array(text.prefix { $0 != 0x20 })
            guard !product.isEmpty else { continue }
            let shape = Self.shape(text)
            if holders >= 2 {
                products[product, default: (false, [])].shared = true
                shapes[shape, default: (false, [])].shared = true
            } else {
                products[product, default: (false, [])].single.append(value)
                shapeOf[value] = shape
            }
        }
        // One string, one family: its product's when that makes one, else its shape's.
        var kept: [[UInt8]: [Int32]] = [:]
        for (product, entry) in products where !entry.shared {
            if entry.single.count >= 2 && distinctHolders(entry.single, clients) >= 2 {
                kept[product] = entry.single
            } else {
                for value in entry.single { shapes[shapeOf[value]!, default: (false, [])].single.append(value) }
            }
        }
        for (product, entry) in products where entry.shared {
            for value in entry.single { shapes[shapeOf[value]!, default: (false, [])].single.append(value) }
        }
        for (shape, entry) in shapes where !entry.shared && entry.single.count >= 2 {
            // A shape equal to a product's text (a string with no digit and no space) joins it.
            kept[shape, default: []].append(contentsOf: entry.single)
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
