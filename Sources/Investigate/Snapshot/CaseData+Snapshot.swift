import Foundation

/// The pools in the order and under the names a snapshot stores them.
extension ValuePools {
    var snapshotPools: [(name: String, pool: StringPool)] {
        [
            ("account_ids", accountIDs), ("ips", ips), ("subnets", subnets), ("asns", asns), ("user_agents", userAgents),
            ("email_domains", emailDomains), ("orgs", orgs), ("payments", payments), ("api_keys", apiKeys),
            ("models", models), ("model_mixes", modelMixes), ("mailboxes", mailboxes), ("client_families", clientFamilies), ("questions", questions), ("categories", categories), ("labels", labels), ("extra_keys", extraKeys),
            ("extra_values", extraValues),
        ]
    }
}

extension CaseData {
    /// Writes the pools, tables and load report (not the file list: it is found again on reading).
    func writeSnapshot(_ out: SnapshotFileWriter) throws {
        for (name, pool) in pools.snapshotPools { try out.put("pool." + name, pool: pool) }
        let a = accounts
        try out.put("accounts.created_at", a.createdAt)
        for (name, column) in Self.accountColumns(a) { try out.put("accounts." + name, column) }
        try out.put("accounts.file_start", a.fileStart)
        try out.put("payments.account", payments.account)
        try out.put("payments.fingerprint", payments.fingerprint)
        try out.put("payments.kind", payments.kind)
        try out.put("upstream.a", upstream.accountA)
        try out.put("upstream.b", upstream.accountB)
        try out.put("upstream.kind", upstream.kind)
        try out.put("upstream.weight", upstream.weight)
        try out.put("upstream.note", upstream.note)
        try out.put("ip_subnet", ipSubnet)
        try queries.writeSnapshot(out)
        try out.put("report", Array(try JSONEncoder().encode(SnapshotLoadReport(report))))
    }

    private static func accountColumns(_ a: AccountTable) -> [(String, [Int32])] {
        [
            ("email_domain", a.emailDomain), ("org", a.org), ("country", a.country), ("plan", a.plan), ("status", a.status),
            ("payment", a.payment), ("signup_ip", a.signupIP), ("line", a.line), ("extra_start", a.extraStart),
            ("extra_key", a.extraKey), ("extra_value", a.extraValue),
        ]
    }

