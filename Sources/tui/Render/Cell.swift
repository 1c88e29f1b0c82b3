/// Visual attributes of one cell. Meaning never rides on colour alone, so every attribute here
/// also survives a monochrome terminal.
struct CellStyle: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    static let bold = CellStyle(rawValue: 1)
    static let reverse = CellStyle(rawValue: 2)
    static let dim = CellStyle(rawValue: 4)
    static let underline = CellStyle(rawValue: 8)
}

/// A semantic colour; the surface maps it to a colour pair, or to nothing under `NO_COLOR`.
enum ColorRole: UInt8, Hashable, Sendable, CaseIterable {
    case normal, accent, danger, warning, muted, good
}

/// One terminal cell: a grapheme of display width 1 or 2, or the right half of a wide one.
struct Cell: Hashable, Sendable {
    /// The grapheme drawn here (" " for blank; "" for the continuation of a wide grapheme).
    var text: Character?
    /// Display width: 1, 2, or 0 for a continuation cell.
    var width: UInt8
    /// Attributes.
    var style: CellStyle
    /// Colour role.
    var role: ColorRole

    /// A blank cell.
    static let blank = Cell(text: " ", width: 1, style: [], role: .normal)

    /// True for the right half of a wide grapheme.
    var isContinuation: Bool { width == 0 }
}
