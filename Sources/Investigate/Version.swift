/// The tool's version, recorded in bundles and printed by `--version`.
public enum InvestigateVersion {
    /// The version string.
    public static let string = "0.1.0"
}
