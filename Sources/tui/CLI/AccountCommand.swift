import Foundation
import ArgumentParser
import Investigate

/// `investigate account DIR ID`: one account's attributes, links, cluster and risk.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Show an account: attributes, shared values, cluster, risk.")

    @OptionGroup var source: SourceOptions
    @Argument(help: "The account id.") var accountID: String
    static let formats: [OutputFormat] = [.text, .json]
    @Option(help: OutputFormat.help(Self.formats)) var format: OutputFormat = .text

    func validate() throws { try format.require(Self.formats) }

    /// "shared by 12", or "this account only" for a value no other account holds.
    static func holders(_ count: Int) -> String { count <= 1 ? "this account only" : "shared by \(count)" }

    func run() throws {
        try runReporting {
            // The id's exact bytes from argv (Swift repairs invalid UTF-8 in `accountID`).
            let exact = try RawArguments.require([accountID], valued: ["--format"], what: "the account id")[0]
            let inv = try source.open()
            guard let account = inv.data.accountIndex(given: exact) else {
                throw CLIFailure(message: "no account \(exact.display) in \(inert(source.directory))", code: 2)
            }
            AmbiguousAccountID.warn(inv.data, given: exact, resolved: account)
            if format == .json {
                print(Reports.account(account, in: inv).pretty())
                return
            }
            let cluster = inv.cluster(ofAccount: account)
            print(
                "account \(inv.data.accountExactID(account).display)  risk \(RiskText.twoDecimals(inv.accountRisk[account]))  cluster \(cluster.id) (size \(cluster.size), risk \(RiskText.twoDecimals(cluster.risk)))"
            )
            print("  account risk: " + inv.accountRisk.weight(of: account).explanation)
            if let line = OperationSummary.line(of: cluster, in: inv) { print("  cluster \(cluster.id) is " + line) }
            // Every attribute given, one that is not UTF-8 too, shown from its exact bytes; the
            // source's own columns apart, each name quoted, as the console shows them
            // (`SourceColumns`): a column named `risk` or `tags` is not the tool's.
            let own = Reports.extraColumnNames(account, in: inv)
            let given = Reports.attributes(account, in: inv).compactMap { key, value in value.map { (key, $0) } }.sorted { $0.0 < $1.0 }
            for (key, value) in given where !own.contains(key) {
                print("  \(TextEscaping.visible(key)): \(TextEscaping.visible(value.bytes, limit: 200))")
            }
            let columns = given.filter { own.contains($0.0) }
            if !columns.isEmpty { print("  " + SourceColumns.label) }
            for (key, value) in columns {
                print("    \(SourceColumns.quoted(TextEscaping.visible(key))) \(SourceColumns.shownValue(TextEscaping.visible(value.bytes, limit: 200)))")
            }
            print("linked values:")
            for kind in LinkKind.allCases {
                for v in inv.index.values(of: account, kind: kind) {
                    let hub = inv.isHub(kind, value: v) ? " (hub)" : ""
                    print(
                        "  \(kind.rawValue)\t\(TextEscaping.visible(inv.index.valueExact(kind, v).bytes, limit: 120))\t\(Self.holders(inv.index.shareCount(kind, value: v)))\(hub)"
                    )
                }
            }
            let firing = inv.coActivity.partners(of: account, accountCount: inv.data.accountCount)
            print("timing: " + firing.summary)
            for partner in firing.partners.prefix(5) {
                print(
                    "  \(TextEscaping.visible(inv.data.accountExactID(partner.account).bytes, limit: 40))\t\(partner.firing.together) together, \(ExpectedCount.text(partner.firing.expected)) expected"
                )
            }
            let sitting = inv.coActivity.sittingPartners(of: account, accountCount: inv.data.accountCount)
            print("sittings: " + sitting.summary)
            for partner in sitting.partners.prefix(5) {
                let id = TextEscaping.visible(inv.data.accountExactID(partner.account).bytes, limit: 40)
                let figures = partner.sittings
                print(
                    "  \(id)\t\(PairExplanation.count(figures.together, "clock hour")) together, "
                        + "\(ExpectedCount.text(figures.expected)) expected, \(SignalText.figure(figures.bits)) bits")
            }
            if sitting.partners.count > 5 {
                print("  ... and \(PairExplanation.count(sitting.partners.count - 5, "more partner")) (--format json lists every one)")
            }
            if !sitting.partners.isEmpty {
                print(
                    "  (listed from \(SignalText.figure(sitting.bar)) bits, log2 of the accounts compared; toward a link `why` counts sittings "
                        + "half their bits, at most half a link, below \(SignalText.figure(2 * inv.weights.threshold)) bits, twice a link's threshold)")
            }
            print(
                cluster.signals.isEmpty
                    ? "risk breakdown: \(SignalsUnread.line(of: cluster, in: inv)) (risk \(RiskText.twoDecimals(cluster.risk)))"
                    : "risk breakdown:")
            for s in cluster.signals {
                print(
                    "  \(s.name)\tvalue \(SignalText.figure(s.value))\t\(SignalText.baselineLabel(s.name, otherwise: "baseline")) \(SignalText.baseline(s.name, s.baseline))\t\(SignalText.contribution(s.contribution))\t\(TextEscaping.visible(s.explanation))"
                )
            }
        }
    }
}

