import ByteCore
import Testing
@testable import Investigate

/// The loader's closure-free interning with a guess (the account's last id) and a column cache:
/// whatever the guess and whatever the cache remembers, the id is the one a plain intern gives,
/// in the same order, so a stale guess or cache entry never leaks into the table.
@Suite struct FieldParsingGuessTests {
    /// Values that alternate, share prefixes and lengths, and collide on the cache's entry.
    static let values: [[UInt8]] = ["k1", "k2", "k1", "k10", "k1", "", "1", "k2", "k2", "k01", "k1"].map { Array($0.utf8) }

    @Test func aStaleGuessOrCacheNeverGivesAnotherValuesID() {
        let pool = StringPool(), reference = StringPool()
        let cache = RepeatCache()
        var state: UInt64 = 99
        for step in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = Self.values[Int(state >> 33) % Self.values.count]
            // Guesses: none, a wrong id, a right one, one past the pool.
            let guesses: [Int32] = [-2, -1, Int32(step % max(1, pool.count)), Int32(pool.count + 3)]
            let guess = guesses[Int(state >> 20) % guesses.count]
            let id = FieldParsing.intern(trimmed: value.span, in: pool, guess: guess, cache: cache)
            let expected: Int32 = value.isEmpty ? -1 : reference.intern(value)
            #expect(id == expected, "value \(value) guess \(guess)")
        }
        #expect(pool.count == reference.count)
    }

    @Test func anASNGuessMatchesItsDigitsButNoOtherNumber() {
        let pool = StringPool()
        let cache = RepeatCache()
        var scratch: [UInt8] = []
        let as16509 = FieldParsing.internASN(Array("AS16509".utf8).span, in: pool, scratch: &scratch)
        let as1650 = FieldParsing.internASN(Array("1650".utf8).span, in: pool, scratch: &scratch)
        func id(_ text: String, guess: Int32) -> Int32 {
            FieldParsing.internASN(trimmed: Array(text.utf8).span, in: pool, guess: guess, cache: cache, scratch: &scratch)
        }
        #expect(id("16509", guess: as16509) == as16509)
        #expect(id("1650", guess: as16509) == as1650)
        #expect(id("16509", guess: as1650) == as16509)
        #expect(id("165090", guess: as16509) == pool.lookup(Array("AS165090".utf8).span))
        #expect(id("as16509", guess: as1650) == as16509)
        #expect(id("", guess: as16509) == -1)
        #expect(pool.count == 3)
    }

    /// An ASN written with a space after `AS` is the same ASN; text that is not a number is kept.
    @Test func anASNIsOneValueHoweverItIsWritten() {
        let pool = StringPool()
        var scratch: [UInt8] = []
        func id(_ text: String) -> Int32 { FieldParsing.internASN(Array(text.utf8).span, in: pool, scratch: &scratch) }
        let as16509 = id("AS16509")
        for text in ["AS 16509", "as\t16509", " As  16509 ", "16509", "as16509", "ASN16509", "asn 16509"] {
            #expect(id(text) == as16509, "\(text)")
        }
        #expect(pool.count == 1)
        #expect(id("ASNX") == pool.lookup(Array("ASNX".utf8).span))
        #expect(id("AS") == pool.lookup(Array("AS".utf8).span))
        #expect(id("AS x") == pool.lookup(Array("AS X".utf8).span))
        #expect(pool.count == 4)
    }
}
