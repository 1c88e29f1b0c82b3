/// `edges.csv` (one row per shared value between two case accounts) and `graph.graphml`
/// (one node per case account, one edge per linked pair) that networkx and Gephi open.
enum GraphFiles {
    static func edges(_ links: CaseLinks) -> BundleFile {
        var table = CSVTable(header: ["account_a", "account_b", "kind", "value", "weight"])
        for edge in links.edges {
            table.append([edge.a, edge.b, edge.kind.rawValue, edge.value, JSONValue.decimal(edge.weight)])
        }
        return BundleFile(path: "edges.csv", bytes: table.bytes, records: table.recordCount)
    }

    static func graphML(_ input: BundleInput, _ links: CaseLinks) -> BundleFile {
        let e = MarkupEscaping.escape
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
            <key id="n_risk" for="node" attr.name="risk" attr.type="double"/>
            <key id="n_cluster" for="node" attr.name="cluster" attr.type="string"/>
            <key id="n_tags" for="node" attr.name="tags" attr.type="string"/>
            <key id="n_in_source" for="node" attr.name="in_source" attr.type="boolean"/>
            <key id="e_kinds" for="edge" attr.name="kinds" attr.type="string"/>
            <key id="e_shared" for="edge" attr.name="shared" attr.type="int"/>
            <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
            <graph id="case" edgedefault="undirected">

            """
        var nodes: [(String, String)] = input.accounts.map { exact, i in
            let id = exact.fileText
            let cluster = input.investigation.cluster(ofAccount: i)
            return (
                id,
                "<node id=\"\(e(id))\"><data key=\"n_risk\">\(JSONValue.decimal(input.investigation.accountRisk[i]))</data>"
                    + "<data key=\"n_cluster\">\(e(cluster.id))</data>"
                    + "<data key=\"n_tags\">\(e(input.labels(ofAccount: i).joined(separator: ";")))</data>"
                    + "<data key=\"n_in_source\">true</data></node>\n"
            )
        }
        for exact in input.missingAccounts {
            let id = exact.fileText
            nodes.append(
                (
                    id,
                    "<node id=\"\(e(id))\"><data key=\"n_tags\">"
                        + "\(e(input.snapshot.labels(of: .account, exact).joined(separator: ";")))</data>"
                        + "<data key=\"n_in_source\">false</data></node>\n"
                ))
        }
        for (_, line) in nodes.sorted(by: { $0.0 < $1.0 }) { out += line }
        let pairs = links.pairs
        for pair in pairs {
            out +=
                "<edge source=\"\(e(pair.a))\" target=\"\(e(pair.b))\"><data key=\"e_kinds\">\(e(pair.kinds))</data>"
                + "<data key=\"e_shared\">\(pair.shared)</data><data key=\"e_weight\">\(JSONValue.decimal(pair.weight))</data></edge>\n"
        }
        out += "</graph>\n</graphml>\n"
        return BundleFile(path: "graph.graphml", bytes: Array(out.utf8), records: nodes.count + pairs.count)
    }
}
