import Investigate

/// A whole record opened over the sheet (Enter on a query, note, audit or tag row; `=` on two
/// marked accounts): every field, wrapped and scrollable. Values are display text (already
/// escaped once by the model) and are sanitised again when drawn.
struct RecordView: Hashable, Sendable {
    /// What the record is, shown on its first line.
    var title: String
    /// Column headings when two records are compared side by side; nil for one record.
    var sides: [String]?
    /// The fields in order; each has one value, or one per side.
    var fields: [RecordField]
    /// First drawn line (j/k scroll).
    var offset = 0
    /// Names the request that fills a record read in the background (a query re-read from its
    /// file); nil once filled. A late answer for another record is dropped.
    var pending: String?
    /// Lines under the fields that j/k select and Enter opens (an operation's tying values);
    /// empty for a record that is only read.
    var choices: [RecordChoice] = []
    /// The selected choice.
    var choice = 0
    /// The line above the choices.
    var choicesHeading = "tied by (j/k select, Enter opens):"
    /// What the status line says of the keys when the record opens and when a key it does not
    /// take is pressed: said whole at 80 columns (17b's read `..., T tags it whole, Esc clos…`).
    var choicesHint = "operation: j/k select a tying value, Enter opens it, T tags it, Esc closes"
    /// Where the record is read whole, said after a value the view cuts (`RecordText`); nil
    /// when there is no such place.
    var whole: String?
}

/// A line of a record that opens a sheet (Enter pivots to it, as on a sheet's row).
struct RecordChoice: Hashable, Sendable {
    var text: String
    var target: SheetKind
}

/// One field of a record: a key and its value (or one value per compared side). A value may
/// hold newlines; each line is wrapped on its own.
struct RecordField: Hashable, Sendable {
    var key: String
    var values: [String]

    init(_ key: String, _ values: String...) {
        self.key = key
        self.values = values
    }

    init(_ key: String, values: [String]) {
        self.key = key
        self.values = values
    }
}

/// Builds records from the rows of the console's sheets.
enum RecordBuilder {
    /// The fields of a query row as the sheet knows them (what is shown while the full row is
    /// re-read, and all there is for a model that keeps no source files).
    static func query(_ row: QueryRow) -> [RecordField] {
        [RecordField("time", row.time), RecordField("account", row.account), RecordField("api_key", row.key),
         RecordField("ip", row.ip), RecordField("model", row.model), RecordField("output_tokens", "\(row.tokens)"),
         RecordField("category", row.category), RecordField("prompt", row.prompt)]
    }

    /// The record of a case-sheet row (`tag`, `note`, `audit`), or nil for another row.
    static func caseRow(_ c: CaseState, markKey: String) -> RecordView? {
        let parts = markKey.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2, let i = Int(parts[1]) {
            if parts[0] == "note", i < c.notes.count {
                return RecordView(title: "note \(i + 1) of case \(c.id ?? c.title)", fields: [RecordField("note", c.notes[i])])
            }
            if parts[0] == "audit", i < c.audit.count {
                let e = c.audit[i]
                return RecordView(title: "audit entry \(i + 1) of case \(c.id ?? c.title)",
                                  fields: [RecordField("time", e.time), RecordField("who", e.user),
                                           RecordField("action", e.command), RecordField("detail", e.detail)])
            }
        }
        if markKey.hasPrefix(CaseTable.otherSourcePrefix) {
            let key = String(markKey.dropFirst(CaseTable.otherSourcePrefix.count))
            let what = MarkKey.display(key)
            return RecordView(title: "tag on \(what.kind) \(what.text), made on another source or version",
                              fields: [RecordField("target kind", what.kind), RecordField("target", what.text),
                                       RecordField("labels", c.otherSourceTags[key, default: []].joined(separator: "\n")),
                                       RecordField("source", "not this one: \(what.text) here is another cluster, so it is not shown as tagged")])
        }
        if markKey.hasPrefix(CaseTable.otherMembersPrefix) {
            let key = String(markKey.dropFirst(CaseTable.otherMembersPrefix.count))
            let what = MarkKey.display(key)
            return RecordView(title: "tag on \(what.kind) \(what.text), made on other members",
                              fields: [RecordField("target kind", what.kind), RecordField("target", what.text),
                                       RecordField("labels", c.otherMembersTags[key, default: []].joined(separator: "\n")),
                                       RecordField("members", "\(what.text) here has other members than when it was tagged (or the tag "
                                                   + "predates recorded members): not shown as tagged, nor exported; tag it again if it still applies")])
        }
        if let labels = c.tags[markKey] {
            let what = MarkKey.display(markKey)
            return RecordView(title: "tag on \(what.kind) \(what.text)",
                              fields: [RecordField("target kind", what.kind), RecordField("target", what.text),
                                       RecordField("labels", labels.joined(separator: "\n"))])
        }
        return nil
    }