    /// Reads what `writeSnapshot` wrote and checks every id against its pool or table.
    /// - Parameters:
    ///   - directory: the folder the source is opened from now.
    ///   - files: its files, found now (their fingerprint is the snapshot's key).
    static func readSnapshot(_ input: SnapshotFileReader, directory: String, files: SourceFiles) throws -> CaseData {
        let pools = ValuePools()
        for (name, pool) in pools.snapshotPools { try input.pool("pool." + name, into: pool) }
        let n = pools.accountIDs.count
        let accounts = AccountTable()
        accounts.createdAt = try input.array("accounts.created_at", Int64.self)
        try SnapshotCheck.count("accounts.created_at", accounts.createdAt.count, n)
        for time in accounts.createdAt where time != .min && !Timestamp.representable.contains(time) {
            throw SnapshotDamage("section accounts.created_at: out of range")
        }
        func column(_ name: String, _ pool: StringPool?) throws -> [Int32] {
            let values = try input.array("accounts." + name, Int32.self)
            try SnapshotCheck.count("accounts." + name, values.count, n)
            if let pool { try SnapshotCheck.ids("accounts." + name, values, below: pool.count) }
            return values
        }
        accounts.emailDomain = try column("email_domain", pools.emailDomains)
        accounts.org = try column("org", pools.orgs)
        accounts.country = try column("country", pools.labels)
        accounts.plan = try column("plan", pools.labels)
        accounts.status = try column("status", pools.labels)
        accounts.payment = try column("payment", pools.payments)
        accounts.signupIP = try column("signup_ip", pools.ips)
        accounts.line = try column("line", nil)
        accounts.extraKey = try input.array("accounts.extra_key", Int32.self)
        accounts.extraValue = try input.array("accounts.extra_value", Int32.self)
        try SnapshotCheck.count("accounts.extra_value", accounts.extraValue.count, accounts.extraKey.count)
        try SnapshotCheck.ids("accounts.extra_key", accounts.extraKey, below: pools.extraKeys.count, absent: false)
        try SnapshotCheck.ids("accounts.extra_value", accounts.extraValue, below: pools.extraValues.count, absent: false)
        accounts.extraStart = try input.array("accounts.extra_start", Int32.self)
        try SnapshotCheck.starts("accounts.extra_start", accounts.extraStart, entries: n + 1, end: accounts.extraKey.count)
        accounts.fileStart = try input.array("accounts.file_start", Int.self)
        try SnapshotCheck.count("accounts.file_start", accounts.fileStart.count, files.accounts.count)
        for start in accounts.fileStart where start < 0 || start > n { throw SnapshotDamage("section accounts.file_start: out of range") }

        let payments = PaymentTable()
        payments.account = try input.array("payments.account", Int32.self)
        payments.fingerprint = try input.array("payments.fingerprint", Int32.self)
        payments.kind = try input.array("payments.kind", Int32.self)
        try SnapshotCheck.count("payments.fingerprint", payments.fingerprint.count, payments.count)
        try SnapshotCheck.count("payments.kind", payments.kind.count, payments.count)
        try SnapshotCheck.ids("payments.account", payments.account, below: n, absent: false)
        try SnapshotCheck.ids("payments.fingerprint", payments.fingerprint, below: pools.payments.count, absent: false)
        try SnapshotCheck.ids("payments.kind", payments.kind, below: pools.labels.count)

        let upstream = UpstreamLinkTable()
        upstream.accountA = try input.array("upstream.a", Int32.self)
        upstream.accountB = try input.array("upstream.b", Int32.self)
        upstream.kind = try input.array("upstream.kind", Int32.self)
        upstream.weight = try input.array("upstream.weight", Double.self)
        upstream.note = try input.array("upstream.note", Int32.self)
        for (name, count) in [("b", upstream.accountB.count), ("kind", upstream.kind.count), ("weight", upstream.weight.count), ("note", upstream.note.count)] {
            try SnapshotCheck.count("upstream." + name, count, upstream.count)
        }
        try SnapshotCheck.ids("upstream.a", upstream.accountA, below: n, absent: false)
        try SnapshotCheck.ids("upstream.b", upstream.accountB, below: n, absent: false)
        try SnapshotCheck.ids("upstream.kind", upstream.kind, below: pools.labels.count)
        try SnapshotCheck.ids("upstream.note", upstream.note, below: pools.labels.count)
        try SnapshotCheck.finite("upstream.weight", upstream.weight)

        let ipSubnet = try input.array("ip_subnet", Int32.self)
        try SnapshotCheck.count("ip_subnet", ipSubnet.count, pools.ips.count)
        try SnapshotCheck.ids("ip_subnet", ipSubnet, below: pools.subnets.count)

        let queries = try QueryTable.readSnapshot(input, pools: pools, accounts: n, files: files)
        let reportBytes = try input.array("report", UInt8.self)
        guard let decoded = try? JSONDecoder().decode(SnapshotLoadReport.self, from: Data(reportBytes)) else {
            throw SnapshotDamage("section report: malformed")
        }
        let report = decoded.report
        return CaseData(
            directory: directory, files: files, pools: pools, accounts: accounts, payments: payments, queries: queries,
            upstream: upstream, ipSubnet: ipSubnet, report: report)
    }
}

/// `LoadReport` as stored in a snapshot (JSON: it is small, at most `listLimit` issues a list).
struct SnapshotLoadReport: Codable {
    struct Phase: Codable {
        var name: String
        var seconds: Double
        var residentBytes: Int
        var peakBytes: Int
    }
    var accounts, payments, queries, links, skippedCount, warningCount: Int
    var skipped, warnings: [LoadIssue]
    var files: [LoadReport.FileSummary]
    /// Absent in a report stored before it was counted (read as none).
    var filesWithUncountedLoss: [String]?
    var seconds: Double
    var phases: [Phase]

    init(_ report: LoadReport) {
        accounts = report.accounts
        payments = report.payments
        queries = report.queries
        links = report.links
        skippedCount = report.skippedCount
        warningCount = report.warningCount
        skipped = report.skipped
        warnings = report.warnings
        files = report.files
        filesWithUncountedLoss = report.filesWithUncountedLoss
        seconds = report.seconds
        phases = report.phases.map { Phase(name: $0.name, seconds: $0.seconds, residentBytes: $0.residentBytes, peakBytes: $0.peakBytes) }
    }

    var report: LoadReport {
        var out = LoadReport()
        out.accounts = accounts
        out.payments = payments
        out.queries = queries
        out.links = links
        out.skippedCount = skippedCount
        out.warningCount = warningCount
        out.skipped = skipped
        out.warnings = warnings
        out.files = files
        out.filesWithUncountedLoss = filesWithUncountedLoss ?? []
        out.seconds = seconds
        out.phases = phases.map { LoadReport.Phase(name: $0.name, seconds: $0.seconds, residentBytes: $0.residentBytes, peakBytes: $0.peakBytes) }
        return out
    }
}
