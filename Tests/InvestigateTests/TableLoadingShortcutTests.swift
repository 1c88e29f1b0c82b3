import Testing

@testable import Investigate

/// The table loaders' shortcuts (payments checked against the next account and card before any
/// hashing, slots fetched ahead, subnets interned in batches) must load exactly what a plain
/// lookup would.
@Suite struct TableLoadingShortcutTests {
    @Test func paymentsInAnyOrderLoadExactly() throws {
        let ids = (0..<40).map { "acct_\($0)" }
        var accounts = "account_id,payment_fingerprint,signup_ip\n"
        for (index, id) in ids.enumerated() { accounts += "\(id),pf_\(index % 7 == 0 ? 0 : index),10.0.\(index % 3).\(index)\n" }
        // In account order, then reversed, then shuffled with shared and new cards (padded: a
        // card is read trimmed; an id is exact bytes), an unknown account and a missing card.
        var expected: [(account: String, card: String)] = []
        var payments = "account_id,payment_fingerprint,kind\n"
        for (index, id) in ids.enumerated() {
            payments += "\(id),pf_\(index),card\n"
            expected.append((id, "pf_\(index)"))
        }
        for (index, id) in ids.enumerated().reversed() {
            payments += "\(id),pf_shared_\(index % 2),card\n"
            expected.append((id, "pf_shared_\(index % 2)"))
        }
        var random = SeededRandom(seed: 5)
        for _ in 0..<60 {
            let index = random.int(0...(ids.count - 1))
            let card = random.chance(0.5) ? "pf_\(random.int(0...50))" : "pf_new_\(random.int(0...5))"
            payments += "\(ids[index]), \(card) ,invoice\n"
            expected.append((ids[index], card))
        }
        payments += "acct_missing,pf_1,card\nacct_3,,card\n"
        let data = try TempSource(["accounts.csv": accounts, "payments.csv": payments, "queries.jsonl": ""]).load()
        #expect(data.report.skippedCount == 2)
        let loaded = (0..<data.payments.account.count).map { row in
            (
                data.pools.accountIDs.string(data.payments.account[row]),
                data.pools.payments.string(data.payments.fingerprint[row])
            )
        }
        #expect(loaded.map(\.0) == expected.map(\.account))
        #expect(loaded.map(\.1) == expected.map(\.card))
        // Every card is one value: the guessed ids are the ids a lookup gives.
        for row in 0..<data.payments.fingerprint.count {
            let card = data.pools.payments.string(data.payments.fingerprint[row])
            #expect(data.pools.payments.lookup(card) == data.payments.fingerprint[row])
        }
    }

    @Test func subnetsInBatchesMatchEachAddress() throws {
        var accounts = "account_id,signup_ip\n"
        // 37 addresses: not a multiple of the batch; IPv4, IPv6, padded and not addresses.
        var addresses: [String] = []
        for index in 0..<37 {
            switch index % 5 {
            case 0: addresses.append("192.168.\(index).\(index)")
            case 1: addresses.append("2001:db8:\(index)::\(index)")
            case 2: addresses.append("not-an-ip-\(index)")
            case 3: addresses.append("10.\(index % 4).0.1")
            default: addresses.append("300.1.1.\(index)")
            }
            accounts += "a\(index),\(addresses[index])\n"
        }
        let data = try TempSource(["accounts.csv": accounts, "queries.jsonl": ""]).load()
        #expect(data.ipSubnet.count == data.pools.ips.count)
        for id in 0..<data.pools.ips.count {
            let address = data.pools.ips.string(Int32(id))
            let subnet = IPNetwork.subnet(of: address)
            let stored = data.ipSubnet[id]
            #expect((stored < 0 ? nil : data.pools.subnets.string(stored)) == subnet, "\(address)")
        }
        // Subnet ids follow the first address that has each subnet.
        var seen: [Int32] = []
        for id in data.ipSubnet where id >= 0 && !seen.contains(id) { seen.append(id) }
        #expect(seen == seen.sorted())
    }
}

/// Email domains, countries and statuses are kept lowercased whichever case a row used; values
/// already lowercase are interned without a copy, the others through one.
@Suite struct LowercasedLabelTests {
    @Test func domainsAndLabelsMeetWhateverTheirCase() throws {
        let accounts = """
            account_id,email,country,status
            a1,x@Gmail.COM,US,Active
            a2,y@gmail.com,us,active
            a3,z@GMAIL.com,Us,ACTIVE
            a4,w@other.example,de,suspended

            """
        let data = try TempSource(["accounts.csv": accounts, "queries.jsonl": ""]).load()
        let domains = data.accounts.emailDomain.map { data.pools.emailDomains.string($0) }
        #expect(domains == ["gmail.com", "gmail.com", "gmail.com", "other.example"])
        #expect(data.pools.emailDomains.count == 2)
        #expect(data.accounts.country.map { data.pools.labels.string($0) } == ["us", "us", "us", "de"])
        #expect(Set(data.accounts.status[0..<3]).count == 1)
    }
}

/// A repeat cache of several entries gives exactly the pool's ids, for values that collide on an
/// entry, empty values and values too long to remember.
@Suite struct RepeatCacheTests {
    @Test func severalEntriesGiveThePoolsIds() {
        let values = ["claude-sonnet-4", "claude-opus-4", "x", "", "medicine", "data_analysis", "coding", "ab", "ba",
            String(repeating: "z", count: 300), "claude-sonnet-5", "claude-sonnet-4 "]
        for entries in [1, 2, 16] {
            let pool = StringPool(), cache = RepeatCache(entries: entries)
            var random = SeededRandom(seed: UInt64(entries))
            for _ in 0..<2000 {
                var value = random.pick(values)
                let id = value.withUTF8 { raw in cache.id(for: raw.span) { pool.intern($0) } }
                #expect(id == pool.intern(value), "\(value) with \(entries) entries")
            }
        }
    }
}
