/// The JSON shapes the scripting commands print (stable keys, deterministic order).
public enum Reports {
    /// The load report: counts, skipped rows (first 100) and warnings.
    public static func load(_ report: LoadReport) -> JSONOut {
        func issues(_ list: [LoadIssue]) -> JSONOut {
            .array(list.map { .object(["file": .string($0.file), "line": .int($0.line), "reason": .string($0.reason)]) })
        }
        return .object([
            "accounts": .int(report.accounts), "payments": .int(report.payments), "queries": .int(report.queries),
            "links": .int(report.links), "skipped_count": .int(report.skippedCount), "skipped": issues(report.skipped),
            "warning_count": .int(report.warningCount), "warnings": issues(report.warnings),
            "files_with_uncounted_loss": .array(report.filesWithUncountedLoss.map { .string($0) }),
            "files": .array(report.files.map { .object(["name": .string($0.name), "bytes": .int($0.bytes), "rows": .int($0.rows)]) }),
        ])
    }

    /// One signal.
    public static func signal(_ s: SignalScore) -> JSONOut {
        .object([
            "name": .string(s.name), "value": .number(s.value), "baseline": .number(s.baseline),
            "contribution": .number(s.contribution), "explanation": .string(s.explanation),
        ])
    }

    /// One cluster with its member ids.
    public static func cluster(_ c: Cluster, in inv: Investigation) -> JSONOut {
        .object([
            "id": .string(c.id), "risk": .number((c.risk * 10000).rounded() / 10000), "size": .int(c.size),
            // Riskiest first, as the text and the console list them (ties in member order).
            "accounts": .array(inv.riskiestFirst(c.members).map { .exact(inv.data.accountExactID($0)) }),
            "links": .object(Dictionary(uniqueKeysWithValues: c.linkCounts.map { ($0.key.rawValue, JSONOut.int($0.value)) })),
            "signals": .array(c.signals.map(signal)),
            "operation": inv.operationOfCluster[c.position].map { .string(inv.operations[$0].id) } ?? .null,
        ])
    }

    /// One operation: its clusters and the tooling that ties them.
    public static func operation(_ op: Operation, in inv: Investigation) -> JSONOut {
        .object([
            "id": .string(op.id), "accounts": .int(op.accounts),
            "clusters": .array(op.clusters.map { .string(inv.clusters[$0].id) }),
            "ties": .array(
                op.ties.map {
                    .object([
                        "kind": .string($0.kind.rawValue), "value": .exact(inv.index.valueExact($0.kind, $0.value)),
                        "clusters": .int($0.clusters),
                    ])
                }),
        ])
    }

    /// The names of an account's own extra columns (the source's, not the format's), as
    /// `attributes` keys them: shown apart, so that a column named `risk` or `tags` never reads
    /// as the tool's verdict.
    public static func extraColumnNames(_ account: Int, in inv: Investigation) -> Set<String> {
        Set(inv.data.accounts.extras(of: account).map { inv.data.pools.extraKeys.string($0.0) })
    }

    /// An account's attributes as the source held them (nil: not given), an extra column of the
    /// same name as a standard one taking its place; `account` and the text of the `account`
    /// command both read them.
    public static func attributes(_ account: Int, in inv: Investigation) -> [String: ExactText?] {
        let data = inv.data
        let t = data.accounts
        let pools = data.pools
        func text(_ pool: StringPool, _ id: Int32) -> ExactText? { id < 0 ? nil : ExactText(bytes: pool.bytes(id)) }
        var attributes: [String: ExactText?] = [
            "created_at": t.createdAt[account] == .min ? nil : ExactText(Timestamp.format(millis: t.createdAt[account])),
            "email": AccountRowFetcher(data: data).email(account).map { ExactText(bytes: $0) },
            "email_domain": text(pools.emailDomains, t.emailDomain[account]),
            "org_id": text(pools.orgs, t.org[account]), "country": text(pools.labels, t.country[account]),
            "plan": text(pools.labels, t.plan[account]), "status": text(pools.labels, t.status[account]),
            "payment_fingerprint": text(pools.payments, t.payment[account]), "signup_ip": text(pools.ips, t.signupIP[account]),
        ]
        for (key, value) in t.extras(of: account) {
            attributes[pools.extraKeys.string(key)] = ExactText(bytes: pools.extraValues.bytes(value))
        }
        return attributes
    }

