/// `edges.csv` and `graph.graphml`: the case's account-value incidence (one row, or one edge,
/// per case account per value it shares with another case account), never all account pairs.
///
/// Ids and values are the source's exact bytes: in CSV the exact text (when valid UTF-8) plus a
/// base64 column that is lossless for any bytes; in GraphML (XML 1.0 cannot carry most control
/// characters) a display label plus `id_b64`, on generated node ids (`a1`, `v1`) that are never data.
enum GraphFiles {
    static let edgesHeader = [
        "account_id", "account_id_b64", "kind", "value", "value_b64", "weight", "sharers", "shared_by",
    ]

    /// One incidence: a case account (by its position in id order) and a shared value (by index).
    struct Incidence: Comparable {
        var account: Int
        var value: Int
        static func < (a: Incidence, b: Incidence) -> Bool { (a.account, a.value) < (b.account, b.value) }
    }

    /// The case accounts in exact-id order: (exact id, source index or nil when not in the source).
    static func caseAccounts(_ input: BundleInput) -> [(id: ExactText, index: Int?)] {
        let found = input.accounts.map { (id: input.data.accountExactID($0.index), index: Optional($0.index)) }
        let missing = input.missingAccounts.map { (id: $0, index: Int?.none) }
        return (found + missing).sorted { $0.id < $1.id }
    }

    /// Every incidence, sorted by (account, value), and each source account's position.
    static func incidences(_ input: BundleInput, _ links: CaseLinks, accounts: [(id: ExactText, index: Int?)])
        -> [Incidence]
    {
        var position: [Int32: Int] = [:]
        for (i, account) in accounts.enumerated() { if let index = account.index { position[Int32(index)] = i } }
        var out: [Incidence] = []
        out.reserveCapacity(links.incidenceCount)
        for (v, value) in links.values.enumerated() {
            for sharer in value.sharers { if let a = position[sharer] { out.append(Incidence(account: a, value: v)) } }
        }
        return out.sorted()
    }

    /// What both files are written from: the case accounts (exact-id order), the shared values
    /// (kind, then exact value, order) and the incidences. The exporter makes it from the source
    /// (`model`); `verify` makes it from `accounts.csv` and `edges.csv` and writes both files
    /// again (`BundleGraphCheck`).
    struct Model {
        /// One account node: in the source with its risk (as `JSONValue.decimal` writes it),
        /// cluster id and labels (joined by `;`), or not in it, with its own labels.
        struct Account {
            var id: ExactText
            var inSource: Bool
            var risk = ""
            var cluster = ""
            var tags: String
        }

        /// One shared value with its weight (as written), the case accounts sharing it and the
        /// accounts of the whole source that do.
        struct Value {
            var kind: LinkKind
            var text: ExactText
            var weight: String
            var sharers: Int
            var sharedBy: Int
        }

        var accounts: [Account]
        var values: [Value]
        /// Sorted by (account, value).
        var incidences: [Incidence]
    }

    /// The model of a bundle input.
    static func model(_ input: BundleInput, _ links: CaseLinks) -> Model {
        let labels = input.labelIndex
        let accounts = caseAccounts(input)
        let nodes: [Model.Account] = accounts.map { account in
            guard let index = account.index else {
                return Model.Account(id: account.id, inSource: false, tags: labels.labels(ofAccountID: account.id).joined(separator: ";"))
            }
            return Model.Account(
                id: account.id, inSource: true, risk: JSONValue.decimal(input.investigation.accountRisk[index]),
                cluster: input.investigation.cluster(ofAccount: index).id,
                tags: labels.labels(of: input, account: index).joined(separator: ";"))
        }
        let values = links.values.map {
            Model.Value(
                kind: $0.kind, text: $0.text, weight: JSONValue.decimal($0.weight), sharers: $0.sharers.count, sharedBy: $0.sharedBy)
        }
        return Model(accounts: nodes, values: values, incidences: incidences(input, links, accounts: accounts))
    }

