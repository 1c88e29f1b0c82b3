import ByteCore

/// The context (API key, IP, ASN, client, model) of each account's last row in a loading
/// worker's slices, by the worker's own account ids.
///
/// A real API log is in time order: consecutive rows belong to different accounts, so a column's
/// last value (`RepeatCache`) rarely matches, and every value would be hashed and looked up in
/// its pool, three dependent memory reads each (slot, start, bytes), then the tuple in the
/// context table. An account's own rows, though, mostly repeat its key, address, client and
/// model. So a row's values are first checked against those of the account's last context: one
/// exact byte comparison per value, independent of each other. A value that differs is interned
/// as before. Ids are the same either way; only the work changes.
///
/// The entry holds the context's value ids beside its id, so that a row reads one line of the
/// memo rather than that line and then five context columns, each a likely cache miss in time
/// order. Twenty-four bytes an account, for as long as the worker parses.
final class AccountRowMemo {
    /// An account's last context and that context's value ids (the context table's columns).
    struct Entry: BitwiseCopyable {
        /// The context id, or -1 when the account has no row yet.
        var context: Int32
        var apiKey: Int32
        var ip: Int32
        var asn: Int32
        var userAgent: Int32
        var model: Int32

        /// No context: value ids that no interned id equals.
        static let none = Entry(context: -1, apiKey: -2, ip: -2, asn: -2, userAgent: -2, model: -2)

        /// The value ids in the lanes `QueryRowBatch` compares (API key, IP, ASN, client, model,
        /// then zeros).
        @inline(__always)
        var values: SIMD8<Int32> { SIMD8(apiKey, ip, asn, userAgent, model, 0, 0, 0) }
    }

    private let entries = GrowableBuffer<Entry>()

    /// `account`'s last context and its values, or `Entry.none`.
    @inline(__always)
    func last(_ account: Int32) -> Entry {
        entries.value(at: Int(account)) ?? .none
    }

    /// Remembers the context of `account`'s row and its value ids (lanes 0-4 of `values`).
    @inline(__always)
    func remember(_ account: Int32, context: Int32, values: SIMD8<Int32>) {
        guard account >= 0 else { return }
        let index = Int(account)
        while entries.count <= index { entries.append(.none) }
        entries[index] = Entry(
            context: context, apiKey: values[0], ip: values[1], asn: values[2], userAgent: values[3], model: values[4])
    }
}