    /// One account: attributes, linked values with share counts, the accounts it fires together
    /// with (`timing`) and those it keeps sittings with (`sittings`: shared clock hours), cluster
    /// and risk.
    public static func account(_ account: Int, in inv: Investigation) -> JSONOut {
        let data = inv.data
        let attributes = Self.attributes(account, in: inv).mapValues { $0.map(JSONOut.exact) ?? .null }
        var links: [String: JSONOut] = [:]
        for kind in LinkKind.allCases {
            let values = inv.index.values(of: account, kind: kind)
            guard !values.isEmpty else { continue }
            links[kind.rawValue] = .array(
                values.map { v in
                    .object([
                        "value": .exact(inv.index.valueExact(kind, v)), "shared_by": .int(inv.index.shareCount(kind, value: v)),
                        "hub": .bool(inv.isHub(kind, value: v)),
                    ])
                })
        }
        let cluster = inv.cluster(ofAccount: account)
        let f = inv.features
        let firing = inv.coActivity.partners(of: account, accountCount: data.accountCount)
        let timing: JSONOut = .object([
            "window_seconds": .int(PairExplanation.timingWindowSeconds), "firings": .int(firing.firings),
            "together": .int(firing.together),
            "expected": .number(firing.expected), "summary": .string(firing.summary),
            "partners": .array(
                firing.partners.map {
                    .object([
                        "account_id": .exact(data.accountExactID($0.account)), "together": .int($0.firing.together),
                        "window_seconds": .int($0.firing.windowSeconds),
                        "expected": .number($0.firing.expected), "bits": .number($0.firing.bits),
                    ])
                }),
        ])
        let sitting = inv.coActivity.sittingPartners(of: account, accountCount: data.accountCount)
        let sittings: JSONOut = .object([
            "active_hours": .int(sitting.hours), "together": .int(sitting.together), "expected": .number(sitting.expected),
            "compared": .int(sitting.compared), "bar_bits": .number(sitting.bar),
            "summary": .string(sitting.summary),
            "partners": .array(
                sitting.partners.map {
                    .object([
                        "account_id": .exact(data.accountExactID($0.account)), "together": .int($0.sittings.together),
                        "expected": .number($0.sittings.expected), "bits": .number($0.sittings.bits),
                    ])
                }),
        ])
        return .object([
            "account_id": .exact(data.accountExactID(account)), "attributes": .object(attributes), "links": .object(links),
            "timing": timing, "sittings": sittings,
            "cluster": .string(cluster.id), "cluster_size": .int(cluster.size),
            "cluster_risk": .number((cluster.risk * 10000).rounded() / 10000),
            "risk": .number((inv.accountRisk[account] * 10000).rounded() / 10000),
            "risk_weight": riskWeight(inv.accountRisk.weight(of: account)),
            "queries": .int(Int(f.queries[account])), "output_tokens": .int(Int(f.outputTokens[account])),
            "signals": .array(cluster.signals.map(signal)),
        ])
    }

