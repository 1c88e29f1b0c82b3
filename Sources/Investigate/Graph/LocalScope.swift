/// Where a value of an origin kind (IP, subnet, ASN, mail domain) is local: the country most of
/// its holders declare. A national ISP or a country's mail provider is common among that
/// country's accounts however rare it looks against the whole population, so for two accounts
/// of that country the chance of sharing it is read against the country's accounts, not all of
/// them (`EvidenceWeights.weight(_:sharedBy:within:)`). Without a `country` column nothing is local.
public struct LocalScope: Sendable {
    /// Per kind position: each value's country (label id), or -1 when no country holds a strict
    /// majority of its holders (empty for kinds that are not origins).
    let valueCountry: [[Int32]]
    /// Accounts per country, by label id.
    let countrySize: [Int32]

    /// Measures every origin value's country on the index.
    /// - Complexity: O(distinct (account, value) pairs of origin kinds).
    init(index: LinkIndex) {
        let countries = index.data.accounts.country
        let labels = index.data.pools.labels.count
        var sizes = [Int32](repeating: 0, count: labels)
        for c in countries where c >= 0 && Int(c) < labels { sizes[Int(c)] += 1 }
        countrySize = sizes
        var perKind: [[Int32]] = []
        for kind in LinkKind.allCases {
            guard EvidenceWeights.isOrigin(kind), sizes.contains(where: { $0 > 0 }) else {
                perKind.append([])
                continue
            }
            var local = [Int32](repeating: -1, count: index.valueCount(kind))
            for value in local.indices {
                let holders = index.accounts(sharing: kind, value: Int32(value))
                guard holders.count >= 2 else { continue }
                // Boyer-Moore majority vote, then a count to confirm it.
                var candidate: Int32 = -1, votes = 0
                for a in holders {
                    let c = countries[Int(a)]
                    if votes == 0 { (candidate, votes) = (c, 1) } else { votes += c == candidate ? 1 : -1 }
                }
                guard candidate >= 0 else { continue }
                let inCountry = holders.reduce(0) { $0 + (countries[Int($1)] == candidate ? 1 : 0) }
                if 2 * inCountry > holders.count { local[value] = candidate }
            }
            perKind.append(local)
        }
        valueCountry = perKind
    }

    /// Restores a measured scope.
    init(valueCountry: [[Int32]], countrySize: [Int32]) {
        self.valueCountry = valueCountry
        self.countrySize = countrySize
    }

    /// No value is local (a model without countries, for tests).
    static let none = LocalScope(valueCountry: LinkKind.allCases.map { _ in [] }, countrySize: [])

    /// The accounts of the country a shared value is local to, when both accounts are of it;
    /// nil otherwise (the whole population is the scope).
    func scope(_ kind: LinkKind, value: Int32, _ a: Int, _ b: Int, countries: [Int32]) -> Int? {
        let local = valueCountry[kind.position]
        guard Int(value) < local.count else { return nil }
        let country = local[Int(value)]
        guard country >= 0, countries[a] == country, countries[b] == country else { return nil }
        return Int(countrySize[Int(country)])
    }

    /// The country label id a value is local to, or nil.
    func country(_ kind: LinkKind, value: Int32) -> Int32? {
        let local = valueCountry[kind.position]
        guard Int(value) < local.count, local[Int(value)] >= 0 else { return nil }
        return local[Int(value)]
    }
}