    /// Two accounts side by side: attributes, risk, linked values (those both have first), why
    /// they are linked (`why`'s lines, when the model knows them) and every signal's contribution
    /// (once across both sides when they are of one cluster and say the same).
    static func compare(_ a: AccountDetail, _ b: AccountDetail, why: [String] = []) -> RecordView {
        let (ida, idb) = shownIDs(a.id, b.id)
        var fields = [RecordField("account", values: [ida, idb]),
                      RecordField("cluster", values: [a.cluster.map { "c\($0)" } ?? "-", b.cluster.map { "c\($0)" } ?? "-"]),
                      RecordField("risk", values: [Format.risk(a.risk), Format.risk(b.risk)])]
        // How each side's risk is made, the figures `account` prints (`0.6025 x 0.8108 = 0.4885`,
        // the row named for the parts): two accounts of one cluster rated apart differ in their
        // weight, and a trial's compare sheet did not say why. One line a side at 80 columns.
        if a.riskWeight != nil || b.riskWeight != nil {
            fields.append(RecordField("cluster x weight", values: [riskSum(a), riskSum(b)]))
        }
        var names: [String] = []
        for (name, _) in a.attributes + b.attributes where !names.contains(name) { names.append(name) }
        for name in names {
            fields.append(RecordField(name, values: [a.attributes.first { $0.name == name }?.value ?? "-",
                                                     b.attributes.first { $0.name == name }?.value ?? "-"]))
        }
        // The source's own columns, keyed apart from the tool's (`source "risk"`).
        var sourceNames: [String] = []
        for (name, _) in a.sourceFields + b.sourceFields where !sourceNames.contains(name) { sourceNames.append(name) }
        for name in sourceNames {
            fields.append(RecordField(SourceColumns.recordKey(name), values: [a.sourceFields.first { $0.name == name }?.value ?? "-",
                                                                           b.sourceFields.first { $0.name == name }?.value ?? "-"]))
        }
        let bValues = Set(b.values.map { "\($0.kind.rawValue) \($0.text)" })
        let shared = a.values.map { "\($0.kind.rawValue) \($0.text)" }.filter { bValues.contains($0) }
        // One row per shared value, each saying `(same)` on the right: one field of all of them
        // said it on the first line only, and the blank right side of the next (asn, model_mix)
        // read as "only the left holds it" (a trial on 16b). A row of its own also keeps a value
        // that wraps level with its `(same)`.
        if shared.isEmpty { fields.append(RecordField("shared values", values: ["none", "none"])) }
        for (i, value) in shared.enumerated() {
            fields.append(RecordField(i == 0 ? "shared values" : "", values: [value, "(same)"]))
        }
        let sharedSet = Set(shared)
        // The values each holds alone, one row per kind, so the two sides' subnets, ASNs... sit
        // side by side (one field for all kinds let each side wrap on its own and drift apart).
        func own(_ d: AccountDetail, _ kind: LinkKind) -> String {
            let rest = d.values.filter { $0.kind == kind && !sharedSet.contains("\($0.kind.rawValue) \($0.text)") }
                .map { "\($0.text) (\($0.sharedBy))" }
            return rest.isEmpty ? "-" : rest.joined(separator: "\n")
        }
        // Of the pair, not of one side: one value, drawn across both columns; before the values
        // each holds alone, which can run to hundreds of lines.
        // The verdict first (`evidence 34.1 bits; a link needs 15.9 ...: linked`): a trial found
        // it on line 62, under the formula's explanation.
        let verdict = why.filter { $0.hasPrefix("evidence ") }
        let reasons = verdict + why.filter { !$0.hasPrefix("evidence ") }
        if !why.isEmpty { fields.append(RecordField("why linked", reasons.joined(separator: "\n"))) }
        var kinds: [LinkKind] = []
        for v in a.values + b.values where !kinds.contains(v.kind) && !sharedSet.contains("\(v.kind.rawValue) \(v.text)") {
            kinds.append(v.kind)
        }
        if kinds.isEmpty { fields.append(RecordField("own values", values: ["none", "none"])) }
        for kind in kinds { fields.append(RecordField("own " + kind.rawValue, values: [own(a, kind), own(b, kind)])) }
        var signals: [String] = []
        for s in a.signals + b.signals where !signals.contains(s.name) { signals.append(s.name) }
        // Signals are their cluster's: of two accounts in one cluster, each is said once across
        // both sides (a trial's pair in c4 read some 60 lines twice over, side by side).
        let oneCluster = a.cluster != nil && a.cluster == b.cluster
        if oneCluster, !signals.isEmpty, let c = a.cluster {
            fields.append(RecordField("signals", "of their cluster c\(c), so the same for both"))
        }
        for name in signals {
            func text(_ d: AccountDetail) -> String {
                guard let s = d.signals.first(where: { $0.name == name }) else { return "-" }
                return SignalText.contribution(s.contribution) + "  " + s.explanation
            }
            let (ta, tb) = (text(a), text(b))
            fields.append(oneCluster && ta == tb ? RecordField(name, ta) : RecordField(name, values: [ta, tb]))
        }
        return RecordView(title: "compare \(ida) | \(idb)", sides: [ida, idb], fields: fields)
    }
}

