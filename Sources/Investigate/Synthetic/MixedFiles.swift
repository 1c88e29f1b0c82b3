#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the `mixed` scenario's accounts as a case source in a layout of its own: accounts.csv
/// with its columns in another order, a payments row per instrument, and query lines with
/// their keys in another order, times sometimes with a UTC offset or as epoch milliseconds, a
/// few rows with the prompt redacted to a fingerprint.
struct MixedFiles {
    let directory: String
    let rowsPerPart: Int
    let order: SyntheticSource.QueryOrder
    let escapesUnicode: Bool

    mutating func write(_ accounts: [MixedAccount], rng: inout SeededRandom, truth: inout SyntheticSource.Truth) throws {
        mkdir(directory, 0o755)
        let accountFile = try SyntheticWriter(path: directory + "/accounts.csv")
        accountFile.line("email,account_id,status,plan,created_at,country,org_id,payment_fingerprint,signup_ip,signup_channel")
        let payments = try SyntheticWriter(path: directory + "/payments.csv")
        payments.line("payment_fingerprint,account_id,kind,added_at")
        let queries = SyntheticQueryLines(directory: directory, rowsPerPart: rowsPerPart, order: order)
        for account in accounts {
            let created = rng.chance(0.15) ? String(account.created / 1000) : Timestamp.format(millis: account.created)
            accountFile.line(
                [
                    account.email, account.id, account.status, account.plan, created, account.country, account.org,
                    account.instruments[0].fingerprint, account.signupIP, rng.pick(["web", "console", "api", "partner, referral"]),
                ].map(SyntheticFormat.csv).joined(separator: ","))
            for instrument in account.instruments {
                payments.line(
                    [instrument.fingerprint, account.id, instrument.kind, Timestamp.format(millis: account.created + 300_000)]
                        .map(SyntheticFormat.csv).joined(separator: ","))
            }
            for t in account.times {
                queries.append(time: t, line(account, at: t, rng: &rng, count: truth.queryCount))
                truth.queryCount += 1
                try queries.flushIfAccountOrdered()
            }
        }
        truth.accountCount = accounts.count
        accountFile.close()
        payments.close()
        try queries.finish()
    }

    /// One query line.
    private func line(_ a: MixedAccount, at t: Int64, rng: inout SeededRandom, count: Int) -> String {
        let prompt: String
        var input: Int
        switch a.prompts {
        case .chat: prompt = MixedPrompts.chat(&rng)
        case .scaffold(let variant, let share): prompt = rng.chance(share) ? MixedPrompts.scaffold(variant, &rng) : MixedPrompts.chat(&rng)
        case .datasetRows: prompt = MixedPrompts.datasetRow(&rng)
        case .memos(let share): prompt = rng.chance(share) ? MixedPrompts.memo(&rng) : MixedPrompts.chat(&rng)
        case .ciCheck: prompt = MixedPrompts.ciCheck(&rng)
        case .translation(let language): prompt = MixedPrompts.translation(language, &rng)
        case .benchmark: prompt = MixedPrompts.benchmark(&rng)
        }
        input = max(4, Int(Double(prompt.utf8.count) / 4.2 * (0.9 + 0.2 * Double(rng.int(0...100)) / 100)))
        if case .chat = a.prompts { input += rng.geometric(mean: 150) }  // pasted context
        var output = max(1, Int(rng.logNormal(median: a.outputMedian, sigma: a.outputSigma)))
        if case .translation = a.prompts { output = max(1, Int(Double(input) * (1.0 + 0.3 * rng.normal().magnitude))) }
        let (ip, asn) = rng.pick(a.networks)
        let model = rng.weighted(a.models)
        var promptField: String
        if rng.chance(0.02) {
            promptField = "\"prompt_fingerprint\":\"" + rng.hex(32) + "\""
        } else {
            let text = escapesUnicode ? SyntheticUnicode.greeted(prompt, account: a.id) : prompt
            let encoded = escapesUnicode && count % 2 == 1 ? SyntheticUnicode.escapedJSON(text) : SyntheticFormat.json(text)
            promptField = "\"prompt\":" + encoded
        }
        return "{\"request_id\":\"msg_" + rng.hex(16) + "\",\"model\":\"" + model + "\",\"account_id\":" + SyntheticFormat.json(a.id)
            + ",\"ts\":" + timeText(t, rng: &rng) + ",\"user_agent\":" + SyntheticFormat.json(a.client)
            + ",\"ip\":\"" + ip + "\",\"asn\":\"" + asn + "\",\"api_key\":\"" + a.apiKey + "\""
            + ",\"category\":\"" + rng.pick(a.categories) + "\",\"input_tokens\":" + String(input)
            + ",\"output_tokens\":" + String(output) + "," + promptField + "}"
    }

    /// A timestamp: RFC 3339 in UTC mostly, sometimes with an offset, sometimes epoch ms.
    private func timeText(_ t: Int64, rng: inout SeededRandom) -> String {
        let roll = rng.int(0...99)
        if roll < 6 { return String(t) }
        guard roll < 16 else { return "\"" + Timestamp.format(millis: t) + "\"" }
        let offset = rng.pick([-5, 2, 9])
        var text = Timestamp.format(millis: t + Int64(offset) * 3_600_000)
        text.removeLast()
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset)
        return "\"" + text + sign + (hours < 10 ? "0" : "") + String(hours) + ":00\""
    }
}
