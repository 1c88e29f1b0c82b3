/// Whether a row's token-count field, as written, is one the loader reads as a count
/// (`FieldParsing.tokenCount`: `44`, `44.0`, text of digits), for what prints a row's counts:
/// a field the loader kept as 0 with a warning (`-4`, `true`, `1.5`) is no count to show.
public enum TokenCountText {
    /// True when the loader reads `bytes` (trimmed of spaces and tabs) as a whole number.
    public static func isCount(_ bytes: [UInt8]) -> Bool {
        let span = bytes.span
        return FieldParsing.tokenCount(span.extracting(ByteCompare.trimmedRange(span))) != nil
    }
}
