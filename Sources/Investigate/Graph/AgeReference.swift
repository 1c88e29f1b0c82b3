extension Investigation {
    /// The instant account ages are measured to, epoch ms: the end of the population's activity
    /// window (`ActivityWindow`), or a later account creation within a year of it; never the
    /// latest time any row gives. One query dated 9999-12-31 (a "never" placeholder) is an
    /// outlying time, kept out of the timing analysis; measured from it, every account was 2.9
    /// million days old. With no queries, the latest creation time (never before the epoch).
    public var ageReference: Int64 {
        let window = coActivity.activity
        let created = data.accounts.createdAt
        guard window.first <= window.last else { return max(created.max() ?? 0, 0) }
        let reach = window.last + ActivityWindow.silence
        return created.reduce(window.last) { $1 > $0 && $1 <= reach ? $1 : $0 }
    }
}
