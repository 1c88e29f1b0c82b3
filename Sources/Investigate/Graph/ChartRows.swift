/// The query rows a chart of activity draws and the rows it leaves out, by the timing analysis's
/// own rule (`ActivityWindow`, the one the loader warns by: "kept, out of the timing analysis").
/// A chart's range comes from the rows inside alone, so three rows dated 1970, 2099 and 9999 on a
/// ring member no longer stretch the ring's month into one bar of 24,441 days; the rows left out
/// are counted and their date span said beside the chart (`note`, `shortNote`).
public struct ChartRows: Sendable, Equatable {
    /// The rows inside: how many, and their first and last time (epoch ms; `first > last` when none).
    public private(set) var count = 0
    public private(set) var first = Int64.max
    public private(set) var last = Int64.min
    /// The rows left out (set aside from the timing analysis at load): how many, first, last.
    public private(set) var outside = 0
    public private(set) var outsideFirst = Int64.max
    public private(set) var outsideLast = Int64.min

    let window: ActivityWindow

    init(window: ActivityWindow) { self.window = window }

    /// Nothing counted yet, by the window of `investigation` (`coActivity.activity`).
    public init(_ investigation: Investigation) { self.init(window: investigation.coActivity.activity) }

    /// Counts a row at `millis`; returns whether the chart draws it.
    @discardableResult
    public mutating func add(_ millis: Int64) -> Bool {
        if window.contains(millis) {
            count += 1
            first = min(first, millis)
            last = max(last, millis)
            return true
        }
        outside += 1
        outsideFirst = min(outsideFirst, millis)
        outsideLast = max(outsideLast, millis)
        return false
    }

    /// Whether the chart draws a row at `millis`.
    public func draws(_ millis: Int64) -> Bool { window.contains(millis) }

    /// The left-out rows' date span, `1970-01-01 ... 9999-12-31` (one date when they share a day).
    var outsideSpan: String {
        let a = Timestamp.format(millis: outsideFirst).prefix(10), b = Timestamp.format(millis: outsideLast).prefix(10)
        return a == b ? String(a) : "\(a) ... \(b)"
    }

    /// What the report says under its chart: `3 rows outside the chart (1970-01-01 ... 9999-12-31):
    /// set aside from the timing analysis at load`; nil when every row is drawn.
    public var note: String? {
        guard outside > 0 else { return nil }
        let rows = outside == 1 ? "1 row" : "\(outside) rows"
        return "\(rows) outside the chart (\(outsideSpan)): set aside from the timing analysis at load"
    }

    /// The console's form, beside its activity strip: `+3 set aside (1970-01-01 ... 9999-12-31)`.
    public var shortNote: String? {
        outside > 0 ? "+\(outside) set aside (\(outsideSpan))" : nil
    }
}
