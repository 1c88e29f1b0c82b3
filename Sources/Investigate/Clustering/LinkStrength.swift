#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How strongly one shared value ties the accounts that share it: the kind's base weight
/// times a rarity factor that falls as more accounts share the value.
///
/// `rarity(n) = 1 / (1 + ln(n/2) / ln 16)`: 1 for a pair, 0.5 at 32 accounts, 0.33 at 512.
/// A value merges clusters only when its kind is a merging kind, its strength reaches
/// `mergeThreshold` and no more accounts share it than the kind's merge limit (a dozen for an
/// IP: beyond that it is a NAT or a VPN exit). Past that it is a hub: pivotable, never glue.
public enum LinkStrength {
    /// Strength needed for a shared value to merge its accounts into one cluster.
    public static let mergeThreshold = 0.3

    /// The rarity factor for a value shared by `n` accounts.
    public static func rarity(sharedBy n: Int) -> Double {
        n <= 2 ? 1 : 1 / (1 + log(Double(n) / 2) / log(16))
    }

    /// Kinds strong enough to merge clusters on their own. Subnets, ASNs, clients and templates
    /// are behavioural or coarse: they join accounts only together with other evidence.
    public static func merges(_ kind: LinkKind) -> Bool {
        switch kind {
        case .payment, .apiKey, .upstream, .org, .ip, .emailDomain: return true
        // A mailbox links only with other evidence (unrelated people's addresses coincide).
        case .subnet, .asn, .userAgent, .template, .modelMix, .mailbox, .clientFamily, .question: return false
        }
    }

    /// The strength of a value of `kind` shared by `n` accounts.
    public static func strength(kind: LinkKind, sharedBy n: Int, freeMail: Bool = false) -> Double {
        if freeMail { return 0 }
        return kind.baseWeight * rarity(sharedBy: n)
    }

    /// Whether such a value is a hub: too widely shared to tie its accounts together.
    public static func isHub(kind: LinkKind, sharedBy n: Int, freeMail: Bool = false) -> Bool {
        if freeMail { return true }
        if merges(kind) { return n > mergeLimit(kind) || (n > 2 && strength(kind: kind, sharedBy: n) < mergeThreshold) }
        return n > hubSize(kind)
    }

    /// For merging kinds: the most accounts one value may tie together.
    public static func mergeLimit(_ kind: LinkKind) -> Int {
        switch kind {
        case .ip: return 12
        case .emailDomain: return 60
        case .apiKey: return 500
        case .payment: return 1000
        case .org: return 5000
        default: return Int.max
        }
    }

    /// For non-merging kinds: the share count above which a value is shown as a hub.
    static func hubSize(_ kind: LinkKind) -> Int {
        switch kind {
        case .subnet: return 64
        case .asn: return 32
        case .userAgent, .modelMix, .mailbox, .clientFamily: return 500
        case .template, .question: return 1000
        default: return 32
        }
    }
}

/// Free-mail and mass-market mailbox domains: always hubs, never cluster glue.
public enum FreeMail {
    static let domains: Set<String> = [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
        "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "mail.ru",
        "yandex.ru", "yandex.com", "qq.com", "163.com", "126.com", "naver.com", "daum.net", "hey.com", "fastmail.com",
        "tutanota.com", "zoho.com", "seznam.cz", "libero.it", "orange.fr", "free.fr", "laposte.net", "t-online.de",
    ]

    /// True for a free-mail or academic (mass-enrolment) domain.
    public static func contains(_ domain: String) -> Bool {
        let lowered = domain.lowercased()
        if domains.contains(lowered) { return true }
        return isAcademic(lowered)
    }

    /// True for an academic domain (`.edu`, `.edu.xx`, `.ac.xx`), or a student mail subdomain of
    /// an institution (`stud.uni-x.de`, `students.x.nl`, `etu.univ-x.fr`: the institution's
    /// domain under a first label of `studentLabels`), which an institution issues.
    public static func isAcademic(_ domain: String) -> Bool {
        let lowered = domain.lowercased()
        if lowered.hasSuffix(".edu") || lowered.contains(".edu.") || lowered.contains(".ac.") { return true }
        // A student label names a subdomain only above an institution's own domain (two labels
        // at least: `stud.example.de`, never `stud.de`).
        let labels = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 3 && studentLabels.contains(String(labels[0]))
    }

    /// First labels universities give their students' mail domains.
    static let studentLabels: Set<String> = ["stud", "student", "students", "studenti", "etu", "etud", "alumnos", "alunos"]
}
