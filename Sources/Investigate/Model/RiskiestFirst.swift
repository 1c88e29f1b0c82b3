extension Investigation {
    /// `accounts` ordered riskiest first by account risk, ties in their given order: how
    /// `pivot` (text and JSON), the console's value sheet and `clusters` list accounts.
    public func riskiestFirst<C: Collection>(_ accounts: C) -> [Int] where C.Element: BinaryInteger {
        accounts.map { Int($0) }.enumerated().sorted { x, y in
            let rx = accountRisk[x.element], ry = accountRisk[y.element]
            return rx != ry ? rx > ry : x.offset < y.offset
        }.map(\.element)
    }
}