/// `investigate pivot DIR KEY VALUE`: the accounts sharing a value.
struct PivotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pivot", abstract: "List the accounts sharing one value (ip, payment, asn, ...).")

    @OptionGroup var source: SourceOptions
    @Argument(help: "payment, ip, subnet, asn, user_agent, email_domain, org, api_key, template, model_mix, link, mailbox (any address of the inbox), client_family, question (q-... as why names it)")
    var key: String
    @Argument(help: "The value (its exact bytes, as the shell passes them; or give --value-b64).") var value: String?
    @Option(name: .customLong("value-b64"), help: "The value as base64 of its exact bytes (as JSON output gives a value that is not UTF-8: {\"b64\": ...}).")
    var valueB64: String?
    static let formats: [OutputFormat] = [.text, .json]
    @Option(help: OutputFormat.help(Self.formats)) var format: OutputFormat = .text

    func validate() throws {
        try format.require(Self.formats)
        guard (value == nil) != (valueB64 == nil) else { throw ValidationError("give the value, or --value-b64 B64 (one of the two)") }
    }

    /// The value's exact bytes: from argv (Swift repairs invalid UTF-8 in `value`), or decoded
    /// from `--value-b64`.
    func exactValue() throws -> ExactText {
        if let valueB64 {
            guard let exact = ExactText(base64: valueB64) else {
                throw CLIFailure(message: "--value-b64 \(TextEscaping.visible(valueB64)): not base64", code: 2)
            }
            return exact
        }
        return try RawArguments.require(
            [value ?? ""], valued: ["--format", "--value-b64"], what: "the value", instead: "--value-b64")[0]
    }

    /// The first line when no value is exactly the one given but some contain it: said as a part
    /// (`user_agent hx-coll: no value is exactly this; 1 user_agent value contains it (give one
    /// whole):`), never `hx-coll: 0 accounts` above the one it names (a trial read a miss).
    static func partLine(kind: LinkKind, given: String, containing total: Int) -> String {
        "\(kind.rawValue) \(given): no value is exactly this; \(PairExplanation.count(total, "\(kind.rawValue) value")) "
            + "\(total == 1 ? "contains" : "contain") it (give one whole):"
    }

    /// A folder as typed when a shell takes it as one word (letters, digits, `/._-`), else `DIR`.
    static func pasteable(_ directory: String) -> String {
        let plain = directory.unicodeScalars.allSatisfy { $0.isASCII && ("/._-".unicodeScalars.contains($0) || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        return plain && !directory.isEmpty ? directory : "DIR"
    }

    func run() throws {
        try runReporting {
            guard let kind = LinkKind(name: key) else {
                throw CLIFailure(
                    message:
                        "unknown key \(TextEscaping.visible(key)); use one of \(LinkKind.allCases.map(\.rawValue).joined(separator: ", "))",
                    code: 2)
            }
            let given = try exactValue()
            let inv = try source.open()
            // Two upstream links can read the same (`k a~b~c`): the text names both, so both count.
            var ids = inv.index.valueIDs(kind, exact: given)
            // A value typed as the source spelled it (`ua/1 `, `AS 16509`) is found as kept, and
            // said so (on stderr: the output names the value kept).
            if ids.isEmpty, let kept = inv.index.valueIDs(kind, loadedFrom: given) {
                ids = kept.ids
                FileHandle.standardError.write(Data(
                    "note: no \(kind.rawValue) is exactly '\(given.display)'; the loader keeps it as '\(kept.spelling.display)' (trimmed of spaces\(kind == .asn ? ", as AS<number>" : kind == .emailDomain ? ", lower-cased" : "")): showing that\n".utf8))
            }
            // A whole client string given for its family: the family it belongs to, said so.
            if ids.isEmpty, kind == .clientFamily, let client = inv.index.valueIDs(.userAgent, exact: given).first,
                let family = inv.index.clientFamily(ofClient: client)
            {
                ids = [family]
                FileHandle.standardError.write(Data(
                    "note: '\(given.display)' is a client string, of client_family '\(inv.index.valueExact(kind, family).display)': showing that\n".utf8))
            }
            let id = ids.first
            let holders = Array(Set(ids.flatMap { v in inv.index.accounts(sharing: kind, value: v).map { Int($0) } })).sorted()
            let hub = ids.contains { inv.isHub(kind, value: $0) }
            // A mailbox is named by its inbox, whichever of its addresses was typed; a value
            // found is named by its bytes as held.
            let inbox = kind == .mailbox ? MailboxAddress.canonical(given.bytes).map { ExactText(bytes: $0) } : nil
            let shown = id.map { inv.index.valueExact(kind, $0) } ?? inbox ?? given
            if format == .json {
                print(Reports.pivot(kind: kind, value: shown, holders: holders, hub: hub, in: inv).pretty())
                return
            }
            let typed = kind == .mailbox && shown != given ? " (where \(given.display) delivers)" : ""
            let kept = kind == .mailbox && holders.isEmpty ? " (a mailbox is kept only when two or more accounts' emails deliver to it)" : ""
            // None named exactly: the values that contain it (the console's `:pivot` takes a part).
            let (near, total) = ids.isEmpty && kind != .mailbox ? inv.index.values(kind, containing: given, limit: 5) : ([], 0)
            if !near.isEmpty {
                print(Self.partLine(kind: kind, given: given.display, containing: total))
            } else {
                print(
                    "\(kind.rawValue) \(shown.display)\(typed): \(PairExplanation.count(holders.count, "account"))\(kept)\(hub ? " (hub: too common to find pairs by; still counted, by its rarity, for pairs found through other values)" : "")"
                )
            }
            for entry in near {
                print("  \(inv.index.valueExact(kind, entry.value).display)\t\(PairExplanation.count(entry.holders, "account"))")
            }
            if total > near.count { print("  ... \(PairExplanation.count(total - near.count, "more value")) holding it") }
            // Where the holders sit: each one's cluster, and the clusters they fall in, most first.
            let byCount = inv.heldIn(holders)
            let grouped = byCount.filter { inv.clusters[$0.cluster].size > 1 }
            let alone = byCount.count - grouped.count
            if !holders.isEmpty {
                var parts = grouped.prefix(8).map { entry -> String in
                    let cluster = inv.clusters[entry.cluster]
                    return "\(cluster.id) (\(PairExplanation.count(entry.holders, "holder")), risk \(RiskText.twoDecimals(cluster.risk)))"
                }
                if grouped.count > 8 { parts.append(PairExplanation.count(grouped.count - 8, "more cluster")) }
                if alone > 0 { parts.append("\(PairExplanation.count(alone, "single account")) (linked to no other)") }
                print("held in: " + parts.joined(separator: ", "))
            }
            // A question's prompts are not kept per query: `queries --question` reads them again.
            if kind == .question && !holders.isEmpty {
                print("its prompts: investigate queries \(Self.pasteable(source.directory)) --question \(shown.display)")
            }
            // Riskiest first, as the console's value sheet lists them (ties by id bytes).
            for holder in inv.riskiestFirst(holders) {
                let account = inv.data.accountExactID(holder)
                let cluster = inv.clusters[Int(inv.clusterOfAccount[holder])]
                print(
                    "\(account.display)\t\(cluster.id) (size \(cluster.size), risk \(RiskText.twoDecimals(cluster.risk)))\taccount risk \(RiskText.twoDecimals(inv.accountRisk[holder]))"
                )
            }
        }
    }
}
