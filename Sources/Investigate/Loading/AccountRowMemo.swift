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
/// as before. Ids are the same either way; only the work changes. Four bytes an account, for
/// as long as the worker parses.
final class AccountRowMemo {
    private let contexts = GrowableBuffer<Int32>()

    /// The context of `account`'s last row, or -1.
    @inline(__always)
    func last(_ account: Int32) -> Int32 {
        contexts.value(at: Int(account)) ?? -1
    }

    /// Remembers the context of `account`'s row.
    @inline(__always)
    func remember(_ account: Int32, context: Int32) {
        guard account >= 0 else { return }
        let index = Int(account)
        while contexts.count <= index { contexts.append(-1) }
        contexts[index] = context
    }
}
