import Crypto

/// The closing sections of `report.html`: tags grouped by label, the journal (notes and
/// retractions in time order), and the audit-chain head with how to verify the bundle.
enum ReportCaseRecord {
    static let examples = 8

    /// Tags grouped by label: counts of accounts, clusters and values, a few targets, who and
    /// when. A function of the case state alone (`verify` writes it again from the trail).
    static func tags(_ snapshot: CaseSnapshot) -> String {
        let e: (String) -> String = ReportText.html
        var byLabel: [String: [CaseTag]] = [:]
        for tag in snapshot.tags { byLabel[tag.label, default: []].append(tag) }
        var html = "<section id=\"tags\">\n<h2>Tags</h2>\n"
        guard !byLabel.isEmpty else { return html + "<p class=\"muted\">No tags.</p>\n</section>\n" }
        html +=
            "<table><thead><tr><th>Label</th><th>Accounts</th><th>Clusters</th><th>Values</th><th>Targets</th>"
            + "<th>By</th><th>When</th></tr></thead><tbody>\n"
        let ordered = byLabel.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
        for (label, tags) in ordered {
            func count(_ kind: TagTargetKind) -> Int { Set(tags.filter { $0.kind == kind }.map(\.target)).count }
            let clusters = tags.filter { $0.kind == .cluster }.map(\.target).sorted()
            let others = tags.filter { $0.kind != .cluster }.map(\.target).sorted()
            let targets = Array((clusters + others).prefix(examples))
            let more = tags.count > targets.count ? " +\(tags.count - targets.count) more" : ""
            let who = Set(tags.map(\.who)).sorted()
            let times = tags.map(\.at).sorted()
            let when =
                times.first == times.last
                ? ReportText.when(times.first ?? "") : ReportText.when(times.first!) + " to " + ReportText.when(times.last!)
            html +=
                "<tr><td class=\"label\"><b>\(e(label))</b></td><td class=\"num\">\(count(.account))</td><td class=\"num\">\(count(.cluster))</td>"
                + "<td class=\"num\">\(count(.value))</td>"
                + "<td>\(e(targets.map { ReportText.cut($0, 28) }.joined(separator: ", ") + more))</td>"
                + "<td class=\"label\">\(e(who.joined(separator: ", ")))</td><td>\(e(when))</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    /// One line of the journal.
    struct JournalEntry {
        var at: String
        var seq: Int
        var kind: String
        var who: String
        var text: String
    }

    /// Notes and retractions, oldest first.
    ///
    /// Standing notes, retracted notes (the note, then its retraction: what, by whom, why),
    /// retracted tags, and the earlier retractions of tags that stand again, in time order.
    static func journalEntries(_ snapshot: CaseSnapshot) -> [JournalEntry] {
        var entries = (snapshot.notes + snapshot.retractedNotes).map {
            JournalEntry(at: $0.at, seq: $0.seq, kind: "note", who: $0.who, text: $0.text)
        }
        for note in snapshot.retractedNotes {
            guard let r = note.retracted else { continue }
            entries.append(
                JournalEntry(
                    at: r.at, seq: note.seq, kind: "retraction", who: r.who,
                    text: "retracted note \(note.seq)" + (r.reason.isEmpty ? "" : ": " + r.reason)))
        }
        for tag in snapshot.retractedTags {
            guard let r = tag.retracted else { continue }
            entries.append(
                JournalEntry(
                    at: r.at, seq: 0, kind: "retraction", who: r.who,
                    text: "untagged \(tag.kind.rawValue) \(tag.target.display) (\(tag.label), tagged by \(tag.who) \(tag.at))"
                        + (r.reason.isEmpty ? "" : ": " + r.reason)))
        }
        // Retractions of tags that stand again (`CaseTagHistory`): the tag's return does not
        // erase that someone cleared the account, nor why.
        for reasserted in CaseTagHistory.reasserted(snapshot) {
            let tag = reasserted.tag
            for r in reasserted.retractions {
                entries.append(
                    JournalEntry(
                        at: r.at, seq: 0, kind: "retraction", who: r.who,
                        text: "untagged \(tag.kind.rawValue) \(tag.target.display) (\(tag.label))"
                            + (r.reason.isEmpty ? "" : ": " + r.reason)
                            + "; tagged again later (standing: by \(tag.who) \(tag.at))"))
            }
        }
        return entries.sorted { ($0.at, $0.seq, $0.kind) < ($1.at, $1.seq, $1.kind) }
    }

    /// The journal section (`journalEntries`), a function of the case state alone.
    static func journal(_ snapshot: CaseSnapshot) -> String {
        let e: (String) -> String = ReportText.html
        let entries = journalEntries(snapshot)
        var html = "<section id=\"journal\">\n<h2>Notes and retractions</h2>\n"
        guard !entries.isEmpty else { return html + "<p class=\"muted\">No notes.</p>\n</section>\n" }
        html += "<ol class=\"journal\">\n"
        for entry in entries {
            html +=
                "<li><span class=\"muted\">\(e(ReportText.when(entry.at))) \(e(entry.kind)) by \(e(entry.who))</span>"
                + "<div class=\"text\">\(e(entry.text))</div></li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    /// The opening of the audit section: how many entries the chain has and its head (`verify`
    /// holds it to the bundle's chain; the key named after it may be another trusted signer's).
    static func chain(entries: Int, head: String) -> String {
        "<section id=\"audit\">\n<h2>Audit and verification</h2>\n"
            + "<p>The case's audit chain has \(ReportText.count(entries, "entry", "entries")); "
            + "its head (the hash of the last entry this bundle covers) is</p><p><code>\(ReportText.html(head))</code></p>\n"
    }

    /// The audit-chain head, the signing key and the command that verifies the bundle.
    static func audit(_ input: BundleInput, publicKey: Curve25519.Signing.PublicKey) -> String {
        let e: (String) -> String = ReportText.html
        let keyID = BundleKeys.keyID(publicKey)
        let fingerprint = AuditChain.sha256Hex(Array(publicKey.rawRepresentation))
        var html = chain(entries: input.snapshot.audit.count, head: input.auditHead)
        html +=
            "<p>This bundle is signed with Ed25519 key <code>\(keyID)</code> "
            + "(sha256 fingerprint <code>\(fingerprint)</code>). To check that nothing in it changed since, run:</p>\n"
        html += "<pre>investigate verify BUNDLE --key \(keyID)</pre>\n"
        html +=
            "<p class=\"muted\">BUNDLE is this bundle's .zip file or folder. The command checks the signature, "
            + "every file's hash and the audit chain, and names whatever differs.</p>\n</section>\n"
        return html
    }
}
