/// How the console shows a source's own extra columns (an account's `referrer_source`...): apart
/// from the tool's fields, each name quoted after a label, so a column named like one of them
/// (`risk`, `cluster`, `tags`) never reads as the tool's verdict (a trial's `risk 0.01 ... cluster
/// c999 tags benign` sat one line under the tool's `cluster c4  risk 0.00`, alike).
enum SourceColumns {
    /// Put before the source's own columns.
    static let label = "from the source:"

    /// A source column's name (already escaped for display) as shown: in double quotes, a quote
    /// inside it escaped (`\"`), so a name cannot close its quotes and go on as the tool's fields
    /// (`x" 0.01  cluster c1  risk 0.00  "y`). Backslashes are already doubled by the escaping.
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }

    /// A value as shown after its name: as it is, or quoted like a name when it holds a blank or
    /// a quote (`"note" "x  cluster c1"`), so it cannot read as further fields.
    static func shownValue(_ value: String) -> String {
        value.contains(where: { $0 == " " || $0 == "\"" }) ? quoted(value) : value
    }

    /// The columns as an account header's parts (`SheetHeaders.attributeLine`): each name
    /// quoted, the first after the label (`... out 120  from the source: "risk" 0.01  "cluster" c999`).
    static func parts(_ fields: [(name: String, value: String)]) -> [(name: String, value: String)] {
        fields.enumerated().map { index, field in
            ((index == 0 ? label + " " : "") + quoted(field.name), shownValue(field.value))
        }
    }

    /// A column's key in the pair view (`=`): `source "risk"`.
    static func recordKey(_ name: String) -> String { "source " + quoted(name) }
}
