/// An account's own labels outweigh the ones it inherits from its cluster's tag when they
/// disagree on enforcement: an account tagged `ring-member` itself is not let off by a `benign`,
/// `decoy` or `needs-review` on its cluster, and an account tagged `benign`, `decoy` or
/// `needs-review` itself is not enforced by its cluster's `ring-member`, `ring-infrastructure`
/// or `escalated`. A trial moved a ring member into a cluster tagged `benign` and its proposed
/// ban became `none` with nothing said; the reason now names the labels set aside. Labels that
/// do not disagree, and an account's own labels among themselves, keep the rule they had
/// (`AccountsCSVFile.proposal`).
enum OwnLabelsFirst {
    /// Labels that propose enforcement.
    static let enforcing: Set<String> = ["ring-member", "ring-infrastructure", "escalated"]
    /// Labels that hold enforcement off or back.
    static let holding: Set<String> = ["benign", "decoy", "needs-review"]

    /// The labels the action is read from, and the inherited labels set aside (sorted; empty
    /// when none disagree). `own` are the labels on the account itself; the rest of `labels`
    /// came from its cluster.
    static func resolve(labels: [String], own: [String]) -> (effective: Set<String>, setAside: [String]) {
        let all = Set(labels)
        let mine = all.intersection(own)
        let inherited = all.subtracting(mine)
        var setAside = Set<String>()
        if !mine.isDisjoint(with: enforcing) { setAside.formUnion(inherited.intersection(holding)) }
        if !mine.isDisjoint(with: holding) { setAside.formUnion(inherited.intersection(enforcing)) }
        return (all.subtracting(setAside), setAside.sorted())
    }

    /// What the reason adds when inherited labels were set aside: `; its own ring-member
    /// outweighs its cluster's benign`, one clause for each side set aside (own enforcing labels
    /// over inherited holding ones, own holding labels over inherited enforcing ones), so each
    /// set-aside label is credited to the own labels that outweighed it.
    static func note(own: [String], setAside: [String]) -> String {
        var clauses: [String] = []
        for (mineSide, theirSide) in [(enforcing, holding), (holding, enforcing)] {
            let theirs = setAside.filter(theirSide.contains).sorted()
            let mine = own.filter(mineSide.contains).sorted()
            guard !theirs.isEmpty, !mine.isEmpty else { continue }
            clauses.append("its own \(mine.joined(separator: ";")) outweighs its cluster's \(theirs.joined(separator: ";"))")
        }
        return clauses.map { "; " + $0 }.joined()
    }
}
