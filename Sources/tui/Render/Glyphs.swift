/// The symbols the views draw with: Unicode box drawing and ellipsis in a UTF-8 locale, plain
/// ASCII otherwise (`LANG=C`, `TERM=vt100`).
struct Glyphs: Sendable, Equatable {
    /// True when only ASCII may reach the terminal.
    let ascii: Bool
    let ellipsis: String
    let horizontal: String
    let vertical: String
    let barFull: String
    let barEmpty: String
    let sparks: [String]
    let separator: String

    /// Unicode drawing.
    static let unicode = Glyphs(
        ascii: false, ellipsis: "…", horizontal: "─", vertical: "│", barFull: "█", barEmpty: "░",
        sparks: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], separator: "›")
    /// ASCII drawing.
    static let asciiOnly = Glyphs(
        ascii: true, ellipsis: "~", horizontal: "-", vertical: "|", barFull: "#", barEmpty: ".",
        sparks: ["_", ".", ":", "-", "=", "+", "*", "#"], separator: ">")

    /// The glyphs for a locale string such as `$LC_ALL`/`$LANG`'s resolved value.
    static func forLocale(_ codeset: String?) -> Glyphs {
        guard let codeset = codeset?.lowercased() else { return .asciiOnly }
        return codeset.contains("utf-8") || codeset.contains("utf8") ? .unicode : .asciiOnly
    }
}
