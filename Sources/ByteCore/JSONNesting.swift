/// How deeply JSON objects and arrays may nest: one limit for the loader (a row's nested value)
/// and for every reader after it (the exporter's check of that value, `verify`), so a value one
/// accepts is never refused or rewritten by another.
public enum JSONNesting {
    /// The most objects and arrays a value may hold one inside another (the value itself counts
    /// as one when it is an object or array; scalars do not count).
    public static let limit = 512
}