    /// Why two accounts are linked: shared values with their weights, co-firing, verdict.
    public static func pair(_ e: PairEvidence, a: Int, b: Int, lines: [String], in inv: Investigation) -> JSONOut {
        var timing: JSONOut = .null
        if let t = e.timing {
            var fields: [String: JSONOut] = [
                "together": .int(t.together), "expected": .number(t.expected), "bits": .number(t.bits),
                "counted_bits": .number(inv.weights.countedTiming(t)), "window_seconds": .int(t.windowSeconds),
                "sittings": .bool(t.sittings),
            ]
            if t.sittings {
                // The figures hold the smaller account's hours first.
                let (first, second) = a < b ? (t.hoursA, t.hoursB) : (t.hoursB, t.hoursA)
                (fields["active_hours_a"], fields["active_hours_b"]) = (.int(first), .int(second))
            }
            timing = .object(fields)
        }
        return .object([
            "account_a": .exact(inv.data.accountExactID(a)), "account_b": .exact(inv.data.accountExactID(b)),
            "shared": .array(
                e.shared.map {
                    .object([
                        "kind": .string($0.kind.rawValue), "value": .exact(inv.index.valueExact($0.kind, $0.value)),
                        "shared_by": .int($0.sharedBy), "bits": .number($0.bits), "counted": .number($0.counted),
                        "spread_bits": .number($0.spread), "light_bits": .number($0.light), "light_use": lightUse($0.lightUse, in: inv),
                    ])
                }),
            "timing": timing, "total_bits": .number(e.total), "threshold_bits": .number(e.threshold),
            "linked": .bool(e.linked), "same_cluster": .bool(inv.clusterOfAccount[a] == inv.clusterOfAccount[b]),
            "explanation": .array(lines.map { .string($0) }),
        ])
    }

    /// The account that uses a shared value lightly (`ContextUse`), its queries with the value
    /// and with its most used value of the kind; null when neither does.
    static func lightUse(_ use: LightUse?, in inv: Investigation) -> JSONOut {
        guard let use else { return .null }
        return .object(["account_id": .exact(inv.data.accountExactID(use.account)), "queries": .int(use.count), "main_queries": .int(use.main)])
    }

    /// The accounts holding one value, each with its cluster (`holders`), and the clusters they
    /// fall in, most holders first (`held_in`). `accounts` lists the same ids alone. Ids and the
    /// value are exact (`{"b64": ...}` where the bytes are not valid UTF-8).
    public static func pivot(kind: LinkKind, value: ExactText, holders: [Int], hub: Bool, in inv: Investigation) -> JSONOut {
        let byCount = inv.heldIn(holders)
        return .object([
            "key": .string(kind.rawValue), "value": .exact(value),
            "accounts": .array(holders.map { .exact(inv.data.accountExactID($0)) }),
            "count": .int(holders.count), "hub": .bool(hub),
            "holders": .array(
                inv.riskiestFirst(holders).map { holder in
                    let cluster = inv.clusters[Int(inv.clusterOfAccount[holder])]
                    return .object([
                        "account_id": .exact(inv.data.accountExactID(holder)), "cluster": .string(cluster.id),
                        "cluster_size": .int(cluster.size), "cluster_risk": .number((cluster.risk * 10000).rounded() / 10000),
                        "risk": .number((inv.accountRisk[holder] * 10000).rounded() / 10000),
                    ])
                }),
            "held_in": .array(
                byCount.map { entry in
                    let cluster = inv.clusters[entry.cluster]
                    return .object([
                        "cluster": .string(cluster.id), "cluster_size": .int(cluster.size), "holders": .int(entry.holders),
                        "cluster_risk": .number((cluster.risk * 10000).rounded() / 10000),
                    ])
                }),
        ])
    }

    /// An account's weight on its cluster's risk (`AccountRiskWeight`), with the sum written out.
    static func riskWeight(_ w: AccountRiskWeight) -> JSONOut {
        .object([
            "cluster_risk": .number((w.clusterRisk * 10000).rounded() / 10000),
            "weight": .number((w.weight * 10000).rounded() / 10000),
            "prompted": .int(w.prompted), "reasoning": .int(w.reasoning),
            "cluster_share": w.clusterShare.map { .number(($0 * 10000).rounded() / 10000) } ?? .null,
            "explanation": .string(w.explanation),
        ])
    }
}
