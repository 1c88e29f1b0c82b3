/// The "N of M" lines of cut lists: whenever a list is cut, the screen says so and how to see
/// more.
enum Captions {
    /// `50 of 183 clusters shown; 257,000 single accounts hidden; press X to show them`,
    /// said shorter (`X shows them`) when that does not fit in `width` columns.
    static func triage(_ c: TriageCounts, width: Int = .max) -> String {
        // "Clusters" are the linked ones (two accounts or more); single accounts are counted apart.
        var out = "\(Format.grouped(c.linkedShown)) of \(Format.plural(c.linked, "cluster")) shown"
        let hidden = c.singles - c.singlesShown
        if hidden > 0 {
            out += "; \(Format.plural(hidden, "single account")) hidden"
            let full = out + "; press X to show them"
            return TextWidth.of(full) <= width ? full : out + " (X shows them)"
        } else if c.singles > 0 {
            out += "; \(Format.plural(c.singles, "single account")) shown too"
        }
        return out
    }

    /// `2,000 of 3,000 queries, newest first (+ shows more)`, or `12 queries`.
    static func queries(_ d: QueryDetail) -> String {
        let total = d.total ?? d.rows.count
        guard total > d.rows.count else { return Format.plural(total, "query", "queries") + ", newest first" }
        return "\(Format.grouped(d.rows.count)) of \(Format.plural(total, "query", "queries")), newest first (+ shows more)"
    }

    /// `2,000 of 257,000 single accounts shown (+ shows more)`.
    static func page(_ shown: Int, of total: Int, noun: String) -> String {
        guard total > shown else { return "all \(Format.plural(total, noun)) shown" }
        return "\(Format.grouped(shown)) of \(Format.plural(total, noun)) shown (+ shows more)"
    }
}
