/// The kinds of value two accounts can share: the keys an investigator pivots on.
public enum LinkKind: String, CaseIterable, Codable, Sendable, Comparable {
    /// A payment instrument fingerprint (`accounts` or `payments`).
    case payment
    /// An IP address (signup IP or any query IP).
    case ip
    /// An IPv4 /24 or IPv6 /48 network.
    case subnet
    /// An autonomous system (`AS16509`).
    case asn
    /// A client or SDK string.
    case userAgent = "user_agent"
    /// The domain of the account's email.
    case emailDomain = "email_domain"
    /// The organisation id.
    case org
    /// An API key (or key prefix) seen in queries.
    case apiKey = "api_key"
    /// A prompt-template family (near-duplicate prompts).
    case template
    /// A relation computed upstream (`links.csv`).
    case upstream = "link"
    /// The account's model mix: the models it sends at least a fifth of its queries to
    /// (`ModelMixPairs`), a shared value like any other, weighted by how many accounts hold it.
    case modelMix = "model_mix"
    /// The mailbox an account's email delivers to (`MailboxAddress`: sub-addresses dropped, and
    /// Gmail's dots), interned only where two or more accounts share it (`MailboxPairs`); a kind
    /// strangers may share (it links with a second kind of evidence).
    case mailbox
    /// The product a one-account client string starts with (`ClientFamilies`: `ringbot/2.0` of
    /// `ringbot/2.0 sess/a81f`), held where two or more accounts each send a client string no
    /// other account sends and no shared client string starts with it: a client tagged per
    /// account. A kind strangers share (it links with a second kind of evidence).
    case clientFamily = "client_family"
    /// A question several accounts sent (`SharedQuestions`): prompts landing in one first band of
    /// their sketch that is no account's template family. A kind strangers share.
    case question

    /// The kind's position in `allCases`.
    var position: Int {
        switch self {
        case .payment: return 0
        case .ip: return 1
        case .subnet: return 2
        case .asn: return 3
        case .userAgent: return 4
        case .emailDomain: return 5
        case .org: return 6
        case .apiKey: return 7
        case .template: return 8
        case .upstream: return 9
        case .modelMix: return 10
        case .mailbox: return 11
        case .clientFamily: return 12
        case .question: return 13
        }
    }

    /// How strongly one shared value of this kind ties two accounts, before rarity (0...1).
    public var baseWeight: Double {
        switch self {
        case .payment: return 1.0
        case .apiKey: return 0.95
        case .upstream: return 0.9
        case .org: return 0.8
        case .ip: return 0.7
        case .emailDomain: return 0.6
        case .template: return 0.45
        case .subnet: return 0.35
        case .userAgent: return 0.25
        case .asn: return 0.1
        case .modelMix: return 0.1
        case .mailbox: return 0.95
        case .clientFamily: return 0.25
        case .question: return 0.45
        }
    }

    /// Accepts the canonical name and common spellings (`ua`, `user-agent`, `domain`, `card`).
    public init?(name: String) {
        let lowered = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
        if let kind = LinkKind(rawValue: lowered) {
            self = kind
            return
        }
        switch lowered {
        case "ua", "useragent", "client": self = .userAgent
        case "clientfamily", "client_families", "ua_family": self = .clientFamily
        case "domain", "email": self = .emailDomain
        case "card", "payment_fingerprint", "instrument": self = .payment
        case "key", "apikey": self = .apiKey
        case "upstream", "links": self = .upstream
        case "family", "prompt", "template_family": self = .template
        case "net", "cidr", "ip24": self = .subnet
        case "model", "models", "mix", "modelmix": self = .modelMix
        case "inbox", "email_address": self = .mailbox
        case "questions", "shared_question": self = .question
        default: return nil
        }
    }

    public static func < (a: LinkKind, b: LinkKind) -> Bool {
        a.position < b.position
    }
}
