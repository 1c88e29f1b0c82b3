extension TemplateFamilies {
    /// The family uses of light accounts (fewer than `2 × shareDivisor` prompts, so a fifth of
    /// them is under the two prompts a use needs): each band of theirs that two or more accounts
    /// already use as a family is a use when it holds a fifth of their prompts, even one prompt.
    ///
    /// A family made by accounts that each sent two or more prompts on it is a scaffold, not a
    /// chance: a prompt of a light account landing in the same band was built on it (a band is
    /// two MinHash values of the prompt's word pairs; unrelated prompts share one about as often
    /// as two random 32-bit values meet). The band's holders are only those who used it on the
    /// two-prompt rule, so light accounts alone never make a family, and the family's weight,
    /// read from its holders, counts its light users too (a scaffold many light strangers send
    /// weighs less).
    ///
    /// The uses link; they are not counted in `topShare` or `familyShare`, which say how much
    /// of an account's own traffic follows a scaffold, a habit one prompt cannot show (counting
    /// them raised the population's share, and so lowered every cluster's `template_share`).
    /// Returns (account, band key, prompts in it) for each band that was not already its.
    /// - Complexity: O(the light accounts' queries).
    static func lightUses(
        of lightAccounts: [Int32], queries: QueryTable, table: KeyTable, keyAccounts: [Int32]
    ) -> [(account: Int32, key: Int32, count: Int32)] {
        var out: [(account: Int32, key: Int32, count: Int32)] = []
        var counts = BandCounts()
        for account in lightAccounts {
            counts.removeAll()
            var prompted = 0
            for i in queries.accountStart[Int(account)]..<queries.accountStart[Int(account) + 1] {
                let sketch = queries.promptSketch[i]
                if sketch == 0 { continue }
                prompted += 1
                let (a, b) = bandKeys(sketch)
                counts.add(a)
                counts.add(b)
            }
            let floor = Int32(max(1, prompted / shareDivisor))
            counts.forEachByKey { key, count, _ in
                // A band holding two of its prompts was its family already (the two-prompt rule).
                guard count >= floor, count < 2, let id = table.find(key), keyAccounts[Int(id)] >= 2 else { return }
                out.append((account, id, count))
            }
        }
        return out
    }
}
