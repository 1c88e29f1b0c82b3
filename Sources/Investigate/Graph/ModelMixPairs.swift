import Synchronization

/// The model mix of each account (`LinkKind.modelMix`): the models it sends at least a fifth of
/// its queries to, once it has sent `minimumQueries`. Like a template family (a band holding a
/// fifth of an account's prompts), the fifth keeps what the account mainly does and drops the
/// occasional other model; the mix's weight, as for every kind, comes from how many accounts
/// hold it (`EvidenceWeights`): "mostly sonnet" is held by thousands and weighs nothing, an old
/// pair of models half and half by a few and weighs a lot.
///
/// A mix is named by its models' exact bytes in byte order, joined by ` + ` (a `+` or `\` inside
/// a name is written `\+` or `\\`, so two different mixes never share a name), and interned in
/// `ValuePools.modelMixes`.
struct ModelMixPairs {
    let data: CaseData

    /// Queries an account must have sent before its shares are a mix.
    static let minimumQueries = 5

    /// Serialises interning into the shared pool (an index built twice over one source, as
    /// tests do, interns the same names again).
    private static let poolLock = Mutex(())

    /// The (account, mix) pairs, one per account that has a mix, in account order.
    /// - Complexity: O(queries + accounts × models per account).
    func pairs() -> LinkPairs.Pairs {
        let queries = data.queries
        let contexts = queries.contexts
        let modelCount = data.pools.models.count
        var counts = [Int32](repeating: 0, count: max(1, modelCount))
        var used: [Int32] = []
        var mixOf = [[Int32]](repeating: [], count: data.accountCount)
        for account in 0..<data.accountCount {
            used.removeAll(keepingCapacity: true)
            var total: Int32 = 0
            for row in queries.rows(of: account) {
                let model = contexts.model[Int(queries.context[row])]
                guard model >= 0, Int(model) < modelCount else { continue }
                if counts[Int(model)] == 0 { used.append(model) }
                counts[Int(model)] += 1
                total += 1
            }
            if total >= Self.minimumQueries {
                mixOf[account] = used.filter { counts[Int($0)] * 5 >= total }
            }
            for model in used { counts[Int(model)] = 0 }
        }
        let names = data.pools.models
        var nameOfModel: [Int32: [UInt8]] = [:]
        func escapedName(_ model: Int32) -> [UInt8] {
            if let known = nameOfModel[model] { return known }
            var out: [UInt8] = []
            for byte in names.bytes(model) {
                if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            }
            nameOfModel[model] = out
            return out
        }
        var out = LinkPairs.Pairs()
        Self.poolLock.withLock { _ in
            let pool = data.pools.modelMixes
            for (account, mix) in mixOf.enumerated() where !mix.isEmpty {
                let parts = mix.map(escapedName).sorted { $0.lexicographicallyPrecedes($1) }
                var name: [UInt8] = []
                for (i, part) in parts.enumerated() {
                    if i > 0 { name += Array(" + ".utf8) }
                    name += part
                }
                out.add(Int32(account), pool.intern(name))
            }
        }
        return out
    }
}
