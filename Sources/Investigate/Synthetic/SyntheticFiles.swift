#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes generated personas as a case source: accounts.csv, payments.csv, links.csv and
/// queries (JSONL, one file or parts), in time order (as API logs are: accounts interleave) or
/// in account order. Both orders hold the same rows, byte for byte, only arranged differently.
struct SyntheticFiles {
    let directory: String
    let rowsPerPart: Int
    var order: SyntheticSource.QueryOrder = .time
    /// Prompts open with a non-ASCII greeting, `\u` escaped on every other line (`SyntheticUnicode`).
    var escapesUnicode = false
    let windowEnd: Int64 = 1_780_272_000_000
    let day: Int64 = 86_400_000

    func write(_ personas: [Persona], rng: inout SeededRandom, truth: inout SyntheticSource.Truth) throws {
        mkdir(directory, 0o755)
        let accounts = try SyntheticWriter(path: directory + "/accounts.csv")
        accounts.line("account_id,created_at,email,org_id,country,plan,status,payment_fingerprint,signup_ip,nickname")
        let payments = try SyntheticWriter(path: directory + "/payments.csv")
        payments.line("account_id,payment_fingerprint,kind,bin_country,added_at")
        let links = try SyntheticWriter(path: directory + "/links.csv")
        links.line("account_a,account_b,kind,weight,note")
        let queries = SyntheticQueryLines(directory: directory, rowsPerPart: rowsPerPart, order: order)
        var batches: [Int: [Int64]] = [:]
        var previous: Persona?
        for persona in personas {
            let created = persona.createdAt
            let createdText = rng.chance(0.1) ? String(created / 1000) : Timestamp.format(millis: created)
            accounts.line(
                [
                    persona.id, createdText, persona.email, persona.org, persona.country.uppercased(), persona.plan,
                    persona.status, persona.payment, persona.signupIP, persona.nickname,
                ].map(SyntheticFormat.csv).joined(separator: ","))
            payments.line(
                [
                    persona.id, persona.payment, persona.paymentKind, persona.country.uppercased(),
                    Timestamp.format(millis: created + 60_000),
                ].map(SyntheticFormat.csv).joined(separator: ","))
            if let old = previous, rng.chance(0.01) {
                links.line("\(old.id),\(persona.id),referral,0.2,signup referral code")
            }
            previous = persona
            for q in 0..<(persona.times?.count ?? persona.queries) {
                let ts = persona.times?[q] ?? time(for: persona, rng: &rng, batches: &batches)
                let (ip, asn) = rng.pick(persona.ips)
                let prompt: String
                var input = rng.int(20...400)
                switch persona.prompts {
                case .human: prompt = PromptMaker.human(&rng)
                case .ring(let t): prompt = PromptMaker.ring(t, &rng); input = rng.int(60...200)
                case .benchmark: prompt = PromptMaker.benchmark(&rng); input = rng.int(80...150)
                case .scripted(let templates, let share):
                    if rng.chance(share) {
                        prompt = ScenarioPrompts.template(rng.pick(templates), &rng)
                        input = rng.int(90...260)
                    } else {
                        prompt = PromptMaker.human(&rng)
                    }
                }
                var promptJSON = SyntheticFormat.json(prompt)
                if escapesUnicode {
                    let greeted = SyntheticUnicode.greeted(prompt, account: persona.id)
                    promptJSON = truth.queryCount % 2 == 1 ? SyntheticUnicode.escapedJSON(greeted) : SyntheticFormat.json(greeted)
                }
                let output = max(1, Int(persona.outputMean * Double(rng.int(50...150)) / 100))
                let tsText = rng.chance(0.05) ? String(ts) : "\"" + Timestamp.format(millis: ts) + "\""
                let model =
                    persona.models.map { rng.pick($0) }
                    ?? (rng.chance(0.8) ? persona.model : rng.pick(["claude-opus-4", "claude-haiku-4"]))
                queries.append(
                    time: ts,
                    "{\"ts\":\(tsText),\"account_id\":\(SyntheticFormat.json(persona.id)),\"api_key\":\"\(persona.apiKey)\","
                        + "\"ip\":\"\(ip)\",\"asn\":\"\(asn)\",\"user_agent\":\(SyntheticFormat.json(persona.userAgent)),"
                        + "\"model\":\"\(model)\",\"input_tokens\":\(input),\"output_tokens\":\(output),"
                        + "\"category\":\"\(rng.pick(persona.categories))\",\"prompt\":\(promptJSON),"
                        + "\"request_id\":\"req_\(rng.hex(12))\"}")
                truth.queryCount += 1
                try queries.flushIfAccountOrdered()
            }
        }
        truth.accountCount = personas.count
        for writer in [accounts, payments, links] { writer.close() }
        try queries.finish()
    }

    private func time(for persona: Persona, rng: inout SeededRandom, batches: inout [Int: [Int64]]) -> Int64 {
        let windowStart = max(persona.createdAt + 3_600_000, windowEnd - 30 * day)
        let span = max(3_600_000, windowEnd - windowStart)
        let dayStart = windowStart - windowStart % day
        switch persona.timing {
        case .flat:
            return windowStart + Int64(rng.int(0...Int(span - 1)))
        case .human:
            let d = Int64(rng.int(0...Int(max(0, span / day))))
            let hour = Int64(rng.pick([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 20, 21, 21, 22, 23]))
            return min(windowEnd - 1, max(windowStart, dayStart + d * day + hour * 3_600_000 + Int64(rng.int(0...3_599_999))))
        case .office:
            var d = Int64(rng.int(0...Int(max(0, span / day))))
            if (dayStart / day + d + 4) % 7 >= 5 { d = max(0, d - 2) }
            let hour = Int64(rng.int(9...17))
            return min(windowEnd - 1, max(windowStart, dayStart + d * day + hour * 3_600_000 + Int64(rng.int(0...3_599_999))))
        case .lockstep(let ring):
            if batches[ring] == nil {
                batches[ring] = (0..<60).map { _ in windowEnd - 25 * day + Int64(rng.int(0...(24 * 86_400))) * 1000 }
            }
            return rng.pick(batches[ring]!) + Int64(rng.int(0...45_000))
        }
    }
}
