/// The `held in:` line of a shared value's sheet, as `investigate pivot` prints it: the clusters
/// its holders sit in, most holders first, then how many are single accounts (clusters of one,
/// triage's and `X`'s word: a trial read "accounts alone" here and "linked to no other" there), cut to
/// the screen's width with what was cut counted (a trial found a template's holders spanned five
/// clusters and nothing on the sheet said so).
enum HeldInCaption {
    /// `held in 5 clusters: c1 (4), c6 (3), +3 more; 2 single accounts`, within `width`.
    static func line(_ heldIn: [HeldIn], width: Int = .max) -> String {
        let grouped = heldIn.filter { $0.size > 1 }
        let alone = heldIn.count - grouped.count
        // Single: in a cluster of one, linked to no other account (`X` lists them).
        let tail = alone > 0 ? "; \(Format.plural(alone, "single account"))" : ""
        guard !grouped.isEmpty else { return "held in: no cluster" + tail }
        let parts = grouped.map { "c\($0.cluster) (\($0.holders))" }
        let head = "held in \(Format.plural(grouped.count, "cluster")): "
        // As many clusters as fit, the rest counted.
        for shown in stride(from: parts.count, through: 1, by: -1) {
            let more = shown < parts.count ? ", +\(Format.grouped(parts.count - shown)) more" : ""
            let text = head + parts.prefix(shown).joined(separator: ", ") + more + tail
            if TextWidth.of(text) <= width { return text }
        }
        return head + parts[0] + (parts.count > 1 ? ", +\(Format.grouped(parts.count - 1)) more" : "") + tail
    }
}
