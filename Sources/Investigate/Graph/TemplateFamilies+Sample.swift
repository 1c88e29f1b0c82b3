/// A template family's text: one prompt of it, found by digesting a few of its holders' prompts
/// again (the per-query sketches are freed once the families are found). Read-only; reads the
/// source files, so callers run it off the input path.
extension TemplateFamilies {
    /// A family's stable name from its band key (`tf-1a2b3c4d`).
    static func name(ofBand key: UInt64) -> String {
        "tf-" + String(ByteHash.mix(key) & 0xFFFF_FFFF, radix: 16)
    }

    /// The names of the two families a prompt sketch falls in (one per band), whether or not
    /// they were kept as families.
    public static func names(ofSketch sketch: UInt64) -> [String] {
        let (a, b) = bandKeys(sketch)
        return [name(ofBand: a), name(ofBand: b)]
    }

    /// One prompt of the family `name` (its exact bytes), from the first `accountsTried` of
    /// `accounts` (in the order given), reading at most `rowsPerAccount` queries of each; nil
    /// when none of those prompts falls in it (a fingerprint-only source has no text to show).
    public static func samplePrompt(
        of name: String, accounts: [Int], data: CaseData, accountsTried: Int = 3, rowsPerAccount: Int = 64
    ) -> [UInt8]? {
        let digest = PromptDigest()
        let fetcher = QueryRowFetcher(data: data)
        for account in accounts.prefix(accountsTried) {
            let rows = Array(data.queries.rows(of: account).prefix(rowsPerAccount))
                .filter { data.queries.promptFlags($0) & PromptDigest.Flags.fingerprintOnly == 0 }
            guard let fetched = try? fetcher.exactRows(rows) else { continue }
            for pairs in fetched {
                guard let prompt = pairs.first(where: { $0.key == "prompt" })?.value, !prompt.isEmpty else { continue }
                let (sketch, _) = digest.digest(prompt.span)
                if names(ofSketch: sketch).contains(name) { return prompt }
            }
        }
        return nil
    }
}
