/// The interning pools of one case source, one per kind of value.
///
/// An account's index equals its id in `accountIDs`; IPs from signups and queries share `ips`;
/// payment fingerprints from `accounts` and `payments` share `payments`.
public final class ValuePools: @unchecked Sendable {
    /// Account ids; pool id == account index.
    public let accountIDs = StringPool(expected: 1 << 12)
    /// IP addresses (signup and query).
    public let ips = StringPool(expected: 1 << 12)
    /// IPv4 /24 and IPv6 /48 networks, derived from `ips`.
    public let subnets = StringPool()
    /// ASNs, normalised to `AS<number>`.
    public let asns = StringPool()
    /// Client / SDK strings.
    public let userAgents = StringPool()
    /// Email domains, lowercased.
    public let emailDomains = StringPool()
    /// Organisation ids.
    public let orgs = StringPool()
    /// Payment fingerprints.
    public let payments = StringPool()
    /// API keys or key prefixes.
    public let apiKeys = StringPool()
    /// Model names.
    public let models = StringPool()
    /// Model mixes (`LinkKind.modelMix`), derived from `models` when the link index is built.
    public let modelMixes = StringPool()
    /// Mailboxes two or more accounts' emails deliver to (`LinkKind.mailbox`), found when the
    /// link index is built (`MailboxPairs`).
    public let mailboxes = StringPool()
    /// Client families (`LinkKind.clientFamily`), found when the link index is built
    /// (`ClientFamilies`).
    public let clientFamilies = StringPool()
    /// Questions two or more accounts sent (`LinkKind.question`), found with the template
    /// families (`SharedQuestions`).
    public let questions = StringPool()
    /// Upstream classifier categories.
    public let categories = StringPool()
    /// Small vocabularies: country, plan, status, payment kind, link kind, notes.
    public let labels = StringPool()
    /// Names of extra columns.
    public let extraKeys = StringPool()
    /// Values of extra columns.
    public let extraValues = StringPool()

    /// Creates empty pools.
    public init() {}

    /// The pool holding values of a link kind (nil for kinds whose values are computed ids).
    public func pool(for kind: LinkKind) -> StringPool? {
        switch kind {
        case .payment: return payments
        case .ip: return ips
        case .subnet: return subnets
        case .asn: return asns
        case .userAgent: return userAgents
        case .emailDomain: return emailDomains
        case .org: return orgs
        case .apiKey: return apiKeys
        case .modelMix: return modelMixes
        case .mailbox: return mailboxes
        case .clientFamily: return clientFamilies
        case .question: return questions
        case .template, .upstream: return nil
        }
    }

    /// Trims every pool to fit and drops their hash tables (`StringPool.compact()`); lookups
    /// rebuild a pool's table on first use. Call once the load is done, while no other thread
    /// uses the pools.
    public func compact() {
        for pool in all { pool.compact() }
    }

    private var all: [StringPool] {
        [
            accountIDs, ips, subnets, asns, userAgents, emailDomains, orgs, payments, apiKeys, models, modelMixes,
            mailboxes, clientFamilies, questions, categories, labels, extraKeys, extraValues,
        ]
    }

    /// Each pool's name, value count and approximate heap bytes, largest first.
    public var footprintByPool: [(name: String, values: Int, bytes: Int)] {
        let named: [(String, StringPool)] = [
            ("account_ids", accountIDs), ("ips", ips), ("subnets", subnets), ("asns", asns), ("user_agents", userAgents),
            ("email_domains", emailDomains), ("orgs", orgs), ("payments", payments), ("api_keys", apiKeys),
            ("models", models), ("model_mixes", modelMixes), ("mailboxes", mailboxes), ("client_families", clientFamilies), ("questions", questions), ("categories", categories), ("labels", labels), ("extra_keys", extraKeys),
            ("extra_values", extraValues),
        ]
        return named.map { ($0.0, $0.1.count, $0.1.memoryFootprint) }.sorted { $0.bytes > $1.bytes }
    }

    /// Approximate heap bytes held by every pool.
    public var memoryFootprint: Int {
        all.reduce(0) { $0 + $1.memoryFootprint }
    }
}