extension RecordBuilder {
    /// Widest account id the pair view shows whole (display columns).
    static let idWidth = 64

    /// An account id as the pair view shows it: whole up to `idWidth` columns, else its head and
    /// tail (where look-alikes differ) with its length: two 5,000-character ids wrapped whole
    /// filled 140 lines a side and put why the two are linked at line 159.
    static func shownID(_ id: String, width: Int = idWidth) -> String {
        guard TextWidth.of(id) > width else { return id }
        return TextFit.truncateMiddle(id, to: width) + " (\(Format.plural(id.count, "character")))"
    }

    /// Two different account ids as the pair view shows them. Where both cuts read the same (ids
    /// of one length alike at both ends, different in the middle: an adversary's choice), each
    /// also shows where they first differ, and the characters around it, so the two sides never
    /// look like one account. Ids are compared by their bytes, not as equivalent Unicode.
    static func shownIDs(_ a: String, _ b: String) -> (String, String) {
        let (sa, sb) = (shownID(a), shownID(b))
        guard sa.utf8.elementsEqual(sb.utf8), !a.utf8.elementsEqual(b.utf8) else { return (sa, sb) }
        let (ca, cb) = (Array(a), Array(b))
        var at = 0
        while at < min(ca.count, cb.count), String(ca[at]).utf8.elementsEqual(String(cb[at]).utf8) { at += 1 }
        func around(_ cs: [Character]) -> String {
            let from = max(0, at - differenceContext), to = min(cs.count, at + differenceContext + 1)
            return (from > 0 ? "…" : "") + String(cs[from..<to]) + (to < cs.count ? "…" : "")
        }
        func noted(_ shown: String, _ cs: [Character]) -> String {
            String(shown.dropLast()) + "; from character \(Format.grouped(at + 1)): \(around(cs)))"
        }
        return (noted(sa, ca), noted(sb, cb))
    }

    /// Characters shown on each side of where two alike-cut ids first differ.
    static let differenceContext = 8

    /// The sum of an account's risk as `account` prints it, without the parts' names or why its
    /// weight is what it is: `0.6025 x 0.8108 = 0.4885` (`-`: not known).
    static func riskSum(_ d: AccountDetail) -> String {
        d.riskWeight.map(RiskFormula.sum) ?? "-"
    }
}
