import Foundation
import Testing
@testable import Investigate

/// A co-firing count pairs the two accounts' bursts one to one: the same whichever account is
/// read first, never more than the fewer bursts of the two (a count of "3 times" for an account
/// that fired twice was one-sided), and the account's timing summary says what it counts.
@Suite struct CoFiringCountTests {
    typealias S = SignalTestSource

    /// Seconds: `a` fires twice; `b` fires three times, twice within 5 s of `a`'s first firing
    /// (6 s apart, so two bursts of its own) and once with `a`'s second.
    static let a: [UInt32] = [100, 5_000]
    static let b: [UInt32] = [97, 103, 5_002]

    /// A small population's co-activity (the pair counts below read only the bursts given).
    static func activity() throws -> CoActivity {
        var s = S()
        s.addBackground(count: 5)
        return try s.investigate().coActivity
    }

    @Test func burstsArePairedOneToOneWhicheverAccountIsReadFirst() throws {
        let activity = try Self.activity()
        let ab = activity.coFiring(seconds: Self.a[...], Self.b[...])
        let ba = activity.coFiring(seconds: Self.b[...], Self.a[...])
        // Read from b's side, each of b's three bursts has one of a's within 5 s; a fired twice.
        #expect(ab.together == 2 && ba.together == 2)
        #expect(ab.together <= min(Self.a.count, Self.b.count))
    }

    @Test func pairsTakeTheMostThereCanBe() throws {
        let activity = try Self.activity()
        // x's 10 is within 5 s of both of y's: paired with 14 it would leave 16 alone and 6
        // unpaired (one pair); earliest first pairs 10~6 and 16~14 (two), from either side.
        let x: [UInt32] = [10, 16], y: [UInt32] = [6, 14]
        #expect(activity.coFiring(seconds: x[...], y[...]).together == 2)
        #expect(activity.coFiring(seconds: y[...], x[...]).together == 2)
        // Nothing within the window: no pair.
        #expect(activity.coFiring(seconds: [0, 100][...], [50, 200][...]).together == 0)
    }

    @Test func anAccountsCountIsNeverMoreThanItsFirings() throws {
        var s = S()
        s.addBackground(count: 20)
        for id in ["a", "b"] {
            s.account(.init(id: id, created: "2025-06-01T00:00:00Z", email: "\(id)@gmail.com", payment: "pf-\(id)"))
        }
        for k in 0..<6 {
            let tick = S.base + Int64(k) * 2 * S.day + 3_600_000
            s.query("a", at: tick, prompt: "alpha \(k)")
            // b fires 3 s before and 3 s after each of a's firings: two bursts of its own each time.
            s.query("b", at: tick - 3_000, prompt: "beta \(k)")
            s.query("b", at: tick + 3_000, prompt: "gamma \(k)")
        }
        let inv = try s.investigate()
        let a = inv.data.accountIndex("a")!, b = inv.data.accountIndex("b")!
        #expect(inv.coActivity.bursts(of: a).count == 6 && inv.coActivity.bursts(of: b).count == 12)
        #expect(inv.coActivity.coFiring(a, b).together == 6)
        #expect(inv.coActivity.coFiring(b, a) == inv.coActivity.coFiring(a, b))
        let partners = inv.coActivity.partners(of: b, accountCount: inv.data.accountCount)
        #expect(partners.firings == 12)
        #expect(partners.partners.first?.account == a && partners.partners.first?.firing.together == 6)
        #expect(partners.summary.hasPrefix("fires with 1 account within 5 s, 6 times; "))
        #expect(partners.summary.contains("a time pairs one of its 12 firings with one of a partner's"))
    }

    @Test func anAccountFiringWithNobodySaysSo() throws {
        var s = S()
        s.addBackground(count: 10)
        s.account(.init(id: "alone", created: "2025-06-01T00:00:00Z"))
        for k in 0..<3 { s.query("alone", at: S.base + Int64(k) * S.day + 1_234_000, prompt: "solo \(k)") }
        let inv = try s.investigate()
        let partners = inv.coActivity.partners(of: inv.data.accountIndex("alone")!, accountCount: inv.data.accountCount)
        #expect(partners.partners.isEmpty)
        #expect(partners.summary == "fires with no account within 5 s more often than chance (3 firings)")
    }
}