    static func edges(_ input: BundleInput, _ links: CaseLinks) -> BundleFile { edges(model(input, links)) }

    static func graphML(_ input: BundleInput, _ links: CaseLinks) -> BundleFile { graphML(model(input, links)) }

    /// `edges.csv` of a model.
    static func edges(_ model: Model) -> BundleFile {
        var table = CSVTable(header: edgesHeader)
        for incidence in model.incidences {
            let id = model.accounts[incidence.account].id
            let value = model.values[incidence.value]
            table.append([
                CSVValue.text(id), id.base64, value.kind.rawValue, CSVValue.text(value.text), value.text.base64,
                value.weight, String(value.sharers), String(value.sharedBy),
            ])
        }
        return BundleFile(path: "edges.csv", bytes: table.bytes, records: table.recordCount)
    }

    /// `graph.graphml` of a model.
    static func graphML(_ model: Model) -> BundleFile {
        let e = MarkupEscaping.escape
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
            <key id="n_type" for="node" attr.name="type" attr.type="string"/>
            <key id="n_label" for="node" attr.name="label" attr.type="string"/>
            <key id="n_id_b64" for="node" attr.name="id_b64" attr.type="string"/>
            <key id="n_risk" for="node" attr.name="risk" attr.type="double"/>
            <key id="n_cluster" for="node" attr.name="cluster" attr.type="string"/>
            <key id="n_tags" for="node" attr.name="tags" attr.type="string"/>
            <key id="n_in_source" for="node" attr.name="in_source" attr.type="boolean"/>
            <key id="n_kind" for="node" attr.name="kind" attr.type="string"/>
            <key id="n_sharers" for="node" attr.name="sharers" attr.type="int"/>
            <key id="n_shared_by" for="node" attr.name="shared_by" attr.type="int"/>
            <key id="n_weight" for="node" attr.name="weight" attr.type="double"/>
            <key id="e_kind" for="edge" attr.name="kind" attr.type="string"/>
            <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
            <graph id="case" edgedefault="undirected">

            """
        for (i, account) in model.accounts.enumerated() {
            out += "<node id=\"a\(i + 1)\"><data key=\"n_type\">account</data>"
            out += "<data key=\"n_label\">\(e(account.id.display))</data><data key=\"n_id_b64\">\(account.id.base64)</data>"
            if account.inSource {
                out += "<data key=\"n_risk\">\(account.risk)</data>"
                out += "<data key=\"n_cluster\">\(e(account.cluster))</data>"
                out += "<data key=\"n_tags\">\(e(account.tags))</data>"
                out += "<data key=\"n_in_source\">true</data></node>\n"
            } else {
                out += "<data key=\"n_tags\">\(e(account.tags))</data><data key=\"n_in_source\">false</data></node>\n"
            }
        }
        for (v, value) in model.values.enumerated() {
            out += "<node id=\"v\(v + 1)\"><data key=\"n_type\">value</data><data key=\"n_kind\">\(value.kind.rawValue)</data>"
            out += "<data key=\"n_label\">\(e(value.kind.rawValue + " " + value.text.display))</data>"
            out += "<data key=\"n_id_b64\">\(value.text.base64)</data><data key=\"n_sharers\">\(value.sharers)</data>"
            out += "<data key=\"n_shared_by\">\(value.sharedBy)</data>"
            out += "<data key=\"n_weight\">\(value.weight)</data></node>\n"
        }
        for incidence in model.incidences {
            let value = model.values[incidence.value]
            out += "<edge source=\"a\(incidence.account + 1)\" target=\"v\(incidence.value + 1)\">"
            out += "<data key=\"e_kind\">\(value.kind.rawValue)</data>"
            out += "<data key=\"e_weight\">\(value.weight)</data></edge>\n"
        }
        out += "</graph>\n</graphml>\n"
        return BundleFile(
            path: "graph.graphml", bytes: Array(out.utf8), records: model.accounts.count + model.values.count + model.incidences.count)
    }
}
