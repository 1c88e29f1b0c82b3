/// Whether a query row read again from its file is the row the loader kept from that line:
/// the same time and account, and the same identifying values (API key, IP, ASN, client,
/// model, category, token counts), each read as the loader reads it (trimmed, an ASN as
/// `AS<number>`, a token count clamped or 0) and compared with the ids it kept. A same-size
/// edit in the middle of a file that kept the time and account but changed an IP would
/// otherwise be exported as the new value while the risk was computed on the old one.
///
/// Values are compared as bytes against the pools (no String or copy per row, but for an ASN
/// spelled otherwise than it is kept); a column the row no longer holds reads as empty (-1, or
/// a count of 0), as it did at load.
enum QueryRowIdentity {
    /// True when `pairs` (as `QueryRowFetcher` decodes a line) hold what `data` loaded as `row`.
    static func matches(_ pairs: [(key: String, value: [UInt8], isRaw: Bool)], row: Int, data: CaseData) -> Bool {
        let q = data.queries, pools = data.pools
        let context = Int(q.context[row])
        let contexts = q.contexts
        var sawTime = false, sawAccount = false
        var seen = 0  // Columns checked, by bit: an absent one is checked as empty below.
        var scratch: [UInt8] = []
        for pair in pairs {
            let same: Bool
            let bit: Int
            switch pair.key {
            case "ts":
                sawTime = true
                let time = pair.value.span
                same = Timestamp.parseMillis(time.extracting(ByteCompare.trimmedRange(time))) == q.timestamp(row)
                bit = 0
            case "account_id":
                sawAccount = true
                same = FieldParsing.loadsAccountID(pair.value.span, as: Int32(q.account(ofRow: row)), in: pools.accountIDs)
                bit = 0
            case "api_key": (same, bit) = (FieldParsing.loads(pair.value.span, as: contexts.apiKey[context], in: pools.apiKeys), 1)
            case "ip": (same, bit) = (FieldParsing.loads(pair.value.span, as: contexts.ip[context], in: pools.ips), 2)
            case "asn": (same, bit) = (FieldParsing.loadsASN(pair.value.span, as: contexts.asn[context], in: pools.asns, scratch: &scratch), 3)
            case "user_agent":
                (same, bit) = (FieldParsing.loads(pair.value.span, as: contexts.userAgent[context], in: pools.userAgents), 4)
            case "model": (same, bit) = (FieldParsing.loads(pair.value.span, as: contexts.model[context], in: pools.models), 5)
            case "category": (same, bit) = (FieldParsing.loads(pair.value.span, as: q.category(row), in: pools.categories), 6)
            case "input_tokens": (same, bit) = (QueryLoader.keptTokens(pair.value.span) == q.inputTokens(row), 7)
            case "output_tokens": (same, bit) = (QueryLoader.keptTokens(pair.value.span) == q.outputTokens(row), 8)
            default: continue
            }
            guard same else { return false }
            seen |= 1 << bit
        }
        guard sawTime, sawAccount else { return false }
        // Columns the line does not hold were empty at load too.
        func heldOr(_ bit: Int, _ isEmpty: Bool) -> Bool { seen & (1 << bit) != 0 || isEmpty }
        return heldOr(1, contexts.apiKey[context] == -1) && heldOr(2, contexts.ip[context] == -1)
            && heldOr(3, contexts.asn[context] == -1) && heldOr(4, contexts.userAgent[context] == -1)
            && heldOr(5, contexts.model[context] == -1) && heldOr(6, q.category(row) == -1)
            && heldOr(7, q.inputTokens(row) == 0) && heldOr(8, q.outputTokens(row) == 0)
    }
}
