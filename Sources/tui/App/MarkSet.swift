/// The marked rows' keys, kept in the order they were marked: `=` compares two accounts left
/// and right as marked (a trial saw them listed in reverse, by key), and a restored session
/// keeps the order. Membership and removal are by key, at the cost of a set; walking the marks
/// sorts them by when each was marked.
struct MarkSet: Equatable, Sendable, Sequence, ExpressibleByArrayLiteral {
    /// Each marked key with its place in the marking order.
    private var placed: [String: Int] = [:]
    /// The next place given.
    private var next = 0

    init() {}

    init(arrayLiteral keys: String...) { self.init(keys) }

    /// The keys marked in the order given.
    init<Keys: Sequence>(_ keys: Keys) where Keys.Element == String {
        for key in keys { insert(key) }
    }

    var count: Int { placed.count }
    var isEmpty: Bool { placed.isEmpty }

    func contains(_ key: String) -> Bool { placed[key] != nil }

    /// Marks `key` after every key marked before it; a key already marked keeps its place.
    mutating func insert(_ key: String) {
        guard placed[key] == nil else { return }
        placed[key] = next
        next += 1
    }

    mutating func remove(_ key: String) { placed[key] = nil }

    mutating func removeAll() { placed = [:] }

    /// The keys in the order they were marked.
    var ordered: [String] { placed.sorted { $0.value < $1.value }.map(\.key) }

    func makeIterator() -> IndexingIterator<[String]> { ordered.makeIterator() }

    /// The same keys marked, whatever the order.
    static func == (a: MarkSet, b: MarkSet) -> Bool { a.placed.count == b.placed.count && a.placed.keys.allSatisfy(b.contains) }
}
